# open(): text and binary files, encodings, newline modes, errors as CPython raises them, and a
# file left open whose output is still written at exit.
import io
import sys
# next to the program (the executable for pync): parallel runs for several targets do not meet
path = sys.argv[0] + ".io-test.txt"
with open(path, "w") as f:
    print(repr(f).replace(path, "P"), f.mode, f.encoding, f.closed, f.writable(), f.readable())
    n = f.write("héllo\nwörld\r\nthird\rfourth\n")
    print(n)
    f.writelines(["a\n", "b\n"])
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    print(f.readlines())
with open(path, newline="\r") as f:
    print([line for line in f])
with open(path, "rb") as f:
    print(repr(f).replace(path, "P"), f.read(5), f.readline(), f.read())
with open(path, "a", encoding="latin-1") as f:
    f.write("ÿ end\n")
with open(path, "rb") as f:
    data = f.read()
print(data[-8:])
try:
    with open(path, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(path, encoding="utf-8", errors="replace") as f:
    print(f.read()[-8:])
for bad in [lambda: open("/nonexistent/x"), lambda: open("/tmp"), lambda: open(path, "rw"), lambda: open(path, "rb", encoding="x"),
            lambda: open(path, newline="x"), lambda: open(path, encoding="nope"), lambda: open(3.5), lambda: open(path, "q"),
            lambda: open(path, "x")]:
    try:
        bad()
    except (OSError, ValueError, TypeError, LookupError) as e:
        print(type(e).__name__, str(e).replace(path, "P"))
f = open(path, "w")
try:
    f.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    f.write(5)
except TypeError as e:
    print(e)
f.close()
try:
    f.write("x")
except ValueError as e:
    print(e)
g = open(path, "wb")
try:
    g.write("s")
except TypeError as e:
    print(e)
g.write(b"bytes\n" * 3000)
g.write(bytearray(b"tail"))
g.close()
with open(path, "rb") as f:
    b = f.read()
print(len(b), b[-10:])
h = open(path, "w")
h.write("written\n")
print(isinstance(h, io.TextIOWrapper), type(h).__name__)
h.close()
with open(path) as f:
    print(f.read())
