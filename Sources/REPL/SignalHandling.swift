@preconcurrency import Glibc
import Lang
import Synchronization

/// Set by SIGINT; read and cleared by the prompt's key reader (`readKey`) and before each evaluation.
let interruptFlag = Atomic<Bool>(false)
/// Set by SIGHUP or SIGTERM (the terminal went away): leave as after Ctrl-D, saving history.
let hangupFlag = Atomic<Bool>(false)

/// The SIGINT handler: it only sets flags (async-signal-safe); the foreground
/// session's interpreter polls its token and the prompt's key reader polls `interruptFlag`.
func handleInterruptSignal(_ signal: Int32) {
    interruptFlag.store(true, ordering: .relaxed)
    ForegroundInterrupt.request()
}

/// The SIGHUP/SIGTERM handler: stops a running cell and makes the prompt return.
func handleHangupSignal(_ signal: Int32) {
    hangupFlag.store(true, ordering: .relaxed)
    ForegroundInterrupt.request()
}

/// Installs the handlers once, without `SA_RESTART`, so that a blocked `read`
/// returns EINTR and `readKey` ends the line.
public enum SignalHandling {
    /// Installs the SIGINT, SIGHUP and SIGTERM handlers of an interactive session;
    /// they stop `foreground`, the interpreter of the session on the terminal.
    public static func install(foreground: InterruptToken) {
        // Touch the atomics before a signal can arrive, so the handler never runs
        // their lazy global initialisation.
        interruptFlag.store(false, ordering: .relaxed)
        hangupFlag.store(false, ordering: .relaxed)
        ForegroundInterrupt.register(foreground)
        ForegroundInterrupt.clear()
        install(handleInterruptSignal, for: SIGINT)
        install(handleHangupSignal, for: SIGHUP)
        install(handleHangupSignal, for: SIGTERM)
    }

    private static func install(_ handler: @convention(c) (Int32) -> Void, for signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }

    /// Whether Ctrl-C was pressed since the last `clear()`.
    public static var interruptRequested: Bool { interruptFlag.load(ordering: .relaxed) }

    /// Whether the terminal hung up or the process was asked to terminate.
    public static var hangupRequested: Bool { hangupFlag.load(ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C, before an evaluation or a new prompt.
    public static func clearInterrupt() {
        interruptFlag.store(false, ordering: .relaxed)
        ForegroundInterrupt.clear()
    }
}
