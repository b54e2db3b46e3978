/* class.c — classes defined by the program: creation, MRO, instances, dunder dispatch,
 * descriptors (property, classmethod, staticmethod), and super().
 *
 * A class is a pync_heaptype: a pync_type whose slots are filled with slot_* functions that look
 * the dunder method up in the class's MRO and call it (CPython's slot_tp_* functions); slots the
 * class does not define are inherited from its layout base (object, Exception, list, dict...).
 * Instances are the layout base's struct followed by a __dict__ slot:
 *
 *   +------+------------------------+------+
 *   | type | base fields (if any)   | dict |
 *   +------+------------------------+------+
 */
#include "pync.h"
#include "internal.h"

typedef struct pync_heaptype {
    pync_type type;
    pv name_str;                    /* keeps the C name alive */
    const pync_type *layout;        /* the built-in type whose struct instances extend */
    pync_type_state state;          /* the class's state (traced by type_trace) */
    pync_type_state *state_cell;    /* what type.state points at: &state */
} pync_heaptype;

/* ---- dunder names ------------------------------------------------------------------------- */

enum {
    D_INIT, D_NEW, D_REPR, D_STR, D_HASH, D_EQ, D_NE, D_LT, D_LE, D_GT, D_GE, D_BOOL, D_LEN,
    D_GETATTR, D_GETATTRIBUTE, D_SETATTR, D_DELATTR, D_CALL, D_ITER, D_NEXT, D_GETITEM, D_SETITEM,
    D_DELITEM, D_CONTAINS, D_INDEX, D_INT, D_FLOAT, D_FORMAT, D_NEG, D_POS, D_INVERT, D_GET, D_SET,
    D_DELETE, D_CLASS_GETITEM, D_INIT_SUBCLASS, D_MISSING, D_ABS,
    D_OPS, /* then 3 per binary operator: __op__, __rop__, __iop__ */
    D_COUNT = D_OPS + 3 * PYNC_BINOP_COUNT,
};
static const char *const dunder_cstr[D_OPS] = {
    "__init__", "__new__", "__repr__", "__str__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
    "__ge__", "__bool__", "__len__", "__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__call__",
    "__iter__", "__next__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__index__", "__int__",
    "__float__", "__format__", "__neg__", "__pos__", "__invert__", "__get__", "__set__", "__delete__",
    "__class_getitem__", "__init_subclass__", "__missing__", "__abs__",
};
static const char *const op_names[PYNC_BINOP_COUNT] = {
    "add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "xor", "or",
};
static pv dunder[D_COUNT];

static void dunder_roots(void) {
    for (int i = 0; i < D_COUNT; i++) pync_gc_visit(dunder[i]);
}

int pync_class_init(void) {
    pync_register_static_roots(dunder_roots);
    for (int i = 0; i < D_OPS; i++) {
        dunder[i] = pync_str_intern(pync_str_from_cstr(dunder_cstr[i]));
        if (!dunder[i]) return -1;
    }
    for (int op = 0; op < PYNC_BINOP_COUNT; op++) {
        dunder[D_OPS + 3 * op] = pync_str_intern(pync_str_fmt("__%s__", op_names[op]));
        dunder[D_OPS + 3 * op + 1] = pync_str_intern(pync_str_fmt("__r%s__", op_names[op]));
        dunder[D_OPS + 3 * op + 2] = pync_str_intern(pync_str_fmt("__i%s__", op_names[op]));
        if (!dunder[D_OPS + 3 * op] || !dunder[D_OPS + 3 * op + 1] || !dunder[D_OPS + 3 * op + 2]) return -1;
    }
    return 0;
}

/* Whether built-in type t defines dunder d itself (fills the slot with something other than its
   base's, or has it in its method table), so that t's behaviour wins over classes after it in
   an MRO: in class C(tuple, Base), tuple has no __init__ of its own and Base.__init__ is used. */
static bool static_defines(const pync_type *t, int d) {
    const pync_type *b = t->base;
#define OWN(slot) (t->slot && (!b || b->slot != t->slot))
    switch (d) {
    case D_INIT: return OWN(init) || t == &pync_BaseException_type || t == &pync_object_type;
    case D_NEW: return OWN(construct);
    case D_REPR: return OWN(repr);
    case D_STR: return OWN(str);
    case D_HASH: return OWN(hash);
    case D_EQ: case D_NE: case D_LT: case D_LE: case D_GT: case D_GE: return OWN(richcompare);
    case D_BOOL: return OWN(truth);
    case D_LEN: return OWN(len);
    case D_GETATTR: case D_GETATTRIBUTE: return OWN(getattr) || t == &pync_object_type;
    case D_SETATTR: case D_DELATTR: return OWN(setattr) || t == &pync_object_type;
    case D_CALL: return OWN(call);
    case D_ITER: return OWN(iter);
    case D_NEXT: return OWN(next);
    case D_GETITEM: return OWN(getitem);
    case D_SETITEM: case D_DELITEM: return OWN(setitem);
    case D_CONTAINS: return OWN(contains);
    case D_INDEX: case D_INT: return OWN(to_int);
    case D_FLOAT: return OWN(to_float);
    case D_FORMAT: return OWN(format) || t == &pync_object_type;
    case D_NEG: return OWN(unop[PYNC_OP_NEG]);
    case D_POS: return OWN(unop[PYNC_OP_POS]);
    case D_INVERT: return OWN(unop[PYNC_OP_INVERT]);
    case D_ABS: return OWN(unop[PYNC_OP_ABS]);
    default: break;
    }
    if (d >= D_OPS) {
        int op = (d - D_OPS) / 3;
        if ((d - D_OPS) % 3 == 2) return OWN(inplace[op]) || OWN(binop[op]);
        return OWN(binop[op]);
    }
#undef OWN
    return t->state[0]->dict && pync_dict_get(t->state[0]->dict, dunder[d]) != 0;
}

/* The dunder method d defined by a class in type's MRO (not by a built-in), or 0. */
static pv lookup_dunder_uncached(const pync_type *type, int d) {
    const pync_tuple *mro = (const pync_tuple *)type->state[0]->mro;
    for (size_t i = 0; i < mro->size; i++) {
        const pync_type *t = (const pync_type *)mro->items[i];
        if (!(t->flags & PYNC_TF_HEAPTYPE)) {
            if (static_defines(t, d) || pync_current_exc) return 0;
            continue;
        }
        pv v = pync_dict_get(t->state[0]->dict, dunder[d]);
        if (v) return v;
        if (pync_current_exc) return 0;
    }
    return 0;
}

/* lookup_dunder's answers, valid while no class or class attribute changes (every attribute
   access of an instance asks for __getattribute__, and on failure __getattr__) */
#ifndef PYNC_DUNDER_CACHE_SIZE
#define PYNC_DUNDER_CACHE_SIZE 512   /* entries, a power of two */
#endif
static struct dunder_entry { const pync_type *type; int d; uint32_t version; pv value; } dunder_cache[PYNC_DUNDER_CACHE_SIZE];

static pv lookup_dunder(const pync_type *type, int d) {
    if (!(type->flags & PYNC_TF_HEAPTYPE)) return 0;
    uint32_t version = pync_type_cache_version();
    struct dunder_entry *e = &dunder_cache[(((uintptr_t)type >> 4) * 31u + (unsigned)d) & (PYNC_DUNDER_CACHE_SIZE - 1)];
    if (e->type == type && e->d == d && e->version == version) return e->value;
    pv v = lookup_dunder_uncached(type, d);
    if (!pync_current_exc) {
        e->type = type;
        e->d = d;
        e->version = version;
        e->value = v;
    }
    return v;
}

