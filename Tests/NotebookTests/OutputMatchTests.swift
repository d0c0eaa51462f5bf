import Testing
import Notebook

// Expectations follow the rounding rule by hand: a recorded 0.2357 stands for
// [0.23565, 0.23575]; relative tolerance is |a - r| <= tol * max(|a|, |r|).
@Test(arguments: [
    ("0.2357", "0.23571234", 1e-9, true),
    ("0.2357", "0.23565", 1e-9, true),        // exactly half a unit: rounds to the recorded digits
    ("0.2357", "0.23564", 1e-9, false),
    ("0.2357", "0.2358", 1e-9, false),        // same digits: a real change
    ("3", "3.4", 1e-9, false),                 // a recorded integer is not a rounding
    ("1", "1.0000000001", 1e-9, true),         // relative 1e-10
    ("1", "1.00000001", 1e-9, false),          // relative 1e-8
    ("100", "100.05", 1e-3, true),
    ("100", "100.2", 1e-3, false),
    ("1.5e-10", "1.5000001e-10", 1e-9, true),
    ("1.5e-10", "1.6e-10", 1e-9, false),
    ("-0", "0", 1e-9, true),
    ("nan", "nan", 1e-9, true),
    ("inf", "-inf", 1e-9, false),
    ("0", "1e-300", 1e-9, false),              // no tolerance is relative to zero
])
func numbersMatchByPrecisionOrTolerance(recorded: String, actual: String, tol: Double, expected: Bool) {
    #expect(OutputMatch.lineMatches(recorded: recorded, actual: actual, tolerance: tol) == expected)
}

@Test(arguments: [
    ("[0.2, 0.4]", "[0.2, 0.4]", true),
    ("[0.2, 0.4]", "[0.2,  0.4]", false),      // text, spaces included, must agree
    ("loss = 0.5", "Loss = 0.5", false),
    ("x1 = 2", "x2 = 2", false),               // digits in names are text
    ("<plot: line, hash=12345678>", "<plot: line, hash=12345679>", false),
    ("[1, 2]", "[1, 2, 3]", false),
])
func textMustAgreeExactly(recorded: String, actual: String, expected: Bool) {
    #expect(OutputMatch.lineMatches(recorded: recorded, actual: actual, tolerance: 1) == expected)
}

@Test func tokensSplitNumbersFromText() {
    #expect(OutputMatch.tokens("[-1.5e3, x2]") == [.text("["), .number(-1500, "-1.5e3"), .text(", x2]")])
}

@Test func changedNumberIsReportedAtItsLineWithTensorError() throws {
    let recorded = ["[[3, 1],", " [1, 2]]"]
    let actual = ["[[3, 1],", " [1, 2.5]]"]
    let mismatch = try #require(OutputMatch.compare(recorded: recorded, actual: actual, tolerance: 1e-9, firstLine: 7))
    #expect(mismatch.line == 8)
    #expect(mismatch.diff == "@@ -7,2 +7,2 @@\n #> [[3, 1],\n-#>  [1, 2]]\n+#>  [1, 2.5]]")
    let error = try #require(mismatch.numericError)
    #expect(error.maxAbsolute == 0.5)
    #expect(error.maxRelative == 0.25)
    #expect(error.absoluteAt == "index [1, 1], line 8")
}

@Test func missingAndExtraLinesAreMismatches() throws {
    let missing = try #require(OutputMatch.compare(recorded: ["a", "b", "c"], actual: ["a", "c"], tolerance: 1e-9, firstLine: 10))
    #expect(missing.line == 11)
    #expect(missing.diff.contains("-#> b"))
    let extra = try #require(OutputMatch.compare(recorded: ["a"], actual: ["a", "z"], tolerance: 1e-9, firstLine: 10))
    #expect(extra.line == 11)
    #expect(extra.diff.contains("+#> z"))
    let none = try #require(OutputMatch.compare(recorded: [], actual: ["1"], tolerance: 1e-9, firstLine: 4))
    #expect(none.line == 4)
    #expect(OutputMatch.compare(recorded: ["0.2357"], actual: ["0.23571"], tolerance: 1e-9, firstLine: 1) == nil)
}
