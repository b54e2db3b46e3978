/* mod_sys.c — the parts of the sys module a compiled program can use: argv, exit, stdout, stderr,
 * maxsize, byteorder, version information, recursion limit, int/float info. */
#include "pync.h"
#include "internal.h"
#include "numeric.h"

#ifndef PYNC_SYS_PLATFORM
#define PYNC_SYS_PLATFORM "linux"
#endif

static pv sys_argv;

void pync_sys_set_argv(int argc, char **argv) {
    sys_argv = pync_list_new(0);
    for (int i = 0; sys_argv && i < argc; i++) {
        pv s = pync_str_from_cstr(argv[i]);
        if (!s || pync_list_append(sys_argv, s) < 0) return;
    }
}

static pv sys_exit(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("exit", nargs, kwnames, 0, 1) < 0) return 0;
    pv exc = pync_call((pv)&pync_SystemExit_type, args, nargs, 0);
    return exc ? pync_raise(exc) : 0;
}

static pv sys_getrecursionlimit(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("getrecursionlimit", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_int_from_i64(pync_recursion_limit);
}

static pv sys_setrecursionlimit(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("setrecursionlimit", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t n;
    if (pync_index(args[0], &n) < 0) return 0;
    if (n < 1) return pync_raise_fmt(&pync_ValueError_type, "recursion limit must be greater or equal than 1");
    pync_recursion_limit = n > 0x7fffffff ? 0x7fffffff : (int32_t)n;
    return pync_None;
}

static pv sys_intern(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("intern", nargs, kwnames, 1, 1) < 0) return 0;
    if (pv_type(args[0]) != &pync_str_type) return pync_raise_fmt(&pync_TypeError_type, "intern() argument must be str, not %T", args[0]);
    return pync_str_intern(args[0]);
}

static pv sys_getsizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("getsizeof", nargs, kwnames, 1, 2) < 0) return 0;
    return pync_int_from_i64(pv_is_small(args[0]) ? 28 : pv_type(args[0])->basicsize);
}

static pv sys_set_int_max_str_digits(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"maxdigits", NULL};
    pv a[1];
    if (pync_parse_args("set_int_max_str_digits", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    int64_t n;
    if (pync_index(a[0], &n) < 0) return 0;
    if (n != 0 && n < 640) return pync_raise_fmt(&pync_ValueError_type, "maxdigits must be 0 or larger than 640");
    pync_int_max_str_digits = n;
    return pync_None;
}

static pv sys_get_int_max_str_digits(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("get_int_max_str_digits", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_int_from_i64(pync_int_max_str_digits);
}

/* sys.exc_info(): the exception being handled, as (type, value, traceback). */
static pv sys_exc_info(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("exc_info", nargs, kwnames, 0, 0) < 0) return 0;
    pv e = pync_exc_handled();
    if (!e) return pync_tuple_pack(3, pync_None, pync_None, pync_None);
    pv tb = pync_getattr_cstr(e, "__traceback__");
    if (!tb) return 0;
    return pync_tuple_pack(3, (pv)pv_type(e), e, tb);
}

static pv sys_exception(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("exception", nargs, kwnames, 0, 0) < 0) return 0;
    pv e = pync_exc_handled();
    return e ? e : pync_None;
}

static const pync_method_def sys_functions[] = {
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0},
    {"exc_info", sys_exc_info, 0},
    {"exception", sys_exception, 0},
    {"exit", sys_exit, 0},
    {"getrecursionlimit", sys_getrecursionlimit, 0},
    {"setrecursionlimit", sys_setrecursionlimit, 0},
    {"intern", sys_intern, 0},
    {"getsizeof", sys_getsizeof, 0},
    {NULL, NULL, 0},
};

static void sys_roots(void) { pync_gc_visit(sys_argv); }

static int sys_init(pv m) {
    pync_register_static_roots(sys_roots);
    if (pync_module_add_functions(m, sys_functions) < 0) return -1;
    uint16_t probe = 1;
    int little = *(uint8_t *)&probe == 1;
    if (pync_module_add(m, "argv", sys_argv ? sys_argv : pync_list_new(0)) < 0 ||
        pync_module_add(m, "stdin", pync_textio_new(0)) < 0 ||
        pync_module_add(m, "stdout", pync_textio_new(1)) < 0 ||
        pync_module_add(m, "stderr", pync_textio_new(2)) < 0 ||
        pync_module_add(m, "maxsize", pync_int_from_i64(sizeof(void *) == 8 ? INT64_MAX : INT32_MAX)) < 0 ||
        pync_module_add(m, "byteorder", pync_str_from_cstr(little ? "little" : "big")) < 0 ||
        pync_module_add(m, "version", pync_str_from_cstr("3.11.7 (pync)")) < 0 ||
        pync_module_add(m, "version_info", pync_tuple_pack(5, pv_from_small(3), pv_from_small(11), pv_from_small(7),
                                                           pync_str_from_cstr("final"), pv_from_small(0))) < 0 ||
        pync_module_add(m, "hexversion", pync_int_from_i64(0x030b07f0)) < 0 ||
        pync_module_add(m, "implementation", pync_str_from_cstr("pync")) < 0 ||
        pync_module_add(m, "platform", pync_str_from_cstr(PYNC_SYS_PLATFORM)) < 0 ||
        pync_module_add(m, "maxunicode", pync_int_from_i64(0x10ffff)) < 0 ||
        pync_module_add(m, "modules", pync_dict_new()) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_sys = {"sys", sys_init};
