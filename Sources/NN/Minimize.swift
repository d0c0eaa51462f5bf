import Tensor

/// Runs `optimiser` for `steps` steps from `x0` on `objective` and returns the points
/// visited: [x0, x1, …, x_steps] (the language's `minimize` returns the last one,
/// or all of them with `trace=true`).
///
/// Optimisers that need the objective (LBFGS's line search, Newton's Hessian) get it
/// before the first step. `progress(done, total)` hears after every step;
/// `shouldStop` is asked before each, and a true answer ends the run early with the
/// points so far. The run also ends when the gradient is exactly zero.
/// - Throws: `NNError.invalidArgument` for negative `steps`; what the objective or optimiser throws.
public func minimize(_ objective: Objective, from x0: Tensor, optimiser: Optimiser, steps: Int,
                     progress: ((Int, Int) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws -> [Tensor] {
    guard steps >= 0 else { throw NNError.invalidArgument("minimize needs steps >= 0, got \(steps)") }
    if let o = optimiser as? ObjectiveOptimiser { o.objective = objective }
    var path = [x0]
    var x = x0
    for k in 0..<steps {
        if shouldStop?() == true { break }
        let (_, g) = try objective.valueAndGradient(x)
        if g.scalars.allSatisfy({ $0 == 0 }) { break }
        x = try optimiser.step(x, g)
        path.append(x)
        progress?(k + 1, steps)
    }
    return path
}
