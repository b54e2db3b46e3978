#!/usr/bin/env python3
"""Records CPython's answers for the bigint library's test cases (tests/runtime/mp.test.ts).

Writes tests/runtime/data/mp_cases.txt.gz: one case per line, "<driver input>\t<expected output>",
in the text format read by tests/runtime/mp_driver.c (integers in signed hex, doubles as IEEE bits,
bytes and texts as hex bytes, errors as ERR:<NAME>). Python is only the oracle; it is never part
of pync. Deterministic: fixed seed. Run with CPython 3.11: python3 scripts/gen-mp-cases.py
"""
import gzip
import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the oracle must be CPython 3.11"

R = random.Random(20241126)
OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'runtime', 'data', 'mp_cases.txt.gz')
cases = []


def h(x):
    return '-' + format(-x, 'x') if x < 0 else format(x, 'x')


def dbits(x):
    return struct.pack('>d', x).hex()


def hb(b):
    return b.hex() if b else '-'


def add(inp, exp, oom=False):
    assert '\t' not in inp and '\n' not in inp
    cases.append(('oom ' if oom else '') + inp + '\t' + exp)


# ---- operand generators ------------------------------------------------------------------

EDGE = [0, 1, 2, 3, 7, 10, 2**31 - 1, 2**31, 2**31 + 1, 2**32 - 1, 2**32, 2**32 + 1, 2**53 - 1, 2**53,
        2**53 + 1, 2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1, 2**96 - 1, 2**96, 2**128 - 1,
        2**128, 10**9, 10**18, 10**19, 10**38, 3**200, 2**1000, 2**1024 - 1, 2**1024]
EDGE = EDGE + [-x for x in EDGE if x]


