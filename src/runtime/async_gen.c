/* async_gen.c — asynchronous generators, `async for`, `async with`, aiter() and anext().
 *
 * An async generator function compiles like a coroutine whose `yield v` calls
 * pync_async_gen_yield (the value is marked PYNC_GEN_WRAPPED: meant for the consumer), while an
 * `await` inside it suspends with an unmarked value (meant for the event loop). The consumer
 * never resumes the generator directly: __anext__()/asend() and athrow()/aclose() return
 * awaitables (async_generator_asend, async_generator_athrow) that resume it when they are
 * themselves resumed, pass unmarked values through and turn a marked one into the StopIteration
 * that finishes the await — CPython 3.11's genobject.c protocol, messages included.
 *
 * For compiled code: async for is   it = pync_aiter(x); loop { a = pync_anext_awaitable(it);
 * await a through pync_async_for_step; item = pync_async_for_item (0: StopAsyncIteration) };
 * async with is   (aexit, aw) = pync_async_with_enter(m); await aw; ... await
 * pync_async_with_exit(aexit, exc).
 */
#include "pync.h"
#include "generator.h"
#include "internal.h"

/* ---- the generator's side ------------------------------------------------------------------- */

/* `yield v` in an async generator: a value for the consumer. */
void pync_async_gen_yield(pv gen, pv value) {
    pync_generator *g = (pync_generator *)gen;
    g->yielded = value;
    g->flags |= PYNC_GEN_WRAPPED;
}

/* ---- sys.set_asyncgen_hooks ------------------------------------------------------------------ */

/* An event loop's hooks (asyncio installs them while it runs): firstiter(agen) when an async
   generator is first iterated, finalizer(agen) when one is let go of unfinished. */
static pv hook_firstiter, hook_finalizer;
static bool hooks_rooted;

static void hooks_roots(void) {
    pync_gc_visit(hook_firstiter);
    pync_gc_visit(hook_finalizer);
}

pv pync_sys_set_asyncgen_hooks(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"firstiter", "finalizer", NULL};
    pv given[2] = {0, 0};
    if (pync_parse_args("set_asyncgen_hooks", args, nargs, kwnames, names, 0, 2, given) < 0) return 0;
    for (int i = 0; i < 2; i++) {
        if (given[i] && given[i] != pync_None && !pv_type(given[i])->call && pv_type(given[i]) != &pync_type_type) {
            return pync_raise_fmt(&pync_TypeError_type, "callable %s expected, got %T", names[i], given[i]);
        }
    }
    if (!hooks_rooted) {
        pync_register_static_roots(hooks_roots);
        hooks_rooted = true;
    }
    if (given[0]) hook_firstiter = given[0] == pync_None ? 0 : given[0];
    if (given[1]) hook_finalizer = given[1] == pync_None ? 0 : given[1];
    return pync_None;
}

