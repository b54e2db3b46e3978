# Sizes beyond what any machine can allocate, made of a small part (3) plus 2**62: CPython raises
# MemoryError or OverflowError. On a 32-bit target size_t is 32 bits wide, so such a size must
# not wrap around to the small part (a 3-item result would be a wrong answer).
from array import array
from itertools import tee

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', len(result) if hasattr(result, '__len__') else result)
    except Exception as e:
        print(label, type(e).__name__, repr(str(e)))

n = 2**62 + 3
show('[0] * n', lambda: [0] * n)
show('[0, 1] * n', lambda: [0, 1] * n)
show('(0,) * n', lambda: (0,) * n)
show("'x' * n", lambda: 'x' * n)
show("'é' * n", lambda: 'é' * n)
show("b'x' * n", lambda: b'x' * n)
show("bytearray(b'x') * n", lambda: bytearray(b'x') * n)
show('bytes(n)', lambda: bytes(n))
show('bytearray(n)', lambda: bytearray(n))
show("'x'.ljust(n)", lambda: 'x'.ljust(n))
show("'x'.rjust(n)", lambda: 'x'.rjust(n))
show("'x'.center(n)", lambda: 'x'.center(n))
show("'1'.zfill(n)", lambda: '1'.zfill(n))
show("b'x'.ljust(n)", lambda: b'x'.ljust(n))
show("b'1'.zfill(n)", lambda: b'1'.zfill(n))
show("'a\\tb'.expandtabs(n)", lambda: 'a\tb'.expandtabs(n))
show("format('x', str(n))", lambda: format('x', str(n)))
show("'%*d' % (n, 1)", lambda: '%*d' % (n, 1))
show('list(range(n))', lambda: list(range(n)))
show("array('b', [0]) * n", lambda: array('b', [0]) * n)
show('tee(iter([]), n)', lambda: tee(iter([]), n))
show('x = [0]; x *= n', lambda: (lambda x: (x.__imul__(n)))([0]))
show("'ab'.replace('a', 'x' * 3, n)", lambda: 'ab'.replace('a', 'xxx', n))
show('range(n)[n - 1]', lambda: range(n)[n - 1])
show('len(range(n))', lambda: len(range(n)))
show('[1, 2, 3][n]', lambda: [1, 2, 3][n])
show("'abc'[n]", lambda: 'abc'[n])
show('[1, 2, 3][n:]', lambda: [1, 2, 3][n:])
show('[1, 2, 3][-n:2]', lambda: [1, 2, 3][-n:2])
show("'abc'.find('c', n)", lambda: 'abc'.find('c', n))
show("[1, 2].index(2, 0, n)", lambda: [1, 2].index(2, 0, n))
show('[1, 2].insert(n, 3)', lambda: (lambda x: (x.insert(n, 3), x)[1])([1, 2]))
show('enumerate start', lambda: next(enumerate('a', n)))
print('done')
