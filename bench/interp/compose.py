# compose in CPython, the same program as compose.gb.
def compose(f, g): return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: 2 * x
h = compose(inc, dbl)
s = 0
for i in range(300000):
    s = s + h(i)
assert s == 90000000000
