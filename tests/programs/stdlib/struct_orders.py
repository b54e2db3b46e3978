import struct
def r(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
for order in '@<>=!':
    for c in 'bBhHiIlLqQnNP?efd':
        try:
            size = struct.calcsize(order + c)
        except struct.error:
            continue
        bits = size * 8
        vals = [2**(bits-1), -2**(bits-1)-1, 2**bits, -1, 2**70, -2**70, 2**64, 2**63, -2**63-1, 1.5, 'a', None, 1e300, 2**2000]
        print(order, c, ' | '.join(r(lambda: struct.pack(order + c, v)) for v in vals))
