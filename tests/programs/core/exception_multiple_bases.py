# Exception classes with several built-in exception bases share BaseException's layout.


class E(OSError, ValueError):
    pass


print([c.__name__ for c in E.__mro__])
e = E(2, 'no such thing')
print(e, e.errno, e.strerror, isinstance(e, ValueError), isinstance(e, OSError))
try:
    raise E(5, 'io')
except ValueError as caught:
    print('caught as ValueError:', caught)


class K(ValueError, KeyError):
    pass


print(str(K('k')), repr(K('k')), K('k').args)


class F(LookupError, OSError):
    pass


print(F.__mro__[1].__name__, issubclass(F, OSError))
for bases in [(list, dict), (int, str), (Exception, list), (OSError, int)]:
    try:
        type('X', bases, {})
        print('ok', [b.__name__ for b in bases])
    except TypeError as err:
        print([b.__name__ for b in bases], err)
