/// Assignment statements to a plain name, compiled as one closure.
///
/// As a statement, `s = s + i * 0.5` needs no result: the general path ran a statement
/// closure, the assignment closure (which returns the value for echoing) and the target's
/// writer, and copied and destroyed the value on the way. Here the value is computed and
/// stored in one closure (two closure calls fewer a turn of a scalar loop).
extension Compiler {
    /// The statement `name = value` or `name op= value` when `name` is a local slot or a
    /// global, or `target = value` for any other target; nil for the rest (`x[i] += 1`,
    /// names in cells), which the general path compiles.
    func storeStatement(_ target: AssignTarget, _ op: BinaryOperator?, _ valueExpr: Expr,
                        _ span: SourceSpan, _ scope: FunctionScope?) -> Exec? {
        guard case .name(let name, let nameSpan) = target else {
            // `d[k] = v`, `o.x = v`, `a, b = t`: the writer alone, without the assignment's
            // result (a copy of the value and a closure call fewer).
            guard op == nil else { return nil }
            let value = expression(valueExpr, scope), write = writer(target, scope)
            return { b in
                try write(b, try value(b))
                return .normal
            }
        }
        let value = expression(valueExpr, scope)
        switch Resolver.resolved(name, in: scope) {
        case .local(let slot):
            guard let op else {
                return { b in
                    Compiler.store(try value(b), at: b + slot)
                    return .normal
                }
            }
            let current = expression(.name(name, nameSpan), scope)
            return { b in
                try Compiler.update(op, b + slot, current, value, b, span, global: nil)
                return .normal
            }
        case .global, .none:
            let p = machine.global(name), m = machine
            machine.noteUserName(name)
            guard let op else {
                return { b in
                    let v = try value(b)
                    Compiler.storeGlobal(v, at: p, m)
                    return .normal
                }
            }
            let current = expression(.name(name, nameSpan), scope)
            return { b in
                try Compiler.update(op, p, current, value, b, span, global: m)
                return .normal
            }
        default:
            return nil
        }
    }

    /// `x op= v` into `p`. The old value is read before `v` is evaluated, as Python does
    /// (`s += f()` adds to what `s` held before the call); when both are numbers and `op`
    /// is `+ - * /` the result is computed here, the very IEEE result of `Operators.binary`.
    @inline(__always)
    static func update(_ op: BinaryOperator, _ p: UnsafeMutablePointer<Value>, _ current: Eval, _ value: Eval,
                       _ b: UnsafeMutablePointer<Value>, _ span: SourceSpan, global m: Machine?) throws {
        @inline(__always) func put(_ v: consuming Value) {
            if let m { storeGlobal(v, at: p, m) } else { store(v, at: p) }
        }
        guard case .number(let a) = p.pointee else {
            put(try Operators.binary(op, try current(b), try value(b), span))
            return
        }
        let v = try value(b)
        if case .number(let c) = v {
            switch op {
            case .add: put(.number(a + c)); return
            case .subtract: put(.number(a - c)); return
            case .multiply: put(.number(a * c)); return
            case .divide: put(.number(a / c)); return
            default: break
            }
        }
        put(try Operators.binary(op, .number(a), v, span))
    }

    /// Stores `v` at `p`. A number, boolean or empty slot holds no reference, so it is
    /// overwritten in place: assigning over it ran the outlined destroy of the old value,
    /// a call per write (14% of a scalar loop's profile).
    @inline(__always)
    static func store(_ v: consuming Value, at p: UnsafeMutablePointer<Value>) {
        switch p.pointee {
        case .number, .bool, .nothing, .undefined: p.initialize(to: v)
        default: p.pointee = v
        }
    }

    /// Stores `v` in a global's cell. A call site may be running the function the cell
    /// holds on a borrowed reference (`Compiler.globalCall`), so a function replaced
    /// while calls run is pinned until the top-level statement ends.
    @inline(__always)
    static func storeGlobal(_ v: consuming Value, at p: UnsafeMutablePointer<Value>, _ m: Machine) {
        if case .function = p.pointee, m.depth.pointee > 0 { m.pin(p.pointee) }
        store(v, at: p)
    }
}
