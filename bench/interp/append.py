# B5 in CPython, the same program as append.gb.
xs = []
for i in range(1000000):
    xs.append(i)
assert len(xs) == 1000000 and xs[-1] == 999999, "append"
