"""The wire below jupyter_client's conveniences: the heartbeat echoes, and the
kernel acts only on messages signed with the connection file's key (HMAC-SHA256),
checked with raw ZeroMQ sockets and jupyter_client's own Session signer."""

import uuid

import zmq
from jupyter_client.session import Session

from kernel_driver import run_cell


def socket_to(km, kind, channel_port):
    sock = zmq.Context.instance().socket(kind)
    sock.linger = 0
    sock.connect(f"{km.transport}://{km.ip}:{channel_port}")
    return sock


def test_heartbeat_echoes_what_it_gets(km_kc):
    km, _ = km_kc
    sock = socket_to(km, zmq.REQ, km.hb_port)
    try:
        payload = uuid.uuid4().bytes
        sock.send(payload)
        assert sock.poll(5000), "no heartbeat echo within 5 s"
        assert sock.recv() == payload
    finally:
        sock.close()


def send_execute(km, key, code):
    """Sends an execute_request signed with key on a fresh DEALER; returns (socket, session)."""
    session = Session(key=key, signature_scheme="hmac-sha256", username="test")
    sock = socket_to(km, zmq.DEALER, km.shell_port)
    session.send(sock, "execute_request", {"code": code, "silent": False, "store_history": True,
                                           "user_expressions": {}, "allow_stdin": False,
                                           "stop_on_error": True})
    return sock, session


def test_unsigned_or_wrongly_signed_requests_are_ignored(km_kc):
    km, kc = km_kc
    assert km.session.signature_scheme == "hmac-sha256"
    for key in (b"not the connection key", b""):
        sock, _ = send_execute(km, key, "tampered = 1")
        try:
            assert not sock.poll(1000), f"the kernel answered a request signed with {key!r}"
        finally:
            sock.close()
    run = run_cell(kc, "tampered")
    assert run.status == "error" and run.content["ename"] == "NameError", \
        f"a badly signed request ran: {run.describe()}"


def test_correctly_signed_raw_request_is_answered(km_kc):
    km, _ = km_kc
    sock, session = send_execute(km, km.session.key, "6 * 7")
    try:
        assert sock.poll(5000), "no reply to a correctly signed request"
        _, reply = session.feed_identities(sock.recv_multipart())
        message = session.deserialize(reply)  # checks the reply's signature too
        assert message["msg_type"] == "execute_reply"
        assert message["content"]["status"] == "ok", message["content"]
    finally:
        sock.close()
