# Calls with the wrong arguments: CPython's messages name the function by its qualified name.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', repr(result))
    except Exception as e:
        print(label, type(e).__name__, e)

def f(a, b):
    return a + b

def g(a, b=2):
    return a + b

def h(a, b, c):
    return a + b + c

def kwonly(a, *, k):
    return a + k

def posonly(a, b, /, c):
    return a + b + c

def star(*args, **kwargs):
    return len(args) + len(kwargs)

def none():
    return 0

show('f(1)', lambda: f(1))
show('f()', lambda: f())
show('h()', lambda: h())
show('h(1)', lambda: h(1))
show('f(1, 2, 3)', lambda: f(1, 2, 3))
show('none(1)', lambda: none(1))
show('none(1, 2)', lambda: none(1, 2))
show('g()', lambda: g())
show('g(1, 2, 3)', lambda: g(1, 2, 3))
show('f(1, 2, c=3)', lambda: f(1, 2, c=3))
show('f(1, a=2)', lambda: f(1, a=2))
show('f(b=1)', lambda: f(b=1))
show('kwonly(1)', lambda: kwonly(1))
show('kwonly(1, 2)', lambda: kwonly(1, 2))
show('kwonly(1, 2, k=3)', lambda: kwonly(1, 2, k=3))
show('posonly(a=1, b=2, c=3)', lambda: posonly(a=1, b=2, c=3))
show('posonly(1, 2)', lambda: posonly(1, 2))
show('f(*[1, 2, 3])', lambda: f(*[1, 2, 3]))
show('f(**{"a": 1})', lambda: f(**{'a': 1}))
show('f(1, **{"a": 1})', lambda: f(1, **{'a': 1}))
show('f(**{1: 2})', lambda: f(**{1: 2}))
show('f(*5)', lambda: f(*5))
show('f(**5)', lambda: f(**5))
show('star(1, x=2)', lambda: star(1, x=2))
show('lambda x: x ()', lambda: (lambda x: x)())
show('lambda: 0 (1)', lambda: (lambda: 0)(1))

def outer():
    def inner(x):
        return x
    return inner

show('outer()()', lambda: outer()())

class C:
    def m(self):
        return 1
    def two(self, a, b):
        return a + b
    @staticmethod
    def s(x):
        return x
    @classmethod
    def k(cls, x):
        return x

class WithInit:
    def __init__(self, a):
        self.a = a

class Plain:
    pass

show('C().m(1, 2)', lambda: C().m(1, 2))
show('C().two(1)', lambda: C().two(1))
show('C.m()', lambda: C.m())
show('C.s()', lambda: C.s())
show('C.k()', lambda: C.k())
show('C.k(1, 2)', lambda: C.k(1, 2))
show('WithInit()', lambda: WithInit())
show('WithInit(1, 2)', lambda: WithInit(1, 2))
show('WithInit(b=1)', lambda: WithInit(b=1))
show('Plain(1)', lambda: Plain(1))
show('Plain(x=1)', lambda: Plain(x=1))
show('object(1)', lambda: object(1))

show('len()', lambda: len())
show('len(1, 2)', lambda: len([1], [2]))
show('abs()', lambda: abs())
show('isinstance(1)', lambda: isinstance(1))
show('[].append()', lambda: [].append())
show('[].append(1, 2)', lambda: [].append(1, 2))
show("'a'.split(1, 2, 3)", lambda: 'a'.split(1, 2, 3))
show('sorted([1], 2)', lambda: sorted([1], 2))
show('print(end=1)', lambda: print(end=1))
show('int(x=1)', lambda: int(x=1))
show('divmod(1)', lambda: divmod(1))
show('range()', lambda: range())
show('range(1, 2, 3, 4)', lambda: range(1, 2, 3, 4))
show('dict(1, 2)', lambda: dict(1, 2))
show('{}.get()', lambda: {}.get())
