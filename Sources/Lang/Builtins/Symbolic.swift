import Symbolic
import Tensor

// symbols symbol float expand simplify factor subs series gradient expect latex lambdify
// (diff, hessian, jacobian, det, inv, solve and exp…abs take expressions too: SymbolicBindings)

extension BuiltinGroup {
    /// Exact expressions over named symbols (the Symbolic layer), in SymPy's words.
    static let symbolic = BuiltinGroup(topic: "Symbolic", builtins: [
        Builtin("symbols", [.init("names", .string, doc: "names separated by spaces or commas")],
                doc: "Symbols for exact expressions: a tuple of them, or one symbol for one name.",
                example: "x, y = symbols(\"x y\")") { args, _ in
            let names = try SymbolicBindings.names(try args.string("names"), args.span("names"))
            if names.count == 1 { return Operators.wrap(.symbol(names[0])) }
            return Value(tuple: names.map { Operators.wrap(.symbol($0)) })
        },
        Builtin("symbol", [.init("name", .string, doc: "the symbol's name, an identifier")],
                doc: "One symbol for exact expressions.",
                example: "x = symbol(\"x\")") { args, _ in
            let names = try SymbolicBindings.names(try args.string("name"), args.span("name"))
            guard names.count == 1 else { throw args.error("name", "symbol() takes one name; use symbols() for several", kind: .value) }
            return Operators.wrap(.symbol(names[0]))
        },
        Builtin("float", [.init("x", .described("number, tensor, string, or constant expression"), doc: "the value")],
                doc: "The number a constant expression stands for (a tensor for a symbolic matrix), or a string read as a number (\"1.5\", \"-2e3\", \"inf\"); numbers and tensors pass through.",
                example: "float(subs(symbol(\"x\") / 3, x=1))") { args, _ in
            let x = args["x"]
            if case .string(let text) = x {
                // As Python's float(): surrounding whitespace is ignored.
                let trimmed = text.value.trimmingWhitespace
                guard let v = Double(trimmed) else {
                    throw args.error("x", "float() cannot read \"\(text.value)\" as a number", kind: .value)
                }
                return .number(v)
            }
            if let e = Operators.expression(x) {
                guard let v = e.constantValue else {
                    throw args.error("x", "float() needs a constant expression; this one has free symbols \(e.freeSymbols.joined(separator: ", ")) (use subs first)", kind: .value)
                }
                return .number(v)
            }
            if Operators.isSymbolic(x), let s = Operators.symbolicMatrix(x) {
                let m = s.matrix, isVector = s.isVector
                var values: [Double] = []
                for e in m.entries {
                    guard let v = e.constantValue else {
                        throw args.error("x", "float() needs constant entries; this matrix has free symbols \(e.freeSymbols.joined(separator: ", "))", kind: .value)
                    }
                    values.append(v)
                }
                return Value(try Tensor(shape: isVector ? [m.rows] : [m.rows, m.columns], values: values))
            }
            if case .variable = x { return AutodiffBindings.wrap(try args.variable("x").detached) }
            return Operators.wrap(try args.tensor("x"))
        },
        mapping("expand", doc: "The expression multiplied out: products and integer powers of sums become sums (each entry of a matrix).",
                example: "expand((symbol(\"x\") + 1)^3)") { $0.expand() },
        mapping("simplify", doc: "A simpler equal form: rational cancellation, sin^2 + cos^2 = 1, exp(log(x)) = x, powers combined.",
                example: "simplify((symbol(\"x\")^2 - 1) / (symbol(\"x\") - 1))") { $0.simplify() },
        mapping("factor", doc: "A polynomial over the rationals as a product of irreducible factors.",
                example: "factor(symbol(\"x\")^2 - 1)") { try $0.factor() },
        Builtin("subs", [.init("expr", SymbolicBindings.expressionType, doc: "the expression or symbolic matrix"),
                         .init("values", .described("dict"), default: .nothing, doc: "a dict from symbol names to values; or give them as keywords")],
                doc: "The expression with symbols replaced: subs(E, x=1, y=2) or subs(E, {\"x\": 1}); values may be numbers or expressions. Division by zero is an error.",
                example: "subs(symbol(\"x\")^2 + 1, x=3)", takesKeywords: true) { args, _ in
            var values: [String: Symbolic.Expr] = [:]
            if args.has("values") {
                guard case .dict(let d) = args["values"] else {
                    throw args.error("values", "subs() expects values to be a dict, got \(args["values"].typeName)")
                }
                for (k, v) in zip(d.keys, d.values) {
                    guard case .string(let box) = k.value else {
                        throw args.error("values", "subs() dict keys must be symbol names (strings), got \(k.value.typeName)")
                    }
                    let name = box.value
                    guard let e = Operators.expression(v) else {
                        throw args.error("values", "subs() value for \(name) must be a number or expression, got \(v.typeName)")
                    }
                    values[name] = e
                }
            }
            for (name, value, span) in args.keywords {
                guard let e = Operators.expression(value) else {
                    throw Diagnostic(.type, "subs() value for \(name) must be a number or expression, got \(value.typeName)", span)
                }
                values[name] = e
            }
            return try SymbolicBindings.map(args, "expr") { try $0.substitute(values) }
        },
        Builtin("series", [.init("expr", SymbolicBindings.expressionType, doc: "the expression"),
                           .init("x", SymbolicBindings.symbolType, doc: "the variable"),
                           .init("x0", .described("number or expression"), default: .number(0), doc: "the point expanded about"),
                           .init("n", .integer, default: .number(6), doc: "terms of order below n are kept, as in SymPy")],
                doc: "Taylor polynomial about x0, with the terms of order below n (SymPy's series(E, x, x0, n) without the O term); a pole at x0 is an error.",
                example: "series(exp(symbol(\"x\")), symbol(\"x\"), 0, 4)") { args, _ in
            let x = try SymbolicBindings.symbolName(args, "x")
            guard let x0 = Operators.expression(args["x0"]) else {
                throw args.error("x0", "series() expects x0 to be a number or expression, got \(args["x0"].typeName)")
            }
            let n = try args.int("n")
            guard n >= 1 else { throw args.error("n", "series() needs n ≥ 1, got \(n)", kind: .value) }
            return try SymbolicBindings.map(args, "expr") { try $0.series(x, about: x0, order: n) }
        },
        Builtin("gradient", [.init("expr", SymbolicBindings.expressionType, doc: "a scalar expression"),
                             .init("vars", SymbolicBindings.symbolsType, doc: "the symbols, in order")],
                doc: "The vector of partial derivatives of an expression with respect to the symbols.",
                example: "gradient(symbol(\"x\")^2 * symbol(\"y\"), [symbol(\"x\"), symbol(\"y\")])") { args, _ in
            let e = try SymbolicBindings.scalar(args, "expr")
            let vars = try SymbolicBindings.symbolNames(args, "vars")
            let g = try Operators.symbolic(at: args.span("expr")) { try Symbolic.gradient(e, vars) }
            return Operators.wrap(g, isVector: true)
        },
        Builtin("expect", [.init("expr", SymbolicBindings.expressionType, doc: "an expression of the masks"),
                           .init("masks", SymbolicBindings.symbolsType, doc: "the mask symbols, each 0 or 1"),
                           .init("p", .described("number or expression"), doc: "the probability that a mask is 1")],
                doc: "The exact expectation of an expression over independent Bernoulli(p) masks (each mask 1 with probability p, else 0).",
                example: "expect(symbol(\"m\") * symbol(\"w\"), [symbol(\"m\")], 1/2)") { args, _ in
            let masks = try SymbolicBindings.symbolNames(args, "masks")
            guard let p = Operators.expression(args["p"]) else {
                throw args.error("p", "expect() expects p to be a number or expression, got \(args["p"].typeName)")
            }
            if let c = p.constantValue, !(0...1).contains(c) {
                throw args.error("p", "expect() needs a probability p in [0, 1], got \(ValueFormatter.number(c, precision: 10))", kind: .value)
            }
            return try SymbolicBindings.map(args, "expr") { try Symbolic.expectation($0, masks: masks, p: p) }
        },
        Builtin("latex", [.init("expr", SymbolicBindings.expressionType, doc: "the expression or symbolic matrix")],
                doc: "The LaTeX text of an expression or symbolic matrix (exports show symbolic results as this math).",
                example: "latex(symbol(\"x\")^2 / 2)") { args, _ in
            guard case .object(let o) = args["expr"], let s = o.object as? SymbolicValue else {
                if let e = Operators.expression(args["expr"]) { return Value(e.latex) }
                throw args.error("expr", "latex() expects an expression, got \(args["expr"].typeName)")
            }
            return Value(s.latex)
        },
        Builtin("lambdify", [.init("expr", SymbolicBindings.expressionType, doc: "the expression"),
                             .init("vars", SymbolicBindings.symbolsType, doc: "a symbol, or a list of them in order")],
                doc: "An ordinary, differentiable function computing the expression: f(x) for one symbol (elementwise on tensors); f(w) of a vector w (or f(w1, w2, …)) for a list, so grad, hessian, plot and minimize work on it. Other symbols of the expression are given as keywords: f(w, x=3).",
                example: "f = lambdify(symbol(\"x\")^2, symbol(\"x\"))") { args, _ in
            let vars = try SymbolicBindings.symbolNames(args, "vars")
            let single = Operators.expression(args["vars"]) != nil
            return try SymbolicBindings.lambdify(args, "expr", "vars", vars: vars, single: single)
        },
    ])

    /// An expression-to-expression builtin, mapped over a matrix's entries.
    private static func mapping(_ name: String, doc: String, example: String,
                                _ f: @escaping (Symbolic.Expr) throws -> Symbolic.Expr) -> Builtin {
        Builtin(name, [.init("expr", SymbolicBindings.expressionType, doc: "the expression or symbolic matrix")],
                doc: doc, example: example) { args, _ in
            try SymbolicBindings.map(args, "expr", f)
        }
    }
}