static const pync_type *layout_of(const pync_type *type) {
    while (type->flags & PYNC_TF_HEAPTYPE) type = ((const pync_heaptype *)type)->layout;
    return type;
}

const pync_type *pync_layout_type(const pync_type *type) { return layout_of(type); }

/* Calls method m (a function, or any descriptor) found on type(self) with self bound. */
static pv call_bound(pv m, pv self, pv *args, size_t nargs) {
    if (pv_type(m) == &pync_function_type) {
        pv small[4];
        pv *all = small;
        if (nargs + 1 > 4) {
            pync_pvarray *buf = pync_pvarray_new(nargs + 1);
            if (!buf) return 0;
            all = buf->items;
        }
        all[0] = self;
        for (size_t i = 0; i < nargs; i++) all[i + 1] = args[i];
        return pync_call(m, all, nargs + 1, 0);
    }
    pv bound = pync_descr_get(m, self, pv_type(self));
    if (!bound) return 0;
    return pync_call(bound, args, nargs, 0);
}

/* ---- slot functions ------------------------------------------------------------------------ */

#define BASE_SLOT(self, slot) (layout_of(pv_type(self))->slot)

static pv slot_repr(pv self) {
    pv m = lookup_dunder(pv_type(self), D_REPR);
    if (m) return call_bound(m, self, NULL, 0);
    if (pync_current_exc) return 0;
    pv (*f)(pv) = BASE_SLOT(self, repr);
    return f ? f(self) : pync_object_type.repr(self);
}

static pv slot_str(pv self) {
    pv m = lookup_dunder(pv_type(self), D_STR);
    if (m) return call_bound(m, self, NULL, 0);
    if (pync_current_exc) return 0;
    /* the first built-in type along the MRO that defines its own str (KeyError's, for a class
       E(ValueError, KeyError): ValueError inherits BaseException's) */
    const pync_tuple *mro = (const pync_tuple *)pv_type(self)->state[0]->mro;
    for (size_t i = 1; i < mro->size; i++) {
        const pync_type *t = (const pync_type *)mro->items[i];
        if (t->flags & PYNC_TF_HEAPTYPE) continue;
        if (t->str && (!t->base || t->base->str != t->str)) return t->str(self);
    }
    const pync_type *base = layout_of(pv_type(self));
    /* object.__str__ is repr(self), which may be the class's __repr__ */
    if (base->str) return base->str(self);
    return slot_repr(self);
}

static int slot_hash(pv self, int64_t *out) {
    pv m = lookup_dunder(pv_type(self), D_HASH);
    if (m == pync_None) {
        pync_raise_fmt(&pync_TypeError_type, "unhashable type: '%s'", pync_type_name(self));
        return -1;
    }
    if (m) {
        pv r = call_bound(m, self, NULL, 0);
        if (!r) return -1;
        if (!pync_isinstance_type(r, &pync_int_type)) {
            pync_raise_fmt(&pync_TypeError_type, "__hash__ method should return an integer");
            return -1;
        }
        /* hash(int) of the result, as CPython does */
        return pync_hash(r, out);
    }
    if (pync_current_exc) return -1;
    int (*f)(pv, int64_t *) = BASE_SLOT(self, hash);
    if (!f) {
        pync_raise_fmt(&pync_TypeError_type, "unhashable type: '%s'", pync_type_name(self));
        return -1;
    }
    return f(self, out);
}

static const int cmp_dunder[] = {D_LT, D_LE, D_EQ, D_NE, D_GT, D_GE};

static pv slot_richcompare(pv a, pv b, pync_cmpop op) {
    pv m = lookup_dunder(pv_type(a), cmp_dunder[op]);
    if (m) return call_bound(m, a, &b, 1);
    if (pync_current_exc) return 0;
    if (op == PYNC_NE) {
        /* __ne__ defaults to the inverse of __eq__ */
        pv eq = lookup_dunder(pv_type(a), D_EQ);
        if (eq) {
            pv r = call_bound(eq, a, &b, 1);
            if (!r || r == pync_NotImplemented) return r;
            int t = pync_truth(r);
            return t < 0 ? 0 : pync_bool(!t);
        }
        if (pync_current_exc) return 0;
    }
    pv (*f)(pv, pv, pync_cmpop) = BASE_SLOT(a, richcompare);
    return f ? f(a, b, op) : pync_object_type.richcompare(a, b, op);
}

