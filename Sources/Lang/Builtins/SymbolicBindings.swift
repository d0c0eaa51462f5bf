import Autodiff
import Symbolic
import Tensor

/// The glue between language values and the Symbolic module: reading expressions,
/// symbols and matrices from arguments, and the symbolic forms of builtins that
/// also work on tensors (`diff`, `hessian`, `jacobian`, `det`, `inv`, `solve`, `exp`…),
/// which send a symbolic argument here from their first line.
enum SymbolicBindings {
    static let expressionType = ParameterType.described("expression")
    static let symbolType = ParameterType.described("symbol")
    static let symbolsType = ParameterType.described("symbol or list of symbols")

    /// The names in "w1 w2, x". Each must be an identifier (not a keyword), so that a
    /// printed expression pastes back at the prompt.
    static func names(_ text: String, _ span: SourceSpan) throws -> [String] {
        let names = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard !names.isEmpty else { throw Diagnostic(.value, "symbols() needs at least one name", span) }
        for name in names {
            let scalars = Array(name.unicodeScalars)
            let ok = scalars.first.map { $0 == "_" || $0.properties.isAlphabetic } ?? false
                && scalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            guard ok, Keyword(rawValue: name) == nil else {
                throw Diagnostic(.value, "'\(name)' cannot name a symbol: a symbol's name is an identifier (letters, digits, _), not a keyword", span)
            }
        }
        return names
    }

    /// True when any argument of the call is an expression or symbolic matrix.
    static func any(_ values: Value...) -> Bool { values.contains(where: Operators.isSymbolic) }

    /// True when `v` is symbolic or a list or tuple holding a symbolic value: the symbols
    /// of `hessian(3, [x, y])` make it symbolic even when the expression is a number.
    static func holdsSymbols(_ v: Value) -> Bool {
        switch v {
        case .list(let l): return l.items.contains(where: Operators.isSymbolic)
        case .tuple(let t): return t.items.contains(where: Operators.isSymbolic)
        default: return Operators.isSymbolic(v)
        }
    }

    /// Parameter `name` as one expression (a number counts).
    static func scalar(_ args: Arguments, _ name: String) throws -> Symbolic.Expr {
        guard let e = Operators.expression(args[name]) else {
            throw args.error(name, "\(args.builtin.name)() expects \(name) to be an expression, got \(args[name].typeName)")
        }
        return e
    }

