import Console
import Lang
import Plots

/// Runs a whole script at once (`gradbook FILE.gb`, or piped standard input):
/// echoes like the REPL, and on an error prints the diagnostic with `FILE:LINE:COL`.
public enum ScriptRunner {
    /// Runs `source`, printing its outputs to standard output and an error to
    /// standard error; returns the exit status, 0 on success and 1 on an error.
    public static func run(_ source: String, origin: String, color: Bool,
                           interpreter: Interpreter = Interpreter()) -> Int32 {
        interpreter.outputHandler = { output in
            switch output {
            case .text(let text): print(text)
            case .plot(let spec): print(Terminal.drawnPlot(spec, color: color))
            }
        }
        guard let diagnostic = interpreter.run(source, origin: origin) else {
            flushStandardOutput()
            return 0
        }
        flushStandardOutput()
        let rendered = diagnostic.render(source: source, origin: origin, color: color)
        writeToStandardError(rendered.hasSuffix("\n") ? rendered : rendered + "\n")
        return 1
    }

    /// Runs the script in the file at `path`; a file that cannot be read is status 1 too.
    public static func runFile(_ path: String, color: Bool, interpreter: Interpreter = Interpreter()) -> Int32 {
        let source: String
        do {
            source = try FileSystem.read(path)
        } catch {
            writeToStandardError("error: cannot read \(error)\n")
            return 1
        }
        return run(source, origin: path, color: color, interpreter: interpreter)
    }
}
