/// One line of a traceback, as Python prints it: the function that was running
/// and where in its text it was (a call it made, or the error itself).
public struct TraceFrame: Equatable, Sendable {
    /// The running function's name; `<module>` for the chunk's top level.
    public var function: String
    /// Where it was: the call it was making, or for the innermost frame the error.
    public var span: SourceSpan
    /// The chunk `span` points into.
    public var source: SourceText
    /// How many more times the same frame followed it (a recursion), folded into one line.
    public var repeats: Int
}

/// The calls an error unwound through. It is built only while an error unwinds
/// (each call adds a line on its way out), so calls that succeed pay nothing;
/// it is a class so that adding a frame to a diagnostic being rethrown through
/// 20 000 recursive calls does not copy the frames each time.
final class Traceback: @unchecked Sendable {
    /// Innermost first while unwinding.
    fileprivate var frames: [TraceFrame] = []
    /// The call site of the last function unwound, whose caller is not known yet.
    fileprivate var pendingCall: SourceSpan?

    /// Outermost first, as printed.
    var outermostFirst: [TraceFrame] { frames.reversed() }

    /// Names the caller of the pending call site and folds it into the frame before
    /// when it is the same line of the same function (recursion).
    fileprivate func settle(in function: String, source: SourceText) {
        guard let span = pendingCall else { return }
        pendingCall = nil
        if let last = frames.last, last.function == function, last.span == span, last.source === source {
            frames[frames.count - 1].repeats += 1
        } else {
            frames.append(TraceFrame(function: function, span: span, source: source, repeats: 0))
        }
    }

    /// Ends the traceback at the top level of `source`, the chunk that was run.
    func finish(at source: SourceText) {
        settle(in: "<module>", source: source)
    }
}

extension Traceback: Equatable {
    static func == (a: Traceback, b: Traceback) -> Bool {
        a === b || (a.frames == b.frames && a.pendingCall == b.pendingCall)
    }
}

extension Diagnostic {
    /// `error` as it leaves a call of `f` made at `call`: the first function it leaves
    /// is where its span was written; each function adds the line that called it.
    /// Only called on the way out of a failed call (kept out of line so the call path
    /// stays as short as before).
    @inline(never)
    static func unwinding(_ error: Error, from f: Function, calledAt call: SourceSpan) -> Error {
        guard var d = error as? Diagnostic else { return error }
        if let trace = d.trace {
            trace.settle(in: f.name, source: f.source)
            trace.pendingCall = call
        } else {
            let trace = Traceback()
            trace.frames.append(TraceFrame(function: f.name, span: d.span, source: f.source, repeats: 0))
            trace.pendingCall = call
            d.trace = trace
            d.source = f.source
        }
        return d
    }
}
