# ZeroDivisionError from every arithmetic operator, with CPython's messages.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', result)
    except Exception as e:
        print(label, type(e).__name__, e)

zero = 0
fzero = 0.0
big = 10**30

show('1 / 0', lambda: 1 / zero)
show('1 // 0', lambda: 1 // zero)
show('1 % 0', lambda: 1 % zero)
show('-7 // 0', lambda: -7 // zero)
show('big / 0', lambda: big / zero)
show('big // 0', lambda: big // zero)
show('big % 0', lambda: big % zero)
show('1.0 / 0', lambda: 1.0 / zero)
show('1 / 0.0', lambda: 1 / fzero)
show('1.0 / 0.0', lambda: 1.0 / fzero)
show('1.0 // 0.0', lambda: 1.0 // fzero)
show('1.0 % 0.0', lambda: 1.0 % fzero)
show('1 // 0.0', lambda: 1 // fzero)
show('1 % 0.0', lambda: 1 % fzero)
show('divmod(1, 0)', lambda: divmod(1, zero))
show('divmod(big, 0)', lambda: divmod(big, zero))
show('divmod(1.0, 0.0)', lambda: divmod(1.0, fzero))
show('divmod(1, 0.0)', lambda: divmod(1, fzero))
show('pow(0, -1)', lambda: pow(zero, -1))
show('0 ** -1', lambda: zero ** -1)
show('0.0 ** -1', lambda: fzero ** -1)
show('0.0 ** -1.5', lambda: fzero ** -1.5)
show('pow(0.0, -2)', lambda: pow(fzero, -2))
show('pow(2, 3, 0)', lambda: pow(2, 3, zero))
show('0 ** 0', lambda: zero ** 0)
show('0.0 ** 0', lambda: fzero ** 0)
show('complex / 0', lambda: (1 + 2j) / zero)
show('used before its def', lambda: augmented())

def augmented():
    x = 5
    x //= zero
    return x

show('x //= 0', augmented)

def modulo_assign():
    x = 5.5
    x %= fzero
    return x

show('x %= 0.0', modulo_assign)

# ZeroDivisionError is an ArithmeticError
try:
    1 // zero
except ArithmeticError as e:
    print('ArithmeticError catches', type(e).__name__, e.args)

# the program carries on normally afterwards
print(7 // 2, 7 % 2, -7 // 2, -7 % 2, 7.5 // 2, 7.5 % 2, divmod(-7, 2))
