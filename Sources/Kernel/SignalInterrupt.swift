import Glibc
import Lang

/// Jupyter's `interrupt_mode: signal` sends SIGINT; it stops the running cell
/// the way Ctrl-C does at the prompt. The handler only sets the kernel
/// interpreter's token, registered as the foreground one.
enum SignalInterrupt {
    static func install(foreground: InterruptToken) {
        ForegroundInterrupt.register(foreground)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in ForegroundInterrupt.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        signal(SIGPIPE, SIG_IGN)
    }
}
