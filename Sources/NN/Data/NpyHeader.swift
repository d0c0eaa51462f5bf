/// The fields of a `.npy` header dict and the element types read from it.
struct NpyHeader {
    /// An element type Gradbook reads.
    enum ElementType {
        case float64, float32, int32, int64, bool, uint8

        /// Bytes per element.
        var size: Int {
            switch self {
            case .float64, .int64: return 8
            case .float32, .int32: return 4
            case .bool, .uint8: return 1
            }
        }

        /// The element at `p` as a Double, byte-swapped for big-endian files.
        @inline(__always)
        func load(_ p: UnsafeRawPointer, swap: Bool) -> Double {
            switch self {
            case .float64:
                let bits = p.loadUnaligned(as: UInt64.self)
                return Double(bitPattern: swap ? bits.byteSwapped : bits)
            case .float32:
                let bits = p.loadUnaligned(as: UInt32.self)
                return Double(Float(bitPattern: swap ? bits.byteSwapped : bits))
            case .int32:
                let v = p.loadUnaligned(as: Int32.self)
                return Double(swap ? v.byteSwapped : v)
            case .int64:
                let v = p.loadUnaligned(as: Int64.self)
                return Double(swap ? v.byteSwapped : v)
            case .bool, .uint8:
                return Double(p.load(as: UInt8.self))
            }
        }
    }

    var type: ElementType
    var bigEndian: Bool
    var fortranOrder: Bool
    var shape: [Int]

    /// Reads the three keys NumPy writes; `fail` makes the error for a message.
    static func parse(_ text: String, _ fail: (String) -> NNError) throws -> NpyHeader {
        guard let descr = value(of: "descr", in: text),
              let order = value(of: "fortran_order", in: text),
              let shapeText = value(of: "shape", in: text) else {
            throw fail("malformed .npy header: \(text.trimmingTrailingSpace)")
        }
        let d = descr.filter { $0 != "'" && $0 != "\"" }
        guard d.count >= 2 else { throw fail("malformed dtype '\(d)' in the .npy header") }
        let order0 = d.first! // safe: count checked
        let code = String(d.dropFirst())
        let big: Bool
        switch order0 {
        case "<", "|", "=": big = false
        case ">": big = true
        default: throw fail("unsupported dtype '\(d)' (float64, float32, int32, int64, bool and uint8 are read)")
        }
        let type: ElementType
        switch code {
        case "f8": type = .float64
        case "f4": type = .float32
        case "i4": type = .int32
        case "i8": type = .int64
        case "b1": type = .bool
        case "u1": type = .uint8
        case "O": throw fail("object arrays are not supported (dtype 'O'); save a numeric array")
        default: throw fail("unsupported dtype '\(d)' (float64, float32, int32, int64, bool and uint8 are read)")
        }
        let fortran: Bool
        switch order.trimmingTrailingSpace {
        case "False": fortran = false
        case "True": fortran = true
        default: throw fail("malformed fortran_order '\(order)' in the .npy header")
        }
        let inner = shapeText.filter { $0 != "(" && $0 != ")" && $0 != " " }
        var shape: [Int] = []
        for part in inner.split(separator: ",") {
            guard let k = Int(part.filter { $0 != "L" }), k >= 0 else {
                throw fail("malformed shape '\(shapeText)' in the .npy header")
            }
            shape.append(k)
        }
        return NpyHeader(type: type, bigEndian: big, fortranOrder: fortran, shape: shape)
    }

    /// The text after `'key':` up to the comma that ends it (a tuple's commas are inside parentheses).
    private static func value(of key: String, in text: String) -> String? {
        let chars = Array(text)
        let pattern = Array("'\(key)':")
        guard chars.count >= pattern.count else { return nil }
        var start: Int?
        for i in 0...(chars.count - pattern.count) where Array(chars[i..<(i + pattern.count)]) == pattern {
            start = i + pattern.count
            break
        }
        guard var i = start else { return nil }
        while i < chars.count, chars[i] == " " { i += 1 }
        var depth = 0, out = ""
        while i < chars.count {
            let c = chars[i]
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if depth == 0, c == "," || c == "}" { break }
            out.append(c)
            i += 1
        }
        return out
    }
}

extension String {
    /// The string without trailing spaces and newlines.
    var trimmingTrailingSpace: String {
        var s = self
        while let last = s.last, last == " " || last == "\n" { s.removeLast() }
        return s
    }
}
