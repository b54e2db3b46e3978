# generators and iterator classes wherever an iterable goes; iter()/next() with a default

def gen(n):
    for i in range(n):
        yield i

class Squares:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * self.i

class Reiterable:
    def __iter__(self):
        yield "x"
        yield "y"

for source in (lambda: gen(4), lambda: Squares(4), lambda: (c for c in "abcd")):
    print(list(source()))
    print(tuple(source()), set(source()) == set(source()), sorted(source(), reverse=True))
    print([v for v in source()], {v: 1 for v in source()})
    print(sum(1 for _ in source()), max(source()), min(source()))
    a, b, *rest = source()
    print(a, b, rest)
    print(list(zip(source(), source())), list(enumerate(source())))
    print(list(map(str, source())), list(filter(None, source())))
    print(any(source()), all(source()), " ".join(str(v) for v in source()))
    print(*source())
    for x in source():
        print("for", x, end=";")
    print()
    print(dict(zip(source(), source())))

print(sum(x * x for x in range(10) if x % 3))
print(list(Reiterable()), list(Reiterable()))
print([(x, y) for x in gen(3) for y in gen(x)])

it = iter(gen(2))
print(it is iter(it))
print(next(it), next(it), next(it, "default"), next(it, None))
it = iter(Squares(1))
print(next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")

calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))

g = gen(3)
print(3 in gen(5), 7 in gen(5), 1 in g, list(g))
print(list(reversed(list(gen(3)))))
x, y = (v for v in "hi")
print(x, y)
print(type(gen(1)).__name__, type(x for x in ()).__name__)
print(gen.__name__, gen(1).__name__, gen(1).__qualname__)
