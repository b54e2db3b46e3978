# send/throw/close interplay, finally blocks of suspended generators, GeneratorExit

def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                print("caught in generator:", e)
                received.append("err")
    except GeneratorExit:
        print("GeneratorExit, received", received)
        raise
    finally:
        print("echo finally")

g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.throw(ValueError("bad")))
print(g.send("c"))
g.close()
g.close()  # closing twice is fine
try:
    next(g)
except StopIteration:
    print("exhausted after close")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def unstarted():
    print("never runs")
    yield

u = unstarted()
u.close()
print("closed unstarted")
try:
    unstarted().send(5)
except TypeError as e:
    print("TypeError:", e)

t = unstarted()
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("thrown into unstarted:", repr(e))
print(list(t))

def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("swallowed", type(e).__name__)
            return "stopped"

c = catcher()
next(c)
try:
    c.throw(IndexError)
except StopIteration as e:
    print("StopIteration value:", e.value)

def finally_order():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")

for v in finally_order():
    print(v)
    break
print("after break")

def running():
    yield gen_ref.gi_running
gen_ref = running()
print(next(gen_ref), gen_ref.gi_running)

def self_next():
    yield next(me)
me = self_next()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