static int slot_truth(pv self) {
    pv m = lookup_dunder(pv_type(self), D_BOOL);
    if (m) {
        pv r = call_bound(m, self, NULL, 0);
        if (!r) return -1;
        if (pv_type(r) != &pync_bool_type) {
            pync_raise_fmt(&pync_TypeError_type, "__bool__ should return bool, returned %T", r);
            return -1;
        }
        return r == pync_True;
    }
    if (pync_current_exc) return -1;
    m = lookup_dunder(pv_type(self), D_LEN);
    if (m) {
        pv r = call_bound(m, self, NULL, 0);
        if (!r) return -1;
        int64_t n;
        if (pync_index(r, &n) < 0) return -1;
        if (n < 0) {
            pync_raise_fmt(&pync_ValueError_type, "__len__() should return >= 0");
            return -1;
        }
        return n > 0;
    }
    if (pync_current_exc) return -1;
    int (*f)(pv) = BASE_SLOT(self, truth);
    if (f) return f(self);
    int64_t (*len)(pv) = BASE_SLOT(self, len);
    if (len) {
        int64_t n = len(self);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static int64_t slot_len(pv self) {
    pv m = lookup_dunder(pv_type(self), D_LEN);
    if (m) {
        pv r = call_bound(m, self, NULL, 0);
        if (!r) return -1;
        if (!pync_isinstance_type(r, &pync_int_type) && !pv_type(r)->to_int) {
            pync_raise_fmt(&pync_TypeError_type, "'%T' object cannot be interpreted as an integer", r);
            return -1;
        }
        int64_t n;
        if (pync_index(r, &n) < 0) return -1;
        if (n < 0) {
            pync_raise_fmt(&pync_ValueError_type, "__len__() should return >= 0");
            return -1;
        }
        return n;
    }
    if (pync_current_exc) return -1;
    int64_t (*f)(pv) = BASE_SLOT(self, len);
    if (f) return f(self);
    pync_raise_fmt(&pync_TypeError_type, "object of type '%s' has no len()", pync_type_name(self));
    return -1;
}

static pv slot_getattr(pv self, pv name) {
    const pync_type *t = pv_type(self);
    pv ga = lookup_dunder(t, D_GETATTRIBUTE);
    pv r;
    if (ga) r = call_bound(ga, self, &name, 1);
    else if (pync_current_exc) return 0;
    else {
        pv (*f)(pv, pv) = layout_of(t)->getattr;
        r = f ? f(self, name) : pync_generic_getattr(self, name);
    }
    if (r || !pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type)) return r;
    pv getattr = lookup_dunder(t, D_GETATTR);
    if (!getattr) return 0;
    pync_exc_clear();
    return call_bound(getattr, self, &name, 1);
}

static int slot_setattr(pv self, pv name, pv value) {
    const pync_type *t = pv_type(self);
    pv m = lookup_dunder(t, value ? D_SETATTR : D_DELATTR);
    if (m) {
        pv args[2] = {name, value};
        pv r = call_bound(m, self, args, value ? 2 : 1);
        return r ? 0 : -1;
    }
    if (pync_current_exc) return -1;
    int (*f)(pv, pv, pv) = layout_of(t)->setattr;
    return f ? f(self, name, value) : pync_generic_setattr(self, name, value);
}

static pv slot_call(pv self, pv *args, size_t nargs, pv kwnames) {
    pv m = lookup_dunder(pv_type(self), D_CALL);
    if (!m) {
        if (pync_current_exc) return 0;
        pv (*f)(pv, pv *, size_t, pv) = BASE_SLOT(self, call);
        if (f) return f(self, args, nargs, kwnames);
        return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not callable", pync_type_name(self));
    }
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    pync_pvarray *buf = pync_pvarray_new(nargs + nkw + 1);
    if (!buf) return 0;
    buf->items[0] = self;
    for (size_t i = 0; i < nargs + nkw; i++) buf->items[i + 1] = args[i];
    if (pv_type(m) == &pync_function_type) return pync_call(m, buf->items, nargs + 1, kwnames);
    pv bound = pync_descr_get(m, self, pv_type(self));
    return bound ? pync_call(bound, args, nargs, kwnames) : 0;
}

static pv slot_iter(pv self) {
    pv m = lookup_dunder(pv_type(self), D_ITER);
    if (m == pync_None) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not iterable", pync_type_name(self));
    if (m) return call_bound(m, self, NULL, 0);
    if (pync_current_exc) return 0;
    pv (*f)(pv) = BASE_SLOT(self, iter);
    if (f) return f(self);
    if (lookup_dunder(pv_type(self), D_GETITEM)) return pync_seqiter_new(self);
    return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not iterable", pync_type_name(self));
}

static pv slot_next(pv self) {
    pv m = lookup_dunder(pv_type(self), D_NEXT);
    if (!m) {
        if (pync_current_exc) return 0;
        pv (*f)(pv) = BASE_SLOT(self, next);
        if (f) return f(self);
        return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not an iterator", pync_type_name(self));
    }
    pv r = call_bound(m, self, NULL, 0);
    if (!r && pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) {
        pync_exc_clear(); /* the end of iteration: 0 with no exception */
    }
    return r;
}

static pv slot_getitem(pv self, pv key) {
    pv m = lookup_dunder(pv_type(self), D_GETITEM);
    if (m) return call_bound(m, self, &key, 1);
    if (pync_current_exc) return 0;
    pv (*f)(pv, pv) = BASE_SLOT(self, getitem);
    if (f) return f(self, key);
    return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not subscriptable", pync_type_name(self));
}

static int slot_setitem(pv self, pv key, pv value) {
    pv m = lookup_dunder(pv_type(self), value ? D_SETITEM : D_DELITEM);
    if (m) {
        pv args[2] = {key, value};
        return call_bound(m, self, args, value ? 2 : 1) ? 0 : -1;
    }
    if (pync_current_exc) return -1;
    int (*f)(pv, pv, pv) = BASE_SLOT(self, setitem);
    if (f) return f(self, key, value);
    /* the class defines only the other one of __setitem__ and __delitem__ */
    pync_raise_fmt(&pync_AttributeError_type, value ? "__setitem__" : "__delitem__");
    return -1;
}

static int slot_contains(pv self, pv item) {
    pv m = lookup_dunder(pv_type(self), D_CONTAINS);
    if (m) {
        pv r = call_bound(m, self, &item, 1);
        return r ? pync_truth(r) : -1;
    }
    if (pync_current_exc) return -1;
    int (*f)(pv, pv) = BASE_SLOT(self, contains);
    if (f) return f(self, item);
    /* iterate */
    pv it = pync_iter(self);
    if (!it) return -1;
    for (;;) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? -1 : 0;
        int eq = pync_equal(x, item);
        if (eq != 0) return eq;
    }
}

static pv slot_to_int(pv self) {
    pv m = lookup_dunder(pv_type(self), D_INDEX);
    if (!m) m = lookup_dunder(pv_type(self), D_INT);
    if (m) return call_bound(m, self, NULL, 0);
    if (pync_current_exc) return 0;
    pv (*f)(pv) = BASE_SLOT(self, to_int);
    if (f) return f(self);
    return pync_raise_fmt(&pync_TypeError_type, "'%s' object cannot be interpreted as an integer", pync_type_name(self));
}

static pv slot_to_float(pv self) {
    pv m = lookup_dunder(pv_type(self), D_FLOAT);
    if (m) return call_bound(m, self, NULL, 0);
    if (pync_current_exc) return 0;
    pv (*f)(pv) = BASE_SLOT(self, to_float);
    if (f) return f(self);
    /* float(x) takes an object with __index__ but no __float__ */
    if (lookup_dunder(pv_type(self), D_INDEX) || BASE_SLOT(self, to_int)) {
        double d;
        pv i = pync_number_index(self);
        if (!i || pync_as_double(i, &d) < 0) return 0;
        return pync_float_new(d);
    }
    if (pync_current_exc) return 0;
    return pync_raise_fmt(&pync_TypeError_type, "must be real number, not %s", pync_type_name(self));
}

static pv slot_format(pv self, pv spec) {
    pv m = lookup_dunder(pv_type(self), D_FORMAT);
    if (m) return call_bound(m, self, &spec, 1);
    if (pync_current_exc) return 0;
    pv (*f)(pv, pv) = BASE_SLOT(self, format);
    return f ? f(self, spec) : pync_object_type.format(self, spec);
}

static pv slot_unop(pv self, int d, pync_unop op) {
    pv m = lookup_dunder(pv_type(self), d);
    if (m) return call_bound(m, self, NULL, 0);
    if (pync_current_exc) return 0;
    pv (*f)(pv) = BASE_SLOT(self, unop[op]);
    if (f) return f(self);
    static const char *const names[] = {"unary -", "unary +", "unary ~", "abs()"};
    return pync_raise_fmt(&pync_TypeError_type, "bad operand type for %s: '%s'", names[op], pync_type_name(self));
}
static pv slot_neg(pv a) { return slot_unop(a, D_NEG, PYNC_OP_NEG); }
static pv slot_pos(pv a) { return slot_unop(a, D_POS, PYNC_OP_POS); }
static pv slot_invert(pv a) { return slot_unop(a, D_INVERT, PYNC_OP_INVERT); }
static pv slot_abs(pv a) { return slot_unop(a, D_ABS, PYNC_OP_ABS); }

/* CPython's SLOT1BINFULL: the left operand's __op__, then the right operand's __rop__ (first,
   when the right operand's class is a subclass of the left's that overrides it). Installed on
   every class; called for whichever operand is an instance of a class. */
