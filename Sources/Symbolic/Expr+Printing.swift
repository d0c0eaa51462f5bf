/// Prints an expression in the language's own syntax, so the text pasted back at the
/// prompt builds the same expression: `^` for powers, explicit `*`, exact rationals
/// as `p/q`, `sqrt(x)` for x^(1/2), factors with negative powers after a `/`.
///
/// A rational coefficient with numerator one in front of a single power goes under the
/// division (`x^3/6`); any other goes in front (`1/2*x`, `3/2*x^2`), so the series of
/// sinh prints `x^3/6 + 1/2*x`... wait, of x + x^3/6 prints `x^3/6 + x`.
enum Printer {
    /// Binding strength of what was printed: a sum binds loosest.
    enum Level: Int, Comparable {
        case sum = 1, product = 2, unary = 3, power = 4, atom = 5
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    static func text(_ e: Expr) -> String { render(e).text }

    /// `e` wrapped in parentheses when it binds looser than `level`.
    static func text(_ e: Expr, atLeast level: Level) -> String {
        let (t, l) = render(e)
        return l < level ? "(\(t))" : t
    }

    static func render(_ e: Expr) -> (text: String, level: Level) {
        switch e.node {
        case .number(let r):
            if r.isNegative { return (r.description, .unary) }
            return (r.description, r.isInteger ? .atom : .product)
        case .float(let x):
            return (floatText(x), x < 0 ? .unary : .atom)
        case .symbol(let s):
            return (s, .atom)
        case .apply(let f, let x):
            return ("\(f.rawValue)(\(text(x)))", .atom)
        case .sum(let ts):
            var out = ""
            for (i, t) in ts.enumerated() {
                if i == 0 {
                    out = text(t, atLeast: .sum)
                } else if let m = t.negatedIfNegative {
                    out += " - " + text(m, atLeast: .product)
                } else {
                    out += " + " + text(t, atLeast: .sum)
                }
            }
            return (out, .sum)
        case .power, .product:
            return renderProduct(e)
        }
    }

    static func floatText(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }

    /// A power base^e with a positive exponent (the denominator side is handled by
    /// `renderProduct`).
    static func powerText(_ b: Expr, _ e: Expr) -> String {
        if let r = e.rationalValue, r == Rational(reducing: 1, 2) { return "sqrt(\(text(b)))" }
        let base = text(b, atLeast: .atom)
        let exponent: String
        switch e.node {
        case .number(let r) where r.isInteger && !r.isNegative: exponent = r.description
        case .symbol(let s): exponent = s
        case .apply: exponent = text(e)
        default: exponent = "(\(text(e)))"
        }
        return "\(base)^\(exponent)"
    }

    static func renderProduct(_ e: Expr) -> (text: String, level: Level) {
        var coefficient = Num.one
        var numerator: [Expr] = []       // factors with positive (or symbolic) powers
        var denominator: [Expr] = []     // the reciprocals of factors with negative powers
        for f in e.factors {
            if let n = Num(f) { coefficient = coefficient * n; continue }
            let (b, x) = f.baseAndExponent
            if let n = Num(x), n.isNegative {
                denominator.append(Expr.powerCore(b, (-n).expr) ?? f)
            } else {
                numerator.append(f)
            }
        }
        let negative = coefficient.isNegative
        if negative { coefficient = -coefficient }
        func factorText(_ f: Expr) -> String {
            if case .power(let b, let x) = f.node { return powerText(b, x) }
            return text(f, atLeast: .power)
        }
        var top = numerator.map(factorText)
        var bottom = denominator.map(factorText)
        switch coefficient {
        case .float(let x):
            top.insert(floatText(x), at: 0)
        case .rational(let r):
            let p = r.numerator, q = r.denominator
            let unitOverPower = p == 1 && numerator.count == 1 && numerator[0].isPower
            if q != 1 && (unitOverPower || !denominator.isEmpty) {
                if p != 1 { top.insert(p.description, at: 0) }
                bottom.insert(q.description, at: 0)
            } else if !r.isOne {
                top.insert(r.description, at: 0)
            }
        }
        var out = top.isEmpty ? "1" : top.joined(separator: "*")
        if !bottom.isEmpty {
            // Each piece is an integer, a power or an atom, so one piece needs no parentheses.
            out += bottom.count == 1 ? "/" + bottom[0] : "/(" + bottom.joined(separator: "*") + ")"
        }
        if negative { return ("-" + out, .unary) }
        let simple = top.count == 1 && bottom.isEmpty && (numerator.first?.isPower ?? false)
        return (out, simple ? .power : .product)
    }
}

extension Expr {
    var isPower: Bool {
        if case .power = node { return true }
        return false
    }
}
