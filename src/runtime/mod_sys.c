/* mod_sys.c — the parts of the sys module a compiled program can use: argv, exit, stdout, stderr,
 * maxsize, byteorder, version information (version_info as a named tuple, implementation as a
 * namespace), recursion limit, int/float info. */
#include "pync.h"
#include "internal.h"
#include "numeric.h"
#include "stdmods.h"

#ifndef PYNC_SYS_PLATFORM
#define PYNC_SYS_PLATFORM "linux"
#endif

static pv sys_argv;

static void sys_roots(void);

void pync_sys_set_argv(int argc, char **argv) {
    /* rooted from start-up: a program may run long before it imports sys */
    pync_register_static_roots(sys_roots);
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

/* async_gen.c */
pv pync_sys_set_asyncgen_hooks(pv self, pv *args, size_t nargs, pv kwnames);
pv pync_sys_get_asyncgen_hooks(pv self, pv *args, size_t nargs, pv kwnames);

static const pync_method_def sys_functions[] = {
    {"set_asyncgen_hooks", pync_sys_set_asyncgen_hooks, 0},
    {"get_asyncgen_hooks", pync_sys_get_asyncgen_hooks, 0},
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

/* ---- sys.version_info: a tuple whose items are also attributes (CPython's struct sequence) --- */

static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
#define N_VERSION_FIELDS (sizeof version_fields / sizeof version_fields[0])

static pv version_info_getattr(pv self, pv name) {
    const pync_tuple *t = (const pync_tuple *)self;
    for (size_t i = 0; i < N_VERSION_FIELDS && i < t->size; i++) {
        if (pync_str_eq_cstr(name, version_fields[i])) return t->items[i];
    }
    return pync_generic_getattr(self, name);
}

static pv version_info_repr(pv self) {
    const pync_tuple *t = (const pync_tuple *)self;
    pync_strbuf b;
    if (pync_strbuf_init(&b, 96) < 0 || pync_strbuf_append_cstr(&b, "sys.version_info(") < 0) return 0;
    for (size_t i = 0; i < N_VERSION_FIELDS && i < t->size; i++) {
        pv r = pync_repr(t->items[i]);
        if (!r || (i && pync_strbuf_append_cstr(&b, ", ") < 0) || pync_strbuf_append_cstr(&b, version_fields[i]) < 0 ||
            pync_strbuf_append_cstr(&b, "=") < 0 || pync_strbuf_append_str(&b, r) < 0) {
            return 0;
        }
    }
    if (pync_strbuf_append_cstr(&b, ")") < 0) return 0;
    return pync_strbuf_finish(&b);
}

static pv version_info_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return pync_raise_fmt(&pync_TypeError_type, "cannot create '%s' instances", t->name);
}

static pync_type version_info_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "sys.version_info", .base = &pync_tuple_type,
    .flags = PYNC_TF_TUPLE_SUBCLASS, .basicsize = sizeof(pync_tuple), .repr = version_info_repr,
    .getattr = version_info_getattr, .construct = version_info_construct,
};

static pv version_info_new(void) {
    if (pync_stdmod_ready(&version_info_type, "sys") < 0) return 0;
    pv t = pync_tuple_pack(5, pv_from_small(3), pv_from_small(11), pv_from_small(7), pync_str_from_cstr("final"),
                           pv_from_small(0));
    if (!t || !((const pync_tuple *)t)->items[3]) return 0;
    ((pync_object *)t)->type = &version_info_type;
    return t;
}

/* ---- sys.implementation: a namespace (types.SimpleNamespace) ------------------------------------ */

typedef struct namespace_object {
    pync_object ob;
    pv dict;
} namespace_object;

static void namespace_trace(pync_object *o) { pync_gc_visit(((namespace_object *)o)->dict); }

static pv namespace_repr(pv self) {
    pv dict = ((const namespace_object *)self)->dict;
    pync_strbuf b;
    if (pync_strbuf_init(&b, 64) < 0 || pync_strbuf_append_cstr(&b, "namespace(") < 0) return 0;
    size_t pos = 0;
    pv key, value;
    for (bool first = true; pync_dict_next(dict, &pos, &key, &value); first = false) {
        pv r = pync_repr(value);
        if (!r || (!first && pync_strbuf_append_cstr(&b, ", ") < 0) || pync_strbuf_append_str(&b, key) < 0 ||
            pync_strbuf_append_cstr(&b, "=") < 0 || pync_strbuf_append_str(&b, r) < 0) {
            return 0;
        }
    }
    if (pync_strbuf_append_cstr(&b, ")") < 0) return 0;
    return pync_strbuf_finish(&b);
}

