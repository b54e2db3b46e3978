# Which binding error a call reports first: CPython places positional arguments, then keywords
# (unexpected or duplicate ones are reported at once), then counts positional arguments.
def f(a, b): pass
def g(a, b=1, *, k): pass
def h(a, /, b, **kw): pass
def p(a, b, /, c): pass
def v(a, *args, k): pass
tests = [
    ("too many + unexpected", lambda: f(1, 2, 3, x=1)),
    ("too many + dup", lambda: f(1, 2, 3, a=1)),
    ("too many + dup of extra?", lambda: f(1, 2, 3, b=1)),
    ("missing + unexpected", lambda: f(1, x=2)),
    ("missing + dup", lambda: f(1, a=2)),
    ("dup + unexpected", lambda: f(1, a=2, x=3)),
    ("unexpected + dup", lambda: f(1, x=3, a=2)),
    ("too many + missing kwonly", lambda: g(1, 2, 3)),
    ("too many + kwonly given", lambda: g(1, 2, 3, k=1)),
    ("too many kwonly and unexpected", lambda: g(1, 2, 3, k=1, z=2)),
    ("posonly as kw with kwargs", lambda: h(a=1, b=2)),
    ("posonly two", lambda: p(a=1, b=2, c=3)),
    ("posonly one + unexpected", lambda: p(1, b=2, c=3, z=1)),
    ("posonly + unexpected first", lambda: p(1, z=1, b=2, c=3)),
    ("missing pos + missing kwonly", lambda: g()),
    ("varargs missing kwonly", lambda: v(1, 2)),
    ("varargs unexpected", lambda: v(1, 2, k=1, z=3)),
    ("too many one", lambda: f(1, 2, 3)),
    ("too many kwonly given 2", lambda: g(1, 2, 3, 4, k=1)),
    ("too many with missing", lambda: f(1, 2, 3, 4)),
    ("mixed dup posonly", lambda: p(1, 2, 3, c=4)),
]
for name, t in tests:
    try:
        t()
        print(name, "ok")
    except TypeError as e:
        print(name, "|", e)
