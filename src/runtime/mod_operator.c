/* mod_operator.c — the operator module, as CPython 3.11's Modules/_operator.c: the operator
 * functions (with their dunder aliases, which are the same functions), itemgetter, attrgetter
 * (dotted names) and methodcaller, with CPython's argument errors and reprs. */
#include "stdmods.h"

/* ==== argument checks =========================================================================== */

/* positional-only functions taking exactly n arguments: "add expected 2 arguments, got 1" */
static int check_n(const char *name, const char *qualname, size_t nargs, pv kwnames, size_t min, size_t max) {
    if (pync_no_kwargs(qualname, kwnames) < 0) return -1;
    return pync_check_positional(name, nargs, 0, min, max);
}

/* ==== binary and in-place operators ============================================================= */

#define BINOP(NAME, INAME, OP)                                                                  \
    static pv op_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                           \
        (void)self;                                                                              \
        if (check_n(#NAME, "_operator." #NAME, nargs, kwnames, 2, 2) < 0) return 0;              \
        return pync_binary(args[0], args[1], OP);                                                \
    }                                                                                            \
    static pv op_##INAME(pv self, pv *args, size_t nargs, pv kwnames) {                          \
        (void)self;                                                                              \
        if (check_n(#INAME, "_operator." #INAME, nargs, kwnames, 2, 2) < 0) return 0;            \
        return pync_inplace(args[0], args[1], OP);                                               \
    }

BINOP(add, iadd, PYNC_OP_ADD)
BINOP(sub, isub, PYNC_OP_SUB)
BINOP(mul, imul, PYNC_OP_MUL)
BINOP(matmul, imatmul, PYNC_OP_MATMUL)
BINOP(truediv, itruediv, PYNC_OP_TRUEDIV)
BINOP(floordiv, ifloordiv, PYNC_OP_FLOORDIV)
BINOP(mod, imod, PYNC_OP_MOD)
BINOP(pow, ipow, PYNC_OP_POW)
BINOP(lshift, ilshift, PYNC_OP_LSHIFT)
BINOP(rshift, irshift, PYNC_OP_RSHIFT)
BINOP(and_, iand, PYNC_OP_AND)
BINOP(xor, ixor, PYNC_OP_XOR)
BINOP(or_, ior, PYNC_OP_OR)

/* ==== comparisons ================================================================================= */

#define CMPOP(NAME, OP)                                                                         \
    static pv op_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                           \
        (void)self;                                                                              \
        if (check_n(#NAME, "_operator." #NAME, nargs, kwnames, 2, 2) < 0) return 0;              \
        return pync_compare(args[0], args[1], OP);                                               \
    }

CMPOP(lt, PYNC_LT)
CMPOP(le, PYNC_LE)
CMPOP(eq, PYNC_EQ)
CMPOP(ne, PYNC_NE)
CMPOP(gt, PYNC_GT)
CMPOP(ge, PYNC_GE)

/* ==== one-argument functions ======================================================================= */

#define UNOP(NAME, OP)                                                                          \
    static pv op_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                           \
        (void)self;                                                                              \
        if (pync_no_kwargs("_operator." #NAME, kwnames) < 0) return 0;                           \
        if (pync_check_one_arg("_operator." #NAME, nargs, 0) < 0) return 0;                      \
        return pync_unary(args[0], OP);                                                          \
    }

UNOP(neg, PYNC_OP_NEG)
UNOP(pos, PYNC_OP_POS)
UNOP(abs, PYNC_OP_ABS)
UNOP(inv, PYNC_OP_INVERT)
UNOP(invert, PYNC_OP_INVERT)

static int check_one(const char *qualname, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(qualname, kwnames) < 0) return -1;
    return pync_check_one_arg(qualname, nargs, 0);
}

static pv op_not_(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_one("_operator.not_", nargs, kwnames) < 0) return 0;
    return pync_not(args[0]);
}

static pv op_truth(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_one("_operator.truth", nargs, kwnames) < 0) return 0;
    int t = pync_truth(args[0]);
    return t < 0 ? 0 : pync_bool(t);
}

static pv op_index(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_one("_operator.index", nargs, kwnames) < 0) return 0;
    return pync_number_index(args[0]);
}

/* ==== identity, sequences, items ================================================================== */

static pv op_is_(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("is_", "_operator.is_", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_bool(args[0] == args[1]);
}

static pv op_is_not(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("is_not", "_operator.is_not", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_bool(args[0] != args[1]);
}

/* PySequence_Check: item access, and not a mapping */
static bool is_sequence(pv v) {
    const pync_type *t = pv_type(v);
    if (t->flags & PYNC_TF_DICT_SUBCLASS) return false;
    return t->getitem != NULL;
}

/* the built-in sequences whose + is concatenation (sq_concat) */
static bool has_sq_concat(pv v) {
    const pync_type *t = pv_type(v);
    return pync_is_subtype(t, &pync_list_type) || pync_is_subtype(t, &pync_tuple_type) ||
           pync_is_subtype(t, &pync_str_type) || pync_is_subtype(t, &pync_bytes_type) ||
           pync_is_subtype(t, &pync_bytearray_type) || pync_is_subtype(t, &pync_deque_type);
}

static pv concat_impl(pv a, pv b, bool inplace) {
    if (has_sq_concat(a) || (is_sequence(a) && is_sequence(b))) {
        return inplace ? pync_inplace(a, b, PYNC_OP_ADD) : pync_binary(a, b, PYNC_OP_ADD);
    }
    return pync_raise_fmt(&pync_TypeError_type, "'%T' object can't be concatenated", a);
}

static pv op_concat(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("concat", "_operator.concat", nargs, kwnames, 2, 2) < 0) return 0;
    return concat_impl(args[0], args[1], false);
}

static pv op_iconcat(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("iconcat", "_operator.iconcat", nargs, kwnames, 2, 2) < 0) return 0;
    return concat_impl(args[0], args[1], true);
}

static pv op_contains(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("contains", "_operator.contains", nargs, kwnames, 2, 2) < 0) return 0;
    int r = pync_contains(args[0], args[1]);
    return r < 0 ? 0 : pync_bool(r);
}

/* iterates a for countOf / indexOf: "argument of type 'int' is not iterable" */
static pv iter_for_search(pv a) {
    pv it = pync_iter(a);
    if (!it && pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
        pync_exc_clear();
        return pync_raise_fmt(&pync_TypeError_type, "argument of type '%T' is not iterable", a);
    }
    return it;
}

static pv op_countOf(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("countOf", "_operator.countOf", nargs, kwnames, 2, 2) < 0) return 0;
    pv it = iter_for_search(args[0]);
    if (!it) return 0;
    int64_t n = 0;
    for (;;) {
        pv item = pync_stdmod_next(it);
        if (!item) return pync_current_exc ? 0 : pync_int_from_i64(n);
        int eq = item == args[1] ? 1 : pync_equal(item, args[1]);
        if (eq < 0) return 0;
        n += eq;
    }
}

