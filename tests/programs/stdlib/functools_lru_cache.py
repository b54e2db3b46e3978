# functools.lru_cache / cache: hits and misses, eviction order, typed keys, methods, errors
import functools
from functools import lru_cache, cache


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


@lru_cache
def double(x):
    """Doubles."""
    return x * 2


print(double(1), double(1), double(2), double.cache_info(), double.cache_parameters())
print(double.__name__, double.__doc__, double.__wrapped__(5), type(double))
double.cache_clear()
print(double.cache_info())


@lru_cache(maxsize=2)
def add(x, y=0):
    print('computing', x, y)
    return x + y


print(add(1), add(2), add(1), add(3), add(2), add(1, y=0), add(1), add(x=1))
print(add.cache_info())


@cache
def ident(x):
    return x


print(ident(1), ident(1.0), ident(True), ident('a'), ident((1, 2)), ident.cache_info())


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


@lru_cache(typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(1), typed.cache_info(), typed.cache_parameters())


@lru_cache(3)
def sq(x):
    return x * x


for v in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(v)
print(sq.cache_info())


@lru_cache(-5)
def neg(x):
    return x


print(neg(1), neg(1), neg.cache_info())


class Calc:
    def __init__(self, k):
        self.k = k

    @lru_cache(maxsize=None)
    def scaled(self, x):
        print('scaling', x)
        return self.k * x

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, Calc) and self.k == other.k


c = Calc(3)
print(c.scaled(2), c.scaled(2), Calc(3).scaled(2), Calc(4).scaled(2), Calc.scaled.cache_info())


def kwfunc(a, *, b=1):
    return a + b


kw = lru_cache(kwfunc)
print(kw(1), kw(1, b=1), kw(1, b=2), kw(a=1), kw.cache_info())


def unhashable_arg():
    @lru_cache
    def f(x):
        return x
    return f([1])


show(unhashable_arg)
show(lambda: lru_cache('a'))
show(lambda: lru_cache(1, 2, 3))
show(lambda: lru_cache(x=1))
show(lambda: lru_cache(5)(1))
show(lambda: double(1, 2))
