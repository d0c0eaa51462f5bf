import Symbolic

let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")

/// The exact rational p/q as an expression (test data only; q is never zero here).
func q(_ p: Int, _ d: Int = 1) -> Expr {
    Expr.number((try? Rational(.init(p), .init(d))) ?? Rational(0))
}

func parse(_ text: String) throws -> Expr { try Expr.parse(text) }

/// f(e) for test inputs that are known to be defined (a NaN float otherwise).
func fn(_ f: SymbolicFunction, _ e: Expr) -> Expr {
    (try? Expr.apply(f, e)) ?? Expr.number(Double.nan)
}

/// The message of the SymbolicError a throwing expression raised, or nil.
func errorMessage(_ body: () throws -> Any) -> String? {
    do { _ = try body(); return nil } catch let e as SymbolicError { return e.message } catch { return "\(error)" }
}

/// Equal values at a few fixed points in [0.3, 1.3]^3 (away from the corpus's poles).
func numericallyEqual(_ a: Expr, _ b: Expr, tolerance: Double = 1e-8) -> Bool {
    let points: [[String: Double]] = [
        ["x": 0.37, "y": 0.81, "z": 1.13],
        ["x": 1.21, "y": 0.43, "z": 0.59],
        ["x": 0.73, "y": 1.27, "z": 0.31],
    ]
    for p in points {
        guard let u = try? a.evaluate(p), let v = try? b.evaluate(p) else { return false }
        if u.isNaN && v.isNaN { continue }
        if !(Swift.abs(u - v) <= tolerance * Swift.max(1, Swift.abs(v))) { return false }
    }
    return true
}
