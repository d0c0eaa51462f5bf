/// Assignment statements to a plain name, compiled as one closure.
///
/// As a statement, `s = s + i * 0.5` needs no result: the general path ran a statement
/// closure, the assignment closure (which returns the value for echoing) and the target's
/// writer, and copied and destroyed the value on the way. Here the value is computed and
/// stored in one closure (two closure calls fewer a turn of a scalar loop).
extension Compiler {
    /// The statement `name = value` or `name op= value` when `name` is a local slot or a
    /// global, or `target = value` for any other target; the rest (`x[i] += 1`, names in
    /// cells) through the general `assignment`.
    func storeStatement(_ target: AssignTarget, _ op: BinaryOperator?, _ valueExpr: Expr,
                        _ span: SourceSpan, _ scope: FunctionScope?) -> Exec {
        guard case .name(let name, let nameSpan) = target else {
            // `d[k] = v`, `o.x = v`, `a, b = t`: the writer alone, without the assignment's
            // result (a copy of the value and a closure call fewer).
            guard op == nil else { return assignmentStatement(target, op, valueExpr, span, scope) }
            let value = expression(valueExpr, scope), write = writer(target, scope)
            return { b in
                try write(b, try value(b))
                return .normal
            }
        }
        // `s = s + x` is `s += x`: the same reads in the same order and the same operator,
        // with the sum stored in place (one closure call fewer a turn of a scalar loop).
        if op == nil, case .binary(let inner, .name(name, _), let operand, _) = valueExpr,
           [.add, .subtract, .multiply, .divide, .power, .modulo, .floorDivide].contains(inner) {
            return storeStatement(target, inner, operand, valueExpr.span, scope)
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
            // The old value is read before `value` runs, as Python reads it (`s += f()`);
            // two numbers combine as `Operators.binary` combines them (`Operators.scalar`).
            return { b in
                let p = b + slot
                if case .number(let a) = p.pointee {
                    let v = try value(b)
                    if case .number(let c) = v {
                        Compiler.store(Operators.scalar(op, a, c), at: p)
                    } else {
                        Compiler.store(try Operators.binary(op, .number(a), v, span), at: p)
                    }
                } else {
                    Compiler.store(try Operators.binary(op, try current(b), try value(b), span), at: p)
                }
                return .normal
            }
        case .global, .none:
            let p = machine.global(name), m = machine
            machine.noteUserName(name)
            guard let op else {
                return { b in
                    let v = try value(b)
                    Compiler.storeShared(v, at: p, m)
                    return .normal
                }
            }
            let current = expression(.name(name, nameSpan), scope)
            return { b in
                if case .number(let a) = p.pointee {
                    let v = try value(b)
                    if case .number(let c) = v {
                        Compiler.storeShared(Operators.scalar(op, a, c), at: p, m)
                    } else {
                        Compiler.storeShared(try Operators.binary(op, .number(a), v, span), at: p, m)
                    }
                } else {
                    Compiler.storeShared(try Operators.binary(op, try current(b), try value(b), span), at: p, m)
                }
                return .normal
            }
        default:
            return assignmentStatement(target, op, valueExpr, span, scope)
        }
    }

    /// Any assignment as a statement, through the general `assignment`. (Not an optional
    /// result from `storeStatement`: a closure in an `Optional` is kept in its generic
    /// form, and calling it after unwrapping ran two reabstraction thunks.)
    private func assignmentStatement(_ target: AssignTarget, _ op: BinaryOperator?, _ valueExpr: Expr,
                                     _ span: SourceSpan, _ scope: FunctionScope?) -> Exec {
        let ev = assignment(target, op, valueExpr, span, scope)
        return { b in _ = try ev(b); return .normal }
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

    /// Stores `v` in a global's or a captured variable's cell. A call site may be running
    /// the function the cell holds on a borrowed reference (`Compiler.borrowedCall`), so
    /// a function replaced while calls run is pinned until the top-level statement ends.
    @inline(__always)
    static func storeShared(_ v: consuming Value, at p: UnsafeMutablePointer<Value>, _ m: Machine) {
        if case .function = p.pointee, m.depth.pointee > 0 { m.pin(p.pointee) }
        store(v, at: p)
    }
}
