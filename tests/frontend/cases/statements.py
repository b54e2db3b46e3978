import os, sys as system
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from os.path import *
global g1, g2
x = y = 1
a, *b = c
[d, (e, f)] = g
h.i[j] = k
x: int = 5
(y): 'str'
z.w: list[int]
x += 1; x -= 2; x *= 3; x @= 4; x /= 5; x //= 6; x %= 7; x **= 8
x <<= 1; x >>= 2; x &= 3; x |= 4; x ^= 5
del a, b[0], c.d, (e, f), [g]
assert x, "message"
raise
raise E
raise E from cause
pass
def f():
    nonlocal_x = 1
    def g():
        nonlocal nonlocal_x
        return
    return nonlocal_x, g
while x:
    break
else:
    continue
for i, (j, *k) in enumerate(z):
    pass
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
with open(f) as fh, lock:
    pass
with (open(f) as a, open(g) as b,):
    pass
with (a, b):
    pass
try:
    pass
except ValueError as e:
    pass
except (TypeError, KeyError):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* OSError as eg:
    pass
class A(B, metaclass=M, **kw):
    """docstring"""
    x: int
    def m(self, /, a, b=1, *args, c, d=2, **kwargs) -> None: ...
@decorator
@decorator.attr(arg)
@(lambda f: f)
class C: pass
async def co(a, *, b):
    async with x as y:
        await y
    async for i in aiter():
        yield i
    return [x async for x in y]
