# Exceptions raised inside __init__, __new__, properties, dunder methods, comprehensions and
# callbacks propagate to the caller like any other.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', result)
    except Exception as e:
        print(label, type(e).__name__, e)

created = []

class Fragile:
    def __init__(self, n):
        self.n = n
        created.append(n)
        if n < 0:
            raise ValueError(f'negative: {n}')
        self.ok = True

show('Fragile(1).n', lambda: Fragile(1).n)
show('Fragile(-1)', lambda: Fragile(-1))
print('__init__ ran for', created)

instance = None
try:
    instance = Fragile(-5)
except ValueError:
    pass
print('the name was not bound:', instance)

class Base:
    def __init__(self):
        raise TypeError('base refuses')

class Child(Base):
    def __init__(self):
        self.before = 1
        super().__init__()
        self.after = 2

show('Child()', lambda: Child())

class BadNew:
    def __new__(cls, *args):
        raise RuntimeError('no instances')

show('BadNew()', lambda: BadNew())

class InitReturns:
    def __init__(self):
        return 5

show('__init__ returns 5', lambda: InitReturns())

class Dunder:
    def __len__(self):
        raise IndexError('len failed')
    def __getitem__(self, i):
        raise KeyError(i)
    def __eq__(self, other):
        raise ArithmeticError('eq failed')
    def __hash__(self):
        return 1
    def __iter__(self):
        raise LookupError('iter failed')
    def __add__(self, other):
        raise NotImplementedError('add')
    def __bool__(self):
        raise ValueError('bool failed')

d = Dunder()
show('len(d)', lambda: len(d))
show('d[3]', lambda: d[3])
show('d == d', lambda: d == 1)
show('d in [1]', lambda: d in [1])
show('[1].index(d)', lambda: [1].index(d))
show('{d: 1, Dunder(): 2}', lambda: {d: 1, Dunder(): 2})
show('list(d)', lambda: list(d))
show('d + 1', lambda: d + 1)
show('not d', lambda: not d)
show('if d', lambda: 1 if d else 0)

class LenNegative:
    def __len__(self):
        return -1

class LenStr:
    def __len__(self):
        return 'x'

show('len() < 0', lambda: len(LenNegative()))
show('len() str', lambda: len(LenStr()))

class BoolInt:
    def __bool__(self):
        return 1

show('__bool__ returns int', lambda: bool(BoolInt()))

class ReprNotStr:
    def __repr__(self):
        return 5

show('__repr__ returns int', lambda: repr(ReprNotStr()))

def bad_key(x):
    if x == 3:
        raise ValueError('key of 3')
    return -x

show('sorted(key=...)', lambda: sorted([1, 2, 3, 4], key=bad_key))
show('map', lambda: list(map(lambda x: 10 // x, [1, 2, 0, 4])))
show('list comprehension', lambda: [10 // x for x in [5, 0]])
show('dict comprehension', lambda: {x: 1 / x for x in [1, 0]})
show('generator expression', lambda: sum(1 // x for x in [1, 0]))
show('max(key=...)', lambda: max([1, 2], key=lambda x: {}[x]))

class Prop:
    @property
    def value(self):
        raise PermissionError('not allowed')
    @value.setter
    def value(self, v):
        raise ValueError(f'cannot set {v}')

def set_value():
    p = Prop()
    p.value = 3

show('property get', lambda: Prop().value)
show('property set', set_value)

class Cls:
    @classmethod
    def make(cls, x):
        return cls(x)
    def __init__(self, x):
        if not isinstance(x, int):
            raise TypeError(f'expected int, got {type(x).__name__}')
        self.x = x

show('Cls.make(1).x', lambda: Cls.make(1).x)
show("Cls.make('a')", lambda: Cls.make('a'))
