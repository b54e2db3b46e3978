# type(name, bases, dict): argument checks, the namespace copy, __qualname__, class keywords
# passed to __init_subclass__; names of built-in types with a module.
import collections
import itertools

for args in [(), (1, 2), ('abc', None, None), ('abc', (), None), ('abc', (1,), {}), (1, (), {}),
             ('a', [], {}), ('a', (bool,), {}), ('a', (), {'__qualname__': 3}), ('a', (int, str), {})]:
    try:
        type(*args)
        print('created')
    except TypeError as e:
        print('TypeError', e)
try:
    type(1, x=2)
except TypeError as e:
    print('TypeError', e)
print(type(int), type(3), type('x'))


class B:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)


class A(B, x=1):
    pass


print(type('C', (B,), {}, y=2))
try:
    class D(x=1):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    type('E', (), {}, z=3)
except TypeError as e:
    print('TypeError', e)

ns = {'a': 1, '__qualname__': 'Q', 'f': lambda self: 'f called'}
C = type('C', (), ns)
ns['b'] = 2
print(hasattr(C, 'b'), C.a, C.__qualname__, C.__name__, '__qualname__' in C.__dict__, C().f())
print(type('a.b', (), {}).__name__)


class Plain:
    pass


print('__qualname__' in Plain.__dict__, Plain.__qualname__, Plain.__module__)

for t in [collections.deque, collections.OrderedDict, collections.defaultdict, itertools.count, itertools.chain,
          int, list, KeyError]:
    print(t.__name__, t.__qualname__, t.__module__, t)
