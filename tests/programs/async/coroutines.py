# async def, await, async for, async with, async generators, driven by hand (no event loop)
import types

@types.coroutine
def suspend(tag):
    got = yield tag
    return got

async def add(a, b):
    x = await suspend("add")
    return a + b + (x or 0)

async def nested():
    r = await add(1, 2)
    r2 = await add(r, 10)
    return [r, r2]

def drive(coro, sends=()):
    sends = list(sends)
    value = None
    try:
        while True:
            out = coro.send(value)
            print("  yielded", out)
            value = sends.pop(0) if sends else None
    except StopIteration as e:
        return e.value

print(drive(nested(), [100]))
c = add(1, 1)
print(type(c).__name__, add.__name__, c.__qualname__)
c.close()

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await suspend("tick")
        return self.n

class Resource:
    async def __aenter__(self):
        print("  aenter")
        await suspend("aenter")
        return self
    async def __aexit__(self, typ, exc, tb):
        print("  aexit", typ.__name__ if typ else None, exc)
        await suspend("aexit")
        return typ is KeyError

async def agen(n):
    try:
        for i in range(n):
            await suspend("agen")
            received = yield i
            if received is not None:
                print("  agen received", received)
    finally:
        print("  agen cleanup")

async def main():
    async for v in Ticker(3):
        print("  ticker", v)
    else:
        print("  ticker done")
    async with Resource() as r:
        print("  inside", type(r).__name__)
    async with Resource():
        raise KeyError("suppressed")
    try:
        async with Resource():
            raise ValueError("propagates")
    except ValueError as e:
        print("  caught", e)
    for i in range(3):
        async with Resource():
            if i == 1:
                break
    out = [v async for v in agen(3)]
    print("  comprehension", out)
    async for v in agen(5):
        if v == 1:
            break
    g = agen(3)
    print("  anext", await anext(g), await g.asend("hello"))
    await g.aclose()
    print("  after aclose", await anext(g, "default"))
    g = agen(2)
    await anext(g)
    try:
        await g.athrow(IndexError("thrown in"))
    except IndexError as e:
        print("  athrow propagated", e)
    async def bad():
        yield 1
        raise StopAsyncIteration
    try:
        async for _ in bad():
            pass
    except RuntimeError as e:
        print("  RuntimeError:", e)
    print("  types", type(agen(1)).__name__, type(g.__anext__()).__name__)
    return "main done"

print(drive(main()))

async def never_awaited():
    pass
try:
    coro = never_awaited()
    drive(coro)
    drive(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    async def bad_await():
        await 5
    drive(bad_await())
except TypeError as e:
    print("TypeError:", e)
try:
    async def not_iterable():
        async for x in [1, 2]:
            pass
    drive(not_iterable())
except TypeError as e:
    print("TypeError:", e)
try:
    async def not_cm():
        async with object():
            pass
    drive(not_cm())
except TypeError as e:
    print("TypeError:", e)
