import Lang
import Testing

extension LangSuite {
    /// Dicts keep number keys in their own table (`NumberIndex`), `%` has an integer
    /// shortcut and `d.get` is looked up at the call site; all must behave as before.
    @Suite struct DictFastPathTests {
        /// Random sets, removals and look-ups against a model that finds keys by a linear
        /// search with `DictKey`'s own `==` (so `1 == 1.0`, `0.0 == -0.0`, NaN equals nothing).
        @Test func dictMatchesALinearModel() {
            var state: UInt64 = 0x2545_F491_4F6C_DD1D
            func next(_ n: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(state >> 33) % n
            }
            let pool: [DictKey] = (0..<300).map { .number(Double($0)) }
                + [.number(-0.0), .number(0.5), .number(-3), .number(0x1p60), .number(-0x1p60),
                   .number(.infinity), .number(-.infinity), .number(.nan), .number(1e-300),
                   .string("a"), .string("1"), .bool(true), .tuple([.number(1), .string("x")])]
            let d = DictBox()
            var model: [(DictKey, Double)] = []
            for step in 0..<20_000 {
                let key = pool[next(pool.count)]
                let found = model.firstIndex { $0.0 == key }
                switch next(4) {
                case 0, 1:
                    d.set(key, .number(Double(step)))
                    if let found { model[found].1 = Double(step) } else { model.append((key, Double(step))) }
                case 2:
                    let removed = d.remove(key)
                    #expect((removed == nil) == (found == nil))
                    if let found { model.remove(at: found) }
                default:
                    if case .number(let v)? = d[key] {
                        #expect(found.map { model[$0].1 } == v)
                    } else {
                        #expect(found == nil)
                    }
                }
                #expect(d.count == model.count)
            }
            // NaN equals nothing, itself included: compare the keys as written
            #expect("\(d.keys)" == "\(model.map(\.0))")
            for (i, (_, v)) in model.enumerated() {
                guard case .number(let x) = d.values[i] else { Issue.record("not a number"); continue }
                #expect(x == v)
            }
        }

        @Test func oneAndOnePointZeroAreOneKey() {
            let s = Session()
            #expect(s.eval("d = {}; d[1] = 2; d[1.0] = 3; d[-0.0] = 4; d[0] = 5; [len(d), d[1], d[0]]") == "[2, 3, 5]")
            #expect(s.eval("d = {}; for i in range(3000) d[i % 1009] = i end; [len(d), d[0], d[1008]]") == "[1009, 2018, 2017]")
        }

        /// Figures from CPython 3.11's float `%`: `[7 % -3, -7 % 3, -6 % 3, 6 % -3, 5.5 % 2,
        /// -0.0 % 5, 0.0 % -5, 2.0**53 % 3, (2.0**53+2) % 3, -1e300 % 7, 7 % 0.5]`
        /// is `[-2, 2, 0, 0, 1.5, 0.0, -0.0, 2.0, 1.0, 6.0, 0.0]`.
        @Test func moduloMatchesCPython() {
            let s = Session()
            #expect(s.eval("a = 7; a % -3") == "-2")
            #expect(s.eval("a = -7; a % 3") == "2")
            #expect(s.eval("a = -6; a % 3") == "0")
            #expect(s.eval("a = 6; 1 / (a % -3)") == "-inf")  // -0.0 prints as 0
            #expect(s.eval("a = 5.5; a % 2") == "1.5")
            #expect(s.eval("a = -0.0; 1 / (a % 5)") == "inf")
            #expect(s.eval("a = 0.0; 1 / (a % -5)") == "-inf")
            #expect(s.eval("a = 2**53; a % 3") == "2")
            #expect(s.eval("a = 2**53 + 2; a % 3") == "1")
            #expect(s.eval("a = -1e300; a % 7") == "6")
            #expect(s.eval("a = 7; a % 0.5") == "0")
            #expect(s.eval("a = 7; b = -3; a % b") == "-2")
            #expect(s.eval("a = 7; a % 0") == "nan")
        }

        @Test func getAtTheCallSiteKeepsTheBuiltinsBehaviour() {
            let s = Session()
            s.run("d = {1: \"a\", \"k\": 2, (1, 2): 3};")
            #expect(s.eval("[d.get(1.0), d.get(\"k\"), d.get((1, 2)), d.get(5), d.get(5, 7)]") == "[\"a\", 2, 3, nothing, 7]")
            #expect(s.eval("d.get([1])") == "error: a dict key must be a number, string, bool or a tuple of them, got tensor")
            #expect(s.eval("d.get(1, 2, 3)").hasPrefix("error: "))
            #expect(s.eval("get(d, 1)") == "\"a\"")
            // the default is evaluated even when the key is found, as an argument is
            #expect(s.eval("xs = []; d.get(1, xs.append(0)); len(xs)") == "1")
        }
    }
}
