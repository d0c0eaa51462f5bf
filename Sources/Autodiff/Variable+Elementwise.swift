import Tensor

extension Variable {
    /// `self op other` elementwise with NumPy broadcasting; the gradient of each
    /// operand is summed back to its own shape.
    ///
    /// `max`/`min` route the gradient to the first operand where the two are equal
    /// (a subgradient). Comparisons give a 0/1 constant: they have no derivative.
    /// - Throws: `TensorError.shapeMismatch` when the shapes do not broadcast.
    public func binary(_ op: BinaryOperation, _ other: Variable) throws -> Variable {
        let value = try self.value.binary(op, other.value)
        switch op {
        case .add, .subtract, .multiply, .divide, .power, .maximum, .minimum, .arctan2:
            return Variable.make(value, .binary(op), [self, other])
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            return Variable(value)
        }
    }

    /// Applies `op` to every element.
    ///
    /// Subgradients at kinks: `relu'(0) = 0`, `abs'(0) = 0`, `sign' = 0` everywhere.
    public func unary(_ op: UnaryOperation) -> Variable {
        Variable.make(value.unary(op), .unary(op), [self])
    }

    /// `x` where `x > 0`, `alpha * x` elsewhere (derivative `alpha` at 0).
    public func leakyRelu(alpha: Double = 0.01) throws -> Variable {
        let positive = try value.binary(.greater, Tensor(0))
        return try Variable.where(positive, self, self * alpha)
    }

    /// `x` where `x > 0`, `alpha * (e^x - 1)` elsewhere.
    public func elu(alpha: Double = 1) throws -> Variable {
        let positive = try value.binary(.greater, Tensor(0))
        // exp of min(x, 0) so the unused branch never overflows (0 * inf would poison the gradient).
        let negativePart = try self.binary(.minimum, Variable(0)).unary(.exp) - 1
        return try Variable.where(positive, self, negativePart * alpha)
    }

    /// Each element limited to `[low, high]`; the gradient is 1 inside the interval,
    /// including its ends, and 0 outside.
    public func clip(_ low: Double, _ high: Double) throws -> Variable {
        try binary(.maximum, Variable(low)).binary(.minimum, Variable(high))
    }

    /// `a` where `condition` is nonzero, `b` elsewhere, all three broadcast together.
    /// The condition is a constant: no gradient flows into it.
    public static func `where`(_ condition: Tensor, _ a: Variable, _ b: Variable) throws -> Variable {
        let value = try Tensor.where(condition, a.value, b.value)
        return make(value, .select(condition: condition), [a, b])
    }

    /// Elementwise sum.
    public static func + (lhs: Variable, rhs: Variable) throws -> Variable { try lhs.binary(.add, rhs) }
    /// Elementwise difference.
    public static func - (lhs: Variable, rhs: Variable) throws -> Variable { try lhs.binary(.subtract, rhs) }
    /// Elementwise product.
    public static func * (lhs: Variable, rhs: Variable) throws -> Variable { try lhs.binary(.multiply, rhs) }
    /// Elementwise quotient.
    public static func / (lhs: Variable, rhs: Variable) throws -> Variable { try lhs.binary(.divide, rhs) }
    /// Elementwise negation.
    public static prefix func - (x: Variable) -> Variable { x.unary(.negate) }

    /// Adds a constant.
    public static func + (lhs: Variable, rhs: Double) throws -> Variable { try lhs.binary(.add, Variable(rhs)) }
    /// Subtracts a constant.
    public static func - (lhs: Variable, rhs: Double) throws -> Variable { try lhs.binary(.subtract, Variable(rhs)) }
    /// Multiplies by a constant.
    public static func * (lhs: Variable, rhs: Double) throws -> Variable { try lhs.binary(.multiply, Variable(rhs)) }
    /// Divides by a constant.
    public static func / (lhs: Variable, rhs: Double) throws -> Variable { try lhs.binary(.divide, Variable(rhs)) }
    /// A constant minus the variable.
    public static func - (lhs: Double, rhs: Variable) throws -> Variable { try Variable(lhs).binary(.subtract, rhs) }
    /// A constant times the variable.
    public static func * (lhs: Double, rhs: Variable) throws -> Variable { try Variable(lhs).binary(.multiply, rhs) }

    /// Elementwise power `self ^ exponent`.
    public func pow(_ exponent: Double) throws -> Variable { try binary(.power, Variable(exponent)) }
    /// e^x elementwise.
    public func exp() -> Variable { unary(.exp) }
    /// Natural logarithm elementwise.
    public func log() -> Variable { unary(.log) }
    /// Square root elementwise.
    public func sqrt() -> Variable { unary(.sqrt) }
}
