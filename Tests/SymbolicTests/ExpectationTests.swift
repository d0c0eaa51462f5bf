import Testing
import Symbolic

/// Exact expectations over Bernoulli masks, checked against enumeration of all mask
/// values weighted by p^(ones) (1-p)^(zeros).
@Suite struct ExpectationTests {
    let m1 = Expr.symbol("m1"), m2 = Expr.symbol("m2"), m3 = Expr.symbol("m3"), p = Expr.symbol("p")

    func enumerated(_ e: Expr, masks: [String], at values: [String: Double]) throws -> Double {
        var total = 0.0
        let pv = values["p"] ?? 0
        for bits in 0..<(1 << masks.count) {
            var v = values
            var weight = 1.0
            for (i, m) in masks.enumerated() {
                let on = bits & (1 << i) != 0
                v[m] = on ? 1 : 0
                weight *= on ? pv : 1 - pv
            }
            total += weight * (try e.evaluate(v))
        }
        return total
    }

    @Test func dropoutLinearUnit() throws {
        let w1 = Expr.symbol("w1"), w2 = Expr.symbol("w2")
        let unit = w1 * m1 * x + w2 * m2 * y
        #expect(try Symbolic.expectation(unit, masks: ["m1", "m2"], p: p) == (p * (w1 * x + w2 * y)).expand())
        let square = try Symbolic.expectation(unit.power(q(2)), masks: ["m1", "m2"], p: p)
        #expect(square.description == "2*p^2*w1*w2*x*y + p*w1^2*x^2 + p*w2^2*y^2")
    }

    @Test func againstEnumeration() throws {
        let samples: [Expr] = [
            (m1 * x + m2 * y - m3).power(q(3)),
            m1 * m2 * m3 + m1.power(q(4)) * y,
            fn(.exp, m1 * x + m2) + fn(.sigmoid, m3 * y),
            (x + q(1)) / (m1 + q(1)),
        ]
        let values: [String: Double] = ["x": 0.7, "y": -1.3, "p": 0.35]
        for e in samples {
            let exact = try Symbolic.expectation(e, masks: ["m1", "m2", "m3"], p: p)
            #expect(exact.freeSymbols.allSatisfy { !["m1", "m2", "m3"].contains($0) }, "\(exact)")
            #expect(try Swift.abs((exact.evaluate(values)) - (enumerated(e, masks: ["m1", "m2", "m3"], at: values))) <= 1e-12, "E[\(e)] = \(exact)")
        }
    }

    @Test func errors() {
        #expect(errorMessage { try Symbolic.expectation(x / self.m1, masks: ["m1"], p: self.p) } == "expect: x/m1 divides by the mask m1, which can be 0")
        #expect(errorMessage { try Symbolic.expectation(x, masks: [], p: self.p) } == "expect: no masks given")
    }
}
