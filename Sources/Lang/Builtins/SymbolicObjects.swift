import Symbolic
import Tensor

/// A symbolic value as the language sees it: an expression or a symbolic matrix.
/// Both are objects, not cases of `Value`, so the evaluator's hot enum stays as it is;
/// the operators and the overloaded builtins test for this protocol.
protocol SymbolicValue: LangObject {
    /// LaTeX for display math (Markdown export, Jupyter's text/latex).
    var latex: String { get }
}

/// An expression over named symbols (`x^2 + 1/2*x`): immutable, canonical, printed
/// in the language's own syntax so the text pastes back.
final class ExpressionObject: SymbolicValue {
    let expr: Symbolic.Expr
    init(_ expr: Symbolic.Expr) { self.expr = expr }

    var typeName: String { "Expr" }
    var attributeNames: [String] { ["free_symbols"] }
    var description: String { expr.description }
    var latex: String { expr.latex }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "free_symbols": return Value(tuple: expr.freeSymbols.map { Value(ExpressionObject(.symbol($0))) })
        default: return nil
        }
    }
}

/// A small matrix (or vector) of expressions. A vector is 1-D as a tensor is:
/// `[x, y]` prints so, `M @ v` gives a vector and `v @ v` an expression;
/// it is held as a column.
final class SymbolicMatrixObject: SymbolicValue {
    let matrix: SymbolicMatrix
    let isVector: Bool
    init(_ matrix: SymbolicMatrix, isVector: Bool = false) {
        self.matrix = matrix
        self.isVector = isVector && matrix.columns == 1
    }

    var typeName: String { "SymbolicMatrix" }
    var attributeNames: [String] { ["T", "shape"] }
    var latex: String { matrix.latex }

    /// As tensors print: `[a, b]` for a vector, one row per line for a matrix.
    var description: String {
        let cells = matrix.entries.map(\.description)
        if isVector { return "[" + cells.joined(separator: ", ") + "]" }
        var rows: [String] = []
        for r in 0..<matrix.rows {
            rows.append("[" + cells[r * matrix.columns..<(r + 1) * matrix.columns].joined(separator: ", ") + "]")
        }
        return "[" + rows.joined(separator: ",\n ") + "]"
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "T": return isVector ? .object(ObjectBox(self)) : Value(SymbolicMatrixObject(matrix.transposed))
        case "shape":
            return Value(Tensor(isVector ? [Double(matrix.rows)] : [Double(matrix.rows), Double(matrix.columns)]))
        default: return nil
        }
    }
}
