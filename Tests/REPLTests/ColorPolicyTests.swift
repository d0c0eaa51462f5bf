import Testing
import Console
import REPL

@Suite struct ColourDecisions {
    private func env(_ values: [String: String]) -> (String) -> String? { { values[$0] } }

    @Test func colourOnATerminalWithoutNoColor() {
        #expect(ColorPolicy.useColor(isTTY: true, environment: env(["TERM": "xterm-256color"])))
    }

    @Test func noColourWhenNotATerminal() {
        #expect(!ColorPolicy.useColor(isTTY: false, environment: env(["TERM": "xterm"])))
    }

    @Test(arguments: ["1", "true", "0", "anything"])
    func noColorWithAnyNonEmptyValueDisablesColour(value: String) {
        #expect(!ColorPolicy.useColor(isTTY: true, environment: env(["NO_COLOR": value, "TERM": "xterm"])))
    }

    @Test func anEmptyNoColorIsIgnored() {
        // no-color.org: only a non-empty NO_COLOR turns colour off.
        #expect(ColorPolicy.useColor(isTTY: true, environment: env(["NO_COLOR": "", "TERM": "xterm"])))
    }

    @Test func dumbTerminalGetsNoColour() {
        #expect(!ColorPolicy.useColor(isTTY: true, environment: env(["TERM": "dumb"])))
    }
}

@Suite struct StateLocations {
    @Test func historyInHomeAndJournalsUnderXDGState() {
        let paths = StatePaths.resolve(environment: { ["HOME": "/home/ada", "XDG_STATE_HOME": "/var/st"][$0] })
        #expect(paths == StatePaths(historyFile: "/home/ada/.gradbook_history", journalDirectory: "/var/st/gradbook"))
    }

    @Test func journalsDefaultToLocalState() {
        let paths = StatePaths.resolve(environment: { ["HOME": "/home/ada"][$0] })
        #expect(paths?.journalDirectory == "/home/ada/.local/state/gradbook")
    }

    @Test func nothingPersistedWithoutHome() {
        #expect(StatePaths.resolve(environment: { _ in nil }) == nil)
    }
}

@Suite struct PlotWidthDecisions {
    private func env(_ values: [String: String]) -> (String) -> String? { { values[$0] } }

    @Test func offATerminalPlotsAre72ColumnsWhateverTheWindow() {
        #expect(Terminal.plotWidth(isTTY: false, windowColumns: 200, environment: env(["COLUMNS": "150"])) == 72)
    }

    @Test func onATerminalTheWindowLessTheLabelsDecides() {
        // 100 columns less 12 for the y labels and the axis.
        #expect(Terminal.plotWidth(isTTY: true, windowColumns: 100, environment: env([:])) == 88)
    }

    @Test func columnsStandsInWhenTheTerminalDoesNotSay() {
        #expect(Terminal.plotWidth(isTTY: true, windowColumns: 0, environment: env(["COLUMNS": "60"])) == 48)
        #expect(Terminal.plotWidth(isTTY: true, windowColumns: 0, environment: env([:])) == 72)
    }

    @Test func narrowAndHugeWindowsAreClamped() {
        #expect(Terminal.plotWidth(isTTY: true, windowColumns: 20, environment: env([:])) == 30)
        #expect(Terminal.plotWidth(isTTY: true, windowColumns: 500, environment: env([:])) == 200)
    }
}
