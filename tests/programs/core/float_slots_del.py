# A raw float slot deleted and set again; reached by getattr as well as typed code.
class V:
    def __init__(self, a):
        self.a = a * 0.5
        self.n = 0
v = V(3)
print(v.a, getattr(v, 'a'))
del v.a
try:
    print(v.a)
except AttributeError as e:
    print("AE", e)
v.a = 2.0
v.a /= 4.0
print(v.a, vars(V)['__init__'] is not None)
