# dict(...) and dict.__init__ argument errors; dict.__init__ does not call an overridden update.
import collections
class D(dict):
    def update(self, *a, **k): print('update called')
d = D({1: 2}, x=3)
print(d)
d.__init__({5: 6})
print(d)
for f in [lambda: dict(1, 2), lambda: D(1, 2), lambda: dict(1), lambda: dict([1]), lambda: dict([(1,2,3)]), lambda: {}.update(1,2), lambda: {}.update(1), lambda: collections.OrderedDict(1,2), lambda: collections.defaultdict(int, 1, 2), lambda: collections.Counter(1,2), lambda: dict.fromkeys(), lambda: {}.update([[1]]), lambda: dict(['ab', 'c']), lambda: dict({1:2}, y=3), lambda: dict(a=1)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
