import Autodiff
import NN
import Tensor

// SGD Momentum Nesterov AdaGrad RMSprop Adam Newton LBFGS
// step_decay exp_decay inv_t_decay minimize

extension BuiltinGroup {
    /// Optimisers, learning-rate schedules and `minimize`.
    static let optimisers = BuiltinGroup(topic: "Optimisers", builtins: [
        Builtin("SGD", [OptimiserBindings.rate(default: 0.01), OptimiserBindings.weightDecay],
                doc: "Gradient descent x - lr·g; opt.step(x, g) returns the next point. lr may be a schedule; weight_decay=λ adds 2λx to g.",
                example: "SGD(lr=0.1).step([1, 2], [0.5, -1])") { args, _ in
            let (lr, schedule) = try OptimiserBindings.rate(args)
            return OptimiserBindings.object(SGD(lr: lr, weightDecay: try args.number("weight_decay"), schedule: schedule))
        },
        Builtin("Momentum", [OptimiserBindings.rate(default: 0.01), OptimiserBindings.rho(default: 0.9), OptimiserBindings.weightDecay],
                doc: "Momentum as in the notes: v = rho·v + g; x -= lr·v (velocity from zero).",
                example: "Momentum(lr=0.1, rho=0.9)") { args, _ in
            let (lr, schedule) = try OptimiserBindings.rate(args)
            return OptimiserBindings.object(Momentum(lr: lr, rho: try args.number("rho"), weightDecay: try args.number("weight_decay"), schedule: schedule))
        },
        Builtin("Nesterov", [OptimiserBindings.rate(default: 0.01), OptimiserBindings.rho(default: 0.9), OptimiserBindings.weightDecay],
                doc: "Nesterov momentum (gradient at the look-ahead point): v = rho·v + g; x -= lr·(g + rho·v).",
                example: "Nesterov(lr=0.1, rho=0.9)") { args, _ in
            let (lr, schedule) = try OptimiserBindings.rate(args)
            return OptimiserBindings.object(Nesterov(lr: lr, rho: try args.number("rho"), weightDecay: try args.number("weight_decay"), schedule: schedule))
        },
        Builtin("AdaGrad", [OptimiserBindings.rate(default: 0.01), OptimiserBindings.eps, OptimiserBindings.weightDecay],
                doc: "AdaGrad: c += g²; x -= lr·g / (√c + eps).",
                example: "AdaGrad(lr=0.5)") { args, _ in
            let (lr, schedule) = try OptimiserBindings.rate(args)
            return OptimiserBindings.object(AdaGrad(lr: lr, eps: try args.number("eps"), weightDecay: try args.number("weight_decay"), schedule: schedule))
        },
        Builtin("RMSprop", [OptimiserBindings.rate(default: 0.001), OptimiserBindings.rho(default: 0.99), OptimiserBindings.eps, OptimiserBindings.weightDecay],
                doc: "RMSprop: c = rho·c + (1-rho)·g²; x -= lr·g / (√c + eps).",
                example: "RMSprop(lr=0.01, rho=0.9)") { args, _ in
            let (lr, schedule) = try OptimiserBindings.rate(args)
            return OptimiserBindings.object(RMSprop(lr: lr, rho: try args.number("rho"), eps: try args.number("eps"),
                                                    weightDecay: try args.number("weight_decay"), schedule: schedule))
        },
        Builtin("Adam", [OptimiserBindings.rate(default: 0.001),
                         .init("beta1", .number, default: .number(0.9), doc: "the decay of the first moment"),
                         .init("beta2", .number, default: .number(0.99), doc: "the decay of the second moment"), OptimiserBindings.eps, OptimiserBindings.weightDecay],
                doc: "Adam with bias correction: moments m, v from zero, x -= lr·(m/(1-beta1^t)) / (√(v/(1-beta2^t)) + eps); defaults are the notes' start.",
                example: "Adam(lr=1e-3, beta1=0.9, beta2=0.99)") { args, _ in
            let (lr, schedule) = try OptimiserBindings.rate(args)
            return OptimiserBindings.object(Adam(lr: lr, beta1: try args.number("beta1"), beta2: try args.number("beta2"), eps: try args.number("eps"),
                                                 weightDecay: try args.number("weight_decay"), schedule: schedule))
        },
        Builtin("Newton", [.init("lr", .number, default: .number(1), doc: "the step size"),
                           .init("damping", .number, default: .number(0), doc: "added to the Hessian's diagonal")],
                doc: "Newton's method with the exact Hessian: x -= lr·(H + damping·I)⁻¹ g; use with minimize.",
                example: "minimize(w -> sum((w - [1, 2])^2), [0, 0], Newton(), steps=1)") { args, _ in
            OptimiserBindings.object(Newton(lr: try args.number("lr"), damping: try args.number("damping")))
        },
        Builtin("LBFGS", [.init("m", .integer, default: .number(10), doc: "curvature pairs kept"),
                          .init("lr", .number, default: .number(1), doc: "the step size")],
                doc: "Limited-memory BFGS keeping m curvature pairs, with a backtracking Wolfe line search; use with minimize.",
                example: "minimize(w -> (1 - w[0])^2 + 100 * (w[1] - w[0]^2)^2, [-1.2, 1], LBFGS(), steps=100)") { args, _ in
            OptimiserBindings.object(try NNBindings.run { try LBFGS(m: try args.int("m"), lr: try args.number("lr")) })
        },
        Builtin("step_decay", [.init("lr0", .number, doc: "the rate at step 0"),
                               .init("drop", .number, default: .number(0.5), doc: "the factor applied every `every` steps"),
                               .init("every", .integer, default: .number(10), doc: "steps between drops")],
                doc: "Schedule lr0 · drop^floor(t / every) for step t = 0, 1, …; pass as lr= to an optimiser, or call it: s(t).",
                example: "SGD(lr=step_decay(0.1, 0.5, 10))") { args, _ in
            Value(ScheduleObject(try NNBindings.run { try Schedule.step(lr0: try args.number("lr0"), drop: try args.number("drop"), every: try args.int("every")) }))
        },
        Builtin("exp_decay", [.init("lr0", .number, doc: "the rate at step 0"),
                              .init("k", .number, doc: "the decay constant")],
                doc: "Schedule lr0 · e^(-k·t) for step t = 0, 1, …",
                example: "exp_decay(0.1, 0.01)(100)") { args, _ in
            Value(ScheduleObject(.expDecay(lr0: try args.number("lr0"), k: try args.number("k"))))
        },
        Builtin("inv_t_decay", [.init("lr0", .number, doc: "the rate at step 0"),
                                .init("k", .number, doc: "the decay constant")],
                doc: "Schedule lr0 / (1 + k·t) for step t = 0, 1, …",
                example: "inv_t_decay(0.1, 0.5)(2)") { args, _ in
            Value(ScheduleObject(.invTimeDecay(lr0: try args.number("lr0"), k: try args.number("k"))))
        },
        Builtin("minimize", [.init("f", .function, doc: "a function of a tensor returning one number"),
                             .init("x0", .tensor, doc: "the starting point"),
                             .init("opt", .optimiser, doc: "the optimiser, such as SGD(lr=0.1) or Newton()"),
                             .init("steps", .integer, default: .number(100), doc: "how many steps to take"),
                             .init("trace", .bool, default: .bool(false), doc: "return every point, one per row")],
                doc: "Runs opt on f from x0 for steps steps (gradients by autodiff); returns the last point, or with trace=true every point as the rows of a tensor.",
                example: "minimize(x -> sum((x - [1, 2])^2), [0, 0], SGD(lr=0.1), steps=50)") { args, context in
            try OptimiserBindings.minimize(args, context)
        },
    ])
}

