# bytes, struct and io take array.array storage as a buffer (through the hook the array module sets
# when imported: runtime/bytes.c), as CPython does.
import array, struct, io
a = array.array('i', [1, 2, 3])
print(bytes(a) == struct.pack('3i', 1, 2, 3), b'x' + bytes(a)[:4], bytearray(a)[:4])
print(struct.unpack_from('i', a, 4))
b = io.BytesIO(b'abcdefgh')
c = array.array('b', [0] * 4)
print(b.readinto(c), c.tolist())
print(b'ab' in b'xxab', bytes(array.array('B', [104, 105])))
