/// LaTeX text for display math, in SymPy's style: `\frac{x^{3}}{6} + \frac{x}{2}`,
/// `e^{x}`, `\sqrt{x}`, trailing digits of a name as a subscript (w1 -> w_{1}).
extension Expr {
    public var latex: String { LaTeX.render(self).text }
}

enum LaTeX {
    typealias Level = Printer.Level

    static let greek: Set<String> = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                                     "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma",
                                     "tau", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta",
                                     "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"]

    static func symbol(_ s: String) -> String {
        var name = Substring(s), digits = ""
        while let last = name.last, last.isASCII, last.isNumber, name.count > 1 {
            digits = String(last) + digits
            name = name.dropLast()
        }
        var parts = name.split(separator: "_", maxSplits: 1).map(String.init)
        if parts.isEmpty { parts = [String(name)] }
        var base = parts[0]
        if greek.contains(base) { base = "\\" + base } else if base.count > 1 { base = "\\mathrm{\(base)}" }
        var lower = parts.count > 1 ? parts[1] : ""
        lower += digits
        return lower.isEmpty ? base : "\(base)_{\(lower)}"
    }

    static func wrap(_ e: Expr, atLeast level: Level) -> String {
        let (t, l) = render(e)
        return l < level ? "\\left(\(t)\\right)" : t
    }

    static func render(_ e: Expr) -> (text: String, level: Level) {
        switch e.node {
        case .number(let r):
            if r.isInteger { return (r.description, r.isNegative ? .unary : .atom) }
            let f = "\\frac{\(r.numerator.magnitude)}{\(r.denominator)}"
            return r.isNegative ? ("- " + f, .unary) : (f, .atom)
        case .float(let x):
            return (Printer.floatText(x), x < 0 ? .unary : .atom)
        case .symbol(let s):
            return (symbol(s), .atom)
        case .apply(let f, let u):
            let arg = render(u).text
            switch f {
            case .exp: return ("e^{\(arg)}", .power)
            case .abs: return ("\\left|\(arg)\\right|", .atom)
            case .sqrt: return ("\\sqrt{\(arg)}", .atom)
            case .sigmoid: return ("\\sigma\\left(\(arg)\\right)", .atom)
            case .log, .sin, .cos, .tanh: return ("\\\(f.rawValue){\\left(\(arg)\\right)}", .atom)
            }
        case .sum(let ts):
            var out = ""
            for (i, t) in ts.enumerated() {
                if i == 0 {
                    out = wrap(t, atLeast: .sum)
                } else if let m = t.negatedIfNegative {
                    out += " - " + wrap(m, atLeast: .product)
                } else {
                    out += " + " + wrap(t, atLeast: .sum)
                }
            }
            return (out, .sum)
        case .power, .product:
            return product(e)
        }
    }

    static func power(_ b: Expr, _ e: Expr) -> String {
        if let r = e.rationalValue, r == Rational(reducing: 1, 2) { return "\\sqrt{\(render(b).text)}" }
        if case .apply(.exp, let u) = b.node {
            return "e^{\(render(Expr.product([u, e])).text)}"
        }
        return "\(wrap(b, atLeast: .atom))^{\(render(e).text)}"
    }

    static func product(_ e: Expr) -> (text: String, level: Level) {
        var coefficient = Num.one
        var top: [String] = [], bottom: [String] = []
        for f in e.factors {
            if let n = Num(f) { coefficient = coefficient * n; continue }
            let (b, x) = f.baseAndExponent
            if let n = Num(x), n.isNegative {
                let flipped = Expr.powerCore(b, (-n).expr) ?? f
                let (fb, fx) = flipped.baseAndExponent
                bottom.append(fx.isOne ? wrap(fb, atLeast: .power) : power(fb, fx))
            } else {
                top.append(x.isOne ? wrap(b, atLeast: .power) : power(b, x))
            }
        }
        let negative = coefficient.isNegative
        if negative { coefficient = -coefficient }
        switch coefficient {
        case .float(let x): top.insert(Printer.floatText(x), at: 0)
        case .rational(let r):
            if r.numerator != 1 { top.insert(r.numerator.description, at: 0) }
            if r.denominator != 1 { bottom.insert(r.denominator.description, at: 0) }
        }
        let numerator = top.isEmpty ? "1" : top.joined(separator: " ")
        var out = bottom.isEmpty ? numerator : "\\frac{\(numerator)}{\(bottom.joined(separator: " "))}"
        if negative { out = "- " + out; return (out, .unary) }
        return (out, bottom.isEmpty && top.count == 1 ? .power : .product)
    }
}
