# Imported by star_import.py: no __all__, so its names not starting with '_' are exported; one is
# bound only on some paths.
import sys
x = 1
_hidden = 2
def f():
    return x + 1
if len(sys.argv) > 5:
    def maybe():
        return 1