static pv slot_binop(pv a, pv b, pync_binop op) {
    const pync_type *ta = pv_type(a), *tb = pv_type(b);
    int dop = D_OPS + 3 * (int)op, drop = dop + 1;
    bool a_class = (ta->flags & PYNC_TF_HEAPTYPE) != 0;
    bool b_class = ta != tb && (tb->flags & PYNC_TF_HEAPTYPE);
    pv rop = b_class ? lookup_dunder(tb, drop) : 0;
    if (pync_current_exc) return 0;
    if (a_class) {
        if (rop && pync_is_subtype(tb, ta) && rop != lookup_dunder(ta, drop)) {
            pv r = call_bound(rop, b, &a, 1);
            if (r != pync_NotImplemented) return r;
            b_class = false;
        }
        pv mop = lookup_dunder(ta, dop);
        pv r;
        if (mop) {
            r = call_bound(mop, a, &b, 1);
        } else {
            if (pync_current_exc) return 0;
            pv (*f)(pv, pv) = layout_of(ta)->binop[op];
            r = f ? f(a, b) : pync_NotImplemented;
        }
        if (r != pync_NotImplemented || ta == tb) return r;
    }
    if (b_class) {
        if (rop) return call_bound(rop, b, &a, 1);
        pv (*f)(pv, pv) = layout_of(tb)->binop[op];
        if (f) return f(a, b);
    }
    return pync_NotImplemented;
}

static pv slot_inplace(pv a, pv b, pync_binop op) {
    pv m = lookup_dunder(pv_type(a), D_OPS + 3 * (int)op + 2);
    if (m) return call_bound(m, a, &b, 1);
    if (pync_current_exc) return 0;
    pv (*f)(pv, pv) = layout_of(pv_type(a))->inplace[op];
    if (f) return f(a, b);
    return pync_NotImplemented;
}

#define BINOP_SLOTS(X) \
    X(ADD) X(SUB) X(MUL) X(MATMUL) X(TRUEDIV) X(FLOORDIV) X(MOD) X(POW) X(LSHIFT) X(RSHIFT) X(AND) X(XOR) X(OR)
#define DEFINE_BINOP(OP)                                                                  \
    static pv slot_binop_##OP(pv a, pv b) { return slot_binop(a, b, PYNC_OP_##OP); }      \
    static pv slot_inplace_##OP(pv a, pv b) { return slot_inplace(a, b, PYNC_OP_##OP); }
BINOP_SLOTS(DEFINE_BINOP)
#define BINOP_ENTRY(OP) [PYNC_OP_##OP] = slot_binop_##OP,
#define INPLACE_ENTRY(OP) [PYNC_OP_##OP] = slot_inplace_##OP,
static pv (*const binop_slots[PYNC_BINOP_COUNT])(pv, pv) = {BINOP_SLOTS(BINOP_ENTRY)};
static pv (*const inplace_slots[PYNC_BINOP_COUNT])(pv, pv) = {BINOP_SLOTS(INPLACE_ENTRY)};

/* ---- instances: __new__ and __init__ ------------------------------------------------------- */

/* An instance of `type` before __init__, built the way its layout base builds one: plain
   objects zeroed; exceptions with args from the call; mutable built-ins (list, dict) empty, to be
   filled by __init__; immutable built-ins (int, str, tuple) with their value from the call. */
static pv alloc_instance(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    const pync_type *base = layout_of(type);
    if (base == &pync_object_type) return (pv)pync_gc_alloc(type->basicsize, type);
    if (base->flags & PYNC_TF_EXCEPTION) return base->construct(type, args, nargs, kwnames);
    if (base->init) return base->construct(type, NULL, 0, 0);
    if (base->construct) return base->construct(type, args, nargs, kwnames);
    return (pv)pync_gc_alloc(type->basicsize, type);
}

static pv object_init_check(const pync_type *type, size_t nargs, pv kwnames) {
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    if (nargs + nkw) {
        return pync_raise_fmt(&pync_TypeError_type, "%s() takes no arguments", type->name);
    }
    return pync_None;
}

static pv class_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    pv new_fn = lookup_dunder(type, D_NEW);
    pv obj;
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    if (new_fn) {
        pv fn = new_fn;
        if (pv_type(fn) == &pync_staticmethod_type) fn = pync_staticmethod_func(fn);
        pync_pvarray *buf = pync_pvarray_new(nargs + nkw + 1);
        if (!buf) return 0;
        buf->items[0] = (pv)type;
        for (size_t i = 0; i < nargs + nkw; i++) buf->items[i + 1] = args[i];
        obj = pync_call(fn, buf->items, nargs + 1, kwnames);
        if (!obj || !pync_isinstance_type(obj, type)) return obj; /* __init__ only for instances */
    } else {
        if (pync_current_exc) return 0;
        obj = alloc_instance(type, args, nargs, kwnames);
        if (!obj) return 0;
    }
    pv init = lookup_dunder(pv_type(obj), D_INIT);
    if (init) {
        pync_pvarray *buf = pync_pvarray_new(nargs + nkw + 1);
        if (!buf) return 0;
        buf->items[0] = obj;
        for (size_t i = 0; i < nargs + nkw; i++) buf->items[i + 1] = args[i];
        pv r = pv_type(init) == &pync_function_type ? pync_call(init, buf->items, nargs + 1, kwnames)
                                                     : pync_call(pync_descr_get(init, obj, type), args, nargs, kwnames);
        if (!r) return 0;
        if (r != pync_None) return pync_raise_fmt(&pync_TypeError_type, "__init__() should return None, not '%T'", r);
        return obj;
    }
    if (pync_current_exc) return 0;
    const pync_type *base = layout_of(type);
    if (base == &pync_object_type && !new_fn && !object_init_check(type, nargs, kwnames)) return 0;
    /* mutable built-in bases take their contents in __init__ (list(iterable), dict(...)) */
    if (base->init && !base->init(obj, args, nargs, kwnames)) return 0;
    return obj;
}

/* ---- the class object ------------------------------------------------------------------------ */

static void instance_trace(pync_object *o) {
    const pync_type *t = o->type;
    const pync_type *base = layout_of(t);
    if (base->trace) base->trace(o);
    if (t->dictoffset && t->dictoffset != base->dictoffset) pync_gc_visit(*(pv *)((char *)o + t->dictoffset));
}

void pync_class_trace_extra(pync_type *type) {
    if (!(type->flags & PYNC_TF_HEAPTYPE)) return;
    pync_heaptype *h = (pync_heaptype *)type;
    pync_gc_visit(h->name_str);
    pync_gc_visit((pv)h->layout);
}

/* C3 linearisation of the MRO. Returns a tuple, or 0 with TypeError when there is none. */
static pv compute_mro(pv cls, pv bases) {
    const pync_tuple *b = (const pync_tuple *)bases;
    size_t n = b->size;
    /* the sequences to merge: each base's MRO, then the bases themselves */
    pync_pvarray *seqs = pync_pvarray_new(n + 1);
    if (!seqs) return 0;
    size_t *heads = NULL;
    pync_rawbuf *hb = pync_rawbuf_new((n + 1) * sizeof(size_t));
    if (!hb) return 0;
    heads = (size_t *)hb->data;
    for (size_t i = 0; i < n; i++) {
        seqs->items[i] = ((const pync_type *)b->items[i])->state[0]->mro;
        heads[i] = 0;
    }
    seqs->items[n] = bases;
    heads[n] = 0;
    pv result = pync_list_new(0);
    if (!result || pync_list_append(result, cls) < 0) return 0;
    for (;;) {
        bool any = false;
        pv candidate = 0;
        for (size_t i = 0; i <= n && !candidate; i++) {
            const pync_tuple *s = (const pync_tuple *)seqs->items[i];
            if (heads[i] >= s->size) continue;
            any = true;
            pv c = s->items[heads[i]];
            /* c must not appear in the tail of any sequence */
            bool in_tail = false;
            for (size_t j = 0; j <= n && !in_tail; j++) {
                const pync_tuple *t = (const pync_tuple *)seqs->items[j];
                for (size_t k = heads[j] + 1; k < t->size; k++) {
                    if (t->items[k] == c) { in_tail = true; break; }
                }
            }
            if (!in_tail) candidate = c;
        }
        if (!any) break;
        if (!candidate) {
            return pync_raise_fmt(&pync_TypeError_type,
                                  "Cannot create a consistent method resolution order (MRO) for bases");
        }
        if (pync_list_append(result, candidate) < 0) return 0;
        for (size_t i = 0; i <= n; i++) {
            const pync_tuple *s = (const pync_tuple *)seqs->items[i];
            if (heads[i] < s->size && s->items[heads[i]] == candidate) heads[i]++;
        }
    }
    const pync_list *l = (const pync_list *)result;
    return pync_tuple_from_array(l->items, l->size);
}

