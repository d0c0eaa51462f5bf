import Testing
import Console

@Suite struct MetaCommandParsing {
    @Test(arguments: [
        (":help", MetaCommand.help),
        ("  :vars  ", .vars),
        (":reset", .reset),
        (":history", .history),
        (":quit", .quit),
        (":q", .quit),
        (":time sum(ones(3))", .time("sum(ones(3))")),
        (":save  session.gbook ", .save("session.gbook")),
        (":load a.gbook", .load("a.gbook")),
        (":run notes/ch1.gbook", .run("notes/ch1.gbook")),
        (":export out.md", .export("out.md")),
        ("?zeros", .builtinHelp("zeros")),
        ("? softmax", .builtinHelp("softmax")),
    ])
    func recognisesEachCommand(line: String, expected: MetaCommand) {
        #expect(MetaCommand.parse(line) == .command(expected))
    }

    @Test(arguments: ["x = 3", "f(x) = x^2", "", "   ", "# a comment", "#' prose", "M[0:2, :]"])
    func leavesLanguageSourceAlone(line: String) {
        #expect(MetaCommand.parse(line) == .source)
    }

    @Test func unknownCommandListsTheKnownOnes() {
        guard case .error(let message) = MetaCommand.parse(":frobnicate now") else {
            Issue.record("expected an error")
            return
        }
        #expect(message.contains("unknown command ':frobnicate'"))
        for name in [":help", ":vars", ":reset", ":time", ":history", ":save", ":load", ":run", ":export", ":quit"] {
            #expect(message.contains(name), "missing \(name)")
        }
    }

    @Test(arguments: [
        (":save", "':save' needs FILE: :save FILE"),
        (":time   ", "':time' needs EXPR: :time EXPR"),
        (":vars x", "':vars' takes no argument (got 'x')"),
        ("?", "'?' needs a builtin name, as in ?zeros; :help lists the commands"),
        ("?1 + 2", "'?1 + 2' is not a name; write ?NAME, as in ?zeros"),
    ])
    func malformedCommandsSayWhatIsMissing(line: String, message: String) {
        #expect(MetaCommand.parse(line) == .error(message))
    }

    @Test func helpTextNamesEveryCommand() {
        let text = MetaCommand.helpText
        for entry in MetaCommand.usage {
            #expect(text.contains(":" + entry.name), "missing :\(entry.name)")
        }
        #expect(text.contains("?NAME"))
    }
}
