/// An immutable symbolic expression, kept in canonical form from construction on:
/// sums and products are flat, like terms and like bases are collected, numbers are
/// folded, and children are sorted (see `Expr+Order.swift`), so two equal expressions
/// are structurally equal, hash alike and print alike.
///
/// Build expressions with `symbol`, `number` and the operators; the `Node` cases are
/// for reading an expression, not for building one.
public final class Expr: Hashable, CustomStringConvertible {
    public enum Node {
        case number(Rational)
        case float(Double)
        case symbol(String)
        /// At least two terms; a number term, if any, is one term.
        case sum([Expr])
        /// At least two factors; a numeric coefficient, if any, comes first.
        case product([Expr])
        case power(Expr, Expr)
        case apply(SymbolicFunction, Expr)
    }

    public let node: Node
    /// Computed once, so sets and dictionaries of large expressions stay cheap. Both
    /// are set in `init` and never change, so expressions can be shared across threads.
    let cachedHash: Int
    /// Total degree used to order terms: symbols count 1, functions 0, a power its
    /// numeric exponent times its base's degree, a product the sum of its factors'.
    let degree: Double

    /// Wraps a node that is already canonical; the canonicalising constructors are in
    /// `Expr+Arithmetic.swift`.
    init(node: Node) {
        var n = node
        if case .float(let x) = n, x == 0 { n = .float(0) }   // -0.0 and 0.0 alike
        self.node = n
        var h = Hasher()
        switch n {
        case .number(let r): h.combine(0); h.combine(r)
        case .float(let x): h.combine(1); h.combine(x)
        case .symbol(let s): h.combine(2); h.combine(s)
        case .sum(let ts): h.combine(3); for t in ts { h.combine(t.cachedHash) }
        case .product(let fs): h.combine(4); for f in fs { h.combine(f.cachedHash) }
        case .power(let b, let e): h.combine(5); h.combine(b.cachedHash); h.combine(e.cachedHash)
        case .apply(let f, let x): h.combine(6); h.combine(f.rawValue); h.combine(x.cachedHash)
        }
        cachedHash = h.finalize()
        switch n {
        case .number, .float, .apply: degree = 0
        case .symbol: degree = 1
        case .sum(let ts): degree = ts.map(\.degree).max() ?? 0
        case .product(let fs): degree = fs.reduce(0) { $0 + $1.degree }
        case .power(let b, let e):
            switch e.node {
            case .number(let r): degree = r.doubleValue * b.degree
            case .float(let x): degree = x * b.degree
            default: degree = 0
            }
        }
    }

    public static func symbol(_ name: String) -> Expr { Expr(node: .symbol(name)) }
    public static func number(_ r: Rational) -> Expr { Expr(node: .number(r)) }
    public static func number(_ n: Int) -> Expr { Expr(node: .number(Rational(n))) }

    /// The rational whose nearest double `x` is, where one with a small denominator
    /// exists (0.1 -> 1/10), else the float itself, as SymPy's `nsimplify`.
    public static func number(_ x: Double) -> Expr {
        if let r = Rational.nearest(x) { return Expr(node: .number(r)) }
        return Expr(node: .float(x))
    }

    static let zero = Expr.number(0)
    static let one = Expr.number(1)
    static let minusOne = Expr.number(-1)
    static let half = Expr(node: .number(Rational(reducing: 1, 2)))

    public func hash(into hasher: inout Hasher) { hasher.combine(cachedHash) }

    public static func == (a: Expr, b: Expr) -> Bool {
        if a === b { return true }
        if a.cachedHash != b.cachedHash { return false }
        switch (a.node, b.node) {
        case (.number(let x), .number(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.symbol(let x), .symbol(let y)): return x == y
        case (.sum(let x), .sum(let y)), (.product(let x), .product(let y)): return x == y
        case (.power(let b1, let e1), .power(let b2, let e2)): return b1 == b2 && e1 == e2
        case (.apply(let f, let x), .apply(let g, let y)): return f == g && x == y
        default: return false
        }
    }

    public var description: String { Printer.text(self) }

    // MARK: Reading

    var isNumber: Bool {
        switch node {
        case .number, .float: return true
        default: return false
        }
    }

    var rationalValue: Rational? {
        if case .number(let r) = node { return r }
        return nil
    }

    var isZero: Bool {
        switch node {
        case .number(let r): return r.isZero
        case .float(let x): return x == 0
        default: return false
        }
    }

    var isOne: Bool {
        if case .number(let r) = node { return r.isOne }
        return false
    }

    var symbolName: String? {
        if case .symbol(let s) = node { return s }
        return nil
    }

    /// The expression's immediate children.
    var children: [Expr] {
        switch node {
        case .number, .float, .symbol: return []
        case .sum(let xs), .product(let xs): return xs
        case .power(let b, let e): return [b, e]
        case .apply(_, let x): return [x]
        }
    }

    /// Splits a term into numeric coefficient and the rest (nil when the term is a number).
    var coefficientAndMonomial: (Num, Expr?) {
        switch node {
        case .number(let r): return (.rational(r), nil)
        case .float(let x): return (.float(x), nil)
        case .product(let fs):
            if let c = Num(fs[0]) {
                return (c, fs.count == 2 ? fs[1] : Expr(node: .product(Array(fs[1...]))))
            }
            return (.one, self)
        default: return (.one, self)
        }
    }

    /// Splits a factor into base and exponent.
    var baseAndExponent: (Expr, Expr) {
        if case .power(let b, let e) = node { return (b, e) }
        return (self, Expr.one)
    }

    /// The symbols the expression depends on, sorted.
    public var freeSymbols: [String] {
        var seen = Set<String>()
        collectSymbols(into: &seen)
        return seen.sorted()
    }

    func collectSymbols(into seen: inout Set<String>) {
        if case .symbol(let s) = node { seen.insert(s); return }
        for c in children { c.collectSymbols(into: &seen) }
    }

    func contains(symbol name: String) -> Bool {
        if case .symbol(let s) = node { return s == name }
        return children.contains { $0.contains(symbol: name) }
    }
}
