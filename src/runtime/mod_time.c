/* mod_time.c — the time module: time, time_ns, perf_counter, monotonic, process_time, sleep. */
#include "pync.h"
#include "internal.h"
#include "platform/platform.h"

static pv t_time(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("time", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_float_new(pync_platform_time());
}

static pv t_time_ns(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("time_ns", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_int_from_i64((int64_t)(pync_platform_time() * 1e9));
}

static pv t_perf_counter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("perf_counter", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_float_new(pync_platform_monotonic());
}

static pv t_perf_counter_ns(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("perf_counter_ns", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_int_from_i64((int64_t)(pync_platform_monotonic() * 1e9));
}

static pv t_sleep(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("sleep", nargs, kwnames, 1, 1) < 0) return 0;
    double secs;
    if (pync_as_double(args[0], &secs) < 0) return 0;
    if (secs < 0) return pync_raise_fmt(&pync_ValueError_type, "sleep length must be non-negative");
    pync_flush(1);
    pync_platform_sleep(secs);
    return pync_None;
}

static const pync_method_def time_functions[] = {
    {"time", t_time, 0},
    {"time_ns", t_time_ns, 0},
    {"perf_counter", t_perf_counter, 0},
    {"perf_counter_ns", t_perf_counter_ns, 0},
    {"monotonic", t_perf_counter, 0},
    {"monotonic_ns", t_perf_counter_ns, 0},
    {"process_time", t_perf_counter, 0},
    {"sleep", t_sleep, 0},
    {NULL, NULL, 0},
};

static int time_init(pv m) { return pync_module_add_functions(m, time_functions); }

const pync_builtin_module pync_mod_time = {"time", time_init};