/* Fills the slots of a new class from the dunders its MRO defines. */
static void set_slots(pync_type *t) {
    const pync_type *base = ((pync_heaptype *)t)->layout;
    /* start from the layout base's slots, then route everything a class may override */
    t->repr = slot_repr;
    t->str = slot_str;
    t->richcompare = slot_richcompare;
    t->truth = slot_truth;
    t->getattr = slot_getattr;
    t->setattr = slot_setattr;
    t->construct = class_construct;
    t->format = slot_format;
    for (int op = 0; op < PYNC_BINOP_COUNT; op++) {
        t->binop[op] = binop_slots[op];
        t->inplace[op] = inplace_slots[op];
    }
    t->unop[PYNC_OP_NEG] = slot_neg;
    t->unop[PYNC_OP_POS] = slot_pos;
    t->unop[PYNC_OP_INVERT] = slot_invert;
    t->unop[PYNC_OP_ABS] = slot_abs;
    /* slots whose mere presence changes behaviour are set only when the class or base has them */
    bool has_eq = lookup_dunder(t, D_EQ) != 0;
    pv hash = lookup_dunder(t, D_HASH);
    /* __eq__ without __hash__ in the same class makes instances unhashable */
    pv own_hash = pync_dict_get(t->state[0]->dict, dunder[D_HASH]);
    pv own_eq = pync_dict_get(t->state[0]->dict, dunder[D_EQ]);
    if (own_eq && !own_hash) {
        pync_dict_setitem(t->state[0]->dict, dunder[D_HASH], pync_None);
        hash = pync_None;
    }
    t->hash = hash == pync_None ? NULL : (hash || base->hash) ? slot_hash : NULL;
    (void)has_eq;
    t->len = lookup_dunder(t, D_LEN) || base->len ? slot_len : NULL;
    t->call = lookup_dunder(t, D_CALL) || base->call ? slot_call : NULL;
    t->iter = lookup_dunder(t, D_ITER) || base->iter || lookup_dunder(t, D_GETITEM) ? slot_iter : NULL;
    t->next = lookup_dunder(t, D_NEXT) || base->next ? slot_next : NULL;
    t->getitem = lookup_dunder(t, D_GETITEM) || base->getitem ? slot_getitem : NULL;
    t->setitem = lookup_dunder(t, D_SETITEM) || lookup_dunder(t, D_DELITEM) || base->setitem ? slot_setitem : NULL;
    t->contains = lookup_dunder(t, D_CONTAINS) || base->contains ? slot_contains : NULL;
    t->to_int = lookup_dunder(t, D_INDEX) || lookup_dunder(t, D_INT) || base->to_int ? slot_to_int : NULL;
    /* float(x) of a class without __float__ but with __index__ converts the index */
    t->to_float = lookup_dunder(t, D_FLOAT) || lookup_dunder(t, D_INDEX) || base->to_float ? slot_to_float : NULL;
    pync_exc_clear();
}

void pync_class_attribute_changed(pync_type *type, pv name) {
    pync_type_cache_invalidate();
    const char *n = pync_str_data(name);
    if (n[0] == '_' && n[1] == '_') set_slots(type);
}

/* The nearest type along t's base chain whose instances have fields its base's lack (CPython's
   solid base): types that only add behaviour share their base's layout. */
static const pync_type *solid_base(const pync_type *t) {
    while (t->base && t->base->basicsize == t->basicsize && t->base->dictoffset == t->dictoffset &&
           t->base->trace == t->trace) {
        t = t->base;
    }
    return t;
}

/* Calls __set_name__(cls, name) of each attribute of a new class whose type has one (property,
   descriptors the program defines), as type.__new__ does. 0 or -1. */
static int set_names(pync_type *t) {
    pv items = pync_call_method(t->state[0]->dict, pync_str_from_cstr("items"), NULL, 0, 0);
    pv list = items ? pync_list_from_iterable(items) : 0;
    if (!list) return -1;
    pv set_name = pync_str_from_cstr("__set_name__");
    if (!set_name) return -1;
    const pync_list *l = (const pync_list *)list;
    for (size_t i = 0; i < l->size; i++) {
        const pync_tuple *item = (const pync_tuple *)l->items[i];
        pv key = item->items[0], value = item->items[1];
        pv m = pync_type_lookup(pv_type(value), set_name);
        if (!m) {
            if (pync_current_exc) return -1;
            continue;
        }
        pv args[2] = {(pv)t, key};
        if (!call_bound(m, value, args, 2)) {
            pv cause = pync_exc_fetch();
            pync_raise_fmt(&pync_RuntimeError_type, "Error calling __set_name__ on '%s' instance %R in '%s'",
                           pync_type_name(value), key, t->name);
            pync_raise_from(pync_exc_fetch(), cause);
            return -1;
        }
    }
    return 0;
}

/* Calls the first __init_subclass__ a class base defines with the new class and the class
   keywords; object.__init_subclass__ takes none. 0 or -1. */
static int init_subclass(pync_type *t, pv kwargs) {
    const pync_tuple *mro = (const pync_tuple *)t->state[0]->mro;
    for (size_t i = 1; i < mro->size; i++) {
        const pync_type *base = (const pync_type *)mro->items[i];
        if (!(base->flags & PYNC_TF_HEAPTYPE)) break;
        pv isc = pync_dict_get(base->state[0]->dict, dunder[D_INIT_SUBCLASS]);
        if (!isc && pync_current_exc) return -1;
        if (!isc) continue;
        pv fn = pv_type(isc) == &pync_classmethod_type ? pync_classmethod_func(isc) : isc;
        pv args = pync_tuple_pack(1, (pv)t);
        if (!args) return -1;
        return pync_call_ex(fn, args, kwargs) ? 0 : -1;
    }
    if (kwargs && pync_len(kwargs) > 0) {
        pync_raise_fmt(&pync_TypeError_type, "%s.__init_subclass__() takes no keyword arguments", t->name);
        return -1;
    }
    return 0;
}

