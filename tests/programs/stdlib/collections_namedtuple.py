# collections.namedtuple: the generated class, its methods, validation and argument errors
from collections import namedtuple


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, repr(p), str(p), p.x, p.y, p[0], p[-1], p[:1], len(p), list(p))
print(Point._fields, Point._field_defaults, Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__)
print(Point, type(p), isinstance(p, tuple), issubclass(Point, tuple), Point.__bases__)
print(p._asdict(), p._replace(x=10), Point._make([3, 4]), Point._make(range(2)), p.__getnewargs__(), Point.__match_args__)
print(Point(x=5, y=6), Point(7, y=8), p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), p < Point(1, 3))
x, y = p
print(x, y, p + (3,), p * 2, p.count(1), p.index(2), sorted([Point(2, 1), Point(1, 5)]))
print(Point.x.__doc__, Point.y.__doc__, Point.__new__.__doc__, Point.__new__.__defaults__)
print({p: 'a'}[Point(1, 2)], max(Point(1, 2), Point(1, 3)), f'{p}')

Config = namedtuple('Config', ['host', 'port', 'debug'], defaults=[8080, False])
print(Config('h'), Config('h', 1), Config('h', debug=True), Config._field_defaults, Config.__new__.__defaults__)
R = namedtuple('R', 'a, def, _c, a', rename=True)
print(R._fields, R(1, 2, 3, 4))
M = namedtuple('M', 'a b', module='mymod')
print(M, M.__module__)
E = namedtuple('E', '')
print(E(), E._fields, len(E()))
S = namedtuple('S', ('a',))
print(S(1), S('x').a)


class Vector(namedtuple('Vector', 'x y')):
    __slots__ = ()

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)


v = Vector(3, 4)
print(v, abs(v), v + Vector(1, 1), Vector._make([0, 1]), type(Vector._make([0, 1])).__name__, v._replace(y=0))
print(type(v._replace(y=0)).__name__, v._asdict(), Vector.__mro__[1].__name__)


class Employee(namedtuple('Employee', ['name', 'dept'])):
    def describe(self):
        return f'{self.name} works in {self.dept}'


print(Employee('Ann', 'R&D').describe(), Employee('Bob', 'Ops'))

show(lambda: Point(1))
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, x=2))
show(lambda: Point(1, z=2))
show(lambda: Point())
show(lambda: Config())
show(lambda: Config(1, 2, 3, 4))
show(lambda: namedtuple('1P', 'x'))
show(lambda: namedtuple('P', 'x def'))
show(lambda: namedtuple('P', 'x _y'))
show(lambda: namedtuple('P', 'x x'))
show(lambda: namedtuple('P', 'x 1y'))
show(lambda: namedtuple('P', [1, 2]))
show(lambda: namedtuple('class', 'x'))
show(lambda: namedtuple('P', 'x', defaults=[1, 2]))
show(lambda: namedtuple('P', 'x y', 1))
show(lambda: namedtuple('P'))
show(lambda: namedtuple())
show(lambda: namedtuple('P', 'x', bogus=1))
show(lambda: Point._make([1]))
show(lambda: Point._make([1, 2, 3]))
show(lambda: p._replace(z=3))
show(lambda: p._replace(1))
show(lambda: setattr(p, 'x', 3))
show(lambda: p.z)
show(lambda: p._asdict(1))
print(Point.__new__(Point, 5, 6), Point.__new__(tuple, 1, 2))
