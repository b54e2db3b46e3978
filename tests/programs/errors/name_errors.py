# NameError and UnboundLocalError, with CPython 3.11's messages.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', repr(result))
    except Exception as e:
        print(label, type(e).__name__, e, isinstance(e, NameError))

show('undefined global', lambda: undefined_name)
show('undefined builtin-like', lambda: lenn([1]))

def local_before_assignment():
    print(x)
    x = 1

show('local before assignment', local_before_assignment)

counter = 0

def increment():
    counter += 1
    return counter

show('augmented global without global', increment)

def deleted_local():
    y = 1
    del y
    return y

show('deleted local', deleted_local)

def conditional(flag):
    if flag:
        z = 1
    return z

show('conditional true', lambda: conditional(True))
show('conditional false', lambda: conditional(False))

def enclosing():
    def inner():
        return v
    r = None
    try:
        r = inner()
    except NameError as e:
        print('  inner:', type(e).__name__, e)
    v = 3
    return inner()

show('free variable', enclosing)

def deleted_free():
    w = 1
    def inner():
        return w
    del w
    return inner()

show('deleted free variable', deleted_free)

gone = 1
del gone
show('deleted global', lambda: gone)

def delete_global():
    global later
    del later

show('del undefined global', delete_global)

def loop_var():
    for i in range(0):
        pass
    return i

show('loop variable of an empty loop', loop_var)

def except_var():
    try:
        raise ValueError('v')
    except ValueError as err:
        pass
    return err

show('except variable after the block', except_var)

class K:
    a = 1
    def m(self):
        return a

show('class attribute by bare name', lambda: K().m())

try:
    undefined_name_two
except NameError as e:
    print('args', e.args)
