import Synchronization

/// The contractions people write most, each with a direct kernel: for them the
/// general plan's diagonals, permutes, reshapes and batched products cost more
/// than the arithmetic (a 1000-element `"i,i"` spent nine tenths of its time planning).
enum EinsumShortcut: Sendable {
    /// `i,i` and `i,i->`: one BLAS dot.
    case dot
    /// `ij,ij->`: a dot over every element.
    case frobenius
    /// `i,j->ij`: each row a scaled copy of the second vector.
    case outer
    /// `ij->ji`: a transposed view, as NumPy returns.
    case transpose
    /// `ii` and `ii->`: the diagonal's sum.
    case trace
    /// `ii->i`: the diagonal as a view.
    case diagonal
    /// `i->`, `ij->`: the sum of all elements.
    case sumAll
    /// `ij->i`: row sums.
    case sumRows
    /// `ij->j`: column sums.
    case sumColumns
    /// `ij,jk->ik` with either operand possibly transposed (`ji,jk`, `ij,kj`, `ji,kj`),
    /// and the matrix–vector forms `ij,j->i`, `j,jk->k`: BLAS gemm or gemv.
    case matmul(transposeLeft: Bool, transposeRight: Bool)
    /// `bij,bjk->bik`: gemm per batch.
    case batchedMatmul
    /// Anything else: the general plan.
    case general

    /// The forms above, spelled with labels renamed in order of first appearance.
    private static let canonical: [String: EinsumShortcut] = [
        "a,a->": .dot, "ab,ab->": .frobenius, "a,b->ab": .outer, "ab->ba": .transpose,
        "aa->": .trace, "aa->a": .diagonal, "a->": .sumAll, "ab->": .sumAll,
        "ab->a": .sumRows, "ab->b": .sumColumns,
        "ab,bc->ac": .matmul(transposeLeft: false, transposeRight: false),
        "ab,ac->bc": .matmul(transposeLeft: true, transposeRight: false),
        "ab,cb->ac": .matmul(transposeLeft: false, transposeRight: true),
        "ab,ca->bc": .matmul(transposeLeft: true, transposeRight: true),
        "ab,b->a": .matmul(transposeLeft: false, transposeRight: false),
        "a,ab->b": .matmul(transposeLeft: false, transposeRight: false),
        "abc,acd->abd": .batchedMatmul,
    ]

    /// Specifications seen before (with each term's label count), so a call in a loop parses its string once.
    private static let seen = Mutex<[String: (EinsumShortcut, ranks: [Int])]>([:])
    /// Past this many distinct specifications the memo starts again (generated strings must not grow it forever).
    private static let seenLimit = 256

    /// The shortcut for `spec` and the rank each operand must have for it, from the
    /// memo when `spec` was seen before.
    static func of(_ spec: String) -> (EinsumShortcut, ranks: [Int]) {
        if let known = seen.withLock({ $0[spec] }) { return known }
        let found = classify(spec)
        seen.withLock { memo in
            if memo.count >= seenLimit { memo.removeAll(keepingCapacity: true) }
            memo[spec] = found
        }
        return found
    }

    /// Renames the labels of `spec` in order of first appearance (the implicit output
    /// spelled out) and looks the result up; `.general` for anything unusual, which
    /// the general plan then parses and, if need be, reports.
    static func classify(_ spec: String) -> (EinsumShortcut, ranks: [Int]) {
        let general = (EinsumShortcut.general, ranks: [Int]())
        let a = UInt8(ascii: "a"), z = UInt8(ascii: "z"), upperA = UInt8(ascii: "A"), upperZ = UInt8(ascii: "Z")
        var terms: [[UInt8]] = [[]], output: [UInt8]? = nil
        var bytes = Array(spec.utf8).filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }[...]
        while let c = bytes.first {
            if c == UInt8(ascii: "-") {
                guard output == nil, bytes.dropFirst().first == UInt8(ascii: ">") else { return general }
                output = []; bytes = bytes.dropFirst(2); continue
            }
            if c == UInt8(ascii: ",") {
                guard output == nil else { return general }
                terms.append([]); bytes = bytes.dropFirst(); continue
            }
            guard (c >= a && c <= z) || (c >= upperA && c <= upperZ) else { return general }
            if output != nil { output!.append(c) } else { terms[terms.count - 1].append(c) } // safe: checked non-nil
            bytes = bytes.dropFirst()
        }
        guard terms.count <= 2 else { return general }
        let all = terms.flatMap { $0 }
        let result = output ?? Set(all.filter { c in all.lazy.filter { $0 == c }.count == 1 }).sorted()
        var names: [UInt8: UInt8] = [:]
        for c in all where names[c] == nil { names[c] = a + UInt8(names.count) }
        var text = ""
        for (i, term) in terms.enumerated() {
            if i > 0 { text += "," }
            text += String(decoding: term.map { names[$0]! }, as: UTF8.self) // safe: every input label is named
        }
        guard result.allSatisfy({ names[$0] != nil }) else { return general }
        text += "->" + String(decoding: result.map { names[$0]! }, as: UTF8.self) // safe: checked just above
        guard let shortcut = canonical[text] else { return general }
        return (shortcut, terms.map(\.count))
    }
}

