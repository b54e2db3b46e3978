# Generator pipeline: a generator expression consumed by sum(), filtering and mapping.
# Compare with gen_pipeline_loop.py, the same work as a plain loop.

def pipeline(n):
    return sum(x * x for x in range(n) if x % 3)

total = 0
for rep in range(3):
    total += pipeline(2_000_000 + rep)
print(total)
