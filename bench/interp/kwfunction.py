# kwfunction in CPython, the same program as kwfunction.gb.
def f(x, scale=1.0, shift=0.0):
    return x * scale + shift
s = 0
for i in range(1000000):
    s = s + f(i, scale=2.0, shift=1.0)
assert s == 1000000000000