extension Tensor {
    /// Runs `shortcut` on `operands` when their number, ranks (`ranks`) and sizes fit
    /// it, else nil (the general plan then runs, and reports any mismatch).
    static func einsumShortcut(_ shortcut: EinsumShortcut, ranks: [Int], _ operands: [Tensor]) throws -> Tensor? {
        guard operands.count == ranks.count else { return nil }
        for (x, r) in zip(operands, ranks) where x.rank != r { return nil }
        switch shortcut {
        case .general:
            return nil
        case .dot:
            guard operands[0].shape[0] == operands[1].shape[0] else { return nil }
            return try operands[0].matmul(operands[1])
        case .frobenius:
            let x = operands[0], y = operands[1]
            guard x.shape == y.shape, x.isContiguous, y.isContiguous else { return nil }
            let n = x.count
            if n == 0 { return Tensor(0) }
            return withExtendedLifetime((x, y)) { Tensor(BLAS.dot(x.storage.base + x.offset, y.storage.base + y.offset, n: n)) }
        case .outer:
            return try operands[0].outerOfVectors(operands[1])
        case .transpose:
            return operands[0].swappedAxes()
        case .trace:
            guard operands[0].shape[0] == operands[0].shape[1] else { return nil }
            return operands[0].traceSum()
        case .diagonal:
            guard operands[0].shape[0] == operands[0].shape[1] else { return nil }
            return try operands[0].diagonal(offset: 0, axis1: 0, axis2: 1)
        case .sumAll:
            return operands[0].sum()
        case .sumRows:
            return try operands[0].sum(axis: 1)
        case .sumColumns:
            return try operands[0].sum(axis: 0)
        case let .matmul(transposeLeft, transposeRight):
            let x = transposeLeft ? operands[0].swappedAxes() : operands[0]
            let y = transposeRight ? operands[1].swappedAxes() : operands[1]
            guard x.shape[x.rank - 1] == y.shape[0] else { return nil }
            return try x.matmul(y)
        case .batchedMatmul:
            let x = operands[0], y = operands[1]
            guard x.shape[0] == y.shape[0], x.shape[2] == y.shape[1] else { return nil }
            return try x.batchedMatmul(y)
        }
    }

    /// The two axes of a matrix exchanged, as a view.
    private func swappedAxes() -> Tensor {
        Tensor(storage: storage, shape: [shape[1], shape[0]], strides: [strides[1], strides[0]], offset: offset)
    }

    /// `out[i, j] = self[i] · other[j]` for two vectors, row by row.
    /// - Throws: `allocationTooLarge` past the memory limit.
    func outerOfVectors(_ other: Tensor) throws -> Tensor {
        let m = shape[0], n = other.shape[0]
        let v = other.contiguous()
        let su = strides[0], pu = storage.base + offset
        let result = try Tensor(shape: [m, n]) { out in
                guard m > 0, n > 0 else { return }
                let o = out.baseAddress!, pv = v.storage.base + v.offset // safe: m · n > 0
                for i in 0..<m {
                    let s = pu[i * su], row = o + i * n
                    for j in 0..<n { row[j] = s * pv[j] }
                }
        }
        return withExtendedLifetime((self, v)) { result }
    }

    /// The sum of a square matrix's diagonal, read in place through its strides.
    func traceSum() -> Tensor {
        let n = shape[0], step = strides[0] + strides[1], p = storage.base + offset
        // Four accumulators let the strided loads overlap.
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += p[i * step]; s1 += p[(i + 1) * step]; s2 += p[(i + 2) * step]; s3 += p[(i + 3) * step]
            i += 4
        }
        while i < n { s0 += p[i * step]; i += 1 }
        return withExtendedLifetime(self) { Tensor((s0 + s1) + (s2 + s3)) }
    }
}
