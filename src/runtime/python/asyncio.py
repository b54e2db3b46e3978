# asyncio — a small event loop with CPython 3.11's scheduling, compiled with the program that
# imports it (src/compiler/python-modules.ts).
#
# The loop is CPython's design: a FIFO of ready callbacks (call_soon) and a heap of timers
# (call_later); each iteration moves the due timers to the ready queue and runs the callbacks
# that were ready when it began. A Task steps its coroutine from a ready callback; an `await`
# of a pending Future suspends the task until the future's done-callbacks schedule its wakeup.
# So interleaved tasks print in CPython's order. The loop needs two things from the platform,
# both through the time module (src/runtime/platform/): a monotonic clock, and sleeping until
# the next timer is due (a board implements it with its timer).
#
# Provides: run, Runner, get_running_loop, get_event_loop, new_event_loop, set_event_loop,
# Future, Task, create_task, ensure_future, current_task, all_tasks, sleep, gather, shield,
# wait_for, wait, FIRST_COMPLETED/FIRST_EXCEPTION/ALL_COMPLETED, Queue, LifoQueue,
# PriorityQueue, Event, Lock, Semaphore, BoundedSemaphore, iscoroutine, CancelledError,
# InvalidStateError, TimeoutError, QueueEmpty, QueueFull. No I/O (sockets, subprocesses), no
# threads, no context variables. An async generator left unfinished by an `async for` is closed
# by a task (the finalizer hook), as in CPython; one still suspended when run() ends is not
# closed by shutdown_asyncgens (pync has no weak references to find the live ones with).

import sys
import time
import types
from collections import deque
from functools import partial

__all__ = ["run", "Runner", "get_running_loop", "get_event_loop", "new_event_loop", "set_event_loop",
           "Future", "Task", "create_task", "ensure_future", "current_task", "all_tasks", "sleep",
           "gather", "shield", "wait_for", "wait", "FIRST_COMPLETED", "FIRST_EXCEPTION",
           "ALL_COMPLETED", "Queue", "LifoQueue", "PriorityQueue", "Event", "Lock", "Semaphore",
           "BoundedSemaphore", "iscoroutine", "CancelledError", "InvalidStateError",
           "TimeoutError", "QueueEmpty", "QueueFull"]


# ---- exceptions ------------------------------------------------------------------------------

class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = "asyncio.exceptions"


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
    __module__ = "asyncio.queues"


# since 3.11 asyncio.TimeoutError is the builtin TimeoutError
TimeoutError = TimeoutError


def iscoroutine(obj):
    if type(obj) is types.CoroutineType:
        return True
    # collections.abc.Coroutine: an object with send, throw, close and __await__ (athrow ...)
    t = type(obj)
    return (hasattr(t, "send") and hasattr(t, "throw") and hasattr(t, "close") and hasattr(t, "__await__")
            and not isinstance(obj, types.GeneratorType))


# ---- the timer heap (the binary-heap algorithm of heapq, keyed on the deadline) ---------------

def _heap_push(heap, item):
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def _heap_pop(heap):
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return first
    return last


def _sift_down(heap, startpos, pos):
    # the item at pos moves towards the root while it is earlier than its parent
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item._when < parent._when:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _sift_up(heap, pos):
    # the hole at pos moves to a leaf along the earlier children, then the item sifts back up
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos]._when < heap[rightpos]._when:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, startpos, pos)


# ---- handles and the loop ------------------------------------------------------------------------

