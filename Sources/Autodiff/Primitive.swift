import Tensor

/// The operations the graph records; each has one derivative rule in
/// `DerivativeRules.swift`. Composites (softmax, variance, norm, …) are built from
/// these and record nothing of their own.
enum Primitive {
    /// `y = x`, the link between a nested derivative's variable and the outer graph.
    case identity
    /// Elementwise with broadcasting (`+ - * / ^ max min`).
    case binary(BinaryOperation)
    /// Elementwise function of one tensor.
    case unary(UnaryOperation)
    /// Matrix product with NumPy's rank-1/rank-2 rules.
    case matmul
    /// Sum of all elements (`axis == nil`) or along one axis.
    case sum(axis: Int?, keepDims: Bool)
    /// Largest (or smallest) element, all or along an axis; the gradient goes to
    /// the first of equal extremes.
    case extremum(max: Bool, axis: Int?, keepDims: Bool)
    /// Stretches the input to a shape (broadcasting made explicit).
    case broadcast
    /// Sums the input down to a shape (the inverse of broadcasting).
    case sumToShape
    /// Same elements, another shape.
    case reshape
    /// Reorders the axes: output axis `i` is input axis `permutation[i]`.
    case permute([Int])
    /// Chooses between two tensors by a constant 0/1 condition.
    case select(condition: Tensor)
    /// Concatenation along an axis.
    case concat(axis: Int)
    /// Elements `start..<start+length` along an axis (the inverse of `concat`).
    case narrow(axis: Int, start: Int, length: Int)
    /// The view `indices` select (integers, slices, whole axes).
    case subscripted([TensorIndex])
    /// Zeros of the input-to-be's shape with the selection `indices` set to the
    /// input (the adjoint of `subscripted`; slices never repeat an element).
    case scatter([TensorIndex], shape: [Int])
    /// The elements an advanced (NumPy) subscript selects, copied.
    case gather(GatherPlan)
    /// Zeros of `plan.sourceShape` with the input added at the plan's positions,
    /// repeated positions summing (the adjoint of `gather`).
    case scatterAdd(GatherPlan)
    /// Matrix inverse.
    case inverse
    /// `solve(A, b)`: the `x` with `A x = b`.
    case solve
    /// Determinant of a square matrix.
    case determinant
    /// Running sum along a (normalised) axis.
    case cumulativeSum(axis: Int)
    /// Running product along a (normalised) axis.
    case cumulativeProduct(axis: Int)
    /// An operation that carries its own rule (`CustomRule`), so a new
    /// operation adds no case here.
    case custom(CustomRule)
}
