# AttributeError on instances, classes, modules and builtins.
import math

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', repr(result))
    except Exception as e:
        print(label, type(e).__name__, e)

class C:
    cls_attr = 1
    def __init__(self):
        self.x = 1

class Slotted:
    __slots__ = ('a',)

class Derived(C):
    pass

class Prop:
    @property
    def ro(self):
        return 5
    @property
    def broken(self):
        return self.missing

class GetAttr:
    def __getattr__(self, name):
        if name.startswith('ok'):
            return name.upper()
        raise AttributeError(f'no {name} here')

c = C()
show('c.y', lambda: c.y)
show('c.x', lambda: c.x)
show('C.y', lambda: C.y)
show('C.x', lambda: C.x)
show('Derived().nope', lambda: Derived().nope)
show('Derived.nope', lambda: Derived.nope)
show('math.foo', lambda: math.foo)
show('math.pi', lambda: math.pi)
show('None.x', lambda: None.x)
show('(1).foo', lambda: (1).foo)
show("'s'.foo", lambda: 's'.foo)
show('[].foo', lambda: [].foo)
show('{}.foo', lambda: {}.foo)
show('(1.5).foo', lambda: (1.5).foo)
show('int.foo', lambda: int.foo)
show('Prop().ro', lambda: Prop().ro)
show('Prop().broken', lambda: Prop().broken)
show('GetAttr().ok_go', lambda: GetAttr().ok_go)
show('GetAttr().bad', lambda: GetAttr().bad)
show('getattr(c, "z")', lambda: getattr(c, 'z'))
show('getattr(c, "z", 0)', lambda: getattr(c, 'z', 0))
show('hasattr(c, "z")', lambda: hasattr(c, 'z'))
show("hasattr('', '__len__')", lambda: hasattr('', '__len__'))
show("hasattr({}, '__setitem__')", lambda: hasattr({}, '__setitem__'))
show("hasattr(c, '__init__')", lambda: hasattr(c, '__init__'))
show('getattr(c, 1)', lambda: getattr(c, 1))

def set_attr(obj, name, value):
    setattr(obj, name, value)
    return getattr(obj, name)

def del_attr(obj, name):
    delattr(obj, name)
    return 'deleted'

show('object().x = 1', lambda: set_attr(object(), 'x', 1))
show('(1).x = 1', lambda: set_attr(1, 'x', 1))
show("'s'.x = 1", lambda: set_attr('s', 'x', 1))
show('Slotted().a = 1', lambda: set_attr(Slotted(), 'a', 1))
show('Slotted().b = 1', lambda: set_attr(Slotted(), 'b', 1))
show('Slotted().a', lambda: Slotted().a)
show('Prop().ro = 1', lambda: set_attr(Prop(), 'ro', 1))
show('del c.x', lambda: del_attr(C(), 'x'))
show('del c.q', lambda: del_attr(C(), 'q'))
show('del C.q', lambda: del_attr(C, 'q'))
show('[].append = 1', lambda: set_attr([], 'append', 1))
show('int.real = 1', lambda: set_attr(int, 'real', 1))

def assign_method(obj):
    obj.y = 2
    return obj.y

show('c.y = 2', lambda: assign_method(C()))

try:
    c.missing_attr
except AttributeError as e:
    print('args', e.args)