class Handle:
    """A callback the loop is to call (call_soon)."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Exception in callback " + _callback_name(self._callback),
                "exception": exc,
                "handle": self,
            })


class TimerHandle(Handle):
    """A callback the loop is to call at a time (call_later, call_at)."""

    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when
        self._scheduled = False

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        Handle.cancel(self)


def _callback_name(callback):
    name = getattr(callback, "__qualname__", None)
    if name is None:
        return repr(callback)
    return name + "()"


_running_loop = None
_event_loop = None


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = deque()
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._tasks = []
        self._exception_handler = None
        self._clock_resolution = 1e-09

    def time(self):
        return time.monotonic()

    # -- scheduling

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        _heap_push(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        task = Task(coro, loop=self, name=name)
        return task

    # -- running

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def run_forever(self):
        global _running_loop
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        _running_loop = self
        old_hooks = sys.get_asyncgen_hooks()
        # an async generator let go of unfinished is closed by a task of this loop
        sys.set_asyncgen_hooks(finalizer=self._asyncgen_finalizer_hook)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None
            sys.set_asyncgen_hooks(old_hooks[0], old_hooks[1])

    def _asyncgen_finalizer_hook(self, agen):
        if not self._closed:
            self.call_soon(self.create_task, agen.aclose())

    def run_until_complete(self, future):
        self._check_closed()
        new_task = not isinstance(future, Future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                # the exception is raised here; the task's copy need not be reported
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        # one iteration: sleep until something is ready or due, move the due timers to the
        # ready queue, then run what was ready when the iteration began
        scheduled = self._scheduled
        if self._timer_cancelled_count and self._timer_cancelled_count * 2 > len(scheduled) and len(scheduled) > 100:
            live = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    live.append(handle)
            scheduled.clear()
            for handle in live:
                _heap_push(scheduled, handle)
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _heap_pop(scheduled)
                handle._scheduled = False

        if not self._ready and not self._stopping:
            if scheduled:
                timeout = scheduled[0]._when - self.time()
                if timeout > 86400.0:
                    timeout = 86400.0
                if timeout > 0:
                    time.sleep(timeout)
            else:
                # nothing can ever become ready (there is no I/O): CPython would wait forever
                raise RuntimeError("Event loop stopped before Future completed.")

        end_time = self.time() + self._clock_resolution
        while scheduled:
            handle = scheduled[0]
            if handle._when >= end_time:
                break
            handle = _heap_pop(scheduled)
            handle._scheduled = False
            self._ready.append(handle)

        ready = self._ready
        ntodo = len(ready)
        for i in range(ntodo):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            handle._run()

    # -- errors

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get("message")
        if not message:
            message = "Unhandled exception in event loop"
        lines = [message]
        for key in sorted(context):
            if key in ("message", "exception"):
                continue
            lines.append(key + ": " + repr(context[key]))
        exc = context.get("exception")
        if exc is not None:
            lines.append(type(exc).__name__ + ": " + str(exc) if str(exc) else type(exc).__name__)
        print("\n".join(lines), file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass


def _run_until_complete_cb(fut):
    fut._loop.stop()


def new_event_loop():
    return BaseEventLoop()


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def _get_running_loop():
    return _running_loop


def get_event_loop():
    global _event_loop
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None:
        _event_loop = new_event_loop()
    return _event_loop


def set_event_loop(loop):
    global _event_loop
    _event_loop = loop


# ---- futures -----------------------------------------------------------------------------------

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Future:
    """A result that will be set later; awaiting it suspends until then."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None

    def __repr__(self):
        return "<" + type(self).__name__ + " " + " ".join(self._repr_info()) + ">"

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append("exception=" + repr(self._exception))
            else:
                info.append("result=" + repr(self._result))
        return info

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(self._state + ": " + repr(self))
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(self._state + ": " + repr(self))
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


# ---- tasks ---------------------------------------------------------------------------------------

_task_name_counter = 0
_current_tasks = {}


class Task(Future):
    """Runs a coroutine on the loop: each step resumes it until it awaits a pending future."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        global _task_name_counter
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got " + repr(coro))
        if name is None:
            _task_name_counter += 1
            name = "Task-" + str(_task_name_counter)
        else:
            name = str(name)
        self._name = name
        self._coro = coro
        self._must_cancel = False
        self._fut_waiter = None
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step)
        self._loop._tasks.append(self)

    def _repr_info(self):
        info = Future._repr_info(self)
        if self._must_cancel:
            info[0] = "cancelling"
        info.insert(1, "name=" + repr(self._name))
        info.insert(2, "coro=<" + self._coro.__qualname__ + "()>")
        if self._fut_waiter is not None:
            info.insert(3, "wait_for=" + repr(self._fut_waiter))
        return info

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # the waiter's cancellation wakes the task, which then raises CancelledError
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError("_step(): already done: " + repr(self) + ", " + repr(exc))
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        loop = self._loop
        _current_tasks[loop] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as fatal:
            Future.set_exception(self, fatal)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            self._suspended_on(result)
        finally:
            del _current_tasks[loop]

    def _suspended_on(self, result):
        # what the coroutine yielded: a future to wait for, or a bare yield (sleep(0))
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            if result._loop is not self._loop:
                new_exc = RuntimeError("Task " + repr(self) + " got Future " + repr(result) + " attached to a different loop")
                self._loop.call_soon(self._step, new_exc)
            elif blocking:
                if result is self:
                    new_exc = RuntimeError("Task cannot await on itself: " + repr(self))
                    self._loop.call_soon(self._step, new_exc)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self._wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if result.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                new_exc = RuntimeError("yield was used instead of yield from in task " + repr(self) + " with " + repr(result))
                self._loop.call_soon(self._step, new_exc)
        elif result is None:
            self._loop.call_soon(self._step)
        elif isinstance(result, types.GeneratorType):
            new_exc = RuntimeError("yield was used instead of yield from for generator in task " + repr(self) + " with " + repr(result))
            self._loop.call_soon(self._step, new_exc)
        else:
            new_exc = RuntimeError("Task got bad yield: " + repr(result))
            self._loop.call_soon(self._step, new_exc)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, "__await__"):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    return await awaitable


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    live = [t for t in loop._tasks if not t.done()]
    loop._tasks = live
    return set(live)


# ---- sleeping ----------------------------------------------------------------------------------------

class _Yield:
    """Awaiting it suspends the task for one loop iteration (a bare yield to the loop)."""

    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


# ---- combining awaitables ------------------------------------------------------------------------

class _GatheringFuture(Future):
    """gather()'s result: cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    state = _GatherState(return_exceptions)
    arg_to_fut = {}
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            state.nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(state.done_callback)
        else:
            fut = arg_to_fut[arg]
        state.children.append(fut)
    state.outer = _GatheringFuture(state.children, loop=loop)
    return state.outer