pv pync_class_new(pv name, pv qualname, pv bases, pv ns, pv kwargs) {
    pync_type_cache_invalidate();
    if (!pync_isinstance_type(name, &pync_str_type)) return pync_raise_fmt(&pync_TypeError_type, "type.__new__() argument 1 must be str, not %T", name);
    if (kwargs && pync_len(kwargs) > 0) {
        pv key = pync_str_from_cstr("metaclass");
        if (!key) return 0;
        pv meta = pync_dict_get(kwargs, key);
        if (meta && meta != (pv)&pync_type_type) {
            return pync_raise_fmt(&pync_TypeError_type, "metaclasses other than type are not supported by pync");
        }
        if (meta) {
            /* the rest of the keywords go to __init_subclass__ */
            pv rest = pync_dict_new();
            if (!rest || pync_dict_update(rest, kwargs) < 0 || pync_dict_delitem(rest, key) < 0) return 0;
            kwargs = rest;
        }
        if (pync_current_exc) return 0;
    }
    /* a __qualname__ in the namespace names the class, and leaves it */
    pv qualname_key = pync_str_from_cstr("__qualname__");
    if (!qualname_key) return 0;
    pv own_qualname = pync_dict_get(ns, qualname_key);
    if (own_qualname) {
        if (!pync_isinstance_type(own_qualname, &pync_str_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "type __qualname__ must be a str, not %T", own_qualname);
        }
        qualname = own_qualname;
        if (pync_dict_delitem(ns, qualname_key) < 0) return 0;
    } else if (pync_current_exc) {
        return 0;
    }
    const pync_tuple *b = (const pync_tuple *)bases;
    if (b->size == 0) {
        bases = pync_tuple_pack(1, (pv)&pync_object_type);
        if (!bases) return 0;
        b = (const pync_tuple *)bases;
    }
    /* the layout base (CPython's best base): the base whose solid base is the most derived; the
       solid bases of all bases must lie on one line of inheritance */
    const pync_type *layout = NULL, *winner = NULL;
    for (size_t i = 0; i < b->size; i++) {
        pv base = b->items[i];
        const pync_type *bt = pv_type(base);
        if (bt != &pync_type_type && !pync_is_subtype(bt, &pync_type_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "metaclass conflict: the metaclass of a derived class must be a "
                                  "(non-strict) subclass of the metaclasses of all its bases");
        }
        const pync_type *bb = (const pync_type *)base;
        if (!(bb->flags & PYNC_TF_BASETYPE)) {
            return pync_raise_fmt(&pync_TypeError_type, "type '%s' is not an acceptable base type", bb->name);
        }
        /* a built-in type not readied at startup (map, zip, ...) gets its dict and MRO now */
        if (!pync_type_mro(bb)) return 0;
        for (size_t j = 0; j < i; j++) {
            if (b->items[j] == base) return pync_raise_fmt(&pync_TypeError_type, "duplicate base class %s", bb->name);
        }
        const pync_type *l = layout_of(bb);
        const pync_type *candidate = solid_base(l);
        if (!winner || (candidate != winner && pync_is_subtype(candidate, winner))) {
            winner = candidate;
            layout = l;
        } else if (!pync_is_subtype(winner, candidate)) {
            return pync_raise_fmt(&pync_TypeError_type, "multiple bases have instance lay-out conflict");
        }
    }
    pync_heaptype *h = pync_gc_alloc(sizeof(pync_heaptype), &pync_type_type);
    if (!h) return 0;
    pync_type *t = &h->type;
    h->state_cell = &h->state;
    t->state = &h->state_cell;
    h->layout = layout;
    h->name_str = name;
    t->name = pync_str_data(name);
    const pync_type *first = (const pync_type *)b->items[0];
    t->base = first;
    t->flags = PYNC_TF_HEAPTYPE | PYNC_TF_BASETYPE |
               (layout->flags & (PYNC_TF_EXCEPTION | PYNC_TF_INT_SUBCLASS | PYNC_TF_STR_SUBCLASS | PYNC_TF_TUPLE_SUBCLASS |
                                 PYNC_TF_LIST_SUBCLASS | PYNC_TF_DICT_SUBCLASS | PYNC_TF_TYPE_SUBCLASS));
    t->basicsize = layout->basicsize;
    t->dictoffset = layout->dictoffset;
    bool variable = layout == &pync_tuple_type || layout == &pync_int_type || layout == &pync_str_type ||
                    layout == &pync_bytes_type;
    if (!t->dictoffset && !variable) {
        t->dictoffset = (t->basicsize + 7) & ~(uint32_t)7;
        t->basicsize = t->dictoffset + sizeof(pv);
    }
    t->trace = instance_trace;
    t->state[0]->dict = ns;
    t->state[0]->bases = bases;
    t->state[0]->qualname = qualname;
    pv module = pync_dict_get(ns, pync_str_from_cstr("__module__"));
    t->state[0]->module = module ? module : pync_str_from_cstr("__main__");
    pv mro = compute_mro((pv)t, bases);
    if (!mro) return 0;
    t->state[0]->mro = mro;
    set_slots(t);
    if (set_names(t) < 0 || init_subclass(t, kwargs) < 0) return 0;
    return (pv)t;
}

/* ---- property, classmethod, staticmethod ----------------------------------------------------- */

typedef struct property_object {
    pync_object ob;
    pv fget, fset, fdel, doc;
    pv name;                        /* the attribute name __set_name__ gave, or 0 */
} property_object;

static void property_trace(pync_object *o) {
    property_object *p = (property_object *)o;
    pync_gc_visit(p->fget);
    pync_gc_visit(p->fset);
    pync_gc_visit(p->fdel);
    pync_gc_visit(p->doc);
    pync_gc_visit(p->name);
}

static pv property_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    pv vals[4];
    if (pync_parse_args("property", args, nargs, kwnames, names, 0, 4, vals) < 0) return 0;
    property_object *p = pync_gc_alloc(t->basicsize, t);
    if (!p) return 0;
    p->fget = vals[0] == pync_None ? 0 : vals[0];
    p->fset = vals[1] == pync_None ? 0 : vals[1];
    p->fdel = vals[2] == pync_None ? 0 : vals[2];
    p->doc = vals[3];
    return (pv)p;
}

static pv property_copy(pv self, pv fget, pv fset, pv fdel) {
    const property_object *p = (const property_object *)self;
    property_object *n = pync_gc_alloc(pv_type(self)->basicsize, pv_type(self));
    if (!n) return 0;
    n->fget = fget ? fget : p->fget;
    n->fset = fset ? fset : p->fset;
    n->fdel = fdel ? fdel : p->fdel;
    n->doc = p->doc;
    n->name = p->name;
    return (pv)n;
}

static pv property_getter(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("getter", nargs, kwnames, 1, 1) < 0) return 0;
    return property_copy(self, args[0], 0, 0);
}
static pv property_setter(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("setter", nargs, kwnames, 1, 1) < 0) return 0;
    return property_copy(self, 0, args[0], 0);
}
static pv property_deleter(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("deleter", nargs, kwnames, 1, 1) < 0) return 0;
    return property_copy(self, 0, 0, args[0]);
}

static pv property_set_name(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__set_name__", nargs, kwnames, 2, 2) < 0) return 0;
    ((property_object *)self)->name = args[1];
    return pync_None;
}

/* AttributeError: "property 'x' of 'A' object has no setter" (what: getter, setter, deleter). */
static pv property_missing(const property_object *p, pv obj, const char *what) {
    const pync_type *t = pv_type(obj);
    pv qualname = t->state[0]->qualname ? t->state[0]->qualname : pync_str_from_cstr(t->name);
    if (!qualname) return 0;
    if (p->name) return pync_raise_fmt(&pync_AttributeError_type, "property %R of %R object has no %s", p->name, qualname, what);
    return pync_raise_fmt(&pync_AttributeError_type, "property of %R object has no %s", qualname, what);
}

PYNC_METHOD(property, __set_name__, property_set_name, 0);
PYNC_METHOD(property, getter, property_getter, 0);
PYNC_METHOD(property, setter, property_setter, 0);
PYNC_METHOD(property, deleter, property_deleter, 0);