/// The glue between language values and NN's optimisers.
enum OptimiserBindings {
    /// `lr`: a number or a schedule, read by `rate(_:)`.
    static func rate(default value: Double) -> Parameter {
        .init("lr", .rate, default: .number(value), doc: "the step size, or a schedule")
    }

    /// `rho`: the decay of a running average.
    static func rho(default value: Double) -> Parameter {
        .init("rho", .number, default: .number(value), doc: "the decay of the running average")
    }

    /// `eps`, the same in every adaptive optimiser.
    static let eps = Parameter("eps", .number, default: .number(1e-8), doc: "added to the denominator against division by zero")

    /// `weight_decay`, the same in every first-order optimiser.
    static let weightDecay = Parameter("weight_decay", .number, default: .number(0), doc: "λ: adds 2λx to the gradient")

    /// Parameter `lr` as a learning rate: a number or a schedule object.
    static func rate(_ args: Arguments) throws -> (Double, Schedule?) {
        if case .object(let box) = args["lr"], let s = box.object as? ScheduleObject {
            return (s.schedule.rate(at: 0), s.schedule)
        }
        return (try args.number("lr"), nil)
    }

    /// The language function `f` as a Swift function of a Variable returning one number.
    static func scalarFunction(_ f: Value, _ context: CallContext) -> (Variable) throws -> Variable {
        { x in
            try context.checkInterrupt()
            let result = try context.call(f, [.variable(x)])
            let y: Variable
            if case .variable(let v) = result { y = v } else if let t = result.asTensor { y = Variable(t) } else {
                throw context.error("minimize(): the function must return a number, got \(result.typeName)", kind: .type)
            }
            guard y.count == 1 else {
                throw context.error("minimize(): the function must return a single number, got a tensor of shape \(formatShape(y.shape))", kind: .value)
            }
            return y
        }
    }

