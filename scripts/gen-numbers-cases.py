#!/usr/bin/env python3
"""Records CPython's answers for the numeric runtime's test cases (tests/runtime/numbers.test.ts).

Writes tests/runtime/data/numbers_cases.txt.gz: one case per line, "<driver input>\t<expected
output>", in the little language of tests/runtime/numbers_driver.c (see its header): the driver
evaluates the input with the pync runtime, this script with CPython, and the outputs must match.
Covers int/bool/float/complex arithmetic, comparisons, hashes, repr/str, constructors, methods,
every format spec type, the math module (error cases included) and the random module for several
seeds. Python is only the oracle; it is never part of pync. Deterministic: fixed seed. Run with
CPython 3.11: python3 scripts/gen-numbers-cases.py
"""
import builtins
import gzip
import math
import operator
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "the oracle must be CPython 3.11"

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'runtime', 'data', 'numbers_cases.txt.gz')
R = random.Random(20261126)  # chooses cases; the random-module cases use their own seeds
cases = []

# ---- the value syntax ----------------------------------------------------------------------------

SAFE = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~!*()+-<>^#@$&[]{}|/?')


def enc_str(s):
    out = []
    for ch in s:
        if ch in SAFE:
            out.append(ch)
        else:
            out.extend('%%%02X' % b for b in ch.encode('utf-8', 'surrogatepass'))
    return 's:' + ''.join(out)


def tok(v):
    """the driver token for a Python value"""
    if v is True:
        return 'T'
    if v is False:
        return 'F'
    if v is None:
        return 'N'
    if isinstance(v, int):
        if abs(v) < 10 ** 300:
            return 'i:%d' % v
        return 'x:%s%x' % ('-' if v < 0 else '', abs(v))
    if isinstance(v, float):
        return 'f:' + repr(v)
    if isinstance(v, complex):
        return 'c:%r,%r' % (v.real, v.imag)
    if isinstance(v, str):
        return enc_str(v)
    if isinstance(v, bytes):
        return 'b:' + (v.hex() if v else '-')
    if isinstance(v, list):
        return 'l:' + ';'.join(tok(x) for x in v)
    if isinstance(v, tuple):
        return 't:' + ';'.join(tok(x) for x in v)
    raise TypeError(v)


def unquote(s):
    raw, out, i = s.encode('utf-8'), bytearray(), 0
    while i < len(raw):
        if raw[i] == 0x25 and i + 2 < len(raw) + 0 + 1 and all(c in b'0123456789abcdefABCDEF' for c in raw[i + 1:i + 3]) \
                and len(raw[i + 1:i + 3]) == 2:
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode('utf-8', 'surrogatepass')


def parse_value(t):
    if t == 'T':
        return True
    if t == 'F':
        return False
    if t == 'N':
        return None
    kind, rest = t[0], t[2:]
    if kind == 'i':
        return int(rest)
    if kind == 'x':
        return int(rest, 16)
    if kind == 'f':
        return float(rest)
    if kind == 'c':
        re_, im = rest.split(',')
        return complex(float(re_), float(im))
    if kind == 's':
        return unquote(rest)
    if kind == 'b':
        return b'' if rest == '-' else bytes.fromhex(rest)
    if kind == 'l':
        return [parse_value(x) for x in rest.split(';')] if rest else []
    if kind == 't':
        return tuple(parse_value(x) for x in rest.split(';')) if rest else ()
    if kind == 'r':
        return list(range(int(rest)))
    raise ValueError(t)


# ---- the interpreter (CPython's side of the driver) ----------------------------------------------

BINOPS = {'+': operator.add, '-': operator.sub, '*': operator.mul, '@': operator.matmul, '/': operator.truediv,
          '//': operator.floordiv, '%': operator.mod, '**': operator.pow, '<<': operator.lshift,
          '>>': operator.rshift, '&': operator.and_, '^': operator.xor, '|': operator.or_}
CMPOPS = {'<': operator.lt, '<=': operator.le, '==': operator.eq, '!=': operator.ne, '>': operator.gt,
          '>=': operator.ge}
UNOPS = {'-': operator.neg, '+': operator.pos, '~': operator.invert, 'abs': abs}


