// tensor-bench: times the Tensor core on the operations of bench/run and prints
// one line per case, `name size value unit`, for the script to compare with NumPy.
// Protocol (the same in bench/tensor/numpy_bench.py): one warm-up call, then
// repetitions filling about 0.4 s (at least 5, at most 200); the median time counts.
import Glibc
import Support
import Tensor

func medianTime(_ body: () throws -> Tensor) rethrows -> Double {
    var keep = try body()
    let t0 = monotonicSeconds()
    keep = try body()
    let once = Swift.max(monotonicSeconds() - t0, 1e-7)
    let reps = Swift.min(200, Swift.max(5, Int(0.4 / once)))
    var times: [Double] = []
    for _ in 0..<reps {
        let start = monotonicSeconds()
        keep = try body()
        times.append(monotonicSeconds() - start)
    }
    withExtendedLifetime(keep) {}
    times.sort()
    return times[times.count / 2]
}

func report(_ name: String, _ size: Int, _ value: Double, _ unit: String) {
    print("\(name) \(size) \((value * 10).rounded() / 10) \(unit)")
}

let arguments = CommandLine.arguments.dropFirst()
let only = Set(arguments)
func wanted(_ name: String) -> Bool { only.isEmpty || only.contains(name) }

do {
    let g = RandomGenerator(seed: 1)
    if wanted("matmul") {
        for n in [256, 512, 1024, 2048] {
            let a = try Tensor.randn([n, n], using: g), b = try Tensor.randn([n, n], using: g)
            let t = try medianTime { try a.matmul(b) }
            report("matmul", n, 2 * Double(n * n * n) / t / 1e9, "GFLOP/s")
        }
    }
    if wanted("gather") {
        // A minibatch: 256 random rows of a 10000×64 matrix, `X[idx]` (elements copied per second).
        let x = try Tensor.randn([10_000, 64], using: g)
        let idx = (0..<256).map { _ in g.nextInt(below: 10_000) }
        // Planning is timed too: NumPy's x[idx] also reads the index array every time.
        report("gather", 256, Double(256 * 64) / (try medianTime {
            try x.gathered(try x.gatherPlan([.positions(idx, shape: [256])]))
        }) / 1e6, "Melem/s")
    }
    for n in [1_000_000, 10_000_000] {
        let a = try Tensor.randn([n], using: g), b = try Tensor.randn([n], using: g)
        let melem = { (t: Double) in Double(n) / t / 1e6 }
        if wanted("add") { report("add", n, melem(try medianTime { try a + b }), "Melem/s") }
        if wanted("mul") { report("mul", n, melem(try medianTime { try a * b }), "Melem/s") }
        if wanted("exp") { report("exp", n, melem(medianTime { a.unary(.exp) }), "Melem/s") }
        if wanted("tanh") { report("tanh", n, melem(medianTime { a.unary(.tanh) }), "Melem/s") }
        if wanted("sigmoid") { report("sigmoid", n, melem(medianTime { a.unary(.sigmoid) }), "Melem/s") }
        if wanted("sum") { report("sum", n, melem(medianTime { a.sum() }), "Melem/s") }
        if wanted("rowadd") {
            let m = try a.reshape([n / 1000, 1000]), row = try Tensor.randn([1000], using: g)
            report("rowadd", n, melem(try medianTime { try m + row }), "Melem/s")
        }
        if wanted("log1p") { report("log1p", n, melem(medianTime { a.unary(.log1p) }), "Melem/s") }
        if wanted("arctan") { report("arctan", n, melem(medianTime { a.unary(.arctan) }), "Melem/s") }
        if wanted("arctan2") { report("arctan2", n, melem(try medianTime { try a.binary(.arctan2, b) }), "Melem/s") }
        if wanted("floor") { report("floor", n, melem(medianTime { a.unary(.floor) }), "Melem/s") }
        // Axis reductions and scans of an (n/1000)×1000 matrix, both axes.
        let m = try a.reshape([n / 1000, 1000])
        if wanted("sumaxis0") { report("sumaxis0", n, melem(try medianTime { try m.sum(axis: 0) }), "Melem/s") }
        if wanted("sumaxis1") { report("sumaxis1", n, melem(try medianTime { try m.sum(axis: 1) }), "Melem/s") }
        if wanted("maxaxis0") { report("maxaxis0", n, melem(try medianTime { try m.max(axis: 0) }), "Melem/s") }
        if wanted("cumsum0") { report("cumsum0", n, melem(try medianTime { try m.cumulativeSum(axis: 0) }), "Melem/s") }
        if wanted("cumsum1") { report("cumsum1", n, melem(try medianTime { try m.cumulativeSum(axis: 1) }), "Melem/s") }
    }
    // Issue 19, second part: einsum's common contractions, sorting and the
    // decompositions, in calls per second (higher is better, like the rest).
    let perSecond = { (t: Double) in 1 / t }
    if wanted("einsum") {
        let a = try Tensor.randn([256, 256], using: g), b = try Tensor.randn([256, 256], using: g)
        report("einsum_matmul", 256, perSecond(try medianTime { try Tensor.einsum("ij,jk->ik", [a, b]) }), "calls/s")
        let x = try Tensor.randn([64, 64, 64], using: g), y = try Tensor.randn([64, 64, 64], using: g)
        report("einsum_bmm", 64, perSecond(try medianTime { try Tensor.einsum("bij,bjk->bik", [x, y]) }), "calls/s")
        let m = try Tensor.randn([1000, 1000], using: g), u = try Tensor.randn([1000], using: g), v = try Tensor.randn([1000], using: g)
        report("einsum_trace", 1000, perSecond(try medianTime { try Tensor.einsum("ii", [m]) }), "calls/s")
        report("einsum_outer", 1000, perSecond(try medianTime { try Tensor.einsum("i,j->ij", [u, v]) }), "calls/s")
        report("einsum_transpose", 1000, perSecond(try medianTime { try Tensor.einsum("ij->ji", [m]) }), "calls/s")
        report("einsum_sum", 1000, perSecond(try medianTime { try Tensor.einsum("ij->i", [m]) }), "calls/s")
        report("einsum_dot", 1000, perSecond(try medianTime { try Tensor.einsum("i,i", [u, v]) }), "calls/s")
    }
    if wanted("sort") {
        let a = try Tensor.randn([1_000_000], using: g)
        report("sort", 1_000_000, perSecond(try medianTime { try a.takeAlong(a.argsort(axis: 0), axis: 0) }), "calls/s")
        report("argsort", 1_000_000, perSecond(try medianTime { try a.argsort(axis: 0) }), "calls/s")
        let sorted = try a.takeAlong(a.argsort(axis: 0), axis: 0), q = try Tensor.randn([100_000], using: g)
        report("searchsorted", 100_000, perSecond(try medianTime { try sorted.searchSorted(q, right: false) }), "calls/s")
    }
    if wanted("decompositions") {
        let a = try Tensor.randn([256, 256], using: g)
        let spd = try a.matmul(a.transposed()).binary(.add, Tensor.eye(256).binary(.multiply, Tensor(256)))
        report("qr", 256, perSecond(try medianTime { try a.qr().r }), "calls/s")
        report("cholesky", 256, perSecond(try medianTime { try spd.cholesky() }), "calls/s")
        report("eig", 256, perSecond(try medianTime { try spd.eig().values }), "calls/s")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
