/// Builtin calls whose arguments are matched to parameters when the site is compiled
/// (`BuiltinBinding`): `abs(x)`, `clip(x, low=0, high=1)`, `d.get(k, 0)`, `X.mean(axis=0)`.
extension Compiler {
    /// A call of the builtin that global `cell` held when the site was compiled. The
    /// name may be rebound by then: a call finding anything else in it takes `general`.
    func builtinCall(_ cell: UnsafeMutablePointer<Value>, _ binding: BuiltinBinding, _ args: [Compiled],
                     _ frame: Int, general: @escaping Eval) -> Eval {
        let m = machine, expected = binding.builtin
        if let fast = numberCall(cell, binding, args, frame, general: general) { return fast.eval }
        if let kernel = binding.builtin.value, args.count == 1, binding.targets == [0], binding.builtin.parameters.count == 1 {
            // `len(xs)`: the kernel when it takes the value, else the binding on the value
            // already computed (errors and results are the body's).
            let e0 = args[0].eval // safe: one argument
            return { b in
                guard case .builtin(let current) = cell.pointee, current === expected else { return try general(b) }
                let v = try e0(b)
                if let r = kernel(v) { return r }
                return try binding.call({ _, values, rest in binding.place(v, 0, &values, &rest) }, b, frame, m)
            }
        }
        let write = argumentWriter(binding, args, from: 0)
        return { b in
            guard case .builtin(let current) = cell.pointee, current === expected else { return try general(b) }
            return try binding.call(write, b, frame, m)
        }
    }

    /// `abs(x)`, `max(x, y)`, `clip(x, low=0, high=10)`: a site whose arguments set exactly
    /// the parameters the builtin's `NumberKernel` takes, in any order. When they are all
    /// numbers the kernel runs here, with no argument array, `Arguments` or checks (a number
    /// passes every check these parameters make); otherwise the binding runs on the values
    /// already evaluated.
    private func numberCall(_ cell: UnsafeMutablePointer<Value>, _ binding: BuiltinBinding, _ args: [Compiled],
                            _ frame: Int, general: @escaping Eval) -> Compiled? {
        guard let kernel = binding.builtin.numbers, args.count == kernel.arity,
              Set(binding.targets.compactMap { $0 }) == Set(0..<kernel.arity) else { return nil }
        let m = machine, expected = binding.builtin
        // The site's argument that sets each parameter.
        let order = (0..<kernel.arity).map { p in binding.targets.firstIndex { $0 == p } ?? 0 }
        // The binding's own path, for arguments that are not all numbers.
        func bound(_ given: [Value], _ b: UnsafeMutablePointer<Value>) throws -> Value {
            try binding.call({ _, values, rest in
                for (k, v) in given.enumerated() { binding.place(v, k, &values, &rest) }
            }, b, frame, m)
        }
        switch kernel {
        case .one(let f):
            let e0 = args[0].eval // safe: arity 1
            return Compiled { b in
                guard case .builtin(let current) = cell.pointee, current === expected else { return try general(b) }
                let v0 = try e0(b)
                if case .number(let x) = v0 { return .number(f(x)) }
                return try bound([v0], b)
            }
        case .two(let f):
            let e0 = args[0].eval, e1 = args[1].eval, swapped = order[0] == 1 // safe: arity 2
            return Compiled { b in
                guard case .builtin(let current) = cell.pointee, current === expected else { return try general(b) }
                let v0 = try e0(b), v1 = try e1(b)
                if case .number(let x0) = v0, case .number(let x1) = v1,
                   let r = swapped ? f(x1, x0) : f(x0, x1) { return .number(r) }
                return try bound([v0, v1], b)
            }
        case .three(let f):
            let e0 = args[0].eval, e1 = args[1].eval, e2 = args[2].eval // safe: arity 3
            let o0 = order[0], o1 = order[1], o2 = order[2]
            return Compiled { b in
                guard case .builtin(let current) = cell.pointee, current === expected else { return try general(b) }
                let v0 = try e0(b), v1 = try e1(b), v2 = try e2(b)
                if case .number(let x0) = v0, case .number(let x1) = v1, case .number(let x2) = v2 {
                    func pick(_ k: Int) -> Double { k == 0 ? x0 : (k == 1 ? x1 : x2) }
                    return .number(f(pick(o0), pick(o1), pick(o2)))
                }
                return try bound([v0, v1, v2], b)
            }
        }
    }

