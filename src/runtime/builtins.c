/* builtins.c — the builtins module: print, len, isinstance, ... and the built-in names the
 * compiler resolves (types, exceptions, constants). Sequence helpers (sorted, min, max, sum,
 * enumerate, zip, ...) are implemented in iterators.c. */
#include "pync.h"
#include "internal.h"
#include "iterators.h"
#include "numeric.h"

/* iterators.c */
pv pync_enumerate_new(pv iterable, pv start);
pv pync_zip_new(pv *iterables, size_t n, bool strict);
pv pync_map_new(pv func, pv *iterables, size_t n);
pv pync_filter_new(pv func_or_None, pv iterable);
pv pync_reversed_new(pv seq);
pv pync_callable_iter_new(pv callable, pv sentinel);
pv pync_sorted(pv iterable, pv key, bool reverse);
pv pync_min_max(pv *args, size_t nargs, pv kwnames, bool is_max);
pv pync_sum(pv iterable, pv start);
pv pync_any(pv iterable);
pv pync_all(pv iterable);
/* io.c */
pv pync_read_line(void);
/* int.c */
pv pync_number_pow3(pv a, pv b, pv m);

static pv builtins_dict;

/* ---- print ---------------------------------------------------------------------------------- */

pv pync_print(pv *args, size_t nargs, pv kwnames) {
    static const char *const kw[] = {"sep", "end", "file", "flush", NULL};
    pv opts[4] = {0, 0, 0, 0};
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    for (size_t k = 0; k < nkw; k++) {
        pv name = ((const pync_tuple *)kwnames)->items[k];
        size_t i = 0;
        while (kw[i] && !pync_str_eq_cstr(name, kw[i])) i++;
        if (!kw[i]) return pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for print()", name);
        opts[i] = args[nargs + k];
    }
    pv sep = opts[0], end = opts[1], file = opts[2];
    if (sep && sep != pync_None && !pync_isinstance_type(sep, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "sep must be None or a string, not %T", sep);
    }
    if (end && end != pync_None && !pync_isinstance_type(end, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "end must be None or a string, not %T", end);
    }
    if (file == pync_None) file = 0;
    if (file && pv_type(file) != &pync_textio_type) {
        /* any object with write(): one call per piece (each value, separator, end), as CPython
           does; flush=True calls file.flush() */
        pv write = pync_str_from_cstr("write");
        pv sp = sep && sep != pync_None ? sep : pync_str_from_cstr(" ");
        pv nl = end && end != pync_None ? end : pync_str_from_cstr("\n");
        if (!write || !sp || !nl) return 0;
        for (size_t i = 0; i < nargs; i++) {
            if (i > 0 && !pync_call_method(file, write, &sp, 1, 0)) return 0;
            pv s = pync_str(args[i]);
            if (!s || !pync_call_method(file, write, &s, 1, 0)) return 0;
        }
        if (!pync_call_method(file, write, &nl, 1, 0)) return 0;
        if (opts[3]) {
            int t = pync_truth(opts[3]);
            if (t < 0) return 0;
            if (t && !pync_call_method(file, pync_str_from_cstr("flush"), NULL, 0, 0)) return 0;
        }
        return pync_None;
    }
    int fd = file ? pync_textio_fd(file) : 1;
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (sep && sep != pync_None) pync_write(fd, pync_str_data(sep), pync_str_size(sep));
            else pync_write(fd, " ", 1);
        }
        pv s = pync_str(args[i]);
        if (!s) return 0;
        pync_write(fd, pync_str_data(s), pync_str_size(s));
    }
    if (end && end != pync_None) pync_write(fd, pync_str_data(end), pync_str_size(end));
    else pync_write(fd, "\n", 1);
    if (opts[3]) {
        int t = pync_truth(opts[3]);
        if (t < 0) return 0;
        if (t) pync_flush(fd);
    }
    return pync_None;
}

static pv bi_print(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return pync_print(args, nargs, kwnames);
}

/* ---- small built-ins ------------------------------------------------------------------------- */

