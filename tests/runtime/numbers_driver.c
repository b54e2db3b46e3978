/* numbers_driver.c — test driver for the runtime's numeric types (int, bool, float, complex),
 * format specs, and the math and random modules. Linked with the whole runtime.
 *
 * Reads one case per line on stdin and prints one line per case: the repr of the result, or
 * "ERR:<ExceptionType>:<str(exception)>". Newlines, tabs and backslashes in the output are escaped
 * as \n, \t, \\. The same little language is interpreted by scripts/gen-numbers-cases.py under
 * CPython to record the expected lines.
 *
 *   values   i:<decimal>  x:<hex> (ints)   f:<float text>   c:<re>,<im>   T F N
 *            s:<text, %XX-escaped>   b:<hex bytes or ->   l:<v>;<v>;...   t:<v>;<v>;...   r:<n>
 *   cases    repr V | str V | hash V | bool V | type V
 *            bin OP A B       (+ - * / // % ** << >> & ^ | @)
 *            un OP A          (- + ~ abs)
 *            cmp OP A B       (< <= == != > >=)
 *            fmt V SPEC       (format(V, SPEC), SPEC an s: value)
 *            call F ARGS...   (F: int float complex bool pow divmod round abs hash | math.NAME |
 *                              random.NAME | random.Random; ARGS may be name=V keywords)
 *            meth V NAME ARGS...    attr V NAME    shuffle V (prints V after random.shuffle)
 *            seq V            (prints V: for checking state kept in a value)
 *            gc               (collects; prints ok)
 *            get NAME         (a module attribute: math.pi)
 *            inst SEED NAME ARGS...   (random.Random(SEED).NAME(ARGS))
 *            roundtrip SEED   (Random(SEED): getstate/setstate reproduce the same draws)
 * Option -v reports the number of collections on stderr.
 */
#include "../../src/runtime/internal.h"
#include "../../src/runtime/platform/platform.h"

/* ---- input ------------------------------------------------------------------------------------ */

/* The input lives outside the collected heap, so the GC stress build's threshold follows what the
   cases keep alive rather than the size of the input. */
static char *input;
static size_t input_len, input_pos;

static int read_all(void) {
    size_t cap = 1 << 20;
    input = pync_platform_chunk_alloc(cap, 4096);
    if (!input) return -1;
    for (;;) {
        while (input_len < cap - 1) {
            long r = pync_platform_read(0, input + input_len, cap - 1 - input_len);
            if (r < 0) return -1;
            if (r == 0) {
                input[input_len] = 0;
                return 0;
            }
            input_len += (size_t)r;
        }
        char *bigger = pync_platform_chunk_alloc(cap * 2, 4096);
        if (!bigger) return -1;
        pync_memcpy(bigger, input, input_len);
        pync_platform_chunk_free(input, cap);
        input = bigger;
        cap *= 2;
    }
}

/* ---- output ----------------------------------------------------------------------------------- */

static void out(const char *s, size_t n) { pync_write(1, s, n); }
static void outs(const char *s) { out(s, pync_strlen(s)); }

static void out_escaped(pv str) {
    const char *s = pync_str_data(str);
    size_t n = pync_str_size(str), start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '\n' ? "\\n" : s[i] == '\t' ? "\\t" : s[i] == '\\' ? "\\\\" : s[i] == '\r' ? "\\r" : NULL;
        if (!rep) continue;
        out(s + start, i - start);
        outs(rep);
        start = i + 1;
    }
    out(s + start, n - start);
}

static void report_error(void) {
    pv e = pync_exc_fetch();
    outs("ERR:");
    outs(pv_type(e)->name);
    outs(":");
    pv s = pync_str(e);
    if (s) out_escaped(s);
    else {
        pync_exc_clear();
        outs("<str failed>");
    }
}

static void print_result(pv v) {
    if (!v) {
        report_error();
    } else {
        pv r = pync_repr(v);
        if (!r) report_error();
        else out_escaped(r);
    }
    outs("\n");
}

/* ---- values ----------------------------------------------------------------------------------- */

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int pync_parse_float(const char *s, size_t len, double *out);

static pv parse_value(const char *s, size_t n);

/* a list of values separated by ';' */
static pv parse_items(const char *s, size_t n) {
    pv list = pync_list_new(0);
    if (!list || n == 0) return list;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == ';') {
            pv v = parse_value(s + start, i - start);
            if (!v || pync_list_append(list, v) < 0) return 0;
            start = i + 1;
        }
    }
    return list;
}