static pv namespace_richcompare(pv a, pv b, pync_cmpop op) {
    if ((op != PYNC_EQ && op != PYNC_NE) || pv_type(b) != pv_type(a)) return pync_NotImplemented;
    int eq = pync_equal(((const namespace_object *)a)->dict, ((const namespace_object *)b)->dict);
    if (eq < 0) return 0;
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

static pync_type namespace_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "types.SimpleNamespace", .base = &pync_object_type,
    .basicsize = sizeof(namespace_object), .dictoffset = offsetof(namespace_object, dict), .trace = namespace_trace,
    .repr = namespace_repr, .richcompare = namespace_richcompare,
};

static pv implementation_new(pv version_info) {
    if (pync_stdmod_ready(&namespace_type, "types") < 0) return 0;
    namespace_object *ns = pync_gc_alloc(sizeof(namespace_object), &namespace_type);
    if (!ns || !(ns->dict = pync_dict_new())) return 0;
    /* name 'cpython': programs test it to choose CPython's behaviour, which is what pync
       reproduces (sys.version says pync); no bytecode cache (cache_tag None, as the sys docs
       allow) */
    pv name = pync_str_from_cstr("cpython");
    if (!name || !version_info) return 0;
    struct { const char *key; pv value; } items[] = {
        {"name", name}, {"cache_tag", pync_None}, {"version", version_info},
        {"hexversion", pync_int_from_i64(0x030b07f0)},
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        pv key = pync_str_from_cstr(items[i].key);
        if (!key || !items[i].value || pync_dict_setitem(ns->dict, key, items[i].value) < 0) return 0;
    }
    return (pv)ns;
}

static void sys_roots(void) { pync_gc_visit(sys_argv); }

pv pync_loaded_modules(void);   /* module.c */

/* sys.path: where the program's modules came from, the executable's folder (as CPython's first
   entry is the script's); pync finds modules at compile time, so nothing else is searched */
static pv program_path(void) {
    pv l = pync_list_new(0);
    if (!l) return 0;
    pv dir = pync_str_from_cstr("");
    if (sys_argv && pync_len(sys_argv) > 0) {
        pv args[1] = {pync_str_from_cstr("/")};
        pv parts = args[0] ? pync_call_method(((const pync_list *)sys_argv)->items[0], pync_str_from_cstr("rpartition"), args, 1, 0) : 0;
        if (!parts) return 0;
        dir = ((const pync_tuple *)parts)->items[0];
    }
    if (!dir || pync_list_append(l, dir) < 0) return 0;
    return l;
}

static int sys_init(pv m) {
    pync_register_static_roots(sys_roots);
    if (pync_module_add_functions(m, sys_functions) < 0) return -1;
    uint16_t probe = 1;
    int little = *(uint8_t *)&probe == 1;
    pv version_info = version_info_new();
    if (pync_module_add(m, "argv", sys_argv ? sys_argv : pync_list_new(0)) < 0 ||
        pync_module_add(m, "stdin", pync_textio_new(0)) < 0 ||
        pync_module_add(m, "stdout", pync_textio_new(1)) < 0 ||
        pync_module_add(m, "stderr", pync_textio_new(2)) < 0 ||
        pync_module_add(m, "maxsize", pync_int_from_i64(sizeof(void *) == 8 ? INT64_MAX : INT32_MAX)) < 0 ||
        pync_module_add(m, "byteorder", pync_str_from_cstr(little ? "little" : "big")) < 0 ||
        pync_module_add(m, "version", pync_str_from_cstr("3.11.7 (pync)")) < 0 ||
        pync_module_add(m, "version_info", version_info) < 0 ||
        pync_module_add(m, "hexversion", pync_int_from_i64(0x030b07f0)) < 0 ||
        pync_module_add(m, "implementation", implementation_new(version_info)) < 0 ||
        pync_module_add(m, "platform", pync_str_from_cstr(PYNC_SYS_PLATFORM)) < 0 ||
        pync_module_add(m, "maxunicode", pync_int_from_i64(0x10ffff)) < 0 ||
        pync_module_add(m, "modules", pync_loaded_modules()) < 0 ||
        pync_module_add(m, "path", program_path()) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_sys = {"sys", sys_init};
