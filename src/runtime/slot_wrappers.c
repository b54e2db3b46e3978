/* slot_wrappers.c — a built-in type's slots seen as dunder methods (CPython's slot wrappers).
 *
 * Built-in types keep their behaviour in C slots (repr, richcompare, binop[], len, next...), not
 * in their namespace dicts. These wrappers expose each slot a type fills as the matching dunder,
 * so `[].__repr__()`, `(1).__eq__('x')`, `iter(it).__next__()`, `list.__len__(x)` and
 * `super().__setitem__(k, v)` work as in CPython. The wrapper found for a type is a method
 * descriptor flagged PYNC_METH_WRAPPER; instance and type attribute lookup fall back to it
 * (pync_builtin_slot_wrapper, class.c) when the MRO's dicts have no such name.
 *
 * Each wrapper calls the slot of the built-in layout of its receiver's type.
 */
#include "pync.h"
#include "internal.h"
#include "containers.h"

#define SLOT_OF(self, slot) (pync_layout_type(pv_type(self))->slot)

/* CPython's argument check for slot wrappers: no keywords, a fixed number of arguments. */
static int wrapper_args(const char *name, size_t nargs, pv kwnames, size_t want) {
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        pync_raise_fmt(&pync_TypeError_type, "wrapper %s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == want) return 0;
    pync_raise_fmt(&pync_TypeError_type, "expected %zd argument%s, got %zd", (ptrdiff_t)want, want == 1 ? "" : "s",
                   (ptrdiff_t)nargs);
    return -1;
}

/* ---- object protocol --------------------------------------------------------------------------- */

static pv wrap_repr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__repr__", nargs, kwnames, 0) < 0) return 0;
    pv (*f)(pv) = SLOT_OF(self, repr);
    return f ? f(self) : pync_object_type.repr(self);
}

static pv wrap_str(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__str__", nargs, kwnames, 0) < 0) return 0;
    const pync_type *t = pync_layout_type(pv_type(self));
    if (t->str) return t->str(self);
    return t->repr ? t->repr(self) : pync_object_type.repr(self);
}

static pv wrap_hash(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__hash__", nargs, kwnames, 0) < 0) return 0;
    int (*f)(pv, int64_t *) = SLOT_OF(self, hash);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "unhashable type: '%s'", pync_type_name(self));
    int64_t h;
    if (f(self, &h) < 0) return 0;
    return pync_int_from_i64(h);
}

static pv compare(pv self, pv *args, size_t nargs, pv kwnames, const char *name, pync_cmpop op) {
    if (wrapper_args(name, nargs, kwnames, 1) < 0) return 0;
    pv (*f)(pv, pv, pync_cmpop) = SLOT_OF(self, richcompare);
    return f ? f(self, args[0], op) : pync_object_type.richcompare(self, args[0], op);
}
#define COMPARE_WRAPPER(NAME, OP)                                                       \
    static pv wrap_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {               \
        return compare(self, args, nargs, kwnames, "__" #NAME "__", OP);               \
    }
COMPARE_WRAPPER(eq, PYNC_EQ)
COMPARE_WRAPPER(ne, PYNC_NE)
COMPARE_WRAPPER(lt, PYNC_LT)
COMPARE_WRAPPER(le, PYNC_LE)
COMPARE_WRAPPER(gt, PYNC_GT)
COMPARE_WRAPPER(ge, PYNC_GE)

static int check_attr_name(pv name) {
    if (pync_isinstance_type(name, &pync_str_type)) return 0;
    pync_raise_fmt(&pync_TypeError_type, "attribute name must be string, not '%T'", name);
    return -1;
}

static pv wrap_getattribute(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__getattribute__", nargs, kwnames, 1) < 0 || check_attr_name(args[0]) < 0) return 0;
    pv (*f)(pv, pv) = SLOT_OF(self, getattr);
    return f ? f(self, args[0]) : pync_generic_getattr(self, args[0]);
}

static pv wrap_setattr(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__setattr__", nargs, kwnames, 2) < 0 || check_attr_name(args[0]) < 0) return 0;
    int (*f)(pv, pv, pv) = SLOT_OF(self, setattr);
    int r = f ? f(self, args[0], args[1]) : pync_generic_setattr(self, args[0], args[1]);
    return r < 0 ? 0 : pync_None;
}

static pv wrap_delattr(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__delattr__", nargs, kwnames, 1) < 0 || check_attr_name(args[0]) < 0) return 0;
    int (*f)(pv, pv, pv) = SLOT_OF(self, setattr);
    int r = f ? f(self, args[0], 0) : pync_generic_setattr(self, args[0], 0);
    return r < 0 ? 0 : pync_None;
}

static pv wrap_format(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__format__", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__format__() argument must be str, not %T", args[0]);
    }
    pv (*f)(pv, pv) = SLOT_OF(self, format);
    return f ? f(self, args[0]) : pync_object_type.format(self, args[0]);
}

