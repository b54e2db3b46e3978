/* generator.c — generator and coroutine objects.
 *
 * The compiler turns a generator function into an LLVM coroutine (switched-resume lowering):
 * calling it creates a pync_generator whose tail holds the coroutine frame, runs to the initial
 * suspend point and returns the object. Each next()/send()/throw() resumes the frame with
 * __builtin_coro_resume; the body communicates through the object:
 *
 *   yield v        pync_generator_yield(gen, v), suspend, then pync_generator_resume_value(gen)
 *                  (the value sent in, or the exception thrown in, raised at the yield)
 *   yield from it  pync_yield_from_iter, then pync_yield_from_step until it returns 0
 *   return v       pync_generator_return(gen, v), final suspend
 *   an exception   pync_generator_raised(gen), final suspend (PEP 479: StopIteration becomes
 *                  RuntimeError)
 *
 * The frame's layout is LLVM's: the collector scans it conservatively. A generator that yields
 * inside an except block keeps the exceptions it was handling while it is suspended. The object
 * is drawn in generator.h; async generators are in async_gen.c. */
#include "pync.h"
#include "generator.h"
#include "internal.h"
#include "platform/platform.h"

void pync_generator_trace(pync_object *o) {
    pync_generator *g = (pync_generator *)o;
    pync_gc_visit(g->func);
    pync_gc_visit(g->yielded);
    pync_gc_visit(g->sent);
    pync_gc_visit(g->thrown);
    pync_gc_visit(g->retval);
    pync_gc_visit(g->yf_result);
    pync_gc_visit(g->handled);
    pync_gc_visit_conservative(g->frame, g->frame_size);
}

/* ---- called by compiled code ------------------------------------------------------------------ */

/* The object a generator function's call returns, with room for its coroutine frame. */
pv pync_generator_new(const pync_code *code, pv func, size_t frame_size) {
    const pync_type *type = !(code->flags & PYNC_CO_COROUTINE) ? &pync_generator_type
                            : (code->flags & PYNC_CO_GENERATOR) ? &pync_async_generator_type : &pync_coroutine_type;
    pync_generator *g = pync_gc_alloc(sizeof(pync_generator) + frame_size, type);
    if (!g) {
        /* the coroutine has to start somewhere: an allocation failure this small ends the program */
        pync_write(2, "MemoryError: no memory for a generator frame\n", 45);
        pync_platform_exit(1);
    }
    g->code = code;
    g->func = func;
    if (func && pv_type(func) == &pync_function_type && (((pync_function *)func)->flags & PYNC_FUNC_ITERABLE_COROUTINE)) {
        g->flags = PYNC_GEN_ITERABLE_COROUTINE;
    }
    g->frame_size = frame_size;
    g->state = GEN_CREATED;
    return (pv)g;
}

void *pync_generator_frame(pv gen) { return ((pync_generator *)gen)->frame; }

void pync_generator_set_handle(pv gen, void *handle) { ((pync_generator *)gen)->handle = handle; }

void pync_generator_yield(pv gen, pv value) { ((pync_generator *)gen)->yielded = value; }

/* After a yield resumes: the value sent in, or 0 with the thrown exception raised. */
pv pync_generator_resume_value(pv gen) {
    pync_generator *g = (pync_generator *)gen;
    if (g->thrown) {
        pv exc = g->thrown;
        g->thrown = 0;
        return pync_raise(exc);
    }
    return g->sent ? g->sent : pync_None;
}

void pync_generator_return(pv gen, pv value) {
    pync_generator *g = (pync_generator *)gen;
    g->retval = value;
    g->state = GEN_DONE;
}

static const char *gen_kind(pv gen) {
    const pync_type *t = pv_type(gen);
    return t == &pync_coroutine_type ? "coroutine" : t == &pync_async_generator_type ? "async generator" : "generator";
}

/* The body raised: the generator is finished; StopIteration leaking out is a RuntimeError. */
void pync_generator_raised(pv gen) {
    pync_generator *g = (pync_generator *)gen;
    g->state = GEN_DONE;
    pv exc = pync_current_exc;
    bool async_gen = pv_type(gen) == &pync_async_generator_type;
    if (exc && (pync_isinstance_type(exc, &pync_StopIteration_type) ||
                (async_gen && pync_isinstance_type(exc, &pync_StopAsyncIteration_type)))) {
        pync_exc_clear();
        pync_raise_fmt(&pync_RuntimeError_type, "%s raised %s", gen_kind(gen), pv_type(exc)->name);
        if (pync_current_exc) pync_setattr(pync_current_exc, pync_str_from_cstr("__cause__"), exc);
    }
}

