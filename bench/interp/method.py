# B7 in CPython, the same program as method.gb.
d = {0: 1, 1: 2, 2: 3, 3: 4, 4: 5}
s = 0
for i in range(1000000):
    s = s + d.get(i % 10, 0)
assert s == 1500000, "method sum"