static pv op_indexOf(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("indexOf", "_operator.indexOf", nargs, kwnames, 2, 2) < 0) return 0;
    pv it = iter_for_search(args[0]);
    if (!it) return 0;
    for (int64_t i = 0;; i++) {
        pv item = pync_stdmod_next(it);
        if (!item) {
            if (pync_current_exc) return 0;
            return pync_raise_fmt(&pync_ValueError_type, "sequence.index(x): x not in sequence");
        }
        int eq = item == args[1] ? 1 : pync_equal(item, args[1]);
        if (eq < 0) return 0;
        if (eq) return pync_int_from_i64(i);
    }
}

static pv op_getitem(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("getitem", "_operator.getitem", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_getitem(args[0], args[1]);
}

static pv op_setitem(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("setitem", "_operator.setitem", nargs, kwnames, 3, 3) < 0) return 0;
    return pync_setitem(args[0], args[1], args[2]) < 0 ? 0 : pync_None;
}

static pv op_delitem(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("delitem", "_operator.delitem", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_setitem(args[0], args[1], 0) < 0 ? 0 : pync_None;
}

/* PyObject_LengthHint(o, default) */
static pv op_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (check_n("length_hint", "_operator.length_hint", nargs, kwnames, 1, 2) < 0) return 0;
    pv obj = args[0];
    int64_t dflt = 0;
    if (nargs > 1) {
        if (!pync_has_index(args[1])) {
            return pync_raise_fmt(&pync_TypeError_type, "'%T' object cannot be interpreted as an integer", args[1]);
        }
        if (pync_index(args[1], &dflt) < 0) return 0;
    }
    if (pv_type(obj)->len) {
        int64_t n = pync_len(obj);
        if (n >= 0) return pync_int_from_i64(n);
        if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) <= 0) return 0;
        pync_exc_clear();
    }
    pv hint = pync_type_lookup_cstr(pv_type(obj), "__length_hint__");
    if (!hint) {
        if (pync_current_exc) return 0;
        return pync_int_from_i64(dflt);
    }
    pv bound = pync_descr_get(hint, obj, pv_type(obj));
    pv r = bound ? pync_call(bound, NULL, 0, 0) : 0;
    if (!r) {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
            pync_exc_clear();
            return pync_int_from_i64(dflt);
        }
        return 0;
    }
    if (r == pync_NotImplemented) return pync_int_from_i64(dflt);
    if (!pync_isinstance_type(r, &pync_int_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__length_hint__ must be an integer, not %T", r);
    }
    int64_t n;
    if (pync_index(r, &n) < 0) return 0;
    if (n < 0) return pync_raise_fmt(&pync_ValueError_type, "__length_hint__() should return >= 0");
    return pync_int_from_i64(n);
}

