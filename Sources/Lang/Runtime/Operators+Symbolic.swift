import Symbolic
import Tensor

/// Operators on symbolic values: `+ - * / ^ @ ==` between expressions, numbers and
/// symbolic matrices build new expressions. `Operators` sends an operation here
/// only when an operand is an object, so number and tensor arithmetic never looks.
extension Operators {
    /// The value as an expression: an expression, a number or boolean (as the nearest
    /// small-denominator rational, as SymPy's nsimplify), a one-element tensor; else nil.
    static func expression(_ v: Value) -> Symbolic.Expr? {
        switch v {
        case .object(let o): return (o.object as? ExpressionObject)?.expr
        case .number(let x): return .number(x)
        case .bool(let b): return .number(Rational(b ? 1 : 0))
        case .tensor(let t) where t.tensor.rank == 0: return (try? t.tensor.scalar()).map { .number($0) }
        default: return nil
        }
    }

    /// The value as a symbolic matrix: a symbolic matrix, or a tensor of rank 1 (a vector)
    /// or 2; else nil.
    static func symbolicMatrix(_ v: Value) -> (matrix: SymbolicMatrix, isVector: Bool)? {
        switch v {
        case .object(let o):
            guard let m = o.object as? SymbolicMatrixObject else { return nil }
            return (m.matrix, m.isVector)
        case .tensor(let box):
            let t = box.tensor
            guard t.rank == 1 || t.rank == 2 else { return nil }
            let entries = t.scalars.map { Symbolic.Expr.number($0) }
            let rows = t.shape[0], columns = t.rank == 2 ? t.shape[1] : 1
            guard let m = try? SymbolicMatrix(rows: rows, columns: columns, entries: entries) else { return nil }
            return (m, t.rank == 1)
        default: return nil
        }
    }

    /// True for an expression or symbolic matrix.
    static func isSymbolic(_ v: Value) -> Bool {
        if case .object(let o) = v { return o.object is SymbolicValue }
        return false
    }

    static func wrap(_ e: Symbolic.Expr) -> Value { Value(ExpressionObject(e)) }

    static func wrap(_ m: SymbolicMatrix, isVector: Bool = false) -> Value {
        Value(SymbolicMatrixObject(m, isVector: isVector))
    }

    /// Runs `body`, turning the symbolic layer's errors into diagnostics at `span`.
    static func symbolic<T>(at span: SourceSpan, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as SymbolicError {
            throw Diagnostic(.math, e.message, span)
        }
    }

