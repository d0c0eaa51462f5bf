@preconcurrency import CReadline
@preconcurrency import Glibc

// readline calls these C functions from its own code; they are named functions in
// their own file because a `@convention(c)` closure written inline in main code is
// inferred main-actor isolated and traps when a signal lands on another thread.

/// The completion source readline's callback asks; set by `ReadlineReader`.
nonisolated(unsafe) var completionProvider: ((String) -> [String])?
/// The matches of the word being completed, handed out one by one to readline.
nonisolated(unsafe) var pendingMatches: [String] = []
/// Set by the event hook when Ctrl-C made readline return an abandoned line.
nonisolated(unsafe) var promptInterrupted = false
/// Set by the event hook when a hang-up made readline return.
nonisolated(unsafe) var promptHungUp = false

/// readline's `rl_attempted_completion_function`: our matches only, never file names.
func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard let text else { return nil }
    let prefix = String(cString: text)
    pendingMatches = completionProvider?(prefix) ?? []
    guard !pendingMatches.isEmpty else { return nil }
    return rl_completion_matches(text, completionGenerator)
}

/// readline's generator: returns the next match (a `strdup`ed string readline frees), then nil.
func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { pendingMatches.reverse() }
    guard let next = pendingMatches.popLast() else { return nil }
    return strdup(next)
}

/// readline's `rl_signal_event_hook`, called after a signal interrupted its read:
/// on Ctrl-C it abandons the line and makes `readline` return, so the REPL can drop a
/// continued entry too and show a fresh `gb> `.
func signalEventHook() -> Int32 {
    if interruptFlag.load(ordering: .relaxed) {
        interruptFlag.store(false, ordering: .relaxed)
        promptInterrupted = true
        rl_replace_line("", 0)
        rl_done = 1
    } else if hangupFlag.load(ordering: .relaxed) {
        promptHungUp = true
        rl_done = 1
    }
    return 0
}
