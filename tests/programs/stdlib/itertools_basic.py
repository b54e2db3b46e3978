# itertools: the infinite and filtering iterators, islice, zip_longest, accumulate, chain
import itertools as it
import operator
from itertools import count, cycle, repeat, islice


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(list(islice(count(), 5)), list(islice(count(10, 3), 3)), list(islice(count(2.5, 0.5), 3)), list(islice(count(1, -1), 3)))
c = count(2 ** 63 - 2)
print(next(c), next(c), next(c), c)
print(count(), count(5), count(1.5), count(1, 1.0), count(2, -1), count(2 ** 70), count(0, 2))
c = count(3)
next(c)
print(c, repr(c))
print(list(islice(cycle('abc'), 7)), list(cycle([])), list(islice(cycle(range(2)), 5)))
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -2)), list(islice(repeat(7), 2)), list(repeat(object=2, times=2)))
r = repeat(5, 2)
print(r, r.__length_hint__(), list(r), r, repeat('a'), operator.length_hint(repeat(1, 4)))
print(list(map(pow, range(5), repeat(2))))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([], initial=5)),
      list(it.accumulate([1, 2], initial=10)), list(it.accumulate('abc')), list(it.accumulate([3, 1, 4, 1, 5], max)),
      list(it.accumulate([1, 2, 3], func=lambda a, b: a - b, initial=None)))
print(list(it.chain('ab', [1, 2], (), range(2))), list(it.chain()), list(it.chain.from_iterable(['ab', 'cd'])),
      list(it.chain.from_iterable([[1], [], [2, 3]])))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress(data=range(5), selectors=[0, 1])))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', None])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(operator.add, [[1, 2], 'ab'])))
print(list(it.pairwise('ABCDE')), list(it.pairwise([1])), list(it.pairwise([])))
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest()), list(it.zip_longest([1], [2, 3], [])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)),
      list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice('AB', 5, 10)),
      list(islice('ABC', None)), list(islice('ABCDE', None, None, None)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
src = iter(range(10))
print(list(islice(src, 2, 4)), list(src))
print(sum(islice(count(1), 100)), list(it.islice(it.count(), 0)))
t = it.takewhile(lambda x: x < 3, count())
print(list(t), list(t))

# iterator types and laziness
print(type(it.chain()) is it.chain, iter(c) is c, type(count()))
calls = []
g = map(lambda x: calls.append(x) or x, range(5))
d = it.dropwhile(lambda x: x < 2, g)
print(next(d), calls)

show(lambda: count(1, 2, 3))
show(lambda: count('a'))
show(lambda: count(1, 'a'))
show(lambda: count(x=1))
show(lambda: count(1, start=2))
show(lambda: cycle())
show(lambda: cycle(1))
show(lambda: cycle(iterable=[1]))
show(lambda: repeat())
show(lambda: repeat(1, 2, 3))
show(lambda: repeat(1, 'a'))
show(lambda: repeat(1, x=2))
show(lambda: repeat(1).__length_hint__())
show(lambda: it.accumulate())
show(lambda: it.accumulate(1))
show(lambda: it.accumulate([1], None, 5))
show(lambda: list(it.accumulate([1, 'a'])))
show(lambda: it.chain(x=1))
show(lambda: list(it.chain(1)))
show(lambda: it.chain.from_iterable())
show(lambda: it.chain.from_iterable(1))
show(lambda: it.compress())
show(lambda: it.compress([1]))
show(lambda: it.dropwhile(1))
show(lambda: it.takewhile(x=1))
show(lambda: it.filterfalse())
show(lambda: it.starmap(1, 2, 3))
show(lambda: list(it.starmap(pow, [1])))
show(lambda: it.pairwise())
show(lambda: it.pairwise(iterable=[1]))
show(lambda: it.zip_longest(1))
show(lambda: it.zip_longest([1], x=2))
show(lambda: islice())
show(lambda: islice([1]))
show(lambda: islice([1], 1, 2, 3, 4))
show(lambda: islice([1], -1))
show(lambda: islice([1], -2))
show(lambda: islice([1], 'a'))
show(lambda: islice([1], 1, -1))
show(lambda: islice([1], -1, 2))
show(lambda: islice([1], 'a', 2))
show(lambda: islice([1], 1, 2, 0))
show(lambda: islice([1], 1, 2, -1))
show(lambda: islice([1], 1.5))
show(lambda: islice([1], x=1))
show(lambda: islice(1, 2))
show(lambda: len(count()))
show(lambda: count()[0])