static pv parse_value(const char *s, size_t n) {
    if (n == 1 && s[0] == 'T') return pync_True;
    if (n == 1 && s[0] == 'F') return pync_False;
    if (n == 1 && s[0] == 'N') return pync_None;
    if (n < 2 || s[1] != ':') return pync_raise_fmt(&pync_SystemError_type, "driver: bad value");
    const char *p = s + 2;
    size_t m = n - 2;
    switch (s[0]) {
    case 'i': return pync_int_from_str(p, m, 10);
    case 'x': return pync_int_from_str(p, m, 16);
    case 'f': {
        double d;
        if (pync_parse_float(p, m, &d) < 0) return pync_raise_fmt(&pync_SystemError_type, "driver: bad float");
        return pync_float_new(d);
    }
    case 'c': {
        size_t comma = 0;
        while (comma < m && p[comma] != ',') comma++;
        double re, im;
        if (comma == m || pync_parse_float(p, comma, &re) < 0 || pync_parse_float(p + comma + 1, m - comma - 1, &im) < 0) {
            return pync_raise_fmt(&pync_SystemError_type, "driver: bad complex");
        }
        return pync_complex_new(re, im);
    }
    case 's': {
        pync_rawbuf *rb = pync_rawbuf_new(m + 1);
        if (!rb) return 0;
        size_t k = 0;
        for (size_t i = 0; i < m; i++) {
            if (p[i] == '%' && i + 2 < m + 1 && hexval(p[i + 1]) >= 0 && hexval(p[i + 2]) >= 0) {
                rb->data[k++] = (uint8_t)(hexval(p[i + 1]) * 16 + hexval(p[i + 2]));
                i += 2;
            } else {
                rb->data[k++] = (uint8_t)p[i];
            }
        }
        return pync_str_from_utf8((const char *)rb->data, k);
    }
    case 'b': {
        if (m == 1 && p[0] == '-') return pync_bytes_new(NULL, 0);
        pync_rawbuf *rb = pync_rawbuf_new(m / 2 + 1);
        if (!rb) return 0;
        for (size_t i = 0; i + 1 < m; i += 2) rb->data[i / 2] = (uint8_t)(hexval(p[i]) * 16 + hexval(p[i + 1]));
        return pync_bytes_new(rb->data, m / 2);
    }
    case 'l': return parse_items(p, m);
    case 't': {
        pv l = parse_items(p, m);
        if (!l) return 0;
        return pync_tuple_from_array(((pync_list *)l)->items, ((pync_list *)l)->size);
    }
    case 'r': {
        pv nv = pync_int_from_str(p, m, 10);
        int64_t k;
        if (!nv || !pync_int_as_i64(nv, &k)) return 0;
        pv l = pync_list_new((size_t)k);
        if (!l) return 0;
        for (int64_t i = 0; i < k; i++) ((pync_list *)l)->items[i] = pv_from_small((intptr_t)i);
        return l;
    }
    default: return pync_raise_fmt(&pync_SystemError_type, "driver: bad value kind");
    }
}

/* ---- cases ------------------------------------------------------------------------------------ */

typedef struct token {
    const char *s;
    size_t n;
} token;

static bool tok_is(token t, const char *w) {
    size_t n = pync_strlen(w);
    if (t.n != n) return false;
    for (size_t i = 0; i < n; i++) {
        if (t.s[i] != w[i]) return false;
    }
    return true;
}


static pv lookup_callable(token name) {
    char buf[64];
    if (name.n >= sizeof buf) return 0;
    pync_memcpy(buf, name.s, name.n);
    buf[name.n] = 0;
    if (tok_is(name, "int")) return (pv)&pync_int_type;
    if (tok_is(name, "float")) return (pv)&pync_float_type;
    if (tok_is(name, "complex")) return (pv)&pync_complex_type;
    if (tok_is(name, "bool")) return (pv)&pync_bool_type;
    size_t dot = 0;
    while (dot < name.n && buf[dot] != '.') dot++;
    if (dot < name.n) {
        buf[dot] = 0;
        pv mod = pync_import(buf);
        if (!mod) return 0;
        return pync_getattr_cstr(mod, buf + dot + 1);
    }
    pv b = pync_builtin(buf);
    if (!b) return pync_raise_fmt(&pync_SystemError_type, "driver: no builtin %s", buf);
    return b;
}

static pv binop_of(token op, pv a, pv b) {
    static const char *const names[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "^", "|"};
    for (int i = 0; i < PYNC_BINOP_COUNT; i++) {
        if (tok_is(op, names[i])) return pync_binary(a, b, (pync_binop)i);
    }
    return pync_raise_fmt(&pync_SystemError_type, "driver: bad binop");
}

