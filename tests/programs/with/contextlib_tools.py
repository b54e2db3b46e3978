# contextlib: contextmanager, suppress, nullcontext, closing, ExitStack, ContextDecorator
from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack, ContextDecorator
import contextlib

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("inside", t)

try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", repr(e))

with swallow(KeyError):
    raise KeyError("k")
print("after swallow")
try:
    with swallow(KeyError):
        raise IndexError("not swallowed")
except IndexError as e:
    print("passed through", e)

@contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError:
        raise ArithmeticError("converted")
try:
    with transform():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with suppress():
    pass
try:
    with suppress(KeyError):
        raise IndexError("x")
except IndexError as e:
    print("not suppressed", e)

with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

class Res:
    def close(self):
        print("closed")
with closing(Res()) as r:
    print(type(r).__name__)

with ExitStack() as stack:
    for i in range(3):
        stack.enter_context(tag("s%d" % i))
    stack.callback(print, "callback", 1)
    print("body")

with ExitStack() as stack:
    stack.enter_context(tag("kept"))
    moved = stack.pop_all()
print("stack exited, moved one still open")
moved.close()

def exit_fn(typ, val, tb):
    print("exit fn got", typ.__name__ if typ else None)
    return True
with ExitStack() as stack:
    stack.push(exit_fn)
    raise KeyError("suppressed by stack")
print("after stack suppression")

@tag("deco")
def f(x):
    print("f", x)
f(1)
f(2)

class mycontext(ContextDecorator):
    def __enter__(self):
        print("starting")
        return self
    def __exit__(self, *exc):
        print("finishing")
        return False

@mycontext()
def g():
    print("in g")
g()

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def stop_inside():
    yield
try:
    with stop_inside():
        raise StopIteration("inner stop")
except StopIteration as e:
    print("StopIteration passed through:", e)

def gen():
    for i in range(5):
        with tag("loop"):
            if i == 1:
                continue
            if i == 3:
                break
            yield i
print(list(gen()))
print(contextlib.suppress.__name__, isinstance(tag("x"), contextlib.AbstractContextManager))
