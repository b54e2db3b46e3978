# print(file=...) with StringIO, subclasses and any object with write()
import io

buf = io.StringIO()
print('a', 1, [2], sep=', ', end='.\n', file=buf)
print(file=buf)
print('x', 'y', file=buf, flush=True)
print(repr(buf.getvalue()))

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
print('hello', 'world', file=u)
print(repr(u.getvalue()))

class Lines(io.StringIO):
    pass

l = Lines('one\ntwo\nthree')
for line in l:
    print(repr(line))
print(isinstance(l, io.StringIO), isinstance(l, io.IOBase))

class Sink(io.IOBase):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)

s = Sink()
print('p', 'q', sep='', file=s)
print(s.parts, s.closed)
with s:
    pass
print(s.closed)

class Log:
    def __init__(self):
        self.n = 0
    def write(self, text):
        self.n += 1
    def flush(self):
        print('flushed after', self.n)

print(1, 2, 3, file=Log(), flush=True)
closed = io.StringIO()
closed.close()
try:
    print('z', file=closed)
except ValueError as e:
    print('ValueError', e)
with io.BytesIO() as b:
    b.write(b'abc\ndef')
    b.seek(0)
    print(b.readlines(), b.tell())
print(b.closed)
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
except OSError as e:
    print('OSError', e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
