# IndexError from lists, tuples, strings, ranges and bytes, with CPython's messages.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', result)
    except Exception as e:
        print(label, type(e).__name__, e)

xs = [10, 20, 30]
t = (1, 2, 3)
s = 'abc'
r = range(5)
b = b'xyz'

show('list[3]', lambda: xs[3])
show('list[-4]', lambda: xs[-4])
show('list[-3]', lambda: xs[-3])
show('list[10**20]', lambda: xs[10**20])
show('tuple[3]', lambda: t[3])
show('tuple[-4]', lambda: t[-4])
show('str[3]', lambda: s[3])
show('str[-4]', lambda: s[-4])
show('range[5]', lambda: r[5])
show('range[-6]', lambda: r[-6])
show('range(0)[0]', lambda: range(0)[0])
show('bytes[3]', lambda: b[3])
show('empty list[0]', lambda: [][0])
show('empty str[0]', lambda: ''[0])
show('slice ok', lambda: xs[5:10])

def store(i):
    ys = [1, 2]
    ys[i] = 0
    return ys

show('list store [2]', lambda: store(2))
show('list store [-3]', lambda: store(-3))
show('list store [-2]', lambda: store(-2))

def delete(i):
    ys = [1, 2]
    del ys[i]
    return ys

show('del list[2]', lambda: delete(2))
show('del list[-1]', lambda: delete(-1))

show('pop empty', lambda: [].pop())
show('pop(0) empty', lambda: [].pop(0))
show('pop(5)', lambda: [1, 2].pop(5))
show('pop(-3)', lambda: [1, 2].pop(-3))
show('pop(-1)', lambda: [1, 2].pop(-1))
show('insert far', lambda: [1, 2].insert(100, 3))

def index_in_loop():
    total = 0
    data = [1, 2, 3]
    i = 0
    while True:
        total += data[i]
        i += 1

try:
    index_in_loop()
except IndexError as e:
    print('loop ran off the end:', e)

# the error is an instance of LookupError too
try:
    xs[99]
except LookupError as e:
    print('LookupError catches', type(e).__name__, e.args)
