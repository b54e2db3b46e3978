/* containers_driver.c — runs the container test programs of tests/runtime/data/containers_cases.txt.gz
 * against the runtime, by calling it directly.
 *
 * Input (stdin): one case per line, "<name> TAB <program>", where <program> is the prefix form
 * written by scripts/gen-containers-cases.py (see there). Output: one line per case,
 * "<name> TAB <output>", the text the program printed with \\, newlines and tabs escaped. A
 * top-level statement that raises prints "!ExceptionName: message" and the next one runs, as
 * the generator's CPython run does.
 *
 * The interpreter walks the parsed program; every value it holds lives on the C stack (which the
 * collector scans) or in `slots`, a registered root array, never in malloc'd memory. */
#include "pync.h"
#include "internal.h"

typedef __SIZE_TYPE__ size_t_;
void *malloc(size_t n);
void *realloc(void *p, size_t n);
void free(void *p);
long read(int fd, void *buf, size_t n);
long write(int fd, const void *buf, size_t n);
int atoi(const char *s);

/* The program being tested is this driver: no compiled modules. */
const pync_module_def *const pync_program_modules[] = {NULL};
/* Runtime parts written by other engineers may not exist yet; weak stand-ins keep the link going. */
__attribute__((weak)) const pync_builtin_module pync_mod_math = {"math", NULL};
__attribute__((weak)) const pync_builtin_module pync_mod_random = {"random", NULL};
__attribute__((weak)) const pync_method_def pync_bytes_shared_methods[] = {{NULL, NULL, 0}};
__attribute__((weak)) const pync_method_def pync_bytearray_shared_methods[] = {{NULL, NULL, 0}};

/* from iterators.h (declared here so the driver needs only the ABI headers) */
extern const pync_type pync_enumerate_type, pync_zip_type, pync_map_type, pync_filter_type, pync_reversed_type;
pv pync_callable_iter_new(pv callable, pv sentinel);
pv pync_sorted_call(pv *args, size_t nargs, pv kwnames);
pv pync_min_max(pv *args, size_t nargs, pv kwnames, bool is_max);
pv pync_sum_call(pv *args, size_t nargs, pv kwnames);
pv pync_any(pv iterable);
pv pync_all(pv iterable);

/* ---- output -------------------------------------------------------------------------------- */

static char *out;
static size_t out_len, out_cap;

static void out_raw(const char *s, size_t n) {
    if (out_len + n + 1 > out_cap) {
        out_cap = (out_len + n + 1) * 2 + 4096;
        out = realloc(out, out_cap);
    }
    for (size_t i = 0; i < n; i++) out[out_len++] = s[i];
}

/* text of the program's output, escaped */
static void out_text(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\') out_raw("\\\\", 2);
        else if (c == '\n') out_raw("\\n", 2);
        else if (c == '\t') out_raw("\\t", 2);
        else out_raw(&c, 1);
    }
}

static void out_cstr(const char *s) { out_text(s, pync_strlen(s)); }

static void flush_out(void) {
    size_t done = 0;
    while (done < out_len) {
        long r = write(1, out + done, out_len - done);
        if (r <= 0) break;
        done += (size_t)r;
    }
    out_len = 0;
}

/* ---- programs ------------------------------------------------------------------------------- */

typedef struct node {
    const char *text;        /* atoms: the token; lists: NULL */
    int len;
    int n;                   /* lists: number of children */
    struct node **kids;
} node;

static const char *src;
static size_t src_pos;

static node *parse(void) {
    while (src[src_pos] == ' ') src_pos++;
    node *nd = malloc(sizeof(node));
    if (src[src_pos] == '(') {
        src_pos++;
        int cap = 4;
        nd->text = NULL;
        nd->n = 0;
        nd->kids = malloc(sizeof(node *) * (size_t)cap);
        for (;;) {
            while (src[src_pos] == ' ') src_pos++;
            if (src[src_pos] == ')') {
                src_pos++;
                break;
            }
            if (nd->n == cap) {
                cap *= 2;
                nd->kids = realloc(nd->kids, sizeof(node *) * (size_t)cap);
            }
            nd->kids[nd->n++] = parse();
        }
        return nd;
    }
    nd->text = src + src_pos;
    while (src[src_pos] && src[src_pos] != ' ' && src[src_pos] != ')' && src[src_pos] != '(') src_pos++;
    nd->len = (int)(src + src_pos - nd->text);
    nd->n = 0;
    nd->kids = NULL;
    return nd;
}

static void free_tree(node *nd) {
    for (int i = 0; i < nd->n; i++) free_tree(nd->kids[i]);
    free(nd->kids);
    free(nd);
}

