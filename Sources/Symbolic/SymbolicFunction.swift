/// The elementary functions an expression may apply, named as in the language.
public enum SymbolicFunction: String, CaseIterable, Sendable {
    case exp, log, sqrt, sin, cos, tanh, sigmoid, abs
}
