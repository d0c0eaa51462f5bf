# B3 in CPython, the same program as closure.gb.
def make_adder(k):
    return lambda x: x + k
add = make_adder(0.5)
s = 0
for i in range(1000000):
    s = add(s)
assert s == 500000, "closure sum"
