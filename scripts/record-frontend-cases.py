"""Records CPython's ast.dump for tests/frontend/cases/*.py into *.ast (run when adding a case).

python3 is the oracle: `python3 scripts/record-frontend-cases.py` writes the expected output that
tests/frontend/grammar.test.ts compares pync's `emit ast` with.
"""
import ast
import glob
import os

here = os.path.join(os.path.dirname(__file__), "..", "tests", "frontend", "cases")
for path in sorted(glob.glob(os.path.join(here, "*.py"))):
    with open(path, "rb") as f:
        tree = ast.parse(f.read(), path)
    with open(path[:-3] + ".ast", "w", encoding="utf-8") as out:
        out.write(ast.dump(tree, include_attributes=True) + "\n")
    print("recorded", os.path.basename(path))
