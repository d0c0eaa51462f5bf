import Tensor

/// What a builtin body can reach besides its arguments: calling a language
/// function value, the interpreter's random generator, output and progress.
public struct CallContext {
    let machine: Machine
    /// First free slot of the value stack: a callback's frame starts here.
    let base: UnsafeMutablePointer<Value>
    /// The span of the call, for diagnostics.
    public let span: SourceSpan

    /// Calls a function value (language function, builtin, callable object)
    /// with positional and keyword arguments.
    /// - Throws: the callee's diagnostic, unchanged.
    public func call(_ function: Value, _ arguments: [Value], keywords: [(String, Value)] = []) throws -> Value {
        try machine.call(function, arguments, keywords: keywords, base: base, span: span)
    }

    /// The interpreter's random generator (`seed(n)` resets it).
    public var random: RandomGenerator { machine.random }

    /// The interpreter's progress callback, if the front end set one.
    public var progressHandler: ((Progress) -> Void)? { machine.progressHandler }

    /// Sends text or a plot to the front end.
    public func emit(_ output: Output) { machine.outputHandler(output) }

    /// Formats a value the way echo does (current precision).
    public func format(_ value: Value) -> String { machine.formatter.format(value) }

    /// Throws the interruption diagnostic when Ctrl-C was pressed: long
    /// builtins call this between steps.
    public func checkInterrupt() throws {
        if machine.interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
    }

    /// Whether the interpreter was asked to stop: for a lower layer's `shouldStop`,
    /// which ends a loop cleanly rather than throwing.
    public var isInterrupted: Bool { machine.interruption.isRequested }

    /// The file to open for the path argument `name`, through the session's
    /// `FileAccess`: every builtin that opens a file must get its path here.
    /// - Throws: a diagnostic at the argument naming the path and the flag that allows it.
    public func path(_ args: Arguments, _ name: String = "path") throws -> String {
        let written = try args.string(name)
        do { return try machine.fileAccess.resolve(written) } catch let refusal as FileAccess.Refusal {
            throw Diagnostic(.value, refusal.description, args.span(name))
        }
    }

    /// A diagnostic at the call.
    public func error(_ message: String, kind: Diagnostic.Kind = .value) -> Diagnostic {
        Diagnostic(kind, message, span)
    }
}
