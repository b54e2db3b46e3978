# AssertionError with and without a message.

def check(x):
    assert x > 0, f'x must be positive, got {x}'
    return x

def check_plain(x):
    assert x
    return x

def check_tuple(x):
    assert x, ('a', 1)
    return x

for label, thunk in [
    ('with message', lambda: check(-1)),
    ('passes', lambda: check(5)),
    ('no message', lambda: check_plain(0)),
    ('empty list', lambda: check_plain([])),
    ('tuple message', lambda: check_tuple(None)),
]:
    try:
        print(label, 'ok', thunk())
    except AssertionError as e:
        print(label, type(e).__name__, repr(str(e)), e.args)

try:
    assert 1 == 2, 'one is not two'
except Exception as e:
    print(type(e).__name__, e)

try:
    raise AssertionError('raised by hand', 2)
except AssertionError as e:
    print(e, e.args)

# the message is only evaluated when the assertion fails
def noisy():
    print('evaluated the message')
    return 'message'

assert True, noisy()
try:
    assert False, noisy()
except AssertionError as e:
    print('caught', e)