static pv bi_len(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("len", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t n = pync_len(args[0]);
    return n < 0 ? 0 : pync_int_from_i64(n);
}

static pv bi_repr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("repr", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_repr(args[0]);
}

static pv bi_ascii(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("ascii", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_ascii(args[0]);
}

static int isinstance1(pv obj, pv cls) {
    const pync_type *ct = pv_type(cls);
    if (ct == &pync_tuple_type) {
        const pync_tuple *t = (const pync_tuple *)cls;
        for (size_t i = 0; i < t->size; i++) {
            int r = isinstance1(obj, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (ct != &pync_type_type && !pync_is_subtype(ct, &pync_type_type)) {
        pync_raise_fmt(&pync_TypeError_type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    return pync_isinstance_type(obj, (const pync_type *)cls);
}

pv pync_isinstance(pv obj, pv cls) {
    int r = isinstance1(obj, cls);
    return r < 0 ? 0 : pync_bool(r);
}

static pv bi_isinstance(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("isinstance", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_isinstance(args[0], args[1]);
}

static int issubclass1(pv sub, pv cls) {
    const pync_type *ct = pv_type(cls);
    if (ct == &pync_tuple_type) {
        const pync_tuple *t = (const pync_tuple *)cls;
        for (size_t i = 0; i < t->size; i++) {
            int r = issubclass1(sub, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (!pync_isinstance_type(sub, &pync_type_type)) {
        pync_raise_fmt(&pync_TypeError_type, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (ct != &pync_type_type && !pync_is_subtype(ct, &pync_type_type)) {
        pync_raise_fmt(&pync_TypeError_type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return pync_is_subtype((const pync_type *)sub, (const pync_type *)cls);
}

static pv bi_issubclass(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("issubclass", nargs, kwnames, 2, 2) < 0) return 0;
    int r = issubclass1(args[0], args[1]);
    return r < 0 ? 0 : pync_bool(r);
}

static pv bi_id(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("id", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_int_from_u64((uint64_t)args[0]);
}

static pv bi_hash(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("hash", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t h;
    if (pync_hash(args[0], &h) < 0) return 0;
    return pync_int_from_i64(h);
}

static pv bi_callable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("callable", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_bool(pv_type(args[0])->call != NULL);
}

static pv bi_getattr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("getattr", nargs, kwnames, 2, 3) < 0) return 0;
    if (!pync_isinstance_type(args[1], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "attribute name must be string, not '%T'", args[1]);
    }
    pv v = pync_getattr(args[0], args[1]);
    if (v || nargs < 3) return v;
    if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) > 0) {
        pync_exc_clear();
        return args[2];
    }
    return 0;
}

static pv bi_setattr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("setattr", nargs, kwnames, 3, 3) < 0) return 0;
    if (!pync_isinstance_type(args[1], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "attribute name must be string, not '%T'", args[1]);
    }
    return pync_setattr(args[0], args[1], args[2]) < 0 ? 0 : pync_None;
}

static pv bi_hasattr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("hasattr", nargs, kwnames, 2, 2) < 0) return 0;
    if (!pync_isinstance_type(args[1], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "attribute name must be string, not '%T'", args[1]);
    }
    int r = pync_hasattr(args[0], args[1]);
    return r < 0 ? 0 : pync_bool(r);
}

static pv bi_delattr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("delattr", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_setattr(args[0], args[1], 0) < 0 ? 0 : pync_None;
}

static pv bi_iter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("iter", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2) {
        if (!pv_type(args[0])->call) return pync_raise_fmt(&pync_TypeError_type, "iter(v, w): v must be callable");
        return pync_callable_iter_new(args[0], args[1]);
    }
    return pync_iter(args[0]);
}

static pv bi_next(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("next", nargs, kwnames, 1, 2) < 0) return 0;
    if (!pv_type(args[0])->next) return pync_raise_fmt(&pync_TypeError_type, "'%T' object is not an iterator", args[0]);
    pv v = pync_next(args[0]);
    if (v || pync_current_exc) return v;
    if (nargs == 2) return args[1];
    return pync_raise_exhausted(args[0]);
}

static pv bi_abs(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("abs", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_unary(args[0], PYNC_OP_ABS);
}

static pv bi_divmod(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("divmod", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_number_divmod(args[0], args[1]);
}

static pv bi_pow(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"base", "exp", "mod", NULL};
    pv a[3];
    if (pync_parse_args("pow", args, nargs, kwnames, names, 0, 3, a) < 0) return 0;
    if (!a[0] || !a[1]) return pync_raise_fmt(&pync_TypeError_type, "pow() missing required argument '%s' (pos %d)", a[0] ? "exp" : "base", a[0] ? 2 : 1);
    if (a[2] && a[2] != pync_None) return pync_number_pow3(a[0], a[1], a[2]);
    return pync_binary(a[0], a[1], PYNC_OP_POW);
}

static pv bi_round(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"number", "ndigits", NULL};
    pv a[2];
    if (pync_parse_args("round", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "round() missing required argument 'number' (pos 1)");
    pv m = pync_type_lookup_cstr(pv_type(a[0]), "__round__");
    if (!m) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "type %T doesn't define __round__ method", a[0]);
    }
    pv call_args[2] = {a[0], a[1]};
    return pync_call(m, call_args, a[1] && a[1] != pync_None ? 2 : 1, 0);
}

static pv bi_chr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("chr", nargs, kwnames, 1, 1) < 0) return 0;
    if (pync_isinstance_type(args[0], &pync_float_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "'float' object cannot be interpreted as an integer");
    }
    int64_t cp;
    if (pync_index(args[0], &cp) < 0) {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_OverflowError_type) > 0) {
            pync_exc_clear();
            return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C int");
        }
        return 0;
    }
    if (cp < 0 || cp > 0x10ffff) return pync_raise_fmt(&pync_ValueError_type, "chr() arg not in range(0x110000)");
    char buf[4];
    size_t n = pync_utf8_encode((uint32_t)cp, buf);
    return pync_str_from_utf8(buf, n);
}

static pv bi_ord(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("ord", nargs, kwnames, 1, 1) < 0) return 0;
    pv c = args[0];
    if (pync_isinstance_type(c, &pync_str_type)) {
        const pync_strobj *s = (const pync_strobj *)c;
        if (s->length != 1) {
            return pync_raise_fmt(&pync_TypeError_type, "ord() expected a character, but string of length %zd found",
                                  (ptrdiff_t)s->length);
        }
        size_t pos = 0;
        return pv_from_small(pync_utf8_decode(s->data, &pos));
    }
    if (pync_isinstance_type(c, &pync_bytes_type) || pync_isinstance_type(c, &pync_bytearray_type)) {
        int64_t n = pync_len(c);
        if (n != 1) {
            return pync_raise_fmt(&pync_TypeError_type, "ord() expected a character, but string of length %zd found", (ptrdiff_t)n);
        }
        return pync_getitem(c, pv_from_small(0));
    }
    return pync_raise_fmt(&pync_TypeError_type, "ord() expected string of length 1, but %T found", c);
}

