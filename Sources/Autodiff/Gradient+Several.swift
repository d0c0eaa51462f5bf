import Tensor

// Derivatives with respect to several inputs at once: the parameters of a model,
// given as a list (or any structure the caller flattens) of tensors.

/// The value of a scalar `f` at the points `xs` and its gradient with respect to each.
///
/// Each point is made independent first (as `valueAndGradient` does), so a gradient
/// stays differentiable with respect to an outer derivative's variable.
/// - Throws: `AutodiffError.nonScalarOutput` when `f(xs)` has more than one element.
public func valueAndGradients(of f: ([Variable]) throws -> Variable, at xs: [Variable]) throws -> (value: Variable, gradients: [Variable]) {
    let inputs = xs.map(Variable.independent)
    let y = try f(inputs)
    guard y.count == 1 else { throw AutodiffError.nonScalarOutput(shape: y.shape) }
    let pass = ReversePass(from: y, targets: inputs)
    let seed = Variable(try Tensor(shape: y.shape, repeating: 1))
    return (y, try pass.run(seed: seed, createGraph: pass.needsGraph))
}

/// The second derivatives of a scalar `f` at the points `xs`, block by block:
/// `blocks[i][j]` is ∂²f/∂xᵢ∂xⱼ, of shape `xs[i].shape + xs[j].shape`.
/// - Throws: `AutodiffError.nonScalarOutput` when `f(xs)` has more than one element.
public func hessianBlocks(of f: ([Variable]) throws -> Variable, at xs: [Variable]) throws -> [[Variable]] {
    let inputs = xs.map(Variable.independent)
    let y = try f(inputs)
    let g = try gradients(of: y, withRespect: inputs, createGraph: true)
    return try g.map { gi in try inputs.map { try jacobian(of: gi, withRespect: $0) } }
}