static bool is(const node *nd, const char *word) {
    if (!nd->text) return false;
    int k = 0;
    for (; k < nd->len && word[k]; k++) {
        if (nd->text[k] != word[k]) return false;
    }
    return k == nd->len && word[k] == 0;
}

static const node *head(const node *nd) { return nd->n ? nd->kids[0] : NULL; }

/* a copy of an atom's text after its first character (names), NUL-terminated */
static char name_buf[256];
static const char *atom_name(const node *nd) {
    int n = nd->len - 1 < 255 ? nd->len - 1 : 255;
    for (int i = 0; i < n; i++) name_buf[i] = nd->text[1 + i];
    name_buf[n] = 0;
    return name_buf;
}

/* ---- variables and builtins (roots) ------------------------------------------------------------ */

#define MAX_SLOTS 512
static pv slots[MAX_SLOTS];
static char *slot_names[MAX_SLOTS];
static int n_vars;           /* variables of the current case occupy slots[0 .. n_vars) */
#define MAX_BUILTINS 64
static pv builtin_vals[MAX_BUILTINS];
static const char *builtin_names[MAX_BUILTINS];
static int n_builtins;

static pv *var_slot(const node *nd) {
    const char *name = atom_name(nd);
    for (int i = 0; i < n_vars; i++) {
        if (!__builtin_strcmp(slot_names[i], name)) return &slots[i];
    }
    if (n_vars == MAX_SLOTS) return NULL;
    size_t len = pync_strlen(name);
    slot_names[n_vars] = malloc(len + 1);
    pync_memcpy(slot_names[n_vars], name, len + 1);
    slots[n_vars] = 0;
    return &slots[n_vars++];
}

static void reset_vars(void) {
    for (int i = 0; i < n_vars; i++) {
        free(slot_names[i]);
        slots[i] = 0;
    }
    n_vars = 0;
}

static pv raise_fmt(const pync_type *t, const char *msg) { return pync_raise_fmt(t, "%s", msg); }

/* ---- the interpreter ----------------------------------------------------------------------------- */

enum { EX_OK = 0, EX_ERR = -1, EX_BREAK = 1, EX_CONTINUE = 2, EX_RETURN = 3 };

/* the value of the `return` being executed (a root: see main) */
static pv return_value;

/* A function defined by a case: a code object whose entry interprets the def's body. */
typedef struct drv_code {
    pync_code code;
    const node *params, *locals, *body;
    const char *varnames[16];
    char qualname[96];
    const char *name;
    struct drv_code *next;
} drv_code;
static drv_code *codes;      /* freed at the end of each case */

static pv eval(const node *nd);
static int exec(const node *nd);

static node **lambdas;
static int n_lambdas, cap_lambdas;

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }

static pv eval_atom(const node *nd) {
    const char *t = nd->text;
    switch (t[0]) {
    case 'i': return pync_int_from_str(t + 1, (size_t)nd->len - 1, 10);
    case 'f': {
        uint64_t bits = 0;
        for (int i = 1; i < nd->len; i++) bits = bits << 4 | (uint64_t)hexval(t[i]);
        union { uint64_t u; double d; } u = {bits};
        return pync_float_new(u.d);
    }
    case 's':
    case 'y': {
        size_t n = (size_t)(nd->len - 1) / 2;
        char *buf = malloc(n + 1);
        for (size_t i = 0; i < n; i++) buf[i] = (char)(hexval(t[1 + 2 * i]) << 4 | hexval(t[2 + 2 * i]));
        pv r = t[0] == 's' ? pync_str_from_utf8(buf, n) : pync_bytes_new((const uint8_t *)buf, n);
        free(buf);
        return r;
    }
    case 'v': {
        pv *slot = var_slot(nd);
        if (!slot) return raise_fmt(&pync_SystemError_type, "too many variables");
        if (!*slot) return pync_raise_fmt(&pync_NameError_type, "name '%s' is not defined", atom_name(nd));
        return *slot;
    }
    case 'b': {
        const char *name = atom_name(nd);
        for (int i = 0; i < n_builtins; i++) {
            if (!__builtin_strcmp(builtin_names[i], name)) return builtin_vals[i];
        }
        return pync_raise_fmt(&pync_NameError_type, "builtin '%s' is missing", name);
    }
    case 'N': return pync_None;
    case 'T': return pync_True;
    case 'F': return pync_False;
    case 'E': return pync_Ellipsis;
    }
    return raise_fmt(&pync_SystemError_type, "bad atom");
}

static int binop_code(const node *nd) {
    static const char *const names[] = {"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod",
                                        "pow", "lshift", "rshift", "and", "xor", "or"};
    for (int i = 0; i < PYNC_BINOP_COUNT; i++) {
        if (is(nd, names[i])) return i;
    }
    return -1;
}