def escape(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t').replace('\r', '\\r')


def lookup(name):
    if name in ('int', 'float', 'complex', 'bool'):
        return getattr(builtins, name)
    if '.' in name:
        mod, attr = name.split('.', 1)
        return getattr({'math': math, 'random': random}[mod], attr)
    return getattr(builtins, name)


def call_args(toks):
    args, kw = [], {}
    for t in toks:
        eq, colon = t.find('='), t.find(':')
        if eq >= 0 and (colon < 0 or eq < colon):
            kw[t[:eq]] = parse_value(t[eq + 1:])
        else:
            args.append(parse_value(t))
    return args, kw


def evaluate(line):
    t = line.split(' ')
    op = t[0]
    if op == 'gc':
        return 'ok'
    if op == 'str':
        return escape(str(parse_value(t[1])))
    if op == 'type':
        return type(parse_value(t[1])).__name__
    if op in ('repr', 'seq'):
        r = parse_value(t[1])
    elif op == 'hash':
        r = hash(parse_value(t[1]))
    elif op == 'bool':
        r = bool(parse_value(t[1]))
    elif op == 'bin':
        r = BINOPS[t[1]](parse_value(t[2]), parse_value(t[3]))
    elif op == 'un':
        r = UNOPS[t[1]](parse_value(t[2]))
    elif op == 'cmp':
        r = CMPOPS[t[1]](parse_value(t[2]), parse_value(t[3]))
    elif op == 'fmt':
        r = format(parse_value(t[1]), parse_value(t[2]))
    elif op == 'call':
        args, kw = call_args(t[2:])
        r = lookup(t[1])(*args, **kw)
    elif op == 'get':
        r = lookup(t[1])
    elif op == 'meth':
        args, kw = call_args(t[3:])
        r = getattr(parse_value(t[1]), t[2])(*args, **kw)
    elif op == 'attr':
        r = getattr(parse_value(t[1]), t[2])
    elif op == 'shuffle':
        r = parse_value(t[1])
        random.shuffle(r)
    elif op == 'inst':
        args, kw = call_args(t[3:])
        r = getattr(random.Random(parse_value(t[1])), t[2])(*args, **kw)
    elif op == 'roundtrip':
        g = random.Random(parse_value(t[1]))
        g.random()
        g.gauss()
        s = g.getstate()
        a = [g.random() for _ in range(3)] + [g.gauss()]
        g.setstate(s)
        b = [g.random() for _ in range(3)] + [g.gauss()]
        r = (a == b, a, s[0], len(s[1]), s[1][-1], s[2])
    else:
        raise ValueError(line)
    return escape(repr(r))


def add(line):
    line = line.rstrip(' ')
    if line.startswith('hash ') and 'nan' in line:
        return  # a nan hashes by object identity
    assert '\t' not in line and '\n' not in line, line
    try:
        exp = evaluate(line)
    except Exception as e:  # noqa: BLE001 - the oracle records every exception
        exp = 'ERR:%s:%s' % (type(e).__name__, escape(str(e)))
    cases.append(line + '\t' + exp)
    if len(cases) % 2000 == 0:
        cases.append('gc\tok')


# ---- values ------------------------------------------------------------------------------------------

INTS = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, 256, 1000, -1000, 2**31 - 1, 2**31, -2**31, 2**32, 2**53 - 1,
        2**53, 2**53 + 1, -2**53 - 1, 2**61 - 1, 2**61, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63 - 1, 2**63,
        -2**63, 2**64, 10**20, -10**20, 3**100, -7**80, 2**1000, -(2**1000) + 1, 10**300, 2**1024, -2**1024]
SMALL_INTS = [0, 1, -1, 2, -3, 7, 10, 2**31, -2**53 - 1, 2**62 - 1, -2**62, 2**63, 2**64 + 3, -10**20, 3**100, 2**1000]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 2.5, 3.5, 0.1, 0.2, 0.3, 1e-300, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 1e16, 9007199254740992.0, 9007199254740993.0, 1e22, 1e300, -1e300, 3.141592653589793,
          123456.789, -1e-05, 1e-7, 2.0**62, -2.0**63, 2.0**64, 1e308 * 10, -1e308 * 10, float('nan'), 7.0, -7.0,
          0.6666666666666666, 1e23, 4.35, 2.675]
SMALL_FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 1e-300, 1e300, 2.0**63, float('inf'), float('-inf'), float('nan'), 7.0]
COMPLEXES = [0j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0), 1 + 2j, -1.5 + 0.5j, 1j, -1j, 3 + 4j,
             2 + 0j, 1e308 + 1e308j, complex(float('inf'), 0), complex(0, float('inf')), complex(float('nan'), 1),
             complex(1e-320, 1), 0.1 + 0.2j, complex(-2, 0), 1e200 + 1e200j, 0.5 - 0.5j, complex(1, float('nan'))]
SMALL_COMPLEXES = [0j, 1 + 2j, -1.5 + 0.5j, 1j, 3 + 4j, complex(-2, 0), 1e200 + 1e200j, complex(float('inf'), 1)]
BOOLS = [True, False]

# ---- int, bool -------------------------------------------------------------------------------------------

add('gc')
for v in INTS + BOOLS:
    add('repr ' + tok(v))
    add('str ' + tok(v))
    add('hash ' + tok(v))
    add('bool ' + tok(v))
    add('type ' + tok(v))
    for u in ('-', '+', '~', 'abs'):
        add('un %s %s' % (u, tok(v)))
    for name in ('bit_length', 'bit_count', 'as_integer_ratio', 'conjugate', '__trunc__', '__floor__', '__ceil__',
                 '__index__', '__int__', '__float__', '__abs__', '__bool__', '__getnewargs__', '__neg__', '__pos__',
                 '__invert__'):
        add('meth %s %s' % (tok(v), name))
    for name in ('real', 'imag', 'numerator', 'denominator'):
        add('attr %s %s' % (tok(v), name))
    for nd in (None, 0, 1, -1, -2, -3, -5, -20, -400):
        add('meth %s __round__%s' % (tok(v), '' if nd is None else ' ' + tok(nd)))

