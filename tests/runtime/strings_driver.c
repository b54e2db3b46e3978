/* strings_driver.c — runs the cases of scripts/gen-strings-cases.py against the runtime (hosted:
 * libc reads the file; everything evaluated goes through the runtime's own protocol functions).
 *
 *   strings_driver CASES [--gc N]
 *
 * Each line of CASES is "<display>\t<tokens>\t<expected>"; the driver evaluates the tokens and
 * prints one line per case: repr(result), or "ExcType: message" when the operation raised (the
 * test compares with <expected>). --gc N runs a full collection every N cases, so objects the
 * text code forgets to keep reachable are caught. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pync.h"
#include "internal.h"

/* A C driver links no compiled Python modules. */
const pync_module_def *const pync_program_modules[] = {NULL};

/* ---- classes the cases use (the generator defines the same ones in Python) ---------------------

     class S(str): pass                class B(bytes): pass          class BA(bytearray): pass
     class I:   __index__ -> 2         class F: __format__(spec) -> 'F<' + spec + '>'
                                                __str__ -> 'str!'   __repr__ -> 'repr!'
     class Bb:  __bytes__ -> b'bytes!' class IntLike: __int__ -> 7 */
static pv classes[8];
static const char *const class_names[] = {"S", "B", "BA", "I", "F", "Bb", "IntLike", NULL};

static pv fn_index(pv func, pv *bound) { (void)func; (void)bound; return pv_from_small(2); }
static pv fn_int(pv func, pv *bound) { (void)func; (void)bound; return pv_from_small(7); }
static pv fn_format(pv func, pv *bound) {
    (void)func;
    return pync_str_fmt("F<%U>", bound[1]);
}
static pv fn_str(pv func, pv *bound) { (void)func; (void)bound; return pync_str_from_cstr("str!"); }
static pv fn_repr(pv func, pv *bound) { (void)func; (void)bound; return pync_str_from_cstr("repr!"); }
static pv fn_bytes(pv func, pv *bound) { (void)func; (void)bound; return pync_bytes_new((const uint8_t *)"bytes!", 6); }

static const char *const self_only[] = {"self"};
static const char *const self_spec[] = {"self", "spec"};
#define CODE(NAME, N, VARS, FN) \
    static const pync_code code_##NAME = {#NAME, #NAME, "<driver>", 1, N, 0, 0, 0, VARS, FN};
CODE(__index__, 1, self_only, fn_index)
CODE(__int__, 1, self_only, fn_int)
CODE(__format__, 2, self_spec, fn_format)
CODE(__str__, 1, self_only, fn_str)
CODE(__repr__, 1, self_only, fn_repr)
CODE(__bytes__, 1, self_only, fn_bytes)

static pv make_class(const char *name, pv base, const pync_code *const *methods) {
    pv ns = pync_dict_new();
    pync_dict_setitem(ns, pync_str_from_cstr("__module__"), pync_str_from_cstr("__main__"));
    for (size_t i = 0; methods && methods[i]; i++)
        pync_dict_setitem(ns, pync_str_from_cstr(methods[i]->name), pync_function_new(methods[i], 0, 0, 0));
    pv bases = base ? pync_tuple_pack(1, base) : pync_tuple_new(0);
    pv n = pync_str_from_cstr(name);
    pv c = pync_class_new(n, n, bases, ns, 0);
    if (!c) {
        fprintf(stderr, "driver: cannot create class %s\n", name);
        pync_report_uncaught();
        exit(2);
    }
    return c;
}

static void make_classes(void) {
    pync_gc_add_roots(classes, 8);
    static const pync_code *const idx[] = {&code___index__, NULL};
    static const pync_code *const fmt[] = {&code___format__, &code___str__, &code___repr__, NULL};
    static const pync_code *const byt[] = {&code___bytes__, NULL};
    static const pync_code *const intl[] = {&code___int__, NULL};
    classes[0] = make_class("S", (pv)&pync_str_type, NULL);
    classes[1] = make_class("B", (pv)&pync_bytes_type, NULL);
    classes[2] = make_class("BA", (pv)&pync_bytearray_type, NULL);
    classes[3] = make_class("I", 0, idx);
    classes[4] = make_class("F", 0, fmt);
    classes[5] = make_class("Bb", 0, byt);
    classes[6] = make_class("IntLike", 0, intl);
}

