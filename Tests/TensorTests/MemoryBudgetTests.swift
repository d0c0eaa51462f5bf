import Foundation
import Tensor
import Testing

@Suite struct MemoryBudgetBehaviour {
    @Test func aBudgetLimitsOnlyTheThreadItIsCurrentOn() throws {
        let small = MemoryBudget(elementLimit: 10)
        let error = small.whileCurrent { () -> TensorError? in
            #expect(Tensor.allocationLimit == 10)
            do { _ = try Tensor.zeros([11]); return nil } catch let e as TensorError { return e } catch { return nil }
        }
        #expect(error == .allocationTooLarge(elements: 11, limit: 10))
        // Outside the call the thread is back on the process budget.
        #expect(Tensor.allocationLimit == MemoryBudget.defaultElementLimit)
        #expect(try Tensor.zeros([11]).count == 11)
    }

    @Test func anotherThreadKeepsItsOwnLimit() {
        let seen = LimitBox()
        let done = DispatchSemaphore(value: 0)
        MemoryBudget(elementLimit: 10).whileCurrent {
            Thread.detachNewThread {
                seen.limit = Tensor.allocationLimit
                done.signal()
            }
            done.wait()
        }
        #expect(seen.limit == MemoryBudget.defaultElementLimit)
    }

    @Test func budgetsNest() {
        let outer = MemoryBudget(elementLimit: 50), inner = MemoryBudget(elementLimit: 5)
        outer.whileCurrent {
            inner.whileCurrent { #expect(Tensor.allocationLimit == 5) }
            #expect(Tensor.allocationLimit == 50)
        }
    }
}

private final class LimitBox: @unchecked Sendable {
    var limit = 0
}