static pv cmpop_of(token op, pv a, pv b) {
    static const char *const names[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int i = 0; i < 6; i++) {
        if (tok_is(op, names[i])) return pync_compare(a, b, (pync_cmpop)i);
    }
    return pync_raise_fmt(&pync_SystemError_type, "driver: bad cmpop");
}

/* call/meth arguments: values, or name=value keywords */
static pv call_with(pv callable, token *toks, size_t ntok, pv self) {
    pv args[32];
    pv kwvals[16];
    pv kwnames_items[16];
    size_t na = 0, nk = 0;
    if (self) args[na++] = self;
    for (size_t i = 0; i < ntok; i++) {
        size_t eq = 0;
        while (eq < toks[i].n && toks[i].s[eq] != '=' && toks[i].s[eq] != ':') eq++;
        if (eq < toks[i].n && toks[i].s[eq] == '=') {
            pv name = pync_str_from_utf8(toks[i].s, eq);
            pv v = name ? parse_value(toks[i].s + eq + 1, toks[i].n - eq - 1) : 0;
            if (!v) return 0;
            kwnames_items[nk] = name;
            kwvals[nk++] = v;
        } else {
            pv v = parse_value(toks[i].s, toks[i].n);
            if (!v) return 0;
            args[na++] = v;
        }
    }
    for (size_t i = 0; i < nk; i++) args[na + i] = kwvals[i];
    pv kwnames = nk ? pync_tuple_from_array(kwnames_items, nk) : 0;
    if (nk && !kwnames) return 0;
    return pync_call(callable, args, na, kwnames);
}

/* Random(seed): random(), gauss(), s = getstate(), 3 randoms + gauss, setstate(s), the same again:
   (a == b, a, s[0], len(s[1]), s[1][-1], s[2]) */
static pv roundtrip(token seedtok) {
    pv cls = lookup_callable((token){"random.Random", 13});
    pv seed = cls ? parse_value(seedtok.s, seedtok.n) : 0;
    pv g = seed ? pync_call1(cls, seed) : 0;
    if (!g) return 0;
    pv rnd = pync_getattr_cstr(g, "random"), gauss = rnd ? pync_getattr_cstr(g, "gauss") : 0;
    if (!gauss || !pync_call0(rnd) || !pync_call0(gauss)) return 0;
    pv s = pync_call0(pync_getattr_cstr(g, "getstate"));
    if (!s) return 0;
    pv a = pync_list_new(0), b = pync_list_new(0);
    for (int pass = 0; pass < 2; pass++) {
        pv l = pass ? b : a;
        for (int i = 0; i < 4; i++) {
            pv v = pync_call0(i < 3 ? rnd : gauss);
            if (!v || pync_list_append(l, v) < 0) return 0;
        }
        if (!pass && !pync_call1(pync_getattr_cstr(g, "setstate"), s)) return 0;
    }
    int eq = pync_equal(a, b);
    if (eq < 0) return 0;
    const pync_tuple *st = (const pync_tuple *)s;
    const pync_tuple *inner = (const pync_tuple *)st->items[1];
    return pync_tuple_pack(6, pync_bool(eq), a, st->items[0], pync_int_from_i64((int64_t)inner->size),
                           inner->items[inner->size - 1], st->items[2]);
}

