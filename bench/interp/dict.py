# B6 in CPython, the same program as dict.gb.
d = {}
for i in range(1000000):
    d[i % 1000] = i
assert len(d) == 1000 and d[999] == 999999, "dict"