def rand_bits(bits):
    """a random magnitude of exactly `bits` bits, sometimes with long runs of zeros or ones"""
    if bits == 0:
        return 0
    style = R.random()
    if style < 0.6:
        x = R.getrandbits(bits)
    else:
        x, pos = 0, 0
        while pos < bits:
            run = R.randint(1, max(1, bits // 4))
            if R.random() < 0.5:
                x |= ((1 << run) - 1) << pos
            pos += run
        x &= (1 << bits) - 1
    return x | (1 << (bits - 1))


def rand_size(maxbits=3000):
    r = R.random()
    if r < 0.15:
        return R.randint(0, 70)
    if r < 0.3:
        return R.choice([31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 1279, 1280, 1281])
    return int(math.exp(R.uniform(0, math.log(maxbits))))


def rand_int(maxbits=3000, signed=True):
    if R.random() < 0.12:
        x = R.choice(EDGE)
        return x if signed else abs(x)
    x = rand_bits(rand_size(maxbits))
    if R.random() < 0.1:  # near a power of two, or all ones
        k = R.randint(1, maxbits)
        x = (1 << k) + R.choice([-1, 0, 1])
    if signed and R.random() < 0.5:
        x = -x
    return x


def rand_pair(maxbits=3000):
    a = rand_int(maxbits)
    if R.random() < 0.3:  # similar sizes
        b = rand_bits(max(0, abs(a).bit_length() + R.randint(-40, 40))) * R.choice([1, -1])
    else:
        b = rand_int(maxbits)
    return a, b


# ---- arithmetic ---------------------------------------------------------------------------

def err_of(f):
    try:
        return f()
    except ZeroDivisionError:
        return 'ERR:EZERODIV'
    except OverflowError as e:
        m = str(e)
        if 'float' in m:
            return 'ERR:EFLOAT'
        if 'negative' in m:
            return 'ERR:ENEGUNSIGNED'
        if 'too big' in m:
            return 'ERR:ETOOBIG'
        raise
    except ValueError as e:
        m = str(e)
        if 'negative shift' in m:
            return 'ERR:ENEGSHIFT'
        if 'not invertible' in m:
            return 'ERR:ENOTINVERTIBLE'
        if 'cannot be 0' in m:
            return 'ERR:EZEROMOD'
        if 'isqrt' in m:
            return 'ERR:ENEGSQRT'
        if 'base must be' in m:
            return 'ERR:EBASE'
        if 'Exceeds the limit' in m:
            n = m.split('value has ')[1].split(' ')[0] if 'value has' in m else ''
            return ('ERR:EDIGITLIMIT ' + n).strip()
        if 'invalid literal' in m:
            return 'ERR:EINVALID'
        raise


def binops():
    for _ in range(2600):
        a, b = rand_pair()
        op = R.choice(['add', 'sub', 'mul', 'and', 'or', 'xor', 'fdiv', 'mod', 'divmod', 'gcd', 'cmp', 'mul',
                       'fdiv', 'divmod'])
        if op in ('fdiv', 'mod', 'divmod') and R.random() < 0.5:
            # divisor smaller than the dividend most of the time
            b = rand_int(max(1, abs(a).bit_length())) or 1
        f = {
            'add': lambda: h(a + b), 'sub': lambda: h(a - b), 'mul': lambda: h(a * b),
            'and': lambda: h(a & b), 'or': lambda: h(a | b), 'xor': lambda: h(a ^ b),
            'fdiv': lambda: h(a // b), 'mod': lambda: h(a % b),
            'divmod': lambda: h(a // b) + ' ' + h(a % b), 'gcd': lambda: h(math.gcd(a, b)),
            'cmp': lambda: str((a > b) - (a < b)),
        }[op]
        add(f'{op} {h(a)} {h(b)}', err_of(f), oom=R.random() < 0.03)
    # edge values against each other
    for a in EDGE[::3]:
        for b in EDGE[::4]:
            add(f'divmod {h(a)} {h(b)}', err_of(lambda: h(a // b) + ' ' + h(a % b)))
            add(f'mul {h(a)} {h(b)}', h(a * b))
            add(f'sub {h(a)} {h(b)}', h(a - b))
            add(f'and {h(a)} {h(b)}', h(a & b))
    # squares (the dedicated squaring path) and Karatsuba-sized products
    for _ in range(80):
        a = rand_int(6000)
        add(f'sqr {h(a)}', h(a * a))
    for _ in range(40):
        a, b = rand_bits(R.randint(1000, 9000)), rand_bits(R.randint(100, 9000))
        add(f'mul {h(a)} {h(-b)}', h(-a * b), oom=R.random() < 0.1)
    # division: Knuth D's rare add-back step needs divisors like B^n - small
    for _ in range(120):
        n = R.randint(2, 8)
        b = (1 << (32 * n)) - R.randint(1, 2**32) * R.choice([1, 2**32, 2**64][:n - 1])
        q = rand_bits(R.randint(1, 200))
        a = b * q + R.randint(0, b - 1)
        if R.random() < 0.5:
            a = ((1 << (32 * (n + 3))) - 1) >> R.randint(0, 60)
        add(f'divmod {h(a)} {h(b)}', h(a // b) + ' ' + h(a % b))
    # large balanced divisions (recursive division) and their remainders
    for _ in range(16):
        b = rand_bits(R.randint(2600, 9000)) * R.choice([1, -1])
        a = rand_bits(abs(b).bit_length() + R.randint(2600, 9000)) * R.choice([1, -1])
        add(f'divmod {h(a)} {h(b)}', h(a // b) + ' ' + h(a % b), oom=R.random() < 0.2)
    # gcd: Lehmer steps (Fibonacci pairs give quotients of 1, common factors, equal leading bits)
    fib = [0, 1]
    while len(fib) < 5000:
        fib.append(fib[-1] + fib[-2])
    for k in [93, 94, 95, 200, 1000, 2500, 4999]:
        add(f'gcd {h(fib[k])} {h(fib[k - 1])}', h(math.gcd(fib[k], fib[k - 1])))
        add(f'gcd {h(fib[k] * 12345)} {h(-fib[k - 1] * 12345 * 7)}', h(math.gcd(fib[k] * 12345, fib[k - 1] * 12345 * 7)))
    for _ in range(150):
        g = rand_int(R.choice([64, 500, 3000]), signed=False) or 1
        a, b = rand_int(4000), rand_int(4000)
        if R.random() < 0.3:  # same leading bits
            b = a + R.choice([1, -1]) * rand_bits(R.randint(1, max(1, abs(a).bit_length() // 2)))
        if R.random() < 0.2:
            b = a * R.randint(2, 2**40) + R.randint(0, 2**20)
        add(f'gcd {h(a * g)} {h(b * g)}', h(math.gcd(a * g, b * g)), oom=R.random() < 0.05)
    # unary
    for _ in range(400):
        a = rand_int()
        op = R.choice(['neg', 'abs', 'inv', 'copy', 'hash', 'bitlen', 'bitcnt', 'sign', 'toi64'])
        f = {
            'neg': lambda: h(-a), 'abs': lambda: h(abs(a)), 'inv': lambda: h(~a), 'copy': lambda: h(a),
            'hash': lambda: str(hash(a)), 'bitlen': lambda: str(a.bit_length()),
            'bitcnt': lambda: str(bin(a).count('1')),
            'sign': lambda: f'{(a > 0) - (a < 0)} {int(a == 0)}',
            'toi64': lambda: (str(a) if -2**63 <= a < 2**63 else 'no') + ' ' + format(a & (2**64 - 1), 'x'),
        }[op]
        add(f'{op} {h(a)}', f())
    for a in EDGE + [2**61 - 1, 2**61 - 2, 2**61, -(2**61 - 1), -(2**61), 2**122 - 1, -(2**61 + 1) * 7]:
        for op, f in [('hash', lambda: str(hash(a))), ('inv', lambda: h(~a)),
                      ('toi64', lambda: (str(a) if -2**63 <= a < 2**63 else 'no') + ' ' + format(a & (2**64 - 1), 'x'))]:
            add(f'{op} {h(a)}', f())
    # comparisons with machine ints, constructors
    for _ in range(200):
        a = rand_int(100)
        i = R.choice([0, 1, -1, 2**63 - 1, -2**63, R.randint(-2**63, 2**63 - 1), a if -2**63 <= a < 2**63 else 5])
        add(f'cmpi {h(a)} {i}', str((a > i) - (a < i)))
        add(f'i64 {i}', h(i))
        u = R.choice([0, 1, 2**64 - 1, 2**63, R.randint(0, 2**64 - 1)])
        add(f'u64 {u}', h(u))
    # stack operands
    for _ in range(300):
        a = rand_int(500)
        i = R.choice([0, 1, -1, 2, -2, 10, 2**31, -2**31, 2**32, 2**63 - 1, -2**63, R.randint(-2**63, 2**63 - 1),
                      R.randint(-1000, 1000)])
        op = R.choice(['add', 'sub', 'mul', 'fdiv', 'mod'])
        f = {'add': lambda: h(a + i), 'sub': lambda: h(i - a), 'mul': lambda: h(a * i),
             'fdiv': lambda: h(a // i), 'mod': lambda: h(a % i)}[op]
        add(f'view {op} {h(a)} {i}', err_of(f))


def shifts():
    for _ in range(500):
        a = rand_int()
        n = R.choice([0, 1, 31, 32, 33, 63, 64, 65, R.randint(0, 300), R.randint(0, 4000), -1, -R.randint(1, 99)])
        op = R.choice(['lsh', 'rsh', 'lshi', 'rshi'])
        if op.startswith('l'):
            f = lambda: h(a << n)
        else:
            f = lambda: h(a >> n)
        arg = h(n) if op in ('lsh', 'rsh') else str(n)
        add(f'{op} {h(a)} {arg}', err_of(f))
    for a in [0, 1, -1, 5, -5, 2**100, -(2**100), -(2**100) + 1]:
        for n in [2**64, 2**70, 2**200]:
            add(f'rsh {h(a)} {h(n)}', h(a >> n))
            add(f'lsh {h(a)} {h(n)}', h(0) if a == 0 else 'ERR:ENOMEM')
            add(f'lsh {h(a)} {h(-n)}', 'ERR:ENEGSHIFT')
        add(f'lshi {h(a)} {2**62}', h(0) if a == 0 else 'ERR:ENOMEM')
        add(f'rshi {h(a)} {2**63 - 1}', h(a >> (2**63 - 1)))


def powers():
    for _ in range(300):
        a = rand_int(300)
        e = R.choice([0, 1, 2, 3, R.randint(0, 40), R.randint(0, 400)])
        if abs(a).bit_length() * e > 30000:
            e = 30000 // max(1, abs(a).bit_length())
        if R.random() < 0.05:
            e = -R.randint(1, 5)
        add(f'pow {h(a)} {h(e)}', 'ERR:ENEGEXP' if e < 0 else h(a ** e), oom=R.random() < 0.05)
    for a in [0, 1, -1, 2, -2, 4, -8, 2**32, -(2**64)]:
        for e in [0, 1, 2, 3, 63, 64, 65, 1000]:
            add(f'pow {h(a)} {h(e)}', h(a ** e))
    for a in [0, 1, -1]:
        add(f'pow {h(a)} {h(2**100 + 1)}', h(a ** 3))
    add(f'pow 2 {h(2**64)}', 'ERR:ENOMEM')
    add(f'pow 3 {h(2**40)}', 'ERR:ENOMEM')
    for _ in range(500):
        m = R.choice([rand_int(400), rand_int(3000), R.randint(-20, 20)])
        a = R.choice([rand_int(600), R.randint(-50, 50)])
        b = R.choice([rand_int(200), R.randint(-5, 50), -rand_int(100, signed=False)])
        add(f'powm {h(a)} {h(b)} {h(m)}', err_of(lambda: h(pow(a, b, m))), oom=R.random() < 0.03)
    for m in [1, -1, 2, -2, 7, -7]:
        for a in [0, 1, -1, 3, -3, 14]:
            for b in [0, 1, -1, 2, -2]:
                add(f'powm {h(a)} {h(b)} {h(m)}', err_of(lambda: h(pow(a, b, m))))
    add('powm 5 3 0', 'ERR:EZEROMOD')
    for _ in range(300):
        a = R.choice([rand_int(4000, signed=False), rand_bits(R.randint(60, 2000)) ** 2,
                      rand_bits(R.randint(60, 2000)) ** 2 - 1, R.randint(0, 2**64)])
        if R.random() < 0.05:
            a = -a - 1
        add(f'isqrt {h(a)}', err_of(lambda: h(math.isqrt(a))), oom=R.random() < 0.03)
    for a in list(range(0, 40)) + [2**64 - 1, 2**64, 2**128 - 1, 2**128, (2**64 + 1)**2, (2**64 + 1)**2 - 1]:
        add(f'isqrt {h(a)}', h(math.isqrt(a)))


# ---- doubles --------------------------------------------------------------------------------

def doubles():
    def todbl(a):
        add(f'todbl {h(a)}', err_of(lambda: dbits(float(a))))

    def tdiv(a, b):
        add(f'tdiv {h(a)} {h(b)}', err_of(lambda: dbits(a / b)))

    for _ in range(400):
        todbl(rand_int(1100))
    for _ in range(200):
        m = R.getrandbits(54) | (1 << 53) | 1  # odd 54-bit: exactly halfway between two doubles
        s = R.randint(0, 1000)
        for a in [m << s, (m << s) + 1, (m << s) - 1, (m - 1) << s, (m + 1) << s]:
            todbl(a * R.choice([1, -1]))
    for a in [2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024, 2**1023, 2**53 + 1, 2**54 + 3,
              2**64 - 1, 2**63 + 2**10, -(2**1024 - 2**970 - 1)]:
        todbl(a)
    for _ in range(600):
        a, b = rand_pair(1500)
        tdiv(a, b)
    for _ in range(300):
        # near halfway quotients
        m = R.getrandbits(54) | (1 << 53) | 1
        b = rand_bits(R.randint(1, 1200)) or 1
        s = R.randint(-60, 60)
        a = m * b
        a = a << s if s >= 0 else a
        b = b << -s if s < 0 else b
        for d in [0, 1, -1]:
            tdiv((a + d) * R.choice([1, -1]), b)
    # subnormals, underflow, overflow
    for e in [1022, 1023, 1024, 1050, 1073, 1074, 1075, 1076, 1077, 1100]:
        for d in [-1, 0, 1]:
            tdiv(1, 2**e + d)
            tdiv(-3, 2**e + d)
            tdiv(2**200 + d, 2**(e + 200))
    for e in [1022, 1023, 1024, 1025]:
        for d in [-1, 0, 1]:
            tdiv(2**e + d, 1)
            tdiv(2**(e + 100) + d, 2**100)
            tdiv(2**1024 - 2**970 + d, 1)
            tdiv((2**1024 - 2**970) * 3 + d, 3)
    for a, b in [(0, 5), (0, -5), (5, 0), (0, 0), (1, 3), (-1, 3), (2**2000, 2**1990), (10**400, 10**399),
                 (10**400 + 1, 10**400), (1, 10**400), (-1, 10**400), (2**60, 3)]:
        tdiv(a, b)
    # int(float)
    specials = [0.0, -0.0, 0.5, -0.5, 0.9999999999999999, 1.0, 1.5, -1.5, 2.0**52 + 0.5, 2.0**53, 2.0**63, -2.0**63,
                2.0**64, 1e308, -1e308, 1.7976931348623157e308, 5e-324, 123456789.987654321, -2.0**31, 2.0**32 - 1]
    for x in specials:
        add(f'fromdbl {dbits(x)}', h(int(x)))
    for _ in range(300):
        while True:
            x = struct.unpack('>d', R.getrandbits(64).to_bytes(8, 'big'))[0]
            if math.isfinite(x):
                break
        add(f'fromdbl {dbits(x)}', h(int(x)))


# ---- bytes ---------------------------------------------------------------------------------

def byte_cases():
    for _ in range(400):
        a = rand_int(300)
        signed = R.random() < 0.5
        need = (a.bit_length() + 8) // 8 if signed else (a.bit_length() + 7) // 8
        n = max(0, need + R.choice([-1, 0, 0, 1, 3]))
        order = R.choice(['little', 'big'])
        add(f'tobytes {h(a)} {n} {order} {"s" if signed else "u"}',
            err_of(lambda: hb(a.to_bytes(n, order, signed=signed))))
    for a in [0, 1, -1, 127, 128, -128, -129, 255, 256, 2**31, -2**31, -2**31 - 1, 2**63, -2**63, 2**64 - 1,
              -2**64]:
        for n in [0, 1, 2, 4, 8, 9]:
            for signed in [True, False]:
                add(f'tobytes {h(a)} {n} big {"s" if signed else "u"}',
                    err_of(lambda: hb(a.to_bytes(n, 'big', signed=signed))))
    for _ in range(300):
        n = R.choice([0, 1, 2, 3, 4, 5, 7, 8, 9, R.randint(0, 100)])
        b = bytes(R.choice([0, 0xff, R.getrandbits(8)]) for _ in range(n))
        order = R.choice(['little', 'big'])
        signed = R.random() < 0.5
        add(f'frombytes {hb(b)} {order} {"s" if signed else "u"}', h(int.from_bytes(b, order, signed=signed)))


# ---- text ----------------------------------------------------------------------------------

def to_base(x, base):
    if base == 10:
        return str(x)
    if base in (2, 8, 16):
        s = format(abs(x), {2: 'b', 8: 'o', 16: 'x'}[base])
        return ('-' if x < 0 else '') + s
    digs = '0123456789abcdefghijklmnopqrstuvwxyz'
    m, out = abs(x), ''
    while True:
        m, r = divmod(m, base)
        out = digs[r] + out
        if m == 0:
            break
    return ('-' if x < 0 else '') + out


def text():
    sys.set_int_max_str_digits(0)
    for _ in range(700):
        a = rand_int(4000)
        base = R.choice([10, 10, 10, 2, 8, 16, 4, 32])
        add(f'str {h(a)} {base}', to_base(a, base))
    for a in [0, -1, 255, -255, 2**64]:
        for base, p in [(16, '0x'), (8, '0o'), (2, '0b'), (10, 'zz')]:
            s = to_base(a, base)
            s = ('-' + p + s[1:]) if s.startswith('-') else p + s
            add(f'str {h(a)} {base} {p}', s)
        add(f'str {h(a)} 3', 'ERR:EBASE')
    for k in [1, 9, 10, 18, 19, 100, 639, 640, 641, 4299, 4300, 4301]:
        for a in [10**k - 1, 10**k, -(10**k), 10**k + 1]:
            add(f'str {h(a)} 10', str(a))
            add(f'ndig {h(a)}', str(len(str(abs(a)))))
    for _ in range(15):  # divide-and-conquer conversion
        a = rand_int(40000)
        add(f'str {h(a)} 10', str(a), oom=R.random() < 0.3)
    for _ in range(200):
        a = rand_int(20000)
        add(f'ndig {h(a)}', str(len(str(abs(a)))))
    # the str() digit limit
    for limit in [640, 1000, 4300, 0]:
        for k in [639, 640, 641, 999, 1000, 1001, 4299, 4300, 4301, 5000]:
            for a in [10**k - 1, 10**k, -(10**k - 1), 2**int(k * 3.3219), rand_int(int(k * 3.33))]:
                sys.set_int_max_str_digits(limit)
                try:
                    str(a)
                    r = 'OK'
                except ValueError:
                    r = 'EDIGITLIMIT'
                sys.set_int_max_str_digits(0)
                add(f'chk {h(a)} {limit}', r)

    # int(text, base)
    def fromstr(s, base, limit=4300):
        if isinstance(s, str):
            s = s.encode('latin-1')
        sys.set_int_max_str_digits(limit)
        try:
            exp = err_of(lambda: h(int(s, base)))
        finally:
            sys.set_int_max_str_digits(0)
        add(f'fromstr {base} {limit} {hb(s)}', exp)

    digs = '0123456789abcdefghijklmnopqrstuvwxyz'
    for _ in range(1500):
        base = R.choice([0, 0, 10, 10, 2, 8, 16, R.randint(2, 36)])
        b = base or R.choice([2, 8, 10, 16])
        x = rand_int(R.choice([64, 300, 3000]))
        s = to_base(abs(x), b)
        if R.random() < 0.3:
            s = ''.join(c.upper() if R.random() < 0.5 else c for c in s)
        if R.random() < 0.3:  # single underscores
            s = ''.join(c + ('_' if R.random() < 0.2 and i + 1 < len(s) else '') for i, c in enumerate(s))
        pre = ''
        if base == 0 and b != 10 or (base in (2, 8, 16) and R.random() < 0.3):
            pre = '0' + R.choice({2: 'bB', 8: 'oO', 16: 'xX', 10: 'x'}[b])
            if R.random() < 0.2:
                pre += '_'
        if R.random() < 0.2:
            s = '0' * R.randint(1, 3) + s
        sign = R.choice(['', '', '-', '+'])
        ws = lambda: ''.join(R.choice(' \t\n\r\x0b\x0c') for _ in range(R.choice([0, 0, 1, 2])))
        t = ws() + sign + pre + s + ws()
        r = R.random()
        if r < 0.3:  # mutate into (probably) invalid text
            kind = R.randint(0, 9)
            pos = R.randint(0, len(t))
            ins = ['__', '_', ' ', 'g', 'z', '-', '+', '\x00', '\xa0', '0x'][kind]
            t = t[:pos] + ins + t[pos:]
        fromstr(t, base)
    fixed = ['0', '00', '000', '0_0', '010', '0_7', '00_0', '0b', '0x', '0o', '0b1', '0B1', '0x_1f', '0x__1f', '_1', '1_',
             '1__2', '1_2', '-0', '+0', '- 1', '+-1', '', ' ', '-', '+', '0x-1', ' 0xff ', '0xg', '12\x0b', '\x1c12',
             '1 2', '١٢', '0b2', '0o8', '9' * 10, 'z', 'Z', '0_', '0x1_', '0 ', ' 0', '\t\n 42 \r\x0c', '1e5', '1.0']
    for t in fixed:
        for base in [0, 2, 8, 10, 16, 36]:
            fromstr(t.encode('utf-8'), base)
    for base in [1, 37, -1, 100]:
        fromstr('1', base)
    # digit limits: counted digits exclude underscores, signs, whitespace and prefixes
    for n in [640, 641, 4299, 4300, 4301, 5000]:
        for base in [10, 0, 16, 7]:
            for limit in [4300, 0, 1000, 640]:
                fromstr('1' * n, base, limit)
            fromstr('1' * n + 'x', base)
            fromstr('x' + '1' * n, base)
            fromstr('1' * n + '__1', base)
            fromstr(' -' + '1_' * (n // 2) + '1 ', base)
            fromstr('0' * n, 0)
    for _ in range(25):  # divide-and-conquer parsing
        a = rand_int(60000)
        fromstr(str(a), 10, 0)
    for _ in range(3):
        fromstr(str(rand_int(30000)), 10, 0)  # (oom runs are cheap enough at this size)
        cases[-1] = 'oom ' + cases[-1]


binops()
shifts()
powers()
doubles()
byte_cases()
text()
# the performance sanity line: hashes of str(3**50000) and of 3**50000 * 7**40000 etc. (see mp_driver.c)
sys.set_int_max_str_digits(0)


def fnv(s):
    hh = 1469598103934665603
    for c in s.encode():
        hh = ((hh ^ c) * 1099511628211) & (2**64 - 1)
    return hh ^ len(s)


p3, p7 = 3**50000, 7**40000
x = p3 * p7
add('perf', f'{fnv(str(p3))} {hash(x)} {hash(x // p7)} 0 {fnv(str(3**100000))} 0')

os.makedirs(os.path.dirname(OUT), exist_ok=True)
data = ('\n'.join(cases) + '\n').encode()
with open(OUT, 'wb') as f:
    f.write(gzip.compress(data, 9, mtime=0))
print(f'{len(cases)} cases, {len(data)} bytes, {os.path.getsize(OUT)} bytes gzipped -> {OUT}')