/* A generator expression inlined into its caller (sum(x for x in ...)) raised: PEP 479 as
   pync_generator_raised applies it. The exception stays set. */
void pync_generator_stop_to_runtime_error(void) {
    pv exc = pync_current_exc;
    if (exc && pync_isinstance_type(exc, &pync_StopIteration_type)) {
        pync_exc_clear();
        pync_raise_fmt(&pync_RuntimeError_type, "generator raised StopIteration");
        if (pync_current_exc) pync_setattr(pync_current_exc, pync_str_from_cstr("__cause__"), exc);
    }
}

/* ---- resuming --------------------------------------------------------------------------------- */

/* Runs the generator until it yields, returns or raises. */
enum pync_resume_result pync_generator_resume(pync_generator *g, pv sent, pv thrown) {
    const char *what = gen_kind((pv)g);
    switch (g->state) {
    case GEN_RUNNING:
        pync_raise_fmt(&pync_ValueError_type, "%s already executing", what);
        return RESUME_ERROR;
    case GEN_DONE:
        if (thrown) {
            pync_raise(thrown);
            return RESUME_ERROR;
        }
        if (pv_type((pv)g) == &pync_coroutine_type) {
            pync_raise_fmt(&pync_RuntimeError_type, "cannot reuse already awaited coroutine");
            return RESUME_ERROR;
        }
        g->retval = pync_None;
        return RESUME_RETURNED;
    case GEN_CREATED:
        if (!thrown && sent && sent != pync_None) {
            pync_raise_fmt(&pync_TypeError_type, "can't send non-None value to a just-started %s", what);
            return RESUME_ERROR;
        }
        break;
    default:
        break;
    }
    if (pync_enter() < 0) return RESUME_ERROR;
    g->sent = sent;
    g->thrown = thrown;
    g->state = GEN_RUNNING;
    g->flags &= (uint8_t)~PYNC_GEN_WRAPPED;
    size_t depth = pync_exc_handled_depth();
    pync_exc_handled_restore(g->handled);
    g->handled = 0;
    /* llvm.coro.resume, spelled out: a switched-resume frame starts with its resume function */
    (*(void (**)(void *))g->handle)(g->handle);
    pync_leave();
    g->sent = 0;
    if (g->state != GEN_DONE) {
        g->state = GEN_SUSPENDED;
        pv saved = pync_current_exc;
        g->handled = pync_exc_handled_take(depth);
        pync_current_exc = saved;
        return RESUME_YIELDED;
    }
    /* finished: whatever it was handling is no longer handled */
    (void)pync_exc_handled_take(depth);
    g->handled = 0;
    return pync_current_exc ? RESUME_ERROR : RESUME_RETURNED;
}

pv pync_raise_stop_iteration(pv value) {
    if (!value || value == pync_None) return pync_raise((pv)&pync_StopIteration_type);
    pv exc = pync_call1((pv)&pync_StopIteration_type, value);
    return exc ? pync_raise(exc) : 0;
}

pv pync_raise_exhausted(pv it) {
    if (!pv_is_small(it) && pv_type(it) == &pync_generator_type) {
        const pync_generator *g = (const pync_generator *)it;
        if (g->state == GEN_DONE) return pync_raise_stop_iteration(g->retval);
    }
    return pync_raise((pv)&pync_StopIteration_type);
}

static pv gen_iternext(pv self) {
    pync_generator *g = (pync_generator *)self;
    switch (pync_generator_resume(g, pync_None, 0)) {
    case RESUME_YIELDED: return g->yielded;
    case RESUME_RETURNED: return 0;   /* exhausted */
    default: return 0;
    }
}

static pv gen_send(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("send", nargs, kwnames, 1, 1) < 0) return 0;
    pync_generator *g = (pync_generator *)self;
    switch (pync_generator_resume(g, args[0], 0)) {
    case RESUME_YIELDED: return g->yielded;
    case RESUME_RETURNED: return pync_raise_stop_iteration(g->retval);
    default: return 0;
    }
}

