import Tensor

/// A Taylor polynomial of a function about a point, exact to its order (the
/// coefficients come from repeated reverse-mode differentiation).
///
/// For a scalar argument the coefficients are `f⁽ⁱ⁾(x₀)/i!`, i = 0…order; for a
/// vector argument (order ≤ 2) the value, gradient and Hessian give
/// `f(x₀) + gᵀ(x - x₀) + ½ (x - x₀)ᵀ H (x - x₀)`.
public struct TaylorModel: CustomStringConvertible {
    /// The expansion point x₀.
    public let center: Tensor
    /// The order of the polynomial.
    public let order: Int
    /// Scalar argument: `f⁽ⁱ⁾(x₀)/i!`. Vector argument: value, gradient, Hessian (as far as `order`).
    public let coefficients: [Tensor]
    /// True when the argument is a scalar.
    public var isScalar: Bool { center.count == 1 && center.rank == 0 }

    /// Largest graph the scalar expansion differentiates again (tens of MB of nodes, seconds of work).
    public static let nodeLimit = 200_000

    /// Expands `f` about `x0` to `order`.
    /// - Parameter checkpoint: called before each order (a place to poll for Ctrl-C).
    /// - Throws: `invalidArgument` for a negative order or an order above 2 with a
    ///   tensor argument; `nonScalarOutput` when `f` is not scalar-valued;
    ///   `notDifferentiable` when a derivative's graph passes `nodeLimit` (products
    ///   can double it at every order).
    public init(of f: (Variable) throws -> Variable, at x0: Tensor, order: Int,
                checkpoint: () throws -> Void = {}) throws {
        guard order >= 0 else { throw TensorError.invalidArgument("taylor order must be 0 or more, got \(order)") }
        self.center = x0
        self.order = order
        let x = Variable.leaf(x0)
        var derivative = try f(x)
        guard derivative.count == 1 else { throw AutodiffError.nonScalarOutput(shape: derivative.shape) }
        var coefficients = [try derivative.value.reshape([])]
        if x0.rank == 0 {
            var factorial = 1.0
            for i in stride(from: 1, through: order, by: 1) {
                try checkpoint()
                // Each reverse pass differentiates the previous one's graph, which can
                // double it (products): stop with an error before memory and time explode.
                let pass = ReversePass(from: derivative, targets: [x])
                guard pass.graph.order.count <= TaylorModel.nodeLimit else {
                    throw AutodiffError.notDifferentiable("taylor: the graph of derivative \(i - 1) has \(pass.graph.order.count) nodes (limit \(TaylorModel.nodeLimit)); repeated differentiation of this function is too costly above order \(i - 1)")
                }
                let seed = Variable(try Tensor(shape: derivative.shape, repeating: 1))
                derivative = try pass.run(seed: seed, createGraph: i < order)[0]
                factorial *= Double(i)
                coefficients.append(try derivative.value.binary(.divide, Tensor(factorial)))
            }
        } else {
            guard order <= 2 else {
                throw TensorError.invalidArgument("taylor of order \(order) needs a scalar argument; with a tensor argument the order is at most 2")
            }
            if order >= 1 {
                let g = try gradients(of: derivative, withRespect: [x], createGraph: order >= 2)[0]
                coefficients.append(g.value)
                if order >= 2 { coefficients.append(try jacobian(of: g, withRespect: x).value) }
            }
        }
        self.coefficients = coefficients
    }

    /// The polynomial at `x` (differentiable in `x`).
    /// - Throws: `shapeMismatch` when `x` does not have the center's shape.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        let dx = try x - Variable(center)
        if isScalar || center.rank == 0 {
            // Horner's rule from the highest coefficient down.
            var result = Variable(coefficients[coefficients.count - 1])
            for c in coefficients.dropLast().reversed() { result = try result * dx + Variable(c) }
            return result
        }
        guard x.shape == center.shape else { throw TensorError.shapeMismatch(op: "taylor model", lhs: center.shape, rhs: x.shape) }
        var result = Variable(coefficients[0])
        let flat = try dx.flatten()
        if coefficients.count > 1 { result = try result + Variable(coefficients[1]).flatten().dot(flat) }
        if coefficients.count > 2 {
            let n = flat.count
            let h = try Variable(coefficients[2]).reshape([n, n])
            result = try result + flat.dot(h.matmul(flat)) * 0.5
        }
        return result
    }

    /// The polynomial's terms, e.g. `0.841 + 0.540·(x - 1) - 0.421·(x - 1)^2`.
    public var description: String {
        let formatter = TensorFormatter(precision: 6)
        let c0 = number(center, formatter)
        if center.rank == 0 {
            let shift = c0 == "0" ? "x" : (c0.hasPrefix("-") ? "(x + \(c0.dropFirst()))" : "(x - \(c0))")
            var text = ""
            // Exact zero terms (odd or even symmetry) are left out.
            for (i, c) in coefficients.enumerated() {
                let v = (try? c.scalar()) ?? .nan
                if v == 0 { continue }
                let magnitude = formatter.format(Swift.abs(v))
                let negative = v < 0
                let power = i == 0 ? "" : (i == 1 ? shift : "\(shift)^\(i)")
                let term = i == 0 ? magnitude : (magnitude == "1" ? power : "\(magnitude)·\(power)")
                text += text.isEmpty ? (negative ? "-" : "") + term : (negative ? " - " : " + ") + term
            }
            if text.isEmpty { text = "0" }
            return "taylor model of order \(order) at x0 = \(c0): \(text)"
        }
        var lines = ["taylor model of order \(order) at x0 = \(formatter.format(center))",
                     "  f(x0) = \(number(coefficients[0], formatter))"]
        let names = ["", "grad", "hessian"]
        for i in 1..<coefficients.count {
            let label = "  \(names[i]) = "
            let body = formatter.format(coefficients[i])
            // Continuation lines of a matrix line up under its first row.
            let pad = "\n" + String(repeating: " ", count: label.count)
            lines.append(label + body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: pad))
        }
        let terms = ["f(x0)", "grad·(x - x0)", "½ (x - x0)ᵀ hessian (x - x0)"]
        lines.insert("  " + terms.prefix(order + 1).joined(separator: " + "), at: 1)
        return lines.joined(separator: "\n")
    }

    private func number(_ t: Tensor, _ formatter: TensorFormatter) -> String {
        formatter.format((try? t.scalar()) ?? .nan)
    }
}