for a in INTS[::2] + BOOLS:
    for b in INTS[::2] + BOOLS:
        for op in ('+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '^', '|'):
            if op == '**' and abs(a) > 1 and b > 64:
                continue
            if op == '<<' and b > 5000:
                continue
            add('bin %s %s %s' % (op, tok(a), tok(b)))
        for op in ('<', '<=', '==', '!=', '>', '>='):
            add('cmp %s %s %s' % (op, tok(a), tok(b)))
for _ in range(300):
    bits = R.choice([8, 30, 31, 32, 62, 63, 64, 65, 100, 200, 700])
    a = R.getrandbits(bits) * R.choice([1, -1])
    b = R.getrandbits(R.choice([4, 8, 30, 62, 64, 90])) * R.choice([1, -1]) or 1
    for op in ('+', '-', '*', '//', '%', '&', '|', '^', '/'):
        add('bin %s %s %s' % (op, tok(a), tok(b)))
    add('bin ** %s %s' % (tok(a), tok(R.randint(-3, 12))))
    add('bin << %s %s' % (tok(a), tok(R.randint(0, 130))))
    add('bin >> %s %s' % (tok(a), tok(R.randint(0, 130))))
    add('hash ' + tok(a))
    add('meth %s __divmod__ %s' % (tok(a), tok(b)))
    add('meth %s __round__ %s' % (tok(a), tok(R.randint(-12, 2))))

# ints mixed with floats, complex, and other types
for a in SMALL_INTS + BOOLS:
    for b in SMALL_FLOATS:
        for op in ('+', '-', '*', '/', '//', '%', '**'):
            if op == '**' and abs(b) > 100 and abs(a) > 1:
                continue
            add('bin %s %s %s' % (op, tok(a), tok(b)))
            add('bin %s %s %s' % (op, tok(b), tok(a)))
        for op in ('<', '<=', '==', '!=', '>', '>='):
            add('cmp %s %s %s' % (op, tok(a), tok(b)))
            add('cmp %s %s %s' % (op, tok(b), tok(a)))
for a in (0, 1, -2, 2**64, True):
    for b in (1 + 2j, 0j, complex(0, -1)):
        for op in ('+', '-', '*', '/', '**', '//', '%'):
            add('bin %s %s %s' % (op, tok(a), tok(b)))
            add('bin %s %s %s' % (op, tok(b), tok(a)))
        add('cmp == %s %s' % (tok(a), tok(b)))
        add('cmp < %s %s' % (tok(a), tok(b)))
for a in (1, 2**70, True, 1.5):
    for b in ('x', [1], None, b'a'):
        for op in ('+', '*', '<<', '@', '&'):
            add('bin %s %s %s' % (op, tok(a), tok(b)))
        add('cmp < %s %s' % (tok(a), tok(b)))
        add('cmp == %s %s' % (tok(a), tok(b)))

# pow(a, b, m), divmod, round, abs builtins
for a, b, m in [(2, 10, 1000), (3, 200, 10**9 + 7), (2, -1, 7), (3, -2, 10), (2, -1, 4), (5, 3, 0), (-2, 3, 5),
                (2, 3, -5), (2**100, 2**100, 2**61 - 1), (0, 0, 1), (7, 0, 1), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0),
                (1j, 2, 3), (2, 2, 1j), (True, True, 2), (10**30, -1, 10**30 + 1), (6, -1, 9)]:
    add('call pow %s %s %s' % (tok(a), tok(b), tok(m)))
for a, b in [(7, 2), (-7, 2), (7, -2), (2**70, 3), (-2**70, -2**35), (1, 0), (0, 0), (7, 2.5), (-7.5, 2), (5.0, -3),
             (1e300, 1e-300), (True, 2), (2**64, 0.5)]:
    add('call divmod %s %s' % (tok(a), tok(b)))
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0), (1j, 1)]:
    add('meth %s __divmod__ %s' % (tok(a), tok(b)))
for x in INTS + FLOATS + BOOLS:
    add('call round %s' % tok(x))
    add('call abs %s' % tok(x))
    for nd in (0, 1, 2, -1, -2, 10, -310):
        add('call round %s %s' % (tok(x), tok(nd)))
for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e15 + 0.5, 4503599627370497.0):
    add('call round ' + tok(x))
    add('call round %s %s' % (tok(x), tok(2)))
add('call round %s %s' % (tok(1.5), tok(None)))
add('call round %s %s' % (tok(15), tok(1.5)))
add('call round %s %s' % (tok(1.5), tok(1.5)))

# int() and bool() constructors
INT_TEXTS = ['0', '-0', '+12', ' 12 ', '\t\n12\r\x0b\x0c', '1_000', '1__000', '_1', '1_', '0x1f', '12.5', '', ' ',
             '+', '-', 'abc', '٣', '１２', '\u00a012\u2003', '12\u00e9', '0' * 50 + '7', '-' + '9' * 40, '9' * 4300,
             '9' * 4301, 'x' * 300, '1' * 250 + 'x', '00', '08', '1e5', '１٣']
for s in INT_TEXTS:
    add('call int ' + tok(s))
for s, base in [('0b101', 0), ('0B101', 0), ('0o17', 0), ('0x1F', 0), ('0X1f', 0), ('010', 0), ('0', 0), ('00', 0),
                ('0_0', 0), ('1_0', 0), ('0x_1f', 0), ('0x1_f', 0), ('0x', 0), ('0b', 0), ('z', 36), ('Z', 36),
                ('zz', 35), ('101', 2), ('102', 2), ('777', 8), ('ff', 16), ('0xff', 16), ('0b11', 2), ('0o7', 8),
                ('-0x10', 16), ('  -ff  ', 16), ('1', 1), ('1', 37), ('1', -1), ('9' * 4301, 16), ('f' * 5000, 16),
                ('1' * 5000, 2), ('1' * 5000, 3), ('12', 10)]:
    add('call int %s %s' % (tok(s), tok(base)))
    add('call int %s base=%s' % (tok(s), tok(base)))
for b in (b'12', b' -7 ', b'0x10', b'abc', b'1_0', b'\xff', b''):
    add('call int ' + tok(b))
    add('call int %s %s' % (tok(b), tok(0)))
for x in [1.9, -1.9, 0.5, -0.0, 1e300, 2.0**63, -2.0**63, 4.5e15, float('inf'), float('-inf'), float('nan'),
          True, False, 2**100, [], None, 1j, 12]:
    add('call int ' + tok(x))