static pv property_getattr(pv self, pv name) {
    const property_object *p = (const property_object *)self;
    if (pync_str_eq_cstr(name, "fget")) return p->fget ? p->fget : pync_None;
    if (pync_str_eq_cstr(name, "fset")) return p->fset ? p->fset : pync_None;
    if (pync_str_eq_cstr(name, "fdel")) return p->fdel ? p->fdel : pync_None;
    if (pync_str_eq_cstr(name, "__doc__")) {
        if (p->doc && p->doc != pync_None) return p->doc;
        return p->fget ? pync_getattr_cstr(p->fget, "__doc__") : pync_None;
    }
    return pync_generic_getattr(self, name);
}

const pync_type pync_property_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "property", .flags = PYNC_TF_BASETYPE, .basicsize = sizeof(property_object),
    .trace = property_trace, .construct = property_construct, .method_list = pync_methods__property, .getattr = property_getattr,
};

typedef struct wrapper_object {
    pync_object ob;
    pv func;
} wrapper_object;

static void wrapper_trace(pync_object *o) { pync_gc_visit(((wrapper_object *)o)->func); }

static pv wrapper_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args(t->name, nargs, kwnames, 1, 1) < 0) return 0;
    wrapper_object *w = pync_gc_alloc(sizeof(wrapper_object), t);
    if (!w) return 0;
    w->func = args[0];
    return (pv)w;
}

static pv wrapper_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "__func__")) return ((const wrapper_object *)self)->func;
    return pync_generic_getattr(self, name);
}

const pync_type pync_classmethod_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "classmethod", .flags = PYNC_TF_BASETYPE, .basicsize = sizeof(wrapper_object),
    .trace = wrapper_trace, .construct = wrapper_construct, .getattr = wrapper_getattr,
};
const pync_type pync_staticmethod_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "staticmethod", .flags = PYNC_TF_BASETYPE, .basicsize = sizeof(wrapper_object),
    .trace = wrapper_trace, .construct = wrapper_construct, .getattr = wrapper_getattr,
};

pv pync_staticmethod_func(pv sm) { return ((const wrapper_object *)sm)->func; }
pv pync_classmethod_func(pv cm) { return ((const wrapper_object *)cm)->func; }

/* ---- descriptors -------------------------------------------------------------------------------- */

bool pync_is_data_descriptor(pv descr) {
    const pync_type *t = pv_type(descr);
    if (t == &pync_function_type || t == &pync_method_descriptor_type) return false;
    if (t == &pync_slot_member_type) return true;
    if (t == &pync_property_type || pync_is_subtype(t, &pync_property_type)) return true;
    if (t->flags & PYNC_TF_HEAPTYPE) return lookup_dunder(t, D_SET) || lookup_dunder(t, D_DELETE);
    if (t->flags & PYNC_TF_DESCRIPTOR) {
        bool data = pync_type_lookup(t, dunder[D_SET]) || pync_type_lookup(t, dunder[D_DELETE]);
        pync_exc_clear();
        return data;
    }
    return false;
}

pv pync_descr_get_other(pv descr, pv obj, const pync_type *type) {
    const pync_type *t = pv_type(descr);
    if (t == &pync_slot_member_type) return pync_slot_member_get(descr, obj);
    if (t == &pync_property_type || pync_is_subtype(t, &pync_property_type)) {
        if (!obj) return descr;
        const property_object *p = (const property_object *)descr;
        if (!p->fget) return property_missing(p, obj, "getter");
        return pync_call1(p->fget, obj);
    }
    if (t == &pync_classmethod_type) return pync_method_new(((const wrapper_object *)descr)->func, (pv)type);
    if (t == &pync_staticmethod_type) return ((const wrapper_object *)descr)->func;
    if (t->flags & (PYNC_TF_HEAPTYPE | PYNC_TF_DESCRIPTOR)) {
        pv get = t->flags & PYNC_TF_HEAPTYPE ? lookup_dunder(t, D_GET) : pync_type_lookup(t, dunder[D_GET]);
        if (get) {
            pv args[2] = {obj ? obj : pync_None, (pv)type};
            return call_bound(get, descr, args, 2);
        }
        if (pync_current_exc) return 0;
    }
    return descr;
}

int pync_descr_set(pv descr, pv obj, pv value) {
    const pync_type *t = pv_type(descr);
    if (t == &pync_slot_member_type) return pync_slot_member_set(descr, obj, value);
    if (t == &pync_property_type || pync_is_subtype(t, &pync_property_type)) {
        const property_object *p = (const property_object *)descr;
        pv f = value ? p->fset : p->fdel;
        if (!f) {
            property_missing(p, obj, value ? "setter" : "deleter");
            return -1;
        }
        pv r = value ? pync_call2(f, obj, value) : pync_call1(f, obj);
        return r ? 0 : -1;
    }
    int d = value ? D_SET : D_DELETE;
    pv m = t->flags & PYNC_TF_DESCRIPTOR ? pync_type_lookup(t, dunder[d]) : lookup_dunder(t, d);
    if (!m) {
        if (!pync_current_exc) pync_raise_fmt(&pync_AttributeError_type, value ? "__set__" : "__delete__");
        return -1;
    }
    pv args[2] = {obj, value};
    return call_bound(m, descr, args, value ? 2 : 1) ? 0 : -1;
}

/* ---- super() ------------------------------------------------------------------------------------- */

typedef struct super_object {
    pync_object ob;
    pv cls;       /* the class the method was defined in */
    pv self;      /* the instance (or class, in a classmethod) */
    pv self_type;
} super_object;

static void super_trace(pync_object *o) {
    super_object *s = (super_object *)o;
    pync_gc_visit(s->cls);
    pync_gc_visit(s->self);
    pync_gc_visit(s->self_type);
}

pv pync_super_new(pv cls, pv self) {
    if (!cls) return pync_raise_fmt(&pync_RuntimeError_type, "super(): __class__ cell not found");
    const pync_type *st;
    const pync_type *sv = pv_type(self);
    if ((sv == &pync_type_type || pync_is_subtype(sv, &pync_type_type)) && pync_is_subtype((const pync_type *)self, (const pync_type *)cls)) {
        st = (const pync_type *)self;
    } else if (pync_is_subtype(sv, (const pync_type *)cls)) {
        st = sv;
    } else {
        return pync_raise_fmt(&pync_TypeError_type, "super(type, obj): obj must be an instance or subtype of type");
    }
    super_object *s = pync_gc_alloc(sizeof(super_object), &pync_super_type);
    if (!s) return 0;
    s->cls = cls;
    s->self = self;
    s->self_type = (pv)st;
    return (pv)s;
}