/* a builtin or one of the classes above */
static pv named_callable(const char *t, size_t n) {
    for (size_t i = 0; class_names[i]; i++)
        if (strlen(class_names[i]) == n && memcmp(class_names[i], t, n) == 0) return classes[i];
    char buf[32];
    snprintf(buf, sizeof buf, "%.*s", (int)n, t);
    return pync_builtin(buf);
}

static const char *tok;   /* the rest of the current token stream */

static const char *next_token(size_t *len) {
    while (*tok == ' ') tok++;
    const char *start = tok;
    while (*tok && *tok != ' ') tok++;
    *len = (size_t)(tok - start);
    return start;
}

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }

static size_t unhex(const char *h, size_t n, uint8_t *out) {
    for (size_t i = 0; i + 1 < n; i += 2) out[i / 2] = (uint8_t)(hexval(h[i]) * 16 + hexval(h[i + 1]));
    return n / 2;
}

static double bits_double(const char *h) {
    uint64_t b = 0;
    for (int i = 0; i < 16; i++) b = b * 16 + (uint64_t)hexval(h[i]);
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static pv parse_value(void);

static pv parse_value(void) {
    size_t n;
    const char *t = next_token(&n);
    if (n == 0) {
        fprintf(stderr, "driver: missing value\n");
        exit(2);
    }
    switch (t[0]) {
    case 'N': return pync_None;
    case 'T': return pync_True;
    case 'F': return pync_False;
    case 'i': return pync_int_from_str(t + 1, n - 1, 10);
    case 'f': return pync_float_new(bits_double(t + 1));
    case 'c': return pync_complex_new(bits_double(t + 1), bits_double(t + 17));
    case 's':
    case 'b':
    case 'B': {
        uint8_t *buf = malloc(n / 2 + 1);
        size_t len = unhex(t + 1, n - 1, buf);
        pv v = t[0] == 's' ? pync_str_from_utf8((const char *)buf, len) : pync_bytes_new(buf, len);
        if (v && t[0] == 'B') v = pync_call1(pync_builtin("bytearray"), v);
        free(buf);
        return v;
    }
    case 't':
    case 'l': {
        size_t count = (size_t)atol(t + 1);
        pv list = pync_list_new(0);
        for (size_t i = 0; i < count; i++) pync_list_append(list, parse_value());
        if (t[0] == 'l') return list;
        return pync_tuple_from_array(((pync_list *)list)->items, count);
    }
    case 'd': {
        size_t count = (size_t)atol(t + 1);
        pv d = pync_dict_new();
        for (size_t i = 0; i < count; i++) {
            pv k = parse_value();
            pv v = parse_value();
            pync_dict_setitem(d, k, v);
        }
        return d;
    }
    case 'S': {
        pv a = parse_value(), b = parse_value(), c = parse_value();
        return pync_slice_new(a, b, c);
    }
    case 'R': {
        pv a = parse_value(), b = parse_value(), c = parse_value();
        return pync_range_new(a, b, c);
    }
    case 'o':
        if (n == 4 && memcmp(t, "oobj", 4) == 0) return pync_call0(pync_builtin("object"));
        /* o<Class>: an instance made with no arguments; o<Class>:<value token> with one */
        {
            const char *colon = memchr(t, ':', n);
            pv cls = named_callable(t + 1, (colon ? (size_t)(colon - t) : n) - 1);
            if (!colon) return pync_call0(cls);
            const char *save = tok;
            tok = colon + 1;
            pv arg = parse_value();
            tok = save;
            return pync_call1(cls, arg);
        }
    }
    fprintf(stderr, "driver: bad token %.*s\n", (int)n, t);
    exit(2);
}

static long parse_count(void) {
    size_t n;
    const char *t = next_token(&n);
    return atol(t);
}

static bool word_is(const char *t, size_t n, const char *w) { return strlen(w) == n && memcmp(t, w, n) == 0; }

/* args (positional then keyword values) and their kwnames tuple */
static size_t parse_call_args(pv *args, pv *kwnames) {
    long np = parse_count();
    for (long i = 0; i < np; i++) args[i] = parse_value();
    long nk = parse_count();
    *kwnames = 0;
    if (nk > 0) {
        pv names[8];
        for (long i = 0; i < nk; i++) {
            names[i] = parse_value();
            args[np + i] = parse_value();
        }
        *kwnames = pync_tuple_from_array(names, (size_t)nk);
    }
    return (size_t)np;
}

static void out_str(pv s) { pync_write(1, pync_str_data(s), pync_str_size(s)); }
static void out_cstr(const char *s) { pync_write(1, s, strlen(s)); }

/* A case prefixed with "T" also prints the result's type name (once, after its repr). */
static bool show_type;

/* Prints repr(v), or the pending exception when v is 0. */
static void show(pv v) {
    if (v) {
        pv r = pync_repr(v);
        if (r) {
            out_str(r);
            if (show_type) {
                out_cstr(" ");
                out_cstr(pync_type_name(v));
                show_type = false;
            }
            return;
        }
    }
    pv exc = pync_exc_fetch();
    if (!exc) {
        out_cstr("<no result and no exception>");
        return;
    }
    out_cstr(pync_type_name(exc));
    out_cstr(": ");
    pv msg = pync_str(exc);
    if (msg) out_str(msg);
    else {
        pync_exc_clear();
        out_cstr("<str(exception) failed>");
    }
}

/* " | repr(a)" after an operation that may have mutated bytearray a */
static void show_after(pv a) {
    out_cstr(" | ");
    show(a);
}

static bool is_exact_bytearray(pv v) { return !pv_is_small(v) && pv_type(v) == &pync_bytearray_type; }

/* noinline: its locals must live below main's frame, inside the stack range the collector scans */
__attribute__((noinline)) static void run_case(const char *tokens) {
    tok = tokens;
    size_t n;
    const char *op = next_token(&n);
    show_type = false;
    if (word_is(op, n, "T")) {
        show_type = true;
        op = next_token(&n);
    }
    pv args[32], kwnames;
    if (word_is(op, n, "m")) {
        size_t ln;
        const char *name = next_token(&ln);
        pv self = parse_value();
        size_t np = parse_call_args(args, &kwnames);
        pv r = pync_call_method(self, pync_str_from_utf8(name, ln), args, np, kwnames);
        show(r);
        if (is_exact_bytearray(self)) show_after(self);
    } else if (word_is(op, n, "M")) {
        size_t tn, ln;
        const char *tname = next_token(&tn);
        const char *name = next_token(&ln);
        long np = parse_count();
        for (long i = 0; i < np; i++) args[i] = parse_value();
        pv f = pync_getattr(named_callable(tname, tn), pync_str_from_utf8(name, ln));
        show(f ? pync_call(f, args, (size_t)np, 0) : 0);
    } else if (word_is(op, n, "call")) {
        size_t tn;
        const char *tname = next_token(&tn);
        size_t np = parse_call_args(args, &kwnames);
        show(pync_call(named_callable(tname, tn), args, np, kwnames));
    } else if (word_is(op, n, "add") || word_is(op, n, "mul") || word_is(op, n, "mod")) {
        pv a = parse_value(), b = parse_value();
        pync_binop o = op[1] == 'd' ? PYNC_OP_ADD : op[1] == 'u' ? PYNC_OP_MUL : PYNC_OP_MOD;
        show(pync_binary(a, b, o));
    } else if (word_is(op, n, "iadd") || word_is(op, n, "imul")) {
        pv a = parse_value(), b = parse_value();
        show(pync_inplace(a, b, op[1] == 'a' ? PYNC_OP_ADD : PYNC_OP_MUL));
        show_after(a);
    } else if (word_is(op, n, "getitem")) {
        pv a = parse_value(), k = parse_value();
        show(pync_getitem(a, k));
    } else if (word_is(op, n, "setitem") || word_is(op, n, "delitem")) {
        pv a = parse_value(), k = parse_value();
        pv v = op[0] == 's' ? parse_value() : 0;
        show(pync_setitem(a, k, v) < 0 ? 0 : pync_None);
        show_after(a);
    } else if (word_is(op, n, "contains")) {
        pv a = parse_value(), x = parse_value();
        int r = pync_contains(a, x);
        show(r < 0 ? 0 : pync_bool(r));
    } else if (word_is(op, n, "iter")) {
        pv a = parse_value();
        pv it = pync_iter(a);
        pv list = it ? pync_list_from_iterable(it) : 0;
        show(list);
    } else if (word_is(op, n, "format")) {
        pv v = parse_value(), spec = parse_value();
        show(pync_format(v, spec));
    } else if (word_is(op, n, "fstr")) {
        pv v = parse_value();
        size_t cn;
        const char *conv = next_token(&cn);
        pv spec = parse_value();
        show(pync_format_fstring_value(v, conv[0] == 'N' ? -1 : conv[0], spec == pync_None ? 0 : spec));
    } else if (word_is(op, n, "repr") || word_is(op, n, "str") || word_is(op, n, "ascii")) {
        pv a = parse_value();
        show(op[0] == 'r' ? pync_repr(a) : op[0] == 's' ? pync_str(a) : pync_ascii(a));
    } else if (word_is(op, n, "hint")) {
        /* iter(a), advanced n steps: its __length_hint__() and the iterator's type name */
        pv a = parse_value();
        long steps = parse_count();
        pv it = pync_iter(a);
        for (long i = 0; it && i < steps; i++)
            if (!pync_next(it)) pync_exc_clear();
        pv h = it ? pync_call_method(it, pync_str_from_cstr("__length_hint__"), NULL, 0, 0) : 0;
        show(h);
        if (h) {
            out_cstr(" ");
            out_cstr(pync_type_name(it));
        }
    } else if (word_is(op, n, "len")) {
        pv a = parse_value();
        int64_t l = pync_len(a);
        show(l < 0 ? 0 : pync_int_from_i64(l));
    } else if (word_is(op, n, "bool")) {
        pv a = parse_value();
        int t = pync_truth(a);
        show(t < 0 ? 0 : pync_bool(t));
    } else if (word_is(op, n, "cmp")) {
        size_t on;
        const char *o = next_token(&on);
        pv a = parse_value(), b = parse_value();
        static const char *const names[] = {"lt", "le", "eq", "ne", "gt", "ge"};
        int k = 0;
        while (!word_is(o, on, names[k])) k++;
        show(pync_compare(a, b, (pync_cmpop)k));
    } else if (word_is(op, n, "hasheq")) {
        pv a = parse_value(), b = parse_value();
        int64_t ha, hb;
        if (pync_hash(a, &ha) < 0 || pync_hash(b, &hb) < 0) show(0);
        else show(pync_bool(ha == hb));
    } else {
        fprintf(stderr, "driver: unknown operation %.*s\n", (int)n, op);
        exit(2);
    }
    if (pync_current_exc) pync_exc_clear();
    out_cstr("\n");
}

int main(int argc, char **argv) {
    int top;
    if (argc < 2) {
        fprintf(stderr, "usage: %s CASES [--gc N]\n", argv[0]);
        return 2;
    }
    long gc_every = 0;
    if (argc >= 4 && strcmp(argv[2], "--gc") == 0) gc_every = atol(argv[3]);
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, f) != (size_t)size) return 2;
    text[size] = 0;
    fclose(f);
    /* the collector scans the stack from its current end up to this address: a little above main's
       own locals, as main.c does */
    if (pync_runtime_start((void *)(&top + 64), 1, argv) < 0) {
        fprintf(stderr, "driver: runtime start failed\n");
        return 2;
    }
    make_classes();
    long count = 0;
    char *line = text;
    while (*line) {
        char *end = strchr(line, '\n');
        if (end) *end = 0;
        if (*line) {
            char *t1 = strchr(line, '\t');
            char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t2) {
                fprintf(stderr, "driver: bad line %ld\n", count + 1);
                return 2;
            }
            *t2 = 0;
            run_case(t1 + 1);
            count++;
            if (gc_every && count % gc_every == 0) pync_gc_collect();
        }
        if (!end) break;
        line = end + 1;
    }
    return pync_runtime_finish(0);
}
