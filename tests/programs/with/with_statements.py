# with: one or several items, __exit__ arguments, suppression, return/break/continue inside

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None, value)
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("body", a, b)

with CM("outer", suppress=True), CM("inner"):
    raise KeyError("k")
print("after suppressed")

try:
    with CM("x"), CM("y", suppress=False):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)

def ret():
    with CM("r1"):
        with CM("r2"):
            return "returned"
    print("not reached")
print(ret())

for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)

def nested_finally():
    try:
        with CM("nf"):
            return 1
    finally:
        print("finally after exit")
print(nested_finally())

class Raiser:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with CM("before"), Raiser():
        print("never")
except RuntimeError as e:
    print("caught", e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("original")
except ValueError as e:
    print("exit error", e, "context", repr(e.__context__))

class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

with CM("tuple target") as (first, *rest):
    print(first, rest)

def gen():
    with CM("in generator"):
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
