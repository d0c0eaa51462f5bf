import Kernel
import Support
import Testing

@Suite struct ConnectionInfoTests {
    // The fields jupyter_client's write_connection_file() puts in a connection file.
    @Test func readsAJupyterConnectionFile() throws {
        let json = try JSONValue.parse("""
            {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004,
             "hb_port": 50005, "ip": "127.0.0.1", "key": "a0b1", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "gradbook"}
            """)
        let info = try ConnectionInfo(json: json)
        #expect(info.endpoint(info.shellPort) == "tcp://127.0.0.1:50001")
        #expect(info.heartbeatPort == 50005)
        #expect(info.key == Array("a0b1".utf8))
    }

    @Test func namesWhatIsWrong() throws {
        let missing = try JSONValue.parse(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4}"#)
        #expect(throws: KernelError.badConnectionFile("missing or invalid \"hb_port\"")) { try ConnectionInfo(json: missing) }
        let md5 = try JSONValue.parse(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "signature_scheme": "hmac-md5"}"#)
        #expect(throws: KernelError.self) { try ConnectionInfo(json: md5) }
        #expect(throws: KernelError.self) { try ConnectionInfo(file: "/nonexistent/kernel-1.json") }
    }

    @Test func usesIpcPathsForTheIpcTransport() throws {
        let json = try JSONValue.parse(#"{"transport": "ipc", "ip": "/tmp/k", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}"#)
        let info = try ConnectionInfo(json: json)
        #expect(info.endpoint(info.controlPort) == "ipc:///tmp/k-4")
    }
}
