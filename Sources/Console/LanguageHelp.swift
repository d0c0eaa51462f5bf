/// Short help on the language itself, for `?for`, `?if`, `?function` and the other
/// topics a builtin's help cannot cover: what it does in a line, then an example.
enum LanguageHelp {
    /// The topics by the word a person types after `?`.
    static let topics: [String: String] = [
        "for": """
            for NAME in ITERABLE ... end: runs the body once per element (a range, a 1-D tensor
            gives scalars, a list its items, a dict its keys); the body shares the enclosing scope.
              for i in range(3)
                  print(i^2)
              end
            """,
        "while": """
            while CONDITION ... end: runs the body while the condition holds; Ctrl-C stops it.
              n = 0
              while n < 3
                  n = n + 1
              end
            """,
        "if": """
            if CONDITION ... elif CONDITION ... else ... end: runs the first branch whose
            condition holds; `and`, `or`, `not` combine conditions.
              if x > 0
                  print("positive")
              elif x == 0
                  print("zero")
              else
                  print("negative")
              end
            """,
        "function": """
            function NAME(PARAMS) ... end defines a function; `NAME(x) = EXPR` is the one-line
            form and `x -> EXPR` a lambda. Functions are values and close over their variables.
              function loss(w, X, y)
                  r = X @ w - y
                  return 0.5 * mean(r^2)
              end
              f(x) = x^3 - 2*x
              g = x -> 2*x
            """,
        "return": """
            return EXPR ends a function with that value (`return a, b` gives a tuple).
              function sign_of(x)
                  if x < 0
                      return -1
                  end
                  return 1
              end
            """,
        "lambda": """
            PARAMS -> EXPR is an anonymous function: `x -> 2*x`, `(a, b) -> a + b`.
              grad(x -> x^2, 3.0)
            """,
        "list": """
            [a, b] of non-numbers is a list, mutable and shared as in Python; [] is an empty
            list. A list of numbers is a tensor; stack(list) makes a tensor of a list.
              losses = []
              losses.append(0.25)
              names = ["sgd", "adam"];  names[-1]
            """,
        "tuple": """
            (a, b) is a tuple: fixed, and what `return a, b` gives; (x,) has one element, () none.
            Assignment and `for` take them apart.
              a, b = b, a
              m, s = stats(v)
              for (p, g) in zip(ps, gs) ... end
            """,
        "dict": """
            {"key": value, ...} is a dict, in insertion order and shared like a list: d["key"],
            d["new"] = 1, "key" in d, len(d), keys(d), values(d), items(d), d.get(k, default).
              cfg = {"lr": 0.1, "epochs": 5}
              for k, v in items(cfg) print(k, v) end
            """,
        "comprehension": """
            [EXPR for NAME in ITERABLE if CONDITION] builds a list (of numbers: a tensor);
            {K: V for ...} a dict. Several for/if clauses nest left to right.
              [i^2 for i in range(5) if i != 2]
              {name: len(name) for name in ["sgd", "adam"]}
            """,
        "operators": """
            + - * / elementwise with broadcasting; ^ or ** power; // floor division; % modulo with
            the divisor's sign (NumPy's rule); @ matrix product; == != < <= > >=; in, not in;
            and, or, not. Predefined numbers: pi e inf nan.
              -7 // 2    -7 % 3    2 ** 10
            """,
        "tensor": """
            [1, 2, 3] is a 1-D tensor, [[1, 2], [3, 4]] a 2-D one; arithmetic is elementwise with
            NumPy broadcasting and @ is the matrix product. Indexing is 0-based.
              M = [[1, 2], [3, 4]]
              M @ [1, 1]
              M[:, 0]
            """,
        "indexing": """
            Indexing follows NumPy: 0-based, negative from the end, slices start:stop:step,
            boolean masks select and integer tensors gather; every form can be assigned to.
            A comparison gives a boolean tensor (true/false, 0/1 in arithmetic).
              v = [10, 20, 30, 40]
              v[-1]   v[1:3]   v[v > 15]   v[[2, 0]]   M[:, [1, 1]]   v[v < 0] = 0
            """,
        "string": """
            Strings are in double quotes; f"..." formats values with Python's format spec.
              name = "adam"
              print(f"{name}: loss {0.12345:.3f}")
            """,
        "assert": """
            assert(CONDITION, "message") fails the cell with the message when the condition is false.
              assert(abs(0.1 + 0.2 - 0.3) < 1e-9, "rounding")
            """,
        "comment": """
            # starts a comment. In a notebook, #' lines are prose, #> lines recorded output and
            #+ lines cell options (tol=, skip, error, reset).
              x = 3   # a comment
            """,
    ]

    /// The topics as `:help` lists them.
    static var names: String { topics.keys.sorted().map { "?" + $0 }.joined(separator: " ") }
}
