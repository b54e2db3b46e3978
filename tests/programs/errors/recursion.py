# RecursionError: caught, after which the program recurses normally again; in __repr__, in a
# generator, in mutual recursion, in a method.

def f(n):
    return f(n + 1)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

for attempt in range(3):
    try:
        f(0)
    except RecursionError as e:
        print('attempt', attempt, type(e).__name__, e)
    # ordinary recursion works again, to a good depth
    print('depth', depth(500))

def count_frames(n):
    try:
        return count_frames(n + 1)
    except RecursionError:
        return n

reached = count_frames(0)
print('recursion stopped somewhere between 200 and 100000 frames:', 200 < reached < 100000)
print('and recursion still works:', depth(300))

def ping(n):
    return pong(n + 1)

def pong(n):
    return ping(n + 1)

try:
    ping(0)
except RecursionError as e:
    print('mutual', type(e).__name__, e)

class Node:
    def __init__(self):
        self.me = self
    def __repr__(self):
        return 'Node(' + repr(self.me) + ')'

try:
    repr(Node())
except RecursionError as e:
    # CPython adds " while calling a Python object" here (where its C code noticed the depth):
    # an implementation detail, so only the start of the message is compared
    print('repr', type(e).__name__, str(e).startswith('maximum recursion depth exceeded'))

class Str:
    def __str__(self):
        return 'Str<' + str(self) + '>'

try:
    print(Str())
except RecursionError as e:
    print('str', type(e).__name__, e)

def gen(n):
    yield n
    yield from gen(n + 1)

try:
    for x in gen(0):
        pass
except RecursionError as e:
    print('generator', type(e).__name__, e)

def gen_next(n):
    yield next(gen_next(n + 1))

try:
    next(gen_next(0))
except RecursionError as e:
    print('generator next', type(e).__name__, e)

class Walker:
    def walk(self, n):
        return self.walk(n + 1)

try:
    Walker().walk(0)
except RecursionError as e:
    print('method', type(e).__name__, e)

def recurse_with_locals(n):
    a = [n]
    b = {'n': n}
    return recurse_with_locals(n + 1) + a[0] + b['n']

try:
    recurse_with_locals(0)
except RecursionError as e:
    print('with locals', type(e).__name__, e)

# RecursionError is a RuntimeError
try:
    f(0)
except RuntimeError as e:
    print('RuntimeError catches', type(e).__name__)

print('done', depth(100))