static pv radix_string(pv v, const char *spec) {
    pv i = pync_number_index(v);
    if (!i) return 0;
    return pync_format(i, pync_str_from_cstr(spec));
}
static pv bi_bin(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("bin", nargs, kwnames, 1, 1) < 0) return 0;
    return radix_string(args[0], "#b");
}
static pv bi_oct(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("oct", nargs, kwnames, 1, 1) < 0) return 0;
    return radix_string(args[0], "#o");
}
static pv bi_hex(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("hex", nargs, kwnames, 1, 1) < 0) return 0;
    return radix_string(args[0], "#x");
}

static pv bi_input(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("input", nargs, kwnames, 0, 1) < 0) return 0;
    if (nargs == 1) {
        pv s = pync_str(args[0]);
        if (!s) return 0;
        pync_write(1, pync_str_data(s), pync_str_size(s));
    }
    return pync_read_line();
}

static pv bi_format(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("format", nargs, kwnames, 1, 2) < 0) return 0;
    pv spec = nargs == 2 ? args[1] : pync_str_from_cstr("");
    if (!pync_isinstance_type(spec, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "format() argument 2 must be str, not %T", spec);
    }
    return pync_format(args[0], spec);
}

static pv bi_sorted(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return pync_sorted_call(args, nargs, kwnames);
}

static pv bi_min(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return pync_min_max(args, nargs, kwnames, false);
}
static pv bi_max(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return pync_min_max(args, nargs, kwnames, true);
}

static pv bi_sum(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return pync_sum_call(args, nargs, kwnames);
}

