# TypeError from operators, calls of non-callables, subscripts, iteration, unpacking and hashing.

def show(label, thunk):
    try:
        result = thunk()
        print(label, 'ok', repr(result))
    except Exception as e:
        print(label, type(e).__name__, e)

one = 1
text = 'a'
nothing = None
items = [1]
abc = 'abc'
pair = (1,)

show("1 + 'a'", lambda: one + text)
show("'a' + 1", lambda: text + one)
show('[1] + (1,)', lambda: items + (1,))
show('(1,) + [1]', lambda: (1,) + items)
show('1 - None', lambda: one - nothing)
show("'a' - 'a'", lambda: text - text)
show("'a' * 'a'", lambda: text * text)
show("'a' / 2", lambda: text / 2)
show('[1] // 2', lambda: items // 2)
show("2 ** 'a'", lambda: 2 ** text)
show("1 & 1.5", lambda: one & 1.5)
show("1.5 << 1", lambda: 1.5 << one)
show("{1} + {2}", lambda: {1} + {2})
show("{1: 2} + {3: 4}", lambda: {1: 2} + {3: 4})
show("{1: 2} | [1]", lambda: {1: 2} | items)
show("-'a'", lambda: -text)
show("~1.5", lambda: ~1.5)
show("+[1]", lambda: +items)
show("1 < 'a'", lambda: one < text)
show("[1] > (1,)", lambda: items > (1,))
show("None >= None", lambda: nothing >= nothing)
show("1 == 'a'", lambda: one == text)
show("1j < 2j", lambda: 1j < 2j)
show("'a' in 1", lambda: text in one)
show("1 in 'abc'", lambda: one in 'abc')

show('None()', lambda: nothing())
show('1()', lambda: one())
show("'a'()", lambda: text())
show('[1]()', lambda: items())

show("'abc'[1.5]", lambda: abc[1.5])
show("[1][None]", lambda: items[nothing])
show("(1,)['a']", lambda: pair['a'])
show("{}[[]]", lambda: {}[[]])
show('1[0]', lambda: one[0])
show('None[0]', lambda: nothing[0])
show("len(5)", lambda: len(5))
show("len(None)", lambda: len(nothing))
show("iter(5)", lambda: iter(5))
show("list(5)", lambda: list(5))
show("next([1])", lambda: next(items))

def loop_over(x):
    for _ in x:
        pass

show('for in int', lambda: loop_over(5))
show('for in None', lambda: loop_over(None))

def unpack2(v):
    a, b = v
    return a, b

def unpack3(v):
    a, b, c = v
    return a, b, c

def unpack_star(v):
    a, *b, c = v
    return a, b, c

show('a, b = 1', lambda: unpack2(1))
show('a, b = [1, 2, 3]', lambda: unpack2([1, 2, 3]))
show('a, b = (1,)', lambda: unpack2((1,)))
show("a, b = 'xyz'", lambda: unpack2('xyz'))
show('a, b, c = [1, 2]', lambda: unpack3([1, 2]))
show('a, b, c = {1: 2}', lambda: unpack3({1: 2}))
show('a, *b, c = [1]', lambda: unpack_star([1]))
show('a, *b, c = [1, 2]', lambda: unpack_star([1, 2]))
show('a, b = iter(range(5))', lambda: unpack2(iter(range(5))))

show('hash([])', lambda: hash([]))
show('hash({})', lambda: hash({}))
show('hash(set())', lambda: hash(set()))
show('hash((1, [2]))', lambda: hash((1, [2])))
show('{[]: 1}', lambda: {items: 1})
show('{[1]}', lambda: {items})
show('set([[1]])', lambda: set([items]))
show('[] in {}', lambda: items in {})
show('[] in set()', lambda: items in set())
show('frozenset ok', lambda: len({frozenset([1]): 1}))

def assign_item(container, key, value):
    container[key] = value

def delete_item(container, key):
    del container[key]

show('{}[[]] = 1', lambda: assign_item({}, items, 1))
show("'abc'[0] = 'x'", lambda: assign_item('abc', 0, 'x'))
show("(1,)[0] = 2", lambda: assign_item((1,), 0, 2))
show("1[0] = 2", lambda: assign_item(1, 0, 2))
show("del (1,)[0]", lambda: delete_item((1,), 0))
show("del 'a'[0]", lambda: delete_item('a', 0))
show("frozenset().add", lambda: frozenset().add(1))

class NoCall:
    pass

show('instance()', lambda: NoCall()())
show('method on None', lambda: nothing.append(1))

class Lt:
    def __lt__(self, other):
        return NotImplemented

show('Lt() < Lt()', lambda: Lt() < Lt())
show("sorted([Lt(), Lt()])", lambda: sorted([Lt(), Lt()]))

class Unhashable:
    __hash__ = None

show('hash(Unhashable())', lambda: hash(Unhashable()))

class EqOnly:
    def __eq__(self, other):
        return True

show('hash(EqOnly())', lambda: hash(EqOnly()))
