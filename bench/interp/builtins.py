# B4 in CPython, the same program as builtins.gb (clip is min of max).
s = 0
for i in range(500000):
    s = s + abs(i - 3) + max(i, 2) + min(max(i, 0), 10)
assert s == 250002999960, "builtins sum"
