import Kernel
import Testing

@Suite struct MessageSignerTests {
    // Expected digest from Python:
    //   hmac.new(b"secret-key", b'{"a":1}' + b"{}" + b"{}" + b'{"code":"1+1"}', hashlib.sha256).hexdigest()
    @Test func signsTheFourFramesWithHMACSHA256() {
        let signer = MessageSigner(key: Array("secret-key".utf8))
        let frames = [#"{"a":1}"#, "{}", "{}", #"{"code":"1+1"}"#].map { Array($0.utf8) }
        let expected = "ac38879172351d3dcc909177b26e1caf096c9c02e59dc737cad7a4d9283c3250"
        #expect(signer.signature(frames) == expected)
        #expect(signer.verify(Array(expected.utf8), frames))
    }
}

@Suite struct MessageWireTests {
    let signer = MessageSigner(key: Array("k3y".utf8))

    func sample() -> Message {
        Message(identities: [Array("client-1".utf8)],
                header: ["msg_id": "m1", "msg_type": "execute_request", "session": "s", "username": "u",
                         "date": "2026-11-24T22:00:00.000000Z", "version": "5.3"],
                content: ["code": "x = 1", "silent": false])
    }

    @Test func decodesWhatItEncodes() throws {
        let frames = sample().frames(signer: signer)
        // identities, delimiter, signature, four JSON frames
        #expect(frames.count == 7)
        #expect(frames[1] == Array("<IDS|MSG>".utf8))
        let decoded = try Message(frames: frames, signer: signer)
        #expect(decoded.type == "execute_request")
        #expect(decoded.identities == [Array("client-1".utf8)])
        #expect(decoded.content["code"]?.stringValue == "x = 1")
        #expect(decoded.parentHeader == [:])
    }

    @Test func rejectsATamperedMessage() {
        var frames = sample().frames(signer: signer)
        frames[6] = Array(#"{"code":"rm()","silent":false}"#.utf8)
        #expect(throws: KernelError.badSignature) { try Message(frames: frames, signer: signer) }
        let otherKey = MessageSigner(key: Array("other".utf8))
        #expect(throws: KernelError.badSignature) { try Message(frames: sample().frames(signer: signer), signer: otherKey) }
    }

    @Test func rejectsFramesWithoutTheDelimiter() {
        #expect(throws: KernelError.self) { try Message(frames: [Array("x".utf8), Array("{}".utf8)], signer: signer) }
        let short = [Array("<IDS|MSG>".utf8), [], Array("{}".utf8)]
        #expect(throws: KernelError.self) { try Message(frames: short, signer: signer) }
    }

    @Test(arguments: ["[]", "1", "{\"msg_type\": 3}", "{\"msg_id\": \"m\"}"])
    func rejectsASignedHeaderThatIsNotAMessageHeader(_ header: String) {
        // Signed correctly, so only the shape check can refuse it.
        let parts = [Array(header.utf8), Array("{}".utf8), Array("{}".utf8), Array("{}".utf8)]
        let frames = [Array("<IDS|MSG>".utf8), Array(signer.signature(parts).utf8)] + parts
        #expect(throws: KernelError.self) { try Message(frames: frames, signer: signer) }
    }
}
