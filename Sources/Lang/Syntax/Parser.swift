/// Recursive-descent parser from tokens to statements. On a syntax error it
/// records a diagnostic, skips to the next statement (jlox `synchronize`) and
/// goes on, so one run reports the first error and notes the others.
struct Parser {
    private var tokens: [Token]
    private var current = 0
    /// Nesting of expressions and blocks being parsed: bounded so malformed input
    /// cannot exhaust the native stack of whichever thread parses.
    private var nesting = 0
    static let maxNesting = 400
    /// Operators, calls and indices in one left-nested chain (`1+1+...`): the tree is as
    /// deep as the chain, and the passes after parsing recurse over it.
    static let maxChain = 100_000
    private(set) var errors: [Diagnostic] = []
    /// True when the first error was found at the end of the input: more lines could fix it.
    private(set) var firstErrorAtEnd = false

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// The statements of a whole chunk, or the first syntax error (later ones as notes).
    static func parse(_ source: String) -> Result<[Stmt], Diagnostic> {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(source)
        } catch let d as Diagnostic {
            return .failure(d)
        } catch {
            // The lexer throws diagnostics only; anything else is blamed on the whole chunk.
            return .failure(Diagnostic(.syntax, "\(error)", SourceSpan(start: 0, end: source.utf8.count, line: 1)))
        }
        var parser = Parser(tokens: tokens)
        let program = parser.program()
        guard var first = parser.errors.first else { return .success(program) }
        let more = parser.errors.count - 1
        if more > 0 { first.notes.append("\(more) more syntax error\(more == 1 ? "" : "s") after this one") }
        return .failure(first)
    }

    // program -> { statement } EOF
    mutating func program() -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if isAtEnd { break }
            do {
                if case .keyword(let k) = peek.kind, k == .end || k == .elif || k == .else {
                    throw error(at: peek, "'\(k.rawValue)' without an open block")
                }
                statements.append(try statement())
            } catch let d as Diagnostic {
                record(d)
                synchronize()
            } catch {
                synchronize()
            }
        }
        return statements
    }

    // MARK: - Token helpers

    private var peek: Token { tokens[current] }
    private var isAtEnd: Bool { if case .eof = peek.kind { return true }; return false }
    private var previous: Token { tokens[Swift.max(0, current - 1)] }

    private func peekKind(_ offset: Int) -> TokenKind {
        let i = current + offset
        return i < tokens.count ? tokens[i].kind : .eof
    }

    @discardableResult private mutating func advance() -> Token {
        let t = tokens[current]
        if !isAtEnd { current += 1 }
        return t
    }

    private func check(_ s: Symbol) -> Bool { peek.kind == .symbol(s) }
    private func check(_ k: Keyword) -> Bool { peek.kind == .keyword(k) }

    private mutating func match(_ s: Symbol) -> Bool {
        if check(s) { advance(); return true }
        return false
    }

    private mutating func match(_ k: Keyword) -> Bool {
        if check(k) { advance(); return true }
        return false
    }

    private mutating func expect(_ s: Symbol, _ what: String) throws -> Token {
        if check(s) { return advance() }
        throw error(at: peek, "expected \(what)")
    }

    private mutating func skipNewlines() {
        while peek.kind == .newline { advance() }
    }

    private mutating func skipSeparators() {
        while peek.kind == .newline || check(.semicolon) { advance() }
    }

    private func error(at token: Token, _ message: String) -> Diagnostic {
        let place: String
        if case .eof = token.kind { place = "at end of input" } else { place = "at \(token.quoted)" }
        return Diagnostic(.syntax, "\(message) \(place)", token.span)
    }

    private mutating func record(_ d: Diagnostic) {
        if errors.isEmpty { firstErrorAtEnd = d.span.start >= (tokens.last?.span.start ?? 0) }
        errors.append(d)
    }

    /// Skips to the start of the next statement after an error.
    private mutating func synchronize() {
        while !isAtEnd {
            if peek.kind == .newline || check(.semicolon) { advance(); return }
            advance()
        }
    }

    // MARK: - Statements

    // statement -> functionDef | ifStmt | forStmt | whileStmt | 'break' | 'continue'
    //            | 'return' [expr] | simpleStatement ; then (NEWLINE | ';' | block end)
    private mutating func statement() throws -> Stmt {
        try enterNesting()
        defer { nesting -= 1 }
        let stmt: Stmt
        switch peek.kind {
        case .keyword(.function): stmt = try functionDefinition()
        case .keyword(.if): stmt = try ifStatement()
        case .keyword(.for): stmt = try forStatement()
        case .keyword(.while): stmt = try whileStatement()
        case .keyword(.break): stmt = .break(advance().span)
        case .keyword(.continue): stmt = .continue(advance().span)
        case .keyword(.return):
            let start = advance().span
            if atStatementEnd {
                stmt = .return(nil, start)
            } else {
                let value = try expressionList()
                stmt = .return(value, start.through(value.span))
            }
        default:
            stmt = try simpleStatement()
        }
        return try finish(stmt)
    }

    private var atStatementEnd: Bool {
        switch peek.kind {
        case .newline, .eof, .symbol(.semicolon), .keyword(.end), .keyword(.elif), .keyword(.else): return true
        default: return false
        }
    }

    /// Consumes the statement's terminator; a `;` turns its echo off.
    private mutating func finish(_ stmt: Stmt) throws -> Stmt {
        if match(.semicolon) {
            switch stmt {
            case .expression(let e, _): return .expression(e, echo: false)
            case let .assign(t, op, v, _, s): return .assign(t, op, v, echo: false, s)
            default: return stmt
            }
        }
        if atStatementEnd { return stmt }
        var d = error(at: peek, "expected end of statement")
        if case .expression(.name(let word, _), _) = stmt, let hint = Hints.statementWord(word) {
            d.notes.append(hint)
        } else if check(.colon) {
            d.notes.append("a block needs no ':'; it runs to its 'end'")
        }
        throw d
    }

    // simpleStatement -> exprList [ '=' exprList ] | expr ('+=' | '-=' | '*=' | '/=') expr
    //                  | NAME '(' params ')' '=' expr
    private mutating func simpleStatement() throws -> Stmt {
        let first = try expression()
        if check(.comma) {
            let list = try expressionList(startingWith: first)
            guard match(.equal) else { return .expression(list, echo: true) }
            skipNewlines()
            let value = try expressionList()
            return .assign(try target(list), nil, value, echo: true, first.span.through(value.span))
        }
        let op: BinaryOperator?
        switch peek.kind {
        case .symbol(.equal): op = nil
        case .symbol(.plusEqual): op = .add
        case .symbol(.minusEqual): op = .subtract
        case .symbol(.starEqual): op = .multiply
        case .symbol(.slashEqual): op = .divide
        case .symbol(.floorDivideEqual): op = .floorDivide
        case .symbol(.percentEqual): op = .modulo
        case .symbol(.caretEqual), .symbol(.powerEqual): op = .power
        case .symbol(.atEqual): op = .matmul
        default: return .expression(first, echo: true)
        }
        let opToken = advance()
        skipNewlines()
        if op == nil, case let .call(.name(name, nameSpan), args, _) = first {
            let params = try parameters(from: args, opToken)
            let body = try expression()
            let decl = FunctionDecl(name: name, parameters: params, body: .expression(body),
                                    span: nameSpan.through(body.span))
            return .function(decl)
        }
        let value = op == nil ? try expressionList() : try expression()
        return .assign(try target(first), op, value, echo: true, first.span.through(value.span))
    }

    // exprList -> expr { ',' expr } [','] : several make a tuple, as `return a, b` and `a, b = b, a` need
    private mutating func expressionList(startingWith first: Expr? = nil) throws -> Expr {
        let head = try first ?? expression()
        guard check(.comma) else { return head }
        var items = [head]
        while match(.comma) {
            if atStatementEnd || check(.equal) || check(.in) { break }
            items.append(try expression())
        }
        return .tuple(items, head.span.through(previous.span))
    }

    private func target(_ e: Expr) throws -> AssignTarget {
        switch e {
        case let .name(n, s): return .name(n, s)
        case let .index(base, items, s): return .index(base, items, s)
        case let .attribute(base, name, s): return .attribute(base, name, s)
        case let .tuple(items, s): return .tuple(try items.map(target), s)
        case let .list(items, s) where !items.isEmpty: return .tuple(try items.map(target), s)
        default: throw Diagnostic(.syntax, "cannot assign to this expression", e.span)
        }
    }

    // targets -> target { ',' target } ; target -> NAME | '(' targets ')'   (a `for` or comprehension's names)
    private mutating func loopTargets() throws -> AssignTarget {
        let first = try loopTarget()
        guard check(.comma) else { return first }
        var items = [first]
        while match(.comma) { items.append(try loopTarget()) }
        return .tuple(items, first.span.through(previous.span))
    }

    private mutating func loopTarget() throws -> AssignTarget {
        if case .identifier(let name) = peek.kind { return .name(name, advance().span) }
        if check(.leftParen) {
            let open = advance()
            let inner = try loopTargets()
            let close = try expect(.rightParen, "')' to close '(' at line \(open.span.line)")
            if case .tuple(let items, _) = inner { return .tuple(items, open.span.through(close.span)) }
            return inner
        }
        throw error(at: peek, "expected a loop variable")
    }

    /// The parameters of a one-line definition `f(x, a=1) = ...`, read from its call syntax.
    private func parameters(from args: [CallArgument], _ at: Token) throws -> [ParameterDecl] {
        var params: [ParameterDecl] = []
        for a in args {
            if let name = a.name {
                params.append(ParameterDecl(name: name, defaultValue: a.value, span: a.span))
            } else if case let .name(n, s) = a.value {
                params.append(ParameterDecl(name: n, defaultValue: nil, span: s))
            } else {
                throw Diagnostic(.syntax, "a function's parameters must be names", a.span)
            }
        }
        return params
    }

    // functionDef -> 'function' NAME '(' params ')' block 'end'
    private mutating func functionDefinition() throws -> Stmt {
        let keyword = advance()
        guard case .identifier(let name) = peek.kind else { throw error(at: peek, "expected a function name") }
        advance()
        _ = try expect(.leftParen, "'(' after the function name")
        let params = try parameterList()
        let body = try block(closing: keyword, "function", enders: [.end])
        let endToken = advance()
        return .function(FunctionDecl(name: name, parameters: params, body: .block(body),
                                      span: keyword.span.through(endToken.span)))
    }

    // params -> [ NAME ['=' expr] { ',' NAME ['=' expr] } ] ')'
    private mutating func parameterList() throws -> [ParameterDecl] {
        var params: [ParameterDecl] = []
        if match(.rightParen) { return params }
        repeat {
            guard case .identifier(let name) = peek.kind else { throw error(at: peek, "expected a parameter name") }
            let t = advance()
            var defaultValue: Expr?
            if match(.equal) { defaultValue = try expression() }
            if params.contains(where: { $0.name == name }) {
                throw Diagnostic(.syntax, "duplicate parameter '\(name)'", t.span)
            }
            params.append(ParameterDecl(name: name, defaultValue: defaultValue, span: t.span))
        } while match(.comma)
        _ = try expect(.rightParen, "')' after the parameters")
        return params
    }

    // block -> { statement } (stops before one of `enders`)
    private mutating func block(closing opener: Token, _ what: String, enders: [Keyword]) throws -> [Stmt] {
        var body: [Stmt] = []
        while true {
            skipSeparators()
            if case .keyword(let k) = peek.kind, enders.contains(k) { return body }
            if isAtEnd || check(.end) || check(.elif) || check(.else) {
                let d = error(at: peek, "expected 'end' to close '\(what)' at line \(opener.span.line)")
                throw d
            }
            body.append(try statement())
        }
    }

    // ifStmt -> 'if' expr block { 'elif' expr block } [ 'else' block ] 'end'
    private mutating func ifStatement() throws -> Stmt {
        let keyword = advance()
        var branches: [(Expr, [Stmt])] = []
        let condition = try expression()
        branches.append((condition, try block(closing: keyword, "if", enders: [.elif, .else, .end])))
        var elseBody: [Stmt]?
        while match(.elif) {
            let c = try expression()
            branches.append((c, try block(closing: keyword, "if", enders: [.elif, .else, .end])))
        }
        if match(.else) { elseBody = try block(closing: keyword, "if", enders: [.end]) }
        let endToken = advance()
        return .if(branches, elseBody, keyword.span.through(endToken.span))
    }

    // forStmt -> 'for' targets 'in' expr block 'end'
    private mutating func forStatement() throws -> Stmt {
        let keyword = advance()
        guard case .identifier = peek.kind else {
            if check(.leftParen) { return try forBody(keyword, try loopTargets()) }
            throw error(at: peek, "expected a loop variable after 'for'")
        }
        return try forBody(keyword, try loopTargets())
    }

    private mutating func forBody(_ keyword: Token, _ targets: AssignTarget) throws -> Stmt {
        guard match(.in) else { throw error(at: peek, "expected 'in' after the loop variable") }
        let iterable = try expression()
        let body = try block(closing: keyword, "for", enders: [.end])
        let endToken = advance()
        return .for(targets, iterable, body, keyword.span.through(endToken.span))
    }

    // whileStmt -> 'while' expr block 'end'
    private mutating func whileStatement() throws -> Stmt {
        let keyword = advance()
        let condition = try expression()
        let body = try block(closing: keyword, "while", enders: [.end])
        let endToken = advance()
        return .while(condition, body, keyword.span.through(endToken.span))
    }

    // MARK: - Expressions

    // expr -> lambda | or
    mutating func expression() throws -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        if let lambda = try lambda() { return lambda }
        return try orExpression()
    }

    // lambda -> NAME '->' expr | '(' params ')' '->' expr
    private mutating func lambda() throws -> Expr? {
        let start = peek
        var params: [ParameterDecl]
        if case .identifier(let name) = peek.kind, peekKind(1) == .symbol(.arrow) {
            advance(); advance()
            params = [ParameterDecl(name: name, defaultValue: nil, span: start.span)]
        } else if check(.leftParen), let close = matchingParen(from: current),
                  close + 1 < tokens.count, tokens[close + 1].kind == .symbol(.arrow) {
            advance()
            params = try parameterList()
            _ = try expect(.arrow, "'->'")
        } else {
            return nil
        }
        skipNewlines()
        let body = try expression()
        return .lambda(FunctionDecl(name: nil, parameters: params, body: .expression(body),
                                    span: start.span.through(body.span)))
    }

    private func matchingParen(from index: Int) -> Int? {
        var depth = 0
        var i = index
        while i < tokens.count {
            switch tokens[i].kind {
            case .symbol(.leftParen), .symbol(.leftBracket): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket):
                depth -= 1
                if depth == 0 { return i }
            case .eof: return nil
            default: break
            }
            i += 1
        }
        return nil
    }

    // or -> and { 'or' and }
    private mutating func orExpression() throws -> Expr {
        var left = try andExpression()
        var length = 0
        while match(.or) {
            try lengthen(&length)
            skipNewlines()
            let right = try andExpression()
            left = .or(left, right, left.span.through(right.span))
        }
        return left
    }

    // and -> not { 'and' not }
    private mutating func andExpression() throws -> Expr {
        var left = try notExpression()
        var length = 0
        while match(.and) {
            try lengthen(&length)
            skipNewlines()
            let right = try notExpression()
            left = .and(left, right, left.span.through(right.span))
        }
        return left
    }

    // not -> 'not' not | comparison
    private mutating func notExpression() throws -> Expr {
        if check(.not) {
            try enterNesting()
            defer { nesting -= 1 }
            let t = advance()
            let operand = try notExpression()
            return .unary(.not, operand, t.span.through(operand.span))
        }
        return try comparison()
    }

    // comparison -> either [ ('<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not' 'in') either ]
    private mutating func comparison() throws -> Expr {
        let left = try either()
        let op: BinaryOperator
        switch peek.kind {
        case .keyword(.in): op = .in
        case .keyword(.not) where peekKind(1) == .keyword(.in):
            advance()
            op = .notIn
        case .symbol(.less): op = .less
        case .symbol(.lessEqual): op = .lessEqual
        case .symbol(.greater): op = .greater
        case .symbol(.greaterEqual): op = .greaterEqual
        case .symbol(.equalEqual): op = .equal
        case .symbol(.notEqual): op = .notEqual
        default: return left
        }
        advance()
        skipNewlines()
        let right = try either()
        var result = Expr.binary(op, left, right, left.span.through(right.span))
        // `0 < x < 1` is `0 < x and x < 1`, as in Python. The middle is read twice, so it
        // must be a name or a number (a call there would run twice).
        var middle = right
        while op != .in, op != .notIn, let next = Parser.ordering(peek.kind) {
            switch middle {
            case .name, .number: break
            default:
                throw error(at: peek, "a chained comparison needs a name or number in the middle; write (a < m) and (m < b)")
            }
            advance()
            skipNewlines()
            let far = try either()
            result = .and(result, .binary(next, middle, far, middle.span.through(far.span)), left.span.through(far.span))
            middle = far
        }
        return result
    }

    /// The comparison a token is, for chaining (`in` does not chain).
    private static func ordering(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .symbol(.less): return .less
        case .symbol(.lessEqual): return .lessEqual
        case .symbol(.greater): return .greater
        case .symbol(.greaterEqual): return .greaterEqual
        case .symbol(.equalEqual): return .equal
        case .symbol(.notEqual): return .notEqual
        default: return nil
        }
    }

    // either -> both { '|' both } ; both -> additive { '&' additive }
    // Python's order: below arithmetic, above comparison, so masks need parentheses:
    // `(x > 0) & (y < 1)`, as in NumPy.
    private mutating func either() throws -> Expr {
        try leftAssociative({ try $0.both() }) { $0 == .symbol(.bar) ? .eitherTrue : nil }
    }

    private mutating func both() throws -> Expr {
        try leftAssociative({ try $0.additive() }) { $0 == .symbol(.ampersand) ? .bothTrue : nil }
    }

    // additive -> multiplicative { ('+' | '-') multiplicative }
    private mutating func additive() throws -> Expr {
        try leftAssociative({ try $0.multiplicative() }) { kind in
            switch kind {
            case .symbol(.plus): return .add
            case .symbol(.minus): return .subtract
            default: return nil
            }
        }
    }

    // multiplicative -> unary { ('*' | '/' | '//' | '@' | '%') unary }
    private mutating func multiplicative() throws -> Expr {
        try leftAssociative({ try $0.unary() }) { kind in
            switch kind {
            case .symbol(.star): return .multiply
            case .symbol(.slash): return .divide
            case .symbol(.at): return .matmul
            case .symbol(.percent): return .modulo
            case .symbol(.floorDivide): return .floorDivide
            default: return nil
            }
        }
    }

    /// One level of left-associative operators: `next { op next }`, where `operatorOf`
    /// says which operator a token is at this level (nil ends the level).
    private mutating func leftAssociative(_ next: (inout Parser) throws -> Expr,
                                          _ operatorOf: (TokenKind) -> BinaryOperator?) throws -> Expr {
        var left = try next(&self)
        var length = 0
        while let op = operatorOf(peek.kind) {
            try lengthen(&length)
            advance()
            skipNewlines()
            let right = try next(&self)
            left = .binary(op, left, right, left.span.through(right.span))
        }
        return left
    }

    private mutating func lengthen(_ length: inout Int) throws {
        length += 1
        if length > Parser.maxChain {
            throw error(at: peek, "expression too long (more than \(Parser.maxChain) operators in a row)")
        }
    }

    private mutating func enterNesting() throws {
        nesting += 1
        if nesting > Parser.maxNesting {
            nesting -= 1
            throw error(at: peek, "too deeply nested (more than \(Parser.maxNesting) levels)")
        }
    }

    // unary -> ('-' | '+' | '~') unary | power
    private mutating func unary() throws -> Expr {
        if check(.tilde) {
            try enterNesting()
            defer { nesting -= 1 }
            let t = advance()
            let operand = try unary()
            return .unary(.invert, operand, t.span.through(operand.span))
        }
        if check(.minus) || check(.plus) {
            try enterNesting()
            defer { nesting -= 1 }
            let t = advance()
            let operand = try unary()
            if case .number(let x, let s) = operand, t.kind == .symbol(.minus) {
                return .number(-x, t.span.through(s))
            }
            return .unary(t.kind == .symbol(.minus) ? .negate : .plus, operand, t.span.through(operand.span))
        }
        return try power()
    }

    // power -> postfix [ ('^' | '**') unary ]      (right-associative, above unary minus on its left)
    private mutating func power() throws -> Expr {
        let base = try postfix()
        if match(.caret) || match(.power) {
            skipNewlines()
            let exponent = try unary()
            return .binary(.power, base, exponent, base.span.through(exponent.span))
        }
        return base
    }

    // postfix -> primary { '(' args ')' | '[' indices ']' | '.' NAME }
    private mutating func postfix() throws -> Expr {
        var e = try primary()
        var length = 0
        while true {
            if check(.leftParen) || check(.leftBracket) || check(.dot) { try lengthen(&length) }
            if match(.leftParen) {
                let args = try arguments()
                let close = try expect(.rightParen, "')' to close the call")
                e = .call(e, args, e.span.through(close.span))
            } else if match(.leftBracket) {
                let items = try indices()
                let close = try expect(.rightBracket, "']' to close the index")
                e = .index(e, items, e.span.through(close.span))
            } else if match(.dot) {
                guard case .identifier(let name) = peek.kind else { throw error(at: peek, "expected an attribute name after '.'") }
                let t = advance()
                e = .attribute(e, name, e.span.through(t.span))
            } else {
                return e
            }
        }
    }

    // args -> [ arg { ',' arg } [','] ] ; arg -> [NAME '='] expr
    private mutating func arguments() throws -> [CallArgument] {
        var args: [CallArgument] = []
        while !check(.rightParen) {
            if case .identifier(let name) = peek.kind, peekKind(1) == .symbol(.equal) {
                let t = advance()
                advance()
                let value = try expression()
                args.append(CallArgument(name: name, value: value, span: t.span.through(value.span)))
            } else {
                var value = try expression()
                // `sum(x^2 for x in xs)`: a generator argument, evaluated as the comprehension
                // `[x^2 for x in xs]`; as in Python it must be the only argument.
                if args.isEmpty, check(.for) {
                    let clauses = try comprehensionClauses()
                    value = .comprehension(Comprehension(element: value, value: nil, clauses: clauses,
                                                         span: value.span.through(previous.span)))
                    if check(.comma) {
                        throw error(at: peek, "a generator argument must be the only one; put it in brackets: [... for ...]")
                    }
                }
                args.append(CallArgument(name: nil, value: value, span: value.span))
            }
            if !match(.comma) { break }
        }
        return args
    }

    // indices -> item { ',' item } ; item -> expr | [expr] ':' [expr] [':' [expr]]
    private mutating func indices() throws -> [IndexItem] {
        var items: [IndexItem] = []
        repeat {
            let startToken = peek
            var start: Expr?
            if !check(.colon) { start = try expression() }
            if match(.colon) {
                var stop: Expr?, step: Expr?
                if !check(.colon), !check(.comma), !check(.rightBracket) { stop = try expression() }
                if match(.colon), !check(.comma), !check(.rightBracket) { step = try expression() }
                items.append(.slice(start: start, stop: stop, step: step, span: startToken.span.through(previous.span)))
            } else if let start {
                items.append(.at(start))
            }
        } while match(.comma)
        return items
    }

    // dict -> '{' [ expr ':' expr { ',' expr ':' expr } [','] ] '}' | '{' expr ':' expr clauses '}'
    private mutating func dictionary() throws -> Expr {
        let open = advance()
        var entries: [(Expr, Expr)] = []
        while !check(.rightBrace) {
            let key = try expression()
            guard match(.colon) else {
                throw error(at: peek, "expected ':' after a dict key (sets are not supported; use a list)")
            }
            let value = try expression()
            entries.append((key, value))
            if entries.count == 1, check(.for) {
                let clauses = try comprehensionClauses()
                let close = try expect(.rightBrace, "'}' to close '{' at line \(open.span.line)")
                return .comprehension(Comprehension(element: key, value: value, clauses: clauses,
                                                    span: open.span.through(close.span)))
            }
            if !match(.comma) { break }
        }
        let close = try expect(.rightBrace, "'}' to close '{' at line \(open.span.line)")
        return .dict(entries, open.span.through(close.span))
    }

    // clauses -> 'for' targets 'in' or { 'for' targets 'in' or | 'if' or }
    private mutating func comprehensionClauses() throws -> [Comprehension.Clause] {
        var clauses: [Comprehension.Clause] = []
        while true {
            if match(.for) {
                let targets = try loopTargets()
                guard match(.in) else { throw error(at: peek, "expected 'in' after the loop variable") }
                clauses.append(.for(targets, try orExpression()))
            } else if match(.if) {
                clauses.append(.if(try orExpression()))
            } else {
                return clauses
            }
        }
    }

    /// The parts of an f-string, each field's expression parsed from its own text.
    private func formatString(_ parts: [LexedFormatPart], _ span: SourceSpan) throws -> Expr {
        var out: [FormatPart] = []
        for part in parts {
            switch part {
            case .text(let s):
                out.append(.text(s))
            case let .field(source, start, conversion, spec):
                let fieldSpan = SourceSpan(start: start, end: start + source.utf8.count, line: span.line)
                let tokens = try Lexer.tokenize(source, offset: start, line: span.line)
                var sub = Parser(tokens: tokens)
                if case .eof = sub.peek.kind {
                    throw Diagnostic(.syntax, "empty expression in an f-string field", fieldSpan)
                }
                let e = try sub.expression()
                if let first = sub.errors.first { throw first }
                guard case .eof = sub.peek.kind else { throw sub.error(at: sub.peek, "unexpected text in an f-string field") }
                out.append(.field(e, conversion: conversion, spec: spec, fieldSpan))
            }
        }
        return .format(out, span)
    }

    // primary -> NUMBER | STRING | FSTRING | 'true' | 'false' | 'nothing' | NAME | '(' [exprs] ')' | '[' elements ']' | dict
    private mutating func primary() throws -> Expr {
        let t = peek
        switch t.kind {
        case .number(let x): advance(); return .number(x, t.span)
        case .string(let s): advance(); return .string(s, t.span)
        case .keyword(.true): advance(); return .bool(true, t.span)
        case .keyword(.false): advance(); return .bool(false, t.span)
        case .keyword(.nothing): advance(); return .nothing(t.span)
        case .identifier(let name): advance(); return .name(name, t.span)
        case .formatString(let parts): advance(); return try formatString(parts, t.span)
        case .symbol(.leftParen):
            // '(' ')' | '(' expr ')' | '(' expr ',' [expr {',' expr}] [','] ')'
            advance()
            if match(.rightParen) { return .tuple([], t.span.through(previous.span)) }
            let e = try expression()
            if match(.comma) {
                var items = [e]
                while !check(.rightParen) {
                    items.append(try expression())
                    if !match(.comma) { break }
                }
                let close = try expect(.rightParen, "')' to close '(' at line \(t.span.line)")
                return .tuple(items, t.span.through(close.span))
            }
            _ = try expect(.rightParen, "')' to close '(' at line \(t.span.line)")
            return e
        case .symbol(.leftBracket):
            advance()
            var elements: [Expr] = []
            while !check(.rightBracket) {
                elements.append(try expression())
                if elements.count == 1, check(.for) {
                    let clauses = try comprehensionClauses()
                    let close = try expect(.rightBracket, "']' to close '[' at line \(t.span.line)")
                    return .comprehension(Comprehension(element: elements[0], value: nil, clauses: clauses,
                                                        span: t.span.through(close.span)))
                }
                if !match(.comma) { break }
            }
            let close = try expect(.rightBracket, "']' to close '[' at line \(t.span.line)")
            return .list(elements, t.span.through(close.span))
        case .symbol(.leftBrace):
            return try dictionary()
        default:
            var d = error(at: t, "expected an expression")
            if t.kind == .symbol(.colon) { d.notes.append("a block needs no ':'; it runs to its 'end'") }
            throw d
        }
    }
}
