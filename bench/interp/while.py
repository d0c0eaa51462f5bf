# while in CPython, the same program as while.gb.
s = 0; i = 0
while i < 2000000:
    s = s + i * 0.5; i = i + 1
assert s == 999999500000
