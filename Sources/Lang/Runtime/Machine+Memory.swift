import Tensor

extension Machine {
    /// Refuses `result` when making it took the session's live tensor memory past its
    /// limit. Allocations that can fail refuse themselves; this catches those that cannot
    /// (elementwise maps, copies), so every allocation past the limit is an error at the
    /// operation that made it. Throwing drops `result`, which gives its memory back.
    @inline(__always)
    static func refuseOverdraft(_ result: Value, at span: SourceSpan) throws {
        switch result {
        // Results that hold no storage skip the thread-local lookup: number-heavy loops
        // call builtins millions of times. What such a call left alive is caught at the
        // next operation that returns a tensor.
        case .number, .bool, .nothing, .string, .undefined: return
        default: break
        }
        guard MemoryBudget.anyOverdrawn else { return }
        let budget = MemoryBudget.current
        guard budget.isOverdrawn else { return }
        let shape: [Int]?
        switch result {
        case .tensor(let t): shape = t.tensor.shape
        case .variable(let v): shape = v.value.shape
        default: shape = nil
        }
        throw Diagnostic(.memory, budget.overdraft(shape: shape).description, span)
    }
}
