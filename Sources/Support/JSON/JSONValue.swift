import FoundationEssentials

/// A JSON document held as a value: what `.ipynb` files and Jupyter messages are
/// made of. Both have open-ended fields (metadata, MIME bundles), so a closed set
/// of `Codable` structs would drop what another tool wrote.
public enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; integers up to 2^53 are exact.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order is not kept (output sorts keys, as nbformat does).
    case object([String: JSONValue])

    /// A JSON text that does not parse.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        /// What the decoder reported.
        public var description: String
    }

    /// Parses UTF-8 JSON text.
    /// - Throws: `JSONValue.SyntaxError` with the decoder's reason.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            if bytes.isEmpty { throw SyntaxError(description: "the text is empty") }
            throw SyntaxError(description: JSONSyntaxLocator.describe(bytes)
                                  ?? context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        } catch {
            throw SyntaxError(description: "\(error)")
        }
    }

    /// Parses JSON text.
    /// - Throws: `JSONValue.SyntaxError` with the decoder's reason.
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// UTF-8 JSON text with keys sorted; `pretty` indents it for files people read and diff.
    public func serialized(pretty: Bool = false) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding cannot fail: non-finite numbers are written as null below.
        guard let data = try? encoder.encode(self) else { return Array("null".utf8) }
        return Array(data)
    }

    /// `serialized(pretty:)` as a string.
    public func text(pretty: Bool = false) -> String {
        String(decoding: serialized(pretty: pretty), as: UTF8.self)
    }
}

extension JSONValue {
    /// The member `key` of an object; nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, if this is one.
    public var numberValue: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// The number as an `Int`, if this is an integral number in range.
    public var intValue: Int? {
        guard case .number(let x) = self, x.rounded() == x, abs(x) < 9.0e15 else { return nil }
        return Int(x)
    }

    /// The Boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// nbformat's multi-line strings: either one string or an array of line strings.
    public var joinedText: String? {
        switch self {
        case .string(let s): return s
        case .array(let parts):
            var text = ""
            for part in parts {
                guard case .string(let s) = part else { return nil }
                text += s
            }
            return text
        default: return nil
        }
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let x = try? container.decode(Double.self) {
            self = .number(x)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value; integral numbers are written without a fraction
    /// (`3`, not `3.0`), as Jupyter's execution counts must be.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let x):
            if !x.isFinite {
                try container.encodeNil()
            } else if x.rounded() == x, abs(x) < 9.0e15 {
                try container.encode(Int64(x))
            } else {
                try container.encode(x)
            }
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A float literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal (a later duplicate key wins).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `nil` is JSON null.
    public init(nilLiteral: ()) { self = .null }
}
