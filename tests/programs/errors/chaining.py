# Exception chaining: raise ... from ..., implicit __context__, raise ... from None, re-raising.

def describe(e):
    cause = e.__cause__
    context = e.__context__
    return (f'{type(e).__name__}({e}) cause={type(cause).__name__ if cause else None}'
            f'({cause if cause else ""}) context={type(context).__name__ if context else None}'
            f'({context if context else ""}) suppress={e.__suppress_context__}')

def explicit():
    try:
        {}['key']
    except KeyError as k:
        raise ValueError('bad lookup') from k

def implicit():
    try:
        1 // 0
    except ZeroDivisionError:
        raise TypeError('while handling')

def from_none():
    try:
        [][0]
    except IndexError:
        raise RuntimeError('hidden') from None

def from_other():
    try:
        int('x')
    except ValueError:
        raise KeyError('k') from OSError('unrelated')

def reraise():
    try:
        raise ValueError('original')
    except ValueError:
        raise

def reraise_as():
    try:
        raise ValueError('original')
    except ValueError as e:
        raise e

def three_levels():
    try:
        try:
            raise ValueError('first')
        except ValueError as a:
            raise TypeError('second') from a
    except TypeError:
        raise KeyError('third')

def in_finally():
    try:
        raise ValueError('in try')
    finally:
        raise TypeError('in finally')

def nested_handler():
    try:
        raise ValueError('outer')
    except ValueError:
        try:
            raise TypeError('inner')
        except TypeError:
            pass
        raise RuntimeError('after inner')

def from_class():
    raise ValueError('v') from KeyError

for fn in [explicit, implicit, from_none, from_other, reraise, reraise_as, in_finally,
           nested_handler, from_class]:
    try:
        fn()
    except Exception as e:
        print(fn.__name__ + ':', describe(e))

try:
    three_levels()
except Exception as e:
    chain = []
    while e is not None:
        chain.append(f'{type(e).__name__}({e})')
        e = e.__cause__ or e.__context__
    print('three_levels:', ' <- '.join(chain))

try:
    raise ValueError('x') from 5
except TypeError as e:
    print('from 5:', type(e).__name__, e)

# setting __cause__ by hand
err = ValueError('manual')
err.__cause__ = KeyError('set by hand')
print('manual:', describe(err))

# a handled exception leaves no context on the next one
try:
    raise ValueError('handled')
except ValueError:
    pass
try:
    raise TypeError('fresh')
except TypeError as e:
    print('fresh:', describe(e))
