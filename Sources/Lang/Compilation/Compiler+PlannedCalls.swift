/// Calls of a global function with keywords or more than three arguments:
/// `f(x, scale=2.0, shift=1.0)`.
///
/// The general path matched keywords to parameters by name on every call, in four
/// fresh arrays (values, keywords, the bound optionals, the result): 5.8× CPython on a
/// loop of such calls. Here the site works out once per function which parameter each
/// of its arguments sets and which defaults fill the rest (`CallPlan`), evaluates the
/// arguments into stack memory and moves them into the frame.
extension Compiler {
    /// Initialises `destination[0..<n]` with the values of `n` arguments, in order; on an
    /// error, none stays initialised.
    typealias ArgumentsInto = (_ b: UnsafeMutablePointer<Value>, _ destination: UnsafeMutablePointer<Value>) throws -> Void

    func plannedCall(_ cell: UnsafeMutablePointer<Value>, _ code: [Compiled], keywords: [String],
                     _ argSpans: [SourceSpan], _ keywordSpans: [SourceSpan],
                     general: @escaping Eval, _ frame: Int, _ span: SourceSpan) -> Eval {
        let m = machine, count = code.count
        let positionalCount = count - keywords.count
        let plan = CallPlan(positionalCount: positionalCount, keywords: keywords)
        let evaluate = argumentsInto(code[...])
        return { b in
            guard case .function(let callee) = cell.pointee else { return try general(b) }
            let u = Unmanaged.passUnretained(callee)
            // The arguments run first, the plan is checked after: evaluating them may run
            // code, but cannot put another function in a global without pinning this one.
            return try withUnsafeTemporaryAllocation(of: Value.self, capacity: count) { buffer in
                // A planned call has at least one argument (a keyword or four positionals).
                guard let values = buffer.baseAddress else { return try general(b) }
                try evaluate(b, values)
                return try u._withUnsafeGuaranteedRef { f in
                    guard plan.fits(f) else {
                        // The general binder reports the mismatch, on the values already computed.
                        let all = Array(UnsafeBufferPointer(start: values, count: count))
                        values.deinitialize(count: count)
                        return try m.call(.function(f), Array(all[..<positionalCount]),
                                          keywords: Array(zip(keywords, all[positionalCount...])),
                                          base: b + frame, span: span, argumentSpans: argSpans, keywordSpans: keywordSpans)
                    }
                    let parameters = b + frame + 1
                    for k in 0..<count { (parameters + plan.slots[k]).moveInitialize(from: values + k, count: 1) }
                    for j in 0..<plan.defaultCount {
                        (parameters + plan.defaultSlots[j]).initialize(to: plan.defaultValues[j])
                    }
                    return try m.runWithArguments(f, base: b + frame, span: span)
                }
            }
        }
    }

    /// The arguments' closures nested pairwise, not kept in an array: calling a closure
    /// read from an array retained its context on every call.
    private func argumentsInto(_ code: ArraySlice<Compiled>) -> ArgumentsInto {
        switch code.count {
        case 0:
            return { _, _ in }
        case 1:
            let e0 = code[code.startIndex].eval // safe: one element
            return { b, d in d.initialize(to: try e0(b)) }
        default:
            let half = code.count / 2
            let first = argumentsInto(code.prefix(half)), second = argumentsInto(code.dropFirst(half))
            return { b, d in
                try first(b, d)
                do { try second(b, d + half) } catch {
                    d.deinitialize(count: half)
                    throw error
                }
            }
        }
    }
}

/// Which parameter each argument of one call site sets, for the function it last called.
/// Flat buffers, not arrays: reading an array stored in a class retained it per call.
final class CallPlan {
    private let positionalCount: Int
    private let keywords: [String]
    /// The `serial` of the function the plan is for (0: none yet).
    @exclusivity(unchecked) private var serial = 0
    /// The parameter (0-based) each of the site's arguments sets, in the site's order.
    let slots: UnsafeMutablePointer<Int>
    /// The parameters no argument sets, and their default values.
    @exclusivity(unchecked) private(set) var defaultSlots: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private(set) var defaultValues: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) private(set) var defaultCount = 0

    init(positionalCount: Int, keywords: [String]) {
        self.positionalCount = positionalCount
        self.keywords = keywords
        slots = .allocate(capacity: Swift.max(1, positionalCount + keywords.count))
        defaultSlots = .allocate(capacity: 1)
        defaultValues = .allocate(capacity: 1)
    }

    deinit {
        slots.deallocate()
        defaultSlots.deallocate()
        defaultValues.deinitialize(count: defaultCount)
        defaultValues.deallocate()
    }

    /// True when the site's arguments bind to `f`'s parameters with no error (too many,
    /// unknown or repeated keywords, a parameter without a value): the general path
    /// reports those.
    @inline(__always)
    func fits(_ f: Function) -> Bool {
        serial == f.serial || plan(for: f)
    }

    private func plan(for f: Function) -> Bool {
        let names = f.parameterNames
        guard positionalCount <= names.count else { return false }
        var targets = Array(0..<positionalCount)
        var isSet = Array(repeating: false, count: names.count)
        for i in 0..<positionalCount { isSet[i] = true }
        for name in keywords {
            guard let i = names.firstIndex(of: name), !isSet[i] else { return false }
            isSet[i] = true
            targets.append(i)
        }
        var defaults: [(Int, Value)] = []
        for (i, given) in isSet.enumerated() where !given {
            guard let d = f.defaults[i] else { return false }
            defaults.append((i, d))
        }
        for (k, t) in targets.enumerated() { slots[k] = t }
        defaultValues.deinitialize(count: defaultCount)
        defaultSlots.deallocate()
        defaultValues.deallocate()
        defaultSlots = .allocate(capacity: Swift.max(1, defaults.count))
        defaultValues = .allocate(capacity: Swift.max(1, defaults.count))
        for (j, (slot, value)) in defaults.enumerated() {
            defaultSlots[j] = slot
            (defaultValues + j).initialize(to: value)
        }
        defaultCount = defaults.count
        serial = f.serial
        return true
    }
}
