// Times expand((x + y + z)^10) and the x-derivative of a 100-term polynomial, the two
// figures issue 22 sets (each under 50 ms); `sympy_bench.py` times the same in SymPy.
import Symbolic

let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")

/// The median wall time of `runs` calls, in seconds.
func median(_ runs: Int, _ body: () throws -> Expr) rethrows -> (Double, Expr) {
    let clock = ContinuousClock()
    var times: [Double] = []
    var last = x
    for _ in 0..<runs {
        let start = clock.now
        last = try body()
        let d = clock.now - start
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    times.sort()
    return (times[runs / 2], last)
}

func termCount(_ e: Expr) -> Int {
    if case .sum(let ts) = e.node { return ts.count }
    return 1
}

let trinomial = (x + y + z).power(Expr.number(10))
let (expandSeconds, expanded) = median(31) { trinomial.expand() }

// sum over k < 100 of (k + 1) * x^k * y^(k mod 7)
let polynomial = (0..<100).map { k in
    Expr.number(k + 1) * x.power(Expr.number(k)) * y.power(Expr.number(k % 7))
}.reduce(Expr.number(0), +)
let (diffSeconds, derivative) = try median(31) { try polynomial.diff("x") }

print("expand_terms", termCount(expanded))
print("expand_seconds", expandSeconds)
print("diff_terms", termCount(derivative))
print("diff_seconds", diffSeconds)