    /// An optimiser as a language value.
    static func object(_ optimiser: Optimiser) -> Value { Value(OptimiserObject(optimiser)) }

    /// Parameter `name` as an optimiser.
    static func optimiser(_ args: Arguments, _ name: String) throws -> Optimiser {
        guard case .object(let box) = args[name], let o = box.object as? OptimiserObject else {
            throw args.error(name, "expected an optimiser such as SGD(lr=0.1), got \(args[name].typeName)")
        }
        return o.optimiser
    }

    /// `minimize(f, x0, opt, steps, trace)`.
    static func minimize(_ args: Arguments, _ context: CallContext) throws -> Value {
        let x0 = try args.tensor("x0")
        let opt = try optimiser(args, "opt")
        let steps = try args.int("steps")
        let f = scalarFunction(args["f"], context)
        let objective = Objective(
            valueAndGradient: { x in
                let (v, g) = try valueAndGradient(of: f, at: Variable(x))
                return (try v.value.scalar(), g.value)
            },
            hessian: { x in
                let h = try hessian(of: f, at: Variable(x)).value
                return try h.reshape([x.count, x.count])
            })
        let handler = context.progressHandler
        let path = try NNBindings.run {
            try NN.minimize(objective, from: x0, optimiser: opt, steps: steps,
                            progress: handler.map { h in { done, total in h(Progress(done: done, total: total, message: "step \(done)/\(total)")) } },
                            shouldStop: { context.isInterrupted })
        }
        try context.checkInterrupt()
        if try args.bool("trace") { return Value(try Tensor.stack(path, axis: 0)) }
        return Operators.wrap(path.last ?? x0)
    }
}

/// An optimiser seen from the language: `opt.step(x, g)`, `opt.lr`, `opt.reset()`.
final class OptimiserObject: LangObject {
    let optimiser: Optimiser
    init(_ optimiser: Optimiser) { self.optimiser = optimiser }

    var typeName: String { String(optimiser.summary.prefix { $0 != "(" }) }
    var description: String { optimiser.summary }
    var attributeNames: [String] { ["step", "reset", "lr", "iterations"] }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "lr": return .number(optimiser.learningRate)
        case "iterations": return .number(Double(optimiser.iterations))
        case "reset":
            return .builtin(Builtin("reset", [], doc: "Forgets the optimiser's state.", example: "opt.reset()") { [optimiser] _, _ in
                optimiser.reset(); return .nothing
            })
        case "step":
            return .builtin(Builtin("step", [.init("x", .described("tensor or list of tensors"), doc: "the current point"),
                                             .init("g", .described("tensor or list of tensors"), doc: "the gradient there, the same structure")],
                                    doc: "The next point from x given the gradient g (lists of tensors step together).",
                                    example: "SGD(lr=0.1).step([1, 2], [0.5, -1])") { [optimiser] args, _ in
                if case .list(let xs) = args["x"], case .list(let gs) = args["g"] {
                    let x = try xs.items.map { try OptimiserObject.tensor($0) }
                    let g = try gs.items.map { try OptimiserObject.tensor($0) }
                    return Value(list: try NNBindings.run { try optimiser.step(x, g) }.map(Operators.wrap))
                }
                return Operators.wrap(try NNBindings.run { try optimiser.step(try args.tensor("x"), try args.tensor("g")) })
            })
        default: return nil
        }
    }

    static func tensor(_ v: Value) throws -> Tensor {
        guard let t = v.asTensor else { throw BuiltinError("step() expects tensors, got \(v.typeName)", kind: .type) }
        return t
    }
}

/// A learning-rate schedule seen from the language: callable at a step number.
final class ScheduleObject: LangObject {
    let schedule: Schedule
    init(_ schedule: Schedule) { self.schedule = schedule }

    var typeName: String { "Schedule" }
    var description: String { schedule.summary }
    var attributeNames: [String] { [] }
    func attribute(_ name: String) -> Value? { nil }

    var callSignature: Builtin? {
        Builtin("Schedule", [.init("t", .integer, doc: "the step number, from 0")], doc: "The learning rate at step t.", example: "step_decay(0.1)(20)") { [schedule] args, _ in
            let t = try args.int("t")
            guard t >= 0 else { throw args.error("t", "a schedule's step must be >= 0, got \(t)", kind: .value) }
            return .number(schedule.rate(at: t))
        }
    }
}
