# operator: the function forms of the operators, itemgetter, attrgetter, methodcaller
import operator
from operator import itemgetter, attrgetter, methodcaller


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


o = operator
print(o.add(1, 2), o.sub(5, 3), o.mul('ab', 2), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10), o.matmul if False else '')
print(o.neg(5), o.pos(-5), o.abs(-3.5), o.invert(5), o.inv(0), o.not_(0), o.not_([1]), o.truth(''), o.truth('x'))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2), o.lt('a', 'b'))
print(o.and_(12, 10), o.or_(12, 10), o.xor(12, 10), o.lshift(1, 5), o.rshift(64, 3), o.and_({1, 2}, {2, 3}))
print(o.is_(None, None), o.is_not(1, None), o.contains([1, 2], 2), o.contains('abc', 'z'), o.countOf([1, 2, 1, 1], 1), o.indexOf('abc', 'c'))
print(o.index(7), o.index(True), o.concat([1], [2]), o.concat('a', 'b'), o.concat((1,), (2,)), o.length_hint([1, 2, 3]),
      o.length_hint(iter([1, 2])), o.length_hint(5, 9))
x = [1, 2, 3]
print(o.getitem(x, 1), o.getitem(x, slice(0, 2)), o.setitem(x, 0, 'a'), x, o.delitem(x, 1), x, o.getitem({'k': 'v'}, 'k'))
lst = [1]
print(o.iadd(lst, [2]) is lst, lst, o.iadd(1, 2), o.isub(5, 1), o.imul([0], 2), o.iconcat([1], (2,)), o.ior({1}, {2}),
      o.iand(6, 3), o.ixor(6, 3), o.ilshift(1, 3), o.irshift(8, 1), o.imod(7, 4), o.ipow(2, 3), o.ifloordiv(9, 2), o.itruediv(9, 2))
print(o.__add__(2, 3), o.__lt__(1, 2), o.__not__(1), o.__getitem__('ab', 0), o.__add__ is o.add, o.add, o.call(max, 1, 5))
from functools import reduce
print(reduce(o.mul, range(1, 8)), sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=itemgetter(1)), list(map(o.neg, [1, -2])))

g = itemgetter(1)
g2 = itemgetter(0, 2, -1)
print(g([5, 6]), g('xyz'), g({1: 'one'}), g2('abcdef'), itemgetter(slice(1, 3))([1, 2, 3, 4]), g, g2, itemgetter('a', 'b')({'a': 1, 'b': 2}))
data = [{'name': 'b', 'age': 3}, {'name': 'a', 'age': 3}, {'name': 'c', 'age': 1}]
print([d['name'] for d in sorted(data, key=itemgetter('age', 'name'))], max(data, key=itemgetter('age'))['name'])


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct='!'):
        return f'{greeting} {self.name}{punct}'


n = Node('root', Node('leaf'))
print(attrgetter('name')(n), attrgetter('child.name')(n), attrgetter('name', 'child.name')(n), attrgetter('a.b'), attrgetter('x', 'y.z'))
print(sorted([Node('b'), Node('a')], key=attrgetter('name'))[0].name)
m = methodcaller('greet', 'Hi')
m2 = methodcaller('greet', 'Yo', punct='?')
print(m(n), m2(n), methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'), m, m2, methodcaller('f', 1, 'x', k=2, j=[1]))

show(lambda: o.add(1))
show(lambda: o.add(1, 2, 3))
show(lambda: o.add(a=1, b=2))
show(lambda: o.neg())
show(lambda: o.neg(1, 2))
show(lambda: o.truth(x=1))
show(lambda: o.setitem(1, 2))
show(lambda: o.contains(1, 2))
show(lambda: o.getitem(1, 2))
show(lambda: o.delitem((1,), 0))
show(lambda: o.concat(1, 2))
show(lambda: o.concat([1], (2,)))
show(lambda: o.iconcat(1, 2))
show(lambda: o.index(1.5))
show(lambda: o.countOf(1, 2))
show(lambda: o.indexOf([1], 2))
show(lambda: o.length_hint(1, 'a'))
show(lambda: o.length_hint())
show(lambda: o.call())
show(lambda: o.iadd(1, 'a'))
show(lambda: o.lt(1, 'a'))
show(lambda: o.neg('a'))
show(lambda: itemgetter())
show(lambda: itemgetter(1)(1, 2))
show(lambda: itemgetter(1)())
show(lambda: itemgetter(1)(x=1))
show(lambda: itemgetter(x=1))
show(lambda: itemgetter(5)([1]))
show(lambda: attrgetter())
show(lambda: attrgetter(1))
show(lambda: attrgetter('a')(1, 2))
show(lambda: attrgetter('a')(1))
show(lambda: attrgetter('child.nope')(n))
show(lambda: methodcaller())
show(lambda: methodcaller(1))
show(lambda: methodcaller('a')(1, 2))
show(lambda: methodcaller('a')(1))
show(lambda: methodcaller(name='a'))
