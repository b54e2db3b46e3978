# functools: reduce, partial, cmp_to_key, total_ordering, wraps/update_wrapper
import functools
import operator
from functools import reduce, partial, cmp_to_key, total_ordering, wraps


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(operator.add, [], 7),
      reduce(operator.add, ['a', 'b', 'c']), reduce(max, [3, 9, 2]), reduce(operator.add, [5]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))

p = partial(pow, 2)
print(p(10), p.func is pow, p.args, p.keywords)
basetwo = partial(int, base=2)
print(basetwo('10010'), basetwo('11', base=10), basetwo.keywords)
pp = partial(partial(print, 'a', sep='-'), 'b', end='!\n')
pp('c')
print(pp.args, pp.keywords, pp.func is print)
print(partial(print, 1, a=2), repr(partial(max)))
q = partial(print, 1, sep='-')
q(2, 3)
q.note = 'attached'
print(q.note, q.__dict__)


def greet(greeting, name, punct='.'):
    return f'{greeting}, {name}{punct}'


hello = partial(greet, 'Hello')
print(hello('Ann'), hello('Bob', punct='!'), hello(name='Cy'))
print(list(map(partial(operator.mul, 3), [1, 2, 3])))
show(lambda: hello())


class Partial2(partial):
    pass


print(type(Partial2(max, 1)).__name__, Partial2(max, 1)(5))


def compare(a, b):
    return (a > b) - (a < b)


words = ['pear', 'Apple', 'fig', 'banana']
print(sorted(words, key=cmp_to_key(lambda a, b: len(a) - len(b))), sorted([3, 1, 2], key=cmp_to_key(compare), reverse=True))
k = cmp_to_key(compare)
print(k(1) < k(2), k(2) <= k(2), k(3) == k(3), k(1) > k(2), k(1) >= k(2), k(1) != k(1), k(5).obj)
print(min([4, 2, 8], key=cmp_to_key(compare)), max('abc', key=cmp_to_key(compare)))


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f'V{self.major}.{self.minor}'


a, b = Version(1, 2), Version(1, 3)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, b >= a, b > a, a <= Version(1, 2), sorted([b, a, Version(0, 9)]))
print(Version.__gt__.__name__, Version.__lt__.__name__, max(a, b))


@total_ordering
class Rev:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        if not isinstance(other, Rev):
            return NotImplemented
        return self.v > other.v


r1, r2 = Rev(1), Rev(2)
print(r1 < r2, r1 <= r2, r1 >= r2, r2 >= r2, r1 <= r1)
show(lambda: r1 < 5)


@total_ordering
class GE:
    def __init__(self, v):
        self.v = v

    def __ge__(self, other):
        return self.v >= other.v


print(GE(1) < GE(2), GE(1) <= GE(1), GE(2) > GE(1), GE(1) > GE(1))


@total_ordering
class LE:
    def __init__(self, v):
        self.v = v

    def __le__(self, other):
        return self.v <= other.v


print(LE(1) < LE(2), LE(2) >= LE(1), LE(2) > LE(1), LE(1) > LE(1), LE(1) < LE(1))
show(lambda: total_ordering(type('X', (), {})))


def my_decorator(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return f(*args, **kwargs) * 2
    return wrapper


@my_decorator
def double_me(x):
    """Return x."""
    return x


print(double_me(21), double_me.__name__, double_me.__doc__, double_me.__qualname__, double_me.__wrapped__(4))


def plain(x):
    """plain doc"""
    return x


def other(*a):
    return a


other.extra = 1
plain.marker = 'm'
w = functools.update_wrapper(other, plain)
print(w is other, other.__name__, other.__doc__, other.marker, other.extra, other.__wrapped__ is plain)
w2 = functools.update_wrapper(lambda: 0, plain, assigned=('__doc__',), updated=())
print(w2.__name__, w2.__doc__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

show(lambda: reduce())
show(lambda: reduce(1))
show(lambda: reduce(lambda a, b: a, 5))
show(lambda: reduce(lambda a, b: a, []))
show(lambda: reduce(f=1))
show(lambda: reduce(1, 2, 3, 4))
show(lambda: partial())
show(lambda: partial(1))
show(lambda: setattr(partial(print), 'func', 1))
show(lambda: cmp_to_key())
show(lambda: cmp_to_key(compare)(1) < 2)
show(lambda: cmp_to_key(compare)())
show(lambda: {cmp_to_key(compare)(1): 1})
show(lambda: functools.update_wrapper(1))
show(lambda: wraps())
