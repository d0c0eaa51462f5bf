import Testing
import Tensor

@Suite struct StorageTests {
    @Test func reusedLargeBuffersHoldNewValues() throws {
        // 3e5 elements (2.4 MB) go through the buffer pool; a recycled buffer
        // must carry the new result, not the old one.
        let n = 300_000
        let a = try Tensor.arange(0, Double(n))
        for k in 1...4 {
            let scaled = try a * Tensor(Double(k))
            #expect(try scaled.sum().scalar() == Double(k) * Double(n) * Double(n - 1) / 2)
        }
        let z = try Tensor.zeros([n])
        #expect(try z.max().scalar() == 0)
    }
}
