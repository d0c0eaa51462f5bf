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
        #expect(error == .allocationTooLarge(elements: 11, limit: 10, shape: [11]))
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

@Suite struct LiveMemory {
    @Test func largeStoragesAreChargedWhileAliveAndCreditedWhenFreed() throws {
        let budget = MemoryBudget(byteLimit: 10 << 20)
        try budget.whileCurrent {
            var a: Tensor? = try Tensor.zeros([512, 512])      // 2 MiB
            #expect(budget.liveBytes == 2 << 20)
            let b = try a! + a!
            #expect(budget.liveBytes == 4 << 20)
            a = nil
            #expect(budget.liveBytes == 2 << 20)
            _ = b
        }
        #expect(budget.liveBytes == 0)
    }

    @Test func anAllocationPastTheLimitNamesItsShapeAndSize() throws {
        let budget = MemoryBudget(byteLimit: 3 << 20)
        try budget.whileCurrent {
            let kept = try Tensor.zeros([512, 512])
            #expect(throws: TensorError.self) { _ = try Tensor.zeros([512, 512]) }
            do {
                _ = try Tensor.ones([256, 1024])
            } catch let error as TensorError {
                #expect(error.description.contains("(256, 1024) needs 2.0 MiB"))
                #expect(error.description.contains("--max-memory"))
            }
            // Small tensors are not counted, so arithmetic on them pays no bookkeeping.
            _ = try Tensor.zeros([100])
            #expect(budget.liveBytes == 2 << 20)
            _ = kept
        }
    }
}

@Suite struct OutputsPastTheLimit {
    @Test func anElementwiseOutputRefusesAtAllocationNamingItsShape() throws {
        let budget = MemoryBudget(byteLimit: 3 << 20)
        try budget.whileCurrent {
            let a = try Tensor.zeros([512, 512])                  // 2 MiB
            do {
                _ = try a + a
                Issue.record("a second 2 MiB tensor passed a 3 MiB limit")
            } catch let error as TensorError {
                #expect(error == .memoryLimitExceeded(shape: [512, 512], bytes: 2 << 20, live: 2 << 20, limit: 3 << 20))
            }
            #expect(budget.liveBytes == 2 << 20)
        }
    }

    @Test func anOutputThatCannotRefuseLeavesTheBudgetOverdrawnWhileItLives() throws {
        let budget = MemoryBudget(byteLimit: 3 << 20)
        try budget.whileCurrent {
            let a = try Tensor.zeros([512, 512])
            var b: Tensor? = a.unary(.exp)
            #expect(budget.isOverdrawn)
            // The process-wide flag the language checks first (other tests' budgets may set it too).
            #expect(MemoryBudget.anyOverdrawn)
            #expect(budget.overdraft(shape: b?.shape).description
                == "a tensor of shape (512, 512) needs 2.0 MiB, past the memory limit of 3.0 MiB (2.0 MiB in use); "
                    + "raise it with --max-memory SIZE")
            b = nil
            #expect(!budget.isOverdrawn)
            _ = a
        }
    }
}

private final class LimitBox: @unchecked Sendable {
    var limit = 0
}
