# sys.version_info is a tuple with named fields; sys.implementation a namespace.
import sys
v = sys.version_info
print(v.major, v.minor >= 8, v[:2] >= (3, 8), v > (3,), isinstance(v, tuple), len(v), type(v).__name__)
major, minor, *rest = v
print(major, rest[-2:] if False else len(rest))
print(repr(v)[:29], str(v).startswith('sys.version_info(major=3'))
print(type(v), type(v).__module__)
try:
    type(v)((1, 2, 3, 4, 5))
except TypeError as e:
    print(e)
t = sys.implementation
print(isinstance(t.name, str), str(t).find('version=') > 0, t.version is v, t.hexversion == sys.hexversion)
print(v.count(3), v.index(11), hash(v) == hash(tuple(v)))
try:
    v.nope
except AttributeError as e:
    print(e)
