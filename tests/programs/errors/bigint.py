# Integer results that leave 64 bits become big integers, as in CPython; the 4300-digit limit on
# int <-> str conversion raises ValueError.
import math
import sys

print(2**64, 2**64 - 1, -(2**64))
print(2**63, -(2**63), -(2**63) - 1, 2**63 - 1 + 1)
print(math.factorial(60))
print(math.factorial(25) // math.factorial(23))

big = 9223372036854775807          # 2**63 - 1
print(big + 1, big * 2, big * big, -big - 2, big - (-big))
small = -9223372036854775808       # -2**63
print(small - 1, small * -1, -small, abs(small), small // -1, small % -1, divmod(small, -1))
print(small * small, small + small)

x = 1
for i in range(100):
    x *= 3
print('3**100 =', x, x == 3**100)
print(x // 3**99, x % 1000007, -x // 7, -x % 7)

print(1 << 63, 1 << 64, 1 << 100, (1 << 1000) >> 990, -1 << 70, -(1 << 70) >> 3)
print(5 >> 100, -5 >> 100, (1 << 10000) >> 9999, len(str(1 << 10000)))
print((-1) >> 10000, 1 << 0, 0 << 10000)
try:
    print(1 << -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 >> -1)
except ValueError as e:
    print(type(e).__name__, e)

# ints that come back to small sizes
y = 2**100
print(y - y + 5, y // y, (y + 1) % y, y // 2**90, int(float(2**60)))

# mixing with floats
print(2**64 / 2, 2**64 * 0.5, 2**64 + 0.5, float(2**100), 2**64 > 1.8e19, 2**64 == 2.0**64)

# hashing and dict keys
d = {2**64: 'a', 2**64 + 1: 'b'}
print(d[2**64], d[18446744073709551617], hash(2**64) == hash(2**64))

# bit operations
print((2**70 | 1) & 0xFFFF, 2**70 ^ 2**70, ~(2**64), (2**64).bit_length(), (-(2**64)).bit_length())

# pow
print(pow(2, 200), pow(2, 200, 10**9 + 7), pow(-3, 41), 10**40 // 10**20, 7**77 % 1000)

# str <-> int at and past the 4300-digit limit
print(len(str(int('9' * 4300))))
try:
    int('9' * 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    str(10**5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(10**5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(10**5000)), (10**5000) % 997)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(6000)
print(len(str(int('9' * 5000))))
sys.set_int_max_str_digits(0)
print(len(str(10**20000)))
