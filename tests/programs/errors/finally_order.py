# The order in which try / except / else / finally blocks run, with returns, breaks, continues
# and exceptions crossing them.

log = []

def note(s):
    log.append(s)

def flush(label):
    print(label + ':', ' '.join(log))
    log.clear()

def return_in_try():
    try:
        note('try')
        return 'from try'
    finally:
        note('finally')

print(return_in_try()); flush('return in try')

def finally_overrides_return():
    try:
        return 'try'
    finally:
        return 'finally'

print(finally_overrides_return())

def finally_swallows_exception():
    try:
        raise ValueError('lost')
    finally:
        return 'finally won'

print(finally_swallows_exception())

def exception_through_finally():
    try:
        note('try')
        raise KeyError('k')
    finally:
        note('finally')

try:
    exception_through_finally()
except KeyError as e:
    note(f'caught {e}')
flush('exception through finally')

def handler_then_finally():
    try:
        note('try')
        1 // 0
        note('not reached')
    except ZeroDivisionError:
        note('except')
        return 'from except'
    else:
        note('else')
    finally:
        note('finally')

print(handler_then_finally()); flush('handler then finally')

def else_then_finally():
    try:
        note('try')
    except Exception:
        note('except')
    else:
        note('else')
        return 'from else'
    finally:
        note('finally')

print(else_then_finally()); flush('else then finally')

def error_in_else():
    try:
        note('try')
    except ValueError:
        note('except (not for else)')
    else:
        note('else')
        raise ValueError('from else')
    finally:
        note('finally')

try:
    error_in_else()
except ValueError as e:
    note(f'caught {e}')
flush('error in else')

def error_in_handler():
    try:
        raise ValueError('first')
    except ValueError:
        note('except')
        raise TypeError('second')
    finally:
        note('finally')

try:
    error_in_handler()
except TypeError as e:
    note(f'caught {e} context={e.__context__}')
flush('error in handler')

def nested():
    try:
        try:
            note('inner try')
            raise ValueError('v')
        finally:
            note('inner finally')
    except ValueError:
        note('outer except')
    finally:
        note('outer finally')

nested(); flush('nested')

def loop_control():
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            note(f'body{i}')
        finally:
            note(f'finally{i}')
    else:
        note('loop else')
    note('after loop')

loop_control(); flush('break and continue')

def continue_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            note(f'f{i}')
            continue
    return 'loop finished, exceptions dropped'

print(continue_in_finally()); flush('continue in finally')

def break_in_finally():
    while True:
        try:
            raise KeyError('dropped')
        finally:
            note('finally')
            break
    return 'broke out'

print(break_in_finally()); flush('break in finally')

def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
        note('finally mutates')

print(return_value_evaluated_before_finally()); flush('return value')

def unwind(depth):
    try:
        if depth == 0:
            raise RuntimeError('bottom')
        unwind(depth - 1)
    finally:
        note(f'unwind{depth}')

try:
    unwind(3)
except RuntimeError as e:
    note(f'caught {e}')
flush('unwinding frames')

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        note('generator finally')

g = generator_finally()
print(next(g))
g.close()
flush('generator close')

for x in generator_finally():
    note(f'got {x}')
flush('generator run to the end')

def with_like():
    class Manager:
        def __enter__(self):
            note('enter')
            return self
        def __exit__(self, kind, value, tb):
            note(f'exit {kind.__name__ if kind else None}')
            return kind is KeyError
    with Manager():
        note('body')
    with Manager():
        raise KeyError('suppressed')
    try:
        with Manager():
            raise ValueError('propagates')
    except ValueError:
        note('caught ValueError')

with_like(); flush('with')

def except_order():
    for exc in [KeyError('k'), IndexError('i'), ValueError('v'), ZeroDivisionError('z')]:
        try:
            raise exc
        except (IndexError, ZeroDivisionError) as e:
            note(f'tuple:{type(e).__name__}')
        except LookupError as e:
            note(f'lookup:{type(e).__name__}')
        except Exception as e:
            note(f'any:{type(e).__name__}')

except_order(); flush('except clauses in order')

def exception_variable_cleared():
    e = 'before'
    try:
        raise ValueError('x')
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return 'cleared: ' + str(u)

print(exception_variable_cleared())
