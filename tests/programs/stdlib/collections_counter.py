# collections.Counter: counting, most_common order, arithmetic, comparisons, errors
from collections import Counter


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


c = Counter('abracadabra')
print(c, len(c), c['a'], c['zzz'], 'zzz' in c)
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1), c.most_common(1), c.most_common(100))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(c.total(), Counter().total())
print(Counter(), Counter(a=0), Counter({'x': 2, 'y': 5, 'z': 2}), Counter([1, 1, 2, None, None, None]))
print(Counter({'a': 'x', 'b': 2}), Counter(a=[1], b=[2]))
c['zz'] += 1
del c['nope']
del c['b']
print(c)
c.update('aaz')
c.update({'q': 3, 'a': 1})
c.update(k=7)
c.update(None)
print(c)
c.subtract('aaaa')
c.subtract({'k': 10})
c.subtract(r=1)
print(c)
e = Counter()
e.update({'a': 1})
print(e, Counter(Counter(a=2)), Counter(iterable=4))
print(c.copy() == c, type(c.copy()).__name__, dict(Counter('aab')))

# arithmetic
p = Counter(a=3, b=-1, d=2)
q = Counter(a=-5, c=2, d=1)
print(p + q, p - q, p | q, p & q, +p, -p)
print(Counter(a=1) | {'b': 1}, {'b': 1} | Counter(a=1))
x = Counter(a=3, b=1)
x += Counter(a=-3, c=2)
print(x)
x -= {'c': 5, 'z': -1}
print(x)
x |= Counter(q=4, z=0)
print(x)
x &= Counter(q=2, z=1)
print(x)
print(x._keep_positive())

# comparisons (missing counts are zero)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2),
      Counter(a=1) < Counter(a=1), Counter(a=2, b=1) >= Counter(a=1), Counter(a=2) > Counter(a=2, b=0),
      Counter(a=1) == {'a': 1}, Counter(a=1) != {'a': 1})

# words
text = "the quick brown fox jumps over the lazy dog the end"
words = Counter(text.split())
for w, n in words.most_common(3):
    print(w, n)
print(sorted(words.items())[:3], list(words.keys())[:4], sum(words.values()))


class MyCounter(Counter):
    def __missing__(self, key):
        return -1


m = MyCounter('aab')
print(m, m['a'], m['zz'], type(m).__name__, m.most_common(1))


class LoudCounter(Counter):
    def __setitem__(self, key, value):
        print('set', key, value)
        super().__setitem__(key, value)


lc = LoudCounter('aba')
print(lc)

show(lambda: Counter(1, 2))
show(lambda: Counter(5))
show(lambda: Counter().update(1, 2))
show(lambda: Counter().subtract(1, 2))
show(lambda: Counter.fromkeys('ab'))
show(lambda: Counter('aab').most_common('a'))
show(lambda: Counter('aab').most_common(1.5))
show(lambda: Counter('aab').most_common(1, 2))
show(lambda: Counter('aab').most_common(x=1))
show(lambda: Counter(a=1) + 1)
show(lambda: Counter(a=1) < {'a': 2})
show(lambda: list(Counter(a=1.5).elements()))
show(lambda: Counter(a=1).elements(1))
show(lambda: Counter(a='x', b=1).most_common())
print(Counter(a='x', b=1))


def iadd_int():
    y = Counter(a=1)
    y += 5


show(iadd_int)
