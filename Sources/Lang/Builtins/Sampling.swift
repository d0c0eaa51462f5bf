import Autodiff
import Tensor

// permutation shuffle choice randint uniform normal

extension BuiltinGroup {
    /// NumPy's `random` samplers, drawn from the session's generator (`seed(n)`),
    /// each consuming it as `docs/random.md` says.
    static let sampling = BuiltinGroup(topic: "Sampling", builtins: [
        Builtin("permutation", [.init("x", .differentiable, doc: "n for a shuffled arange(n), or a tensor whose rows (axis 0) are shuffled")],
                doc: "A random ordering of arange(n), or of x's rows (NumPy's permutation; x is not changed).",
                example: "permutation(5)") { args, context in
            let v = try args.variable("x")
            if v.rank == 0 {
                let n = try args.int("x")
                guard n >= 0 else { throw args.error("x", "permutation() needs n ≥ 0, got \(n)", kind: .value) }
                return Value(try Tensor.permutation(n, using: context.random))
            }
            let order = context.random.permutation(v.shape[0])
            return BuiltinHelpers.result(try v.rows(order), differentiable: args.isVariable("x"))
        },
        Builtin("shuffle", [.init("x", .described("list or tensor"), doc: "a list (shuffled in place) or a tensor (rows shuffled into a copy)")],
                doc: "Shuffles a list in place (returns nothing, as NumPy); tensors are values here, so a tensor's rows come back shuffled: x = shuffle(x).",
                example: "shuffle([1, 2, 3, 4])") { args, context in
            switch args["x"] {
            case .list(let l):
                let order = context.random.permutation(l.items.count)
                l.items = order.map { l.items[$0] }
                return .nothing
            case .variable(let v):
                guard v.rank > 0 else { throw args.error("x", "shuffle() needs a list or a tensor of rank ≥ 1, got a number", kind: .value) }
                return .variable(try v.rows(context.random.permutation(v.shape[0])))
            default:
                guard let t = args["x"].asTensor, t.rank > 0 else {
                    throw args.error("x", "shuffle() needs a list or a tensor of rank ≥ 1, got \(args["x"].typeName)")
                }
                return Value(try t.rows(context.random.permutation(t.shape[0])))
            }
        },
        Builtin("choice", [.init("a", .described("integer, 1-D tensor or list"), doc: "n for arange(n), or the values to draw from"),
                           .init("size", .shape, default: .nothing, doc: "the shape of the sample; one value when nothing"),
                           .init("replace", .bool, default: .bool(true), doc: "draw with replacement"),
                           .init("p", .tensor, default: .nothing, doc: "the probability of each value (sums to 1); uniform when nothing")],
                doc: "Random draws from a (NumPy's choice): with or without replacement, uniform or weighted by p.",
                example: "choice([10, 20, 30], 5, p=[0.5, 0.25, 0.25])") { args, context in
            try choose(args, context)
        },
        Builtin("randint", [.init("low", .integer, doc: "the least value; alone, the end (and the least is 0)"),
                            .init("high", .integer, default: .nothing, doc: "the end, not included"),
                            .init("size", .shape, default: .nothing, doc: "the shape; one number when nothing")],
                doc: "Random integers, uniform in [low, high) (NumPy's randint; randint(n) is [0, n)).",
                example: "randint(1, 7, size=10)") { args, context in
            let a = try args.int("low")
            let (low, high) = args.has("high") ? (a, try args.int("high")) : (0, a)
            guard low < high else { throw args.error(args.has("high") ? "high" : "low", "randint() needs low < high, got low=\(low), high=\(high)", kind: .value) }
            let size = try args.has("size") ? args.shape("size") : []
            return Operators.wrap(try Tensor.randint(low, high, shape: size, using: context.random))
        },
        Builtin("uniform", [.init("low", .tensor, default: .number(0), doc: "the lower bound (included)"),
                            .init("high", .tensor, default: .number(1), doc: "the upper bound (excluded)"),
                            .init("size", .shape, default: .nothing, doc: "the shape; low and high broadcast when nothing")],
                doc: "Uniform random numbers in [low, high): low + (high − low)·u, one uniform u per element (NumPy's uniform).",
                example: "uniform(-1, 1, size=[2, 3])") { args, context in
            let low = try args.tensor("low"), high = try args.tensor("high")
            let size = try args.has("size") ? args.shape("size") : Broadcasting.shape(low.shape, high.shape, op: "uniform")
            let u = try Tensor.rand(size, using: context.random)
            return Operators.wrap(try low + (high - low) * u)
        },
        Builtin("normal", [.init("loc", .tensor, default: .number(0), doc: "the mean"),
                           .init("scale", .tensor, default: .number(1), doc: "the standard deviation, ≥ 0"),
                           .init("size", .shape, default: .nothing, doc: "the shape; loc and scale broadcast when nothing")],
                doc: "Normal random numbers loc + scale·z, z standard normal (Box–Muller, as randn; NumPy's normal).",
                example: "normal(10, 2, size=3)") { args, context in
            let loc = try args.tensor("loc"), scale = try args.tensor("scale")
            guard scale.scalars.allSatisfy({ $0 >= 0 }) else { throw args.error("scale", "normal() needs scale ≥ 0", kind: .value) }
            let size = try args.has("size") ? args.shape("size") : Broadcasting.shape(loc.shape, scale.shape, op: "normal")
            let z = try Tensor.randn(size, using: context.random)
            return Operators.wrap(try loc + scale * z)
        },
    ])
}

/// choice(): the population is n, a 1-D tensor or a list; the result a number
/// or value (no size), else a tensor (or a list, for a list population).
private func choose(_ args: Arguments, _ context: CallContext) throws -> Value {
    let a = args["a"]
    var values: Tensor?
    var items: [Value]?
    let n: Int
    switch a {
    case .list(let l):
        items = l.items
        n = l.items.count
    default:
        guard let t = a.asTensor else { throw args.error("a", "choice() expects a to be an integer, a 1-D tensor or a list, got \(a.typeName)") }
        if t.rank == 0 {
            let x = try t.scalar()
            guard let k = Int(exactly: x), k >= 0 else { throw args.error("a", "choice() needs a to be an integer ≥ 0 or a 1-D tensor, got \(x)", kind: .value) }
            n = k
        } else {
            guard t.rank == 1 else { throw args.error("a", "choice() needs a 1-D tensor, got shape \(formatShape(t.shape))", kind: .value) }
            values = t
            n = t.count
        }
    }
    let size = try args.has("size") ? args.shape("size") : nil
    guard size?.allSatisfy({ $0 >= 0 }) ?? true else { throw args.error("size", "choice() needs sizes ≥ 0", kind: .value) }
    let count = size?.reduce(1, *) ?? 1
    let p = try args.has("p") ? args.tensor("p").scalars : nil
    let picked: [Int]
    do {
        picked = try Tensor.choiceIndices(n, count: count, replace: try args.bool("replace"), p: p, using: context.random)
    } catch let e as TensorError {
        throw args.error(p != nil && "\(e)".contains("probabilit") ? "p" : "a", "\(e)", kind: .value)
    }
    if let items {
        let chosen = picked.map { items[$0] }
        return size == nil ? chosen[0] : Value(list: chosen)
    }
    let population = values?.scalars
    let scalars = population.map { v in picked.map { v[$0] } } ?? picked.map(Double.init)
    guard let size else { return .number(scalars[0]) }
    return Value(try Tensor(shape: size, values: scalars))
}
