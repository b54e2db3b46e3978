# StopIteration from next() on exhausted iterators and generators; its value; the default
# argument of next(); StopIteration turned into RuntimeError inside a generator.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', repr(result))
    except Exception as e:
        print(label, type(e).__name__, repr(str(e)), e.args)

it = iter([1, 2])
print(next(it), next(it))
show('next(list iterator)', lambda: next(it))
show('again', lambda: next(it))
show('with default', lambda: next(it, 'default'))
show('next(iter(()))', lambda: next(iter(())))
show("next(iter(''))", lambda: next(iter('')))
show('next(iter({}))', lambda: next(iter({})))
show('next(iter(set()))', lambda: next(iter(set())))
show('next(iter(range(0)))', lambda: next(iter(range(0))))
show('next(iter({}.items()))', lambda: next(iter({}.items())))
show('next(zip())', lambda: next(zip()))
show('next(enumerate([]))', lambda: next(enumerate([])))
show('next(map(abs, []))', lambda: next(map(abs, [])))
show('next(filter(None, [0]))', lambda: next(filter(None, [0])))
show('next(reversed([]))', lambda: next(reversed([])))
show('next(x for x in [])', lambda: next(x for x in []))

def gen():
    yield 1
    return 'returned value'

g = gen()
print(next(g))
show('generator return value', lambda: next(g))
show('exhausted generator', lambda: next(g))

def gen_value():
    yield 1
    return [1, 2]

g2 = gen_value()
next(g2)
try:
    next(g2)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)

def leaky():
    yield 1
    next(iter([]))
    yield 2

show('StopIteration inside a generator', lambda: list(leaky()))

def explicit():
    yield 1
    raise StopIteration('explicit')

show('raise StopIteration in a generator', lambda: list(explicit()))

def cause_of_runtime_error():
    try:
        list(explicit())
    except RuntimeError as e:
        return (type(e.__cause__).__name__, str(e.__cause__))

show('its __cause__', cause_of_runtime_error)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

c = Countdown(2)
print(list(c))
show('user iterator exhausted', lambda: next(c))
show('Countdown(0)', lambda: next(iter(Countdown(0))))

def manual():
    try:
        raise StopIteration(42)
    except StopIteration as e:
        return e.value

show('StopIteration(42).value', manual)
print('for loops just stop:', [x for x in Countdown(3)])
