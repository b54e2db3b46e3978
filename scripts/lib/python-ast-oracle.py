"""CPython's side of scripts/ast-compare: ast.dump(include_attributes=True) of each file.

Reads file paths (one per line) on stdin. For each file CPython parses, writes
OUT_DIR/<path>.ast (path with .py replaced, as `pync emit ast --out-dir` does); for each file
CPython rejects, prints one JSON line {"file", "lineno", "msg", "type"} on stdout.
python3 is the oracle here only: pync never runs it.
"""
import ast
import json
import os
import sys
import warnings

out_dir = sys.argv[1]
warnings.simplefilter("ignore")
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source, path)
    except SyntaxError as e:
        print(json.dumps({"file": path, "lineno": e.lineno, "msg": e.msg, "type": type(e).__name__}), flush=True)
        continue
    except (ValueError, MemoryError, RecursionError) as e:
        print(json.dumps({"file": path, "lineno": 0, "msg": str(e), "type": type(e).__name__}), flush=True)
        continue
    try:
        text = ast.dump(tree, include_attributes=True)
    except (ValueError, RecursionError) as e:
        print(json.dumps({"file": path, "lineno": 0, "msg": str(e), "type": type(e).__name__, "dump": True}), flush=True)
        continue
    out = os.path.join(out_dir, path[:-3] + ".ast" if path.endswith(".py") else path + ".ast")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text + "\n")