static pv super_getattr(pv self, pv name) {
    const super_object *s = (const super_object *)self;
    const pync_type *st = (const pync_type *)s->self_type;
    if (pync_str_eq_cstr(name, "__thisclass__")) return s->cls;
    if (pync_str_eq_cstr(name, "__self__")) return s->self ? s->self : pync_None;
    if (pync_str_eq_cstr(name, "__self_class__")) return st ? (pv)st : pync_None;
    if (!st || pync_str_eq_cstr(name, "__class__")) return pync_generic_getattr(self, name);
    const pync_tuple *mro = (const pync_tuple *)pync_type_mro(st);
    if (!mro) return 0;
    size_t i = 0;
    while (i < mro->size && mro->items[i] != s->cls) i++;
    for (i++; i < mro->size; i++) {
        const pync_type *t = (const pync_type *)mro->items[i];
        pv v = t->state[0]->dict ? pync_dict_get(t->state[0]->dict, name) : 0;
        if (!v && pync_current_exc) return 0;
        if (!v && !(t->flags & PYNC_TF_HEAPTYPE)) v = pync_builtin_slot_wrapper(t, name);
        if (!v && pync_current_exc) return 0;
        if (!v) continue;
        bool on_class = s->self == s->self_type;
        if (pv_type(v) == &pync_function_type) return on_class ? v : pync_method_new(v, s->self);
        return pync_descr_get(v, on_class ? 0 : s->self, st);
    }
    return pync_raise_fmt(&pync_AttributeError_type, "'super' object has no attribute '%U'", name);
}

/* super(type, obj) and the unbound super(type); super() is compiled to pync_super_new */
static pv super_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t;
    if (kwnames && ((const pync_tuple *)kwnames)->size) return pync_raise_fmt(&pync_TypeError_type, "super() takes no keyword arguments");
    if (nargs == 0) return pync_raise_fmt(&pync_RuntimeError_type, "super(): no arguments");
    if (nargs > 2) return pync_raise_fmt(&pync_TypeError_type, "super() expected at most 2 arguments, got %zd", (ptrdiff_t)nargs);
    if (!pync_isinstance_type(args[0], &pync_type_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "super() argument 1 must be a type, not %T", args[0]);
    }
    if (nargs == 2) return pync_super_new(args[0], args[1]);
    super_object *s = pync_gc_alloc(sizeof(super_object), &pync_super_type);
    if (!s) return 0;
    s->cls = args[0];
    return (pv)s;
}

static pv super_repr(pv self) {
    const super_object *s = (const super_object *)self;
    const char *cls = s->cls ? ((const pync_type *)s->cls)->name : "NULL";
    if (!s->self_type) return pync_str_fmt("<super: <class '%s'>, NULL>", cls);
    return pync_str_fmt("<super: <class '%s'>, <%s object>>", cls, ((const pync_type *)s->self_type)->name);
}

const pync_type pync_super_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "super", .flags = PYNC_TF_BASETYPE, .basicsize = sizeof(super_object),
    .trace = super_trace, .repr = super_repr, .getattr = super_getattr, .construct = super_construct,
};

/* ---- built-in dunders reachable from classes (object.__init__, Exception.__init__, ...) ------- */

static pv object_init_method(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    const pync_type *t = pv_type(self);
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    /* object.__init__ accepts arguments only when __new__ is overridden and __init__ is not */
    if ((nargs || nkw) && (lookup_dunder(t, D_INIT) || !lookup_dunder(t, D_NEW))) {
        if (lookup_dunder(t, D_INIT)) return pync_raise_fmt(&pync_TypeError_type, "object.__init__() takes exactly one argument (the instance to initialize)");
        return pync_raise_fmt(&pync_TypeError_type, "%s() takes no arguments", t->name);
    }
    return pync_None;
}

/* object.__new__(cls, ...), and BaseException.__new__ (self: BaseException) */
static pv object_new_method(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "object.__new__(): not enough arguments");
    pv cls = args[0];
    if (!pync_isinstance_type(cls, &pync_type_type)) return pync_raise_fmt(&pync_TypeError_type, "object.__new__(X): X is not a type object (%T)", cls);
    const pync_type *t = (const pync_type *)cls;
    const pync_type *base = self ? (const pync_type *)self : &pync_object_type;
    if (!pync_is_subtype(t, base)) {
        return pync_raise_fmt(&pync_TypeError_type, "%s.__new__(%s): %s is not a subtype of %s", base->name, t->name,
                              t->name, base->name);
    }
    if (layout_of(t) != layout_of(base) && !(self && (layout_of(t)->flags & PYNC_TF_EXCEPTION))) {
        /* the class to use instead: the nearest along the bases that does not define __new__ */
        const pync_type *use = t;
        while ((use->flags & PYNC_TF_HEAPTYPE) && use->base) {
            pv own = pync_dict_get(use->state[0]->dict, dunder[D_NEW]);
            if (!own) break;
            use = use->base;
        }
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "%s.__new__(%s) is not safe, use %s.__new__()", base->name, t->name,
                              use->name);
    }
    if (self) return alloc_instance(t, args + 1, nargs - 1, 0);
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    if (nargs > 1 || nkw) {
        /* object.__new__ takes extra arguments only for a class that overrides __init__ alone */
        if (lookup_dunder(t, D_NEW)) {
            return pync_raise_fmt(&pync_TypeError_type, "object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if (pync_current_exc) return 0;
        if (!lookup_dunder(t, D_INIT)) {
            if (pync_current_exc) return 0;
            return pync_raise_fmt(&pync_TypeError_type, "%s() takes no arguments", t->name);
        }
    }
    return alloc_instance(t, args + 1, nargs - 1, 0);
}

static pv exception_init_method(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)kwnames;
    return pync_exception_init(self, args, nargs);
}

static pv slot_wrapper_new_builtin(pv self, pv *args, size_t nargs, pv kwnames) {
    /* int.__new__(cls, ...), str.__new__(cls, ...), tuple.__new__(cls, ...) */
    const pync_type *base = (const pync_type *)self;
    if (nargs < 1 || !pync_isinstance_type(args[0], &pync_type_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "%s.__new__(): not enough arguments", base->name);
    }
    const pync_type *cls = (const pync_type *)args[0];
    if (!base->construct) return pync_raise_fmt(&pync_TypeError_type, "cannot create '%s' instances", base->name);
    return base->construct(cls, args + 1, nargs - 1, kwnames);
}

static pv slot_wrapper_builtin_init(pv self, pv *args, size_t nargs, pv kwnames) {
    pv (*f)(pv, pv *, size_t, pv) = layout_of(pv_type(self))->init;
    if (!f) return object_init_method(self, args, nargs, kwnames);
    return f(self, args, nargs, kwnames);
}

static const pync_method_def builtin_init_def = {"__init__", slot_wrapper_builtin_init, 0};
static const pync_method_def object_init_def = {"__init__", object_init_method, 0};
static const pync_method_def exception_init_def = {"__init__", exception_init_method, 0};

/* A built-in type's dunder (object.__init__, Exception.__init__, list.__len__, int.__new__...) as
   a method descriptor, for super() and Base.__dunder__(self, ...). 0 when it has none. */
pv pync_builtin_slot_wrapper(const pync_type *t, pv name) {
    const char *n = pync_str_data(name);
    if (n[0] != '_' || n[1] != '_') return 0;
    if (pync_str_eq_cstr(name, "__new__")) {
        if (t == &pync_object_type) return pync_builtin_new("__new__", object_new_method, 0);
        if (t->flags & PYNC_TF_EXCEPTION) return pync_builtin_new("__new__", object_new_method, (pv)&pync_BaseException_type);
        return pync_builtin_new("__new__", slot_wrapper_new_builtin, (pv)t);
    }
    if (pync_str_eq_cstr(name, "__init__")) {
        if (t->flags & PYNC_TF_EXCEPTION) return pync_method_descriptor_new(&exception_init_def, t);
        if (!t->init) return pync_method_descriptor_new(&object_init_def, t);
        return pync_method_descriptor_new(&builtin_init_def, t);
    }
    return pync_slot_wrapper_lookup(t, name);
}
