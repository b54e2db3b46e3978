# Classes deriving from built-in types: types not readied at startup (map), dunders found past a
# built-in base that does not define them, object.__new__ checks, super() repr, yield from a
# class iterator whose StopIteration carries a value, throw() of a class whose __new__ misbehaves.


class mymap(map):
    pass


m = mymap(lambda x: x + 10, range(4))
print(type(m).__name__, next(m), list(m))
print(map.__mro__, zip.__bases__, filter.__qualname__, reversed.__module__)


class Base1:
    def __init__(self, *args):
        print('Base1.__init__', args)

    def __len__(self):
        return 99


class T(tuple, Base1):
    pass


t = T([1, 2, 3])
print(len(t), t == (1, 2, 3))


class Foo:
    def __new__(cls):
        raise RuntimeError

    def __init__(self):
        self.attr = 1


class L(list):
    pass


class E(Exception):
    pass


for f in [lambda: object.__new__(1), lambda: object.__new__(int), lambda: object.__new__(L),
          lambda: type(object.__new__(Foo)).__name__, lambda: object.__new__(Foo, 1),
          lambda: object.__new__(E), lambda: BaseException.__new__(E, 1, 2).args, lambda: BaseException.__new__(int)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)


class A:
    def p(self):
        return repr(super())


make_super = super  # (called by another name: the compiler's zero-argument super() needs no cell here)
print(A().p(), repr(make_super(A)), repr(make_super(A, A)))


class MyStop(StopIteration):
    pass


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise MyStop(3)


def gen():
    result = yield from It()
    print('yield from gave', result)
    return 4


try:
    next(gen())
except StopIteration as stop:
    print('StopIteration', stop.args)


class Bad(BaseException):
    def __new__(cls, *args):
        return 1


def g2():
    yield


try:
    g2().throw(Bad)
except TypeError as e:
    print('TypeError', e)
for f in [lambda: make_super(1), lambda: make_super(A, 1), lambda: make_super(A).__thisclass__,
          lambda: make_super(A, A()).__self_class__, lambda: make_super(A).__self__, lambda: make_super(A, A(), 3),
          lambda: make_super(A).nope]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
