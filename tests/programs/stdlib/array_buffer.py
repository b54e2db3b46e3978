# arrays as buffers: bytes/bytearray construction, concatenation, search, comparison, struct
from array import array
import struct

a = array('h', [1, -2, 0x1234])
print(bytes(a), bytearray(a))
print(b'xy' + a, bytearray(b'z') + a)
print(array('b', [1, 2]) in b'\x00\x01\x02', array('B', [9]) in b'abc')
print(b'\x01\x02' == array('b', [1, 2]), array('b', [1, 2]) == b'\x01\x02')
print(bytearray(b'\x01\x02') == array('b', [1, 2]), array('b', [1, 2]) != bytearray(b'\x01\x02'))
try:
    print(b'a' < array('b', [1]))
except TypeError as e:
    print('TypeError', e)
print(str(array('B', b'hello'), 'ascii'))
print(b''.join([array('B', b'ab'), b'-', array('B', b'cd')]))
print(struct.unpack('<3h', a))
print(list(struct.iter_unpack('<h', a)))
buf = array('b', [0] * 8)
struct.pack_into('<hi', buf, 1, 7, -1)
print(buf)
c = array('i')
try:
    c.frombytes(array('i', [5, 6]))
except TypeError as e:
    print('TypeError', e)
c.frombytes(array('B', [5, 0, 0, 0]))
print(c)
ba = bytearray(b'0123456789')
ba[2:4] = array('B', b'AB')
print(ba)
print(bytes(array('d', [1.5])).hex(), bytes(array('f', [1.5])).hex())
print(array('u', 'héllo').tounicode(), array('u', 'a\U0001f600b'))
a = array('u', 'xyz')
a[1] = 'Y'
a.append('!')
a.extend('ab')
print(a, a.tounicode(), a.count('a'), a.index('!'))
print(array('q', range(-3, 3)).tolist(), array('Q', [2**64 - 1]).tolist())
try:
    print(array('l', [2**63 - 1, -2**63]), array('L', [2**64 - 1]))
except OverflowError as e:  # a C long is 32 bits wide on 32-bit targets
    print('OverflowError', e)
print([array(t).itemsize for t in 'bBuhHiIlLqQfd'])
print(array('b', [1, 2]).buffer_info()[1], type(array('d', [1]).buffer_info()[0]))