/* Assigns v to a target: vNAME, (unpack t...), (item obj key), (attrt obj name). */
static int assign(const node *target, pv v) {
    if (target->text) {
        pv *slot = var_slot(target);
        if (!slot) return -1;
        *slot = v;
        return 0;
    }
    const node *h = head(target);
    if (is(h, "unpack")) {
        pv it = pync_iter(v);
        if (!it) return -1;
        int want = target->n - 1;
        pv vals[16];
        for (int i = 0; i < want; i++) {
            pv x = pync_next(it);
            if (!x) {
                if (!pync_current_exc) {
                    pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected %d, got %d)", want, i);
                }
                return -1;
            }
            vals[i] = x;
        }
        pv extra = pync_next(it);
        if (extra) {
            pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected %d)", want);
            return -1;
        }
        if (pync_current_exc) return -1;
        for (int i = 0; i < want; i++) {
            if (assign(target->kids[1 + i], vals[i]) < 0) return -1;
        }
        return 0;
    }
    if (is(h, "item")) {
        pv obj = eval(target->kids[1]);
        if (!obj) return -1;
        pv key = eval(target->kids[2]);
        if (!key) return -1;
        return pync_setitem(obj, key, v);
    }
    if (is(h, "attrt")) {
        pv obj = eval(target->kids[1]);
        if (!obj) return -1;
        char name[64];
        const node *a = target->kids[2];
        int n = a->len < 63 ? a->len : 63;
        for (int i = 0; i < n; i++) name[i] = a->text[i];
        name[n] = 0;
        return pync_setattr(obj, pync_str_from_cstr(name), v);
    }
    raise_fmt(&pync_SystemError_type, "bad target");
    return -1;
}

/* Evaluates call arguments kids[from..], where a trailing (kw name value ...) gives keywords.
   Fills args (positional then keyword values) and returns the count of positional ones, or -1. */
#define MAX_ARGS 32
static int eval_args(const node *nd, int from, pv *args, pv *kwnames) {
    int nargs = 0;
    *kwnames = 0;
    for (int i = from; i < nd->n; i++) {
        const node *k = nd->kids[i];
        if (!k->text && is(head(k), "kw")) {
            int nkw = (k->n - 1) / 2;
            pv names = pync_tuple_new((size_t)nkw);
            if (!names) return -1;
            for (int j = 0; j < nkw; j++) {
                const node *nm = k->kids[1 + 2 * j];
                char name[64];
                int n = nm->len < 63 ? nm->len : 63;
                for (int c = 0; c < n; c++) name[c] = nm->text[c];
                name[n] = 0;
                pv s = pync_str_from_cstr(name);
                if (!s) return -1;
                ((pync_tuple *)names)->items[j] = s;
                pv v = eval(k->kids[2 + 2 * j]);
                if (!v) return -1;
                args[nargs + j] = v;
            }
            *kwnames = names;
            return nargs;
        }
        if (nargs >= MAX_ARGS) return -1;
        pv v = eval(k);
        if (!v) return -1;
        args[nargs++] = v;
    }
    return nargs;
}

static pv lambda_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const node *lam = lambdas[pv_small(self)];
    const node *params = lam->kids[1];
    if (kwnames || (int)nargs != params->n) {
        return pync_raise_fmt(&pync_TypeError_type, "<lambda>() takes %d positional arguments but %d were given",
                              params->n, (int)nargs);
    }
    pv saved[8];
    for (int i = 0; i < params->n; i++) {
        pv *slot = var_slot(params->kids[i]);
        saved[i] = *slot;
        *slot = args[i];
    }
    pv r = eval(lam->kids[2]);
    for (int i = 0; i < params->n; i++) *var_slot(params->kids[i]) = saved[i];
    return r;
}

/* (listcomp target iter cond body), (setcomp ...), (genexp ...), (dictcomp target iter cond key value) */
static pv eval_comprehension(const node *nd, int kind) {
    pv result = kind == 2 ? pync_dict_new() : kind == 1 ? pync_set_new() : pync_list_new(0);
    if (!result) return 0;
    const node *target = nd->kids[1];
    pv src_iterable = eval(nd->kids[2]);
    if (!src_iterable) return 0;
    pv it = pync_iter(src_iterable);
    if (!it) return 0;
    /* comprehension variables do not leak: save and restore the target's variable */
    pv *slot = target->text ? var_slot(target) : NULL;
    pv saved = slot ? *slot : 0;
    pv r = result;
    for (;;) {
        pv x = pync_next(it);
        if (!x) {
            if (pync_current_exc) r = 0;
            break;
        }
        if (assign(target, x) < 0) {
            r = 0;
            break;
        }
        pv c = eval(nd->kids[3]);
        int t = c ? pync_truth(c) : -1;
        if (t < 0) {
            r = 0;
            break;
        }
        if (!t) continue;
        pv v = eval(nd->kids[4]);
        if (!v) {
            r = 0;
            break;
        }
        int ok;
        if (kind == 2) {
            pv val = eval(nd->kids[5]);
            ok = val ? pync_setitem(result, v, val) : -1;
        } else if (kind == 1) {
            ok = pync_set_add(result, v);
        } else {
            ok = pync_list_append(result, v);
        }
        if (ok < 0) {
            r = 0;
            break;
        }
    }
    if (slot) *slot = saved;
    if (r && kind == 3) return pync_iter(r);
    return r;
}

