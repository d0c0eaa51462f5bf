import Testing
import Tensor
import Autodiff

/// One differentiable operation under test: its inputs and how to build it.
struct OpCase: CustomStringConvertible, Sendable {
    enum Domain: Sendable { case positive, signed, unit }
    let name: String
    let shapes: [[Int]]
    let domain: Domain
    let build: @Sendable ([Variable]) throws -> Variable
    var description: String { name }

    init(_ name: String, _ shapes: [[Int]], _ domain: Domain = .signed, _ build: @escaping @Sendable ([Variable]) throws -> Variable) {
        self.name = name
        self.shapes = shapes
        self.domain = domain
        self.build = build
    }
}

/// Every differentiable primitive and composite, with broadcasting cases.
let opCases: [OpCase] = {
    var cases: [OpCase] = []
    for op in UnaryOperation.allCases {
        let positive: Set<UnaryOperation> = [.log, .sqrt, .reciprocal, .log1p, .log2, .log10]
        // arcsin/arccos live on (-1, 1); tan is kept away from its pole at pi/2.
        let unit: Set<UnaryOperation> = [.arcsin, .arccos, .tan]
        let domain: OpCase.Domain = positive.contains(op) ? .positive : unit.contains(op) ? .unit : .signed
        cases.append(OpCase("unary \(op)", [[3, 4]], domain) { $0[0].unary(op) })
    }
    let binaries: [BinaryOperation] = [.add, .subtract, .multiply, .divide, .power, .maximum, .minimum, .arctan2]
    for op in binaries {
        let domain: OpCase.Domain = op == .power || op == .divide ? .positive : .signed
        for shapes in [[[3, 4], [3, 4]], [[3, 4], [4]], [[3, 1], [1, 4]], [[], [2, 3]]] {
            cases.append(OpCase("binary \(op) \(shapes)", shapes, domain) { try $0[0].binary(op, $0[1]) })
        }
    }
    cases += [
        OpCase("leakyRelu", [[3, 4]]) { try $0[0].leakyRelu(alpha: 0.1) },
        OpCase("elu", [[3, 4]]) { try $0[0].elu(alpha: 0.7) },
        OpCase("clip", [[3, 4]]) { try $0[0].clip(-0.8, 0.9) },
        OpCase("where", [[3, 4], [4]]) { v in
            try Variable.where(Tensor(shape: [3, 4], values: (0..<12).map { Double($0 % 3 == 0 ? 1 : 0) }), v[0], v[1])
        },
        OpCase("matmul 2x2", [[3, 4], [4, 2]]) { try $0[0].matmul($0[1]) },
        OpCase("matmul 2x1", [[3, 4], [4]]) { try $0[0].matmul($0[1]) },
        OpCase("matmul 1x2", [[3], [3, 4]]) { try $0[0].matmul($0[1]) },
        OpCase("matmul 1x1", [[5], [5]]) { try $0[0].matmul($0[1]) },
        OpCase("dot", [[5], [5]]) { try $0[0].dot($0[1]) },
        OpCase("outer", [[3], [4]]) { try $0[0].outer($0[1]) },
        OpCase("sum", [[3, 4]]) { $0[0].sum() },
        OpCase("sum axis 0", [[3, 4]]) { try $0[0].sum(axis: 0) },
        OpCase("sum axis -1 keepDims", [[3, 4]]) { try $0[0].sum(axis: -1, keepDims: true) },
        OpCase("mean", [[3, 4]]) { try $0[0].mean() },
        OpCase("mean axis 1", [[3, 4]]) { try $0[0].mean(axis: 1) },
        OpCase("max", [[3, 4]]) { try $0[0].max() },
        OpCase("min", [[3, 4]]) { try $0[0].min() },
        OpCase("max axis 0", [[3, 4]]) { try $0[0].max(axis: 0) },
        OpCase("min axis 1 keepDims", [[3, 4]]) { try $0[0].min(axis: 1, keepDims: true) },
        OpCase("reshape", [[3, 4]]) { try $0[0].reshape([2, -1]) },
        OpCase("flatten", [[3, 4]]) { try $0[0].flatten() },
        OpCase("transposed", [[3, 4]]) { try $0[0].transposed() },
        OpCase("permuted", [[2, 3, 4]]) { try $0[0].permuted([2, 0, 1]) },
        OpCase("broadcast", [[3, 1]]) { try $0[0].broadcast(to: [2, 3, 4]) },
        OpCase("sumToShape", [[2, 3, 4]]) { try $0[0].sumToShape([3, 1]) },
        OpCase("concat axis 1", [[3, 2], [3, 4]]) { try Variable.concat([$0[0], $0[1]], axis: 1) },
        OpCase("concat axis 0", [[1, 4], [3, 4]]) { try Variable.concat([$0[0], $0[1]], axis: 0) },
        OpCase("stack axis 1", [[3, 4], [3, 4]]) { try Variable.stack([$0[0], $0[1]], axis: 1) },
        OpCase("softmax", [[3, 4]]) { try $0[0].softmax(axis: 1) },
        OpCase("softmax axis 0", [[3, 4]]) { try $0[0].softmax(axis: 0) },
        OpCase("logSoftmax", [[3, 4]]) { try $0[0].logSoftmax() },
        OpCase("variance", [[3, 4]]) { try $0[0].variance(ddof: 1) },
        OpCase("variance axis 0", [[3, 4]]) { try $0[0].variance(axis: 0) },
        OpCase("std axis 1", [[3, 4]]) { try $0[0].std(axis: 1, keepDims: true) },
        OpCase("std", [[3, 4]]) { try $0[0].std() },
        OpCase("norm", [[3, 4]]) { try $0[0].norm() },
        OpCase("norm axis 1", [[3, 4]]) { try $0[0].norm(axis: 1) },
        OpCase("subscripted at and slice", [[3, 4]]) { try $0[0].subscripted([.at(1), .range(start: 0, stop: nil, step: 2)]) },
        OpCase("subscripted reversed", [[3, 4]]) { try $0[0].subscripted([.all, .range(start: nil, stop: nil, step: -1)]) },
        OpCase("subscripted negative at", [[3, 4]]) { try $0[0].subscripted([.at(-1)]) },
        OpCase("inverse", [[3, 3]]) { try shifted($0[0]).inverse() },
        OpCase("solve vector", [[3, 3], [3]]) { try shifted($0[0]).solve($0[1]) },
        OpCase("solve matrix", [[3, 3], [3, 2]]) { try shifted($0[0]).solve($0[1]) },
        OpCase("determinant", [[3, 3]]) { try shifted($0[0]).determinant() },
        OpCase("cumulativeSum axis 0", [[3, 4]]) { try $0[0].cumulativeSum(axis: 0) },
        OpCase("cumulativeSum axis -1", [[3, 4]]) { try $0[0].cumulativeSum(axis: -1) },
        OpCase("cumulativeProduct axis 1", [[3, 4]]) { try $0[0].cumulativeProduct(axis: 1) },
        OpCase("cumulativeProduct axis 0", [[3, 4]]) { try $0[0].cumulativeProduct(axis: 0) },
    ]
    return cases
}()

