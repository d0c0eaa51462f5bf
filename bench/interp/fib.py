# B2 in CPython, the same program as fib.gb.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
assert fib(27) == 196418, "fib(27)"