static pv bi_any(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("any", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_any(args[0]);
}
static pv bi_all(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("all", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_all(args[0]);
}

/* Adds the keys of dict d to the set. 0 or -1. */
static int add_keys(pv set, pv d) {
    if (!d || !pync_isinstance_type(d, &pync_dict_type)) return 0;
    size_t pos = 0;
    pv k, v;
    while (pync_dict_next(d, &pos, &k, &v)) {
        if (pync_set_add(set, k) < 0) return -1;
    }
    return 0;
}

/* The names along a type's MRO. 0 or -1. */
static int add_mro_names(pv set, const pync_type *t) {
    pv mro = pync_type_mro(t);
    if (!mro) return -1;
    for (size_t i = 0; i < ((const pync_tuple *)mro)->size; i++) {
        if (add_keys(set, ((const pync_type *)((const pync_tuple *)mro)->items[i])->state[0]->dict) < 0) return -1;
    }
    return 0;
}

/* dir(obj): __dir__ of a class that defines it, else the instance's, class's and bases' names. */
static pv bi_dir(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("dir", nargs, kwnames, 1, 1) < 0) return 0;
    pv obj = args[0];
    const pync_type *t = pv_type(obj);
    pv names;
    pv custom = (t->flags & PYNC_TF_HEAPTYPE) ? pync_type_lookup_cstr(t, "__dir__") : 0;
    if (custom) {
        pv bound = pync_descr_get(custom, obj, t);
        names = bound ? pync_call0(bound) : 0;
    } else {
        names = pync_set_new();
        if (!names) return 0;
        if (t == &pync_module_type) {
            if (add_keys(names, pync_getattr_cstr(obj, "__dict__")) < 0) return 0;
        } else if (pync_isinstance_type(obj, &pync_type_type)) {
            if (add_mro_names(names, (const pync_type *)obj) < 0) return 0;
        } else {
            if (t->dictoffset) {
                pv d = *(pv *)((char *)obj + t->dictoffset);
                if (add_keys(names, d) < 0) return 0;
            }
            if (add_mro_names(names, t) < 0) return 0;
            if (pync_set_add(names, pync_str_from_cstr("__class__")) < 0) return 0;
        }
    }
    if (!names) return 0;
    return pync_sorted(names, 0, false);
}

static pv bi_vars(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("vars", nargs, kwnames, 1, 1) < 0) return 0;
    pv d = pync_getattr_cstr(args[0], "__dict__");
    if (!d && pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) > 0) {
        pync_exc_clear();
        return pync_raise_fmt(&pync_TypeError_type, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static pv bi_exit(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("exit", nargs, kwnames, 0, 1) < 0) return 0;
    pv exc = pync_call(((pv)&pync_SystemExit_type), args, nargs, 0);
    return exc ? pync_raise(exc) : 0;
}

pv pync_builtin_open(pv self, pv *args, size_t nargs, pv kwnames);   /* fileio.c */
/* async_gen.c */
pv pync_builtin_aiter(pv self, pv *args, size_t nargs, pv kwnames);
pv pync_builtin_anext(pv self, pv *args, size_t nargs, pv kwnames);

PYNC_METHOD(builtins, print, bi_print, 0);
PYNC_METHOD(builtins, len, bi_len, 0);
PYNC_METHOD(builtins, repr, bi_repr, 0);
PYNC_METHOD(builtins, ascii, bi_ascii, 0);
PYNC_METHOD(builtins, isinstance, bi_isinstance, 0);
PYNC_METHOD(builtins, issubclass, bi_issubclass, 0);
PYNC_METHOD(builtins, id, bi_id, 0);
PYNC_METHOD(builtins, hash, bi_hash, 0);
PYNC_METHOD(builtins, callable, bi_callable, 0);
PYNC_METHOD(builtins, getattr, bi_getattr, 0);
PYNC_METHOD(builtins, setattr, bi_setattr, 0);
PYNC_METHOD(builtins, hasattr, bi_hasattr, 0);
PYNC_METHOD(builtins, delattr, bi_delattr, 0);
PYNC_METHOD(builtins, iter, bi_iter, 0);
PYNC_METHOD(builtins, next, bi_next, 0);
PYNC_METHOD(builtins, abs, bi_abs, 0);
PYNC_METHOD(builtins, divmod, bi_divmod, 0);
PYNC_METHOD(builtins, pow, bi_pow, 0);
PYNC_METHOD(builtins, round, bi_round, 0);
PYNC_METHOD(builtins, chr, bi_chr, 0);
PYNC_METHOD(builtins, ord, bi_ord, 0);
PYNC_METHOD(builtins, bin, bi_bin, 0);
PYNC_METHOD(builtins, oct, bi_oct, 0);
PYNC_METHOD(builtins, hex, bi_hex, 0);
PYNC_METHOD(builtins, input, bi_input, 0);
PYNC_METHOD(builtins, format, bi_format, 0);
PYNC_METHOD(builtins, sorted, bi_sorted, 0);
PYNC_METHOD(builtins, min, bi_min, 0);
PYNC_METHOD(builtins, max, bi_max, 0);
PYNC_METHOD(builtins, sum, bi_sum, 0);
PYNC_METHOD(builtins, any, bi_any, 0);
PYNC_METHOD(builtins, all, bi_all, 0);
PYNC_METHOD(builtins, aiter, pync_builtin_aiter, 0);
PYNC_METHOD(builtins, anext, pync_builtin_anext, 0);
PYNC_METHOD(builtins, vars, bi_vars, 0);
PYNC_METHOD(builtins, dir, bi_dir, 0);
PYNC_METHOD(builtins, exit, bi_exit, 0);
PYNC_METHOD(builtins, quit, bi_exit, 0);
PYNC_METHOD(builtins, open, pync_builtin_open, 0);

/* The built-in types, by the names programs use; with the exception types (EXC_TYPE in exc.c)
   they make the list pync_builtin_types, which the program defines with the ones it names (see
   PYNC_METHOD: scripts/gen-method-lists.mjs reads these lines). */
PYNC_BUILTIN_TYPE(object);
PYNC_BUILTIN_TYPE(type);
PYNC_BUILTIN_TYPE(int);
PYNC_BUILTIN_TYPE(bool);
PYNC_BUILTIN_TYPE(float);
PYNC_BUILTIN_TYPE(complex);
PYNC_BUILTIN_TYPE(str);
PYNC_BUILTIN_TYPE(bytes);
PYNC_BUILTIN_TYPE(bytearray);
PYNC_BUILTIN_TYPE(list);
PYNC_BUILTIN_TYPE(tuple);
PYNC_BUILTIN_TYPE(dict);
PYNC_BUILTIN_TYPE(set);
PYNC_BUILTIN_TYPE(frozenset);
PYNC_BUILTIN_TYPE(range);
PYNC_BUILTIN_TYPE(slice);
PYNC_BUILTIN_TYPE(property);
PYNC_BUILTIN_TYPE(classmethod);
PYNC_BUILTIN_TYPE(staticmethod);
PYNC_BUILTIN_TYPE(super);
PYNC_BUILTIN_TYPE(enumerate);
PYNC_BUILTIN_TYPE(zip);
PYNC_BUILTIN_TYPE(map);
PYNC_BUILTIN_TYPE(filter);
PYNC_BUILTIN_TYPE(reversed);

/* The builtin called `name`, made now, or 0 when there is none. */
static pv make_builtin(const char *name) {
    for (const pync_method_def *const *d = pync_methods__builtins; *d; d++) {
        if (pync_cstr_eq((*d)->name, name)) return pync_builtin_new((*d)->name, (*d)->fn, 0);
    }
    for (const pync_type *const *t = pync_builtin_types; *t; t++) {
        if (pync_cstr_eq((*t)->name, name)) return (pv)*t;
    }
    static const struct { const char *name; pv value; } constants[] = {
        {"IOError", (pv)&pync_OSError_type}, {"EnvironmentError", (pv)&pync_OSError_type},
        {"NotImplemented", pync_NotImplemented}, {"Ellipsis", pync_Ellipsis}, {"None", pync_None},
        {"True", pync_True}, {"False", pync_False}, {"__debug__", pync_True},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        if (pync_cstr_eq(constants[i].name, name)) return constants[i].value;
    }
    return 0;
}

/* Modules ask for each builtin they use by name once, at start-up. Builtins are made on first
   request and kept in builtins_dict (so that `print is print`): a program's heap holds only the
   ones it uses. 0 without an exception when there is no such builtin. */
pv pync_builtin(const char *name) {
    pv key = pync_str_intern(pync_str_from_cstr(name));
    if (!key) return 0;
    pv v = pync_dict_get(builtins_dict, key);
    if (v || pync_current_exc) return v;
    v = make_builtin(name);
    if (!v || pync_current_exc) return 0;
    return pync_dict_setitem(builtins_dict, key, v) < 0 ? 0 : v;
}

static void builtins_roots(void) { pync_gc_visit(builtins_dict); }

int pync_builtins_init(void) {
    pync_register_static_roots(builtins_roots);
    builtins_dict = pync_dict_new();
    return builtins_dict ? 0 : -1;
}