static pv eval(const node *nd) {
    if (nd->text) return eval_atom(nd);
    const node *h = head(nd);
    if (is(h, "call") || is(h, "method")) {
        bool method = is(h, "method");
        pv fn = eval(nd->kids[1]);
        if (!fn) return 0;
        pv args[MAX_ARGS * 2];
        pv kwnames;
        int nargs = eval_args(nd, 2 + method, args, &kwnames);
        if (nargs < 0) return 0;
        if (method) {
            char name[64];
            const node *a = nd->kids[2];
            int n = a->len < 63 ? a->len : 63;
            for (int i = 0; i < n; i++) name[i] = a->text[i];
            name[n] = 0;
            pv s = pync_str_from_cstr(name);
            if (!s) return 0;
            return pync_call_method(fn, s, args, (size_t)nargs, kwnames);
        }
        return pync_call(fn, args, (size_t)nargs, kwnames);
    }
    if (is(h, "attr")) {
        pv obj = eval(nd->kids[1]);
        if (!obj) return 0;
        char name[64];
        const node *a = nd->kids[2];
        int n = a->len < 63 ? a->len : 63;
        for (int i = 0; i < n; i++) name[i] = a->text[i];
        name[n] = 0;
        return pync_getattr_cstr(obj, name);
    }
    if (is(h, "getitem")) {
        pv obj = eval(nd->kids[1]);
        if (!obj) return 0;
        pv key = eval(nd->kids[2]);
        if (!key) return 0;
        return pync_getitem(obj, key);
    }
    if (is(h, "slice")) {
        pv a = eval(nd->kids[1]);
        if (!a) return 0;
        pv b = eval(nd->kids[2]);
        if (!b) return 0;
        pv c = eval(nd->kids[3]);
        if (!c) return 0;
        return pync_slice_new(a, b, c);
    }
    if (is(h, "binop")) {
        int op = binop_code(nd->kids[1]);
        pv a = eval(nd->kids[2]);
        if (!a) return 0;
        pv b = eval(nd->kids[3]);
        if (!b) return 0;
        return pync_binary(a, b, (pync_binop)op);
    }
    if (is(h, "unop")) {
        pv a = eval(nd->kids[2]);
        if (!a) return 0;
        const node *op = nd->kids[1];
        if (is(op, "not")) return pync_not(a);
        return pync_unary(a, is(op, "neg") ? PYNC_OP_NEG : is(op, "pos") ? PYNC_OP_POS : PYNC_OP_INVERT);
    }
    if (is(h, "cmp")) {
        const node *op = nd->kids[1];
        pv a = eval(nd->kids[2]);
        if (!a) return 0;
        pv b = eval(nd->kids[3]);
        if (!b) return 0;
        static const char *const ops[] = {"lt", "le", "eq", "ne", "gt", "ge"};
        for (int i = 0; i < 6; i++) {
            if (is(op, ops[i])) return pync_compare(a, b, (pync_cmpop)i);
        }
        if (is(op, "is")) return pync_bool(a == b);
        if (is(op, "isnot")) return pync_bool(a != b);
        int r = pync_contains(b, a);
        if (r < 0) return 0;
        return pync_bool(is(op, "in") ? r : !r);
    }
    if (is(h, "and") || is(h, "or")) {
        pv a = eval(nd->kids[1]);
        if (!a) return 0;
        int t = pync_truth(a);
        if (t < 0) return 0;
        if (is(h, "and") ? !t : t) return a;
        return eval(nd->kids[2]);
    }
    if (is(h, "ifexp")) {
        pv c = eval(nd->kids[1]);
        if (!c) return 0;
        int t = pync_truth(c);
        if (t < 0) return 0;
        return eval(nd->kids[t ? 2 : 3]);
    }
    if (is(h, "list") || is(h, "tuple") || is(h, "set") || is(h, "setconst")) {
        pv l = pync_list_new(0);
        if (!l) return 0;
        for (int i = 1; i < nd->n; i++) {
            pv v = eval(nd->kids[i]);
            if (!v || pync_list_append(l, v) < 0) return 0;
        }
        if (is(h, "list")) return l;
        pync_list *lst = (pync_list *)l;
        pv t = pync_tuple_from_array(lst->items, lst->size);
        if (!t || is(h, "tuple")) return t;
        pv s = pync_set_new();
        if (!s) return 0;
        if (is(h, "set")) {
            for (size_t i = 0; i < lst->size; i++) {
                if (pync_set_add(s, lst->items[i]) < 0) return 0;
            }
            return s;
        }
        /* CPython 3.11: the compiler's frozenset constant, re-created from its own iteration
           order when constants are merged, then set().update(it) */
        pv f = pync_frozenset_new(t);
        if (!f) return 0;
        pv again = pync_list_from_iterable(f);
        if (!again) return 0;
        f = pync_frozenset_new(pync_tuple_from_array(((pync_list *)again)->items, ((pync_list *)again)->size));
        if (!f) return 0;
        pv upd = pync_call_method(s, pync_str_from_cstr("update"), &f, 1, 0);
        return upd ? s : 0;
    }
    if (is(h, "dict")) {
        pv d = pync_dict_new();
        if (!d) return 0;
        for (int i = 1; i + 1 < nd->n; i += 2) {
            pv k = eval(nd->kids[i]);
            if (!k) return 0;
            pv v = eval(nd->kids[i + 1]);
            if (!v || pync_dict_setitem(d, k, v) < 0) return 0;
        }
        return d;
    }
    if (is(h, "lambda")) {
        if (n_lambdas == cap_lambdas) {
            cap_lambdas = cap_lambdas ? cap_lambdas * 2 : 16;
            lambdas = realloc(lambdas, sizeof(node *) * (size_t)cap_lambdas);
        }
        lambdas[n_lambdas] = (node *)nd;
        return pync_builtin_new("<lambda>", lambda_call, pv_from_small(n_lambdas++));
    }
    if (is(h, "super")) {
        pv cls = eval(nd->kids[1]);
        if (!cls) return 0;
        pv self = eval(nd->kids[2]);
        if (!self) return 0;
        return pync_super_new(cls, self);
    }
    if (is(h, "listcomp")) return eval_comprehension(nd, 0);
    if (is(h, "setcomp")) return eval_comprehension(nd, 1);
    if (is(h, "dictcomp")) return eval_comprehension(nd, 2);
    if (is(h, "genexp")) return eval_comprehension(nd, 3);
    return raise_fmt(&pync_SystemError_type, "unknown expression");
}

