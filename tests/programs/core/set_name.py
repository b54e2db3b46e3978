# __set_name__ is called when a class is created (property takes its name from it for its
# errors); deleting a missing class attribute.
class D:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError('nope')
class A:
    d = D()
    e = D()
print(A.d.name, A.e.name)
try:
    class B:
        b = Bad()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)
class P:
    @property
    def ro(self):
        return 5
    x = property(lambda self: 1)
    y = property()
    @property
    def rw(self):
        return 1
    @rw.setter
    def rw(self, v):
        pass
P.z = property(lambda self: 1)
for f in [lambda: setattr(P(), 'ro', 1), lambda: delattr(P(), 'ro'), lambda: setattr(P(), 'x', 1), lambda: P().y,
          lambda: setattr(P(), 'y', 1), lambda: setattr(P(), 'z', 1), lambda: delattr(P(), 'rw'), lambda: delattr(P, 'q')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
class SubProp(property):
    pass
class Q:
    @SubProp
    def v(self):
        return 'v'
    @v.setter
    def v(self, x):
        print('set', x)
q = Q()
print(q.v, type(Q.__dict__['v']).__name__)
q.v = 3
import functools
class CP:
    @functools.cached_property
    def val(self):
        print('computing')
        return 42
    other = functools.cached_property(lambda self: 7)
c = CP()
print(c.val, c.val, c.other)