class _GatherState:
    """What gather()'s children report to: the count, and the outer future to finish."""

    def __init__(self, return_exceptions):
        self.return_exceptions = return_exceptions
        self.children = []
        self.nfuts = 0
        self.nfinished = 0
        self.outer = None

    def done_callback(self, fut):
        self.nfinished += 1
        outer = self.outer
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not self.return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if self.nfinished == self.nfuts:
            results = []
            for child in self.children:
                if child.cancelled():
                    res = CancelledError("" if child._cancel_message is None else child._cancel_message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    cb = partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isinstance(fs, Future) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not " + type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: " + str(return_when))
    loop = get_running_loop()
    fs = set(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


# ---- running a program's main coroutine ------------------------------------------------------------

class Runner:
    """A loop that runs coroutines, then cancels what is left and closes."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._loop = None
        self._loop_factory = loop_factory
        self._closed = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def _lazy_init(self):
        if self._closed:
            raise RuntimeError("Runner is closed")
        if self._loop is None:
            if self._loop_factory is None:
                self._loop = new_event_loop()
                set_event_loop(self._loop)
            else:
                self._loop = self._loop_factory()

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got " + repr(coro))
        if _running_loop is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        return self._loop.run_until_complete(task)

    def close(self):
        if self._loop is None or self._closed:
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            if self._loop_factory is None:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._closed = True


def _cancel_all_tasks(loop):
    to_cancel = [t for t in loop._tasks if not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


# ---- synchronisation ---------------------------------------------------------------------------------

class _LoopBound:
    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(repr(self) + " is bound to a different event loop")
        return loop


class Event(_LoopBound):
    """A flag tasks can wait for."""

    def __init__(self):
        self._waiters = deque()
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock(_LoopBound):
    """A mutual-exclusion lock for tasks (async with lock: ...)."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError("Lock is not acquired.")

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Semaphore(_LoopBound):
    """A counter tasks acquire and release; acquiring at zero waits."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        Semaphore.release(self)


# ---- queues ------------------------------------------------------------------------------------------

class Queue(_LoopBound):
    """A FIFO queue between tasks: get() waits while it is empty, put() while it is full."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = deque()
        self._putters = deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return "<" + type(self).__name__ + " maxsize=" + repr(self._maxsize) + ">"

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class LifoQueue(Queue):
    """A Queue that gives the most recently added item first."""

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop()

    def _put(self, item):
        self._queue.append(item)


class PriorityQueue(Queue):
    """A Queue that gives the smallest item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heap = self._queue
        heap.append(item)
        pos = len(heap) - 1
        while pos > 0:
            parentpos = (pos - 1) >> 1
            if item < heap[parentpos]:
                heap[pos] = heap[parentpos]
                pos = parentpos
                continue
            break
        heap[pos] = item

    def _get(self):
        heap = self._queue
        last = heap.pop()
        if not heap:
            return last
        first = heap[0]
        endpos = len(heap)
        pos = 0
        childpos = 1
        while childpos < endpos:
            rightpos = childpos + 1
            if rightpos < endpos and not heap[childpos] < heap[rightpos]:
                childpos = rightpos
            heap[pos] = heap[childpos]
            pos = childpos
            childpos = 2 * pos + 1
        heap[pos] = last
        while pos > 0:
            parentpos = (pos - 1) >> 1
            if last < heap[parentpos]:
                heap[pos] = heap[parentpos]
                pos = parentpos
                continue
            break
        heap[pos] = last
        return first