/* operator.call(obj, /, *args, **kwargs) (3.11) */
static pv op_call(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "call expected at least 1 argument, got 0");
    return pync_call(args[0], args + 1, nargs - 1, kwnames);
}

/* ==== itemgetter ====================================================================================== */

typedef struct itemgetter_object {
    pync_object ob;
    pv items;                /* tuple */
} itemgetter_object;

static pync_type itemgetter_type;

static void itemgetter_trace(pync_object *o) { pync_gc_visit(((itemgetter_object *)o)->items); }

static pv itemgetter_make(pv items) {
    if (pync_stdmod_ready(&itemgetter_type, "operator") < 0) return 0;
    itemgetter_object *ig = pync_gc_alloc(sizeof(itemgetter_object), &itemgetter_type);
    if (!ig) return 0;
    ig->items = items;
    return (pv)ig;
}

pv pync_itemgetter_new(pv item) {
    pv items = pync_tuple_pack(1, item);
    return items ? itemgetter_make(items) : 0;
}

static pv itemgetter_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t;
    if (pync_no_kwargs("itemgetter", kwnames) < 0) return 0;
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "itemgetter expected 1 argument, got 0");
    pv items = pync_tuple_from_array(args, nargs);
    return items ? itemgetter_make(items) : 0;
}

static pv itemgetter_call(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("itemgetter", kwnames) < 0) return 0;
    if (pync_check_positional("itemgetter", nargs, 0, 1, 1) < 0) return 0;
    const pync_tuple *items = (const pync_tuple *)((itemgetter_object *)self)->items;
    pv obj = args[0];
    if (items->size == 1) return pync_getitem(obj, items->items[0]);
    pv r = pync_tuple_new(items->size);
    if (!r) return 0;
    for (size_t i = 0; i < items->size; i++) {
        pv v = pync_getitem(obj, items->items[i]);
        if (!v) return 0;
        ((pync_tuple *)r)->items[i] = v;
    }
    return r;
}