    /// Evaluates `args` into the slots of the site's arguments `from`, `from + 1`… The
    /// closures are nested, not kept in an array: calling them through an array retained
    /// and released each one on every call.
    func argumentWriter(_ binding: BuiltinBinding, _ args: [Compiled], from k: Int) -> BuiltinBinding.ArgumentWriter {
        switch args.count {
        case 0:
            return { _, _, _ in }
        case 1:
            let e0 = args[0].eval // safe: one argument
            return { b, values, rest in binding.place(try e0(b), k, &values, &rest) }
        case 2:
            let e0 = args[0].eval, e1 = args[1].eval // safe: two arguments
            return { b, values, rest in
                binding.place(try e0(b), k, &values, &rest)
                binding.place(try e1(b), k + 1, &values, &rest)
            }
        case 3:
            let e0 = args[0].eval, e1 = args[1].eval, e2 = args[2].eval // safe: three arguments
            return { b, values, rest in
                binding.place(try e0(b), k, &values, &rest)
                binding.place(try e1(b), k + 1, &values, &rest)
                binding.place(try e2(b), k + 2, &values, &rest)
            }
        default:
            return { b, values, rest in
                for (i, e) in args.enumerated() { binding.place(try e.eval(b), k + i, &values, &rest) }
            }
        }
    }

    /// The bindings of `receiver.name(args)` for each kind of receiver that has such a
    /// method: list, dict and tuple methods are builtins taking the receiver first
    /// (`Methods`), tensor methods too (`Operators.tensorMethods`).
    func methodBindings(_ name: String, receiverSpan: SourceSpan, _ positional: [SourceSpan],
                        _ keywords: [(String, SourceSpan)], _ args: [Compiled], _ span: SourceSpan) -> MethodBindings {
        func bound(_ b: BuiltinBinding?) -> MethodBindings.Bound? {
            b.map { ($0, argumentWriter($0, args, from: 1)) }
        }
        func binding(_ type: String) -> MethodBindings.Bound? {
            guard Methods.names[type]?.contains(name) == true, let b = Registry.all[name] else { return nil }
            return bound(BuiltinBinding(b, positional: [receiverSpan] + positional, keywords: keywords, span: span))
        }
        var tensor: MethodBindings.Bound?
        // `x.T`, `x.shape`… are attributes, not methods; a Variable also has `value`.
        if !(Operators.tensorAttributes + ["value"]).contains(name), let b = Operators.tensorMethods[name] {
            // The bound method gives its receiver the call's span.
            tensor = bound(BuiltinBinding(b, positional: [span] + positional, keywords: keywords, span: span))
        }
        return MethodBindings(list: binding("list"), dict: binding("dict"), tuple: binding("tuple"), tensor: tensor)
    }
}

/// What `receiver.name(args)` binds to, by the kind of receiver; nil where that kind
/// has no such method or the arguments do not fit (the general path reports it).
/// A class whose `call` uses the bindings in place: handing one out as a value
/// retained its binding and writer on every call (~150 instructions a call).
final class MethodBindings {
    /// A binding and the writer of the site's arguments after the receiver.
    typealias Bound = (binding: BuiltinBinding, write: BuiltinBinding.ArgumentWriter)

    let list: Bound?
    let dict: Bound?
    let tuple: Bound?
    let tensor: Bound?

    init(list: Bound?, dict: Bound?, tuple: Bound?, tensor: Bound?) {
        self.list = list
        self.dict = dict
        self.tuple = tuple
        self.tensor = tensor
    }

    /// Calls the method bound for `receiver`'s kind, or gives nil when there is none.
    @inline(__always)
    func call(_ receiver: Value, _ b: UnsafeMutablePointer<Value>, _ frame: Int, _ m: Machine) throws -> Value? {
        switch receiver {
        case .list: if let list { return try list.binding.call(receiver: receiver, list.write, b, frame, m) }
        case .dict: if let dict { return try dict.binding.call(receiver: receiver, dict.write, b, frame, m) }
        case .tuple: if let tuple { return try tuple.binding.call(receiver: receiver, tuple.write, b, frame, m) }
        case .tensor, .variable: if let tensor { return try tensor.binding.call(receiver: receiver, tensor.write, b, frame, m) }
        default: break
        }
        return nil
    }
}