add('call int')
add('call int base=%s' % tok(10))
add('call int %s %s' % (tok(12), tok(10)))
add('call int %s %s' % (tok(1.5), tok(10)))
add('call int %s %s' % (tok('12'), tok(10.0)))
for x in (0, 1, -1, 0.0, -0.0, 0.5, float('nan'), 0j, 1j, '', 'a', [], [0], None, True, False, b'', 2**100):
    add('call bool ' + tok(x))
add('call bool')
add('call bool %s %s' % (tok(1), tok(2)))
add('call bool x=%s' % tok(1))

# to_bytes / from_bytes
for v in (0, 1, -1, 127, 128, -128, -129, 255, 256, 65535, -32768, 2**64 - 1, -2**63, 2**100, True):
    for n in (0, 1, 2, 8, 9, 16):
        for order in ('big', 'little'):
            add('meth %s to_bytes %s %s' % (tok(v), tok(n), tok(order)))
            add('meth %s to_bytes %s %s signed=T' % (tok(v), tok(n), tok(order)))
    add('meth %s to_bytes' % tok(v))
add('meth %s to_bytes %s %s' % (tok(1), tok(-1), tok('big')))
add('meth %s to_bytes %s %s' % (tok(1), tok(1), tok('middle')))
add('meth %s to_bytes %s %s' % (tok(1), tok(1), tok(3)))
add('meth %s to_bytes length=%s byteorder=%s signed=F' % (tok(1000), tok(4), tok('little')))
for b in (b'', b'\x00', b'\x01', b'\xff', b'\x80\x00', b'\x00\x80', b'\xff\xff\xff\xff\xff\xff\xff\xff\xff',
          bytes(range(1, 40))):
    for order in ('big', 'little'):
        add('meth %s from_bytes %s %s' % (tok(0), tok(b), tok(order)))
        add('meth %s from_bytes %s %s signed=T' % (tok(0), tok(b), tok(order)))
add('meth %s from_bytes %s' % (tok(0), tok([1, 2, 3])))
add('meth %s from_bytes %s %s' % (tok(0), tok([1, 256]), tok('big')))
add('meth %s from_bytes %s %s' % (tok(0), tok('ab'), tok('big')))
add('meth %s from_bytes %s %s' % (tok(0), tok(5), tok('big')))
add('meth %s from_bytes %s %s' % (tok(0), tok([1, -1]), tok('big')))
add('meth %s is_integer' % tok(5))

# ---- float --------------------------------------------------------------------------------------------------

add('gc')
for v in FLOATS:
    for op in ('repr', 'str', 'hash', 'bool', 'type'):
        add('%s %s' % (op, tok(v)))
    for u in ('-', '+', '~', 'abs'):
        add('un %s %s' % (u, tok(v)))
    for name in ('is_integer', 'as_integer_ratio', 'hex', 'conjugate', '__trunc__', '__floor__', '__ceil__', '__int__',
                 '__float__', '__abs__', '__bool__', '__getnewargs__', '__neg__', '__pos__'):
        add('meth %s %s' % (tok(v), name))
    for name in ('real', 'imag', 'numerator'):
        add('attr %s %s' % (tok(v), name))
    for nd in (None, 0, 1, 2, 3, 5, 15, 17, 300, 323, 324, 400, -1, -2, -10, -300, -308, -309, -400):
        add('meth %s __round__%s' % (tok(v), '' if nd is None else ' ' + tok(nd)))
for a in FLOATS[::2]:
    for b in FLOATS[::2] + [3, -2, 2**53 + 1, 10**400]:
        for op in ('+', '-', '*', '/', '//', '%', '**'):
            add('bin %s %s %s' % (op, tok(a), tok(b)))
        for op in ('<', '<=', '==', '!=', '>', '>='):
            add('cmp %s %s %s' % (op, tok(a), tok(b)))
for _ in range(400):
    e1, e2 = R.randint(-40, 40), R.randint(-40, 40)
    a = R.uniform(-10, 10) * 10.0**e1
    b = R.uniform(-10, 10) * 10.0**e2
    for op in ('+', '-', '*', '/', '//', '%'):
        add('bin %s %s %s' % (op, tok(a), tok(b)))
    add('bin ** %s %s' % (tok(abs(a)), tok(R.uniform(-5, 5))))
    add('bin ** %s %s' % (tok(a), tok(R.randint(-5, 5))))
    add('hash ' + tok(a))
    add('repr ' + tok(a))
    add('meth %s __divmod__ %s' % (tok(a), tok(b)))
    add('meth %s __round__ %s' % (tok(a), tok(R.randint(-5, 12))))
    add('meth %s as_integer_ratio' % tok(a))
# exact comparisons of floats with (huge) ints
for f in (2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, 1e300, -1e300, 1.7976931348623157e308, 0.5, -0.5, 1e16, 1e-300,
          2.0**1000 + 2.0**948):
    for i in (2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**300, -10**300, 2**1024, 2**1000, 2**1000 + 1,
              int(f) if f == f and abs(f) != float('inf') else 0, int(f) + 1 if abs(f) != float('inf') else 0, 0, 1):
        for op in ('<', '==', '>', '<=', '!=', '>='):
            add('cmp %s %s %s' % (op, tok(f), tok(i)))
        add('cmp == %s %s' % (tok(i), tok(f)))
# float() constructor
FLOAT_TEXTS = ['1.5', ' -1.5e3 ', 'inf', '-Infinity', '+INF', 'nan', '-nan', 'NaN', 'infinity', 'infinit', '1_0.5',
               '1__0', '1_', '_1', '.5', '5.', '.', 'e5', '1e', '1e5', '1E-5', '0x1p3', '１.５', '\u00a01.5\u2003',
               'abc', '', ' ', '1.5x', '1' * 400, '0.' + '0' * 400 + '1', '1e400', '-1e400', '1e-400',
               '2.2250738585072011e-308', '9007199254740993', '1.00000000000000011102230246251565404236316680908203125',
               '+.5e+1', '--1', '1.5\x00']
