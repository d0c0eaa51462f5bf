import Tensor

/// The Jacobian of `f` at `x`: shape `f(x).shape + x.shape` (for a vector map, rows
/// are outputs and columns inputs), one reverse sweep per output element.
///
/// When `f` depends on a variable of an outer derivative (through `x` or a closure)
/// the result stays on the graph, so it can be differentiated again; otherwise the
/// sweeps build no graph.
/// - Throws: what `f` or a derivative rule throws.
public func jacobian(of f: (Variable) throws -> Variable, at x: Variable) throws -> Variable {
    let input = Variable.independent(x)
    return try jacobian(of: f(input), withRespect: input)
}

/// The Jacobian of `output` with respect to `input`: shape `output.shape + input.shape`.
///
/// The rows come from batched sweeps (seeds stacked along a leading axis, so each
/// rule runs once per chunk of rows on bigger tensors instead of once per row);
/// graphs with a rule that has no batched form fall back to one sweep per row.
func jacobian(of output: Variable, withRespect input: Variable) throws -> Variable {
    let pass = ReversePass(from: output, targets: [input])
    let createGraph = pass.needsGraph
    let m = output.count
    if m == 0 { return Variable(try Tensor(shape: output.shape + input.shape, repeating: 0)) }
    var blocks: [Variable] = []
    do {
        // Chunks bound the memory a sweep holds: every node's gradient gains a chunk
        // axis, so the largest node times the chunk stays near 2^24 elements (128 MB).
        let largest = pass.graph.order.reduce(1) { Swift.max($0, $1.count) }
        let chunk = Swift.max(1, Swift.min(128, (1 << 24) / largest))
        for start in stride(from: 0, to: m, by: chunk) {
            let rows = Swift.min(chunk, m - start)
            let seed = try Tensor(shape: [rows] + output.shape) { p in
                p.initialize(repeating: 0)
                for r in 0..<rows { p[r * m + start + r] = 1 }
            }
            blocks.append(try pass.run(seed: Variable(seed), createGraph: createGraph, batch: rows)[0])
        }
    } catch is BatchingUnsupported {
        blocks = try (0..<m).map { i in
            let seed = try Tensor(shape: output.shape) { p in
                p.initialize(repeating: 0)
                p[i] = 1
            }
            return try pass.run(seed: Variable(seed), createGraph: createGraph)[0].reshape([1] + input.shape)
        }
    }
    return try Variable.concat(blocks, axis: 0).reshape(output.shape + input.shape)
}

/// The Hessian of a scalar `f` at `x`, exact (the Jacobian of the gradient, not
/// finite differences): shape `x.shape + x.shape`, `n × n` for a vector.
/// - Throws: `AutodiffError.nonScalarOutput` when `f(x)` has more than one element.
public func hessian(of f: (Variable) throws -> Variable, at x: Variable) throws -> Variable {
    let input = Variable.independent(x)
    let y = try f(input)
    let g = try gradients(of: y, withRespect: [input], createGraph: true)[0]
    return try jacobian(of: g, withRespect: input)
}

/// The value of a scalar `f` at `x` and its gradient (the shape of `x`).
/// - Throws: `AutodiffError.nonScalarOutput` when `f(x)` has more than one element.
public func valueAndGradient(of f: (Variable) throws -> Variable, at x: Variable) throws -> (value: Variable, gradient: Variable) {
    let input = Variable.independent(x)
    let y = try f(input)
    guard y.count == 1 else { throw AutodiffError.nonScalarOutput(shape: y.shape) }
    let pass = ReversePass(from: y, targets: [input])
    let seed = Variable(try Tensor(shape: y.shape, repeating: 1))
    return (y, try pass.run(seed: seed, createGraph: pass.needsGraph)[0])
}

/// The gradient of a scalar `f` at `x` (the shape of `x`).
/// - Throws: `AutodiffError.nonScalarOutput` when `f(x)` has more than one element.
public func gradient(of f: (Variable) throws -> Variable, at x: Variable) throws -> Variable {
    try valueAndGradient(of: f, at: x).gradient
}
