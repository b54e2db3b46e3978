# sys.argv is made at start-up: it must survive collections that happen before `import sys`.
keep = []
for i in range(200000):
    junk = [i, i + 1, [i]]
    if i % 1000 == 0:
        keep.append(junk)
import sys
print(len(keep), isinstance(sys.argv, list), len(sys.argv) >= 1, sys.argv[0] != '')
