/// A numeric coefficient while terms are collected: exact unless a float took part,
/// as in SymPy, where 2*x + 0.5*x is 2.5*x.
enum Num: Equatable {
    case rational(Rational)
    case float(Double)

    static let one = Num.rational(.one)
    static let zero = Num.rational(.zero)

    init?(_ e: Expr) {
        switch e.node {
        case .number(let r): self = .rational(r)
        case .float(let x): self = .float(x)
        default: return nil
        }
    }

    var isZero: Bool {
        switch self {
        case .rational(let r): return r.isZero
        case .float(let x): return x == 0
        }
    }

    /// Exactly one; a float 1.0 still marks the term as inexact, so it is not one.
    var isOne: Bool {
        if case .rational(let r) = self { return r.isOne }
        return false
    }

    var isNegative: Bool {
        switch self {
        case .rational(let r): return r.isNegative
        case .float(let x): return x < 0
        }
    }

    var doubleValue: Double {
        switch self {
        case .rational(let r): return r.doubleValue
        case .float(let x): return x
        }
    }

    var expr: Expr {
        switch self {
        case .rational(let r): return Expr(node: .number(r))
        case .float(let x): return Expr(node: .float(x))
        }
    }

    static func + (a: Num, b: Num) -> Num {
        if case .rational(let x) = a, case .rational(let y) = b { return .rational(x + y) }
        return .float(a.doubleValue + b.doubleValue)
    }

    static func * (a: Num, b: Num) -> Num {
        if case .rational(let x) = a, case .rational(let y) = b { return .rational(x * y) }
        return .float(a.doubleValue * b.doubleValue)
    }

    static prefix func - (a: Num) -> Num {
        switch a {
        case .rational(let r): return .rational(-r)
        case .float(let x): return .float(-x)
        }
    }
}
