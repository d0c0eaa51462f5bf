import Testing
import Tensor

@Suite struct CreationTests {
    @Test func zerosOnesFullHaveShapeAndValue() throws {
        #expect(try Tensor.zeros([2, 3]).scalars == [Double](repeating: 0, count: 6))
        #expect(try Tensor.ones([2]).shape == [2])
        #expect(try Tensor.full([2, 2], 7).scalars == [7, 7, 7, 7])
        #expect(Tensor(3).shape == [])
        #expect(try Tensor(3).scalar() == 3)
    }

    @Test func eyeIsIdentity() throws {
        #expect(try Tensor.eye(3).scalars == [1, 0, 0, 0, 1, 0, 0, 0, 1])
    }

    @Test func arangeMatchesNumPy() throws {
        // np.arange(0, 1, 0.3).tolist() == [0.0, 0.3, 0.6, 0.8999999999999999]
        #expect(try Tensor.arange(0, 1, 0.3).scalars == [0.0, 0.3, 0.6, 0.8999999999999999])
        #expect(try Tensor.arange(5, 0, -2).scalars == [5, 3, 1])
        #expect(try Tensor.arange(3, 3).count == 0)
        #expect(caught { try Tensor.arange(0, 1, 0) } != nil)
    }

    @Test func linspaceIncludesBothEnds() throws {
        // np.linspace(0, 1, 5) == [0, 0.25, 0.5, 0.75, 1]
        #expect(try Tensor.linspace(0, 1, count: 5).scalars == [0, 0.25, 0.5, 0.75, 1])
        #expect(try Tensor.linspace(2, 3, count: 1).scalars == [2])
    }

    @Test func valuesMustFillTheShape() {
        let error = caught { try Tensor(shape: [2, 2], values: [1, 2, 3]) }
        #expect(error?.description == "3 values do not fill shape (2, 2)")
    }

    @Test func hugeShapeIsAnAllocationError() {
        let error = caught { try Tensor.zeros([1 << 20, 1 << 20]) }
        #expect(error == .allocationTooLarge(elements: 1 << 40, limit: Tensor.allocationLimit, shape: [1 << 20, 1 << 20]))
        #expect(error?.description.contains("a tensor of shape (1048576, 1048576) needs 8.0 TiB") == true)
        #expect(caught { try Tensor.zeros([Int.max, 4]) } != nil)
        #expect(caught { try Tensor.zeros([-1]) } == .invalidShape("negative dimension -1 in shape (-1,)"))
    }
}
