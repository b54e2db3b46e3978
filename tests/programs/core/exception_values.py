# The special values exceptions take from their arguments: OSError(errno, strerror, filename,
# winerror, filename2) and the subclass for errno; StopIteration.value; SystemExit.code.
for args in [(2, 'No such file'), (13, 'denied'), (17, 'exists'), (99, 'other'), (2,), ('2', 'x'),
             (2, 'x', 'f.txt'), (2, 'x', None), (2, 'x', 'a', None, 'b'), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
print(repr(FileExistsError(2, 'x')), type(PermissionError(2, 'x')).__name__)


class MyOSError(OSError):
    pass


print(repr(MyOSError(2, 'x')))


class Wrapped(OSError):
    def __init__(self, path):
        super().__init__(2, 'missing', path)


w = Wrapped('p.txt')
print(str(w), w.filename, w.args, isinstance(w, FileNotFoundError))
try:
    open_failed = OSError(2, 'No such file or directory', 'nofile')
    raise open_failed
except FileNotFoundError as caught:
    print('caught', caught)
for args in [(), (1,), (1, 2, 3)]:
    print(StopIteration(*args).value, SystemExit(*args).code)


def gen():
    yield 1
    return 'done'


g = gen()
print(g.__next__())
try:
    g.__next__()
except StopIteration as e:
    print('StopIteration', e.value)
try:
    next(g)
except StopIteration as e:
    print('again', e.value)
