# User-defined exception classes: args, str and repr, custom __init__ and __str__, attributes,
# hierarchies, except with tuples and base classes; raising things that are not exceptions.

class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f'{key}: {reason}')
        self.key = key
        self.reason = reason

class CodeError(AppError):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f'error code {self.code}'

class Quiet(Exception):
    def __init__(self):
        pass

class NotAnError:
    pass

def report(e):
    print(type(e).__name__, '|', str(e), '|', repr(e), '|', e.args)

for make in [
    lambda: AppError(),
    lambda: AppError('one'),
    lambda: AppError('two', 2),
    lambda: AppError(['list']),
    lambda: ConfigError('port', 'must be a number'),
    lambda: CodeError(42),
    lambda: Quiet(),
    lambda: Exception('plain'),
    lambda: ValueError(1, 2, 3),
]:
    try:
        raise make()
    except Exception as e:
        report(e)

try:
    raise ConfigError('host', 'missing')
except AppError as e:
    print('caught as AppError:', type(e).__name__, e.key, e.reason, isinstance(e, Exception))

try:
    raise CodeError(7)
except (ConfigError, CodeError) as e:
    print('caught by tuple:', e, e.code)

try:
    raise AppError
except AppError as e:
    print('raised the class:', repr(e), e.args)

print(issubclass(ConfigError, AppError), issubclass(AppError, Exception), issubclass(AppError, BaseException))
print(ConfigError.__mro__[1].__name__, ConfigError.__bases__[0].__name__)

class Interrupt(BaseException):
    pass

try:
    try:
        raise Interrupt('not an Exception')
    except Exception:
        print('wrong: Exception caught a BaseException')
except BaseException as e:
    print('BaseException catches', type(e).__name__, e)

try:
    raise NotAnError()
except TypeError as e:
    print('raise NotAnError():', e)

try:
    raise 'string'
except TypeError as e:
    print("raise 'string':", e)

try:
    try:
        raise ValueError('v')
    except NotAnError:
        pass
except TypeError as e:
    print('except NotAnError:', e)

e = AppError('reused')
for i in range(2):
    try:
        raise e
    except AppError as caught:
        print('same object:', caught is e, caught)

err = AppError('x')
err.extra = 'attribute'
err.args = ('replaced', 1)
print(err, err.extra)

class WithSlots(Exception):
    def __init__(self, *args, detail=None):
        super().__init__(*args)
        self.detail = detail

try:
    raise WithSlots('a', 'b', detail='d')
except WithSlots as e:
    print(e, e.args, e.detail)

# exceptions as values
errors = [ValueError('v'), KeyError('k'), AppError('a')]
print([type(x).__name__ for x in errors], [str(x) for x in errors])
print(repr(OSError(2, 'No such file')), str(OSError(2, 'No such file')))
print(ValueError('a') == ValueError('a'), str(ValueError()), repr(ValueError()))
