# return values as StopIteration.value, PEP 479, generators outliving their creator

def counted(n):
    for i in range(n):
        yield i
    return "total %d" % n

g = counted(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)

def empty_return():
    return
    yield

try:
    next(empty_return())
except StopIteration as e:
    print("value of bare return:", e.value)

def leaky():
    yield 1
    raise StopIteration("inner")

try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def uses_next(it):
    while True:
        yield next(it)

try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)

def make_counter(start):
    count = start
    def gen():
        nonlocal count
        while count < start + 3:
            yield count
            count += 1
    return gen()

c = make_counter(10)
print(list(c))

def factory():
    local = [1, 2, 3]
    return (x * 2 for x in local)

g2 = factory()
print(next(g2), list(g2))

def outer():
    def inner(k):
        for i in range(k):
            yield i * i
    return inner

print(list(outer()(4)))
