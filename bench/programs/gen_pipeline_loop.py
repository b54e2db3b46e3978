# The work of gen_pipeline.py as a plain loop: the baseline the generator version is held to.

def pipeline(n):
    s = 0
    for x in range(n):
        if x % 3:
            s += x * x
    return s

total = 0
for rep in range(3):
    total += pipeline(2_000_000 + rep)
print(total)