static void run_case(token *t, size_t n) {
    pv r = 0;
    if (tok_is(t[0], "gc")) {
        pync_gc_collect();
        outs("ok\n");
        return;
    }
    if (tok_is(t[0], "repr") || tok_is(t[0], "str") || tok_is(t[0], "hash") || tok_is(t[0], "bool") ||
        tok_is(t[0], "type") || tok_is(t[0], "seq")) {
        pv v = parse_value(t[1].s, t[1].n);
        if (v) {
            if (tok_is(t[0], "repr") || tok_is(t[0], "seq")) {
                r = v;
            } else if (tok_is(t[0], "str")) {
                pv s = pync_str(v);
                if (s) {
                    out_escaped(s);
                    outs("\n");
                    return;
                }
            } else if (tok_is(t[0], "hash")) {
                int64_t h;
                r = pync_hash(v, &h) < 0 ? 0 : pync_int_from_i64(h);
            } else if (tok_is(t[0], "bool")) {
                int b = pync_truth(v);
                r = b < 0 ? 0 : pync_bool(b);
            } else {
                outs(pv_type(v)->name);
                outs("\n");
                return;
            }
        }
    } else if (tok_is(t[0], "bin") && n == 4) {
        pv a = parse_value(t[2].s, t[2].n);
        pv b = a ? parse_value(t[3].s, t[3].n) : 0;
        r = b ? binop_of(t[1], a, b) : 0;
    } else if (tok_is(t[0], "un") && n == 3) {
        pv a = parse_value(t[2].s, t[2].n);
        if (a) {
            if (tok_is(t[1], "-")) r = pync_unary(a, PYNC_OP_NEG);
            else if (tok_is(t[1], "+")) r = pync_unary(a, PYNC_OP_POS);
            else if (tok_is(t[1], "~")) r = pync_unary(a, PYNC_OP_INVERT);
            else r = pync_unary(a, PYNC_OP_ABS);
        }
    } else if (tok_is(t[0], "cmp") && n == 4) {
        pv a = parse_value(t[2].s, t[2].n);
        pv b = a ? parse_value(t[3].s, t[3].n) : 0;
        r = b ? cmpop_of(t[1], a, b) : 0;
    } else if (tok_is(t[0], "fmt") && n == 3) {
        pv a = parse_value(t[1].s, t[1].n);
        pv spec = a ? parse_value(t[2].s, t[2].n) : 0;
        r = spec ? pync_format(a, spec) : 0;
    } else if (tok_is(t[0], "call") && n >= 2) {
        pv f = lookup_callable(t[1]);
        r = f ? call_with(f, t + 2, n - 2, 0) : 0;
    } else if (tok_is(t[0], "meth") && n >= 3) {
        pv v = parse_value(t[1].s, t[1].n);
        pv m = v ? pync_getattr(v, pync_str_from_utf8(t[2].s, t[2].n)) : 0;
        r = m ? call_with(m, t + 3, n - 3, 0) : 0;
    } else if (tok_is(t[0], "attr") && n == 3) {
        pv v = parse_value(t[1].s, t[1].n);
        r = v ? pync_getattr(v, pync_str_from_utf8(t[2].s, t[2].n)) : 0;
    } else if (tok_is(t[0], "get") && n == 2) {
        r = lookup_callable(t[1]);
    } else if (tok_is(t[0], "inst") && n >= 3) {
        /* random.Random(seed).NAME(args) */
        pv cls = lookup_callable((token){"random.Random", 13});
        pv seed = cls ? parse_value(t[1].s, t[1].n) : 0;
        pv g = seed ? pync_call1(cls, seed) : 0;
        pv m = g ? pync_getattr(g, pync_str_from_utf8(t[2].s, t[2].n)) : 0;
        r = m ? call_with(m, t + 3, n - 3, 0) : 0;
    } else if (tok_is(t[0], "roundtrip") && n == 2) {
        r = roundtrip(t[1]);
    } else if (tok_is(t[0], "shuffle") && n == 2) {
        pv v = parse_value(t[1].s, t[1].n);
        pv f = v ? lookup_callable((token){"random.shuffle", 14}) : 0;
        pv res = f ? pync_call1(f, v) : 0;
        r = res ? v : 0;
    } else {
        r = pync_raise_fmt(&pync_SystemError_type, "driver: bad case");
    }
    print_result(r);
}

int main(int argc, char **argv) {
    int local;
    if (pync_runtime_start(&local, argc, argv) < 0) return 1;
    if (read_all() < 0) return 2;
    token toks[64];
    while (input_pos < input_len) {
        size_t end = input_pos;
        while (end < input_len && input[end] != '\n') end++;
        size_t n = 0, i = input_pos;
        while (i < end && n < 64) {
            size_t j = i;
            while (j < end && input[j] != ' ') j++;
            toks[n++] = (token){input + i, j - i};
            i = j + 1;
        }
        if (n > 0) {
            run_case(toks, n);
            if (pync_current_exc) pync_exc_clear();
        }
        input_pos = end + 1;
    }
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] == 'v') {
        /* -v: how often the collector ran, for the GC stress build */
        pync_gc_stats st;
        pync_gc_get_stats(&st);
        pv n = pync_int_from_u64(st.collections);
        pv s = n ? pync_repr(n) : 0;
        if (s) {
            pync_write(2, "collections ", 12);
            pync_write(2, pync_str_data(s), pync_str_size(s));
            pync_write(2, "\n", 1);
        }
        pync_flush(2);
    }
    return pync_runtime_finish(0);
}

/* The compiled modules of the "program": none (module.c's registry, normally emitted by the
   compiler). */
const pync_module_def *const pync_program_modules[] = {NULL};
/* the C modules the cases call into (normally the compiler lists what a program imports) */
const pync_builtin_module *const pync_program_c_modules[] = {&pync_mod_math, &pync_mod_cmath, &pync_mod_random, &pync_mod_sys, NULL};
