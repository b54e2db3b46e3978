# collections.defaultdict: default_factory, __missing__, copy, |, repr, errors
from collections import defaultdict


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, d['zz'], len(d), 'q' in d, d.get('q'))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, dict(counts), sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x'], dict(nested['x']), nested['x']['q'])
s = defaultdict(set)
s[1].add(2)
print(s, s.default_factory, counts.default_factory)
c = d.copy()
c['new'].append(0)
print(c, type(c) is defaultdict, d.__copy__(), d.__missing__('m'), d)
n = defaultdict()
show(lambda: n['missing'])
n.default_factory = str
print(repr(n['missing']), n)
n.default_factory = None
print(n)
print(defaultdict(None, {1: 2}), defaultdict(list, [(1, 2)], b=3), defaultdict(int, a=1) | {'b': 2}, {'b': 2} | defaultdict(int, a=1))
print(defaultdict(int, a=1) == {'a': 1}, isinstance(d, dict))
x = defaultdict(list)
x['me'] = x
print(x)
y = defaultdict()
y.default_factory = y
print(y)
z = defaultdict(int)
z |= {'k': 9}
print(z)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)

    def __missing__(self, key):
        print('missing', key)
        return super().__missing__(key)


t = Tree()
t['a']['b']
print(sorted(t), sorted(t['a']), type(t['a']).__name__)

show(lambda: defaultdict(1))
show(lambda: defaultdict(list, 1, 2))
show(lambda: defaultdict(list)[[]])
show(lambda: defaultdict(None, a=1))
show(lambda: defaultdict(default_factory=list))
show(lambda: defaultdict()[5])
show(lambda: defaultdict(int).__missing__())