/// `a + 4I`: random entries of size ≤ 2 plus a dominant diagonal keep the matrix
/// well conditioned, so inverse, solve and det are smooth around it.
func shifted(_ a: Variable) throws -> Variable {
    try a + Variable(Tensor.eye(a.shape[0]).binary(.multiply, Tensor(4)))
}

/// Reverse-mode gradients of every op against central differences (h = 1e-6).
///
/// Each op's output is reduced with fixed random weights, `sum(op(x) * w)`, so every
/// output element contributes. Tolerance 1e-6 relative to max(1, |g|): central
/// differences are accurate to O(h²) + O(ε/h) ≈ 1e-10 on these well-scaled inputs
/// ([0.5, 2] where the domain needs it, |x| ≥ 0.3 away from kinks elsewhere).
@Test(arguments: opCases)
func gradientMatchesCentralDifferences(_ op: OpCase) throws {
    var random = TestRandom(state: UInt64(op.name.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
    let inputs = op.shapes.map { random.values($0, op.domain) }
    let probe = try op.build(inputs.map { Variable($0) })
    let weights = Variable(random.signed(probe.shape))
    let f: ([Variable]) throws -> Variable = { try (op.build($0) * weights).sum() }
    let leaves = inputs.map { Variable.leaf($0) }
    let analytic = try gradients(of: f(leaves), withRespect: leaves)
    for k in inputs.indices {
        #expect(analytic[k].shape == inputs[k].shape, "\(op.name): gradient \(k) has the input's shape")
        let numeric = try numericGradient(f, inputs, k)
        let error = worstError(analytic[k].value.scalars, numeric)
        #expect(error < 1e-6, "\(op.name): input \(k) differs from central differences by \(error)")
    }
}

/// The same check on the second derivative: the gradient of `sum(grad · v)`
/// (a Hessian-vector product) against central differences of the gradient.
@Test(arguments: opCases.filter { !$0.name.hasPrefix("unary sign") })
func secondDerivativeMatchesDifferencesOfTheGradient(_ op: OpCase) throws {
    var random = TestRandom(state: UInt64(op.name.utf8.reduce(11) { $0 &* 31 &+ UInt64($1) }))
    let inputs = op.shapes.map { random.values($0, op.domain) }
    let probe = try op.build(inputs.map { Variable($0) })
    let weights = Variable(random.signed(probe.shape))
    let directions = inputs.map { Variable(random.signed($0.shape)) }
    // h(x) = Σ_k ∂f/∂x_k · v_k, whose gradient is the Hessian applied to v.
    let h: ([Variable]) throws -> Variable = { xs in
        let leaves = xs.map { Variable.independent($0) }
        let y = try (op.build(leaves) * weights).sum()
        let gs = try gradients(of: y, withRespect: leaves)
        var total = Variable(0)
        for (g, v) in zip(gs, directions) { total = try total + (g * v).sum() }
        return total
    }
    let leaves = inputs.map { Variable.leaf($0) }
    let analytic = try gradients(of: h(leaves), withRespect: leaves)
    for k in inputs.indices {
        let numeric = try numericGradient(h, inputs, k)
        let error = worstError(analytic[k].value.scalars, numeric)
        #expect(error < 1e-5, "\(op.name): second derivative for input \(k) off by \(error)")
    }
}

/// Full Jacobians (batched reverse sweeps, one seed per output element) of every op
/// against columns of central differences, `(f(x + h eⱼ) - f(x - h eⱼ)) / 2h`.
@Test(arguments: opCases)
func jacobianMatchesCentralDifferences(_ op: OpCase) throws {
    var random = TestRandom(state: UInt64(op.name.utf8.reduce(13) { $0 &* 31 &+ UInt64($1) }))
    let inputs = op.shapes.map { random.values($0, op.domain) }
    let h = 1e-6
    for k in inputs.indices {
        let f: (Variable) throws -> Variable = { v in
            var vs = inputs.map { Variable($0) }
            vs[k] = v
            return try op.build(vs)
        }
        let outShape = try f(Variable(inputs[k])).shape
        let j = try jacobian(of: f, at: Variable(inputs[k]))
        #expect(j.shape == outShape + inputs[k].shape, "\(op.name): Jacobian shape")
        let m = outShape.reduce(1, *), n = inputs[k].count
        let base = inputs[k].scalars
        var numeric = [Double](repeating: 0, count: m * n)
        for c in 0..<n {
            var plus = base, minus = base
            plus[c] += h
            minus[c] -= h
            let fp = try f(Variable(Tensor(shape: inputs[k].shape, values: plus))).value.scalars
            let fm = try f(Variable(Tensor(shape: inputs[k].shape, values: minus))).value.scalars
            for r in 0..<m { numeric[r * n + c] = (fp[r] - fm[r]) / (2 * h) }
        }
        let error = worstError(j.value.scalars, numeric)
        #expect(error < 1e-6, "\(op.name): Jacobian for input \(k) off by \(error)")
    }
}