static char *atom_copy(const node *nd, int skip) {
    char *c = malloc((size_t)(nd->len - skip) + 1);
    pync_memcpy(c, nd->text + skip, (size_t)(nd->len - skip));
    c[nd->len - skip] = 0;
    return c;
}

static pv function_entry(pv func, pv *bound) {
    const drv_code *dc = (const drv_code *)((pync_function *)func)->code;
    int np = dc->params->n, nl = dc->locals->n;
    pv saved[64];
    if (np + nl > 64) return raise_fmt(&pync_SystemError_type, "too many locals");
    for (int i = 0; i < np; i++) {
        pv *slot = var_slot(dc->params->kids[i]);
        saved[i] = *slot;
        *slot = bound[i];
    }
    for (int i = 0; i < nl; i++) {
        pv *slot = var_slot(dc->locals->kids[i]);
        saved[np + i] = *slot;
        *slot = 0;
    }
    int r = exec(dc->body);
    pv result = r == EX_ERR ? 0 : r == EX_RETURN ? return_value : pync_None;
    return_value = 0;
    for (int i = 0; i < np; i++) *var_slot(dc->params->kids[i]) = saved[i];
    for (int i = 0; i < nl; i++) *var_slot(dc->locals->kids[i]) = saved[np + i];
    return result;
}

/* (qualname (params) (locals) body) -> a function object */
static pv make_function(const node *const *parts) {
    drv_code *dc = malloc(sizeof(drv_code));
    pync_memset(dc, 0, sizeof(drv_code));
    const node *q = parts[0];
    int n = q->len < 95 ? q->len : 95;
    pync_memcpy(dc->qualname, q->text, (size_t)n);
    dc->qualname[n] = 0;
    const char *dot = dc->qualname;
    for (const char *c = dc->qualname; *c; c++) {
        if (*c == '.') dot = c + 1;
    }
    dc->name = dot;
    dc->params = parts[1];
    dc->locals = parts[2];
    dc->body = parts[3];
    for (int i = 0; i < dc->params->n && i < 16; i++) dc->varnames[i] = atom_copy(dc->params->kids[i], 1);
    dc->code.name = dc->name;
    dc->code.qualname = dc->qualname;
    dc->code.filename = "<case>";
    dc->code.argcount = (uint16_t)dc->params->n;
    dc->code.varnames = dc->varnames;
    dc->code.entry = function_entry;
    dc->next = codes;
    codes = dc;
    return pync_function_new(&dc->code, 0, 0, 0);
}

