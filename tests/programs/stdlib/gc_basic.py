import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

# garbage: cycles and plenty of short-lived objects
class Node:
    def __init__(self, n):
        self.n = n
        self.other = None

for i in range(2000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
kept = [Node(i) for i in range(100)]
print(gc.collect() >= 0)
print(gc.collect(0), gc.collect(1), gc.collect(generation=2))
print(sum(n.n for n in kept))
print(gc.get_threshold())
gc.set_threshold(800, 20)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)

def t(f):
    try:
        print('OK', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: gc.collect(3))
t(lambda: gc.collect(-1))
t(lambda: gc.collect('a'))
t(lambda: gc.collect(1, 2))
t(lambda: gc.enable(1))
t(lambda: gc.disable(1))
t(lambda: gc.isenabled(1))
t(lambda: gc.collect(generation=7))
t(lambda: gc.set_threshold())
t(lambda: gc.set_threshold(1, 2, 3, 4))