static pv wrap_init_subclass(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("__init_subclass__", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_None;
}

static pv wrap_call(pv self, pv *args, size_t nargs, pv kwnames) {
    pv (*f)(pv, pv *, size_t, pv) = SLOT_OF(self, call);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not callable", pync_type_name(self));
    return f(self, args, nargs, kwnames);
}

static pv wrap_bool(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__bool__", nargs, kwnames, 0) < 0) return 0;
    int (*f)(pv) = SLOT_OF(self, truth);
    int r = f ? f(self) : 1;
    return r < 0 ? 0 : pync_bool(r);
}

/* ---- containers and iteration -------------------------------------------------------------------- */

static pv wrap_len(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__len__", nargs, kwnames, 0) < 0) return 0;
    int64_t (*f)(pv) = SLOT_OF(self, len);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "object of type '%s' has no len()", pync_type_name(self));
    int64_t n = f(self);
    return n < 0 ? 0 : pync_int_from_i64(n);
}

static pv wrap_getitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__getitem__", nargs, kwnames, 1) < 0) return 0;
    pv (*f)(pv, pv) = SLOT_OF(self, getitem);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not subscriptable", pync_type_name(self));
    return f(self, args[0]);
}

static pv wrap_setitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__setitem__", nargs, kwnames, 2) < 0) return 0;
    int (*f)(pv, pv, pv) = SLOT_OF(self, setitem);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "'%s' object does not support item assignment", pync_type_name(self));
    return f(self, args[0], args[1]) < 0 ? 0 : pync_None;
}

static pv wrap_delitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__delitem__", nargs, kwnames, 1) < 0) return 0;
    int (*f)(pv, pv, pv) = SLOT_OF(self, setitem);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "'%s' object doesn't support item deletion", pync_type_name(self));
    return f(self, args[0], 0) < 0 ? 0 : pync_None;
}

static pv wrap_contains(pv self, pv *args, size_t nargs, pv kwnames) {
    if (wrapper_args("__contains__", nargs, kwnames, 1) < 0) return 0;
    int (*f)(pv, pv) = SLOT_OF(self, contains);
    int r = f ? f(self, args[0]) : pync_contains(self, args[0]);
    return r < 0 ? 0 : pync_bool(r);
}

static pv wrap_iter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__iter__", nargs, kwnames, 0) < 0) return 0;
    pv (*f)(pv) = SLOT_OF(self, iter);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not iterable", pync_type_name(self));
    return f(self);
}

static pv wrap_next(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (wrapper_args("__next__", nargs, kwnames, 0) < 0) return 0;
    pv (*f)(pv) = SLOT_OF(self, next);
    if (!f) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not an iterator", pync_type_name(self));
    pv r = f(self);
    return r || pync_current_exc ? r : pync_raise_exhausted(self);
}

/* ---- numbers ----------------------------------------------------------------------------------------- */

