import Autodiff
import Glibc
import Tensor

/// An evaluated index item, before it becomes a `TensorIndex`.
enum IndexValue {
    case at(Value, SourceSpan)
    case slice(Value?, Value?, Value?, SourceSpan)
}

/// The slow paths of the operators: everything but number-number arithmetic.
/// When any operand is a Variable, the others are lifted to constants and the
/// Variable operation of the same name runs, so the result stays differentiable.
enum Operators {
    static func tensorOperation(_ op: BinaryOperator) -> BinaryOperation? {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .power: return .power
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .matmul, .modulo, .floorDivide, .in, .notIn, .bothTrue, .eitherTrue: return nil
        }
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ span: SourceSpan) throws -> Value {
        do {
            let result = try binaryUnchecked(op, a, b, span)
            try Machine.refuseOverdraft(result, at: span)
            return result
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Machine.diagnostic(for: error, at: span)
        }
    }

    static func number(_ v: Value) -> Double? {
        switch v {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func binaryUnchecked(_ op: BinaryOperator, _ a: Value, _ b: Value, _ span: SourceSpan) throws -> Value {
        if op == .bothTrue || op == .eitherTrue { return try logic(op, a, b, span) }
        if let x = number(a), let y = number(b) { return scalar(op, x, y) }
        switch (a, b) {
        case (.variable, _), (_, .variable):
            guard let va = lift(a), let vb = lift(b) else { break }
            if op == .matmul { return .variable(try va.matmul(vb)) }
            if op == .modulo || op == .floorDivide { return try divmod(op, va, vb) }
            guard let t = tensorOperation(op) else { break }
            if isComparison(op) { return Value(boolean: try va.value.binary(t, vb.value)) }
            return .variable(try va.binary(t, vb))
        case (.string(let x), .string(let y)):
            switch op {
            case .add: return Value(x.value + y.value)
            case .equal: return .bool(x.value == y.value)
            case .notEqual: return .bool(x.value != y.value)
            case .less: return .bool(x.value < y.value)
            case .greater: return .bool(x.value > y.value)
            default: break
            }
        case (.list(let x), .list(let y)) where op == .add:
            return .list(ListBox(x.items + y.items))
        case (.object, _), (_, .object):
            if let v = try symbolicBinary(op, a, b, span) ?? collectionBinary(op, a, b, span) { return v }
        default:
            if let v = try collectionBinary(op, a, b, span) { return v }
        }
        if let x = a.asTensor, let y = b.asTensor {
            // bool * bool is their elementwise and, as in NumPy; 0/1 products stay 0/1.
            if op == .multiply, isBoolean(a), isBoolean(b) {
                let r = try x.binary(.multiply, y)
                return r.rank == 0 ? .bool((try? r.scalar()) != 0) : Value(boolean: r)
            }
            if op == .matmul { return wrap(try x.matmul(y)) }
            if op == .modulo || op == .floorDivide { return wrap(try divmod(op, x, y)) }
            if let t = tensorOperation(op) {
                let r = try x.binary(t, y)
                if isComparison(op) { return r.rank == 0 ? .bool((try? r.scalar()) != 0) : Value(boolean: r) }
                return wrap(r)
            }
        }
        if op == .equal { return .bool(identical(a, b)) }
        if op == .notEqual { return .bool(!identical(a, b)) }
        throw Diagnostic(.type, "unsupported operand types for \(op.rawValue): \(a.typeName) and \(b.typeName)", span)
    }

    /// Elementwise floor (the tensor layer has no floor operation).
    static func floorTensor(_ t: Tensor) -> Tensor {
        let xs = t.scalars.map { $0.rounded(.down) }
        return (try? Tensor(shape: t.shape, values: xs)) ?? t
    }

    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    /// Number-number arithmetic; division by zero gives ±inf or nan as in NumPy.
    static func scalar(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value {
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply, .matmul: return .number(x * y)
        case .divide: return .number(x / y)
        case .power:
            if y == 2 { return .number(x * x) }
            return .number(pow(x, y))
        case .modulo: return .number(modulo(x, y))
        case .floorDivide: return .number(divmod(x, y).quotient)
        // Membership never reaches here (the compiler sends it to `contains`), nor logic
        // (`binaryUnchecked` sends it to `logic`).
        case .in, .notIn: return .bool(false)
        case .bothTrue: return .bool(x != 0 && y != 0)
        case .eitherTrue: return .bool(x != 0 || y != 0)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        }
    }

    /// A value as a Variable: Variables as they are, numbers and tensors as constants.
    static func lift(_ v: Value) -> Variable? {
        if case .variable(let x) = v { return x }
        return v.asTensor.map { Variable($0) }
    }

    /// A tensor result: rank 0 becomes a number, so `sum(v)` is a plain number.
    static func wrap(_ t: Tensor) -> Value {
        if t.rank == 0, let x = try? t.scalar() { return .number(x) }
        return Value(t)
    }

    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.nothing, .nothing): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.object(let x), .object(let y)): return x.object === y.object
        case (.list(let x), .list(let y)): return x === y
        default: return false
        }
    }

    /// `a & b`, `a | b`: elementwise on truth values and boolean tensors (what comparisons
    /// give), broadcasting as arithmetic does. Numbers are refused rather than read as bits.
    static func logic(_ op: BinaryOperator, _ a: Value, _ b: Value, _ span: SourceSpan) throws -> Value {
        guard isBoolean(a), isBoolean(b), let x = a.asTensor, let y = b.asTensor else {
            let bad = isBoolean(a) ? b : a
            throw Diagnostic(.type, "\(op.rawValue) takes booleans or boolean tensors (comparisons give them), got \(bad.typeName)"
                             + (bad.typeName == "tensor" ? " of numbers" : ""), span)
        }
        // 0/1 elements: the product is "and", the larger is "or".
        let r = try x.binary(op == .bothTrue ? .multiply : .maximum, y)
        return r.rank == 0 ? .bool((try? r.scalar()) != 0) : Value(boolean: r)
    }

    /// `~m`: the elementwise `not` of a truth value or boolean tensor.
    static func invert(_ v: Value, _ span: SourceSpan) throws -> Value {
        switch v {
        case .bool(let b): return .bool(!b)
        case .tensor(let box) where box.isBoolean:
            return Value(boolean: try Tensor(1).binary(.subtract, box.tensor))
        default:
            throw Diagnostic(.type, "~ takes a boolean or a boolean tensor (comparisons give them), got \(v.typeName)"
                             + (v.typeName == "tensor" ? " of numbers" : ""), span)
        }
    }

    static func negate(_ v: Value, _ span: SourceSpan) throws -> Value {
        switch v {
        case .number(let x): return .number(-x)
        case .bool(let b): return .number(b ? -1 : 0)
        case .tensor(let t):
            let result = Value(-t.tensor)
            try Machine.refuseOverdraft(result, at: span)
            return result
        case .variable(let x):
            let result = Value.variable(-x)
            try Machine.refuseOverdraft(result, at: span)
            return result
        default:
            if let r = symbolicNegate(v) { return r }
            throw Diagnostic(.type, "cannot negate a \(v.typeName)", span)
        }
    }

    /// The truth of a condition: booleans, numbers (non-zero), one-element tensors.
    static func truthy(_ v: Value, _ span: SourceSpan) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .nothing: return false
        case .tensor(let t):
            guard t.tensor.count == 1, let x = try? t.tensor.scalar() else {
                throw Diagnostic(.type, "the truth of a tensor of shape \(formatShape(t.tensor.shape)) is ambiguous; compare a single element", span)
            }
            return x != 0
        case .variable(let x):
            guard x.count == 1, let y = try? x.value.scalar() else {
                throw Diagnostic(.type, "the truth of a tensor of shape \(formatShape(x.shape)) is ambiguous", span)
            }
            return y != 0
        case .string(let s): return !s.value.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.items.isEmpty
        case .dict(let d): return d.count > 0
        default: throw Diagnostic(.type, "a \(v.typeName) cannot be a condition", span)
        }
    }

    /// `[...]` literal: all numbers → 1-D tensor; tensors of one shape → stacked tensor;
    /// any Variable among them → stacked Variable; anything else (ragged rows, strings) → a list.
    static func makeList(_ values: [Value], _ span: SourceSpan) throws -> Value {
        if values.isEmpty { return .list(ListBox([])) }
        var allNumbers = true, anyVariable = false, allNumeric = true, allBoolean = true
        for v in values {
            if !isBoolean(v) { allBoolean = false }
            switch v {
            case .number, .bool: break
            case .tensor: allNumbers = false
            case .variable: allNumbers = false; anyVariable = true
            default: allNumbers = false; allNumeric = false
            }
        }
        if allNumbers {
            var xs: [Double] = []
            xs.reserveCapacity(values.count)
            for v in values { xs.append(number(v) ?? 0) }
            return allBoolean ? Value(boolean: Tensor(xs)) : Value(Tensor(xs))
        }
        guard allNumeric else { return try symbolicList(values, span) ?? .list(ListBox(values)) }
        do {
            if anyVariable {
                let parts = values.compactMap { lift($0) }
                let shape = parts[0].shape
                guard parts.allSatisfy({ $0.shape == shape }) else { return .list(ListBox(values)) }
                return .variable(try Variable.stack(parts, axis: 0))
            }
            let parts = values.compactMap { $0.asTensor }
            let shape = parts[0].shape
            // Ragged rows make a list of tensors, as the design says for unequal lengths.
            guard parts.allSatisfy({ $0.shape == shape }) else { return .list(ListBox(values)) }
            let stacked = try Tensor.stack(parts, axis: 0)
            return allBoolean ? Value(boolean: stacked) : Value(stacked)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Machine.diagnostic(for: error, at: span)
        }
    }

    /// Converts an evaluated index item to the tensor layer's form.
    static func tensorIndex(_ item: IndexValue) throws -> TensorIndex {
        func integer(_ v: Value?, _ span: SourceSpan) throws -> Int? {
            guard let v else { return nil }
            if case .nothing = v { return nil }
            guard let x = number(v) ?? (v.asTensor.flatMap { $0.count == 1 ? try? $0.scalar() : nil }) else {
                throw Diagnostic(.index, "an index must be an integer, got \(v.typeName)", span)
            }
            guard let n = Int(exactly: x) else {
                throw Diagnostic(.index, "an index must be an integer, got \(ValueFormatter.number(x, precision: 10))", span)
            }
            return n
        }
        switch item {
        case .at(let v, let s):
            return .at(try integer(v, s) ?? 0)
        case .slice(let a, let b, let c, let s):
            let start = try integer(a, s), stop = try integer(b, s), step = try integer(c, s)
            if start == nil, stop == nil, step == nil { return .all }
            if step == 0 { throw Diagnostic(.index, "a slice step cannot be zero", s) }
            return .range(start: start, stop: stop, step: step)
        }
    }

    private static func itemSpan(_ item: IndexValue) -> SourceSpan {
        switch item {
        case .at(_, let s), .slice(_, _, _, let s): return s
        }
    }

    static func index(_ base: Value, _ items: [IndexValue], _ span: SourceSpan) throws -> Value {
        switch base {
        case .tensor(let t):
            let result: Tensor
            if let advanced = try advancedIndices(items) {
                let p = try plan(advanced, t.tensor, span)
                do { result = try t.tensor.gathered(p) } catch { throw Machine.diagnostic(for: error, at: span) }
            } else {
                let idx = try items.map(tensorIndex)
                do { result = try t.tensor.subscripted(idx) } catch { throw Machine.diagnostic(for: error, at: span) }
            }
            // A part of a boolean tensor is boolean too.
            if t.isBoolean { return result.rank == 0 ? .bool((try? result.scalar()) != 0) : Value(boolean: result) }
            return wrap(result)
        case .variable(let v):
            if let advanced = try advancedIndices(items) {
                let p = try plan(advanced, v.value, span)
                do { return .variable(try v.gathered(p)) } catch { throw Machine.diagnostic(for: error, at: span) }
            }
            let idx = try items.map(tensorIndex)
            do { return .variable(try v.subscripted(idx)) } catch { throw Machine.diagnostic(for: error, at: span) }
        case .list(let l):
            guard items.count == 1 else { throw Diagnostic(.index, "a list takes one index", span) }
            switch try tensorIndex(items[0]) {
            case .at(let i):
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0, j < l.items.count else {
                    if l.items.isEmpty { throw Diagnostic(.index, "index \(i) is out of range: the list is empty", itemSpan(items[0])) }
                    throw Diagnostic(.index, "index \(i) is out of range for a list of \(l.items.count) (valid: \(-l.items.count) to \(l.items.count - 1))", itemSpan(items[0]))
                }
                return l.items[j]
            case .all:
                return .list(ListBox(l.items))
            case .range(let start, let stop, let step):
                let positions = try Tensor.arange(0, Double(l.items.count)).subscripted([.range(start: start, stop: stop, step: step)]).scalars
                return .list(ListBox(positions.map { l.items[Int($0)] }))
            }
        case .string, .tuple, .dict:
            return try indexCollection(base, items, span)
        default:
            if let v = try symbolicIndex(base, items, span) { return v }
            throw Diagnostic(.type, "a \(base.typeName) cannot be indexed", span)
        }
    }

    /// `container[items] = v`: the updated container to store back (tensors are values).
    static func assignIndex(_ container: Value, _ items: [IndexValue], _ v: Value, _ span: SourceSpan) throws -> Value {
        switch container {
        case .tensor(let box):
            var t = box.tensor
            try assign(&t, items, v, span)
            return keepingBoolean(t, box, v)
        case .list(let l):
            guard items.count == 1, case .at(let i) = try tensorIndex(items[0]) else {
                throw Diagnostic(.index, "a list takes one integer index", span)
            }
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0, j < l.items.count else { throw Diagnostic(.index, "index \(i) is out of range for a list of \(l.items.count)", span) }
            l.items[j] = v
            return container
        case .dict(let d):
            guard items.count == 1, case .at(let key, let keySpan) = items[0] else {
                throw Diagnostic(.index, "a dict takes one key between the brackets", span)
            }
            guard let k = DictKey(key) else { throw unhashable(key, keySpan) }
            d.set(k, v)
            return container
        case .tuple:
            throw Diagnostic(.type, "a tuple cannot be changed; build a new one, or use a list", span)
        default:
            throw Diagnostic(.type, "cannot assign into a \(container.typeName) by index", span)
        }
    }

    /// `slot[items] = v` for a slot holding a tensor, written in place when no other value
    /// shares the tensor's storage: a loop of element writes is then O(n), not O(n²).
    /// Value semantics hold because `Tensor.assign` still copies storage that anything
    /// else (another variable's box, a list, a view, a Variable) references.
    static func assignIndex(in slot: UnsafeMutablePointer<Value>, _ items: [IndexValue], _ v: Value,
                            _ span: SourceSpan) throws {
        let wasBoolean: Bool
        if case .tensor(let box) = slot.pointee { wasBoolean = box.isBoolean } else { wasBoolean = false }
        guard var t = takeTensor(slot) else {
            slot.pointee = try assignIndex(slot.pointee, items, v, span)
            return
        }
        // Whatever happens, the slot gets its tensor back (unchanged when assign throws).
        defer { slot.pointee = wasBoolean && isBoolean(v) ? Value(boolean: t) : Value(t) }
        try assign(&t, items, v, span)
    }

    /// The tensor a slot holds, leaving `.undefined` behind, so that the slot's box (when
    /// nothing else holds it) is freed and no longer references the storage.
    private static func takeTensor(_ slot: UnsafeMutablePointer<Value>) -> Tensor? {
        let t: Tensor
        do {
            // The binding ends with this scope, before the slot lets go of the box.
            guard case .tensor(let box) = slot.pointee else { return nil }
            t = box.tensor
        }
        slot.pointee = .undefined
        return t
    }

    /// True for a truth value: a bool or a boolean tensor.
    static func isBoolean(_ v: Value) -> Bool {
        switch v {
        case .bool: return true
        case .tensor(let box): return box.isBoolean
        default: return false
        }
    }

    /// The tensor after an element write: still boolean when it was and `v` is a truth value.
    private static func keepingBoolean(_ t: Tensor, _ box: TensorBox, _ v: Value) -> Value {
        box.isBoolean && isBoolean(v) ? Value(boolean: t) : Value(t)
    }

    /// True when both values are the same tensor box.
    static func sameTensor(_ a: Value, _ b: Value) -> Bool {
        if case .tensor(let x) = a, case .tensor(let y) = b { return x === y }
        return false
    }

    /// Writes `v` into `t` at `items`: a mask or ordinary indices.
    private static func assign(_ t: inout Tensor, _ items: [IndexValue], _ v: Value, _ span: SourceSpan) throws {
        // The loop body `x[i] = number` skips building index and value tensors (2× faster at 1e6);
        // anything unusual, errors included, takes the general path below.
        if case .number(let x) = v, let position = elementPosition(items, t.shape) {
            t.withMutableElements { $0[position] = x }
            return
        }
        guard let value = v.asTensor else {
            throw Diagnostic(.type, "cannot store a \(v.typeName) in a tensor", span)
        }
        if let advanced = try advancedIndices(items) {
            let p = try plan(advanced, t, span)
            do { try t.scatter(p, value) } catch { throw Machine.diagnostic(for: error, at: span) }
            return
        }
        let idx = try items.map(tensorIndex)
        do { try t.assign(idx, value) } catch { throw Machine.diagnostic(for: error, at: span) }
    }

    /// The row-major position of one element named by an in-range integer per axis, else nil.
    private static func elementPosition(_ items: [IndexValue], _ shape: [Int]) -> Int? {
        guard items.count == shape.count else { return nil }
        var position = 0
        for (axis, item) in items.enumerated() {
            guard case .at(.number(let x), _) = item, let i = Int(exactly: x) else { return nil }
            let size = shape[axis], j = i < 0 ? i + size : i
            guard j >= 0, j < size else { return nil }
            position = position * size + j
        }
        return position
    }

    static let tensorAttributes = ["T", "shape", "ndim", "size"]

    static func attribute(_ base: Value, _ name: String, _ span: SourceSpan) throws -> Value {
        switch base {
        case .tensor(let box):
            let t = box.tensor
            switch name {
            case "T": return Value(t.transposed())
            case "shape": return Value(Tensor(t.shape.map(Double.init)))
            case "ndim": return .number(Double(t.rank))
            case "size": return .number(Double(t.count))
            default: break
            }
            if let m = method(name, of: base) { return m }
            throw noAttribute(base, name, tensorMemberNames, span)
        case .variable(let v):
            switch name {
            case "T": do { return .variable(try v.transposed()) } catch { throw Machine.diagnostic(for: error, at: span) }
            case "shape": return Value(Tensor(v.shape.map(Double.init)))
            case "ndim": return .number(Double(v.rank))
            case "size": return .number(Double(v.count))
            case "value": return wrap(v.value)
            default:
                if let m = method(name, of: base) { return m }
                throw noAttribute(base, name, tensorMemberNames + ["value"], span)
            }
        case .object(let box):
            if let v = box.object.attribute(name) { return v }
            throw noAttribute(base, name, box.object.attributeNames, span)
        default:
            throw Diagnostic(.type, "a \(base.typeName) has no attributes", span)
        }
    }

    private static func noAttribute(_ base: Value, _ name: String, _ names: [String], _ span: SourceSpan) -> Diagnostic {
        var notes: [String] = []
        if let s = Suggest.closest(to: name, in: names) { notes.append("did you mean '\(s)'?") }
        return Diagnostic(.name, "\(base.typeName) has no attribute '\(name)'", span, notes: notes)
    }

    /// What `for` iterates: a 1-D tensor's numbers, a tensor's rows, a list's items.
    static func elements(_ v: Value, _ span: SourceSpan) throws -> [Value] {
        switch v {
        case .tensor(let box):
            let t = box.tensor
            if t.rank == 0 { throw Diagnostic(.type, "cannot iterate over a scalar tensor", span) }
            if t.rank == 1 { return t.scalars.map { .number($0) } }
            return try (0..<t.shape[0]).map { Value(try t.subscripted([.at($0)])) }
        case .variable(let x):
            if x.rank == 0 { throw Diagnostic(.type, "cannot iterate over a scalar", span) }
            do { return try (0..<x.shape[0]).map { .variable(try x.subscripted([.at($0)])) } } catch { throw Machine.diagnostic(for: error, at: span) }
        case .list(let l): return l.items
        case .tuple(let t): return t.items
        case .dict(let d): return d.keys.map(\.value)
        case .string(let s): return s.value.map { Value(String($0)) }
        default:
            if let items = symbolicElements(v) { return items }
            throw Diagnostic(.type, "cannot iterate over a \(v.typeName)", span)
        }
    }

    /// `range(stop)`, `range(start, stop)`, `range(start, stop, step)` as numbers; nil when not all numbers or step 0.
    static func rangeBounds(_ values: [Value]) -> (Double, Double, Double)? {
        let xs = values.compactMap { number($0) }
        guard xs.count == values.count else { return nil }
        switch xs.count {
        case 1: return (0, xs[0], 1)
        case 2: return (xs[0], xs[1], 1)
        case 3: return xs[2] == 0 ? nil : (xs[0], xs[1], xs[2])
        default: return nil
        }
    }
}

extension Operators {
    /// Applies `f` to every element (for the few functions the tensor layer lacks).
    static func map(_ t: Tensor, _ f: (Double) -> Double) -> Tensor {
        let xs = t.scalars.map(f)
        return (try? Tensor(shape: t.shape, values: xs)) ?? t
    }
}