/* "operator.itemgetter(1, 'a')": the arguments as a call's */
static pv args_repr(const char *prefix, const pv *items, size_t n, pv self) {
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_fmt("%s(...)", prefix) : 0;
    pync_strbuf b;
    pv result = 0;
    if (pync_strbuf_init(&b, 32) < 0 || pync_strbuf_append_cstr(&b, prefix) < 0 || pync_strbuf_append_cstr(&b, "(") < 0) goto done;
    for (size_t i = 0; i < n; i++) {
        pv r = pync_repr(items[i]);
        if (!r || (i && pync_strbuf_append_cstr(&b, ", ") < 0) || pync_strbuf_append_str(&b, r) < 0) goto done;
    }
    if (pync_strbuf_append_cstr(&b, ")") < 0) goto done;
    result = pync_strbuf_finish(&b);
done:
    pync_repr_leave(self);
    return result;
}

static pv itemgetter_repr(pv self) {
    const pync_tuple *items = (const pync_tuple *)((itemgetter_object *)self)->items;
    return args_repr("operator.itemgetter", items->items, items->size, self);
}

static pync_type itemgetter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "operator.itemgetter", .base = &pync_object_type,
    .basicsize = sizeof(itemgetter_object), .trace = itemgetter_trace, .repr = itemgetter_repr,
    .call = itemgetter_call, .construct = itemgetter_construct, .hash = pync_object_hash,
};

/* ==== attrgetter ====================================================================================== */

typedef struct attrgetter_object {
    pync_object ob;
    pv attrs;                /* tuple of the names as given */
    pv paths;                /* tuple of tuples of interned name parts */
} attrgetter_object;

static pync_type attrgetter_type;

static void attrgetter_trace(pync_object *o) {
    attrgetter_object *a = (attrgetter_object *)o;
    pync_gc_visit(a->attrs);
    pync_gc_visit(a->paths);
}

/* "a.b.c" as ('a', 'b', 'c') */
static pv split_dotted(pv name) {
    const char *s = pync_str_data(name);
    size_t n = pync_str_size(name);
    size_t parts = 1;
    for (size_t i = 0; i < n; i++) parts += s[i] == '.';
    pv t = pync_tuple_new(parts);
    if (!t) return 0;
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            pv part = pync_str_intern(pync_str_from_utf8(s + start, i - start));
            if (!part) return 0;
            ((pync_tuple *)t)->items[k++] = part;
            start = i + 1;
        }
    }
    return t;
}

static pv attrgetter_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t;
    if (pync_no_kwargs("attrgetter", kwnames) < 0) return 0;
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "attrgetter expected 1 argument, got 0");
    pv paths = pync_tuple_new(nargs);
    if (!paths) return 0;
    for (size_t i = 0; i < nargs; i++) {
        if (!pync_isinstance_type(args[i], &pync_str_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "attribute name must be a string");
        }
        pv p = split_dotted(args[i]);
        if (!p) return 0;
        ((pync_tuple *)paths)->items[i] = p;
    }
    pv attrs = pync_tuple_from_array(args, nargs);
    if (!attrs || pync_stdmod_ready(&attrgetter_type, "operator") < 0) return 0;
    attrgetter_object *a = pync_gc_alloc(sizeof(attrgetter_object), &attrgetter_type);
    if (!a) return 0;
    a->attrs = attrs;
    a->paths = paths;
    return (pv)a;
}

static pv get_path(pv obj, pv path) {
    const pync_tuple *p = (const pync_tuple *)path;
    for (size_t i = 0; i < p->size && obj; i++) obj = pync_getattr(obj, p->items[i]);
    return obj;
}