for s in FLOAT_TEXTS:
    add('call float ' + tok(s))
for x in [1, -1, 2**53 + 1, 2**1024, 10**400, True, False, 1.5, b'1.5', b' 2 ', b'x', [], None, 1j, 12]:
    add('call float ' + tok(x))
add('call float')
add('call float %s %s' % (tok(1), tok(2)))
add('call float x=%s' % tok(1))
for s in ('0x1.8p1', '-0x1p-1074', '0x1.fffffffffffffp+1023', '0x1p1024', 'inf', ' 0x10 ', 'zz', '1', '0x.8',
          '0x1.00000000000008p0', '-0x0p0', 'nan', '0x1p-1075', '0x3p-1076'):
    add('meth %s fromhex %s' % (tok(0.0), tok(s)))
for s in ('double', 'float', 'int'):
    add('meth %s __getformat__ %s' % (tok(0.0), tok(s)))

# ---- complex -------------------------------------------------------------------------------------------------

add('gc')
for v in COMPLEXES:
    for op in ('repr', 'str', 'hash', 'bool', 'type'):
        add('%s %s' % (op, tok(v)))
    for u in ('-', '+', '~', 'abs'):
        add('un %s %s' % (u, tok(v)))
    for name in ('conjugate', '__getnewargs__', '__complex__', '__abs__', '__bool__'):
        add('meth %s %s' % (tok(v), name))
    for name in ('real', 'imag'):
        add('attr %s %s' % (tok(v), name))
for a in SMALL_COMPLEXES:
    for b in SMALL_COMPLEXES + [0, 2, -1, 0.5, 0.0, 100, 101, -101, 1.5, True]:
        for op in ('+', '-', '*', '/', '**', '//', '%'):
            add('bin %s %s %s' % (op, tok(a), tok(b)))
        for op in ('==', '!=', '<'):
            add('cmp %s %s %s' % (op, tok(a), tok(b)))
for _ in range(150):
    a = complex(R.uniform(-5, 5), R.uniform(-5, 5))
    b = complex(R.uniform(-5, 5), R.uniform(-5, 5))
    for op in ('+', '-', '*', '/', '**'):
        add('bin %s %s %s' % (op, tok(a), tok(b)))
    add('bin ** %s %s' % (tok(a), tok(R.randint(-6, 6))))
    add('bin ** %s %s' % (tok(a), tok(R.uniform(-3, 3))))
    add('hash ' + tok(a))
for x in (-8.0, -1.0, -0.5, -2.0):
    for y in (1 / 3, 0.5, 2.5, -0.5):
        add('bin ** %s %s' % (tok(x), tok(y)))
COMPLEX_TEXTS = ['1+2j', '(1+2j)', ' ( 1+2j ) ', 'j', '-j', '+j', 'J', '2j', '2J', '1+j', '1-j', 'inf+nanj', '-infj',
                 '1e5-1e-5j', 'nanj', '1_0+2_0j', '1__0j', '_1j', 'abc', '1+2', '(1+2j', '1+2j)', '', ' ', '1', '-1.5',
                 '1+2jj', '1 + 2j', '(j)', '1e+2+3e-2j', '.5j', '5.j', '１+٢j', '\u00a01+2j', '1+2j\x00', '()',
                 'infinity-infinityj', '1e400j']
for s in COMPLEX_TEXTS:
    add('call complex ' + tok(s))
for args in [(1, 2), (1j, 1j), (1.5,), (True, False), (10**400,), (1, 10**400), (2 + 3j,), (2 + 3j, 4), (0, 1j),
             ('1', 2), (1, '2'), ([],), (1, []), (None,), (b'1',), (1, 1.5), (), (float('nan'), -0.0)]:
    add('call complex ' + ' '.join(tok(a) for a in args))
add('call complex real=%s imag=%s' % (tok(1), tok(2)))
add('call complex imag=%s' % tok(2))
add('call complex %s real=%s' % (tok(1), tok(2)))

# ---- format specs -----------------------------------------------------------------------------------------------

add('gc')
INT_SPECS = ['', 'd', '5', '<5', '>5', '^7', '=+8', '+', ' ', '-', ',', '_', 'b', '#b', 'o', '#o', 'x', '#x', 'X', '#X',
             '_x', '#_b', '_o', '010', '0=10', '*^12,', '010,', '+#012_x', '#010_x', 'x=10,', 'c', '5c', '<5c', 'n',
             'e', '.2f', '%', '.1%', 'g', 'G', 'E', 'F', 'z', 'z.2', '.2z', '.2', '.0', 'abc', 's', ',_', '_,', ',s',
             '_c', ',c', '#c', '+c', ',x', ',b', '_n', ',n', 'x<05', 'x<0=5', '\u00e9', ',\u00e9', '\u0665', '=\u0665',
             '\u00e9^9', '\U0001f600>6', '0<6', '0>6', '99999999999999999999', '.', '#', ' 08,', '-#10o',
             '+_', ',.3f', '_e', ' ^+5']
INT_FMT_VALUES = [0, 1, -1, 1234567, -1234567, 255, 2**64, -10**25, True, False, 65, 0x10ffff, 0x110000, 10**30]
for v in INT_FMT_VALUES:
    for s in INT_SPECS:
        add('fmt %s %s' % (tok(v), tok(s)))
