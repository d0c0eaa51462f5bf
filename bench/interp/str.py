# str in CPython, the same program as str.gb.
n = 0
for i in range(300000):
    n = n + len(str(i))
assert n == 1688890
