# Bound slot wrappers are method-wrappers; the metatype's slots reach types (int.__call__);
# sequence repetition wrappers take an index; duplicate bases are refused.
x = [1, 2]
w = x.__len__
print(type(w).__name__, w(), w.__name__, w.__qualname__, w.__self__ is x, w == x.__len__, w != [].__len__)
print(repr(iter([]).__next__).startswith("<method-wrapper '__next__' of list_iterator object at"))
print(repr(int.__call__).startswith("<method-wrapper '__call__' of type object at"))
print(int.__call__('5'), (1).__eq__.__name__)
for f in [lambda: 'a'.__mul__('b'), lambda: [1].__rmul__(2.0), lambda: 'ab'.__mul__(2), lambda: [].__iadd__(5),
          lambda: bytearray().__iadd__(5), lambda: (1).__radd__('x'), lambda: {}.__or__(1),
          lambda: type('N', (object, object), {}), lambda: type('N', (int, int), {})]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
