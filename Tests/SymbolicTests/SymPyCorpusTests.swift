import Foundation
import Testing
import Symbolic

/// Derivatives, expansions, series coefficients and simplifications of 230 random
/// expressions, as SymPy 1.14 computed them once: `Fixtures/make_sympy_corpus.py`
/// (seed 22) wrote `Fixtures/sympy_corpus.jsonl`. Each recorded text is read with
/// `Expr.parse` and compared canonically, and numerically at three points.
@Suite struct SymPyCorpusTests {
    struct Case {
        let kind: String
        let expr: Expr
        let fields: [String: Any]
    }

    static func loadCorpus() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sympy_corpus.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let source = object["expr"] as? String ?? ""
            return Case(kind: object["kind"] as? String ?? "", expr: try Expr.parse(source), fields: object)
        }
    }

    func expected(_ c: Case, _ key: String) throws -> Expr {
        try Expr.parse(c.fields[key] as? String ?? "missing")
    }

    /// The functions an expression applies.
    func functions(_ e: Expr) -> Set<String> {
        switch e.node {
        case .number, .float, .symbol: return []
        case .sum(let xs), .product(let xs): return xs.reduce(into: Set<String>()) { $0.formUnion(functions($1)) }
        case .power(let b, let p): return functions(b).union(functions(p))
        case .apply(let f, let u): return functions(u).union([f.rawValue])
        }
    }

    @Test func corpusHasAtLeast200Expressions() throws {
        let corpus = try Self.loadCorpus()
        #expect(corpus.count >= 200)
        #expect(Set(corpus.map(\.kind)) == ["polynomial", "rational", "transcendental", "identity"])
    }

    @Test func derivativesMatchSymPy() throws {
        for c in try Self.loadCorpus() {
            for (key, symbol, order) in [("dx", "x", 1), ("dy", "y", 1), ("dxx", "x", 2)] {
                let want = try expected(c, key)
                let got = try c.expr.diff(symbol, order: order)
                #expect(got.isEqual(canonically: want), "d\(key) of \(c.expr): \(got), SymPy \(want)")
                #expect(numericallyEqual(got, want), "d\(key) of \(c.expr): \(got), SymPy \(want)")
            }
        }
    }

    /// Polynomials expand to exactly SymPy's terms; with denominators SymPy sometimes
    /// multiplies a number into a denominator sum, so those compare canonically.
    @Test func expansionsMatchSymPy() throws {
        var exact = 0
        for c in try Self.loadCorpus() {
            let want = try expected(c, "expand")
            let got = c.expr.expand()
            if c.kind == "polynomial" {
                #expect(got == want, "expand(\(c.expr))")
                #expect(got.description == want.description)
                exact += 1
            } else {
                #expect(got.isEqual(canonically: want), "expand(\(c.expr)): \(got), SymPy \(want)")
                #expect(numericallyEqual(got, want), "expand(\(c.expr)): \(got), SymPy \(want)")
            }
        }
        #expect(exact >= 80)
    }

    @Test func seriesCoefficientsMatchSymPy() throws {
        var count = 0, acrossFamilies = 0
        for c in try Self.loadCorpus() {
            guard let coefficients = c.fields["series"] as? [String] else { continue }
            let s = try c.expr.series("x", about: Expr.number(0), order: 4)
            var factorial = 1
            for (k, text) in coefficients.enumerated() {
                if k > 0 { factorial *= k }
                let got = try s.diff("x", order: k).substitute(["x": Expr.number(0)]) / Expr.number(factorial)
                let want = try Expr.parse(text)
                #expect(numericallyEqual(got, want), "x^\(k) in series of \(c.expr): \(got), SymPy \(want)")
                // SymPy writes d tanh/dz as 1/cosh^2, which the test file spells with exp: an
                // identity across function families, beyond the canonical form; numbers only there.
                if functions(got) == functions(want) {
                    #expect(got.isEqual(canonically: want), "x^\(k) in series of \(c.expr): \(got), SymPy \(want)")
                } else {
                    acrossFamilies += 1
                }
            }
            count += 1
        }
        #expect(count >= 200)
        #expect(acrossFamilies <= 4)
    }

    /// Every simplification is equal to SymPy's; the identities (sin^2 + cos^2,
    /// exp(log), cancellation) give exactly SymPy's form.
    @Test func simplificationsMatchSymPy() throws {
        for c in try Self.loadCorpus() {
            let want = try expected(c, "simplify")
            let got = c.expr.simplify()
            #expect(numericallyEqual(got, want), "simplify(\(c.expr)): \(got), SymPy \(want)")
            if c.kind == "identity" {
                #expect(got.description == want.description, "simplify(\(c.expr))")
            }
        }
    }
}
