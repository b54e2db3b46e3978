# sum() of a generator expression (compiled as a loop in place): scoping, PEP 479, types
k = 3
def f(n, k):
    return sum(x * k for x in range(n) if x % 2)
print(f(10, 2), sum(y for y in [1.5, 2, 3]), sum(c * 2 for c in [[1], [2]] for _ in c) if False else 0)
print(sum(a * b for a in range(4) for b in range(a)))
def g():
    it = iter([1, 2])
    return sum(next(it) for _ in range(5))
try:
    g()
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
print(sum(x for x in []))
try:
    sum(x for x in ["a", "b"])
except TypeError as e:
    print(e)
fs = [lambda: 1]
print(sum(f() for f in fs), f(4, k))
print(sum(x for x in range(10**6)))
big = sum(x * 10**20 for x in range(3))
print(big)
x = [1, 2, 3]
print(sum(x for x in x), x)
print(sum(i * 0.5 for i in range(5)), sum(-0.0 for _ in range(2)))
print(sum(n for n in range(10, 0, -3)), sum(n for n in range(0)))
def closure_inside():
    fns = [lambda: i for i in range(3)]
    return sum(f() for f in fns), sum((lambda: j)() for j in range(4))
print(closure_inside())
def lazy():
    calls = []
    def src():
        calls.append("iter")
        return range(3)
    s = sum(calls.append(v) or v for v in src())
    return s, calls
print(lazy())
