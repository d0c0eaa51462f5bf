import Tensor

/// Reverse-mode gradients of a one-element `output` with respect to each of `targets`
/// (like `torch.autograd.grad`).
///
/// Only the paths from `output` down to the named targets are visited, and nothing
/// is stored on the nodes, so nested calls keep their levels apart. With
/// `createGraph` (the default) every derivative rule runs on Variables, so the
/// results are on the graph and can be differentiated again; without it the backward
/// pass computes plain values and builds no graph (first order only, cheaper).
/// A target that `output` does not depend on gets zeros of its shape.
/// - Throws: `AutodiffError.nonScalarOutput` when `output` has more than one element;
///   what a rule's tensor operation throws.
public func gradients(of output: Variable, withRespect targets: [Variable], createGraph: Bool = true) throws -> [Variable] {
    guard output.count == 1 else { throw AutodiffError.nonScalarOutput(shape: output.shape) }
    let graph = GraphOrder(from: output, targets: targets)
    var grads = [Variable?](repeating: nil, count: graph.order.count)
    if let last = graph.order.indices.last { grads[last] = Variable(try Tensor(shape: output.shape, repeating: 1)) }
    for position in graph.order.indices.reversed() {
        guard let g = grads[position] else { continue }
        let node = graph.order[position]
        guard let primitive = node.primitive else { continue }
        let needs = node.inputs.map { graph.reaches($0) }
        guard needs.contains(true) else { continue }
        let inputs = createGraph ? node.inputs : node.inputs.map(\.detached)
        let out = createGraph ? node : node.detached
        let pieces = try DerivativeRules.pullback(primitive, inputs: inputs, output: out, gradient: g, needs: needs)
        for (i, piece) in pieces.enumerated() where needs[i] {
            guard let piece, let target = graph.position[ObjectIdentifier(node.inputs[i])] else { continue }
            // Un-broadcasting happens here, once for every rule.
            let shaped = try piece.sumToShape(node.inputs[i].shape)
            grads[target] = try grads[target].map { try $0 + shaped } ?? shaped
        }
    }
    return try targets.map { t in
        if let p = graph.position[ObjectIdentifier(t)], let g = grads[p] { return g }
        return Variable(try Tensor(shape: t.shape, repeating: 0))
    }
}

/// The nodes above `output` that need a gradient, inputs before users, and which of
/// them lead to a target.
struct GraphOrder {
    private(set) var order: [Variable] = []
    private(set) var position: [ObjectIdentifier: Int] = [:]
    private var leadsToTarget: [Bool] = []

    init(from output: Variable, targets: [Variable]) {
        guard output.requiresGradient else { return }
        let wanted = Set(targets.map(ObjectIdentifier.init))
        // Iterative depth-first walk: graphs from long loops would overflow the stack.
        var stack: [(node: Variable, next: Int)] = [(output, 0)]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(output)]
        while let top = stack.last {
            if top.next < top.node.inputs.count {
                stack[stack.count - 1].next += 1
                let child = top.node.inputs[top.next]
                if child.requiresGradient, seen.insert(ObjectIdentifier(child)).inserted {
                    stack.append((child, 0))
                }
            } else {
                stack.removeLast()
                position[ObjectIdentifier(top.node)] = order.count
                order.append(top.node)
                let reaches = wanted.contains(ObjectIdentifier(top.node))
                    || top.node.inputs.contains { child in position[ObjectIdentifier(child)].map { leadsToTarget[$0] } ?? false }
                leadsToTarget.append(reaches)
            }
        }
    }

    /// True when a gradient must flow into `node`.
    func reaches(_ node: Variable) -> Bool {
        position[ObjectIdentifier(node)].map { leadsToTarget[$0] } ?? false
    }
}