/* throw(exc) / throw(type[, value[, tb]]): the exception instance to raise inside. */
pv pync_generator_make_thrown(pv *args, size_t nargs) {
    pv typ = args[0];
    pv val = nargs > 1 ? args[1] : pync_None;
    if (pv_type(typ) == &pync_type_type || pync_isinstance_type(typ, &pync_type_type)) {
        if (!(((const pync_type *)typ)->flags & PYNC_TF_EXCEPTION)) goto bad;
        if (pync_isinstance_type(val, (const pync_type *)typ)) return val;
        pv exc = val == pync_None ? pync_call0(typ)
                 : pync_isinstance_type(val, &pync_tuple_type) ? pync_call_ex(typ, val, 0) : pync_call1(typ, val);
        if (exc && !(pv_type(exc)->flags & PYNC_TF_EXCEPTION)) {
            return pync_raise_fmt(&pync_TypeError_type, "calling %R should have returned an instance of BaseException, not %T",
                                  typ, exc);
        }
        return exc;
    }
    if (pv_type(typ)->flags & PYNC_TF_EXCEPTION) {
        if (val != pync_None) return pync_raise_fmt(&pync_TypeError_type, "instance exception may not have a separate value");
        return typ;
    }
bad:
    return pync_raise_fmt(&pync_TypeError_type, "exceptions must be classes or instances deriving from BaseException, not %T", typ);
}

enum pync_resume_result pync_generator_throw_into(pync_generator *g, pv exc) {
    if (g->state == GEN_CREATED) {
        /* never started: raised at once, and the generator is finished */
        g->state = GEN_DONE;
        pync_raise(exc);
        return RESUME_ERROR;
    }
    return pync_generator_resume(g, pync_None, exc);
}

static pv gen_throw(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("throw", nargs, kwnames, 1, 3) < 0) return 0;
    pync_generator *g = (pync_generator *)self;
    pv exc = pync_generator_make_thrown(args, nargs);
    if (!exc) return 0;
    switch (pync_generator_throw_into(g, exc)) {
    case RESUME_YIELDED: return g->yielded;
    case RESUME_RETURNED: return pync_raise_stop_iteration(g->retval);
    default: return 0;
    }
}

static pv gen_close(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("close", nargs, kwnames, 0, 0) < 0) return 0;
    pync_generator *g = (pync_generator *)self;
    if (g->state == GEN_CREATED || g->state == GEN_DONE) {
        g->state = GEN_DONE;
        return pync_None;
    }
    pv exit = pync_call0((pv)&pync_GeneratorExit_type);
    if (!exit) return 0;
    switch (pync_generator_resume(g, pync_None, exit)) {
    case RESUME_YIELDED:
        return pync_raise_fmt(&pync_RuntimeError_type, "generator ignored GeneratorExit");
    case RESUME_RETURNED:
        return pync_None;
    default:
        if (pync_isinstance_type(pync_current_exc, &pync_GeneratorExit_type) ||
            pync_isinstance_type(pync_current_exc, &pync_StopIteration_type)) {
            pync_exc_clear();
            return pync_None;
        }
        return 0;
    }
}

/*
 * A generator the compiled code lets go of while it is suspended (a `for` loop left early over
 * a generator only it held): closed now, as CPython's reference counting would close it. Like
 * CPython's finaliser it leaves any exception being raised alone, and reports an error of the
 * close as "Exception ignored in: ..." on stderr.
 */
void pync_generator_release(pv it) {
    if (pv_is_small(it) || pv_type(it) != &pync_generator_type) return;
    pync_generator *g = (pync_generator *)it;
    if (g->state != GEN_SUSPENDED) return;
    pv saved = pync_exc_fetch();
    if (!gen_close(it, NULL, 0, 0)) {
        pync_report_ignored(it);
    }
    pync_current_exc = saved;
}

/* ---- yield from / await ------------------------------------------------------------------------- */

