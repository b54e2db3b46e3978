# Allocations too big to make: CPython raises MemoryError or OverflowError before allocating.

def show(label, thunk):
    try:
        result = thunk()
        sized = isinstance(result, (list, tuple, str, bytes, bytearray, range))
        print(label, 'ok', len(result) if sized else result)
    except Exception as e:
        print(label, type(e).__name__, repr(str(e)))

n62 = 2**62
n63 = 2**63
n70 = 2**70

show('[0] * 2**62', lambda: [0] * n62)
show('[0, 1] * 2**62', lambda: [0, 1] * n62)
show('[0] * 2**63', lambda: [0] * n63)
show('[0] * 2**70', lambda: [0] * n70)
show("'x' * 2**62", lambda: 'x' * n62)
show("'xy' * 2**62", lambda: 'xy' * n62)
show("'x' * 2**63", lambda: 'x' * n63)
show("b'x' * 2**62", lambda: b'x' * n62)
show('(0,) * 2**62', lambda: (0,) * n62)
show('bytes(2**62)', lambda: bytes(n62))
show('bytearray(2**62)', lambda: bytearray(n62))
show('range(2**62)', lambda: range(n62))
show('range(2**63)', lambda: len(range(n63)))
show('1 << 2**62', lambda: 1 << n62)
show('1 << 2**70', lambda: 1 << n70)
show("'x'.ljust(2**62)", lambda: 'x'.ljust(n62))
show('[0] * -5', lambda: [0] * -5)
show("'x' * -5", lambda: 'x' * -5)
show('[0] * 0', lambda: [0] * 0)

# after all that, ordinary allocation still works
xs = [0] * 1000
s = 'ab' * 500
print(len(xs), len(s), sum(range(100000)))
