import Glibc

/// Turns tensors into text the way NumPy prints arrays; notebooks record these strings,
/// so every rule here is deterministic and part of the format.
///
/// Rules, in order:
/// - A rank-0 tensor prints as a bare number; others as nested brackets, rows
///   separated by `,` and a newline, blocks of rank ≥ 3 by a blank line:
///   `[[3, 1],\n [1, 2]]`.
/// - Number style is chosen once per tensor from its finite elements:
///   *integer* when all are integral and below 1e16 in size (`[1, 2, 3]`, `-0` prints `0`);
///   otherwise *scientific* when the largest magnitude is ≥ 1e8, the smallest non-zero is
///   < 1e-4, or their ratio exceeds 1000 (NumPy's rule; `[1e-05, 1]`);
///   otherwise *fixed*. Fixed and scientific use `precision` digits after the point
///   (default 6), then drop the trailing zeros that every element shares, keeping at least
///   one digit in fixed style when precision > 0 (`[0.2, 0.4]`, `0.333333`, `[0.50, 0.25]`).
/// - `nan`, `inf` and `-inf` print as such.
/// - All elements are right-aligned to the widest one; a row longer than `lineWidth`
///   (75) characters wraps after a comma, indented under its bracket.
/// - A tensor of more than `threshold` (1000) elements is summarised: along each axis longer
///   than `2 · edgeItems` (3 each side) only the edges are shown, with `...` between,
///   and `, shape=(…)` follows the last bracket. An empty tensor of rank ≥ 2 shows
///   `[]` and its shape the same way.
public struct TensorFormatter: Sendable {
    /// Most digits after the decimal point (fixed) or in the mantissa (scientific).
    public var precision: Int
    /// Tensors with more elements than this are summarised.
    public var threshold: Int
    /// Elements shown at each end of a summarised axis.
    public var edgeItems: Int
    /// Rows wrap after a comma past this many characters.
    public var lineWidth: Int

    /// A formatter with `precision` digits (clamped to 0…17) and NumPy's other defaults.
    public init(precision: Int = 6, threshold: Int = 1000, edgeItems: Int = 3, lineWidth: Int = 75) {
        self.precision = Swift.min(Swift.max(precision, 0), 17)
        self.threshold = threshold
        self.edgeItems = Swift.max(edgeItems, 1)
        self.lineWidth = lineWidth
    }

    /// One number, styled as a one-element tensor would be.
    public func format(_ x: Double) -> String {
        // A whole number prints as its integer, as the integer style would print it
        // (`%.0f` of a whole double below 1e16 is its exact digits), without the style's
        // arrays and `vsnprintf`: `str(i)` in a loop spent 90% of its time there.
        if x == x.rounded(), Swift.abs(x) < 1e16 { return String(Int64(x)) }
        let style = Style(values: [x], precision: precision)
        return style.render(x)
    }

    /// The tensor as text (see the type's rules); with `boolean`, elements print as
    /// `true` (nonzero) and `false`, as NumPy prints a bool array.
    public func format(_ tensor: Tensor, boolean: Bool = false) -> String {
        // Read through the view's own strides: printing the corners of a huge or
        // strided tensor must not copy all of it.
        let t = tensor
        if t.rank == 0 {
            let x = t.storage.base[t.offset]
            return boolean ? (x != 0 ? "true" : "false") : format(x)
        }
        let summarise = t.count > threshold
        if t.count == 0 {
            let brackets = String(repeating: "[", count: t.rank) + String(repeating: "]", count: t.rank)
            return t.rank == 1 ? "[]" : brackets + ", shape=\(formatShape(t.shape))"
        }
        // Positions shown along each axis; nil marks the `...` gap.
        let shown: [[Int?]] = t.shape.map { n in
            if summarise && n > 2 * edgeItems {
                return Array(0..<edgeItems).map { Optional($0) } + [nil] + Array((n - edgeItems)..<n).map { Optional($0) }
            }
            return Array(0..<n).map { Optional($0) }
        }
        let strides = t.strides
        let base = t.storage.base + t.offset
        var values: [Double] = []
        collect(axis: 0, position: 0, shown: shown, strides: strides, base: base, into: &values)
        let style = boolean ? Style.boolean : Style(values: values, precision: precision)
        let width = values.map { style.render($0).count }.max() ?? 0
        var text = ""
        render(axis: 0, position: 0, shown: shown, strides: strides, base: base, rank: t.rank,
               style: style, width: width, into: &text)
        return withExtendedLifetime(t) { summarise ? text + ", shape=\(formatShape(t.shape))" : text }
    }

