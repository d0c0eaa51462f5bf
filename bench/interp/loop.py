# B1 in CPython, the same program as loop.gb.
s = 0
for i in range(2000000):
    s = s + i * 0.5
assert s == 999999500000, "loop sum"
