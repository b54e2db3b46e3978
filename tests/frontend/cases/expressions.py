x = a or b or c and d and not e
x = a < b <= c > d >= e == f != g is h is not i in j not in k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o
x = +a, -b, ~c, not d
x = a if b else c if d else e
x = lambda: 0
x = lambda a, b=1, *c, d, e=2, **f: a
x = lambda a, /, b: a
x = lambda *, a: a
x = (y := 10)
x = [y := 1, y ** 2]
x = f(a, *b, c=d, *e, **f, g=h)
x = f(x for x in y)
x = f(a)(b)(c)[d][e:f][::g][h:i:j][k, l:m, ...]
x = a.b.c.d
x = a[*b]
x = a[b, *c]
x = (), (a,), (a, b), [], [a], {}, {a}, {a: b}, {**a, b: c, **d}
x = [a for b in c if d if e for f in g]
x = {a for b in c}
x = {a: b for c, d in e.items() if f}
x = (a for b in c)
x = await_ = None, True, False, ..., 0, 1.5, 1e10, 1j, 0x1F, 0o17, 0b101, 1_000_000, 1.5e-3j
x = 123456789012345678901234567890
x = 0.1 + 1e308 * 10 + 5e-324 + 1e16 + 1e-5 + 123456789012345.0
x = *a, *b
x = yield
x = yield from g()
x = yield a, b
print(*args, sep='', end='\n', file=sys.stderr, flush=True)
def gen():
    x = yield
    y = yield x
    z = await w
    return (yield)
