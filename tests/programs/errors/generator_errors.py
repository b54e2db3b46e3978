# Exceptions and generators: errors raised inside a generator, throw(), close(), GeneratorExit,
# a generator that is finished after raising, and re-entering a running generator.
import sys

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', repr(result))
    except Exception as e:
        print(label, type(e).__name__, e)

def failing():
    yield 1
    raise ValueError('inside the generator')
    yield 2

g = failing()
print(next(g))
show('error from the generator', lambda: next(g))
show('then it is finished', lambda: next(g))

def catcher():
    while True:
        try:
            yield 'waiting'
        except KeyError as e:
            print('  generator caught', repr(e))
            yield 'recovered'

c = catcher()
print(next(c))
show('throw KeyError', lambda: c.throw(KeyError('k')))
show('next after recovery', lambda: next(c))
show('throw ValueError', lambda: c.throw(ValueError('not caught')))
show('finished after uncaught throw', lambda: next(c))

def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('  GeneratorExit seen')
        raise
    finally:
        print('  finally on close')

cl = closer()
next(cl)
show('close()', lambda: cl.close())
show('next after close', lambda: next(cl))
show('close twice', lambda: cl.close())

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuses to stop'

s = stubborn()
next(s)
show('generator ignoring GeneratorExit', lambda: s.close())

def unstarted():
    print('  never printed')
    yield 1

u = unstarted()
show('close an unstarted generator', lambda: u.close())
show('throw into an unstarted generator', lambda: unstarted().throw(IndexError('early')))

def reentrant():
    yield next(me)

me = reentrant()
show('generator already executing', lambda: next(me))

def exc_info_in_generator():
    try:
        raise TypeError('inside')
    except TypeError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

eg = exc_info_in_generator()
show('exc_info inside handler', lambda: next(eg))
show('exc_info after handler', lambda: next(eg))

def delegate():
    try:
        yield from failing()
    except ValueError as e:
        yield f'delegator caught: {e}'

print(list(delegate()))

def gen_return():
    yield 1
    return 'result'

def outer():
    r = yield from gen_return()
    yield r

print(list(outer()))

def comprehension_error():
    return [x for x in failing()]

show('error in a comprehension over a generator', comprehension_error)
show('send to unstarted', lambda: catcher().send(5))
