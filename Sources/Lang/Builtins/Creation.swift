import Tensor

// zeros ones eye full arange linspace rand randn seed bernoulli

extension BuiltinGroup {
    /// Making tensors: constant, ranges, random.
    static let creation = BuiltinGroup(topic: "Creation", builtins: [
        Builtin("zeros", [.variadic("shape")], doc: "A tensor of zeros: `zeros(2, 3)` or `zeros([2, 3])`.",
                example: "zeros(2, 3)") { args, _ in Value(try Tensor.zeros(try args.restShape())) },
        Builtin("ones", [.variadic("shape")], doc: "A tensor of ones: `ones(3)`, `ones(2, 2)`.",
                example: "ones(2, 2)") { args, _ in Value(try Tensor.ones(try args.restShape())) },
        Builtin("eye", [.init("n")], doc: "The n×n identity matrix.",
                example: "eye(3)") { args, _ in Value(try Tensor.eye(try args.int(0))) },
        Builtin("full", [.init("shape"), .init("value")], doc: "A tensor of the given shape with every element equal to value.",
                example: "full([2, 2], 7)") { args, _ in Value(try Tensor.full(try args.shape(0), try args.number(1))) },
        Builtin("arange", [.init("start"), .init("stop", default: .nothing), .init("step", default: .number(1))],
                doc: "Evenly spaced numbers in [start, stop) by step, as NumPy's arange; one argument means [0, stop).",
                example: "arange(0, 1, 0.25)") { args, _ in
            let a = try args.number(0)
            let (start, stop) = args.has(1) ? (a, try args.number(1)) : (0, a)
            let step = try args.number(2)
            guard step != 0 else { throw args.error(2, "arange() step cannot be zero", kind: .value) }
            return Value(try Tensor.arange(start, stop, step))
        },
        Builtin("linspace", [.init("start"), .init("stop"), .init("count", default: .number(50))],
                doc: "count evenly spaced numbers from start to stop, both included.",
                example: "linspace(0, 1, 5)") { args, _ in
            Value(try Tensor.linspace(try args.number(0), try args.number(1), count: try args.int(2)))
        },
        Builtin("rand", [.variadic("shape")], doc: "Uniform random numbers in [0, 1) from the session's generator (see `seed`).",
                example: "rand(2, 2)") { args, context in
            let shape = try args.restShape()
            return Operators.wrap(try Tensor.rand(shape, using: context.random))
        },
        Builtin("randn", [.variadic("shape")], doc: "Standard normal random numbers from the session's generator.",
                example: "randn(3)") { args, context in
            Operators.wrap(try Tensor.randn(try args.restShape(), using: context.random))
        },
        Builtin("bernoulli", [.init("shape"), .init("p", default: .number(0.5))],
                doc: "1 with probability p, else 0, elementwise (dropout masks).",
                example: "bernoulli([2, 3], 0.8)") { args, context in
            let p = try args.number(1)
            guard (0...1).contains(p) else { throw args.error(1, "bernoulli() needs p in [0, 1]", kind: .value) }
            return Operators.wrap(try Tensor.bernoulli(try args.shape(0), p: p, using: context.random))
        },
        Builtin("seed", [.init("n")], doc: "Restarts the random generator from n: the same seed gives the same numbers on every machine.",
                example: "seed(42)") { args, context in
            context.random.seed(try args.int(0))
            return .nothing
        },
    ])
}
