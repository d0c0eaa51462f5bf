/// Reads the printed syntax back: what `description` prints, parsed, gives an equal
/// expression. Replay compares recorded symbolic outputs this way, and the SymPy corpus
/// test reads SymPy's results with it (so `**` and `Abs` are accepted too).
extension Expr {
    /// Parses `text`; with `symbols`, any other name is an error.
    public static func parse(_ text: String, symbols: Set<String>? = nil) throws -> Expr {
        var p = ExprParser(text: text, symbols: symbols)
        let e = try p.expression()
        p.skipSpaces()
        guard p.atEnd else { throw p.error("unexpected '\(p.rest)'") }
        return e
    }
}

struct ExprParser {
    let chars: [Character]
    let symbols: Set<String>?
    var position = 0

    init(text: String, symbols: Set<String>?) {
        chars = Array(text)
        self.symbols = symbols
    }

    var atEnd: Bool { position >= chars.count }
    var rest: String { String(chars[min(position, chars.count)...].prefix(20)) }

    func error(_ message: String) -> SymbolicError {
        SymbolicError("cannot read the expression at column \(position + 1): \(message)")
    }

    mutating func skipSpaces() {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
    }

    mutating func peek() -> Character? {
        skipSpaces()
        return position < chars.count ? chars[position] : nil
    }

    mutating func match(_ s: String) -> Bool {
        skipSpaces()
        let cs = Array(s)
        guard position + cs.count <= chars.count, Array(chars[position..<position + cs.count]) == cs else { return false }
        position += cs.count
        return true
    }

    // expression -> term { ('+' | '-') term }
    mutating func expression() throws -> Expr {
        var terms = [try term()]
        while true {
            if match("+") { terms.append(try term()) } else if match("-") { terms.append(-(try term())) } else { break }
        }
        return terms.count == 1 ? terms[0] : Expr.sum(terms)
    }

    // term -> unary { ('*' | '/') unary }
    mutating func term() throws -> Expr {
        var left = try unary()
        while true {
            if peek() == "*" && !(position + 1 < chars.count && chars[position + 1] == "*") {
                position += 1
                left = left * (try unary())
            } else if match("/") {
                left = try Expr.divide(left, try unary())
            } else {
                break
            }
        }
        return left
    }

    // unary -> ('-' | '+') unary | power
    mutating func unary() throws -> Expr {
        if match("-") { return -(try unary()) }
        if match("+") { return try unary() }
        return try power()
    }

    // power -> atom [ ('^' | '**') unary ]
    mutating func power() throws -> Expr {
        let base = try atom()
        if match("^") || match("**") {
            return try Expr.pow(base, try unary())
        }
        return base
    }

    // atom -> number | name [ '(' expression ')' ] | '(' expression ')'
    mutating func atom() throws -> Expr {
        guard let c = peek() else { throw error("the expression ends too early") }
        if c == "(" {
            position += 1
            let e = try expression()
            guard match(")") else { throw error("expected ')'") }
            return e
        }
        if c.isNumber || c == "." { return try number() }
        if c.isLetter || c == "_" {
            let start = position
            while position < chars.count, chars[position].isLetter || chars[position].isNumber || chars[position] == "_" {
                position += 1
            }
            let name = String(chars[start..<position])
            if peek() == "(" {
                position += 1
                let arg = try expression()
                guard match(")") else { throw error("expected ')' after the argument of \(name)") }
                let fname = name == "Abs" ? "abs" : name
                guard let f = SymbolicFunction(rawValue: fname) else { throw error("unknown function '\(name)'") }
                return try Expr.apply(f, arg)
            }
            if let symbols, !symbols.contains(name) {
                if name == "E" { return Expr.exponential(Expr.one) }
                throw error("unknown symbol '\(name)'")
            }
            if symbols == nil && name == "E" { return Expr.exponential(Expr.one) }
            if name == "nan" { return Expr(node: .float(.nan)) }
            if name == "inf" { return Expr(node: .float(.infinity)) }
            return Expr.symbol(name)
        }
        throw error("unexpected '\(c)'")
    }

    mutating func number() throws -> Expr {
        let start = position
        var isFloat = false
        while position < chars.count, chars[position].isNumber { position += 1 }
        if position < chars.count, chars[position] == "." {
            isFloat = true
            position += 1
            while position < chars.count, chars[position].isNumber { position += 1 }
        }
        if position < chars.count, chars[position] == "e" || chars[position] == "E" {
            var q = position + 1
            if q < chars.count, chars[q] == "+" || chars[q] == "-" { q += 1 }
            if q < chars.count, chars[q].isNumber {
                isFloat = true
                position = q
                while position < chars.count, chars[position].isNumber { position += 1 }
            }
        }
        let text = String(chars[start..<position])
        if isFloat {
            guard let v = Double(text) else { throw error("bad number '\(text)'") }
            return Expr(node: .float(v))
        }
        guard let n = BigInt(text) else { throw error("bad number '\(text)'") }
        return Expr.number(Rational(n))
    }
}

