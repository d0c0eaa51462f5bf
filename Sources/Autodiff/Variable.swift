import Tensor

/// A tensor value together with the operation that made it, the node of a
/// dynamic reverse-mode graph (the shape of micrograd's `Value`).
///
/// Three kinds exist:
/// - a *constant* (`Variable(t)`): no graph; operations on constants only build
///   constants, so plain computation costs one small object per operation;
/// - a *leaf* (`Variable.leaf(t)`): something gradients are taken for;
/// - an *interior* node: the result of an operation with a path to a leaf.
///
/// Gradients are never stored on the nodes: `gradients(of:withRespect:)` returns
/// them as new Variables, which are themselves on the graph, so a gradient can be
/// differentiated again (any order), and nested derivatives keep their levels apart.
///
///     let x = Variable.leaf(Tensor(3))
///     let y = try x * x * x
///     let dy = try gradients(of: y, withRespect: [x])[0]       // 27
///     let d2y = try gradients(of: dy, withRespect: [x])[0]     // 18
public final class Variable {
    /// The value computed in the forward pass.
    public let value: Tensor
    /// The primitive that made this node; nil for constants and leaves.
    let primitive: Primitive?
    /// The operands of `primitive` (emptied only while the graph is torn down).
    private(set) var inputs: [Variable]
    /// True for a variable that gradients may be taken for.
    public let isLeaf: Bool

    /// A constant: no gradient flows into it.
    public init(_ value: Tensor) {
        self.value = value
        self.primitive = nil
        self.inputs = []
        self.isLeaf = false
    }

    /// A constant scalar.
    public convenience init(_ value: Double) { self.init(Tensor(value)) }

    init(value: Tensor, primitive: Primitive?, inputs: [Variable], isLeaf: Bool) {
        self.value = value
        self.primitive = primitive
        self.inputs = inputs
        self.isLeaf = isLeaf
    }

    /// A leaf: an independent variable that gradients can be taken with respect to.
    public static func leaf(_ value: Tensor) -> Variable {
        Variable(value: value, primitive: nil, inputs: [], isLeaf: true)
    }

    /// A fresh independent variable equal to `x` that stays connected to `x`'s graph.
    ///
    /// Used to differentiate with respect to an argument that may itself depend on an
    /// outer variable (`grad(grad(f))`): a constant becomes a leaf, anything on a graph
    /// becomes an identity node, so the inner derivative remains differentiable with
    /// respect to the outer variable.
    public static func independent(_ x: Variable) -> Variable {
        if !x.requiresGradient { return leaf(x.value) }
        return Variable(value: x.value, primitive: .identity, inputs: [x], isLeaf: false)
    }

    /// Releases the graph above this node iteratively: the default release recurses
    /// once per node and overflows the stack on graphs from long loops (1e5 nodes).
    deinit {
        guard !inputs.isEmpty else { return }
        var pending = inputs
        inputs = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.inputs)
                node.inputs = []
            }
        }
    }

    /// True when a path leads from this variable to a leaf.
    @inline(__always) public var requiresGradient: Bool { isLeaf || primitive != nil }

    /// This value as a constant, cut from the graph (like `detach()` in PyTorch).
    public var detached: Variable { requiresGradient ? Variable(value) : self }

    /// Size along each axis.
    public var shape: [Int] { value.shape }
    /// Number of axes.
    public var rank: Int { value.rank }
    /// Number of elements.
    public var count: Int { value.count }

    /// The result of `primitive` on `inputs`: a graph node when any input needs a
    /// gradient, a constant otherwise (so constants build no graph).
    @inline(__always)
    static func make(_ value: Tensor, _ primitive: Primitive, _ inputs: [Variable]) -> Variable {
        for x in inputs where x.requiresGradient {
            return Variable(value: value, primitive: primitive, inputs: inputs, isLeaf: false)
        }
        return Variable(value)
    }
}

extension Variable: CustomStringConvertible {
    /// The value's text, as the tensor prints it.
    public var description: String { String(describing: value) }
}