    private func collect(axis: Int, position: Int, shown: [[Int?]], strides: [Int],
                         base: UnsafePointer<Double>, into values: inout [Double]) {
        for i in shown[axis] {
            guard let i else { continue }
            let p = position + i * strides[axis]
            if axis == shown.count - 1 { values.append(base[p]) }
            else { collect(axis: axis + 1, position: p, shown: shown, strides: strides, base: base, into: &values) }
        }
    }

    private func render(axis: Int, position: Int, shown: [[Int?]], strides: [Int], base: UnsafePointer<Double>,
                        rank: Int, style: Style, width: Int, into text: inout String) {
        text += "["
        if axis == rank - 1 {
            // Greedy wrapping: `column` counts characters on the current line.
            var column = text.count - (text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 0)
            let indent = String(repeating: " ", count: axis + 1)
            for (k, i) in shown[axis].enumerated() {
                var item: String
                if let i { item = style.render(base[position + i * strides[axis]]) } else { item = "..." }
                if i != nil, item.count < width { item = String(repeating: " ", count: width - item.count) + item }
                let isLast = k == shown[axis].count - 1
                let piece = item + (isLast ? "" : ",")
                // +1 leaves room for the closing bracket or the space after a comma.
                if k > 0 {
                    if column + 1 + piece.count + (isLast ? rank : 0) > lineWidth {
                        text += "\n" + indent
                        column = indent.count
                    } else {
                        text += " "
                        column += 1
                    }
                }
                text += piece
                column += piece.count
            }
        } else {
            let separator = ",\n" + String(repeating: "\n", count: rank - axis - 2) + String(repeating: " ", count: axis + 1)
            for (k, i) in shown[axis].enumerated() {
                if k > 0 { text += separator }
                if let i {
                    render(axis: axis + 1, position: position + i * strides[axis], shown: shown, strides: strides,
                           base: base, rank: rank, style: style, width: width, into: &text)
                } else {
                    text += "..."
                }
            }
        }
        text += "]"
    }

    /// The number style chosen for one tensor's elements.
    struct Style {
        enum Kind { case integer, fixed, scientific, boolean }
        let kind: Kind
        let digits: Int

        /// `true` and `false`.
        static let boolean = Style(kind: .boolean, digits: 0)

        init(kind: Kind, digits: Int) {
            self.kind = kind
            self.digits = digits
        }

        init(values: [Double], precision: Int) {
            let finite = values.filter { $0.isFinite }
            let magnitudes = finite.map { Swift.abs($0) }
            if finite.allSatisfy({ $0 == $0.rounded() }) && (magnitudes.max() ?? 0) < 1e16 {
                kind = .integer; digits = 0; return
            }
            let largest = magnitudes.max() ?? 0
            let smallest = magnitudes.filter { $0 > 0 }.min() ?? 0
            if largest >= 1e8 || (smallest > 0 && (smallest < 1e-4 || largest / smallest > 1000)) {
                kind = .scientific
                digits = finite.map { Style.mantissaDigits(Style.printf("%.*e", precision, $0)) }.max() ?? 0
            } else {
                kind = .fixed
                digits = Swift.max(Swift.min(1, precision), finite.map { Style.fractionDigits(Style.printf("%.*f", precision, $0)) }.max() ?? 1)
            }
        }

        func render(_ x: Double) -> String {
            if kind == .boolean { return x != 0 ? "true" : "false" }
            if x.isNaN { return "nan" }
            if x.isInfinite { return x > 0 ? "inf" : "-inf" }
            switch kind {
            case .integer: return x == 0 ? "0" : Style.printf("%.*f", 0, x)
            case .fixed: return Style.printf("%.*f", digits, x)
            case .scientific: return Style.printf("%.*e", digits, x)
            case .boolean: return x != 0 ? "true" : "false"
            }
        }

        /// Digits after the point once trailing zeros are dropped (`"0.250000"` → 2).
        static func fractionDigits(_ s: String) -> Int {
            guard let dot = s.firstIndex(of: ".") else { return 0 }
            let fraction = s[s.index(after: dot)...]
            return fraction.count - fraction.reversed().prefix { $0 == "0" }.count
        }

        /// Mantissa digits after the point without trailing zeros (`"1.500000e-05"` → 1).
        static func mantissaDigits(_ s: String) -> Int {
            guard let e = s.firstIndex(of: "e") else { return fractionDigits(s) }
            return fractionDigits(String(s[..<e]))
        }

        static func printf(_ format: String, _ digits: Int, _ x: Double) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
                let written = withVaList([Int32(digits), x]) { args in
                    buffer.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, 512, format, args) }
                }
                return String(decoding: buffer.prefix(Int(Swift.max(0, Swift.min(written, 511)))), as: UTF8.self)
            }
        }
    }
}

extension Tensor: CustomStringConvertible {
    /// The tensor printed by a default `TensorFormatter` (precision 6).
    public var description: String { TensorFormatter().format(self) }
}
