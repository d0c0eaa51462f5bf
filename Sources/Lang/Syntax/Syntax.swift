/// Binary operators of expressions (logical `and`/`or` are separate: they short-circuit).
enum BinaryOperator: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", matmul = "@", modulo = "%"
    case floorDivide = "//"
    /// Elementwise logic on truth values and boolean tensors (NumPy's `&` and `|` on masks).
    case bothTrue = "&", eitherTrue = "|"
    /// Membership (`x in c`, `x not in c`): compiled to `Operators.contains`, never to arithmetic.
    case `in` = "in", notIn = "not in"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
}

/// Prefix operators.
enum UnaryOperator: String {
    case negate = "-", plus = "+", not = "not"
    /// Elementwise `not` of a truth value or boolean tensor (NumPy's `~` on a mask).
    case invert = "~"
}

/// An argument at a call site: positional when `name` is nil.
struct CallArgument {
    var name: String?
    var value: Expr
    var span: SourceSpan
}

/// One item between the brackets of an index expression.
enum IndexItem {
    case at(Expr)
    case slice(start: Expr?, stop: Expr?, step: Expr?, span: SourceSpan)
}

/// A parameter of a function definition.
struct ParameterDecl {
    var name: String
    var defaultValue: Expr?
    var span: SourceSpan
}

/// A function or lambda; a class so the resolver can key its results by identity.
final class FunctionDecl {
    let name: String?
    let parameters: [ParameterDecl]
    let body: FunctionBody
    let span: SourceSpan

    init(name: String?, parameters: [ParameterDecl], body: FunctionBody, span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
    }
}

/// A block body (`function ... end`) or a single expression (`f(x) = ...`, lambdas).
enum FunctionBody {
    case block([Stmt])
    case expression(Expr)
}

/// A comprehension, `[x^2 for x in xs if x > 0]` or `{k: v for (k, v) in items(d)}`.
/// A class so the resolver can find its loop variables by identity.
final class Comprehension {
    /// The clauses in order, as Python nests them: the first `for` is the outermost loop.
    enum Clause {
        case `for`(AssignTarget, Expr)
        case `if`(Expr)
    }

    /// What each pass adds: a list element, or a dict entry's key.
    let element: Expr
    /// A dict comprehension's value expression; nil for a list.
    let value: Expr?
    let clauses: [Clause]
    let span: SourceSpan

    init(element: Expr, value: Expr?, clauses: [Clause], span: SourceSpan) {
        self.element = element
        self.value = value
        self.clauses = clauses
        self.span = span
    }
}

/// A piece of an f-string: text as written, or a `{expr!conversion:spec}` field.
enum FormatPart {
    case text(String)
    case field(Expr, conversion: Character?, spec: String, SourceSpan)
}

/// Expressions; every case carries its span.
indirect enum Expr {
    case number(Double, SourceSpan)
    case string(String, SourceSpan)
    case bool(Bool, SourceSpan)
    case nothing(SourceSpan)
    case name(String, SourceSpan)
    case list([Expr], SourceSpan)
    case tuple([Expr], SourceSpan)
    case dict([(Expr, Expr)], SourceSpan)
    case comprehension(Comprehension)
    case format([FormatPart], SourceSpan)
    case unary(UnaryOperator, Expr, SourceSpan)
    case binary(BinaryOperator, Expr, Expr, SourceSpan)
    case and(Expr, Expr, SourceSpan)
    case or(Expr, Expr, SourceSpan)
    case call(Expr, [CallArgument], SourceSpan)
    case index(Expr, [IndexItem], SourceSpan)
    case attribute(Expr, String, SourceSpan)
    case lambda(FunctionDecl)

    var span: SourceSpan {
        switch self {
        case .number(_, let s), .string(_, let s), .bool(_, let s), .nothing(let s), .name(_, let s),
             .list(_, let s), .tuple(_, let s), .dict(_, let s), .format(_, let s), .unary(_, _, let s), .binary(_, _, _, let s), .and(_, _, let s),
             .or(_, _, let s), .call(_, _, let s), .index(_, _, let s), .attribute(_, _, let s):
            return s
        case .lambda(let f):
            return f.span
        case .comprehension(let c):
            return c.span
        }
    }
}

/// Where an assignment writes.
indirect enum AssignTarget {
    case name(String, SourceSpan)
    case index(Expr, [IndexItem], SourceSpan)
    case attribute(Expr, String, SourceSpan)
    case tuple([AssignTarget], SourceSpan)

    var span: SourceSpan {
        switch self {
        case .name(_, let s), .index(_, _, let s), .attribute(_, _, let s), .tuple(_, let s): return s
        }
    }

    /// The names it binds (a tuple's, at every depth).
    var names: [String] {
        switch self {
        case .name(let n, _): return [n]
        case .tuple(let ts, _): return ts.flatMap(\.names)
        case .index, .attribute: return []
        }
    }
}

/// Statements; `echo` is false when a `;` ended the statement.
indirect enum Stmt {
    case expression(Expr, echo: Bool)
    case assign(AssignTarget, BinaryOperator?, Expr, echo: Bool, SourceSpan)
    case function(FunctionDecl)
    case `if`([(Expr, [Stmt])], [Stmt]?, SourceSpan)
    case `for`(AssignTarget, Expr, [Stmt], SourceSpan)
    case `while`(Expr, [Stmt], SourceSpan)
    case `break`(SourceSpan)
    case `continue`(SourceSpan)
    case `return`(Expr?, SourceSpan)

    /// True for an expression on its own, the only statement whose function value echoes.
    var isBareExpression: Bool {
        if case .expression = self { return true }
        return false
    }

    var span: SourceSpan {
        switch self {
        case .expression(let e, _): return e.span
        case .assign(_, _, _, _, let s), .if(_, _, let s), .for(_, _, _, let s), .while(_, _, let s),
             .break(let s), .continue(let s), .return(_, let s):
            return s
        case .function(let f): return f.span
        }
    }
}
