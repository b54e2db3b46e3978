# itertools: groupby (shared iterator), tee, product, permutations, combinations
import itertools as it
from itertools import groupby, tee, product, permutations, combinations, combinations_with_replacement


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3])])
print([(k, list(g)) for k, g in groupby(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda s: s[0])])
print([(k, list(g)) for k, g in groupby(range(10), lambda x: x // 3)], list(groupby([])))
# advancing the groupby abandons the previous group
groups = groupby('aabbcc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
groups = groupby('aaabbb')
k1, g1 = next(groups)
print(next(g1), k1)
k2, g2 = next(groups)
print(list(g1), k2, list(g2), list(groups))
saved = [g for k, g in groupby('xxyz')]
print([list(g) for g in saved])
grp = groupby('aab')
print(type(next(grp)[1]), type(grp))
sorted_data = sorted([('b', 2), ('a', 1), ('b', 1), ('a', 3)])
for key, group in groupby(sorted_data, key=lambda p: p[0]):
    print(key, sum(v for _, v in group))

a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee('abc', 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee([1], 1)), type(tee([1])[0]))
x, y = tee(iter(range(200)))
print(sum(x), sum(y))
x, y = tee([1, 2, 3])
x2, = tee(x, 1)
print(next(x), list(x2), list(x), list(y))
p, q = tee(it.count())
print(next(p), next(p), next(q), next(p))
z1, z2 = tee(iter([1, 2]))
z3 = z1.__copy__()
print(list(z1), list(z3), list(z2))

print(list(product('ab', range(2))), list(product([1, 2], repeat=2)), list(product()), list(product([], [1])),
      list(product('ab', repeat=0)), len(list(product(range(3), range(3), range(3)))))
print(list(product('xy', 'z', repeat=2)))
print(list(permutations('ABC')), list(permutations(range(3), 2)), list(permutations([])), list(permutations('ab', 0)),
      list(permutations('ab', 3)), list(permutations([1, 2], None)))
print(len(list(permutations(range(5)))), list(permutations(range(4), 4))[-3:])
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)),
      list(combinations([], 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 0)),
      list(combinations_with_replacement([], 2)), list(combinations_with_replacement('a', 3)))
print(sum(1 for _ in combinations(range(10), 4)), sum(1 for _ in combinations_with_replacement(range(5), 3)))
print(list(permutations(iterable='ab', r=1)), list(combinations(iterable='ab', r=1)))

show(lambda: groupby())
show(lambda: groupby(1))
show(lambda: groupby(1, 2, 3))
show(lambda: groupby(x=1))
show(lambda: list(groupby([1, 2], key=lambda v: v / 0)))
show(lambda: tee())
show(lambda: tee(1))
show(lambda: tee([1], -1))
show(lambda: tee([1], 'a'))
show(lambda: tee([1], 1, 2))
show(lambda: tee([1], n=2))
show(lambda: product(1))
show(lambda: product([1], 2))
show(lambda: product(x=1))
show(lambda: product(repeat=-1))
show(lambda: product(repeat='a'))
show(lambda: product([1], repeat=2, x=1))
show(lambda: permutations())
show(lambda: permutations(1))
show(lambda: permutations([1], -1))
show(lambda: permutations([1], 'a'))
show(lambda: permutations([1], 1, 2))
show(lambda: combinations())
show(lambda: combinations([1]))
show(lambda: combinations([1], -1))
show(lambda: combinations([1], 'a'))
show(lambda: combinations_with_replacement([1], -1))
show(lambda: combinations_with_replacement([1]))
