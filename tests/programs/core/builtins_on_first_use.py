# Built-in types and exception types are readied, and builtins made, on first use (runtime/main.c,
# builtins.c): their MROs, dir(), aliases, constants and identity must be as if all existed from the start.
print(int.mro(), dir(int)[:3], IOError is OSError, NotImplemented, __debug__)
class E(KeyError): pass
try:
    raise E('k')
except LookupError as e:
    print(repr(e), e.args, type(e).__mro__)
print(super(E, E('x')).__str__())
print(print is print, len is len, sorted([3, 1]))
print(ValueError.__name__, ValueError.__qualname__, ValueError.__module__, repr(ZeroDivisionError))
try:
    undefined_name
except NameError as e:
    print(e)