add('fmt %s %s' % (tok(10**5000), tok('')))
add('fmt %s %s' % (tok(10**5000), tok(',')))
add('fmt %s %s' % (tok(10**5000), tok('x')))
add('fmt %s %s' % (tok(10**400), tok('e')))
FLOAT_SPECS = ['', 'f', '.0f', '.2f', '.10f', '.30f', 'e', '.3e', '.0e', 'E', 'g', '.3g', '.0g', '.17g', 'G', '#g',
               '#.3g', '#.0f', '#.0e', '%', '.1%', '.0%', 'n', '.3n', '10.2f', '<10', '^12.3', '=+12.3f', '012.3f',
               '0=12', '012', ',', ',.2f', '_.3f', ',.3e', '_g', 'z.1f', 'z', 'z.0f', 'z.3e', 'z.2%', '+', ' ', '#',
               '.0', '.1', '.3', '.17', '.20', 'x', 'd', ',d', 'c', 's', '*^15,.2f', '+010.1e', ' 012,.1f', '\u00e9',
               '.\u0663f', '020,.2f', '0<20', '.999f', '#.3', '#.0', '-', '+z.1f']
FLOAT_FMT_VALUES = [0.0, -0.0, 1.0, -1.5, 1234567.891, 1e-7, 1e16, 1e22, 0.1, 2.5, -0.001, float('inf'), float('-inf'),
                    float('nan'), 5e-324, 1.7976931348623157e308, 123.456, 0.00001, 100.0, 0.5, -0.00049, 9.995]
for v in FLOAT_FMT_VALUES:
    for s in FLOAT_SPECS:
        add('fmt %s %s' % (tok(v), tok(s)))
COMPLEX_SPECS = ['', '.2f', '10', '>20,.2f', 'e', '.2e', 'g', '.3', '.3g', '#', '#.2', '010', '0<10', '=10', '%', 'z.1f',
                 '+.2f', '^30.3e', 'n', '<20', '*^25.1f', ' ', '+', 'd', ',', '_.1f', 'E', 'G', 'F', '#g', '.0f',
                 '#.0f', 'z', '30']
COMPLEX_FMT_VALUES = [1 + 2j, -1.5 - 0j, 0j, complex(-0.0, -0.0), complex(0, -0.0), 1e20 + 1j, 3j, -3j,
                      complex(float('inf'), float('nan')), 1234.5 + 0.001j, complex(-0.001, 0.0004), 1234567 + 7654321j]
for v in COMPLEX_FMT_VALUES:
    for s in COMPLEX_SPECS:
        add('fmt %s %s' % (tok(v), tok(s)))
for v in (True, 5, 2.5, 1j):
    add('meth %s __format__ %s' % (tok(v), tok('>5')))
    add('meth %s __format__ %s' % (tok(v), tok(5)))

# ---- math -------------------------------------------------------------------------------------------------------

add('gc')
for name in ('pi', 'e', 'tau', 'inf', 'nan'):
    add('get math.' + name)
MATH_ARGS = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 10.0, 0.1, 1e-300, 5e-324, 1e300, 700.0, 710.0, -710.0,
             1e-10, 100.5, -100.5, 0.25, 1.5, 3.0, 7.5, 30.0, 200.5, -200.5, 171.5, -171.5, 1e16, -3.0,
             float('inf'), float('-inf'), float('nan'), 3, -3, 0, 10**400, -10**400, True, 2**1024 - 2**970, 'x', None]
MATH1 = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
         'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'fabs', 'floor', 'ceil',
         'trunc', 'isfinite', 'isinf', 'isnan', 'degrees', 'radians', 'frexp', 'modf', 'cbrt', 'ulp']
for f in MATH1:
    for x in MATH_ARGS:
        add('call math.%s %s' % (f, tok(x)))
for _ in range(60):
    x = R.uniform(-30, 30)
    y = R.uniform(0, 1000)
    for f in MATH1[:25]:
        add('call math.%s %s' % (f, tok(x)))
        add('call math.%s %s' % (f, tok(y)))
for x in (10**400, 2**1000 + 1, 3**5000, 2**1023 * 3, 10**309 + 7, 2**1024 - 1, 2**1025 + 2**972, 2**(2**14), True):
    for f in ('log', 'log2', 'log10'):
        add('call math.%s %s' % (f, tok(x)))
for x, b in [(8, 2), (100, 10), (10**400, 10), (1, 1), (2, 1.0), (0.5, 2), (2, 0.5), (10, -1), (-1, 10),
             (2**2000, 2**1000), (10, 0), (0, 10), (1e-300, 1e300), (7, True)]:
    add('call math.log %s %s' % (tok(x), tok(b)))
MATH2_ARGS = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, 3.0, 1e300, 1e-300, 5e-324, float('inf'), float('-inf'),
              float('nan'), 3, -4, 10**400, 7.25]
for f in ('atan2', 'copysign', 'fmod', 'remainder', 'pow', 'hypot', 'nextafter', 'dist_'):
    for x in MATH2_ARGS:
        for y in MATH2_ARGS:
            if f == 'dist_':
                add('call math.dist %s %s' % (tok([x, 1.0]), tok([y, -2.0])))
            else:
                add('call math.%s %s %s' % (f, tok(x), tok(y)))
for _ in range(100):
    x, y = R.uniform(-1e3, 1e3), R.uniform(-10, 10)
    for f in ('atan2', 'fmod', 'remainder', 'pow', 'hypot'):
        add('call math.%s %s %s' % (f, tok(x), tok(y)))
    add('call math.pow %s %s' % (tok(abs(x)), tok(y)))
    n = R.randint(0, 8)
    add('call math.hypot ' + ' '.join(tok(R.uniform(-1e5, 1e5) * 10.0**R.randint(-200, 200)) for _ in range(n)))
    p = [R.uniform(-100, 100) for _ in range(n)]
    q = [R.uniform(-100, 100) for _ in range(n)]
    add('call math.dist %s %s' % (tok(p), tok(q)))