static pv attrgetter_call(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("attrgetter", kwnames) < 0) return 0;
    if (pync_check_positional("attrgetter", nargs, 0, 1, 1) < 0) return 0;
    const pync_tuple *paths = (const pync_tuple *)((attrgetter_object *)self)->paths;
    if (paths->size == 1) return get_path(args[0], paths->items[0]);
    pv r = pync_tuple_new(paths->size);
    if (!r) return 0;
    for (size_t i = 0; i < paths->size; i++) {
        pv v = get_path(args[0], paths->items[i]);
        if (!v) return 0;
        ((pync_tuple *)r)->items[i] = v;
    }
    return r;
}

static pv attrgetter_repr(pv self) {
    const pync_tuple *attrs = (const pync_tuple *)((attrgetter_object *)self)->attrs;
    return args_repr("operator.attrgetter", attrs->items, attrs->size, self);
}

static pync_type attrgetter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "operator.attrgetter", .base = &pync_object_type,
    .basicsize = sizeof(attrgetter_object), .trace = attrgetter_trace, .repr = attrgetter_repr,
    .call = attrgetter_call, .construct = attrgetter_construct, .hash = pync_object_hash,
};

/* ==== methodcaller ==================================================================================== */

typedef struct methodcaller_object {
    pync_object ob;
    pv name;
    pv args;                 /* tuple: positional arguments, then keyword values */
    pv kwnames;              /* tuple of names, or 0 */
} methodcaller_object;

static pync_type methodcaller_type;

static void methodcaller_trace(pync_object *o) {
    methodcaller_object *m = (methodcaller_object *)o;
    pync_gc_visit(m->name);
    pync_gc_visit(m->args);
    pync_gc_visit(m->kwnames);
}

static pv methodcaller_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t;
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "methodcaller needs at least one argument, the method name");
    if (!pync_isinstance_type(args[0], &pync_str_type)) return pync_raise_fmt(&pync_TypeError_type, "method name must be a string");
    size_t nkw = pync_kwcount(kwnames);
    pv rest = pync_tuple_from_array(args + 1, nargs - 1 + nkw);
    if (!rest || pync_stdmod_ready(&methodcaller_type, "operator") < 0) return 0;
    methodcaller_object *m = pync_gc_alloc(sizeof(methodcaller_object), &methodcaller_type);
    if (!m) return 0;
    m->name = pync_str_intern(args[0]);
    m->args = rest;
    m->kwnames = nkw ? kwnames : 0;
    return (pv)m;
}

static pv methodcaller_call(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("methodcaller", kwnames) < 0) return 0;
    if (pync_check_positional("methodcaller", nargs, 0, 1, 1) < 0) return 0;
    methodcaller_object *m = (methodcaller_object *)self;
    const pync_tuple *a = (const pync_tuple *)m->args;
    size_t nkw = pync_kwcount(m->kwnames);
    pv meth = pync_getattr(args[0], m->name);
    if (!meth) return 0;
    return pync_call(meth, (pv *)a->items, a->size - nkw, m->kwnames);
}

static pv methodcaller_repr(pv self) {
    methodcaller_object *m = (methodcaller_object *)self;
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("operator.methodcaller(...)") : 0;
    const pync_tuple *a = (const pync_tuple *)m->args;
    size_t nkw = pync_kwcount(m->kwnames);
    pync_strbuf b;
    pv result = 0;
    pv r = pync_repr(m->name);
    if (!r || pync_strbuf_init(&b, 32) < 0 || pync_strbuf_append_cstr(&b, "operator.methodcaller(") < 0 ||
        pync_strbuf_append_str(&b, r) < 0) goto done;
    for (size_t i = 0; i < a->size; i++) {
        if (pync_strbuf_append_cstr(&b, ", ") < 0) goto done;
        if (i >= a->size - nkw) {
            pv name = pync_kwname(m->kwnames, i - (a->size - nkw));
            if (pync_strbuf_append_str(&b, name) < 0 || pync_strbuf_append_cstr(&b, "=") < 0) goto done;
        }
        r = pync_repr(a->items[i]);
        if (!r || pync_strbuf_append_str(&b, r) < 0) goto done;
    }
    if (pync_strbuf_append_cstr(&b, ")") < 0) goto done;
    result = pync_strbuf_finish(&b);
done:
    pync_repr_leave(self);
    return result;
}

