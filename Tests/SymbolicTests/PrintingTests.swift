import XCTest
import Symbolic

final class PrintingTests: XCTestCase {
    let x = Expr.symbol("x"), y = Expr.symbol("y")

    func n(_ p: Int, _ q: Int = 1) -> Expr { Expr.number(try! Rational(.init(p), .init(q))) }

    func testTermOrderIsDegreeThenLexicographic() {
        let e = y * y + x * y + x * x * x / n(6) + n(1, 2) * x + n(1)
        XCTAssertEqual(e.description, "x^3/6 + x*y + y^2 + 1/2*x + 1")
    }
}
