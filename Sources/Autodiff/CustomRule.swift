import Tensor

/// The derivative rule of an operation defined outside the table in
/// `DerivativeRules.swift`: a vector-Jacobian product written in Variable
/// operations (so it is differentiable again), kept next to the operation.
struct CustomRule {
    /// The pullback: the gradient flowing into each input, given the inputs, the
    /// output, the output's gradient `g`, which inputs need one, and the batch size
    /// when `g` carries an extra leading axis (throw `BatchingUnsupported` to be
    /// swept seed by seed instead).
    typealias Pullback = (_ inputs: [Variable], _ output: Variable, _ g: Variable,
                          _ needs: [Bool], _ batch: Int?) throws -> [Variable?]

    /// What the operation is called, for debugging.
    let name: String
    let pullback: Pullback

    init(_ name: String, _ pullback: @escaping Pullback) {
        self.name = name
        self.pullback = pullback
    }
}
