# KeyError from dicts and sets, with CPython's str() of the key.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', result)
    except Exception as e:
        print(label, type(e).__name__, e, repr(e.args))

d = {'a': 1, 2: 'two', (1, 2): 'pair'}

show("d['b']", lambda: d['b'])
show('d[3]', lambda: d[3])
show('d[(1, 3)]', lambda: d[(1, 3)])
show('d[None]', lambda: d[None])
show('d[2.5]', lambda: d[2.5])
show("d['']", lambda: d[''])
show('d[2.0]', lambda: d[2.0])
show("d.pop('zz')", lambda: d.pop('zz'))
show("d.pop('zz', 0)", lambda: d.pop('zz', 0))
show('{}.popitem()', lambda: {}.popitem())

def delete(key):
    e = {'k': 1}
    del e[key]
    return e

show("del d['x']", lambda: delete('x'))
show("del d['k']", lambda: delete('k'))

s = {1, 2, 3}

def remove(x):
    t = set(s)
    t.remove(x)
    return sorted(t)

show('set.remove(4)', lambda: remove(4))
show('set.remove(2)', lambda: remove(2))
show("set.remove('a')", lambda: remove('a'))
show('set().pop()', lambda: set().pop())
show('discard', lambda: s.discard(99))

class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return hash(self.n)
    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n
    def __repr__(self):
        return f'Key({self.n})'

kd = {Key(1): 'one'}
show('Key(1)', lambda: kd[Key(1)])
show('Key(2)', lambda: kd[Key(2)])

# KeyError with a message argument prints its repr
try:
    raise KeyError('some message')
except KeyError as e:
    print('raised:', e)

try:
    raise KeyError()
except KeyError as e:
    print('no args:', repr(str(e)))

try:
    raise KeyError(1, 2)
except KeyError as e:
    print('two args:', e)

# a missing key in a dict subclass with __missing__ is not an error
class Default(dict):
    def __missing__(self, key):
        return key * 2

print(Default()['ab'])

try:
    d['nope']
except LookupError as e:
    print('LookupError catches KeyError', e)