for args in [(), (3,), (3, 4), (3, 4, 5), (1e308, 1e308), (5e-324, 5e-324), (1e-310, 2e-310, 3e-310), (-3, 'x'),
             (float('inf'), float('nan')), (float('nan'), 1), (2.0, 2.0, 2.0, 2.0)]:
    add('call math.hypot ' + ' '.join(tok(a) for a in args))
add('call math.dist %s %s' % (tok([1, 2]), tok([1, 2, 3])))
add('call math.dist %s %s' % (tok((1, 2)), tok([4, 6])))
for x, i in [(1.0, 1), (1.0, 1024), (1.0, -1074), (1.0, -1075), (0.75, 2**70), (0.75, -2**70), (0.0, 2**70),
             (float('inf'), -5), (1.5, 2.0), (3, 3), (1.0, 1023), (-1.0, 1024), (float('nan'), 1), (1.0, True)]:
    add('call math.ldexp %s %s' % (tok(x), tok(i)))
for a, b, kw in [(1.0, 1.0, ''), (1.0, 1.0000000001, ''), (1.0, 1.1, ''), (0.0, 1e-10, ''), (0.0, 1e-10, ' abs_tol=f:1e-09'),
                 (1.0, 1.1, ' rel_tol=f:0.2'), (float('inf'), float('inf'), ''), (float('inf'), 1e308, ''),
                 (float('nan'), float('nan'), ''), (1.0, 1.0, ' rel_tol=f:-1.0'), (1, 2, ' abs_tol=i:1')]:
    add('call math.isclose %s %s%s' % (tok(a), tok(b), kw))
add('call math.isclose a=%s b=%s' % (tok(1.0), tok(1.0)))
FSUMS = [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [1, 1e-16, 1e16], [1e-16, 1, 1e16],
         [float('inf'), 1], [float('inf'), float('-inf')], [float('nan')], [1e308, 1e308], [1e308, 1e308, -1e308],
         [], [1, 2, 3], [2**60, 2**60 + 1], [1.5, 'x'], [0.3, 0.3, 0.3, -0.9], [-0.0], [5e-324, 5e-324, -1e-323],
         [float('inf'), float('inf'), 1e308]]
for _ in range(40):
    FSUMS.append([R.uniform(-1, 1) * 10.0**R.randint(-30, 30) for _ in range(R.randint(1, 30))])
for lst in FSUMS:
    add('call math.fsum ' + tok(lst))
for args in [([1, 2, 3],), ([1.5, 2],), ([],), ([2**64, 2**64],), ([1, 2.5, 1j],), ([3],)]:
    add('call math.prod ' + tok(args[0]))
add('call math.prod %s start=%s' % (tok([1, 2]), tok(2.5)))
add('call math.prod %s start=%s' % (tok([]), tok('x')))
for n in (0, 1, 2, 5, 13, 20, 21, 25, 50, 100, 170, 171, 500, -1, 2.0, 2**70, -2**70, True, 'x'):
    add('call math.factorial ' + tok(n))
add('call math.factorial ' + tok(1000))
for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 10**20, 2**128 - 1, 2**128, 10**100 + 12345, -1, 2.5, True):
    add('call math.isqrt ' + tok(n))
for args in [(), (0,), (-12,), (12, 18), (-12, 18), (0, 0), (0, 5), (2**100, 2**60 * 3), (12, 18, 27), (1, 2**1000),
             (7, 2.0), (2**64, 2**32, 2**16), (True, 2)]:
    add('call math.gcd ' + ' '.join(tok(a) for a in args))
    add('call math.lcm ' + ' '.join(tok(a) for a in args))
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (0, 0), (52, 5), (100, 50), (1000, 3), (2**70, 2), (2**70, 3),
             (10**20, 5), (-1, 2), (5, -1), (5.0, 2), (5, 2.0), (30, 15), (200, 199), (True, True)]:
    add('call math.comb %s %s' % (tok(n), tok(k)))
    add('call math.perm %s %s' % (tok(n), tok(k)))
for n in (0, 5, 10, -1, 2.0):
    add('call math.perm ' + tok(n))
add('call math.perm %s %s' % (tok(5), tok(None)))
for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (-0.0, 1.0), (1.7976931348623157e308, float('inf')),
             (float('nan'), 1.0), (1.0, float('nan')), (5e-324, 0.0), (-5e-324, 0.0), (1.0, 1.0)]:
    add('call math.nextafter %s %s' % (tok(x), tok(y)))

# ---- random -----------------------------------------------------------------------------------------------------

