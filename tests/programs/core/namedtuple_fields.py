# namedtuple fields are _tuplegetter descriptors: read-only, with their doc.
import collections
P = collections.namedtuple('P', 'x y')
p = P(1, 2)
for f in [lambda: setattr(p, 'x', 1), lambda: delattr(p, 'x'), lambda: P.x, lambda: type(P.x).__name__, lambda: P.x.__doc__,
          lambda: (p.x, p.y), lambda: type(P.x).__module__, lambda: P.x.__get__(p), lambda: P.x.__get__(None, P) is P.x,
          lambda: P.x.__get__(3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class Q(P):
    @property
    def s(self):
        return self.x + self.y
print(Q(3, 4).s, Q(3, 4).x)
P.x.__doc__ = 'the x'
print(P.x.__doc__)
