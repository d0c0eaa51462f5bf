import Lang
import Testing

extension LangSuite {
    /// What a person coming from Python types without thinking: `int`, `dict`, `min` of
    /// three values, a generator argument, `print(..., sep=)`. Expected values are
    /// CPython 3.11's.
    @Suite struct PythonHabitTests {
        @Test func intCutsTowardZeroAndReadsIntegers() {
            let s = Session()
            // int(-2.7) == -2, int(2.7) == 2, int(True) == 1, int(" 42 ") == 42
            #expect(s.eval("(int(-2.7), int(2.7), int(true), int(\" 42 \"), int([5.9]))") == "(-2, 2, 1, 42, 5)")
            #expect(s.eval("int(\"3.5\")") == "error: int() cannot read \"3.5\" as an integer")
            #expect(s.eval("int(nan)") == "error: int() cannot convert nan to an integer")
            #expect(s.eval("int([1, 2])") == "error: int() needs a number, bool, one-element tensor or string, got tensor")
        }

        @Test func dictFromKeywordsPairsAndAnotherDict() {
            let s = Session()
            // dict(a=1, b=2) == {'a': 1, 'b': 2}; dict([("x", 1), (2, "y")]) == {'x': 1, 2: 'y'}
            #expect(s.eval("dict(a=1, b=2)") == "{\"a\": 1, \"b\": 2}")
            #expect(s.eval("dict([(\"x\", 1), (2, \"y\")])") == "{\"x\": 1, 2: \"y\"}")
            #expect(s.eval("dict({1: 2}, c=3)") == "{1: 2, \"c\": 3}")
            // A copy: adding to it leaves the original as it was.
            #expect(s.eval("d = {1: 2}; e = dict(d); e[3] = 4; (len(d), len(e))") == "(1, 2)")
            #expect(s.eval("dict()") == "{}")
            #expect(s.eval("dict([(1, 2), 3])") == "error: dict() entry 1 is not a (key, value) pair")
            // A literal of numbers is a tensor, not a list of pairs.
            #expect(s.eval("dict([1, 2])") == "error: dict() needs a dict or a list of (key, value) pairs, got tensor")
        }

        @Test func minAndMaxOfThreeArgumentsAreRefusedNotMisread() {
            let s = Session()
            // Python's min(3, 4, 1) is 1; reading the 1 as axis= gave 3.
            #expect(s.eval("min(3, 4, 1)")
                    == "error: min(x, y) compares two values elementwise and takes no axis; for the smallest of several values write min([a, b, c])")
            #expect(s.eval("min([3, 4, 1])") == "1")
            #expect(s.eval("max(2, 7)") == "7")
            #expect(s.eval("max([[1, 5], [3, 2]], axis=0)") == "[3, 5]")
        }

        @Test func generatorArgumentsAndPrintSeparators() {
            let s = Session()
            // sum(x**2 for x in range(4)) == 14; max(i % 7 for i in range(20) if i > 3) == 6
            #expect(s.eval("sum(x^2 for x in range(4))") == "14")
            #expect(s.eval("max(i % 7 for i in range(20) if i > 3)") == "6")
            #expect(s.eval("sum(x for x in range(3), 1)")
                    == "error: a generator argument must be the only one; put it in brackets: [... for ...] at ','")
            // print(1, 2, sep=", ") prints "1, 2"
            #expect(s.run("print(1, 2, sep=\", \")").output == "1, 2")
            #expect(s.run("print(\"a\", \"b\")").output == "a b")
            #expect(s.eval("print(1, sep=3)") == "error: print() expects sep to be a string, got number")
        }
    

        @Test func masksCombineWithAmpersandBarAndTilde() {
            let s = Session()
            s.run("x = [1, 2, 3, 4]")
            // NumPy: (x > 1) & (x < 4) -> [F, T, T, F]; (x < 2) | (x > 3) -> [T, F, F, T];
            // ~(x > 2) -> [T, T, F, F]; x[(x > 1) & (x < 4)] -> [2, 3]
            #expect(s.eval("(x > 1) & (x < 4)") == "[false,  true,  true, false]")
            #expect(s.eval("(x < 2) | (x > 3)") == "[ true, false, false,  true]")
            #expect(s.eval("~(x > 2)") == "[ true,  true, false, false]")
            #expect(s.eval("x[(x > 1) & (x < 4)]") == "[2, 3]")
            #expect(s.eval("(true & false, true | false, ~true)") == "(false, true, false)")
            // Numbers are refused, not read as bits; comparisons bind looser, as in Python.
            #expect(s.eval("3 & 5") == "error: & takes booleans or boolean tensors (comparisons give them), got number")
            #expect(s.eval("~x") == "error: ~ takes a boolean or a boolean tensor (comparisons give them), got tensor of numbers")
            #expect(s.eval("(x > 1) & 2") == "error: & takes booleans or boolean tensors (comparisons give them), got number")
            // `&&` is still refused with the hint to write `and`.
            #expect(s.run("true && false").diagnostic?.notes.first?.hasPrefix("write 'and' for '&&'") == true)
        }
    

        @Test func comparisonsChainAsInPython() {
            let s = Session()
            // Python: 0 < 0.5 < 1 is True, 0 < 2 < 1 is False, 1 <= 2 <= 2 <= 3 is True
            #expect(s.eval("x = 0.5; 0 < x < 1") == "true")
            #expect(s.eval("x = 2; 0 < x < 1") == "false")
            #expect(s.eval("1 <= x <= 2 <= 3") == "true")
            #expect(s.eval("a = 1; a == x - 1 == 1") == "error: a chained comparison needs a name or number in the middle; write (a < m) and (m < b) at '=='")
        }
    

        @Test func listMethodsAsInPython() {
            let s = Session()
            // ["sgd", "adam", 3].index("adam") == 1; [(1, 2), "x"].index((1, 2)) == 0
            #expect(s.eval("[\"sgd\", \"adam\", 3].index(\"adam\")") == "1")
            #expect(s.eval("[(1, 2), \"x\"].index((1, 2))") == "0")
            #expect(s.eval("[\"a\"].index(\"z\")") == "error: index(): \"z\" is not in the list")
            // l = ["a", "b", "a"]; l.remove("a") leaves ['b', 'a']; l.count("a") == 1
            #expect(s.eval("l = [\"a\", \"b\", \"a\"]; l.remove(\"a\"); l") == "[\"b\", \"a\"]")
            #expect(s.eval("l.count(\"a\")") == "1")
            #expect(s.eval("l.remove(\"z\")") == "error: remove(): \"z\" is not in the list")
            #expect(s.eval("l.reverse(); l") == "[\"a\", \"b\"]")
            #expect(s.eval("m = l.copy(); m.clear(); (len(l), len(m))") == "(2, 0)")
            // They are methods, not globals; `count` of a string is the string method.
            #expect(s.eval("index(l, \"a\")") == "error: unknown name 'index'")
            #expect(s.eval("\"banana\".count(\"a\")") == "3")
            #expect(Interpreter().help(for: "remove")?.contains("a method of lists") == true)
            for b in Registry.listMethods.values {
                #expect(Session().run(b.example).diagnostic == nil, "example of \(b.name): \(b.example)")
            }
        }
    }
}
