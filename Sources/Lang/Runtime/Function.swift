import Synchronization

/// A function or closure written in the language. Its body was compiled once;
/// a call writes the arguments into slots 1…n of a fresh frame and runs `body` on
/// that frame (a closure also becomes the machine's running closure, to reach its
/// captures).
public final class Function {
    /// Its name (`lambda` for anonymous ones).
    public let name: String
    /// Parameter names in order.
    let parameterNames: [String]
    /// Default values, evaluated when the definition ran; nil for required parameters.
    let defaults: [Value?]
    /// Slots the frame needs (callee + parameters + locals).
    let frameSize: Int
    /// Variables of enclosing functions this closure uses.
    let captures: [Cell]
    /// The compiled body: creates cells for captured locals, runs, returns the result.
    let body: (UnsafeMutablePointer<Value>) throws -> Value
    /// Where it was defined.
    let span: SourceSpan
    /// The chunk it was written in: errors inside it are drawn against this text.
    let source: SourceText
    /// `parameterNames.count`, kept flat for the call fast path.
    let arity: Int
    /// True when `captures` is non-empty: only closures become the running closure.
    let isClosure: Bool
    /// Where each captured cell keeps its value, flat: a capture read follows one pointer
    /// instead of indexing `captures` (a bounds check, and a retain and release of the cell).
    /// `captures` keeps the cells alive.
    let captured: UnsafeMutablePointer<UnsafeMutablePointer<Value>>
    /// A number no other function of the process has: what a call site's plan remembers
    /// its function by (an address can pass to a new function once this one is freed,
    /// and holding the function itself would make a cycle through its own body).
    let serial: Int

    private static let serials = Atomic<Int>(0)

    init(name: String, parameterNames: [String], defaults: [Value?], frameSize: Int, captures: [Cell],
         span: SourceSpan, source: SourceText, body: @escaping (UnsafeMutablePointer<Value>) throws -> Value) {
        self.name = name
        self.parameterNames = parameterNames
        self.defaults = defaults
        self.frameSize = frameSize
        self.captures = captures
        self.span = span
        self.source = source
        self.body = body
        self.arity = parameterNames.count
        self.isClosure = !captures.isEmpty
        serial = Function.serials.wrappingAdd(1, ordering: .relaxed).newValue
        captured = .allocate(capacity: Swift.max(1, captures.count))
        for (i, cell) in captures.enumerated() { (captured + i).initialize(to: cell.pointer) }
    }

    deinit { captured.deallocate() }

    /// `f(x, y=1)`.
    var signature: String {
        let ps = zip(parameterNames, defaults).map { n, d in d.map { "\(n)=\(ValueFormatter.brief($0))" } ?? n }
        return "\(name)(\(ps.joined(separator: ", ")))"
    }
}