/* `yield from x`: iter(x); the first step sends None. */
pv pync_yield_from_iter(pv gen, pv x) {
    pync_generator *g = (pync_generator *)gen;
    pv it;
    if (pv_type(x) == &pync_coroutine_type && pv_type(gen) == &pync_generator_type) {
        return pync_raise_fmt(&pync_TypeError_type, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    if (pv_type(x) == &pync_generator_type || pv_type(x) == &pync_coroutine_type) it = x;
    else it = pync_iter(x);
    if (!it) return 0;
    g->sent = pync_None;
    return it;
}

/* `await x`: the iterator of x's __await__ (a coroutine awaits itself). */
pv pync_await_iter(pv gen, pv x) {
    pync_generator *g = (pync_generator *)gen;
    g->sent = pync_None;
    if (pv_type(x) == &pync_coroutine_type) {
        if (((pync_generator *)x)->state == GEN_DONE) {
            return pync_raise_fmt(&pync_RuntimeError_type, "cannot reuse already awaited coroutine");
        }
        return x;
    }
    if (pv_type(x) == &pync_generator_type && (((pync_generator *)x)->flags & PYNC_GEN_ITERABLE_COROUTINE)) return x;
    pv method = pync_type_lookup_cstr(pv_type(x), "__await__");
    if (!method) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "object %T can't be used in 'await' expression", x);
    }
    pv it = pync_call1(method, x);
    if (!it) return 0;
    if (pv_type(it) == &pync_coroutine_type || !pv_type(it)->next) {
        return pync_raise_fmt(&pync_TypeError_type, "__await__() returned non-iterator of type '%T'", it);
    }
    return it;
}

/* The StopIteration being raised, as the finished delegation's result. 0 (done) or -1. */
static int take_stop_value(pync_generator *g) {
    if (!pync_isinstance_type(pync_current_exc, &pync_StopIteration_type)) return -1;
    pv exc = pync_exc_fetch();
    pv v = pync_getattr_cstr(exc, "value");
    if (!v) return -1;
    g->yf_result = v;
    return 0;
}

/*
 * One step of `yield from it`: passes what the generator received (a value or a thrown
 * exception) on to `it`. 1: it yielded (the value is the generator's yielded value, to be
 * yielded on); 0: it finished (pync_generator_yf_result); -1: an exception.
 */
int pync_yield_from_step(pv gen, pv it) {
    pync_generator *g = (pync_generator *)gen;
    pv sent = g->sent ? g->sent : pync_None;
    pv thrown = g->thrown;
    g->thrown = 0;
    g->sent = 0;
    bool native = pv_type(it) == &pync_generator_type || pv_type(it) == &pync_coroutine_type;
    if (thrown) {
        if (pync_isinstance_type(thrown, &pync_GeneratorExit_type)) {
            /* close the delegate, then raise GeneratorExit here */
            pv r = native ? gen_close(it, NULL, 0, 0) : 0;
            if (!native) {
                pv close = pync_type_lookup_cstr(pv_type(it), "close");
                r = close ? pync_call1(close, it) : pync_None;
            }
            if (!r) return -1;
            pync_raise(thrown);
            return -1;
        }
        pv r;
        if (native) {
            r = gen_throw(it, &thrown, 1, 0);
        } else {
            pv method = pync_type_lookup_cstr(pv_type(it), "throw");
            if (!method) {
                pync_raise(thrown);
                return -1;
            }
            r = pync_call2(method, it, thrown);
        }
        if (r) {
            g->yielded = r;
            return 1;
        }
        return take_stop_value(g);
    }
    if (native) {
        pync_generator *sub = (pync_generator *)it;
        switch (pync_generator_resume(sub, sent, 0)) {
        case RESUME_YIELDED:
            g->yielded = sub->yielded;
            return 1;
        case RESUME_RETURNED:
            g->yf_result = sub->retval ? sub->retval : pync_None;
            return 0;
        default:
            return -1;
        }
    }
    pv r;
    if (sent == pync_None && (pv_type(it)->flags & PYNC_TF_HEAPTYPE)) {
        /* a class's __next__: the StopIteration it raises carries the result */
        pv name = pync_str_from_cstr("__next__");
        r = name ? pync_call_method(it, name, NULL, 0, 0) : 0;
    } else if (sent == pync_None) {
        r = pync_next(it);
        if (!r && !pync_current_exc) {
            g->yf_result = pync_None;
            return 0;
        }
    } else {
        r = pync_call_method(it, pync_str_from_cstr("send"), &sent, 1, 0);
    }
    if (r) {
        g->yielded = r;
        return 1;
    }
    return take_stop_value(g);
}