static void free_codes(void) {
    while (codes) {
        drv_code *next = codes->next;
        for (int i = 0; i < 16; i++) free((void *)codes->varnames[i]);
        free(codes);
        codes = next;
    }
}

/* (class vNAME (bases) (nsdef NAME qualname (params) (locals) body) (nsassign NAME expr) ...) */
static pv make_class(const node *nd) {
    const char *cname = atom_name(nd->kids[1]);
    pv name = pync_str_from_cstr(cname);
    if (!name) return 0;
    const node *bases_nd = nd->kids[2];
    pv bases = pync_tuple_new((size_t)bases_nd->n);
    if (!bases) return 0;
    for (int i = 0; i < bases_nd->n; i++) {
        pv b = eval(bases_nd->kids[i]);
        if (!b) return 0;
        ((pync_tuple *)bases)->items[i] = b;
    }
    pv ns = pync_dict_new();
    if (!ns) return 0;
    if (pync_dict_setitem(ns, pync_str_from_cstr("__module__"), pync_str_from_cstr("__main__")) < 0) return 0;
    if (pync_dict_setitem(ns, pync_str_from_cstr("__qualname__"), name) < 0) return 0;
    for (int i = 3; i < nd->n; i++) {
        const node *m = nd->kids[i];
        char *key = atom_copy(m->kids[1], 0);
        pv k = pync_str_from_cstr(key);
        free(key);
        if (!k) return 0;
        pv v = is(head(m), "nsdef") ? make_function((const node *const *)&m->kids[2]) : eval(m->kids[2]);
        if (!v || pync_dict_setitem(ns, k, v) < 0) return 0;
    }
    return pync_class_new(name, name, bases, ns, 0);
}

static int exec_block(const node *nd) {
    for (int i = 1; i < nd->n; i++) {
        int r = exec(nd->kids[i]);
        if (r != EX_OK) return r;
    }
    return EX_OK;
}

static int do_print(const node *nd) {
    char *line = NULL;
    size_t len = 0;
    for (int i = 1; i < nd->n; i++) {
        pv v = eval(nd->kids[i]);
        if (!v) goto fail;
        pv s = pync_str(v);
        if (!s) goto fail;
        size_t n = pync_str_size(s);
        line = realloc(line, len + n + 2);
        if (i > 1) line[len++] = ' ';
        pync_memcpy(line + len, pync_str_data(s), n);
        len += n;
    }
    line = realloc(line, len + 1);
    line[len++] = '\n';
    out_text(line, len);
    free(line);
    return EX_OK;
fail:
    free(line);
    return EX_ERR;
}

