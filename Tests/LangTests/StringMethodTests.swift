import Lang
import Testing

extension LangSuite {
    /// String methods against what CPython 3.11 gives for the same calls (each expected
    /// value below is Python's, printed with this language's double quotes).
    @Suite struct StringMethodTests {
        @Test func caseAndWhitespace() {
            let s = Session()
            #expect(s.eval("\"Adam\".upper()") == "\"ADAM\"")
            #expect(s.eval("\"SGD\".lower()") == "\"sgd\"")
            // "  loss \n".strip() == 'loss'; "xxhixx".strip("x") == 'hi'
            #expect(s.eval("\"  loss \\n\".strip()") == "\"loss\"")
            #expect(s.eval("\"xxhixx\".strip(\"x\")") == "\"hi\"")
            #expect(s.eval("\"   \".strip()") == "\"\"")
        }

        @Test func splitAndJoin() {
            let s = Session()
            // "a,b,,c".split(",") == ['a', 'b', '', 'c']; "  two  words ".split() == ['two', 'words']
            #expect(s.eval("\"a,b,,c\".split(\",\")") == "[\"a\", \"b\", \"\", \"c\"]")
            #expect(s.eval("\"  two  words \".split()") == "[\"two\", \"words\"]")
            #expect(s.eval("\"a--b\".split(\"--\")") == "[\"a\", \"b\"]")
            #expect(s.eval("\"\".split()") == "[]")
            #expect(s.eval("\", \".join([\"sgd\", \"adam\"])") == "\"sgd, adam\"")
            #expect(s.eval("\"-\".join((\"a\", \"b\", \"c\"))") == "\"a-b-c\"")
            #expect(s.eval("\"x\".split(\"\")") == "error: split() needs a non-empty separator")
            #expect(s.eval("\",\".join([\"a\", 1])") == "error: join() item 1 is a number, not a string")
            // A line of a CSV file back into numbers (a tensor, as the literal rule makes it).
            #expect(s.eval("[float(p) for p in \"1.5,2,3\".split(\",\")]") == "[1.5, 2.0, 3.0]")
            // float(" 2 ") == 2.0, float("-1e3") == -1000.0, float("inf") == inf
            #expect(s.eval("(float(\" 2 \"), float(\"-1e3\"), float(\"inf\"))") == "(2, -1000, inf)")
            #expect(s.eval("float(\"abc\")") == "error: float() cannot read \"abc\" as a number")
        }

        @Test func searchingAndReplacing() {
            let s = Session()
            // "lr=0.1".replace("0.1", "0.01") == 'lr=0.01'; "aaaa".replace("a", "b", 2) == 'bbaa'
            #expect(s.eval("\"lr=0.1\".replace(\"0.1\", \"0.01\")") == "\"lr=0.01\"")
            #expect(s.eval("\"aaaa\".replace(\"a\", \"b\", 2)") == "\"bbaa\"")
            #expect(s.eval("\"relu6\".startswith(\"relu\")") == "true")
            #expect(s.eval("\"data.csv\".endswith(\".npy\")") == "false")
            // "epoch 12".find("12") == 6; "héllo".find("l") == 2 (characters, as len counts)
            #expect(s.eval("\"epoch 12\".find(\"12\")") == "6")
            #expect(s.eval("\"héllo\".find(\"l\")") == "2")
            #expect(s.eval("\"abc\".find(\"z\")") == "-1")
            // "banana".count("an") == 2; "aaa".count("aa") == 1; "abc".count("") == 4
            #expect(s.eval("\"banana\".count(\"an\")") == "2")
            #expect(s.eval("\"aaa\".count(\"aa\")") == "1")
            #expect(s.eval("\"abc\".count(\"\")") == "4")
        }

        @Test func errorsNameTheMethodAndTheValue() {
            let s = Session()
            #expect(s.eval("\"a\".upper(1)") == "error: upper() takes 1 argument but 2 were given")
            #expect(s.eval("\"a\".startswith(1)") == "error: startswith() expects prefix to be a string, got number")
            let d = s.run("\"a\".uper()").diagnostic
            #expect(d?.message == "string has no method 'uper'")
            #expect(d?.notes.first == "did you mean 'upper'?")
            // The methods are not global names: `split` stays the tensor builtin.
            #expect(s.eval("upper(\"a\")") == "error: unknown name 'upper'")
            #expect(s.eval("len(split(arange(4), 2))") == "2")
        }

        @Test func everyExampleRunsAndHelpFindsIt() {
            for b in Registry.stringMethods.values {
                let s = Session()
                #expect(s.run(b.example).diagnostic == nil, "example of \(b.name): \(b.example)")
            }
            let interpreter = Interpreter()
            #expect(interpreter.help(for: "upper")?.contains("a method of strings") == true)
            interpreter.run("name = \"adam\"", origin: "test")
            #expect(interpreter.completions(for: "name.st") == ["name.startswith", "name.strip"])
        }
    }
}
