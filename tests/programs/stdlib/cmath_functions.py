import cmath
import math

vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 1e-310, -1e-310, 1e-200, 1e300, -1e300, 1e154, 800.0, -800.0,
        math.inf, -math.inf, math.nan, 1.73]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh',
         'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
for name in names:
    f = getattr(cmath, name)
    for x in vals:
        for y in vals:
            z = complex(x, y)
            try:
                r = f(z)
                print(name, repr(z), repr(r))
            except (ValueError, OverflowError) as e:
                print(name, repr(z), type(e).__name__, e)
for x in vals:
    for y in vals:
        try:
            print('rect', x, y, repr(cmath.rect(x, y)))
        except (ValueError, OverflowError) as e:
            print('rect', x, y, type(e).__name__, e)
for z in [1, 2j, -1, 0, 1e-300, complex(3, 4)]:
    for b in [1, 2, 10, 0, 0.5j, -1]:
        try:
            print('log2', z, b, cmath.log(z, b))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            print('log2', z, b, type(e).__name__, e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isclose(1, 1 + 1e-10), cmath.isclose(1j, 1.0000001j), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(cmath.inf, cmath.inf), cmath.isclose(cmath.nan, cmath.nan))
def t(f):
    try:
        print('OK', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: cmath.log([]))
t(lambda: cmath.log('a'))
t(lambda: cmath.log(1, 2, 3))
t(lambda: cmath.log())
t(lambda: cmath.sqrt())
t(lambda: cmath.sqrt(1, 2))
t(lambda: cmath.rect('a', 1))
t(lambda: cmath.rect(1))
t(lambda: cmath.isclose(1, 2, rel_tol=-1))
t(lambda: cmath.isclose(1))
t(lambda: cmath.isclose(1, 2, 3))
t(lambda: cmath.isclose(a=1, b=1))
t(lambda: cmath.phase(2**2000))
class C:
    def __complex__(self): return 5
t(lambda: cmath.sqrt(C()))
class C2:
    def __complex__(self): return 3+4j
t(lambda: cmath.sqrt(C2()))
class D:
    def __index__(self): return 4
t(lambda: cmath.sqrt(D()))
class E:
    def __float__(self): return 4.0
t(lambda: cmath.sqrt(E()))
t(lambda: cmath.sqrt(True))
t(lambda: cmath.exp(1000))
t(lambda: cmath.polar(complex(1e308, 1e308)))
t(lambda: cmath.polar(complex(1.7e308, 1.7e308)))
t(lambda: cmath.phase(-0.0))
t(lambda: cmath.phase(complex(-1, -0.0)))