pv pync_iter_send(pv it, pv v) {
    const pync_type *t = pv_type(it);
    if (t == &pync_generator_type || t == &pync_coroutine_type) {
        pync_generator *g = (pync_generator *)it;
        switch (pync_generator_resume(g, v, 0)) {
        case RESUME_YIELDED: return g->yielded;
        case RESUME_RETURNED: return pync_raise_stop_iteration(g->retval);
        default: return 0;
        }
    }
    if (v == pync_None && t->next && !(t->flags & PYNC_TF_HEAPTYPE)) {
        pv r = pync_next(it);
        return r || pync_current_exc ? r : pync_raise((pv)&pync_StopIteration_type);
    }
    if (v == pync_None) {
        pv name = pync_str_from_cstr("__next__");
        return name ? pync_call_method(it, name, NULL, 0, 0) : 0;
    }
    pv name = pync_str_from_cstr("send");
    return name ? pync_call_method(it, name, &v, 1, 0) : 0;
}

pv pync_generator_yf_result(pv gen) {
    pync_generator *g = (pync_generator *)gen;
    pv r = g->yf_result ? g->yf_result : pync_None;
    g->yf_result = 0;
    return r;
}

/* ---- the types ------------------------------------------------------------------------------------ */

pv pync_generator_repr(pv self) {
    pync_generator *g = (pync_generator *)self;
    return pync_str_fmt("<%s object %s at %p>", pv_type(self)->name, g->code->qualname, (void *)self);
}

/* name == prefix + rest (gi_running, cr_running, ag_running ...) */
static bool attr_is(pv name, const char *prefix, const char *rest) {
    const char *n = pync_str_data(name), *end = n + pync_str_size(name);
    while (*prefix) {
        if (n == end || *n++ != *prefix++) return false;
    }
    while (*rest) {
        if (n == end || *n++ != *rest++) return false;
    }
    return n == end;
}

pv pync_generator_getattr(pv self, pv name) {
    pync_generator *g = (pync_generator *)self;
    if (pync_str_eq_cstr(name, "__name__")) {
        pv n = g->func ? pync_getattr_cstr(g->func, "__name__") : 0;
        return n ? n : pync_str_from_cstr(g->code->name);
    }
    if (pync_str_eq_cstr(name, "__qualname__")) {
        pv n = g->func ? pync_getattr_cstr(g->func, "__qualname__") : 0;
        return n ? n : pync_str_from_cstr(g->code->qualname);
    }
    const pync_type *t = pv_type(self);
    bool async_gen = t == &pync_async_generator_type;
    const char *prefix = t == &pync_coroutine_type ? "cr_" : async_gen ? "ag_" : "gi_";
    if (attr_is(name, prefix, "running")) return pync_bool(async_gen ? (g->flags & PYNC_GEN_ASYNC_RUNNING) != 0 : g->state == GEN_RUNNING);
    if (attr_is(name, prefix, "frame")) return pync_None;
    if (!async_gen && attr_is(name, prefix, "suspended")) return pync_bool(g->state == GEN_SUSPENDED);
    return pync_generic_getattr(self, name);
}

static pv gen_iter(pv self) { return self; }

PYNC_METHOD(gen, send, gen_send, 0);
PYNC_METHOD(gen, throw, gen_throw, 0);
PYNC_METHOD(gen, close, gen_close, 0);

/* coroutine.__await__(): the coroutine itself acts as its iterator here */
static pv coro_await(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__await__", nargs, kwnames, 0, 0) < 0) return 0;
    return self;
}

PYNC_METHOD(coro, send, gen_send, 0);
PYNC_METHOD(coro, throw, gen_throw, 0);
PYNC_METHOD(coro, close, gen_close, 0);
PYNC_METHOD(coro, __await__, coro_await, 0);

const pync_type pync_generator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "generator", .basicsize = sizeof(pync_generator), .trace = pync_generator_trace,
    .repr = pync_generator_repr, .hash = pync_object_hash, .getattr = pync_generator_getattr, .iter = gen_iter, .next = gen_iternext,
    .method_list = pync_methods__gen,
};

const pync_type pync_coroutine_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "coroutine", .basicsize = sizeof(pync_generator), .trace = pync_generator_trace,
    .repr = pync_generator_repr, .hash = pync_object_hash, .getattr = pync_generator_getattr, .method_list = pync_methods__coro,
};