    /// `f` applied to parameter `name`: an expression, or each entry of a symbolic matrix.
    static func map(_ args: Arguments, _ name: String, _ f: (Symbolic.Expr) throws -> Symbolic.Expr) throws -> Value {
        let v = args[name]
        if let e = Operators.expression(v) { return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try f(e) }) }
        if Operators.isSymbolic(v), let m = Operators.symbolicMatrix(v) {
            return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try m.matrix.map(f) }, isVector: m.isVector)
        }
        throw args.error(name, "\(args.builtin.name)() expects \(name) to be an expression, got \(v.typeName)")
    }

    /// The name of the symbol in `value`, or nil when it is not a bare symbol.
    static func symbolName(of value: Value) -> String? {
        guard case .object(let o) = value, let e = o.object as? ExpressionObject, case .symbol(let name) = e.expr.node else { return nil }
        return name
    }

    /// Parameter `name` as a symbol's name.
    static func symbolName(_ args: Arguments, _ name: String) throws -> String {
        guard let s = symbolName(of: args[name]) else { throw notSymbol(args[name], args.builtin.name, name, args.span(name)) }
        return s
    }

    /// "diff() expects x to be a symbol, got x^2 (an expression)".
    static func notSymbol(_ v: Value, _ builtin: String, _ name: String, _ span: SourceSpan) -> Diagnostic {
        let got = Operators.isSymbolic(v) || Operators.expression(v) != nil
            ? "\((Operators.expression(v)?.description) ?? v.typeName) (not a single symbol)" : v.typeName
        return Diagnostic(.type, "\(builtin)() expects \(name) to be a symbol, got \(got)", span)
    }

    /// Parameter `name` as symbol names: one symbol, or a list, tuple or vector of them.
    static func symbolNames(_ args: Arguments, _ name: String) throws -> [String] {
        let v = args[name]
        let items: [Value]
        switch v {
        case .list(let l): items = l.items
        case .tuple(let t): items = t.items
        default: items = Operators.symbolicElements(v) ?? [v]
        }
        var names: [String] = []
        for item in items {
            guard let s = symbolName(of: item) else { throw notSymbol(item, args.builtin.name, name, args.span(name)) }
            guard !names.contains(s) else {
                throw args.error(name, "\(args.builtin.name)() got the symbol \(s) twice in \(name)", kind: .value)
            }
            names.append(s)
        }
        guard !names.isEmpty else { throw args.error(name, "\(args.builtin.name)() needs at least one symbol in \(name)", kind: .value) }
        return names
    }

    /// A symbolic matrix argument, with a clear error for anything else.
    static func matrix(_ args: Arguments, _ name: String) throws -> (matrix: SymbolicMatrix, isVector: Bool) {
        guard let m = Operators.symbolicMatrix(args[name]) else {
            throw args.error(name, "\(args.builtin.name)() expects \(name) to be a matrix, got \(args[name].typeName)")
        }
        return m
    }

    // MARK: - Symbolic forms of tensor builtins

    /// `exp(E)` and the other elementary functions of an expression (each entry of a matrix).
    static func function(_ name: String, _ args: Arguments, _ x: String) throws -> Value {
        guard let f = SymbolicFunction(rawValue: name) else {
            let known = ["exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "abs"].joined(separator: ", ")
            throw args.error(x, "\(name)() does not take a symbolic expression; the symbolic functions are \(known)")
        }
        return try map(args, x) { try Symbolic.Expr.apply(f, $0) }
    }

    /// `diff(E, x)`, `diff(E, x, 2)`, `diff(E, x, y)`: each symbol differentiates once,
    /// an integer after a symbol sets how many times (SymPy's rule).
    static func diff(_ args: Arguments, _ x: String, then specNames: [String]) throws -> Value {
        var steps: [(symbol: String, order: Int)] = []
        var specs: [(Value, SourceSpan)] = []
        for name in specNames where args.span(name) != args.callSpan { specs.append((args[name], args.span(name))) }
        specs += zip(args.rest, args.restSpans).map { ($0, $1) }
        guard !specs.isEmpty else {
            throw Diagnostic(.argument, "diff() of an expression needs the symbol to differentiate by: diff(E, x)", args.callSpan)
        }
        for (v, span) in specs {
            if let s = symbolName(of: v) {
                steps.append((s, 1))
            } else if case .number(let x) = v, let k = Int(exactly: x), k >= 0, !steps.isEmpty {
                steps[steps.count - 1].order = k
            } else if case .number = v, !steps.isEmpty {
                throw Diagnostic(.value, "diff() order must be a whole number ≥ 0, got \(ValueFormatter.number(v.asTensor.flatMap { try? $0.scalar() } ?? 0, precision: 10))", span)
            } else {
                throw notSymbol(v, "diff", "each variable", span)
            }
        }
        return try map(args, x) { e in
            var r = e
            for (s, k) in steps where k > 0 { r = try r.diff(s, order: k) }
            return r
        }
    }

    /// `hessian(E, [x, y])`: the symbolic matrix of second partial derivatives.
    static func hessian(_ args: Arguments, _ f: String, _ x: String) throws -> Value {
        try noExtra(args)
        let e = try scalar(args, f)
        let vars = try symbolNames(args, x)
        return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try Symbolic.hessian(e, vars) })
    }

    /// `jacobian([E1, E2], [x, y])`: rows are the expressions, columns the symbols.
    static func jacobian(_ args: Arguments, _ fName: String, _ x: String) throws -> Value {
        try noExtra(args)
        let f = args[fName]
        let es: [Symbolic.Expr]
        if let e = Operators.expression(f) {
            es = [e]
        } else if let m = Operators.symbolicMatrix(f), m.isVector {
            es = m.matrix.entries
        } else {
            throw args.error(fName, "jacobian() expects f to be a function, an expression or a vector of expressions, got \(f.typeName)")
        }
        let vars = try symbolNames(args, x)
        return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try Symbolic.jacobian(es, vars) })
    }

    private static func noExtra(_ args: Arguments) throws {
        if let span = args.restSpans.first {
            throw Diagnostic(.argument, "\(args.builtin.name)() of an expression takes the expression and the symbols only", span)
        }
    }

    /// `det(M)` of a square symbolic matrix.
    static func det(_ args: Arguments, _ a: String) throws -> Value {
        let m = try matrix(args, a)
        return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try square(m, "det").determinant() })
    }

    /// `inv(M)`; a singular matrix is an error.
    static func inv(_ args: Arguments, _ a: String) throws -> Value {
        let m = try matrix(args, a)
        return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try square(m, "inv").inverse() })
    }

    /// `solve(M, b)`: b a vector or matrix with as many rows as M.
    static func solve(_ args: Arguments, _ aName: String, _ bName: String) throws -> Value {
        let a = try matrix(args, aName), b = try matrix(args, bName)
        guard a.matrix.rows == b.matrix.rows else {
            throw Diagnostic(.shape, "solve() shape mismatch: A is \(Operators.shapeText(a.matrix, a.isVector)) and b is \(Operators.shapeText(b.matrix, b.isVector))", args.callSpan)
        }
        return Operators.wrap(try Operators.symbolic(at: args.callSpan) { try square(a, "solve").solve(b.matrix) }, isVector: b.isVector)
    }

    private static func square(_ m: (matrix: SymbolicMatrix, isVector: Bool), _ name: String) throws -> SymbolicMatrix {
        guard !m.isVector, m.matrix.rows == m.matrix.columns else {
            throw SymbolicError("\(name)() needs a square matrix, got shape \(Operators.shapeText(m.matrix, m.isVector))")
        }
        return m.matrix
    }

    // MARK: - lambdify

    /// The expression as a builtin function value computing it with differentiable
    /// operations: f(x) for one symbol, f(w) of a vector (its last axis holds the
    /// symbols in order) or f(w1, w2, …) for several.
    static func lambdify(_ args: Arguments, _ expr: String, _ varsName: String, vars: [String], single: Bool) throws -> Value {
        // A vector or matrix of expressions gives a function returning a tensor of that shape.
        let entries: [Symbolic.Expr], shape: [Int]
        if let e = Operators.expression(args[expr]) {
            (entries, shape) = ([e], [])
        } else if Operators.isSymbolic(args[expr]), let m = Operators.symbolicMatrix(args[expr]) {
            (entries, shape) = (m.matrix.entries, m.isVector ? [m.matrix.rows] : [m.matrix.rows, m.matrix.columns])
        } else {
            throw args.error(expr, "lambdify() expects an expression, got \(args[expr].typeName)")
        }
        // Symbols not in vars (x and y in lambdify(E, [w1, w2]) of the notes' loss) are given
        // as keywords at each call: f(w, x=3, y=4).
        let others = Set(entries.flatMap(\.freeSymbols)).filter { !vars.contains($0) }.sorted()
        let arity = vars.count
        let shown = shape.isEmpty ? entries[0].description : "the \(shape.map(String.init).joined(separator: "×")) entries"
        let doc = "\(shown) as a function of \(single ? vars[0] : "[" + vars.joined(separator: ", ") + "]")"
            + (others.isEmpty ? "." : ", with \(others.joined(separator: ", ")) given as keywords.")
        return .builtin(Builtin("lambdified", [.variadic("args", .differentiable, doc: "the values of the symbols, or one vector of them")],
                                doc: doc, example: "lambdify(symbol(\"x\")^2, symbol(\"x\"))(3)", takesKeywords: true) { call, _ in
            let inputs = call.rest.compactMap(AutodiffBindings.variable)
            var env: [String: Variable] = [:]
            for (name, value, span) in call.keywords {
                guard others.contains(name) else {
                    throw Diagnostic(.argument, "this function has no symbol '\(name)' to set\(others.isEmpty ? "" : " (its other symbols: \(others.joined(separator: ", ")))")", span)
                }
                guard let v = AutodiffBindings.variable(value) else {
                    throw Diagnostic(.type, "the value of \(name) must be a number or tensor, got \(value.typeName)", span)
                }
                env[name] = v
            }
            let unset = others.filter { env[$0] == nil }
            guard unset.isEmpty else {
                throw Diagnostic(.argument, "the expression also depends on \(unset.joined(separator: ", ")): give \(unset.count == 1 ? "it" : "them") as keywords, f(..., \(unset[0])=...), or list \(unset.count == 1 ? "it" : "them") in lambdify's vars", call.callSpan)
            }
            if inputs.count == arity {
                for (name, v) in zip(vars, inputs) { env[name] = v }
            } else if inputs.count == 1, arity > 1 {
                let w = inputs[0]
                guard w.rank >= 1, w.shape[w.rank - 1] == arity else {
                    throw Diagnostic(.shape, "this function takes a vector of \(arity) values ([\(vars.joined(separator: ", "))]), got shape \(formatShape(w.shape))", call.restSpans.first ?? call.callSpan)
                }
                let lead = [TensorIndex](repeating: .all, count: w.rank - 1)
                for (k, name) in vars.enumerated() { env[name] = try w.subscripted(lead + [.at(k)]) }
            } else {
                throw Diagnostic(.argument, "this function takes \(arity == 1 ? "1 value" : "\(arity) values or one vector of them") (\(vars.joined(separator: ", "))), got \(call.rest.count)", call.callSpan)
            }
            let values = try entries.map { try evaluate($0, env) }
            if shape.isEmpty { return AutodiffBindings.wrap(values[0]) }
            // Constant entries are rank 0: they broadcast to the others' shape before stacking.
            let common = values.map(\.shape).max { $0.count < $1.count } ?? []
            let zero = Variable(try Tensor(shape: common, repeating: 0))
            let parts = try values.map { $0.shape == common ? $0 : try $0 + zero }
            let stacked = try Variable.stack(parts, axis: 0)
            return AutodiffBindings.wrap(try stacked.reshape(shape + common))
        })
    }

    /// The expression computed on Variables, so derivatives flow through it.
    static func evaluate(_ e: Symbolic.Expr, _ env: [String: Variable]) throws -> Variable {
        switch e.node {
        case .number(let r): return Variable(Tensor(r.doubleValue))
        case .float(let x): return Variable(Tensor(x))
        case .symbol(let name):
            guard let v = env[name] else { throw BuiltinError("the symbol \(name) has no value") }
            return v
        case .sum(let terms):
            var acc = try evaluate(terms[0], env)
            for t in terms.dropFirst() { acc = try acc + evaluate(t, env) }
            return acc
        case .product(let factors):
            var acc = try evaluate(factors[0], env)
            for f in factors.dropFirst() { acc = try acc * evaluate(f, env) }
            return acc
        case .power(let base, let exponent):
            let b = try evaluate(base, env)
            if let c = exponent.constantValue {
                if c == 1 { return b }
                if c == -1 { return try Variable(Tensor(1)) / b }
                if c == 0.5 { return b.unary(.sqrt) }
                return try b.binary(.power, Variable(Tensor(c)))
            }
            // A symbolic exponent: b^p = exp(p·log b), defined where b > 0.
            return try (evaluate(exponent, env) * b.unary(.log)).unary(.exp)
        case .apply(let f, let x):
            guard let op = UnaryOperation(rawValue: f.rawValue) else { throw BuiltinError("\(f.rawValue) has no numeric form") }
            return try evaluate(x, env).unary(op)
        }
    }
}
