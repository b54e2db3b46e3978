# functools.cached_property: computed once per instance, stored in the instance __dict__
from functools import cached_property
import functools


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @cached_property
    def area(self):
        """The area."""
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed, c.__dict__, Circle.area.__doc__, Circle.area.attrname, type(Circle.area))
del c.area
print(c.area, c.computed)
c.area = 99
print(c.area, c.computed)
d = Circle(3)
print(d.area, c.area, Circle.area.__get__(None, Circle) is Circle.area, Circle.area.func.__name__)


class Square(Circle):
    @cached_property
    def side(self):
        return [self.area]


s = Square(1)
print(s.side, s.side is s.side, s.area, s.computed)
try:
    cached_property()
except TypeError as e:
    print('TypeError', e)
print(functools.cached_property is cached_property)