pv pync_sys_get_asyncgen_hooks(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    (void)args;
    if (pync_check_args("get_asyncgen_hooks", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_tuple_pack(2, hook_firstiter ? hook_firstiter : pync_None, hook_finalizer ? hook_finalizer : pync_None);
}

/* The first asend/athrow of a generator tells the loop about it (CPython's async_gen_init_hooks). */
static int init_hooks(pync_generator *g) {
    if (g->flags & PYNC_GEN_HOOKED) return 0;
    g->flags |= PYNC_GEN_HOOKED;
    if (!hook_firstiter) return 0;
    return pync_call1(hook_firstiter, (pv)g) ? 0 : -1;
}

/*
 * An unfinished async generator the compiled code lets go of (an `async for` left early over
 * one only it held): handed to the loop's finalizer (asyncio schedules its aclose()), or closed
 * now without one, as CPython finalises it when its reference count drops to zero.
 */
void pync_async_generator_release(pv it) {
    if (pv_is_small(it) || pv_type(it) != &pync_async_generator_type) return;
    pync_generator *g = (pync_generator *)it;
    if (g->state != GEN_SUSPENDED || (g->flags & PYNC_GEN_CLOSED)) return;
    pv saved = pync_exc_fetch();
    bool failed = false;
    if (hook_finalizer) {
        failed = !pync_call1(hook_finalizer, it);
    } else {
        pv exit = pync_call0((pv)&pync_GeneratorExit_type);
        enum pync_resume_result r = exit ? pync_generator_throw_into(g, exit) : RESUME_ERROR;
        if (r == RESUME_YIELDED) {
            failed = true;
            pync_raise_fmt(&pync_RuntimeError_type, "async generator ignored GeneratorExit");
        } else if (r == RESUME_ERROR && !pync_isinstance_type(pync_current_exc, &pync_GeneratorExit_type)) {
            failed = true;
        }
    }
    if (failed) {
        pync_report_ignored(it);
    }
    pync_current_exc = saved;
}

/* ---- the awaitables asend/athrow return ------------------------------------------------------ */

enum { AWAIT_INIT, AWAIT_ITER, AWAIT_CLOSED };

typedef struct agen_awaitable {
    pync_object ob;
    pync_generator *gen;
    pv value;          /* asend: the value to send first; athrow: the exception, 0 for aclose() */
    uint8_t state;
} agen_awaitable;

extern const pync_type pync_async_gen_asend_type, pync_async_gen_athrow_type;

static void awaitable_trace(pync_object *o) {
    agen_awaitable *a = (agen_awaitable *)o;
    pync_gc_visit_obj(a->gen);
    pync_gc_visit(a->value);
}

static pv awaitable_new(const pync_type *type, pync_generator *gen, pv value) {
    agen_awaitable *a = pync_gc_alloc(sizeof(agen_awaitable), type);
    if (!a) return 0;
    a->gen = gen;
    a->value = value;
    a->state = AWAIT_INIT;
    return (pv)a;
}

/* What a resume of the generator means to the awaiting code (async_gen_unwrap_value). */
static pv unwrap(pync_generator *g, enum pync_resume_result r) {
    if (r == RESUME_YIELDED) {
        if (!(g->flags & PYNC_GEN_WRAPPED)) return g->yielded; /* an await inside: passed on */
        g->flags &= (uint8_t)~PYNC_GEN_ASYNC_RUNNING;
        return pync_raise_stop_iteration(g->yielded);
    }
    if (r == RESUME_RETURNED) pync_raise((pv)&pync_StopAsyncIteration_type);
    if (pync_isinstance_type(pync_current_exc, &pync_StopAsyncIteration_type) ||
        pync_isinstance_type(pync_current_exc, &pync_GeneratorExit_type)) {
        g->flags |= PYNC_GEN_CLOSED;
    }
    g->flags &= (uint8_t)~PYNC_GEN_ASYNC_RUNNING;
    return 0;
}

static pv asend_send_value(agen_awaitable *a, pv v) {
    if (a->state == AWAIT_CLOSED) {
        return pync_raise_fmt(&pync_RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
    }
    if (a->state == AWAIT_INIT) {
        if (a->gen->flags & PYNC_GEN_ASYNC_RUNNING) {
            a->state = AWAIT_CLOSED;
            return pync_raise_fmt(&pync_RuntimeError_type, "anext(): asynchronous generator is already running");
        }
        if (v == pync_None) v = a->value;
        a->state = AWAIT_ITER;
        if (init_hooks(a->gen) < 0) return 0;
    }
    a->gen->flags |= PYNC_GEN_ASYNC_RUNNING;
    pv r = unwrap(a->gen, pync_generator_resume(a->gen, v, 0));
    if (!r) a->state = AWAIT_CLOSED;
    return r;
}

static pv asend_next(pv self) { return asend_send_value((agen_awaitable *)self, pync_None); }

static pv asend_send(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("send", nargs, kwnames, 1, 1) < 0) return 0;
    return asend_send_value((agen_awaitable *)self, args[0]);
}

static pv asend_throw(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("throw", nargs, kwnames, 1, 3) < 0) return 0;
    agen_awaitable *a = (agen_awaitable *)self;
    if (a->state == AWAIT_CLOSED) {
        return pync_raise_fmt(&pync_RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
    }
    pv exc = pync_generator_make_thrown(args, nargs);
    if (!exc) return 0;
    pv r = unwrap(a->gen, pync_generator_throw_into(a->gen, exc));
    if (!r) a->state = AWAIT_CLOSED;
    return r;
}

static pv awaitable_close(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("close", nargs, kwnames, 0, 0) < 0) return 0;
    ((agen_awaitable *)self)->state = AWAIT_CLOSED;
    return pync_None;
}

static pv awaitable_self(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__await__", nargs, kwnames, 0, 0) < 0) return 0;
    return self;
}

static pv awaitable_iter(pv self) { return self; }

/* athrow()/aclose() after the generator ran: a marked yield while closing is an error. */
static pv athrow_result(agen_awaitable *a, enum pync_resume_result r) {
    pync_generator *g = a->gen;
    if (a->value) return unwrap(g, r);
    if (r == RESUME_YIELDED && (g->flags & PYNC_GEN_WRAPPED)) {
        g->flags &= (uint8_t)~PYNC_GEN_ASYNC_RUNNING;
        a->state = AWAIT_CLOSED;
        return pync_raise_fmt(&pync_RuntimeError_type, "async generator ignored GeneratorExit");
    }
    if (r == RESUME_YIELDED) return g->yielded;
    g->flags &= (uint8_t)~PYNC_GEN_ASYNC_RUNNING;
    a->state = AWAIT_CLOSED;
    if (r == RESUME_RETURNED || pync_isinstance_type(pync_current_exc, &pync_StopAsyncIteration_type) ||
        pync_isinstance_type(pync_current_exc, &pync_GeneratorExit_type)) {
        /* closed as asked: the await of aclose() returns None */
        pync_exc_clear();
        return pync_raise((pv)&pync_StopIteration_type);
    }
    return 0;
}

static pv athrow_send_value(agen_awaitable *a, pv v) {
    pync_generator *g = a->gen;
    if (a->state == AWAIT_CLOSED) {
        return pync_raise_fmt(&pync_RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
    }
    if (a->state == AWAIT_ITER) return athrow_result(a, pync_generator_resume(g, v, 0));
    if (g->flags & PYNC_GEN_ASYNC_RUNNING) {
        a->state = AWAIT_CLOSED;
        return pync_raise_fmt(&pync_RuntimeError_type, "%s(): asynchronous generator is already running",
                              a->value ? "athrow" : "aclose");
    }
    if (g->flags & PYNC_GEN_CLOSED || g->state == GEN_DONE) {
        a->state = AWAIT_CLOSED;
        return pync_raise(a->value ? (pv)&pync_StopAsyncIteration_type : (pv)&pync_StopIteration_type);
    }
    if (v != pync_None) {
        return pync_raise_fmt(&pync_RuntimeError_type, "can't send non-None value to a just-started coroutine");
    }
    a->state = AWAIT_ITER;
    if (init_hooks(g) < 0) return 0;
    g->flags |= PYNC_GEN_ASYNC_RUNNING;
    pv exc = a->value;
    if (!exc) {
        g->flags |= PYNC_GEN_CLOSED;
        exc = pync_call0((pv)&pync_GeneratorExit_type);
        if (!exc) return 0;
    }
    return athrow_result(a, pync_generator_throw_into(g, exc));
}

static pv athrow_next(pv self) { return athrow_send_value((agen_awaitable *)self, pync_None); }

static pv athrow_send(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("send", nargs, kwnames, 1, 1) < 0) return 0;
    return athrow_send_value((agen_awaitable *)self, args[0]);
}

static pv athrow_throw(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("throw", nargs, kwnames, 1, 3) < 0) return 0;
    agen_awaitable *a = (agen_awaitable *)self;
    if (a->state == AWAIT_CLOSED) {
        return pync_raise_fmt(&pync_RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
    }
    pv exc = pync_generator_make_thrown(args, nargs);
    if (!exc) return 0;
    return athrow_result(a, pync_generator_throw_into(a->gen, exc));
}

PYNC_METHOD(asend, send, asend_send, 0);
PYNC_METHOD(asend, throw, asend_throw, 0);
PYNC_METHOD(asend, close, awaitable_close, 0);
PYNC_METHOD(asend, __await__, awaitable_self, 0);

PYNC_METHOD(athrow, send, athrow_send, 0);
PYNC_METHOD(athrow, throw, athrow_throw, 0);
PYNC_METHOD(athrow, close, awaitable_close, 0);
PYNC_METHOD(athrow, __await__, awaitable_self, 0);

const pync_type pync_async_gen_asend_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "async_generator_asend", .basicsize = sizeof(agen_awaitable),
    .trace = awaitable_trace, .hash = pync_object_hash, .iter = awaitable_iter, .next = asend_next,
    .method_list = pync_methods__asend,
};

