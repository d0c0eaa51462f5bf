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
    let seed = Variable(try Tensor(shape: output.shape, repeating: 1))
    return try ReversePass(from: output, targets: targets).run(seed: seed, createGraph: createGraph)
}

/// One reverse sweep prepared once and run for many seeds (the rows of a Jacobian
/// or Hessian share the walk of the graph).
struct ReversePass {
    let output: Variable
    let targets: [Variable]
    let graph: GraphOrder

    init(from output: Variable, targets: [Variable]) {
        self.output = output
        self.targets = targets
        self.graph = GraphOrder(from: output, targets: targets)
    }

    /// True when the results must stay on the graph: the output depends on a leaf
    /// other than the targets, so an outer derivative may differentiate them.
    var needsGraph: Bool { graph.dependsOnOtherLeaves }

    /// The vector-Jacobian products `seedᵀ ∂output/∂target` (seed of the output's shape).
    ///
    /// With `batch`, the seed has one extra leading axis of that size and so do the
    /// results: one sweep computes many products (the rows of a Jacobian).
    func run(seed: Variable, createGraph: Bool, batch: Int? = nil) throws -> [Variable] {
        var grads = [Variable?](repeating: nil, count: graph.order.count)
        if let last = graph.order.indices.last { grads[last] = seed }
        for position in graph.order.indices.reversed() {
            guard let g = grads[position] else { continue }
            let node = graph.order[position]
            guard let primitive = node.primitive else { continue }
            let needs = graph.needs[position]
            guard needs.contains(true) else { continue }
            let inputs = createGraph ? node.inputs : node.inputs.map(\.detached)
            let out = createGraph ? node : node.detached
            let pieces = try DerivativeRules.pullback(primitive, inputs: inputs, output: out, gradient: g,
                                                      needs: needs, batch: batch)
            for (i, piece) in pieces.enumerated() where needs[i] {
                let target = graph.inputPositions[position][i]
                guard let piece, target >= 0 else { continue }
                // Un-broadcasting happens here, once for every rule.
                let shaped = try DerivativeRules.unbroadcast(piece, to: node.inputs[i].shape, batch: batch)
                grads[target] = try grads[target].map { try $0 + shaped } ?? shaped
            }
            // Interior gradients are not needed again: free them early.
            if !graph.isTarget[position] { grads[position] = nil }
        }
        return try targets.map { t in
            if let p = graph.position[ObjectIdentifier(t)], let g = grads[p] { return g }
            return Variable(try Tensor(shape: (batch.map { [$0] } ?? []) + t.shape, repeating: 0))
        }
    }
}

/// The nodes above `output` that need a gradient, inputs before users, and which of
/// them lead to a target. Every lookup by identity happens here, once, so the
/// sweeps (many for a Jacobian) index arrays only.
struct GraphOrder {
    private(set) var order: [Variable] = []
    private(set) var position: [ObjectIdentifier: Int] = [:]
    /// For each node, the position of each input (-1 for an input off the walk).
    private(set) var inputPositions: [[Int]] = []
    /// For each node, which of its inputs a gradient must flow into.
    private(set) var needs: [[Bool]] = []
    /// For each node, whether it is one of the targets.
    private(set) var isTarget: [Bool] = []
    /// True when the output also depends on a leaf that is not a target: an outer
    /// level of a nested derivative, which needs the backward pass on the graph.
    private(set) var dependsOnOtherLeaves = false

    init(from output: Variable, targets: [Variable]) {
        guard output.requiresGradient else { return }
        let wanted = Set(targets.map(ObjectIdentifier.init))
        // Iterative depth-first walk: graphs from long loops would overflow the stack.
        // A node is in `position` from its first visit (-1 until it is finished).
        var stack: [(node: Variable, next: Int)] = [(output, 0)]
        position[ObjectIdentifier(output)] = -1
        var leadsToTarget: [Bool] = []
        while let top = stack.last {
            if top.next < top.node.inputs.count {
                stack[stack.count - 1].next += 1
                let child = top.node.inputs[top.next]
                if child.requiresGradient {
                    let key = ObjectIdentifier(child)
                    if position[key] == nil {
                        position[key] = -1
                        stack.append((child, 0))
                    }
                }
            } else {
                stack.removeLast()
                let node = top.node
                let here = order.count
                position[ObjectIdentifier(node)] = here
                order.append(node)
                // Inputs are finished before their users, so their positions are final.
                let inputs = node.inputs.map { $0.requiresGradient ? position[ObjectIdentifier($0)] ?? -1 : -1 }
                inputPositions.append(inputs)
                let flows = inputs.map { $0 >= 0 && leadsToTarget[$0] }
                needs.append(flows)
                let isWanted = wanted.contains(ObjectIdentifier(node))
                isTarget.append(isWanted)
                leadsToTarget.append(isWanted || flows.contains(true))
                if node.isLeaf && !isWanted { dependsOnOtherLeaves = true }
            }
        }
    }
}
