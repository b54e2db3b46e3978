# collections.deque: construction, both ends, maxlen, indexing, rotation, errors
from collections import deque


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, d[0], d[-1], d[3])
d[0] = 'x'
del d[1]
print(d, 3 in d, 99 in d, d.count(2), d.index(3), d.index(5, 2), d.index(3, -100))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, list(reversed(d)))
d.insert(1, 'ins')
d.insert(-1, 'neg')
d.insert(100, 'end')
d.insert(-100, 'start')
print(d)
d.remove('ins')
print(d, d.copy(), d.__copy__())
d.clear()
print(d, deque(), deque(maxlen=0), deque('abc'), deque(range(3), 2))

# maxlen trimming
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen, deque().maxlen)
m.appendleft(9)
print(m)
m.extendleft([7, 8])
print(m)
m.extend(range(10, 20))
print(m)
z = deque([1, 2], maxlen=0)
z.append(3)
print(z, len(z))

# operators
a = deque([1, 2])
b = deque([1, 3])
print(a == deque([1, 2]), a != b, a < b, a <= b, b > a, a == [1, 2], deque([1]) < deque([1, 2]))
print(a + b, a * 2, 2 * a, a * 0, a * -1, deque([1, 2, 3], 2) * 3)
a += [7]
print(a)
a += a
print(a)
a *= 2
print(a)
m2 = deque([1, 2], maxlen=3)
print(m2 * 1000000)

# the deque seen from itself
r = deque([1])
r.append(r)
print(r)
r.extend(r)
print(len(r))

# iteration and mutation
e = deque([1, 2, 3])
try:
    for i in e:
        e.append(1)
except RuntimeError as ex:
    print('RuntimeError', ex)
e = deque([1, 2, 3])
for i in e:
    e[0] = 5
print(e)
it = iter(deque([1, 2, 3]))
print(next(it), list(it))
print([x for x in reversed(deque('abc'))])


class K:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.append(1)
        return False


for name in ['count', 'index', 'remove', '__contains__']:
    e = deque([1, 2])
    show(lambda: getattr(e, name)(K(e)))

# subclasses
class D(deque):
    pass


s = D([1, 2], 5)
s.append(3)
print(s, type(s).__name__, D([1]).copy(), type(D([1]) + deque([2])).__name__, type(D([1]) * 2).__name__)


class Stack(deque):
    def push(self, x):
        self.append(x)

    def __repr__(self):
        return 'Stack' + repr(list(self))


st = Stack()
st.push(1)
st.push(2)
print(st, st.pop(), len(st), isinstance(st, deque))

# errors
d = deque([1, 2, 3])
show(lambda: d.remove(9))
show(lambda: d.index(9))
show(lambda: d.index(1, 'a'))
show(lambda: d.index())
show(lambda: d[5])
show(lambda: d['a'])
show(lambda: d[1:2])
show(lambda: d.__setitem__(5, 1))
show(lambda: d.__delitem__(-5))
show(lambda: deque().pop())
show(lambda: deque().popleft())
show(lambda: deque([1], 1).insert(0, 2))
show(lambda: d.insert(1))
show(lambda: d.insert('a', 1))
show(lambda: d.rotate('a'))
show(lambda: d.rotate(1, 2))
show(lambda: deque(1))
show(lambda: deque([], 'a'))
show(lambda: deque([], -1))
show(lambda: deque([], 1, 2))
show(lambda: deque(x=1))
show(lambda: d + [1])
show(lambda: d * 'a')
show(lambda: d < [1])
show(lambda: d.append())
show(lambda: d.append(1, 2))
show(lambda: d.extend(1))
show(lambda: d.count())
show(lambda: d.copy(1))
show(lambda: d.pop(1))
show(lambda: ~d)
show(lambda: setattr(d, 'maxlen', 3))
show(lambda: {d: 1})
print(deque(maxlen=3, iterable=[1, 2, 3, 4]))
d = deque([1, 2, 3])
d.__init__([5])
print(d)
d.__init__([6, 7, 8], 2)
print(d)
