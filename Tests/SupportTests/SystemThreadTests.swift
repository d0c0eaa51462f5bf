import Support
import Synchronization
import Testing

@Suite struct SystemThreadBehaviour {
    @Test func runReturnsOnlyAfterTheBodyEnds() {
        let done = Atomic<Int>(0)
        SystemThread.run(stackSize: 64 << 20) { done.store(1, ordering: .relaxed) }
        #expect(done.load(ordering: .relaxed) == 1)
    }

    @Test func joinSeesWhatTheThreadDid() throws {
        let value = Atomic<Int>(0)
        let thread = try #require(SystemThread.start { value.store(42, ordering: .relaxed) })
        thread.join()
        #expect(value.load(ordering: .relaxed) == 42)
    }
}
