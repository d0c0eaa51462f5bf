import Lang
import Testing

extension LangSuite {
    /// Sorting, rearranging and linear algebra builtins against values NumPy
    /// computed once (`Fixtures/numpy_coverage.py`), read back at 17 digits.
    @Suite struct NumpyCoverageTests {
        /// Decompositions go through the same LAPACK routines as NumPy's but another
        /// build of them; 1e-12 relative (absolute near 0) leaves room for that only.
        @Test(arguments: numpyCoverage)
        func matchesNumpy(_ c: NumpyCase) throws {
            try expectMatchesNumpy(c, relativeTolerance: 1e-12)
        }

        /// The samplers are seeded: the same seed gives the same draws, and the
        /// draws have the promised support and exact counts.
        @Test func samplersFollowTheSeed() {
            let session = Session()
            session.run("seed(3)")
            #expect(session.eval("permutation(10)") == "[9, 4, 8, 0, 7, 2, 3, 1, 5, 6]") // docs/random.md's known answer
            session.run("seed(5); a = choice(10, 10, replace=false); seed(5); b = choice(10, 10, replace=false)")
            #expect(session.eval("all(a == b)") == "true")
            #expect(session.eval("all(sort(a) == arange(10))") == "true")
            session.run("r = randint(-2, 3, size=2000)")
            #expect(session.eval("min(r) == -2 and max(r) == 2") == "true")
            session.run("w = choice(3, 4000, p=[0, 0.25, 0.75])")
            #expect(session.eval("sum(w == 0)") == "0")
            // 4000 draws of p = 0.75: 5 standard deviations is about ±0.034.
            #expect(session.eval("abs(mean(w == 2) - 0.75) < 0.035") == "true")
            session.run("u = uniform(2, 5, size=[100, 10]); z = normal(1, 3, size=20000)")
            #expect(session.eval("min(u) >= 2 and max(u) < 5") == "true")
            #expect(session.eval("abs(mean(z) - 1) < 0.11 and abs(std(z) - 3) < 0.08") == "true")
            #expect(session.eval("choice(5, 3, replace=false, p=[0, 0, 0.5, 0.5, 0])").contains("error"))
            #expect(session.eval("shape(shuffle(reshape(arange(6), 3, 2)))") == "[3, 2]")
        }
    }
}
