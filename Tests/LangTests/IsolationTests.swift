import Foundation
import Lang
import Tensor
import Testing

/// An interpreter runs `source` on a thread of its own, so two can run at once.
private final class Background: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Diagnostic?

    init(_ interpreter: Interpreter, _ source: String) {
        Thread.detachNewThread { [self] in
            result = interpreter.run(source, origin: "background")
            done.signal()
        }
    }

    /// Waits for the chunk; nil when it ran past `seconds`.
    func wait(seconds: Double) -> Diagnostic?? {
        done.wait(timeout: .now() + seconds) == .success ? .some(result) : nil
    }
}

/// The tensor each top-level echo of `source` shows, in order.
private func echoedTensors(_ interpreter: Interpreter, _ source: String) -> [[Double]] {
    var tensors: [[Double]] = []
    interpreter.echoHandler = { echo in tensors.append(echo.tensor?.scalars ?? []) }
    let d = interpreter.run(source, origin: "test")
    #expect(d == nil)
    return tensors
}

extension LangSuite {
    /// Two sessions in one process: stopping, seeding, precision and memory are each
    /// session's own.
    @Suite struct Isolation {
        @Test func interruptingOneSessionLeavesTheOtherRunning() throws {
            let stopped = Interpreter()
            let forever = Background(stopped, "i = 0; while true i += 1 end")
            // Keep asking the first session to stop for as long as the second runs: the first
            // clears its token when its chunk starts, and the second must never see a request.
            let done = Flag()
            let token = stopped.interruption
            Thread.detachNewThread {
                while !done.isSet {
                    token.request()
                    Thread.sleep(forTimeInterval: 0.001)
                }
            }
            let sum = Session()
            // 0 + 1 + … + 299999 = 299999 · 300000 / 2, exactly representable.
            let (output, diagnostic) = sum.run("s = 0; for k in range(300000) s = s + k end; s == 44999850000")
            let stoppedResult = forever.wait(seconds: 10)
            done.set()
            #expect(diagnostic == nil)
            #expect(output == "true")
            let d = try #require(stoppedResult, "the interrupted session did not stop")
            #expect(d?.kind == .interrupted)
        }

        @Test func aSessionRunsOnWhileAnotherIsStopped() throws {
            let running = Interpreter(), stopped = Interpreter()
            let forever = Background(running, "i = 0; while true i += 1 end")
            // Another session starting, finishing and being stopped does not reach the loop.
            let other = Background(stopped, "j = 0; while true j += 1 end")
            Thread.sleep(forTimeInterval: 0.05)
            stopped.interruption.request()
            #expect(try #require(other.wait(seconds: 10))?.kind == .interrupted)
            #expect(Session().eval("1 + 1") == "2")
            #expect(forever.wait(seconds: 0.2) == nil, "the loop stopped without being asked")
            running.interruption.request()
            #expect(try #require(forever.wait(seconds: 10))?.kind == .interrupted)
        }

        @Test func aResetSessionStaysConfined() {
            let interpreter = Interpreter()
            interpreter.fileAccess = .confined(to: "/tmp")
            interpreter.reset()
            #expect(interpreter.fileAccess == .confined(to: "/tmp"))
            let diagnostic = interpreter.run("load_csv(\"/etc/passwd\")", origin: "cell")
            #expect(diagnostic?.message.contains("--allow-files DIR or --trust") == true)
        }

        @Test func seedingOneSessionLeavesTheOthersStreamAlone() {
            let reference = RandomGenerator(seed: 0)
            let expected = (0..<6).map { _ in reference.nextDouble() }
            let a = Interpreter(), b = Interpreter()
            #expect(echoedTensors(a, "rand(3)") == [Array(expected[0..<3])])
            let seeded = RandomGenerator(seed: 42)
            #expect(echoedTensors(b, "seed(42); rand(2)") == [[seeded.nextDouble(), seeded.nextDouble()]])
            // b's seed and draws did not restart or advance a's stream.
            #expect(echoedTensors(a, "rand(3)") == [Array(expected[3..<6])])
        }

        @Test func sessionsSeededAlikeDrawAlike() {
            let reference = RandomGenerator(seed: 7)
            let normals = (0..<4).map { _ in reference.nextNormal() }
            let a = Interpreter(), b = Interpreter()
            let source = "seed(7); randn(4)\nDropout(0.5)(ones(1, 6))\nDense(2, 3).W"
            let fromA = echoedTensors(a, source), fromB = echoedTensors(b, source)
            #expect(fromA.first == normals)
            #expect(fromA == fromB)
            #expect(fromA.count == 3)
        }

        @Test func precisionIsPerSession() {
            let a = Session(), b = Session()
            a.run("precision(3)")
            #expect(a.eval("1/3") == "0.333")
            #expect(b.eval("1/3") == "0.333333")
        }

        @Test func theMemoryBudgetIsPerSession() {
            let small = Interpreter(memoryBudget: MemoryBudget(elementLimit: 100))
            let d = small.run("x = zeros(1000)", origin: "test")
            #expect(d?.kind == .memory)
            #expect(Session().run("x = zeros(1000);").diagnostic == nil)
        }
    }
}
