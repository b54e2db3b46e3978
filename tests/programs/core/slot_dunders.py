# Dunders of built-in instances and types come from their slots (CPython's slot wrappers).
print([].__repr__(), [1, 'a'].__str__())
print('a'.__mul__(3), 'ab'.__add__('c'), (1).__add__(2))
print(hasattr(iter([]), '__next__'), hasattr([], '__next__'), hasattr('', '__len__'), hasattr(1, '__len__'))
it = iter([1, 2])
print(it.__next__(), it.__next__())
try:
    it.__next__()
except StopIteration:
    print('StopIteration')
print(iter(range(4)).__next__())
d = {1: 2}
print(d.__getitem__(1), d.__len__(), d.__contains__(1))
print(list.__len__([1]), [1, 2].__len__(), range(5).__len__(), range(5).__getitem__(2), (4).__eq__(4))
print((1).__eq__('x'), [1].__eq__([1]), [1].__eq__(3), 'a'.__ne__('b'), (1, 2).__lt__((1, 3)))
b = bytearray()
print(b.__iadd__(b'x'), b)
lst = [1]
print(lst.__iadd__([2]) is lst, lst)
print([].__hash__, hasattr([], '__radd__'), hasattr('a', '__rmul__'), hasattr({}, '__bool__'))
print('a'.__rmod__(3), 'a%s'.__mod__(3), [1].__rmul__(2), {1}.__rsub__({1, 2}), {1: 2}.__or__({3: 4}))
print(None.__bool__(), (lambda: 1).__call__(), len.__call__([1]), [].__str__())
print(list.__len__, str.__add__)
print(frozenset([1]).__or__({2}), (0.0).__bool__(), (2 + 3j).__neg__())
print({1: 2}.keys().__len__(), {1: 2}.items().__contains__((1, 2)))
print(sorted({3, 1}.__iter__()), 'abc'.__contains__('b'), 'abc'.__getitem__(1))
for f in [lambda: [].__add__(), lambda: [].__len__(1), lambda: list.__len__(), lambda: list.__len__(1),
          lambda: [].__add__(x=1), lambda: (1).__iadd__, lambda: str.__radd__, lambda: [].__sub__,
          lambda: iter([]).__next__(1), lambda: (1).__len__]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class A:
    pass


a = A()
print(a.__eq__(a), a.__eq__(1), a.__ne__(1), type(a.__hash__()).__name__, a.__str__() == a.__repr__())
print(hasattr(a, '__len__'), hasattr(a, '__add__'), hasattr(a, '__init__'), hasattr(a, '__next__'))


class L(list):
    pass


l = L([1, 2])
print(l.__len__(), l.__getitem__(0), l.__add__([3]), L.__len__(l))


class G:
    def __getattr__(self, name):
        return 'fallback ' + name


print(G().__add__, G().__len__, G().__eq__(1))
