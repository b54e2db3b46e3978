# Argument errors of functions CPython writes in C (int, round, pow) and in Python (random).
import random, math
for f in [lambda: int(x=1), lambda: int('1', base=2, x=1), lambda: int('1', 2, base=2), lambda: round(1, 2, 3),
          lambda: round(1, x=1), lambda: math.isclose(1, 1, x=1), lambda: pow(1, 2, x=1), lambda: property(x=1),
          lambda: complex(x=1), lambda: int.from_bytes(b'a', x=1), lambda: pow(1, exp=2, base=3),
          lambda: random.choices([1], x=1), lambda: random.randint(1, 2, x=1), lambda: random.seed(x=1),
          lambda: random.gauss(x=1), lambda: random.uniform(1, a=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
