import Autodiff
import Tensor

// grad value_and_grad jacobian hessian taylor gradcheck

extension BuiltinGroup {
    /// Derivatives of functions written in the language, exact at any order.
    static let autodiff = BuiltinGroup(topic: "Autodiff", builtins: [
        Builtin("grad", [.init("f", .function, doc: "a function returning one number"),
                         .init("x", ParameterTree.pointType, default: .nothing, doc: "the point (a tensor, or a list, tuple or dict of them); without it grad returns a function"),
                         .variadic("args", .any, doc: "further arguments passed to f unchanged")],
                doc: "Gradient of a scalar function with respect to its first argument: grad(f) is a function, grad(f, x) its value at x (the shape of x; for a list, tuple or dict of tensors, the same structure of gradients); further arguments are passed to f.",
                example: "grad(x -> x^3, 2)") { args, context in
            let f = args["f"]
            guard args.has("x") else { return AutodiffBindings.gradientFunction(f) }
            return try AutodiffBindings.gradient(f, args["x"], args.rest, context)
        },
        Builtin("value_and_grad", AutodiffBindings.pointParameters(f: "a function returning one number", structured: true),
                doc: "The tuple (f(x), grad(f, x)) from one evaluation of f; x may be a list, tuple or dict of tensors, and the gradients come back in its structure.",
                example: "l, g = value_and_grad(p -> sum(p[0]^2) + p[1], [[1, 2], 3])") { args, context in
            let x = args["x"]
            if ParameterTree.isLeaf(x) {
                let (value, gradient) = try AutodiffBindings.run {
                    try valueAndGradient(of: AutodiffBindings.scalarFunction(args["f"], args.rest, context, name: "value_and_grad"), at: try args.variable("x"))
                }
                return Value(tuple: [AutodiffBindings.wrap(value), AutodiffBindings.wrap(gradient)])
            }
            let (value, gradients) = try ParameterTree.valueAndGradient(args["f"], x, args.rest, context, name: "value_and_grad")
            return Value(tuple: [value, gradients])
        },
        Builtin("jacobian", AutodiffBindings.pointParameters(f: "a function of a tensor returning a tensor; or a vector of expressions", symbolic: true),
                doc: "Jacobian of f at x: shape f(x).shape + x.shape (outputs are rows, inputs columns). Of expressions and a list of symbols, the symbolic matrix ∂fᵢ/∂xⱼ.",
                example: "jacobian(x -> [[1, 2], [3, 4]] @ x, [0, 0])") { args, context in
            if SymbolicBindings.holdsSymbols(args["f"]) || SymbolicBindings.holdsSymbols(args["x"]) { return try SymbolicBindings.jacobian(args, "f", "x") }
            try AutodiffBindings.callable(args)
            let x = try args.variable("x")
            let f = AutodiffBindings.function(args["f"], args.rest, context, name: "jacobian")
            return AutodiffBindings.wrap(try AutodiffBindings.run { try jacobian(of: f, at: x) })
        },
        Builtin("hessian", AutodiffBindings.pointParameters(f: "a function returning one number; or an expression", structured: true, symbolic: true),
                doc: "Exact Hessian of a scalar function at x (the Jacobian of its gradient): n×n for a vector x. For a list, tuple or dict of tensors pᵢ, entry i is x's structure holding the blocks ∂²f/∂pᵢ∂pⱼ. Of an expression and a list of symbols, the symbolic matrix ∂²f/∂xᵢ∂xⱼ.",
                example: "hessian(w -> w[0]^2 * w[1], [1, 2])") { args, context in
            if SymbolicBindings.any(args["f"]) || SymbolicBindings.holdsSymbols(args["x"]) { return try SymbolicBindings.hessian(args, "f", "x") }
            try AutodiffBindings.callable(args)
            if !ParameterTree.isLeaf(args["x"]) { return try ParameterTree.hessian(args["f"], args["x"], args.rest, context) }
            let x = try args.variable("x")
            let f = AutodiffBindings.scalarFunction(args["f"], args.rest, context, name: "hessian")
            return AutodiffBindings.wrap(try AutodiffBindings.run { try hessian(of: f, at: x) })
        },
        Builtin("taylor", [.init("f", .function, doc: "a function returning one number"),
                           .init("x0", .tensor, doc: "the centre of the expansion"),
                           .init("order", .integer, default: .number(2), doc: "the highest power kept")],
                doc: "Taylor polynomial of f about x0, exact to the order (any order for scalar x0, up to 2 for a tensor); call it like a function.",
                example: "taylor(sin, 0, order=3)") { args, context in
            let x0 = try args.tensor("x0")
            let order = try args.int("order")
            let f = AutodiffBindings.scalarFunction(args["f"], [], context, name: "taylor")
            let model = try AutodiffBindings.run { try TaylorModel(of: f, at: x0, order: order, checkpoint: context.checkInterrupt) }
            return Value(TaylorObject(model))
        },
        Builtin("gradcheck", [.init("f", .function, doc: "a function returning one number"),
                              .init("x", .tensor, doc: "the point"),
                              .init("h", .number, default: .number(1e-6), doc: "the finite-difference step, positive")],
                doc: "Compares grad(f, x) with central differences; reports the worst absolute and relative error (.passed, .max_abs_error, .max_rel_error).",
                example: "gradcheck(x -> sum(sin(x) * x), [0.5, 1.5])") { args, context in
            let x = try args.tensor("x")
            let h = try args.number("h")
            guard h > 0 else { throw args.error("h", "gradcheck() step h must be positive", kind: .value) }
            let f = AutodiffBindings.scalarFunction(args["f"], [], context, name: "gradcheck")
            return Value(GradCheckObject(try AutodiffBindings.run { try gradientCheck(of: f, at: x, step: h) }))
        },
    ])
}

