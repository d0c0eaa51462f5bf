/// Lists and dicts used in place of the variable that holds them.
///
/// Reading `xs` to call `xs.append(i)` copies the value out of its slot: an atomic
/// retain of the list, and a release when the call is done, ~40 cycles a turn of a
/// loop whose whole work is ~100 (half of `append`'s and `d.get`'s profiles were
/// `swift_retain`/`swift_release`). When the arguments cannot run code of the user's
/// (`Compiler.isPure`), nothing can reassign the variable while the call runs, so the
/// slot's own reference keeps the list alive and the call borrows it instead.
extension Compiler {
    /// Where a variable's value lives: a slot of the frame or a global's cell.
    enum Place {
        case slot(Int)
        case global(UnsafeMutablePointer<Value>)

        @inline(__always)
        func pointer(_ b: UnsafeMutablePointer<Value>) -> UnsafeMutablePointer<Value> {
            switch self {
            case .slot(let s): return b + s
            case .global(let p): return p
            }
        }
    }

    /// The place of `e` when it is a name held in a local slot or a global's cell.
    func place(of e: Expr, _ scope: FunctionScope?) -> Place? {
        guard case .name(let name, _) = e else { return nil }
        switch Resolver.resolved(name, in: scope) {
        case .local(let s): return .slot(s)
        case .global?, nil: return .global(machine.global(name))
        default: return nil
        }
    }

    /// True when evaluating `e` cannot call a function or assign a variable: literals,
    /// names, operators, indexing and attributes of such. (Operators and indexing run
    /// only the interpreter's own code on any value.)
    static func isPure(_ e: Expr) -> Bool {
        switch e {
        case .number, .string, .bool, .nothing, .name: return true
        case .unary(_, let x, _): return isPure(x)
        case .binary(_, let l, let r, _), .and(let l, let r, _), .or(let l, let r, _): return isPure(l) && isPure(r)
        case .index(let base, let items, _):
            return isPure(base) && items.allSatisfy { item in
                switch item {
                case .at(let x): return isPure(x)
                case .slice(let a, let z, let s, _): return [a, z, s].allSatisfy { $0.map(isPure) ?? true }
                }
            }
        case .attribute(let base, _, _): return isPure(base)
        case .tuple(let items, _), .list(let items, _): return items.allSatisfy(isPure)
        default: return false
        }
    }

    /// The list at `p`, unretained: the caller makes sure the slot keeps it.
    @inline(__always)
    static func borrowList(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<ListBox>? {
        guard case .list(let l) = p.pointee else { return nil }
        return Unmanaged.passUnretained(l)
    }

    /// The dict at `p`, unretained: the caller makes sure the slot keeps it.
    @inline(__always)
    static func borrowDict(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<DictBox>? {
        guard case .dict(let d) = p.pointee else { return nil }
        return Unmanaged.passUnretained(d)
    }

    /// `xs.append(x)` on a variable holding a list, `x` pure; anything else runs `general`.
    func borrowedAppend(_ place: Place, _ item: @escaping Eval, general: @escaping Eval) -> Eval {
        return { b in
            guard let u = Compiler.borrowList(place.pointer(b)) else { return try general(b) }
            let x = try item(b)
            u._withUnsafeGuaranteedRef { $0.items.append(x) }
            return .nothing
        }
    }

    /// `xs.pop()` on a variable holding a non-empty list; anything else (an empty list's
    /// error, a dict's missing key) runs `general`.
    func borrowedPop(_ place: Place, general: @escaping Eval) -> Eval {
        return { b in
            guard let u = Compiler.borrowList(place.pointer(b)),
                  let last = u._withUnsafeGuaranteedRef({ $0.items.popLast() }) else { return try general(b) }
            return last
        }
    }

    /// `d.get(k)` or `d.get(k, default)` on a variable holding a dict, the arguments pure
    /// (`fallback` gives `nothing` for the first); anything else runs `general`. Same order of evaluation and errors as the bound method.
    func borrowedGet(_ place: Place, _ key: @escaping Eval, _ fallback: @escaping Eval, _ keySpan: SourceSpan,
                     general: @escaping Eval) -> Eval {
        return { b in
            guard let u = Compiler.borrowDict(place.pointer(b)) else { return try general(b) }
            let k = try key(b), otherwise = try fallback(b)
            guard let dk = DictKey(k) else { throw Operators.unhashable(k, keySpan) }
            return u._withUnsafeGuaranteedRef { $0[dk] } ?? otherwise
        }
    }

    /// `d[k] = v` on a variable holding a dict, `k` pure (`v` is already evaluated, as in
    /// Python); anything else runs `general`.
    func borrowedDictStore(_ place: Place, _ key: @escaping Eval, _ keySpan: SourceSpan,
                           general: @escaping (UnsafeMutablePointer<Value>, Value) throws -> Void)
        -> (UnsafeMutablePointer<Value>, Value) throws -> Void {
        return { b, v in
            guard let u = Compiler.borrowDict(place.pointer(b)) else { return try general(b, v) }
            let k = try key(b)
            guard let dk = DictKey(k) else { throw Operators.unhashable(k, keySpan) }
            u._withUnsafeGuaranteedRef { $0.set(dk, v) }
        }
    }
}