static int exec(const node *nd) {
    const node *h = head(nd);
    if (is(h, "seq")) return exec_block(nd);
    if (is(h, "print")) return do_print(nd);
    if (is(h, "expr")) return eval(nd->kids[1]) ? EX_OK : EX_ERR;
    if (is(h, "assign")) {
        pv v = eval(nd->kids[2]);
        if (!v) return EX_ERR;
        return assign(nd->kids[1], v) < 0 ? EX_ERR : EX_OK;
    }
    if (is(h, "augname")) {
        pv *slot = var_slot(nd->kids[1]);
        pv cur = eval(nd->kids[1]);
        if (!cur) return EX_ERR;
        pv v = eval(nd->kids[3]);
        if (!v) return EX_ERR;
        pv r = pync_inplace(cur, v, (pync_binop)binop_code(nd->kids[2]));
        if (!r) return EX_ERR;
        slot = var_slot(nd->kids[1]);
        *slot = r;
        return EX_OK;
    }
    if (is(h, "augitem")) {
        pv obj = eval(nd->kids[1]);
        if (!obj) return EX_ERR;
        pv key = eval(nd->kids[2]);
        if (!key) return EX_ERR;
        pv cur = pync_getitem(obj, key);
        if (!cur) return EX_ERR;
        pv v = eval(nd->kids[4]);
        if (!v) return EX_ERR;
        pv r = pync_inplace(cur, v, (pync_binop)binop_code(nd->kids[3]));
        if (!r) return EX_ERR;
        return pync_setitem(obj, key, r) < 0 ? EX_ERR : EX_OK;
    }
    if (is(h, "delitem")) {
        pv obj = eval(nd->kids[1]);
        if (!obj) return EX_ERR;
        pv key = eval(nd->kids[2]);
        if (!key) return EX_ERR;
        return pync_setitem(obj, key, 0) < 0 ? EX_ERR : EX_OK;
    }
    if (is(h, "delname")) {
        pv *slot = var_slot(nd->kids[1]);
        *slot = 0;
        return EX_OK;
    }
    if (is(h, "for")) {
        pv iterable = eval(nd->kids[2]);
        if (!iterable) return EX_ERR;
        pv it = pync_iter(iterable);
        if (!it) return EX_ERR;
        for (;;) {
            pv x = pync_next(it);
            if (!x) return pync_current_exc ? EX_ERR : EX_OK;
            if (assign(nd->kids[1], x) < 0) return EX_ERR;
            int r = exec(nd->kids[3]);
            if (r == EX_ERR || r == EX_RETURN) return r;
            if (r == EX_BREAK) return EX_OK;
        }
    }
    if (is(h, "while")) {
        for (;;) {
            pv c = eval(nd->kids[1]);
            if (!c) return EX_ERR;
            int t = pync_truth(c);
            if (t < 0) return EX_ERR;
            if (!t) return EX_OK;
            int r = exec(nd->kids[2]);
            if (r == EX_ERR || r == EX_RETURN) return r;
            if (r == EX_BREAK) return EX_OK;
        }
    }
    if (is(h, "if")) {
        pv c = eval(nd->kids[1]);
        if (!c) return EX_ERR;
        int t = pync_truth(c);
        if (t < 0) return EX_ERR;
        return exec(nd->kids[t ? 2 : 3]);
    }
    if (is(h, "try")) {
        int r = exec(nd->kids[1]);
        if (r != EX_ERR) return r;
        pv exc = pync_exc_fetch();
        if (nd->kids[2]->text && nd->kids[2]->text[0] == 'v') {
            pv *slot = var_slot(nd->kids[2]);
            *slot = exc;
        }
        return exec(nd->kids[3]);
    }
    if (is(h, "def")) {
        pv f = make_function((const node *const *)&nd->kids[2]);
        if (!f) return EX_ERR;
        return assign(nd->kids[1], f) < 0 ? EX_ERR : EX_OK;
    }
    if (is(h, "class")) {
        pv c = make_class(nd);
        if (!c) return EX_ERR;
        return assign(nd->kids[1], c) < 0 ? EX_ERR : EX_OK;
    }
    if (is(h, "return")) {
        pv v = eval(nd->kids[1]);
        if (!v) return EX_ERR;
        return_value = v;
        return EX_RETURN;
    }
    if (is(h, "raise")) {
        pv v = eval(nd->kids[1]);
        if (!v) return EX_ERR;
        pync_raise(v);
        return EX_ERR;
    }
    if (is(h, "break")) return EX_BREAK;
    if (is(h, "continue")) return EX_CONTINUE;
    raise_fmt(&pync_SystemError_type, "unknown statement");
    return EX_ERR;
}

/* ---- builtins ------------------------------------------------------------------------------- */

static pv error_text(pv exc) {
    pv msg = pync_str(exc);
    if (!msg) return 0;
    return pync_str_fmt("%s: %U", pv_type(exc)->name, msg);
}

static pv bi_E(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    (void)kwnames;
    if (nargs != 1) return raise_fmt(&pync_TypeError_type, "E() takes one argument");
    return error_text(args[0]);
}

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

static pv bi_str(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("str", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_str(args[0]);
}

static pv bi_hash(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("hash", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t h;
    if (pync_hash(args[0], &h) < 0) return 0;
    return pync_int_from_i64(h);
}

static pv bi_iter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("iter", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2) return pync_callable_iter_new(args[0], args[1]);
    return pync_iter(args[0]);
}

static pv bi_next(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("next", nargs, kwnames, 1, 2) < 0) return 0;
    pv v = pync_next(args[0]);
    if (v || pync_current_exc) return v;
    if (nargs == 2) return args[1];
    return pync_raise((pv)&pync_StopIteration_type);
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
    if (nargs != 1 || kwnames) {
        return pync_raise_fmt(&pync_TypeError_type, "any() takes exactly one argument (%d given)", (int)nargs);
    }
    return pync_any(args[0]);
}
static pv bi_all(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (nargs != 1 || kwnames) {
        return pync_raise_fmt(&pync_TypeError_type, "all() takes exactly one argument (%d given)", (int)nargs);
    }
    return pync_all(args[0]);
}

static void add_builtin(const char *name, pv value) {
    builtin_names[n_builtins] = name;
    builtin_vals[n_builtins++] = value;
}

