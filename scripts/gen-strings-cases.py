#!/usr/bin/env python3
"""Records CPython 3.11's answers for the runtime's str / bytes / bytearray / formatting tests.

Writes tests/runtime/data/strings_cases.txt.gz: one case per line,

    <display>\t<op> <operand tokens...>\t<expected>

<display> is a readable Python expression (for failure messages only); the tokens are what
tests/runtime/strings_driver.c evaluates; <expected> is repr(result), or "ExcType: message" when
the operation raises. Mutating bytearray operations print "repr(result) | repr(receiver)".

Token grammar (space-separated, prefix form):
    N T F               None True False
    i<decimal>          int of any size
    f<16 hex digits>    float by its bits
    c<32 hex digits>    complex by the bits of its real and imaginary parts
    s<hex>              str: its UTF-8 (surrogates as 3-byte sequences), hex
    b<hex> B<hex>       bytes / bytearray
    t<n> l<n>           tuple / list of the next n values
    d<n>                dict of the next n key/value pairs
    S                   slice(next 3 values)
    R                   range(next 3 values)
    o<name>             an object built by the driver: oobj (object()), oI oF oBb oIntLike (instances
                        of the classes below), oS:<token> oB:<token> oBA:<token> (subclass
                        instances of str / bytes / bytearray made from one value)
Operations: see run_case in the driver; `m <name> <self> <nargs> <args...> <nkw> <kwname value>...`
calls a method. A leading `T` also prints the result's type name after its repr.

Run: python3 scripts/gen-strings-cases.py   (needs CPython 3.11; deterministic)
"""
import gzip
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'runtime', 'data', 'strings_cases.txt.gz')

rng = random.Random(int(os.environ.get('PYNC_STRINGS_SEED', '20261126')))


# ---- objects the driver can build -----------------------------------------------------------------

# A plain object() (the driver's `oobj`): only used where its repr (which has an address) is not
# printed.
OBJECTS = {'obj': object()}


# The classes the driver defines (strings_driver.c, make_classes).
class S(str):
    pass


class B(bytes):
    pass


class BA(bytearray):
    pass


class I:
    def __index__(self):
        return 2


class F:
    def __format__(self, spec):
        return 'F<' + spec + '>'

    def __str__(self):
        return 'str!'

    def __repr__(self):
        return 'repr!'


class Bb:
    def __bytes__(self):
        return b'bytes!'


class IntLike:
    def __int__(self):
        return 7


INSTANCE_CLASSES = (I, F, Bb, IntLike)


def enc(v):
    if v is None:
        return 'N'
    if v is True:
        return 'T'
    if v is False:
        return 'F'
    if type(v) is int:
        return 'i%d' % v
    if type(v) is float:
        return 'f%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
    if type(v) is complex:
        return 'c%016x%016x' % (struct.unpack('<Q', struct.pack('<d', v.real))[0],
                                struct.unpack('<Q', struct.pack('<d', v.imag))[0])
    if type(v) is str:
        return 's' + v.encode('utf-8', 'surrogatepass').hex()
    if type(v) is bytes:
        return 'b' + v.hex()
    if type(v) is bytearray:
        return 'B' + bytes(v).hex()
    if type(v) is tuple:
        return ' '.join(['t%d' % len(v)] + [enc(x) for x in v])
    if type(v) is list:
        return ' '.join(['l%d' % len(v)] + [enc(x) for x in v])
    if type(v) is dict:
        parts = ['d%d' % len(v)]
        for k, x in v.items():
            parts += [enc(k), enc(x)]
        return ' '.join(parts)
    if type(v) is slice:
        return ' '.join(['S', enc(v.start), enc(v.stop), enc(v.step)])
    if type(v) is range:
        return ' '.join(['R', enc(v.start), enc(v.stop), enc(v.step)])
    for name, o in OBJECTS.items():
        if v is o:
            return 'o' + name
    if type(v) in (S, B, BA):
        base = {S: str, B: bytes, BA: bytearray}[type(v)](v)
        return 'o%s:%s' % (type(v).__name__, enc(base))
    if type(v) in INSTANCE_CLASSES:
        return 'o' + type(v).__name__
    raise TypeError('cannot encode %r' % (v,))


def copy_arg(v):
    return bytearray(v) if type(v) is bytearray else v


def show_exc(e):
    return '%s: %s' % (type(e).__name__, e)


def result_text(r):
    s = repr(r)
    assert '\n' not in s and '\t' not in s
    return s


lines = []
seen = set()


def add(display, tokens, expected):
    if ' at 0x' in expected:
        return
    expected = expected.replace('\n', '\\n').replace('\t', '\\t')
    line = '%s\t%s\t%s' % (display.replace('\t', '\\t').replace('\n', '\\n'), tokens, expected)
    if tokens in seen:
        return
    seen.add(tokens)
    lines.append(line)


def r(x):
    return repr(x)


# ---- operations -----------------------------------------------------------------------------------

def typed_text(res, typed):
    return result_text(res) + (' ' + type(res).__name__ if typed else '')


def method(name, self, *args, typed=False, **kw):
    self_c = copy_arg(self)
    args_c = [copy_arg(a) for a in args]
    try:
        res = getattr(self_c, name)(*args_c, **kw)
        out = typed_text(res, typed)
    except Exception as e:
        out = show_exc(e)
    if type(self) is bytearray:
        out += ' | ' + repr(self_c)
    toks = (['T'] if typed else []) + ['m', name, enc(self), str(len(args))] + [enc(a) for a in args] + [str(len(kw))]
    for k, v in kw.items():
        toks += [enc(k), enc(v)]
    disp = '%s.%s(%s)' % (r(self), name, ', '.join([r(a) for a in args] + ['%s=%r' % kv for kv in kw.items()]))
    add(disp, ' '.join(toks), out)


def static(typ, name, *args, typed=False):
    try:
        out = typed_text(getattr(typ, name)(*args), typed)
    except Exception as e:
        out = show_exc(e)
    toks = (['T'] if typed else []) + ['M', typ.__name__, name, str(len(args))] + [enc(a) for a in args]
    add('%s.%s(%s)' % (typ.__name__, name, ', '.join(r(a) for a in args)), ' '.join(toks), out)


def binop(op, a, b, typed=False):
    import operator
    f = {'add': operator.add, 'mul': operator.mul, 'mod': operator.mod, 'iadd': operator.iadd,
         'imul': operator.imul}[op]
    ac = copy_arg(a)
    try:
        out = typed_text(f(ac, b), typed)
    except Exception as e:
        out = show_exc(e)
    if op in ('iadd', 'imul'):
        out += ' | ' + repr(ac)
    sym = {'add': '+', 'mul': '*', 'mod': '%', 'iadd': '+=', 'imul': '*='}[op]
    add('%r %s %r' % (a, sym, b), '%s%s %s %s' % ('T ' if typed else '', op, enc(a), enc(b)), out)


def getitem(a, k, typed=False):
    try:
        out = typed_text(a[k], typed)
    except Exception as e:
        out = show_exc(e)
    add('%r[%r]' % (a, k), '%sgetitem %s %s' % ('T ' if typed else '', enc(a), enc(k)), out)


def setitem(a, k, v):
    ac = copy_arg(a)
    try:
        ac[k] = v
        out = 'None'
    except Exception as e:
        out = show_exc(e)
    out += ' | ' + repr(ac)
    add('%r[%r] = %r' % (a, k, v), 'setitem %s %s %s' % (enc(a), enc(k), enc(v)), out)


def delitem(a, k):
    ac = copy_arg(a)
    try:
        del ac[k]
        out = 'None'
    except Exception as e:
        out = show_exc(e)
    out += ' | ' + repr(ac)
    add('del %r[%r]' % (a, k), 'delitem %s %s' % (enc(a), enc(k)), out)


def contains(a, x):
    try:
        out = result_text(x in a)
    except Exception as e:
        out = show_exc(e)
    add('%r in %r' % (x, a), 'contains %s %s' % (enc(a), enc(x)), out)


def iterate(a):
    try:
        out = result_text(list(iter(a)))
    except Exception as e:
        out = show_exc(e)
    add('list(iter(%r))' % (a,), 'iter %s' % enc(a), out)


def fmt(v, spec, typed=False):
    try:
        out = typed_text(format(v, spec), typed)
    except Exception as e:
        out = show_exc(e)
    add('format(%r, %r)' % (v, spec), '%sformat %s %s' % ('T ' if typed else '', enc(v), enc(spec)), out)