/// The glue between language function values and the Autodiff module.
enum AutodiffBindings {
    /// `value_and_grad`, `jacobian`, `hessian`: f, the point, and f's further arguments.
    static func pointParameters(f doc: String, structured: Bool = false, symbolic: Bool = false) -> [Parameter] {
        [.init("f", symbolic ? .described("function or expression") : .function, doc: doc),
         structured ? .init("x", ParameterTree.pointType, doc: "the point: a tensor, or a list, tuple or dict of them")
                    : .init("x", .differentiable, doc: "the point"),
         .variadic("args", .any, doc: "further arguments passed to f unchanged")]
    }

    /// The check `.function` makes, for a builtin whose f may also be an expression.
    static func callable(_ args: Arguments) throws {
        guard isCallable(args["f"]) else {
            throw args.error("f", "\(args.builtin.name)() expects f to be a function or an expression, got \(args["f"].typeName)")
        }
    }

    /// `grad(f)`: a builtin value that evaluates the gradient where it is called.
    static func gradientFunction(_ f: Value) -> Value {
        .builtin(Builtin("grad", [.init("x", ParameterTree.pointType, doc: "the point: a tensor, or a list, tuple or dict of them"),
                                  .variadic("args", .any, doc: "further arguments passed to f unchanged")],
                         doc: "The gradient of a function with respect to its first argument.",
                         example: "grad(x -> x^2)(3)") { args, context in
            try gradient(f, args["x"], args.rest, context)
        })
    }

    /// The gradient of `f` at `x` as a language value.
    static func gradient(_ f: Value, _ x: Value, _ rest: [Value], _ context: CallContext) throws -> Value {
        if !ParameterTree.isLeaf(x) { return try ParameterTree.valueAndGradient(f, x, rest, context, name: "grad").1 }
        guard let point = variable(x) else {
            throw context.error("grad() expects x to be a number or tensor, got \(x.typeName)", kind: .type)
        }
        let g = try run { try Autodiff.gradient(of: scalarFunction(f, rest, context, name: "grad"), at: point) }
        return wrap(g)
    }

    /// A number, tensor or Variable as a Variable.
    static func variable(_ value: Value) -> Variable? {
        if case .variable(let v) = value { return v }
        return value.asTensor.map { Variable($0) }
    }

    /// True for a value that can be called: a function, builtin or callable object.
    static func isCallable(_ f: Value) -> Bool { ParameterType.isCallable(f) }

    /// `f` as a Swift function of a Variable: calls the language function through
    /// the call context with the Variable as its first argument.
    static func function(_ f: Value, _ rest: [Value], _ context: CallContext, name: String) -> (Variable) throws -> Variable {
        { x in
            guard isCallable(f) else {
                throw context.error("\(name)() expects f to be a function, got \(f.typeName)", kind: .type)
            }
            try context.checkInterrupt()
            let result = try context.call(f, [.variable(x)] + rest)
            guard let v = variable(result) else {
                throw context.error("\(name)(): the function must return a number or tensor, got \(result.typeName)", kind: .type)
            }
            return v
        }
    }

    /// Like `function`, for derivatives that need one output value.
    static func scalarFunction(_ f: Value, _ rest: [Value], _ context: CallContext, name: String) -> (Variable) throws -> Variable {
        let g = function(f, rest, context, name: name)
        return { x in
            let y = try g(x)
            guard y.count == 1 else {
                throw context.error("\(name)(): the function must return a single number to be differentiated, got a tensor of shape \(formatShape(y.shape)); use jacobian for vector outputs", kind: .value)
            }
            return y
        }
    }

    /// A result: a Variable while an outer derivative is recording, a number or tensor otherwise.
    static func wrap(_ v: Variable) -> Value {
        if v.requiresGradient { return .variable(v) }
        if v.rank == 0, let x = try? v.value.scalar() { return .number(x) }
        return Value(v.value)
    }

    /// Runs `body`, turning Autodiff's errors into builtin errors.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as AutodiffError { throw BuiltinError(e.description) }
    }
}

/// A Taylor model as a language object: callable, printing its terms.
final class TaylorObject: LangObject {
    let model: TaylorModel
    init(_ model: TaylorModel) { self.model = model }

    var typeName: String { "TaylorModel" }
    var attributeNames: [String] { ["coefficients", "center", "order"] }
    var description: String { model.description }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "coefficients": return Value(list: model.coefficients.map { AutodiffBindings.wrap(Variable($0)) })
        case "center": return AutodiffBindings.wrap(Variable(model.center))
        case "order": return .number(Double(model.order))
        default: return nil
        }
    }

    var callSignature: Builtin? {
        Builtin("TaylorModel", [.init("x", .differentiable, doc: "the point")], doc: "The Taylor polynomial at x.",
                example: "taylor(exp, 0, order=3)(0.1)") { [model] args, _ in
            AutodiffBindings.wrap(try model(try args.variable("x")))
        }
    }
}

/// A gradient check's report as a language object.
final class GradCheckObject: LangObject {
    let report: GradCheckReport
    init(_ report: GradCheckReport) { self.report = report }

    var typeName: String { "GradCheck" }
    var attributeNames: [String] { ["passed", "max_abs_error", "max_rel_error", "analytic", "numeric"] }
    var description: String { report.description }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "passed": return .bool(report.passed())
        case "max_abs_error": return .number(report.maxAbsoluteError)
        case "max_rel_error": return .number(report.maxRelativeError)
        case "analytic": return AutodiffBindings.wrap(Variable(report.analytic))
        case "numeric": return AutodiffBindings.wrap(Variable(report.numeric))
        default: return nil
        }
    }
}