    /// `a op b` when either is symbolic; nil otherwise.
    static func symbolicBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ span: SourceSpan) throws -> Value? {
        guard isSymbolic(a) || isSymbolic(b) else { return nil }
        if let x = expression(a), let y = expression(b) {
            return try symbolic(at: span) { try scalarBinary(op, x, y, span) }
        }
        return try symbolic(at: span) { try matrixBinary(op, a, b, span) }
    }

    private static func scalarBinary(_ op: BinaryOperator, _ x: Symbolic.Expr, _ y: Symbolic.Expr, _ span: SourceSpan) throws -> Value {
        switch op {
        case .add: return wrap(x + y)
        case .subtract: return wrap(x - y)
        case .multiply, .matmul: return wrap(x * y)
        case .divide: return wrap(try Symbolic.Expr.divide(x, y))
        case .power: return wrap(try Symbolic.Expr.pow(x, y))
        case .equal: return .bool(x.isEqual(canonically: y))
        case .notEqual: return .bool(!x.isEqual(canonically: y))
        case .less, .lessEqual, .greater, .greaterEqual:
            // An order exists only between numbers: a constant expression compares as its value.
            guard let p = x.constantValue, let q = y.constantValue else {
                throw Diagnostic(.type, "cannot order symbolic expressions with \(op.rawValue) (they have free symbols); compare float(subs(...)) values", span)
            }
            return scalar(op, p, q)
        default:
            throw Diagnostic(.type, "unsupported operation \(op.rawValue) on symbolic expressions", span)
        }
    }

    private static func matrixBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ span: SourceSpan) throws -> Value {
        // A scalar times (or plus) a matrix acts on each entry.
        if let x = expression(a), let s = symbolicMatrix(b) {
            let m = s.matrix, v = s.isVector
            switch op {
            case .multiply: return wrap(try m.map { x * $0 }, isVector: v)
            case .add: return wrap(try m.map { x + $0 }, isVector: v)
            case .subtract: return wrap(try m.map { x - $0 }, isVector: v)
            default: break
            }
        }
        if let s = symbolicMatrix(a), let y = expression(b) {
            let m = s.matrix, v = s.isVector
            switch op {
            case .multiply: return wrap(try m.map { $0 * y }, isVector: v)
            case .add: return wrap(try m.map { $0 + y }, isVector: v)
            case .subtract: return wrap(try m.map { $0 - y }, isVector: v)
            case .divide: return wrap(try m.map { try Symbolic.Expr.divide($0, y) }, isVector: v)
            case .power: return wrap(try m.map { try Symbolic.Expr.pow($0, y) }, isVector: v)
            default: break
            }
        }
        guard let sa = symbolicMatrix(a), let sb = symbolicMatrix(b) else {
            // Values of unrelated kinds are unequal, as elsewhere in the language.
            if op == .equal || op == .notEqual { return .bool(op == .notEqual) }
            throw Diagnostic(.type, "unsupported operand types for \(op.rawValue): \(a.typeName) and \(b.typeName)", span)
        }
        let m = sa.matrix, mv = sa.isVector, n = sb.matrix, nv = sb.isVector
        func sameShape() throws {
            guard m.rows == n.rows, m.columns == n.columns, mv == nv else {
                throw Diagnostic(.shape, "shape mismatch in \(op.rawValue): \(shapeText(m, mv)) and \(shapeText(n, nv))", span)
            }
        }
        switch op {
        case .add: try sameShape(); return wrap(try m + n, isVector: mv)
        case .subtract: try sameShape(); return wrap(try m - n, isVector: mv)
        case .multiply:
            try sameShape()
            return wrap(try SymbolicMatrix(rows: m.rows, columns: m.columns, entries: zip(m.entries, n.entries).map { $0 * $1 }), isVector: mv)
        case .matmul:
            // A vector on the left is a row, on the right a column; vector @ vector is their dot product.
            let left = mv ? try SymbolicMatrix(rows: 1, columns: m.rows, entries: m.entries) : m
            guard left.columns == n.rows else {
                throw Diagnostic(.shape, "shape mismatch in @: \(shapeText(m, mv)) and \(shapeText(n, nv))", span)
            }
            let r = try left.matmul(n)
            if mv && nv { return wrap(r.entries[0]) }
            if mv { return wrap(try SymbolicMatrix(rows: r.columns, columns: 1, entries: r.entries), isVector: true) }
            return wrap(r, isVector: nv)
        case .equal, .notEqual:
            let equal = m.rows == n.rows && m.columns == n.columns && mv == nv
                && zip(m.entries, n.entries).allSatisfy { $0.isEqual(canonically: $1) }
            return .bool(op == .equal ? equal : !equal)
        default:
            throw Diagnostic(.type, "unsupported operation \(op.rawValue) on symbolic matrices", span)
        }
    }

    /// `(2,)` for a vector, `(2, 3)` for a matrix, as tensor shapes print.
    static func shapeText(_ m: SymbolicMatrix, _ isVector: Bool) -> String {
        isVector ? "(\(m.rows),)" : "(\(m.rows), \(m.columns))"
    }

    /// `-v` for a symbolic value; nil for anything else.
    static func symbolicNegate(_ v: Value) -> Value? {
        guard case .object(let o) = v else { return nil }
        if let e = o.object as? ExpressionObject { return wrap(-e.expr) }
        if let m = o.object as? SymbolicMatrixObject { return wrap(m.matrix.map { -$0 }, isVector: m.isVector) }
        return nil
    }

    /// A `[...]` literal holding an expression: scalars make a vector, rows of equal
    /// length (vectors or 1-D tensors) a matrix; nil when it is neither (it stays a list).
    static func symbolicList(_ values: [Value], _ span: SourceSpan) throws -> Value? {
        guard values.contains(where: isSymbolic) else { return nil }
        let scalars = values.compactMap(expression)
        if scalars.count == values.count {
            return try symbolic(at: span) { wrap(try SymbolicMatrix(rows: scalars.count, columns: 1, entries: scalars), isVector: true) }
        }
        var rows: [[Symbolic.Expr]] = []
        for v in values {
            guard let row = symbolicMatrix(v), row.isVector else { return nil }
            rows.append(row.matrix.entries)
        }
        let width = rows[0].count
        guard rows.allSatisfy({ $0.count == width }) else { return nil }
        return try symbolic(at: span) { wrap(try SymbolicMatrix(rows: rows.count, columns: width, entries: rows.flatMap { $0 })) }
    }

    /// `v[i]` of a vector, `M[i, j]` or `M[i]` (a row) of a matrix.
    static func symbolicIndex(_ base: Value, _ items: [IndexValue], _ span: SourceSpan) throws -> Value? {
        guard case .object(let o) = base, let m = o.object as? SymbolicMatrixObject else { return nil }
        var positions: [Int] = []
        for item in items {
            guard case .at(let i) = try tensorIndex(item) else {
                throw Diagnostic(.index, "a symbolic matrix takes integer indices (no slices)", span)
            }
            positions.append(i)
        }
        let matrix = m.matrix
        func checked(_ i: Int, _ n: Int) throws -> Int {
            let j = i < 0 ? i + n : i
            guard j >= 0, j < n else { throw Diagnostic(.index, "index \(i) is out of range for size \(n)", span) }
            return j
        }
        if m.isVector {
            guard positions.count == 1 else { throw Diagnostic(.index, "a symbolic vector takes one index", span) }
            return wrap(matrix.entries[try checked(positions[0], matrix.rows)])
        }
        switch positions.count {
        case 1:
            let r = try checked(positions[0], matrix.rows)
            let row = Array(matrix.entries[r * matrix.columns..<(r + 1) * matrix.columns])
            return try symbolic(at: span) { wrap(try SymbolicMatrix(rows: row.count, columns: 1, entries: row), isVector: true) }
        case 2:
            let r = try checked(positions[0], matrix.rows), c = try checked(positions[1], matrix.columns)
            return wrap(matrix.entries[r * matrix.columns + c])
        default:
            throw Diagnostic(.index, "a symbolic matrix takes one or two indices", span)
        }
    }

    /// What `for` visits in a symbolic vector (its entries) or matrix (its rows).
    static func symbolicElements(_ v: Value) -> [Value]? {
        guard case .object(let o) = v, let m = o.object as? SymbolicMatrixObject else { return nil }
        if m.isVector { return m.matrix.entries.map(wrap) }
        let c = m.matrix.columns
        return (0..<m.matrix.rows).compactMap { r in
            (try? SymbolicMatrix(rows: c, columns: 1, entries: Array(m.matrix.entries[r * c..<(r + 1) * c]))).map { wrap($0, isVector: true) }
        }
    }
}
