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

    @Test func matrixProductsIgnoreWhatARecycledBufferHeld() throws {
        // Fill pooled buffers with nan, free them, then multiply into same-sized outputs.
        let n = 400   // 400 × 400 doubles = 1.28 MB, pooled
        for _ in 0..<3 { _ = try Tensor.full([n, n], .nan) }
        let eye = try Tensor.eye(n), ones = try Tensor.ones([n, n])
        #expect(try eye.matmul(ones).sum().scalar() == Double(n * n))
        _ = try Tensor.full([n * n], .nan)
        let v = try Tensor.ones([n * n / 2])
        #expect(try Tensor.ones([2, n * n / 2]).matmul(v).scalars == [Double(n * n / 2), Double(n * n / 2)])
    }
}