def fstring(v, conv, spec):
    try:
        x = {None: lambda y: y, 's': str, 'r': repr, 'a': ascii}[conv](v)
        out = result_text(format(x, spec if spec is not None else ''))
    except Exception as e:
        out = show_exc(e)
    add("f'{%r%s%s}'" % (v, '!' + conv if conv else '', ':' + spec if spec is not None else ''),
        'fstr %s %s %s' % (enc(v), {None: 'N', 's': 's', 'r': 'r', 'a': 'a'}[conv], enc(spec)), out)


def construct(typ, *args, typed=False, **kw):
    try:
        out = typed_text(typ(*args, **kw), typed)
    except Exception as e:
        out = show_exc(e)
    toks = (['T'] if typed else []) + ['call', typ.__name__, str(len(args))] + [enc(a) for a in args] + [str(len(kw))]
    for k, v in kw.items():
        toks += [enc(k), enc(v)]
    disp = '%s(%s)' % (typ.__name__, ', '.join([r(a) for a in args] + ['%s=%r' % kv for kv in kw.items()]))
    add(disp, ' '.join(toks), out)


def unary(op, a):
    f = {'repr': repr, 'str': str, 'len': len, 'ascii': ascii, 'bool': bool}[op]
    try:
        out = result_text(f(a))
    except Exception as e:
        out = show_exc(e)
    add('%s(%r)' % (op, a), '%s %s' % (op, enc(a)), out)


def compare(op, a, b):
    import operator
    f = {'lt': operator.lt, 'le': operator.le, 'eq': operator.eq, 'ne': operator.ne, 'gt': operator.gt,
         'ge': operator.ge}[op]
    try:
        out = result_text(f(a, b))
    except Exception as e:
        out = show_exc(e)
    add('%r %s %r' % (a, op, b), 'cmp %s %s %s' % (op, enc(a), enc(b)), out)


def hash_eq(a, b):
    try:
        out = result_text(hash(a) == hash(b))
    except Exception as e:
        out = show_exc(e)
    add('hash(%r) == hash(%r)' % (a, b), 'hasheq %s %s' % (enc(a), enc(b)), out)


# ---- sample data --------------------------------------------------------------------------------------

ASCII = [
    '', 'a', 'A', 'ab', 'abc', 'Hello World', 'hello world', 'HELLO WORLD', '  hello  world  ', 'a,b,,c,',
    ',a,b', 'aaa', 'aaaa', 'abcabcabc', 'The quick brown fox jumps over the lazy dog', 'x\ty\tz', '\tab\tc\t',
    'line1\nline2\r\nline3\rline4\n', '\n\n', 'a\r\n\r\nb', 'MiXeD CaSe 123', '12345', '-42', '+7', '0',
    'hello_world', '_private', '123abc', 'a1', 'abc def', ' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ', "it's",
    'say "hi"', 'both \' and "', 'a\x00b', '\x7f\x01', '%s', '{0}', 'back\\slash', 'title Case Words',
    "they're bill's friends", 'a.b.c', '...', 'xyzzy', 'Title', 'UPPER lower', 'hello world, hello!',
    'mississippi', 'banana', 'aAbBcC', '0x1f', '3.14', '  spaces', 'trailing  ', 'a b c d e f g',
]
UNI = [
    'café', 'naïve résumé', 'ß', 'straße', 'ﬁﬂ', 'İstanbul', 'ΣΑΣ', 'ΣΑΣ ΣΑΣ.', 'Σ', 'aΣ', 'aΣb', 'a\u0345Σ',
    'ΌΣΟΣ', 'ὈΔΥΣΣΕΎΣ', 'Ǆǅǆ', 'ǅungla', 'ǰ', 'ΐ', 'ŉ', '日本語テキスト', '한국어 텍스트', '😀👍🏽', '𝐀𝐁𝐂',
    'ａｂｃＡＢＣ', 'x\u2028y\u2029z', 'a\x85b', '\xa0x\u3000y\u2003', 'Ⅻ½²३٣', '١٢٣', '𝟙𝟚', '\u0660',
    'éé', 'éxé', 'ÀÉÎÕÜ', 'àéîõü', 'Ⓐⓑ', 'ꭰꭱ', 'ᏸ', 'ǈǋ', 'ﬀﬃ', 'ʼn', 'İi̇', 'Ωω', 'µ', 'ÿŸ', 'ɐɑɒ',
    '\ud800', '\udcff', 'a\udc80b', '\ud83d\ude00', 'mixed ascii and ünïcödé', 'ᾳ', 'ᾼ', 'ﬅ', '\u0130',
    'a\u0301e\u0301', 'Ǳ', 'ǲ', 'ǳ', '\U0001f600x', '\u00ad', '\u200b', '\u0378', '\ue000', 'ÉCOLE',
]
SAMPLES = ASCII + UNI

BSAMPLES = [s.encode('utf-8', 'surrogatepass') for s in ASCII] + [
    b'\x00\xff', b'\x80abc\xfe', 'café'.encode(), 'ß'.encode('latin-1'), b'\xe2\x82', b'\xe2\x28\xa1', b'a\xc3',
    b'\xf0\x9f\x98', b'\xed\xa0\x80', b'\xc0\x80', b'\xf5\x80\x80\x80', b'\xf4\x90\x80\x80',
]

INTS = [0, 1, 2, 3, 5, 8, 10, 20, -1, -2, -5, -100, 100, 10 ** 20, -10 ** 20]