static pync_type methodcaller_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "operator.methodcaller", .base = &pync_object_type,
    .basicsize = sizeof(methodcaller_object), .trace = methodcaller_trace, .repr = methodcaller_repr,
    .call = methodcaller_call, .construct = methodcaller_construct, .hash = pync_object_hash,
};

/* ==== the module ======================================================================================= */

/* Each function under its name; the dunder aliases (__add__, ...) are the same objects. */
static const struct {
    const char *name;
    const char *alias;       /* the dunder name, or NULL */
    pync_cfunc fn;
} functions[] = {
    {"abs", "__abs__", op_abs},
    {"add", "__add__", op_add},
    {"and_", "__and__", op_and_},
    {"call", "__call__", op_call},
    {"concat", "__concat__", op_concat},
    {"contains", "__contains__", op_contains},
    {"countOf", NULL, op_countOf},
    {"delitem", "__delitem__", op_delitem},
    {"eq", "__eq__", op_eq},
    {"floordiv", "__floordiv__", op_floordiv},
    {"ge", "__ge__", op_ge},
    {"getitem", "__getitem__", op_getitem},
    {"gt", "__gt__", op_gt},
    {"iadd", "__iadd__", op_iadd},
    {"iand", "__iand__", op_iand},
    {"iconcat", "__iconcat__", op_iconcat},
    {"ifloordiv", "__ifloordiv__", op_ifloordiv},
    {"ilshift", "__ilshift__", op_ilshift},
    {"imatmul", "__imatmul__", op_imatmul},
    {"imod", "__imod__", op_imod},
    {"imul", "__imul__", op_imul},
    {"index", "__index__", op_index},
    {"indexOf", NULL, op_indexOf},
    {"inv", "__inv__", op_inv},
    {"invert", "__invert__", op_invert},
    {"ior", "__ior__", op_ior},
    {"ipow", "__ipow__", op_ipow},
    {"irshift", "__irshift__", op_irshift},
    {"is_", NULL, op_is_},
    {"is_not", NULL, op_is_not},
    {"isub", "__isub__", op_isub},
    {"itruediv", "__itruediv__", op_itruediv},
    {"ixor", "__ixor__", op_ixor},
    {"le", "__le__", op_le},
    {"length_hint", NULL, op_length_hint},
    {"lshift", "__lshift__", op_lshift},
    {"lt", "__lt__", op_lt},
    {"matmul", "__matmul__", op_matmul},
    {"mod", "__mod__", op_mod},
    {"mul", "__mul__", op_mul},
    {"ne", "__ne__", op_ne},
    {"neg", "__neg__", op_neg},
    {"not_", "__not__", op_not_},
    {"or_", "__or__", op_or_},
    {"pos", "__pos__", op_pos},
    {"pow", "__pow__", op_pow},
    {"rshift", "__rshift__", op_rshift},
    {"setitem", "__setitem__", op_setitem},
    {"sub", "__sub__", op_sub},
    {"truediv", "__truediv__", op_truediv},
    {"truth", NULL, op_truth},
    {"xor", "__xor__", op_xor},
};

static int operator_init(pv module) {
    for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++) {
        pv f = pync_builtin_new(functions[i].name, functions[i].fn, module);
        if (!f || pync_module_add(module, functions[i].name, f) < 0) return -1;
        if (functions[i].alias && pync_module_add(module, functions[i].alias, f) < 0) return -1;
    }
    pync_type *types[] = {&itemgetter_type, &attrgetter_type, &methodcaller_type};
    for (size_t i = 0; i < 3; i++) {
        if (pync_stdmod_ready(types[i], "operator") < 0 || pync_stdmod_add_type(module, types[i]) < 0) return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_operator = {"operator", operator_init};
