import Foundation
import Lang
import Testing

extension LangSuite {
    /// The registry's typed signatures: every example runs, every name a body
    /// reads is a declared parameter, defaults fit their types.
    @Suite struct SignatureTests {
        static let builtinsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Lang/Builtins")

        /// Names the examples use without defining them (`fit(model, X, Y, ...)`).
        static let prelude = """
            model = Sequential(Dense(2, 4), Tanh(), Dense(4, 1));
            X = [[0, 0], [0, 1], [1, 0], [1, 1]];
            Y = [[0], [1], [1], [0]];
            """

        /// Every builtin's example runs without an error, and reads only names its
        /// builtin declares. File examples use relative names ("data.csv"): they are
        /// pointed at a fresh folder holding the files they read.
        @Test func everyExampleRunsAndReadsDeclaredNames() throws {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("gradbook-examples-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let setup = Interpreter()
            #expect(setup.run("save_csv(\"\(folder)/data.csv\", [[1, 2], [3, 4]]); save_npy(\"\(folder)/weights.npy\", eye(2))",
                              origin: "setup") == nil)
            var ran = 0
            for group in Registry.groups {
                for b in group.builtins {
                    let example = SignatureTests.localised(b.example, folder)
                    let interpreter = Interpreter()
                    #expect(interpreter.run(SignatureTests.prelude, origin: "prelude") == nil)
                    let d = interpreter.run(example, origin: "example")
                    #expect(d == nil, "example of \(b.name) fails: \(example) -> \(d?.message ?? "")")
                    ran += 1
                }
            }
            #expect(ran == Registry.all.count)
            #expect(Arguments.misreads.isEmpty, "builtins read undeclared names: \(Arguments.misreads.sorted())")
        }

        /// String literals naming a .csv or .npy file, moved into `folder`.
        static func localised(_ example: String, _ folder: String) -> String {
            var out = example
            for file in ["data.csv", "out.csv", "weights.npy"] {
                out = out.replacingOccurrences(of: "\"\(file)\"", with: "\"\(folder)/\(file)\"")
            }
            return out
        }

        /// Reads the examples do not reach: in each topic file, every parameter name a
        /// body reads as a literal (`args.int("epochs")`, `args["x"]`, `args, "opt"`) is
        /// declared in that file.
        @Test func everyNameReadInATopicFileIsDeclaredThere() throws {
            let files = try FileManager.default.contentsOfDirectory(atPath: SignatureTests.builtinsFolder.path)
                .filter { $0.hasSuffix(".swift") }
            #expect(files.count > 10)
            let read = try NSRegularExpression(pattern: #"args(?:\.\w+\(|\[|, )"(\w+)""#)
            let declared = try NSRegularExpression(pattern: #"(?:\.init|Parameter|\.variadic)\("(\w+)""#)
            var checked = 0
            for file in files {
                // Doc comments show calls of builtins that do not exist (Arguments.swift).
                let text = try String(contentsOf: SignatureTests.builtinsFolder.appendingPathComponent(file), encoding: .utf8)
                    .split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("///") }
                    .joined(separator: "\n")
                let range = NSRange(text.startIndex..., in: text)
                func names(_ r: NSRegularExpression) -> Set<String> {
                    Set(r.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
                }
                let reads = names(read), declarations = names(declared)
                for name in reads {
                    #expect(declarations.contains(name), "\(file) reads '\(name)', which no builtin in it declares")
                    checked += 1
                }
            }
            #expect(checked > 100)
        }

        /// A default is a value its own parameter accepts, so a call that leaves it
        /// out never fails the check it skips.
        @Test func defaultsFitTheirTypes() {
            for b in Registry.all.values {
                for p in b.parameters {
                    if let d = p.defaultValue { #expect(p.accepts(d), "\(b.name)(\(p.name)=...) default does not fit \(p.type.name)") }
                    #expect(!p.doc.isEmpty, "\(b.name)(\(p.name)) lacks a doc line")
                }
                #expect(b.parameters.filter(\.isVariadic).count <= 1, "\(b.name) has two variadic parameters")
            }
        }

        /// The check runs before the body and names the builtin, the parameter and the type.
        @Test func wrongTypesAreReportedAtTheArgument() {
            // (call, message, the text where the argument at fault starts)
            let cases: [(String, String, String)] = [
                ("fit(model, X, Y, epochs=\"ten\")", "fit() expects epochs to be an integer, got string", "epochs="),
                ("SGD(lr=\"fast\")", "SGD() expects lr to be a number or a schedule, got string", "lr="),
                ("minimize(x -> x^2, 1, 3)", "minimize() expects opt to be an optimiser such as SGD(lr=0.1), got number", "3)"),
                ("grad(3, 1)", "grad() expects f to be a function, got number", "3,"),
                ("plot([1, 2], [3, 4], title=1)", "plot() expects title to be a string, got number", "title="),
                ("zeros(2, \"a\")", "zeros() expects its sizes to be integers, got string", "\"a\""),
                ("zeros(2, 2.5)", "zeros() expects its sizes to be integers, got 2.5", "2.5"),
                ("full(2.5, 1)", "full() expects shape to be a shape (integers), got 2.5", "2.5"),
                ("round(2.5, 0.5)", "round() expects decimals to be an integer, got 0.5", "0.5)"),
            ]
            for (source, message, argument) in cases {
                let interpreter = Interpreter()
                #expect(interpreter.run(SignatureTests.prelude, origin: "prelude") == nil)
                let d = interpreter.run(source, origin: "cell")
                #expect(d?.message == message, "\(source)")
                let offset = source.range(of: argument).map { source.utf8.distance(from: source.startIndex, to: $0.lowerBound) }
                #expect(d?.span.start == offset, "\(source): at \(d?.span.start ?? -1)")
            }
        }

        /// Tab inside a call offers the callee's keyword names before other names.
        @Test func keywordNamesCompleteInsideACall() {
            let i = Interpreter()
            #expect(i.completions(for: "ep", after: "h = fit(model, X, Y, ") == ["epochs="])
            // In the order of the signature, as help lists them.
            #expect(i.completions(for: "e", after: "fit(model, X, Y, ").prefix(2) == ["epochs=", "early_stopping="])
            // The innermost open call counts; a closed one does not.
            #expect(i.completions(for: "ax", after: "sum(mean(x, ") == ["axis="])
            #expect(i.completions(for: "ax", after: "sum(x) + ") == [])
            #expect(i.completions(for: "st", after: "fit(model, X, ").contains("stack"))
            // Parentheses inside strings are text; a variadic parameter has no keyword.
            #expect(i.completions(for: "ax", after: "print(\"sum(\", ") == [])
            #expect(i.run("m = Dense(2, 1)", origin: "cell") == nil)
            #expect(i.completions(for: "", after: "m(").first == "X=")
        }

        /// `?name` lists each parameter with its type, default and doc.
        @Test func helpListsTypedParameters() throws {
            let h = try #require(Interpreter().help(for: "linspace"))
            let lines = h.split(separator: "\n").map(String.init)
            #expect(lines.first == "linspace(start, stop, count=50)")
            #expect(lines.contains("    start: number        the first number"))
            #expect(lines.contains("    count: integer = 50  how many numbers"))
            #expect(lines.last == "    example: linspace(0, 1, 5)")
        }
    }
}
