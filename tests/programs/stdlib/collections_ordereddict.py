# collections.OrderedDict: order operations, equality, views, iteration errors, repr
from collections import OrderedDict


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


o = OrderedDict.fromkeys('abcde')
o.move_to_end('b')
print(list(o))
o.move_to_end('e', last=False)
print(list(o), o.popitem(), o.popitem(last=False), o.popitem(False), list(o))
o.move_to_end('c')
o.move_to_end('d', False)
print(o)
o['a'] = 1
o['z'] = 26
o['d'] = 4
print(o, len(o), o['a'], o.get('q', 'none'), 'z' in o)
del o['d']
print(o, list(o.keys()), list(o.values()), list(o.items()))
print(o.keys(), o.values(), o.items(), OrderedDict().keys())
print(list(reversed(o)), list(reversed(o.items())), list(reversed(o.keys())), list(reversed(o.values())))
print(o.keys() & {'a', 'q'}, o.keys() | {'q'} == {'a', 'c', 'z', 'q'}, o.keys() - {'a'} == {'c', 'z'},
      'a' in o.keys(), ('a', 1) in o.items(), o.keys() == {'a', 'c', 'z'}, len(o.items()))
print(o.setdefault('n', 5), o.pop('n'), o.pop('n', 'gone'), o)
o.update([('k', 1)], j=2)
o.update({'a': 'A'})
print(o, o.copy(), type(o.copy()))
print(OrderedDict(), OrderedDict(a=1), OrderedDict([('b', 2), ('a', 1)]), OrderedDict({'x': 1}))

# equality is order-sensitive only between OrderedDicts
a = OrderedDict(a=1, b=2)
b = OrderedDict(b=2, a=1)
print(a == b, a != b, a == dict(b=2, a=1), dict(b=2, a=1) == a, a == OrderedDict(a=1, b=2))
print(a | {'c': 3}, {'c': 3} | a, type({"c": 3} | a))
a |= [('d', 4)]
print(a)

# repr of a self-containing OrderedDict
r = OrderedDict(a=1)
r['self'] = r
print(r)

# mutation during iteration
for op in ['add', 'move', 'delete']:
    m = OrderedDict(a=1, b=2)
    try:
        for k in m:
            if op == 'add':
                m['c'] = 3
            elif op == 'move':
                m.move_to_end('a')
            else:
                del m['b']
    except RuntimeError as e:
        print(op, 'RuntimeError', e)
m = OrderedDict(a=1, b=2)
for k in m:
    m[k] = 0
print(m)


class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated(a=1, b=2)
lu['a'] = 3
lu.update(b=5)
print(lu, type(lu).__name__, isinstance(lu, dict))


class LRU(OrderedDict):
    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity

    def get_item(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.capacity:
            self.popitem(last=False)


cache = LRU(2)
cache.put(1, 1)
cache.put(2, 2)
print(cache.get_item(1))
cache.put(3, 3)
print(cache.get_item(2), cache.get_item(3), list(cache.items()))

show(lambda: OrderedDict(1, 2))
show(lambda: OrderedDict(5))
show(lambda: OrderedDict([1]))
show(lambda: OrderedDict([(1, 2, 3)]))
show(lambda: OrderedDict([(1,)]))
show(lambda: OrderedDict().update(1, 2))
show(lambda: OrderedDict().popitem())
show(lambda: OrderedDict().move_to_end(1))
show(lambda: OrderedDict(a=1).move_to_end('a', 1, 2))
show(lambda: OrderedDict().popitem(1, 2))
show(lambda: OrderedDict(a=1)['b'])
print(OrderedDict(a=1).pop(key='a', default=2), OrderedDict().pop('z', default=3), OrderedDict().setdefault(key=1, default=2),
      OrderedDict.fromkeys(iterable='ab', value=0))
for key in [(1, 2), None, 'a', ()]:
    try:
        OrderedDict().pop(key)
    except KeyError as e:
        print(repr(e))
    try:
        OrderedDict().move_to_end(key)
    except KeyError as e:
        print(repr(e))
show(lambda: OrderedDict().pop())
show(lambda: OrderedDict().pop(1, x=2))
show(lambda: OrderedDict().setdefault())
show(lambda: OrderedDict.fromkeys())
