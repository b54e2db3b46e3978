# Function attributes: the special ones are kept where reads find them, with CPython's checks.


def f():
    pass


def g(a=1, *, k=2):
    return a, k


print(f.__module__)
f.__module__ = 'mymod'
print(f.__module__, '__module__' in f.__dict__)
for attr, val in [('__name__', 3), ('__qualname__', 3), ('__name__', 'nn'), ('__qualname__', 'qq'),
                  ('__module__', 3), ('__doc__', 3), ('__defaults__', 3), ('__defaults__', None),
                  ('__kwdefaults__', 3), ('__kwdefaults__', None), ('__dict__', 3), ('__dict__', {'x': 1}),
                  ('__code__', 1), ('__closure__', 1), ('__globals__', 1), ('custom', 5)]:
    try:
        setattr(f, attr, val)
        print(attr, repr(getattr(f, attr)))
    except Exception as e:
        print(attr, type(e).__name__, e)
print(f.__name__, f.__qualname__, f.x, sorted(f.__dict__))
g.__defaults__ = (10,)
g.__kwdefaults__ = {'k': 20}
print(g())
for attr in ['__name__', '__qualname__', '__module__', '__doc__', '__defaults__', '__kwdefaults__', '__dict__', 'nope']:
    try:
        delattr(g, attr)
        print('del', attr, repr(getattr(g, attr)))
    except Exception as e:
        print('del', attr, type(e).__name__, e)
try:
    g()
except TypeError as e:
    print('TypeError', e)