add('gc')
SEEDS = [0, 1, 42, 12345, -7, 2**32, 2**64 + 5, 10**50, 3.5, -0.0, 'hello', '', 'ünïcode ✓', b'abc', b'', True]
for seed in SEEDS:
    add('call random.seed ' + tok(seed))
    for _ in range(5):
        add('call random.random')
    for k in (0, 1, 8, 31, 32, 33, 64, 65, 100, 1000):
        add('call random.getrandbits ' + tok(k))
    for args in [(10,), (5, 100), (5, 100, 7), (100, 5, -3), (-5, 5), (10**30,), (2**32,), (2**32 + 1,), (2**40, 2**41),
                 (0, 10**20, 10**17), (1, 2), (3, 4, 1), (10.0,)]:
        add('call random.randrange ' + ' '.join(tok(a) for a in args))
    add('call random.randrange %s step=%s' % (tok(10), tok(2)))
    for _ in range(5):
        add('call random.randint %s %s' % (tok(1), tok(6)))
    add('call random.randint %s %s' % (tok(-10**20), tok(10**20)))
    add('call random.choice ' + tok(list(range(10))))
    add('call random.choice ' + tok('abcdef'))
    add('call random.choice ' + tok((1.5, 2.5)))
    add('shuffle ' + tok(list(range(20))))
    add('shuffle ' + tok(['a', 'b', 'c']))
    add('call random.sample %s %s' % (tok(list(range(50))), tok(10)))
    add('call random.sample %s %s' % (tok(list(range(10))), tok(10)))
    add('call random.sample %s %s' % (tok(list(range(1000))), tok(30)))
    add('call random.sample %s k=%s' % (tok(list(range(200))), tok(6)))
    add('call random.sample %s %s counts=%s' % (tok(['x', 'y', 'z']), tok(5), tok([4, 2, 3])))
    add('call random.sample %s %s' % (tok('abcdefgh'), tok(3)))
    add('call random.choices %s k=%s' % (tok(list(range(5))), tok(10)))
    add('call random.choices %s %s k=%s' % (tok(['a', 'b', 'c']), tok([10, 1, 5]), tok(8)))
    add('call random.choices %s cum_weights=%s k=%s' % (tok(['a', 'b', 'c']), tok([1.5, 2.0, 7.25]), tok(8)))
    add('call random.choices %s' % tok(['p', 'q']))
    add('call random.uniform %s %s' % (tok(1), tok(10)))
    add('call random.uniform %s %s' % (tok(-1.5), tok(2.5)))
    add('call random.uniform %s %s' % (tok(10**20), tok(10**20 + 3)))
    add('call random.triangular')
    add('call random.triangular %s %s %s' % (tok(0), tok(10), tok(3)))
    add('call random.triangular %s %s %s' % (tok(0), tok(10), tok(8)))
    add('call random.triangular %s %s %s' % (tok(5), tok(5), tok(5)))
    for _ in range(3):
        add('call random.gauss')
    add('call random.gauss %s %s' % (tok(10), tok(2)))
    add('call random.gauss mu=%s sigma=%s' % (tok(1.5), tok(0.5)))
    add('call random.normalvariate')
    add('call random.normalvariate %s %s' % (tok(100), tok(15)))
    add('call random.lognormvariate %s %s' % (tok(0), tok(1)))
    add('call random.expovariate ' + tok(1.5))
    add('call random.expovariate ' + tok(2))
    add('call random.vonmisesvariate %s %s' % (tok(1), tok(2)))
    add('call random.vonmisesvariate %s %s' % (tok(1), tok(0)))
    add('call random.gammavariate %s %s' % (tok(0.5), tok(1)))
    add('call random.gammavariate %s %s' % (tok(1), tok(2)))
    add('call random.gammavariate %s %s' % (tok(3), tok(2)))
    add('call random.betavariate %s %s' % (tok(2), tok(3)))
    add('call random.betavariate %s %s' % (tok(0.5), tok(0.5)))
    add('call random.paretovariate ' + tok(2))
    add('call random.weibullvariate %s %s' % (tok(1), tok(2)))
    add('call random.randbytes ' + tok(10))
    add('call random.randbytes ' + tok(0))
    add('call random.randbytes ' + tok(3))
    add('call random.random')
# errors (the generator state still advances identically)
add('call random.seed ' + tok(99))
for line in ['call random.randrange ' + tok(0), 'call random.randrange %s %s' % (tok(10), tok(5)),
             'call random.randrange %s %s %s' % (tok(1), tok(10), tok(0)), 'call random.randrange ' + tok(1.5),
             'call random.randrange %s %s' % (tok(1), tok(2.5)), 'call random.randrange %s %s %s' % (tok(1), tok(10), tok(1.5)),
             'call random.randrange ' + tok('x'), 'call random.choice ' + tok([]), 'call random.sample %s %s' % (tok([1, 2]), tok(5)),
             'call random.sample %s %s' % (tok([1, 2]), tok(-1)), 'call random.choices %s %s' % (tok([1, 2]), tok([1])),
             'call random.choices %s %s' % (tok([1, 2]), tok(3)), 'call random.choices %s %s cum_weights=%s' % (tok([1]), tok([1]), tok([1])),
             'call random.choices %s %s' % (tok([1, 2]), tok([0, 0])), 'call random.choices %s %s' % (tok([1, 2]), tok([1, float('inf')])),
             'call random.gammavariate %s %s' % (tok(0), tok(1)), 'call random.getrandbits ' + tok(-1),
             'call random.seed ' + tok([1]), 'call random.seed ' + tok(None), 'call random.expovariate ' + tok(0),
             'call random.sample %s %s counts=%s' % (tok([1, 2]), tok(1), tok([1])),
             'call random.sample %s %s counts=%s' % (tok([1, 2]), tok(1), tok([0, 0]))]:
    add(line)
add('call random.seed ' + tok(7))
add('call random.random')
for seed in (0, 1, 42, 'abc', 2**100):
    add('roundtrip ' + tok(seed))
    add('inst %s random' % tok(seed))
    add('inst %s getrandbits %s' % (tok(seed), tok(70)))
    add('inst %s randrange %s' % (tok(seed), tok(1000)))
for v in (1, 2):
    add('call random.seed %s version=%s' % (tok('abc'), tok(v)))
    add('call random.random')
add('call random.seed %s version=%s' % (tok(b'abc'), tok(1)))
add('call random.random')
add('gc')

with gzip.open(OUT, 'wt', encoding='utf-8', compresslevel=9) as f:
    f.write('\n'.join(cases) + '\n')
print('%d cases written to %s' % (len(cases), os.path.normpath(OUT)))
