# float(x) and the math functions take objects with __index__ but no __float__.
import math


class I:
    def __index__(self):
        return 7


class F:
    def __float__(self):
        return 2.5


class N:
    pass


class Bad:
    def __float__(self):
        return 1


class BadIndex:
    def __index__(self):
        return 'x'


class IntOnly:
    def __int__(self):
        return 3


class II(int):
    pass


class S(str):
    pass


print(float(I()), math.sqrt(I()), math.floor(F()), float(II(3)), float(S('1.5')))
for x in [I(), F(), N(), '1.5', 3, True, 2**80, Bad(), BadIndex(), IntOnly()]:
    try:
        print(math.fabs(x))
    except Exception as e:
        print(type(e).__name__, e)
for x in [I(), F(), N(), Bad(), BadIndex(), IntOnly(), 2**80, 10**400]:
    try:
        print(float(x))
    except Exception as e:
        print(type(e).__name__, e)
try:
    [1, 2][IntOnly()]
except TypeError as e:
    print('TypeError', e)
print([1, 2][I() if False else 1], range(10)[I()])
