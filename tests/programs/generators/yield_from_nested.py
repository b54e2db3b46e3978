# nested yield from: values, send, throw and close through the chain, return values

def leaf(tag):
    try:
        x = yield tag + ":1"
        print(tag, "got", x)
        y = yield tag + ":2"
        print(tag, "got", y)
    except KeyError as e:
        print(tag, "handled", repr(e))
        yield tag + ":recovered"
    finally:
        print(tag, "leaf finally")
    return tag + "-result"

def middle():
    r = yield from leaf("L")
    print("middle got result", r)
    r2 = yield from leaf("M")
    return [r, r2]

def top():
    try:
        result = yield from middle()
        print("top result", result)
    except ValueError as e:
        print("top caught", e)
        return "top-failed"
    return "top-ok"

g = top()
print(next(g))
print(g.send("s1"))
print(g.send("s2"))
print(g.throw(KeyError("k")))
try:
    print(next(g))
    print(next(g))
    print(next(g))
except StopIteration as e:
    print("StopIteration", e.value)

g = top()
print(next(g))
try:
    print(g.throw(ValueError("v")))
except StopIteration as e:
    print("stopped with", e.value)

g = top()
next(g)
g.close()
print("closed chain")

def delegate_to_list():
    r = yield from [1, 2, 3]
    print("list result", r)
    yield from range(2)
    yield from "ab"

print(list(delegate_to_list()))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("done counting")
        self.n -= 1
        return self.n

def from_class():
    r = yield from Countdown(3)
    print("class result", r)

print(list(from_class()))

def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1

g = deep(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)

def raiser():
    yield 1
    raise ArithmeticError("from inner")

def wrapper():
    try:
        yield from raiser()
    except ArithmeticError as e:
        print("wrapper caught", e)
        yield 99

print(list(wrapper()))
