import Tensor

// zeros ones eye full arange linspace rand randn seed bernoulli

extension BuiltinGroup {
    /// Making tensors: constant, ranges, random.
    static let creation = BuiltinGroup(topic: "Creation", builtins: [
        Builtin("zeros", [.variadic("shape", .shape, doc: "the sizes, or one list of them")], doc: "A tensor of zeros: `zeros(2, 3)` or `zeros([2, 3])`.",
                example: "zeros(2, 3)") { args, _ in Value(try Tensor.zeros(try args.restShape())) },
        Builtin("ones", [.variadic("shape", .shape, doc: "the sizes, or one list of them")], doc: "A tensor of ones: `ones(3)`, `ones(2, 2)`.",
                example: "ones(2, 2)") { args, _ in Value(try Tensor.ones(try args.restShape())) },
        Builtin("eye", [.init("n", .integer, doc: "rows and columns")], doc: "The n×n identity matrix.",
                example: "eye(3)") { args, _ in Value(try Tensor.eye(try args.int("n"))) },
        Builtin("full", [.init("shape", .shape, doc: "the sizes"), .init("value", .number, doc: "every element")], doc: "A tensor of the given shape with every element equal to value.",
                example: "full([2, 2], 7)") { args, _ in Value(try Tensor.full(try args.shape("shape"), try args.number("value"))) },
        Builtin("arange", BuiltinHelpers.rangeParameters,
                doc: "Evenly spaced numbers in [start, stop) by step, as NumPy's arange; one argument means [0, stop).",
                example: "arange(0, 1, 0.25)") { args, _ in
            try BuiltinHelpers.range(args)
        },
        Builtin("linspace", [.init("start", .number, doc: "the first number"), .init("stop", .number, doc: "the last number"),
                             .init("count", .integer, default: .number(50), doc: "how many numbers")],
                doc: "count evenly spaced numbers from start to stop, both included.",
                example: "linspace(0, 1, 5)") { args, _ in
            Value(try Tensor.linspace(try args.number("start"), try args.number("stop"), count: try args.int("count")))
        },
        Builtin("rand", [.variadic("shape", .shape, doc: "the sizes, or one list of them")], doc: "Uniform random numbers in [0, 1) from the session's generator (see `seed`).",
                example: "rand(2, 2)") { args, context in
            let shape = try args.restShape()
            return Operators.wrap(try Tensor.rand(shape, using: context.random))
        },
        Builtin("randn", [.variadic("shape", .shape, doc: "the sizes, or one list of them")], doc: "Standard normal random numbers from the session's generator.",
                example: "randn(3)") { args, context in
            Operators.wrap(try Tensor.randn(try args.restShape(), using: context.random))
        },
        Builtin("bernoulli", [.init("shape", .shape, doc: "the sizes"),
                              .init("p", .number, default: .number(0.5), doc: "probability of a 1, in [0, 1]")],
                doc: "1 with probability p, else 0, elementwise (dropout masks).",
                example: "bernoulli([2, 3], 0.8)") { args, context in
            let p = try args.number("p")
            guard (0...1).contains(p) else { throw args.error("p", "bernoulli() needs p in [0, 1]", kind: .value) }
            return Operators.wrap(try Tensor.bernoulli(try args.shape("shape"), p: p, using: context.random))
        },
        Builtin("seed", [.init("n", .integer, doc: "the seed")], doc: "Restarts the random generator from n: the same seed gives the same numbers on every machine.",
                example: "seed(42)") { args, context in
            context.random.seed(try args.int("n"))
            return .nothing
        },
    ])
}
