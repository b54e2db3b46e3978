# Attributes always holding a float live unboxed in the instance (raw slots): unset reads,
# NaN, -0.0 and inf round trips, augmented assignment, repr through the runtime, many instances
# surviving collections.
import struct
class P:
    def __init__(self, v):
        if v > 0:
            self.x = float(v) * 1.5
        self.y = -0.0

    def get(self):
        return self.x

p = P(2)
print(p.x, p.y, p.get())
q = P(-1)
try:
    print(q.x)
except AttributeError as e:
    print("AttributeError:", e)
try:
    q.get()
except AttributeError as e:
    print("AttributeError:", e)
p.x = float('nan')
print(p.x, p.x != p.x, struct.pack('<d', p.x).hex())
p.x = float('inf')
p.x *= -1.0
print(p.x, struct.pack('<d', p.y).hex())
print(struct.pack('<d', p.x).hex())
p.x = 3.25
p.x += 1.0
print(p.x)
items = [P(i + 1) for i in range(1000)]
for i in range(200000):
    junk = [i, str(i)]
print(sum(o.x for o in items), type(items[3].x).__name__, repr(items[7].y))
def show(o):
    return f"{o.x:.3f}/{o.y}"
print(show(items[10]), [show(o) for o in items[:3]])
