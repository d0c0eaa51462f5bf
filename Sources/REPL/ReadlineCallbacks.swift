@preconcurrency import CReadline
@preconcurrency import Glibc

// readline calls these C functions from its own code; they are named functions in
// their own file because a `@convention(c)` closure written inline in main code is
// inferred main-actor isolated and traps when a signal lands on another thread.

/// The completion source readline's callback asks (the word, the line before it);
/// set by `ReadlineReader`.
nonisolated(unsafe) var completionProvider: ((String, String) -> [String])?
/// The matches of the word being completed, handed out one by one to readline.
nonisolated(unsafe) var pendingMatches: [String] = []
/// Set by `readKey` when Ctrl-C made readline return an abandoned line.
nonisolated(unsafe) var promptInterrupted = false
/// Set by `readKey` when a hang-up made readline return.
nonisolated(unsafe) var promptHungUp = false

/// readline's `rl_attempted_completion_function`: our matches only, never file names.
func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard let text else { return nil }
    let prefix = String(cString: text)
    // `start` is a byte offset into the line; the text before it says which call we are in.
    var before = ""
    if let line = rl_line_buffer, start > 0 {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: Int(start))
        before = String(decoding: bytes, as: UTF8.self)
    }
    pendingMatches = completionProvider?(prefix, before) ?? []
    guard !pendingMatches.isEmpty else { return nil }
    return rl_completion_matches(text, completionGenerator)
}

/// readline's generator: returns the next match (a `strdup`ed string readline frees), then nil.
func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { pendingMatches.reverse() }
    guard let next = pendingMatches.popLast() else { return nil }
    return strdup(next)
}

/// readline's `rl_getc_function`: reads one byte, and turns a Ctrl-C or a hang-up
/// that interrupts the read (EINTR: the handlers are installed without
/// `SA_RESTART`) into the end of the line, so `readline` returns at once.
///
/// readline's own `rl_signal_event_hook` route was tried first: it runs after the
/// signal, but readline then goes back to `read` and swallows the next key before
/// it looks at `rl_done`, so the first key typed after Ctrl-C was lost.
func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let descriptor = stream.map { fileno($0) } ?? 0
    var byte: UInt8 = 0
    while true {
        let count = read(descriptor, &byte, 1)
        if count == 1 { return Int32(byte) }
        if count == 0 { return EOF }
        guard errno == EINTR else { return EOF }
        if interruptFlag.load(ordering: .relaxed) {
            interruptFlag.store(false, ordering: .relaxed)
            promptInterrupted = true
            // Show the abandoned line ending in ^C, as a shell does; readline's
            // newline on accept follows it.
            rl_point = rl_end
            rl_redisplay()
            fputs("^C", rl_outstream ?? stdout)
            return 10
        }
        if hangupFlag.load(ordering: .relaxed) {
            promptHungUp = true
            return EOF
        }
    }
}
