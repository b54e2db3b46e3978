# The TypeErrors of item assignment and deletion on types that do not support them.
import collections, array
class U: pass
class UG:
    def __getitem__(self, k): return 1
class US:
    def __setitem__(self, k, v): pass
class UD:
    def __delitem__(self, k): pass
vals = [1, 1.5, 'abc', b'ab', bytearray(b'ab'), (1, 2), [1, 2], {1: 2}, {1}, frozenset({1}), range(3), None, 1j, True,
        U(), UG(), US(), iter([1]), collections.deque([1]), array.array('i', [1]), {}.keys(), {}.values(), {}.items(), slice(1), len, collections.OrderedDict(a=1), collections.Counter('a'), collections.defaultdict(int)]
for v in vals:
    for op in ['del', 'set']:
        try:
            if op == 'del':
                del v[0]
            else:
                v[0] = 1
            print(type(v).__name__, op, 'ok')
        except Exception as e:
            print(type(v).__name__, op, type(e).__name__, e)
class UD:
    def __delitem__(self, k): print('deleted', k)
def d1(): del U()['x']
def d2(): del 'abc'['x']
def d3(): del (1,2)[1.5]
def d4(): UD()[0] = 1
def d5(): del UD()[0]
def d6(): del True[0]
for f in [d1,d2,d3,d4,d5,d6]:
  try: f()
  except Exception as e: print(type(e).__name__, e)