static pv unary(pv self, pv *args, size_t nargs, pv kwnames, const char *name, pync_unop op) {
    (void)args;
    if (wrapper_args(name, nargs, kwnames, 0) < 0) return 0;
    pv (*f)(pv) = SLOT_OF(self, unop[op]);
    return f ? f(self) : pync_unary(self, op);
}
#define UNARY_WRAPPER(NAME, OP)                                                         \
    static pv wrap_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {               \
        return unary(self, args, nargs, kwnames, "__" #NAME "__", OP);                 \
    }
UNARY_WRAPPER(neg, PYNC_OP_NEG)
UNARY_WRAPPER(pos, PYNC_OP_POS)
UNARY_WRAPPER(invert, PYNC_OP_INVERT)
UNARY_WRAPPER(abs, PYNC_OP_ABS)

/* self OP other (which = 0), other OP self (1: the reflected __rop__), self OP= other (2) */
static pv binary(pv self, pv *args, size_t nargs, pv kwnames, const char *name, pync_binop op, int which) {
    if (wrapper_args(name, nargs, kwnames, 1) < 0) return 0;
    const pync_type *t = pync_layout_type(pv_type(self));
    /* a sequence's repetition takes an index (CPython's sq_repeat wrapper) */
    if (op == PYNC_OP_MUL && t->getitem && !t->to_int && !pync_has_index(args[0])) {
        return pync_raise_fmt(&pync_TypeError_type, "'%T' object cannot be interpreted as an integer", args[0]);
    }
    if (which == 2 && t->inplace[op]) return t->inplace[op](self, args[0]);
    pv (*f)(pv, pv) = t->binop[op];
    if (!f) return pync_NotImplemented;
    return which == 1 ? f(args[0], self) : f(self, args[0]);
}
#define BINARY_WRAPPERS(NAME, OP)                                                       \
    static pv wrap_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {               \
        return binary(self, args, nargs, kwnames, "__" #NAME "__", OP, 0);             \
    }                                                                                   \
    static pv wrap_r##NAME(pv self, pv *args, size_t nargs, pv kwnames) {              \
        return binary(self, args, nargs, kwnames, "__r" #NAME "__", OP, 1);            \
    }                                                                                   \
    static pv wrap_i##NAME(pv self, pv *args, size_t nargs, pv kwnames) {              \
        return binary(self, args, nargs, kwnames, "__i" #NAME "__", OP, 2);            \
    }
BINARY_WRAPPERS(add, PYNC_OP_ADD)
BINARY_WRAPPERS(sub, PYNC_OP_SUB)
BINARY_WRAPPERS(mul, PYNC_OP_MUL)
BINARY_WRAPPERS(matmul, PYNC_OP_MATMUL)
BINARY_WRAPPERS(truediv, PYNC_OP_TRUEDIV)
BINARY_WRAPPERS(floordiv, PYNC_OP_FLOORDIV)
BINARY_WRAPPERS(mod, PYNC_OP_MOD)
BINARY_WRAPPERS(pow, PYNC_OP_POW)
BINARY_WRAPPERS(lshift, PYNC_OP_LSHIFT)
BINARY_WRAPPERS(rshift, PYNC_OP_RSHIFT)
BINARY_WRAPPERS(and, PYNC_OP_AND)
BINARY_WRAPPERS(xor, PYNC_OP_XOR)
BINARY_WRAPPERS(or, PYNC_OP_OR)

/* ---- the table ------------------------------------------------------------------------------------- */

/* When a type has the dunder: each kind names the slot that must be filled. */
enum kind {
    K_ALWAYS, K_HASH, K_CALL, K_BOOL, K_LEN, K_GETITEM, K_SETITEM, K_CONTAINS, K_ITER, K_NEXT, K_UNOP,
    K_BINOP, K_RBINOP, K_IBINOP,
};

typedef struct wrapper_entry {
    pync_method_def def;
    uint8_t kind;
    uint8_t op;         /* the pync_unop / pync_binop of K_UNOP and K_*BINOP */
} wrapper_entry;

#define W(NAME, KIND, OP) {{"__" #NAME "__", wrap_##NAME, PYNC_METH_WRAPPER}, KIND, OP}
#define WB(NAME, OP) W(NAME, K_BINOP, OP), W(r##NAME, K_RBINOP, OP), W(i##NAME, K_IBINOP, OP)

static const wrapper_entry wrappers[] = {
    W(repr, K_ALWAYS, 0), W(str, K_ALWAYS, 0), W(hash, K_HASH, 0),
    W(eq, K_ALWAYS, 0), W(ne, K_ALWAYS, 0), W(lt, K_ALWAYS, 0), W(le, K_ALWAYS, 0), W(gt, K_ALWAYS, 0), W(ge, K_ALWAYS, 0),
    W(getattribute, K_ALWAYS, 0), W(setattr, K_ALWAYS, 0), W(delattr, K_ALWAYS, 0), W(format, K_ALWAYS, 0),
    {{"__init_subclass__", wrap_init_subclass, PYNC_METH_CLASS}, K_ALWAYS, 0},
    W(call, K_CALL, 0), W(bool, K_BOOL, 0),
    W(len, K_LEN, 0), W(getitem, K_GETITEM, 0), W(setitem, K_SETITEM, 0), W(delitem, K_SETITEM, 0),
    W(contains, K_CONTAINS, 0), W(iter, K_ITER, 0), W(next, K_NEXT, 0),
    W(neg, K_UNOP, PYNC_OP_NEG), W(pos, K_UNOP, PYNC_OP_POS), W(invert, K_UNOP, PYNC_OP_INVERT), W(abs, K_UNOP, PYNC_OP_ABS),
    WB(add, PYNC_OP_ADD), WB(sub, PYNC_OP_SUB), WB(mul, PYNC_OP_MUL), WB(matmul, PYNC_OP_MATMUL),
    WB(truediv, PYNC_OP_TRUEDIV), WB(floordiv, PYNC_OP_FLOORDIV), WB(mod, PYNC_OP_MOD), WB(pow, PYNC_OP_POW),
    WB(lshift, PYNC_OP_LSHIFT), WB(rshift, PYNC_OP_RSHIFT), WB(and, PYNC_OP_AND), WB(xor, PYNC_OP_XOR), WB(or, PYNC_OP_OR),
};

/* Whether built-in type t has the dunder of entry e (CPython's rules, from the slots it fills). */
static bool has_wrapper(const pync_type *t, const wrapper_entry *e) {
    switch ((enum kind)e->kind) {
    case K_ALWAYS: case K_HASH: return true;
    case K_CALL: return t->call != NULL;
    /* containers answer truth from their length: only numbers, None and range have __bool__ */
    case K_BOOL: return t->truth != NULL && (t->len == NULL || t == &pync_range_type);
    case K_LEN: return t->len != NULL;
    case K_GETITEM: return t->getitem != NULL;
    case K_SETITEM: return t->setitem != NULL;
    case K_CONTAINS: return t->contains != NULL;
    case K_ITER: return t->iter != NULL;
    case K_NEXT: return t->next != NULL;
    case K_UNOP: return t->unop[e->op] != NULL;
    case K_BINOP: return t->binop[e->op] != NULL;
    /* sequence concatenation (list, str, tuple, bytes) has no reflected form; repetition does */
    case K_RBINOP: return t->binop[e->op] != NULL && !(e->op == PYNC_OP_ADD && t->getitem);
    case K_IBINOP: return t->inplace[e->op] != NULL;
    }
    return false;
}

/* ---- bound wrappers: [].__len__ is a method-wrapper ----------------------------------------------- */

typedef struct method_wrapper {
    pync_object ob;
    const pync_method_def *def;
    pv self;
} method_wrapper;

static void method_wrapper_trace(pync_object *o) { pync_gc_visit(((method_wrapper *)o)->self); }

static pv method_wrapper_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const method_wrapper *w = (const method_wrapper *)self;
    return w->def->fn(w->self, args, nargs, kwnames);
}

static pv method_wrapper_repr(pv self) {
    const method_wrapper *w = (const method_wrapper *)self;
    return pync_str_fmt("<method-wrapper '%s' of %s object at %p>", w->def->name, pync_type_name(w->self), (void *)w->self);
}

static pv method_wrapper_getattr(pv self, pv name) {
    const method_wrapper *w = (const method_wrapper *)self;
    if (pync_str_eq_cstr(name, "__name__")) return pync_str_from_cstr(w->def->name);
    if (pync_str_eq_cstr(name, "__qualname__")) {
        return pync_str_fmt("%s.%s", pync_layout_type(pv_type(w->self))->name, w->def->name);
    }
    if (pync_str_eq_cstr(name, "__self__")) return w->self;
    return pync_generic_getattr(self, name);
}

static pv method_wrapper_richcompare(pv a, pv b, pync_cmpop op) {
    if (pv_type(b) != pv_type(a) || (op != PYNC_EQ && op != PYNC_NE)) return pync_NotImplemented;
    const method_wrapper *x = (const method_wrapper *)a, *y = (const method_wrapper *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

static const pync_type method_wrapper_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "method-wrapper", .basicsize = sizeof(method_wrapper),
    .trace = method_wrapper_trace, .repr = method_wrapper_repr, .hash = pync_object_hash,
    .richcompare = method_wrapper_richcompare, .getattr = method_wrapper_getattr, .call = method_wrapper_call,
};

pv pync_method_wrapper_new(const pync_method_def *def, pv self) {
    method_wrapper *w = pync_gc_alloc(sizeof(method_wrapper), &method_wrapper_type);
    if (!w) return 0;
    w->def = def;
    w->self = self;
    return (pv)w;
}

pv pync_slot_wrapper_lookup(const pync_type *t, pv name) {
    const char *n = pync_str_data(name);
    if (n[0] != '_' || n[1] != '_') return 0;
    for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++) {
        const wrapper_entry *e = &wrappers[i];
        if (!pync_str_eq_cstr(name, e->def.name)) continue;
        if (!has_wrapper(t, e)) return 0;
        /* unhashable types have __hash__ = None */
        if (e->kind == K_HASH && !t->hash) return pync_None;
        return pync_method_descriptor_new(&e->def, t);
    }
    return 0;
}
