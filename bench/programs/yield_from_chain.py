# A chain of generators delegating with `yield from` (after MicroPython's core_yield_from
# benchmark): every value passes up through each level; the levels also add their own values.

def leaf(n):
    for i in range(n):
        yield i
    return n

def level(depth, n):
    if depth == 0:
        r = yield from leaf(n)
        return r
    r = yield from level(depth - 1, n)
    yield -r
    return r + 1

def main():
    total = 0
    count = 0
    for rep in range(20):
        for v in level(10, 20_000):
            total += v
            count += 1
    print(count, total)

main()