const pync_type pync_async_gen_athrow_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "async_generator_athrow", .basicsize = sizeof(agen_awaitable),
    .trace = awaitable_trace, .hash = pync_object_hash, .iter = awaitable_iter, .next = athrow_next,
    .method_list = pync_methods__athrow,
};

/* ---- the async generator's methods ------------------------------------------------------------- */

static pv agen_anext(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__anext__", nargs, kwnames, 0, 0) < 0) return 0;
    return awaitable_new(&pync_async_gen_asend_type, (pync_generator *)self, pync_None);
}

static pv agen_asend(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("asend", nargs, kwnames, 1, 1) < 0) return 0;
    return awaitable_new(&pync_async_gen_asend_type, (pync_generator *)self, args[0]);
}

static pv agen_athrow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("athrow", nargs, kwnames, 1, 3) < 0) return 0;
    pv exc = pync_generator_make_thrown(args, nargs);
    if (!exc) return 0;
    return awaitable_new(&pync_async_gen_athrow_type, (pync_generator *)self, exc);
}

static pv agen_aclose(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("aclose", nargs, kwnames, 0, 0) < 0) return 0;
    return awaitable_new(&pync_async_gen_athrow_type, (pync_generator *)self, 0);
}

static pv agen_aiter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__aiter__", nargs, kwnames, 0, 0) < 0) return 0;
    return self;
}

