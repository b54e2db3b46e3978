"""CPython's side of scripts/fuzz-parser --compare: parses sources sent on stdin.

Each input line is JSON {"id": n, "src": base64}; each output line is JSON
{"id": n, "ok": true, "hash": sha256 of ast.dump(include_attributes=True)} or
{"id": n, "ok": false, "lineno": N, "msg": "...", "type": "SyntaxError"}.
python3 is used only as the oracle for tests.
"""
import ast
import base64
import hashlib
import json
import sys
import warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(10000)
for line in sys.stdin:
    req = json.loads(line)
    src = base64.b64decode(req["src"])
    res = {"id": req["id"]}
    try:
        tree = ast.parse(src, "<fuzz>")
        try:
            dump = ast.dump(tree, include_attributes=True)
            res.update(ok=True, hash=hashlib.sha256(dump.encode("utf-8", "surrogatepass")).hexdigest())
        except (RecursionError, ValueError) as e:
            res.update(ok=True, hash=None)
    except SyntaxError as e:
        res.update(ok=False, lineno=e.lineno or 0, msg=e.msg, type=type(e).__name__)
    except (ValueError, MemoryError, RecursionError, OverflowError) as e:
        res.update(ok=False, lineno=0, msg=str(e), type=type(e).__name__)
    sys.stdout.write(json.dumps(res) + "\n")
    sys.stdout.flush()