static int init_builtins(void) {
    pync_gc_add_roots(builtin_vals, MAX_BUILTINS);
    add_builtin("E", pync_builtin_new("E", bi_E, 0));
    add_builtin("len", pync_builtin_new("len", bi_len, 0));
    add_builtin("repr", pync_builtin_new("repr", bi_repr, 0));
    add_builtin("str", pync_str_type.construct ? (pv)&pync_str_type : pync_builtin_new("str", bi_str, 0));
    add_builtin("hash", pync_builtin_new("hash", bi_hash, 0));
    add_builtin("iter", pync_builtin_new("iter", bi_iter, 0));
    add_builtin("next", pync_builtin_new("next", bi_next, 0));
    add_builtin("sorted", pync_builtin_new("sorted", bi_sorted, 0));
    add_builtin("min", pync_builtin_new("min", bi_min, 0));
    add_builtin("max", pync_builtin_new("max", bi_max, 0));
    add_builtin("sum", pync_builtin_new("sum", bi_sum, 0));
    add_builtin("any", pync_builtin_new("any", bi_any, 0));
    add_builtin("all", pync_builtin_new("all", bi_all, 0));
    add_builtin("list", (pv)&pync_list_type);
    add_builtin("tuple", (pv)&pync_tuple_type);
    add_builtin("set", (pv)&pync_set_type);
    add_builtin("frozenset", (pv)&pync_frozenset_type);
    add_builtin("dict", (pv)&pync_dict_type);
    add_builtin("range", (pv)&pync_range_type);
    add_builtin("slice", (pv)&pync_slice_type);
    add_builtin("enumerate", (pv)&pync_enumerate_type);
    add_builtin("zip", (pv)&pync_zip_type);
    add_builtin("map", (pv)&pync_map_type);
    add_builtin("filter", (pv)&pync_filter_type);
    add_builtin("reversed", (pv)&pync_reversed_type);
    add_builtin("type", (pv)&pync_type_type);
    add_builtin("int", (pv)&pync_int_type);
    add_builtin("float", (pv)&pync_float_type);
    add_builtin("bool", (pv)&pync_bool_type);
    add_builtin("ValueError", (pv)&pync_ValueError_type);
    add_builtin("IndexError", (pv)&pync_IndexError_type);
    add_builtin("KeyError", (pv)&pync_KeyError_type);
    add_builtin("TypeError", (pv)&pync_TypeError_type);
    add_builtin("RuntimeError", (pv)&pync_RuntimeError_type);
    add_builtin("StopIteration", (pv)&pync_StopIteration_type);
    static const char *const from_runtime[] = {"isinstance", "abs", NULL};
    for (int i = 0; from_runtime[i]; i++) {
        pv b = pync_builtin(from_runtime[i]);
        if (b) add_builtin(from_runtime[i], b);
    }
    for (int i = 0; i < n_builtins; i++) {
        if (!builtin_vals[i]) return -1;
    }
    return 0;
}

/* ---- main ------------------------------------------------------------------------------------ */

static void report_error(void) {
    pv exc = pync_exc_fetch();
    pv text = exc ? error_text(exc) : 0;
    out_raw("!", 1);
    if (text) {
        out_text(pync_str_data(text), pync_str_size(text));
    } else {
        pync_exc_clear();
        out_cstr("<error while formatting an exception>");
    }
    out_raw("\\n", 2);
}

static void run_case(const char *line, size_t len) {
    size_t tab = 0;
    while (tab < len && line[tab] != '\t') tab++;
    out_raw(line, tab);
    out_raw("\t", 1);
    char *program = malloc(len - tab + 1);
    pync_memcpy(program, line + tab + 1, len - tab - 1);
    program[len - tab - 1] = 0;
    src = program;
    src_pos = 0;
    node *prog = parse();
    for (int i = 1; i < prog->n; i++) {
        int r = exec(prog->kids[i]);
        if (r == EX_ERR || pync_current_exc) report_error();
    }
    free_tree(prog);
    free(program);
    free_codes();
    reset_vars();
    n_lambdas = 0;
    out_raw("\n", 1);
    flush_out();
}

int main(int argc, char **argv) {
    int local;
    /* before start-up: a tiny collection threshold collects during it */
    pync_gc_add_roots(slots, MAX_SLOTS);
    pync_gc_add_roots(&return_value, 1);
    if (pync_runtime_start(&local, argc, argv) < 0) return 2;
    if (init_builtins() < 0) return 3;
    size_t cap = 1 << 20, len = 0;
    char *input = malloc(cap);
    for (;;) {
        if (len == cap) input = realloc(input, cap *= 2);
        long r = read(0, input + len, cap - len);
        if (r <= 0) break;
        len += (size_t)r;
    }
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (input[i] != '\n') continue;
        if (i > start) run_case(input + start, i - start);
        start = i + 1;
    }
    free(input);
    pync_gc_stats st;
    pync_gc_get_stats(&st);
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] == 'v') {
        out_raw("#collections\t", 13);
        char num[32];
        int n = 0;
        size_t c = st.collections;
        do {
            num[n++] = (char)('0' + c % 10);
            c /= 10;
        } while (c);
        while (n) out_raw(&num[--n], 1);
        out_raw("\n", 1);
        flush_out();
    }
    return pync_runtime_finish(0);
}
