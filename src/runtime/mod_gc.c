/* mod_gc.c — the gc module: collect(), enable(), disable(), isenabled(), get_threshold(),
 * set_threshold().
 *
 * pync's collector (gc.c) is a tracing mark-sweep collector, not CPython's reference counting
 * plus a cycle detector: collect() runs a full collection and returns 0 (CPython returns the
 * number of unreachable objects it found, which only cycles make nonzero). disable() is recorded
 * only: isenabled() reports it, but collections still run when allocation needs them, since
 * without reference counting nothing else would ever free memory. The thresholds are recorded
 * and reported the same way. */
#include "numeric.h"
#include "containers.h"

static bool gc_enabled = true;
static int64_t thresholds[3] = {700, 10, 10};

static pv gc_collect(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"generation", NULL};
    pv a[1] = {0};
    if (nargs > 1) {
        return pync_raise_fmt(&pync_TypeError_type, "collect() takes at most 1 argument (%zd given)", (ptrdiff_t)nargs);
    }
    if (pync_parse_args("collect", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    if (a[0]) {
        int64_t g;
        if (pync_index(a[0], &g) < 0) return 0;
        if (g < 0 || g > 2) return pync_raise_fmt(&pync_ValueError_type, "invalid generation");
    }
    pync_gc_collect();
    return pv_from_small(0);
}

static pv gc_enable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_no_args("gc.enable", nargs, kwnames) < 0) return 0;
    gc_enabled = true;
    return pync_None;
}

static pv gc_disable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_no_args("gc.disable", nargs, kwnames) < 0) return 0;
    gc_enabled = false;   /* recorded only: see the file comment */
    return pync_None;
}

static pv gc_isenabled(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_no_args("gc.isenabled", nargs, kwnames) < 0) return 0;
    return pync_bool(gc_enabled);
}

static pv gc_get_threshold(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_no_args("gc.get_threshold", nargs, kwnames) < 0) return 0;
    return pync_tuple_pack(3, pync_int_from_i64(thresholds[0]), pync_int_from_i64(thresholds[1]),
                           pync_int_from_i64(thresholds[2]));
}

static pv gc_set_threshold(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_no_kwargs("set_threshold", kwnames) < 0) return 0;
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "set_threshold() takes at least 1 argument (0 given)");
    if (nargs > 3) return pync_raise_fmt(&pync_TypeError_type, "set_threshold() takes at most 3 arguments (%zd given)", (ptrdiff_t)nargs);
    int64_t v[3] = {thresholds[0], thresholds[1], thresholds[2]};
    for (size_t i = 0; i < nargs; i++) {
        int64_t x;
        if (pync_index(args[i], &x) < 0) return 0;
        if (x > INT32_MAX || x < INT32_MIN) {
            return pync_raise_fmt(&pync_OverflowError_type, "signed integer is %s than %s", x > 0 ? "greater" : "less",
                                  x > 0 ? "maximum" : "minimum");
        }
        v[i] = x;
    }
    for (int i = 0; i < 3; i++) thresholds[i] = v[i];
    return pync_None;
}

static const pync_method_def gc_functions[] = {
    {"collect", gc_collect, 0},
    {"enable", gc_enable, 0},
    {"disable", gc_disable, 0},
    {"isenabled", gc_isenabled, 0},
    {"get_threshold", gc_get_threshold, 0},
    {"set_threshold", gc_set_threshold, 0},
    {NULL, NULL, 0},
};

static int gc_init(pv m) { return pync_module_add_functions(m, gc_functions); }

const pync_builtin_module pync_mod_gc = {"gc", gc_init};