PYNC_METHOD(agen, __aiter__, agen_aiter, 0);
PYNC_METHOD(agen, __anext__, agen_anext, 0);
PYNC_METHOD(agen, asend, agen_asend, 0);
PYNC_METHOD(agen, athrow, agen_athrow, 0);
PYNC_METHOD(agen, aclose, agen_aclose, 0);

const pync_type pync_async_generator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "async_generator", .basicsize = sizeof(pync_generator),
    .trace = pync_generator_trace, .repr = pync_generator_repr, .hash = pync_object_hash,
    .getattr = pync_generator_getattr, .method_list = pync_methods__agen,
};

/* ---- aiter(), anext() ----------------------------------------------------------------------------- */

/* type(x).__aiter__(x), which must have __anext__, with the messages of `async for` or of
   the builtin aiter(). */
static pv get_aiter(pv x, bool statement) {
    pv method = pync_type_lookup_cstr(pv_type(x), "__aiter__");
    if (!method) {
        if (pync_current_exc) return 0;
        if (statement) return pync_raise_fmt(&pync_TypeError_type, "'async for' requires an object with __aiter__ method, got %T", x);
        return pync_raise_fmt(&pync_TypeError_type, "'%T' object is not an async iterable", x);
    }
    pv it = pync_call1(method, x);
    if (!it) return 0;
    if (!pync_type_lookup_cstr(pv_type(it), "__anext__")) {
        if (pync_current_exc) return 0;
        if (statement) {
            return pync_raise_fmt(&pync_TypeError_type, "'async for' received an object from __aiter__ that does not implement __anext__: %T", it);
        }
        return pync_raise_fmt(&pync_TypeError_type, "aiter() returned not an async iterator of type '%T'", it);
    }
    return it;
}

/* `async for` and async comprehensions: the async iterator of x. */
pv pync_aiter(pv x) { return get_aiter(x, true); }

/* type(it).__anext__(it): the awaitable of the next item. */
pv pync_anext_awaitable(pv it) {
    pv method = pync_type_lookup_cstr(pv_type(it), "__anext__");
    if (!method) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "'async for' requires an iterator with __anext__ method, got %T", it);
    }
    return pync_call1(method, it);
}

/* The awaitable anext(it, default) returns: StopAsyncIteration becomes StopIteration(default). */
typedef struct anext_awaitable {
    pync_object ob;
    pv wrapped;    /* what __anext__ returned */
    pv it;         /* the iterator of its __await__, once started */
    pv dflt;
} anext_awaitable;

extern const pync_type pync_anext_awaitable_type;

static void anext_trace(pync_object *o) {
    anext_awaitable *a = (anext_awaitable *)o;
    pync_gc_visit(a->wrapped);
    pync_gc_visit(a->it);
    pync_gc_visit(a->dflt);
}

static pv anext_result(anext_awaitable *a, pv r) {
    if (!r && pync_isinstance_type(pync_current_exc, &pync_StopAsyncIteration_type)) {
        pync_exc_clear();
        return pync_raise_stop_iteration(a->dflt);
    }
    return r;
}

