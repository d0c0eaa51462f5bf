import Foundation
import Lang
import Testing

/// One expression and the value NumPy gives for it (see `NumpyReference.swift`).
struct NumpyCase: CustomStringConvertible, Sendable {
    let source: String
    let shape: [Int]
    let values: [Double]
    var description: String { source }

    init(_ source: String, _ shape: [Int], _ values: [Double]) {
        self.source = source
        self.shape = shape
        self.values = values
    }
}

/// Evaluates `c.source` in a fresh session at 17 digits and compares the echo with
/// NumPy's shape and values, each within `relativeTolerance` (absolute near 0).
func expectMatchesNumpy(_ c: NumpyCase, relativeTolerance: Double) throws {
    let session = Session()
    session.run("precision(17)")
    let text = session.eval(c.source)
    let parsed = try #require(PrintedTensor(text), "\(c.source) printed \(text)")
    #expect(parsed.shape == c.shape, "\(c.source): shape \(parsed.shape), NumPy \(c.shape)")
    #expect(parsed.values.count == c.values.count, "\(c.source): \(text)")
    for (a, e) in zip(parsed.values, c.values) {
        let same = a == e || (a.isNaN && e.isNaN) || abs(a - e) <= relativeTolerance * max(1, abs(e))
        #expect(same, "\(c.source): got \(a), NumPy \(e)")
    }
}

extension LangSuite {
    /// The NumPy-named builtins against values NumPy computed once
    /// (`Fixtures/numpy_reference.py`), read back from the echo at 17 digits.
    @Suite struct NumpyReferenceTests {
        /// Elementwise libmvec results are within a few ulp of NumPy's libm; 1e-13
        /// relative (absolute near 0) leaves room for that and nothing more.
        @Test(arguments: numpyReference)
        func matchesNumpy(_ c: NumpyCase) throws {
            try expectMatchesNumpy(c, relativeTolerance: 1e-13)
        }
    }
}

/// The shape and values of a printed number, boolean or tensor (`[[1, 2], [3, 4]]`,
/// `[[]], shape=(0, 4)`).
struct PrintedTensor {
    var shape: [Int] = []
    var values: [Double] = []

    init?(_ text: String) {
        var body = Substring(text)
        var explicitShape: [Int]?
        if let r = text.range(of: ", shape=(") {
            body = text[..<r.lowerBound]
            explicitShape = text[r.upperBound...].dropLast().split(separator: ",").compactMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
        }
        var counts: [Int] = [], depth = 0, token = ""
        var sizes: [Int: Int] = [:]
        func flush() -> Bool {
            guard !token.isEmpty else { return true }
            let word = token.trimmingCharacters(in: .whitespacesAndNewlines)
            token = ""
            if word.isEmpty { return true }
            let x: Double? = word == "true" ? 1 : word == "false" ? 0 : Double(word)
            guard let x else { return false }
            values.append(x)
            if depth > 0 { counts[depth - 1] += 1 }
            return true
        }
        for ch in body {
            switch ch {
            case "[":
                depth += 1
                if counts.count < depth { counts.append(0) }
                counts[depth - 1] = 0
                if depth > 1 { counts[depth - 2] += 1 }
            case "]":
                guard flush() else { return nil }
                sizes[depth - 1] = counts[depth - 1]
                depth -= 1
            case ",":
                guard flush() else { return nil }
            default:
                token.append(ch)
            }
        }
        guard flush() else { return nil }
        shape = explicitShape ?? (0..<sizes.count).map { sizes[$0] ?? 0 }
    }
}
