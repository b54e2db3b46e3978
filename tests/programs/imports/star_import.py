# `from m import *`: a module's __all__, a module without __all__ (its public names; one bound
# only on some paths stays unbound), an __all__ naming a missing attribute (AttributeError, as in
# CPython), and built-in modules (math's pow shadows the builtin).
from star_helpers import *
from star_plain import *
from math import *
from cmath import *
print(greet("star"), VALUE, f(), x)
for name in ("maybe", "not_exported", "_hidden", "_private"):
    try:
        eval_result = {"maybe": lambda: maybe(), "not_exported": lambda: not_exported(),
                       "_hidden": lambda: _hidden, "_private": lambda: _private}[name]()
    except NameError as err:
        print("NameError:", err)
try:
    from star_bad_all import *
except AttributeError as err:
    print("AttributeError:", err)
print(present)
print(pow(2, 10), floor(2.5), sqrt(-1), pi)
def use():
    return cos(0) + tau
print(use(), exp(0))