/* The iterator an await of `x` drives (pync_await_iter without a generator). */
static pv await_iterator(pv x) {
    const pync_type *t = pv_type(x);
    if (t == &pync_coroutine_type) return x;
    if (t == &pync_generator_type && (((pync_generator *)x)->flags & PYNC_GEN_ITERABLE_COROUTINE)) return x;
    pv method = pync_type_lookup_cstr(t, "__await__");
    if (!method) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "object %T can't be used in 'await' expression", x);
    }
    return pync_call1(method, x);
}

static pv anext_send_value(anext_awaitable *a, pv v) {
    if (!a->it) {
        a->it = await_iterator(a->wrapped);
        if (!a->it) return 0;
    }
    return anext_result(a, pync_iter_send(a->it, v));
}

static pv anext_next(pv self) { return anext_send_value((anext_awaitable *)self, pync_None); }

static pv anext_send(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("send", nargs, kwnames, 1, 1) < 0) return 0;
    return anext_send_value((anext_awaitable *)self, args[0]);
}

static pv anext_throw(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("throw", nargs, kwnames, 1, 3) < 0) return 0;
    anext_awaitable *a = (anext_awaitable *)self;
    if (!a->it) {
        a->it = await_iterator(a->wrapped);
        if (!a->it) return 0;
    }
    pv method = pync_type_lookup_cstr(pv_type(a->it), "throw");
    if (!method) {
        pv exc = pync_generator_make_thrown(args, nargs);
        return exc ? pync_raise(exc) : 0;
    }
    pv argv[4] = {a->it, args[0], nargs > 1 ? args[1] : 0, nargs > 2 ? args[2] : 0};
    return anext_result(a, pync_call(method, argv, nargs + 1, 0));
}

PYNC_METHOD(anext, send, anext_send, 0);
PYNC_METHOD(anext, throw, anext_throw, 0);
PYNC_METHOD(anext, close, awaitable_close, 0);
PYNC_METHOD(anext, __await__, awaitable_self, 0);

const pync_type pync_anext_awaitable_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "anext_awaitable", .basicsize = sizeof(anext_awaitable),
    .trace = anext_trace, .hash = pync_object_hash, .iter = awaitable_iter, .next = anext_next,
    .method_list = pync_methods__anext,
};

/* the builtins aiter(x) and anext(it[, default]) */
pv pync_builtin_aiter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("aiter", nargs, kwnames, 1, 1) < 0) return 0;
    return get_aiter(args[0], false);
}

pv pync_builtin_anext(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("anext", nargs, kwnames, 1, 2) < 0) return 0;
    pv method = pync_type_lookup_cstr(pv_type(args[0]), "__anext__");
    if (!method) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "'%T' object is not an async iterator", args[0]);
    }
    pv awaitable = pync_call1(method, args[0]);
    if (!awaitable || nargs == 1) return awaitable;
    anext_awaitable *a = pync_gc_alloc(sizeof(anext_awaitable), &pync_anext_awaitable_type);
    if (!a) return 0;
    a->wrapped = awaitable;
    a->dflt = args[1];
    return (pv)a;
}

/* ---- async for ------------------------------------------------------------------------------------ */

/* pync_yield_from_step for the await of __anext__(): 0 also when the iterator is exhausted
   (StopAsyncIteration, taken), which pync_async_for_item then reports. */
int pync_async_for_step(pv gen, pv it) {
    int k = pync_yield_from_step(gen, it);
    if (k < 0 && pync_isinstance_type(pync_current_exc, &pync_StopAsyncIteration_type)) {
        pync_exc_clear();
        ((pync_generator *)gen)->yf_result = 0;
        return 0;
    }
    return k;
}

/* The item the finished await produced, or 0 (no exception) when the loop is over. */
pv pync_async_for_item(pv gen) {
    pync_generator *g = (pync_generator *)gen;
    pv item = g->yf_result;
    g->yf_result = 0;
    return item;
}

/* ---- async with ----------------------------------------------------------------------------------- */

/* `async with mgr`: (type(mgr).__aexit__ bound to mgr, the awaitable of type(mgr).__aenter__(mgr)). */
pv pync_async_with_enter(pv mgr) {
    return pync_enter_context(mgr, "__aenter__", "__aexit__", "asynchronous context manager");
}

/* Leaving an `async with` body: the awaitable of aexit(None, None, None), or of
   aexit(type, exc, tb) when the body raised `exc`. */
pv pync_async_with_exit(pv aexit, pv exc) { return pync_call_exit(aexit, exc); }