def slices_of(s):
    out = set()
    n = len(s)
    for _ in range(4):
        if n:
            i = rng.randrange(n)
            j = rng.randrange(i, n + 1)
            out.add(s[i:j])
    if n:
        out.add(s[0])
        out.add(s[-1])
        out.add(s[n // 2:])
    return sorted(out)


def pick(seq, k):
    seq = list(seq)
    if len(seq) <= k:
        return seq
    return rng.sample(seq, k)


# ---- str methods ----------------------------------------------------------------------------------------

def gen_str():
    noargs = ['upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isdigit', 'isdecimal', 'isnumeric',
              'isalpha', 'isalnum', 'isspace', 'islower', 'isupper', 'istitle', 'isidentifier', 'isprintable',
              'isascii']
    for s in SAMPLES:
        for m in noargs:
            method(m, s)
    for m in noargs[:3]:
        method(m, 'a', 1)
        method(m, 'a', x=1)
    # extra casing material: every cased letter class
    for cp in list(range(0xc0, 0x250)) + list(range(0x370, 0x400)) + list(range(0x1e00, 0x1f00, 3)) + \
            list(range(0x1f00, 0x2000, 2)) + [0xdf, 0x130, 0x131, 0x149, 0x1f0, 0x390, 0x3b0, 0x587, 0xfb00, 0xfb06,
                                               0x10400, 0x10428, 0x1e900, 0x1e922, 0x2160, 0x24b6, 0x1c90]:
        c = chr(cp)
        for m in ('upper', 'lower', 'title', 'casefold', 'swapcase', 'capitalize'):
            method(m, c + 'xY' + c)
    for s in ['ΣΣ', ' Σ', 'Σ ', 'aΣ ', 'a.Σ', "a'Σ", 'aΣ\u0345', 'aΣ\u0345b', 'A\u0345Σ', 'ΣaΣ', 'ᾼΣ', 'ĩΣ̃', 'AΣ.b',
              'aΣ1', '1Σ', 'Σa', 'σΣς']:
        for m in ('lower', 'title', 'capitalize', 'swapcase', 'casefold', 'upper'):
            method(m, s)

    # find family
    for s in pick(SAMPLES, 70):
        subs = slices_of(s) + ['', 'zz', 'é', 'a', ' ']
        for sub in subs:
            for m in ('find', 'rfind', 'index', 'rindex', 'count'):
                method(m, s, sub)
            for args in [(1,), (-3,), (2, 5), (-5, -1), (0, 100), (None, 3), (3, None), (-100, 100), (10 ** 20,),
                         (-10 ** 20, 10 ** 20), (5, 2)]:
                m = rng.choice(('find', 'rfind', 'index', 'rindex', 'count'))
                method(m, s, sub, *args)
    for m in ('find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith'):
        method(m, 'abc')
        method(m, 'abc', 1)
        method(m, 'abc', None)
        method(m, 'abc', 'a', 'x')
        method(m, 'abc', 'a', 1.5)
        method(m, 'abc', 'a', 1, 2, 3)
        method(m, 'abc', 'a', x=1)
        method(m, 'abc', 'a', True, 2)
    # startswith / endswith
    for s in pick(SAMPLES, 60):
        for pre in slices_of(s) + ['', 'x', s, s + 'x']:
            for m in ('startswith', 'endswith'):
                method(m, s, pre)
                method(m, s, pre, rng.randint(-5, 5))
                method(m, s, pre, rng.randint(-5, 5), rng.randint(-5, 8))
                method(m, s, (pre, 'zz'))
    method('startswith', 'abc', ('x', 1))
    method('startswith', 'abc', ('a', 1))
    method('startswith', 'abc', (1, 'a'))
    method('endswith', 'abc', ())
    method('startswith', 'abc', '', 3)
    method('startswith', 'abc', '', 4)
    method('endswith', 'abc', '', 4)
    method('startswith', 'abc', ['a'])

    # split family
    for s in SAMPLES:
        method('split', s)
        method('rsplit', s)
        method('splitlines', s)
        method('splitlines', s, True)
        for sep in [' ', ',', 'a', 'ab', 'é', '\n', 'xyz'] + slices_of(s)[:2]:
            if sep == '':
                continue
            for maxsplit in (-1, 0, 1, 2):
                method('split', s, sep, maxsplit)
                method('rsplit', s, sep, maxsplit)
        for maxsplit in (0, 1, 2, 100):
            method('split', s, None, maxsplit)
            method('rsplit', s, maxsplit=maxsplit)
    for m in ('split', 'rsplit'):
        method(m, 'abc', '')
        method(m, 'abc', 1)
        method(m, 'abc', 'b', 'x')
        method(m, 'abc', 'b', 1.5)
        method(m, 'abc', 'b', 1, 2)
        method(m, 'abc', sep='b', maxsplit=1)
        method(m, 'abc', 'b', sep='b')
        method(m, 'abc', x=1)
        method(m, 'a b c', maxsplit=10 ** 20)
        method(m, 'a b c', None, True)
    method('splitlines', 'a\nb', keepends=True)
    method('splitlines', 'a\nb', 'x')
    method('splitlines', 'a\nb', 1.5)
    method('splitlines', 'a\nb', 1, 2)
    method('splitlines', 'a\nb', True, keepends=True)
    method('splitlines', 'a\nb', x=1)

    # partition
    for s in pick(SAMPLES, 60):
        for sep in slices_of(s) + [' ', 'zz', 'é']:
            if sep:
                method('partition', s, sep)
                method('rpartition', s, sep)
    for m in ('partition', 'rpartition'):
        method(m, 'abc', '')
        method(m, 'abc', 1)
        method(m, 'abc')
        method(m, 'abc', 'a', 'b')

    # replace
    for s in pick(SAMPLES, 70):
        for old in slices_of(s) + ['', 'a', 'zz', 'é']:
            for new in ['', '-', 'XYZ', 'é😀']:
                method('replace', s, old, new)
                method('replace', s, old, new, rng.choice([0, 1, 2, -1, -5, 100]))
    method('replace', 'abc', 1, 'b')
    method('replace', 'abc', 'a', 1)
    method('replace', 'abc', 'a', 'b', 'x')
    method('replace', 'abc', 'a', 'b', 1.5)
    method('replace', 'abc', 'a')
    method('replace', 'abc', 'a', 'b', 1, 2)
    method('replace', 'abc', 'a', 'b', count=1)
    method('replace', 'aaa', 'a', 'b', 10 ** 20)
    method('replace', 'aaa', '', '-', 2)
    method('replace', 'éé', '', '-')

    # join
    for sep in ['', ', ', '-', 'é', '😀 ']:
        for items in [[], ['a'], ['a', 'b'], ['x', 'é', '😀', ''], ('t', 'u'), ['a', 1], ['a', None, 'b'], 'abc',
                      'é😀', [b'a'], 5, ['']]:
            method('join', sep, items)
    method('join', '-')
    method('join', '-', ['a'], ['b'])
    method('join', '-', x=1)
    method('join', '', {'a': 1, 'b': 2})

    # strip family
    for s in SAMPLES:
        for m in ('strip', 'lstrip', 'rstrip'):
            method(m, s)
            for chars in ['', ' ', 'a', 'ab', 'é', ' \t\n', 'lo', 'xyz', 'é😀 ', None]:
                if rng.random() < 0.3:
                    method(m, s, chars)
    for m in ('strip', 'lstrip', 'rstrip'):
        method(m, 'abc', 1)
        method(m, 'abc', 'a', 'b')
        method(m, 'abc', chars='a')
        method(m, 'xxaxx', 'x')
        method(m, '😀a😀', '😀')
        method(m, 'éaé', 'é')

    # removeprefix / removesuffix
    for s in pick(SAMPLES, 50):
        for a in slices_of(s) + ['', s, 'x']:
            method('removeprefix', s, a)
            method('removesuffix', s, a)
    method('removeprefix', 'abc', 1)
    method('removesuffix', 'abc')
    method('removesuffix', 'abc', 'c', 'd')

    # padding
    for s in pick(SAMPLES, 60):
        for w in [-1, 0, 1, 3, len(s), len(s) + 1, len(s) + 2, len(s) + 5, 20]:
            for m in ('center', 'ljust', 'rjust'):
                method(m, s, w)
                method(m, s, w, rng.choice(['*', 'é', '😀', '0', ' ']))
            method('zfill', s, w)
    for s in ['-', '+', '-1', '+1', '--1', '1-', '-é', '', 'é', '+😀']:
        for w in (0, 1, 2, 3, 5):
            method('zfill', s, w)
    for m in ('center', 'ljust', 'rjust'):
        method(m, 'a')
        method(m, 'a', 'x')
        method(m, 'a', 5, 'xy')
        method(m, 'a', 5, '')
        method(m, 'a', 5, 1)
        method(m, 'a', 5, 'x', 1)
        method(m, 'a', 5, fillchar='x')
        method(m, 'a', 10 ** 20)
        method(m, 'a', 2.5)
        method(m, 'a', True)
    for w in (1, 2, 3, 4, 5, 6):
        for s in ('a', 'ab', 'abc', 'é'):
            method('center', s, w, '*')
    method('zfill', 'a')
    method('zfill', 'a', 'x')
    method('zfill', 'a', 1, 2)
    method('zfill', 'a', 10 ** 20)

    # expandtabs
    for s in ['', 'a\tb', '\t', 'ab\tc\td\n\te', '12345\t1\t12\t123\r\tx', 'é\tx', '😀\t', 'a\tb\tc', '\t\t',
              'abcdefgh\tz', 'x\x0b\ty']:
        for ts in (None, -1, 0, 1, 2, 3, 4, 8, 9):
            if ts is None:
                method('expandtabs', s)
            else:
                method('expandtabs', s, ts)
                method('expandtabs', s, tabsize=ts)
    method('expandtabs', 'a\tb', 'x')
    method('expandtabs', 'a\tb', 1, 2)
    method('expandtabs', 'a\tb', x=1)

    # translate / maketrans
    tables = [{97: 'A', 98: None, 99: 0x1f600}, {ord('é'): 'e'}, {}, {97: 'xyz', 32: ''}, {97: -1}, {97: 0x110000},
              {97: 1.5}, {97: 98, 98: 97}, 'abc', [None, 'x'], {97: True}]
    for s in pick(SAMPLES, 30) + ['abcabc', 'a b c', 'é😀']:
        for t in tables:
            method('translate', s, t)
    method('translate', 'abc')
    for args in [({'a': 'b', 98: None},), ({'ab': 1},), ({1.5: 1},), ('abc', 'xyz'), ('abc', 'xy'), ('abc', 'xyz', 'd'),
                 ('é😀', 'ab', 'c'), (1,), (1, 2), ('a', 1), ('a', 'b', 1), (), ({},), ({'é': 'e'},), ('', ''),
                 ('ab', 'cd', '')]:
        static(str, 'maketrans', *args)

    # encode
    for s in SAMPLES:
        for e in (None, 'utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-32-be'):
            for errors in (None, 'strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace',
                           'xmlcharrefreplace', 'surrogatepass'):
                if rng.random() < 0.35 or errors is None:
                    if e is None and errors is None:
                        method('encode', s)
                    elif errors is None:
                        method('encode', s, e)
                    elif e is None:
                        method('encode', s, errors=errors)
                    else:
                        method('encode', s, e, errors)
    for e in ['UTF8', 'utf_8', 'U8', 'Latin1', 'ISO-8859-1', 'iso8859_1', 'l1', 'US-ASCII', '646', 'ascii ',
              ' utf-8', 'utf--8', 'UTF-16LE', 'utf_16_be', 'utf-32le', 'UTF32', 'cp65001', 'latin', 'bogus', '',
              'utf-8\x00', 'ütf-8']:
        method('encode', 'aé', e)
    method('encode', 'é', 'ascii', 'bogus')
    method('encode', 'a', 'ascii', 'bogus')
    method('encode', 'a', 1)
    method('encode', 'a', 'utf-8', 1)
    method('encode', 'a', encoding='ascii', errors='strict')
    method('encode', 'a', 'ascii', 'strict', 'x')
    method('encode', 'a', x=1)
    for s in ['\udc80\udcff', 'a\udc80\u1234', '\udc7f', 'é\udc80', '\ud800\udc00', 'x\ud800y\udfffz']:
        for e in ('utf-8', 'ascii', 'latin-1', 'utf-16-le'):
            for errors in ('surrogateescape', 'surrogatepass', 'strict', 'replace', 'backslashreplace'):
                method('encode', s, e, errors)

    # None where Argument Clinic says "not None" and other paths say "not NoneType"
    for m, args in [('replace', (None, 'b')), ('replace', ('a', None)), ('partition', (None,)), ('find', (None,)),
                    ('removeprefix', (None,)), ('removesuffix', (None,)), ('encode', (None,)), ('encode', ('utf-8', None)),
                    ('split', (None, None)), ('center', (None,)), ('center', (1, None)), ('startswith', (None,)),
                    ('zfill', (None,)), ('join', ([None],)), ('__format__', (None,)), ('count', ('a', None, None)),
                    ('expandtabs', (None,)), ('splitlines', (None,)), ('translate', (None,))]:
        method(m, 'abc', *args)
    static(str, 'maketrans', 'a', None)
    static(str, 'maketrans', None, 'a')
    static(str, 'maketrans', 'a', 'b', None)
    for m, args in [('partition', (None,)), ('center', (3, None)), ('hex', (None,)), ('decode', (None,)),
                    ('strip', (None,)), ('split', (None,)), ('join', ([None],)), ('find', (None,))]:
        method(m, b'abc', *args)
    static(bytes, 'fromhex', None)
    contains('a', None)
    binop('mul', 'a', None)
    binop('mod', b'%s', None)
    construct(str, b'a', None)
    construct(bytes, 'a', None)
    construct(bytes, 'a', 'utf-8', None)
    fmt(1, None)
    fmt('a', None)

    # misc
    for s in pick(SAMPLES, 20):
        method('__sizeof__', s)
        method('__getnewargs__', s)
        method('__format__', s, '')
        method('__format__', s, '>10')
    method('__format__', 'a', 1)
    method('__format__', 'a')


def gen_format_map_and_format():
    # str.format
    cases = [
        ('{}', (1,), {}), ('{} {}', ('a', 'b'), {}), ('{0} {1} {0}', ('a', 'b'), {}), ('{1}', ('a',), {}),
        ('{a} {b}', (), {'a': 1, 'b': 'x'}), ('{0}{a}', (1,), {'a': 2}), ('{}{0}', (1,), {}), ('{0}{}', (1,), {}),
        ('{{}}', (), {}), ('{{{0}}}', (5,), {}), ('}}{{', (), {}), ('{', (), {}), ('}', (), {}), ('a{', (), {}),
        ('a}b', (), {}), ('{0', (1,), {}), ('{0:', (1,), {}), ('{0!', (1,), {}), ('{0!r', (1,), {}),
        ('{0!r}', ('a',), {}), ('{0!s}', ('a',), {}), ('{0!a}', ('é',), {}), ('{0!x}', (1,), {}), ('{0!}', (1,), {}),
        ('{0!rr}', (1,), {}), ('{0!r:>5}', ('a',), {}), ('{0:>{1}}', ('a', 5), {}), ('{0:{1}{2}}', ('a', '>', 5), {}),
        ('{:{}}', ('a', 4), {}), ('{0:{1:{2}}}', ('a', 's', ''), {}), ('{0[0]}', ([1, 2],), {}),
        ('{0[1]}', ((1, 2),), {}), ('{0[a]}', ({'a': 5},), {}), ('{0[a][0]}', ({'a': [7]},), {}),
        ('{a[0]}', (), {'a': 'xyz'}), ('{0[]}', ([1],), {}), ('{0[0}', ([1],), {}), ('{0[0]x}', ([1],), {}),
        ('{0.}', (1,), {}), ('{0..x}', (1,), {}), ('{0.real}', (5,), {}), ('{0.imag}', (5,), {}),
        ('{0.upper}', ('a',), {}), ('{0.nope}', ('a',), {}), ('{a.real}', (), {'a': 3}), ('{0[5]}', ([1],), {}),
        ('{0[-1]}', ([1],), {}), ('{0[a]}', ([1],), {}), ('{0[0]}', ({},), {}), ('{0[0]}', ({0: 'zero'},), {}),
        ('{0}', (), {}), ('{1}', (1,), {}), ('{x}', (), {}), ('{}', (), {}), ('{99999999999999999999}', (), {}),
        ('{0:d}', ('a',), {}), ('{0:s}', (1,), {}), ('{0:x}', (255,), {}), ('{0:.3}', ('abcdef',), {}),
        ('{0:^9}', ('abc',), {}), ('{0:*^9}', ('abc',), {}), ('{0:é<4}', ('a',), {}), ('{0:05}', ('a',), {}),
        ('{0:=5}', ('a',), {}), ('{0:+}', ('a',), {}), ('{0:#}', ('a',), {}), ('{0:,}', ('a',), {}),
        ('{0:_}', ('a',), {}), ('{0:z}', ('a',), {}), ('{0:xx}', ('a',), {}), ('{0:.}', ('a',), {}),
        ('{٠}', ('arabic zero',), {}), ('{0}{1}{2}{3}', ('é', '😀', 1, None), {}), ('é{0}é', ('😀',), {}),
        ('{0!r:^10}', ('é',), {}), ('{!r}{!s}', ('a', 'b'), {}), ('{a!r}', (), {'a': 'x'}), ('{{0}}', (1,), {}),
        ('{:}', ('a',), {}), ('{0:}', ('a',), {}), ('{0!s:}', ('a',), {}), ('{a{}', (), {}), ('{a}}', (), {'a': 1}),
        ('{0[}]}', ({'}': 1},), {}), ('{0[{]}', ({'{': 1},), {}), ('{ }', (), {' ': 1}), ('{-1}', (), {'-1': 'm'}),
        ('{0:{a}}', ('x',), {'a': '>3'}), ('{:{}}{}', ('x', 3, 'y'), {}), ('{0:{}}', ('x', 3), {}),
        ('{:{0}}', ('x', 3), {}), ('{0:x}', (OBJECTS['obj'],), {}),
        ('{:>10}', (None,), {}), ('{}', ([1, 'a'],), {}), ('{:<6}', (True,), {}), ('{0:10}', (b'ab',), {}),
        ('{0}', (b'ab',), {}), ('{0:.2f}', (3.14159,), {}), ('{0:>8.3f}', (2.5,), {}), ('{0:,}', (1234567,), {}),
        ('{0:08.2f}', (-3.5,), {}), ('{0:e}', (12345.678,), {}), ('{0:%}', (0.25,), {}), ('{0:b}', (10,), {}),
    ]
    for f, a, k in cases:
        method('format', f, *a, **k)
    for f, a, k in cases[:40]:
        if not a:
            method('format_map', f, k)
    method('format_map', '{a}', {'a': 1})
    method('format_map', '{}', {})
    method('format_map', '{0}', {'0': 1})
    method('format_map', '{a}', [1])
    method('format_map', '{a}')
    method('format_map', '{a}', {}, {})
    method('format_map', '{a.real}', {'a': 3})

    # format()
    specs = ['', 's', '10', '<10', '>10', '^10', '*^10', '.2', '10.2', '05', '<05', ' <05', '0=5', '=5', '+', '-',
             ' ', '#', ',', '_', 'z', 'd', 'x', '.', '.0', 'é^5', '😀>4', '99999999999999999999', 'xx', '>', '>0',
             '010', '0<10', '3.1s']
    for v in ['a', 'abc', 'é😀', '', 'ﬁ', 'long string here']:
        for spec in specs:
            fmt(v, spec)
    for v in [None, True, 1, -5, 2.5, [1], (1,), b'x', OBJECTS['obj']]:
        for spec in ['', 's', '>5', 'x', 'd']:
            fmt(v, spec)
    fmt('a', 1)
    for v in ['a', 'é', 1, 2.5, None, [1, 'é'], b'\xff']:
        for conv in (None, 's', 'r', 'a'):
            for spec in (None, '', '>6', '^7', 'x'):
                fstring(v, conv, spec)


def gen_percent():
    fmts = ['%s', '%r', '%a', '%d', '%i', '%u', '%o', '%x', '%X', '%e', '%E', '%f', '%F', '%g', '%G', '%c', '%%',
            '%5s', '%-5s|', '%.2s', '%5.2s', '%05d', '%-05d', '%+d', '% d', '%+ d', '%#o', '%#x', '%#X', '%#5x',
            '%#05x', '%-#7x|', '%.3d', '%8.3d', '%08.3d', '%.0f', '%#.0f', '%+.2e', '%010.3f', '% g', '%#g',
            '%.10g', '%-10.2f|', '%5c', '%-3c|', '%ld', '%hd', '%Lf', '%*d', '%-*d|', '%.*f', '%*.*s', '%(a)s',
            '%(a)d %(b)s', '%z', '%', 'abc %', '%(a', '%(a)', '%.', '%5', '%(a)%', '%5%', '%%%s', 'no format',
            'é%sé', '%s😀%s', '%-6r|', '%.1r', '%3a']
    vals = [1, 0, -1, 255, -255, 10 ** 30, -10 ** 30, 3.7, -3.7, 0.0, -0.0, 1e20, 1.5e-7, float('inf'),
            float('-inf'), float('nan'), True, False, 'a', 'é', 'abc', '', None, [1], (1,), (1, 2), {'a': 1, 'b': 'x'},
            b'xy', 0x110000, 65, 233, 0x1f600, 1j]
    for f in fmts:
        for v in vals:
            if rng.random() < 0.5:
                binop('mod', f, v)
        binop('mod', f, ())
        binop('mod', f, (5,))
        binop('mod', f, (5, 3))
        binop('mod', f, (5, 3, 'xyz'))
        binop('mod', f, {'a': 1, 'b': 2})
    for f, a in [('%s %s', ('a',)), ('%s', ('a', 'b')), ('%s', []), ('a', []), ('a', {}), ('a', ''), ('a', 1),
                 ('', ()), ('', 1), ('%s', {}), ('%s %(a)s', {'a': 1}), ('%(a)s %s', {'a': 1}),
                 ('%(a)s', 1), ('%(a)s', [1]), ('%(a)s', {}), ('%(a)s', {'a': (1, 2)}), ('%*s', {'a': 1}),
                 ('%*s', (10 ** 20, 'a')), ('%.*s', (-1, 'abc')), ('%*.*s', (-5, 2, 'abc')), ('%.*s', (2, 'abc')),
                 ('%*d', ('a', 1)), ('%.*d', (2 ** 40, 1)), ('%99999999999999999999d', 1),
                 ('%.99999999999999999999d', 1), ('%c', -1), ('%c', 'ab'), ('%c', ''), ('%c', 1.5), ('%c', 10 ** 30),
                 ('%d', 'a'), ('%x', 1.5), ('%x', 2.0), ('%d', 1.5e300), ('%d', float('nan')), ('%f', 'a'),
                 ('%d', None), ('%d', 1j), ('%\xe9', 1), ('%(a)s', {'a': 'é'}), ('%(é)s', {'é': 'x'}),
                 ('%((a))s', {'(a)': 1}), ('%s', ([1],)), ('%d %d', (1, 'x')), ('%(a)d', {'a': 'x'}),
                 ('%.40d', 1), ('%#.3o', 5), ('%.3x', -5), ('%10.4X', -255), ('%-+8d|', 42), ('%0-8d|', 42),
                 ('%+x', 255), ('% o', 8), ('%#+o', -8), ('%05s', 'ab'), ('%-05c|', 'x'), ('%.3c', 'x'),
                 ('%s', b'x'), ('%r', b'x'), ('%s %r %a', ('é', 'é', 'é')), ('%i', True), ('%x', True),
                 ('%c', True), ('%.0e', 1.5), ('%.0e', 2.5), ('%#.0e', 1), ('%.3g', 1234567), ('%G', 1e-20),
                 ('%F', float('inf')), ('%f', float('nan')), ('%e', 1e300), ('%.17g', 0.1), ('%.50f', 1.1),
                 ('%a', '😀\x00'), ('%r', '\ud800')]:
        binop('mod', f, a)
    binop('mod', 5, 'abc')

    # bytes %
    bfmts = [b'%s', b'%b', b'%r', b'%a', b'%d', b'%x', b'%X', b'%o', b'%c', b'%f', b'%e', b'%g', b'%%', b'%5s|',
             b'%-5s|', b'%.1s', b'%05d', b'%+d', b'%#x', b'%(a)s', b'%z', b'%', b'%5c', b'%*d', b'%.*s', b'\xff%s']
    bvals = [b'x', bytearray(b'yz'), 'x', 1, -255, 2.5, 65, 256, -1, b'', b'ab', None, [1], (1,), (b'a', b'b'),
             {b'a': b'v'}, {'a': b'v'}, 10 ** 20, True]
    for f in bfmts:
        for v in bvals:
            if rng.random() < 0.6:
                binop('mod', f, v)
        binop('mod', f, ())
        binop('mod', f, (5, b'abc'))
    for v in [b'x', 1, ()]:
        binop('mod', bytearray(b'%s'), v)
        binop('mod', bytearray(b'ab%d'), v)


def gen_ops():
    for s in pick(SAMPLES, 80):
        iterate(s)
        unary('len', s)
        unary('repr', s)
        unary('ascii', s)
        n = len(s)
        for k in [0, 1, -1, 2, -2, n - 1, n, -n, -n - 1, 100, 10 ** 20, -10 ** 20, True, 1.5, 'a', None]:
            getitem(s, k)
        for _ in range(12):
            a = rng.choice([None, 0, 1, 2, -1, -2, -3, 5, 100, -100, n, 10 ** 20, -10 ** 20])
            b = rng.choice([None, 0, 1, 2, -1, -2, -3, 5, 100, -100, n, 10 ** 20, -10 ** 20])
            c = rng.choice([None, 1, 2, 3, -1, -2, -3, 7, -7, 10 ** 20, -10 ** 20])
            getitem(s, slice(a, b, c))
        getitem(s, slice(None, None, 0))
        getitem(s, slice('a', None))
        getitem(s, slice(None, 1.5))
        for sub in slices_of(s) + ['', 'zz', 1, None]:
            contains(s, sub)
        for k in (0, 1, 2, 3, -1, 10 ** 20, 1.5, 'a', True, None):
            binop('mul', s, k)
            if rng.random() < 0.3:
                binop('mul', k, s)
    binop('mul', 'ab', 2 ** 62)
    binop('mul', b'ab', 2 ** 62)
    binop('mul', 2 ** 62, b'ab')
    binop('add', 'a', 'é')
    binop('add', 'a', b'x')

    # str()
    for args, kw in [((), {}), ((1,), {}), (('a',), {}), ((b'abc',), {}), ((b'abc', 'ascii'), {}),
                     ((b'\xff', 'ascii'), {}), ((b'\xff', 'utf-8', 'replace'), {}), ((b'a', 'utf-8', 'strict', 4), {}),
                     (('a', 'utf-8'), {}), ((1, 'utf-8'), {}), ((b'a', 1), {}), ((1, 2), {}), ((), {'x': 1}),
                     ((), {'object': 5}), ((b'a',), {'encoding': 'latin-1'}), ((b'\xe9',), {'encoding': 'latin-1'}),
                     ((b'a',), {'errors': 'strict'}), ((), {'encoding': 'utf-8'}), ((bytearray(b'\xc3\xa9'), 'utf-8'), {}),
                     ((b'a',), {'encoding': 'ascii', 'object': 1}), ((None,), {}), (([1, 'é'],), {}),
                     ((b'\xff\xfe',), {'encoding': 'utf-8', 'errors': 'surrogateescape'}), ((3.5,), {}),
                     ((b'a', 'bogus'), {})]:
        construct(str, *args, **kw)

    # bytes decode
    for b in BSAMPLES:
        for e in ('utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-16-be', 'utf-32'):
            for errors in (None, 'strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace', 'surrogatepass'):
                if errors is None:
                    method('decode', b, e)
                elif rng.random() < 0.4:
                    method('decode', b, e, errors)
        method('decode', b)
    for b in [b'\xef\xbb\xbfa\xff', b'\xef\xbb', b'\xef\xbb\xbf', b'a\xef\xbb\xbf', b'\xef\xbb\xbf\xef\xbb\xbf']:
        for errors in ('strict', 'replace', 'surrogateescape'):
            method('decode', b, 'utf-8-sig', errors)
            method('decode', b, 'UTF_8_SIG', errors)
    for s in ['', 'é', '\ud800', '\ufeffx']:
        method('encode', s, 'utf-8-sig')
        method('encode', s, 'utf8-sig', 'surrogatepass')
    for b in [b'\xff\xfe\x00', b'\xe2\x82\xac\xe2\x82', b'a\xf0\x90\x80', b'\xf0\x90\x41', b'\xe0\x80\x80', b'\xed\xbf\xbf',
              b'\xef\xbf', b'\xc2', b'\xf4\x8f\xbf\xbf', b'\x80\x80\x80', b'\xd8\x00\x00\xd8', b'\x00\xd8',
              b'\x00\xdc\x41\x00', b'\x3d\xd8\x00\xde', b'\x3d\xd8\x41\x00', b'\xff\xfe\x41\x00', b'\xfe\xff\x00\x41',
              b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'\xff\xfe\x00\x00\x41\x00\x00\x00', b'abc']:
        for e in ('utf-8', 'utf-16-le', 'utf-16', 'utf-32-le', 'utf-32'):
            for errors in ('strict', 'replace', 'surrogatepass', 'backslashreplace'):
                method('decode', b, e, errors)
    method('decode', b'a', 1)
    method('decode', b'a', 'ascii', 1)
    method('decode', b'\xff', 'ascii', 'bogus')
    method('decode', b'a', 'bogus')
    method('decode', b'a', encoding='ascii')
    method('decode', b'a', 'utf-8', 'strict', 1)


def gen_bytes():
    bsamples = [b'', b'a', b'abc', b'Hello World', b'  hello  world  ', b'a,b,,c', b'aaa', b'abcabc',
                b'x\ty\tz', b'l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7', b'MiXeD 123', b'12345', b'-42', b'+7',
                b'\x00\xff\x80', b'caf\xc3\xa9', b'title case words', b"it's", b'say "hi"', b'both \' and "',
                b' \t\n\x0b\x0c\r', b'\x7f\x1f', b'back\\slash', b'mississippi', b'Title Case', b'UPPER lower']
    noargs = ['upper', 'lower', 'capitalize', 'title', 'swapcase', 'isdigit', 'isalpha', 'isalnum', 'isspace',
              'islower', 'isupper', 'istitle', 'isascii']
    for typ in (bytes, bytearray):
        for b0 in bsamples:
            b = typ(b0)
            for m in noargs:
                method(m, b)
            unary('repr', b)
            unary('str', b)
            unary('len', b)
            iterate(b)
            for sub in [b'', b'a', b'ab', b'zz', 97, 300, -1, 'a', 1.5, bytearray(b'c')] + [b0[i:i + 2] for i in
                                                                                             range(0, len(b0), 3)]:
                for m in ('find', 'rfind', 'index', 'rindex', 'count'):
                    method(m, b, sub)
                    if rng.random() < 0.3:
                        method(m, b, sub, rng.randint(-4, 4), rng.choice([None, -1, 2, 10]))
                contains(b, sub)
            for pre in [b'', b'a', b'H', b'c', b'zz', 'a', (b'x', b'a'), (b'a', 1), (1, b'a'), 1, b0[:2], b0[-2:]]:
                method('startswith', b, pre)
                method('endswith', b, pre)
                method('startswith', b, pre, 1)
            method('split', b)
            method('rsplit', b)
            method('split', b, None, 1)
            method('rsplit', b, None, 1)
            method('splitlines', b)
            method('splitlines', b, True)
            for sep in [b',', b'a', b' ', b'ab', b'\n', bytearray(b'l')]:
                for ms in (-1, 1):
                    method('split', b, sep, ms)
                    method('rsplit', b, sep, ms)
                method('partition', b, sep)
                method('rpartition', b, sep)
            for m in ('strip', 'lstrip', 'rstrip'):
                method(m, b)
                method(m, b, b'a ')
                method(m, b, None)
            for old, new in [(b'a', b'X'), (b'', b'-'), (b'ab', b''), (b'zz', b'y'), (b'l', bytearray(b'LL'))]:
                method('replace', b, old, new)
                method('replace', b, old, new, 1)
            for w in (0, 3, len(b0) + 3):
                method('center', b, w)
                method('ljust', b, w, b'*')
                method('rjust', b, w, bytearray(b'-'))
                method('zfill', b, w)
            method('expandtabs', b)
            method('expandtabs', b, 3)
            method('hex', b)
            method('hex', b, ':')
            method('hex', b, b'-', 2)
            method('hex', b, ' ', -3)
            method('removeprefix', b, b0[:1])
            method('removesuffix', b, b0[-2:])
            method('translate', b, None, b'aeiou')
            method('translate', b, bytes.maketrans(b'abc', b'xyz'))
            method('decode', b)
            method('decode', b, 'latin-1')
            for k in [0, -1, 1, 5, 100, -100, 1.5, 'a', slice(1, None), slice(None, None, -1), slice(None, None, 2),
                      slice(-3, None), slice(10 ** 20, None)]:
                getitem(b, k)
            for k in (0, 2, -1, 10 ** 20, 1.5):
                binop('mul', b, k)
            for other in [b'x', bytearray(b'y'), 'z', 1, b'']:
                binop('add', b, other)
            for other in [b'abc', bytearray(b'abc'), b'', b'b', 'abc', 1]:
                for op in ('lt', 'le', 'eq', 'ne', 'gt', 'ge'):
                    if rng.random() < 0.3:
                        compare(op, b, other)
        # error cases and specials per type
        b = typ(b'abc')
        for m, args, kw in [('center', (), {}), ('center', (5, 'x'), {}), ('center', (5, b'xy'), {}),
                            ('center', (1, 2, 3), {}), ('strip', (1,), {}), ('lstrip', (b'a', 1), {}),
                            ('split', (b'a', 1, 2), {}), ('split', (), {'sep': b'a', 'maxsplit': 'x'}),
                            ('split', (b'',), {}), ('split', ('a',), {}), ('replace', (b'a', b'b', 'x'), {}),
                            ('replace', (b'a',), {}), ('replace', ('a', 'b'), {}), ('join', ([b'a', 'b'],), {}),
                            ('join', (1,), {}), ('join', ([bytearray(b'x'), b'y'],), {}), ('join', ([],), {}),
                            ('join', ([b'q'],), {}),
                            ('count', (b'a', 'x'), {}), ('find', ('a',), {}), ('find', (300,), {}),
                            ('find', (-1,), {}), ('find', (True,), {}), ('removeprefix', ('a',), {}),
                            ('removeprefix', (1,), {}), ('endswith', (('a',),), {}), ('endswith', ('a',), {}),
                            ('expandtabs', (), {'x': 1}), ('expandtabs', (), {'tabsize': 2}), ('splitlines', (2,), {}),
                            ('hex', ('xx',), {}), ('hex', (1,), {}), ('hex', ('é',), {}), ('hex', (':', 'y'), {}),
                            ('hex', (':', 0), {}), ('hex', (), {'sep': '-', 'bytes_per_sep': 1}),
                            ('hex', (), {'sep': '-', 'bytes_per_sep': 2, 'x': 3}), ('decode', (1,), {}),
                            ('decode', ('utf-8', 'strict', 1), {}), ('translate', (b'x',), {}),
                            ('translate', (None, 'a'), {}), ('translate', (None,), {'delete': b'b'}),
                            ('translate', (), {'table': None}), ('translate', ('x' * 256,), {}), ('zfill', ('x',), {}),
                            ('zfill', (), {}), ('upper', (1,), {}), ('isdigit', (1,), {}), ('partition', (b'',), {}),
                            ('partition', ('a',), {}), ('rpartition', (b'zz',), {}), ('rpartition', (b'a',), {}),
                            ('partition', (b'c',), {}), ('startswith', (), {}), ('count', (), {}),
                            ('index', (b'z',), {}), ('rindex', (98,), {}), ('count', (b'',), {}),
                            ('__getnewargs__', (), {}), ('__bytes__', (), {})]:
            if typ is bytearray and m in ('__getnewargs__', '__bytes__'):
                continue
            method(m, b, *args, **kw)
        for args in [('61 62',), (' 6162 ',), ('6 1',), ('a',), ('zz',), ('é',), (1,), ('',), ('  ',), ('61\t62\n',),
                     ('6162 ff',), ('ABcd',), ('0x61',), ('61', '62'), ()]:
            static(typ, 'fromhex', *args)
        for args in [(b'ab', b'cd'), (b'a', b'bc'), ('a', 'b'), (b'', b''), (bytearray(b'x'), b'y'), (b'a',)]:
            static(typ, 'maketrans', *args)
    # constructors
    for typ in (bytes, bytearray):
        for args, kw in [((), {}), ((3,), {}), ((0,), {}), ((-1,), {}), ((10 ** 20,), {}), (([1, 2, 255],), {}),
                         (([256],), {}), (([-1],), {}), ((['a'],), {}), (([10 ** 20],), {}), (((65, 66),), {}),
                         (('abc',), {}), (('abc', 'ascii'), {}), (('é', 'ascii'), {}), (('é', 'ascii', 'replace'), {}),
                         (('é', 'utf-8'), {}), (('é', 'latin-1'), {}), (('a', 1), {}), (('a', 'ascii', 1), {}),
                         ((1, 'x'), {}), ((b'xyz',), {}), ((bytearray(b'q'),), {}), ((None,), {}), ((1.5,), {}),
                         ((OBJECTS['obj'],), {}), (('a',), {'errors': 'x'}), ((1,), {'errors': 'x'}),
                         ((), {'encoding': 'utf-8'}), ((), {'errors': 'x'}), ((), {'x': 1}),
                         ((), {'source': b'a'}), ((), {'source': 'é', 'encoding': 'utf-8'}), ((b'a', 'ascii'), {}),
                         ((True,), {}), (('abc', 'bogus'), {}), (('', 'utf-16'), {}), (('a', 'utf-16'), {}),
                         ((range(3),), {}), ((b'a', 'x', 'y', 'z'), {})]:
            construct(typ, *args, **kw)
    # bytearray mutation
    base = bytearray(b'abcdef')
    for k, v in [(0, 120), (-1, 0), (6, 1), (-7, 1), (0, 256), (0, -1), (0, 'a'), (0, b'a'), ('a', 1), (1.5, 1),
                 (slice(1, 3), b'XYZ'), (slice(1, 3), b''), (slice(None), b''), (slice(0, 0), b'pre'),
                 (slice(10, 20), b'post'), (slice(4, 1), b'mid'), (slice(None, None, 2), b'123'),
                 (slice(None, None, 2), b'12'), (slice(None, None, -1), b'ABCDEF'), (slice(1, 5, 2), [1, 2]),
                 (slice(1, 3), [65, 66, 67]), (slice(1, 3), [256]), (slice(1, 3), 'ab'), (slice(1, 3), 5),
                 (slice(1, 3), bytearray(b'qq')), (slice(0, 3), ()),
                 (slice(5, 0, -2), b'xyz'), (slice(-2, None), b'!')]:
        setitem(base, k, v)
    for k in [0, -1, 6, slice(1, 3), slice(None, None, 2), slice(None, None, -2), slice(5, 0, -2), slice(10, 20),
              slice(1, 5, 2), 'a']:
        delitem(base, k)
    for m, args in [('append', (120,)), ('append', (256,)), ('append', ('a',)), ('append', ()),
                    ('extend', (b'xyz',)), ('extend', ([1, 2],)), ('extend', ([1, 'x'],)), ('extend', (1,)),
                    ('extend', ('ab',)), ('extend', (bytearray(b'q'),)), ('extend', ([300],)), ('pop', ()),
                    ('pop', (0,)), ('pop', (-1,)), ('pop', (10,)), ('pop', ('x',)), ('pop', (1, 2)),
                    ('insert', (0, 65)), ('insert', (-1, 65)), ('insert', (100, 65)), ('insert', (-100, 65)),
                    ('insert', (1,)), ('insert', (1, 300)), ('insert', (10 ** 20, 1)), ('remove', (99,)),
                    ('remove', (122,)), ('remove', (300,)), ('remove', (b'a',)), ('reverse', ()), ('clear', ()),
                    ('copy', ()), ('copy', (1,)), ('reverse', (1,))]:
        method(m, base, *args)
    method('pop', bytearray())
    for b, other in [(b'ab', b'cd'), (b'ab', bytearray(b'x')), (b'ab', 'x'), (b'ab', 1), (b'', b'')]:
        binop('iadd', bytearray(b), other)
    for k in (0, 1, 3, -1, 'a'):
        binop('imul', bytearray(b'ab'), k)
    for a, b in [(b'abc', 'abc'), (b'', ''), (b'abc', b'abc'), (b'abc', bytearray(b'abc')), (b'\xff', b'\xff')]:
        hash_eq(a, b)
    unary('repr', bytearray(b'\x00\x7f\x80\'"'))
    unary('bool', b'')
    unary('bool', bytearray(b'a'))


def iter_hint(a, steps):
    it = iter(a)
    for _ in range(steps):
        next(it, None)
    try:
        out = result_text(it.__length_hint__()) + ' ' + type(it).__name__
    except Exception as e:
        out = show_exc(e)
    add('iter(%r) after %d: __length_hint__()' % (a, steps), 'hint %s %d' % (enc(a), steps), out)


def gen_classes():
    """Subclasses of str/bytes/bytearray and classes with __index__, __format__, __bytes__, __int__."""
    for s in [S('Hello World'), S('  é x  '), S(''), S('a,b')]:
        for m, args in [('upper', ()), ('lower', ()), ('strip', ()), ('split', ()), ('replace', ('l', 'L')),
                        ('replace', ('zz', 'y')), ('center', (3,)), ('center', (20,)), ('zfill', (2,)), ('join', (['x', 'y'],)),
                        ('partition', (',',)), ('title', ()), ('expandtabs', ()), ('removeprefix', ('zz',)),
                        ('__format__', ('',)), ('__format__', ('>5',)), ('translate', ({},)), ('format', ()),
                        ('encode', ()), ('ljust', (0,)), ('__getnewargs__', ())]:
            method(m, s, *args, typed=True)
        unary('str', s)
        unary('repr', s)
        getitem(s, 0, typed=True)
        getitem(s, slice(None), typed=True)
        binop('add', s, 'x', typed=True)
        binop('add', 'x', s, typed=True)
        binop('mul', s, 1, typed=True)
        binop('mod', S('%s!'), s, typed=True)
        fmt(s, '', typed=True)
        contains(s, 'o')
        iterate(s)
        method('join', ', ', [s, s], typed=True)
    for args in [('abc',), (), (b'ab', 'ascii'), (5,), (S('x'),)]:
        construct(S, *args, typed=True)
    construct(str, S('sub'), typed=True)
    for b in [B(b'Hello'), BA(b'Hello')]:
        for m, args in [('upper', ()), ('strip', ()), ('split', ()), ('replace', (b'l', b'L')), ('zfill', (2,)),
                        ('partition', (b'l',)), ('hex', ()), ('decode', ()), ('join', ([b'x'],)), ('center', (2,)),
                        ('translate', (None,)), ('copy', ())]:
            if m == 'copy' and type(b) is B:
                continue
            method(m, b, *args, typed=True)
        unary('repr', b)
        getitem(b, slice(1, 3), typed=True)
        getitem(b, 0, typed=True)
        binop('add', b, b'!', typed=True)
        binop('mul', b, 2, typed=True)
        binop('mod', b, (), typed=True)
        iterate(b)
        construct(bytes, b, typed=True)
        construct(bytearray, b, typed=True)
    for args in [(b'ab',), (), ([65, 66],), ('é', 'utf-8'), (3,), (B(b'q'),)]:
        construct(B, *args, typed=True)
        construct(BA, *args, typed=True)
    static(B, 'fromhex', '6162', typed=True)
    static(BA, 'fromhex', '6162', typed=True)
    static(bytes, 'fromhex', '6162', typed=True)
    static(B, 'maketrans', b'a', b'b', typed=True)
    for a in ['abc', 'é😀x', '', b'ab', bytearray(b'xyz')]:
        for steps in (0, 1, 2, 5):
            iter_hint(a, steps)
    # __index__
    i = I()
    getitem('abc', i)
    getitem(b'abc', i)
    getitem(bytearray(b'abc'), i)
    getitem('abc', slice(i, None))
    getitem('abcdef', slice(None, None, i))
    binop('mul', 'ab', i)
    binop('mul', i, 'ab')
    binop('mul', b'ab', i)
    binop('mul', i, bytearray(b'ab'))
    for m, args in [('center', (i,)), ('center', (i, '*')), ('find', ('c', i)), ('zfill', (i,)),
                    ('split', (None, i)), ('expandtabs', (i,)), ('replace', ('a', 'b', i)), ('splitlines', (i,)),
                    ('count', ('a', 0, i)), ('startswith', ('c', i))]:
        method(m, 'abcabc', *args)
    method('rsplit', 'a b c', maxsplit=i)
    for a in [(i,), ([i, i],)]:
        construct(bytes, *a)
        construct(bytearray, *a)
    method('append', bytearray(b'x'), i)
    method('find', b'abc', i)
    contains(b'a\x02', i)
    for f in ['%d', '%x', '%c', '%s', '%5.1f', '%*d', '%.*s']:
        binop('mod', f, (i,) if '*' not in f else (i, 5))
    binop('mod', b'%c', i)
    binop('mod', '%d', IntLike())
    binop('mod', '%x', IntLike())
    binop('mod', '%c', IntLike())
    binop('mod', '%f', IntLike())
    binop('mul', 'ab', IntLike())
    getitem('abc', IntLike())
    method('center', 'a', IntLike())
    # __format__, __str__, __repr__
    f = F()
    for spec in ['', 'xyz', '>10', '😀']:
        fmt(f, spec)
    for fs in ['{}', '{:abc}', '{!s}', '{!r}', '{!a}', '{!s:>6}', '{0}{0!s}{0!r}']:
        method('format', fs, f)
    for fs in ['%s', '%r', '%a', '%5s', '%.2r']:
        binop('mod', fs, f)
    binop('mod', b'%s', f)
    binop('mod', b'%r', f)
    for conv in (None, 's', 'r', 'a'):
        fstring(f, conv, None)
        fstring(f, conv, 'q')
    construct(str, f)
    method('join', '', [f])
    method('join', '', ['a', f])
    # __bytes__
    bb = Bb()
    construct(bytes, bb)
    construct(bytearray, bb)
    construct(B, bb, typed=True)
    for fs in [b'%s', b'%b', b'%5s', b'%r', b'%c']:
        binop('mod', fs, bb)
    method('join', b'', [bb])
    contains(b'abc', bb)


def gen_random():
    """Random text and arguments over an alphabet chosen to meet every special case at once."""
    alpha = ['a', 'b', 'A', ' ', ' ', '\t', '\n', '\r', '\r\n', 'é', 'Σ', 'ß', '😀', '\u2028', '\x85', 'ǅ', '1', '٣',
             ',', ',', '\ud800', 'İ', '\u0345', "'", '.', '\x1c', 'ﬁ', 'ς']
    balpha = [b'a', b'b', b'A', b' ', b' ', b'\t', b'\n', b'\r', b'\x0b', b'\xff', b'1', b',', b',', b'\x1c', b'\xc3']

    def rtext(k=None):
        return ''.join(rng.choice(alpha) for _ in range(rng.randint(0, 9) if k is None else k))

    def rbytes():
        return b''.join(rng.choice(balpha) for _ in range(rng.randint(0, 9)))

    def rsub(t):
        if t and rng.random() < 0.7:
            i = rng.randrange(len(t))
            return t[i:i + rng.randint(0, 3)]
        return rng.choice(alpha[:20]) * rng.randint(0, 2) if isinstance(t, str) else rng.choice(balpha) * rng.randint(0, 2)

    def ridx():
        return rng.choice([None, -20, -5, -3, -2, -1, 0, 1, 2, 3, 5, 8, 20])

    for _ in range(6000):
        t = rtext()
        m = rng.choice(['split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip', 'find', 'rfind', 'count', 'index',
                        'rindex', 'replace', 'partition', 'rpartition', 'startswith', 'endswith', 'center', 'ljust',
                        'rjust', 'zfill', 'expandtabs', 'upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold',
                        'istitle', 'isspace', 'encode', 'getitem', 'removeprefix', 'removesuffix', 'join'])
        if m in ('split', 'rsplit'):
            sep = rsub(t) or None if rng.random() < 0.7 else None
            method(m, t, sep, rng.choice([-1, 0, 1, 2, 3]))
        elif m == 'splitlines':
            method(m, t, rng.random() < 0.5)
        elif m in ('strip', 'lstrip', 'rstrip'):
            method(m, t, rng.choice([None, rsub(t), rtext(2)]))
        elif m in ('find', 'rfind', 'count', 'index', 'rindex', 'startswith', 'endswith'):
            method(m, t, rsub(t), ridx(), ridx())
        elif m == 'replace':
            method(m, t, rsub(t), rtext(rng.randint(0, 2)), rng.choice([-1, 0, 1, 2]))
        elif m in ('partition', 'rpartition'):
            method(m, t, rsub(t) or ',')
        elif m in ('center', 'ljust', 'rjust'):
            method(m, t, rng.randint(0, 14), rng.choice(alpha[:20])[0])
        elif m == 'zfill':
            method(m, rng.choice(['-', '+', '']) + t, rng.randint(0, 12))
        elif m == 'expandtabs':
            method(m, t, rng.randint(-1, 6))
        elif m == 'encode':
            method(m, t, rng.choice(['utf-8', 'ascii', 'latin-1', 'utf-16-le', 'utf-32']),
                   rng.choice(['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace',
                               'xmlcharrefreplace', 'surrogatepass']))
        elif m == 'getitem':
            getitem(t, slice(ridx(), ridx(), rng.choice([None, 1, 2, 3, -1, -2, -3])))
        elif m in ('removeprefix', 'removesuffix'):
            method(m, t, rsub(t))
        elif m == 'join':
            method(m, rtext(2), [rtext(3) for _ in range(rng.randint(0, 4))])
        else:
            method(m, t)
    for _ in range(3000):
        b = rbytes()
        if rng.random() < 0.3:
            b = bytearray(b)
        m = rng.choice(['split', 'rsplit', 'splitlines', 'strip', 'find', 'rfind', 'count', 'replace', 'partition',
                        'center', 'zfill', 'expandtabs', 'title', 'swapcase', 'istitle', 'isspace', 'decode', 'hex',
                        'getitem', 'setitem', 'delitem'])
        if m in ('split', 'rsplit'):
            method(m, b, (rsub(b) or None) if rng.random() < 0.7 else None, rng.choice([-1, 0, 1, 2]))
        elif m == 'splitlines':
            method(m, b, rng.random() < 0.5)
        elif m == 'strip':
            method(m, b, rng.choice([None, rsub(b)]))
        elif m in ('find', 'rfind', 'count'):
            method(m, b, rsub(b), ridx(), ridx())
        elif m == 'replace':
            method(m, b, rsub(b), rbytes()[:2], rng.choice([-1, 0, 1, 2]))
        elif m == 'partition':
            method(m, b, rsub(b) or b',')
        elif m == 'center':
            method(m, b, rng.randint(0, 14), rng.choice(balpha))
        elif m == 'zfill':
            method(m, rng.choice([b'-', b'+', b'']) + b, rng.randint(0, 12))
        elif m == 'expandtabs':
            method(m, b, rng.randint(-1, 6))
        elif m == 'decode':
            method(m, b, rng.choice(['utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-32-be']),
                   rng.choice(['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace', 'surrogatepass']))
        elif m == 'hex':
            method(m, b, rng.choice([':', b'-']), rng.randint(-3, 3))
        elif m == 'getitem':
            getitem(b, slice(ridx(), ridx(), rng.choice([None, 1, 2, 3, -1, -2, -3])))
        elif m == 'setitem':
            setitem(bytearray(b), slice(ridx(), ridx(), rng.choice([None, 1, 2, -1, -2])), rbytes())
        elif m == 'delitem':
            delitem(bytearray(b), slice(ridx(), ridx(), rng.choice([None, 1, 2, 3, -1, -2])))
        else:
            method(m, b)
    # '%' with random conversions, flags, widths and precisions
    for _ in range(3000):
        conv = rng.choice('sradiuoxXeEfFgGc')
        spec = '%' + ''.join(rng.sample('-+ #0', rng.randint(0, 3))) + rng.choice(['', '1', '5', '12', '*']) + \
            rng.choice(['', '.', '.0', '.2', '.7', '.*']) + conv
        arg = {'s': rtext(), 'r': rtext(), 'a': rtext(), 'c': rng.choice([rtext(1), 65, 0x1f600, 233])}.get(
            conv, rng.choice([0, 1, -1, 42, -987, 255, 10 ** 25, -10 ** 25, 2.5, -0.0, 1e16, 123.456, -1e-5,
                              float('inf'), True]))
        args = tuple(rng.choice([3, -4, 0, 7]) for _ in range(spec.count('*'))) + (arg,)
        binop('mod', spec, args)
        if conv not in 'ra' and rng.random() < 0.3:
            barg = arg.encode('utf-8', 'surrogatepass') if isinstance(arg, str) else arg
            binop('mod', spec.encode().replace(b'%s', b'%b'), args[:-1] + (barg,))
    # str.__format__ with random specs
    for _ in range(1500):
        spec = rng.choice(['', 'x', '*', 'é', '😀', ' ', '0']) + rng.choice(['', '<', '>', '^', '=']) + \
            rng.choice(['', '+', ' ']) * (rng.random() < 0.1) + rng.choice(['', '0']) + \
            rng.choice(['', '1', '4', '9', '15']) + rng.choice(['', '.0', '.1', '.3', '.10']) + rng.choice(['', 's', 's', 'd'])
        fmt(rtext(), spec)


def main():
    gen_random()
    gen_classes()
    gen_str()
    gen_format_map_and_format()
    gen_percent()
    gen_ops()
    gen_bytes()
    data = ('\n'.join(lines) + '\n').encode('utf-8', 'surrogatepass')
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with gzip.GzipFile(OUT, 'wb', mtime=0) as f:
        f.write(data)
    counts = {}
    for line in lines:
        op = line.split('\t')[1].split(' ')
        key = op[1] if op[0] == 'm' else op[0]
        counts[key] = counts.get(key, 0) + 1
    print('%d cases -> %s' % (len(lines), os.path.relpath(OUT, ROOT)))
    print(' '.join('%s:%d' % kv for kv in sorted(counts.items())))


if __name__ == '__main__':
    main()
