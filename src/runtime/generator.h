/* generator.h — the generator object, shared by generator.c (generators, coroutines, yield
 * from, await) and async_gen.c (async generators, async for/with, aiter/anext).
 *
 * A generator, coroutine or async generator is one object whose tail holds its LLVM coroutine
 * frame; generator.c resumes it. Async generators tell their own `yield` (a value for the
 * consumer: PYNC_GEN_WRAPPED) from suspensions of an `await` inside them (passed through to
 * the event loop), as CPython's wrapped values do. */
#ifndef PYNC_GENERATOR_H
#define PYNC_GENERATOR_H
#include "pync.h"

enum pync_gen_state { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };

enum {
    PYNC_GEN_WRAPPED = 1,             /* async generator: the last suspension was its own yield */
    PYNC_GEN_ITERABLE_COROUTINE = 2,  /* types.coroutine: a generator that `await` accepts */
    PYNC_GEN_ASYNC_RUNNING = 4,       /* async generator: an asend/athrow is in progress */
    PYNC_GEN_CLOSED = 8,              /* async generator: finished or closed (ag_closed) */
    PYNC_GEN_HOOKED = 16,             /* async generator: the firstiter hook has seen it */
};

typedef struct pync_generator {
    pync_object ob;
    const pync_code *code;
    pv func;
    pv yielded;              /* the value of the last yield */
    pv sent;                 /* the value send() passes in */
    pv thrown;               /* the exception throw() passes in, or 0 */
    pv retval;               /* the return value, once done */
    pv yf_result;            /* the result of the finished `yield from` */
    pv handled;              /* handled exceptions saved while suspended (tuple) or 0 */
    void *handle;            /* the coroutine frame */
    size_t frame_size;
    uint8_t state;
    uint8_t flags;           /* PYNC_GEN_* */
    _Alignas(16) unsigned char frame[];
} pync_generator;

extern const pync_type pync_generator_type, pync_coroutine_type, pync_async_generator_type;

enum pync_resume_result { RESUME_YIELDED, RESUME_RETURNED, RESUME_ERROR };

/* Runs the generator until it yields (g->yielded), returns (g->retval) or raises. */
enum pync_resume_result pync_generator_resume(pync_generator *g, pv sent, pv thrown);
/* gen.throw(exc) without the argument checks: also finishes a generator that never started. */
enum pync_resume_result pync_generator_throw_into(pync_generator *g, pv exc);
/* The exception instance throw(type[, value[, tb]]) means, or 0 with TypeError raised. */
pv pync_generator_make_thrown(pv *args, size_t nargs);
/* Raises StopIteration carrying `value` (none for None). Returns 0. */
pv pync_raise_stop_iteration(pv value);
/* Sends v into an iterator an `await` or `yield from` drives: the next value, or 0 with
   StopIteration(result) or another exception raised. */
pv pync_iter_send(pv it, pv v);
/* One step of `yield from it` / `await`: 1 yielded, 0 finished (pync_generator_yf_result), -1. */
int pync_yield_from_step(pv gen, pv it);

/* The slots the three types share. */
void pync_generator_trace(pync_object *o);
pv pync_generator_repr(pv self);
pv pync_generator_getattr(pv self, pv name);

#endif
