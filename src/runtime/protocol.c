/* protocol.c — the generic operations: what `a + b`, `a < b`, `repr(a)`, `a.x`, `a[i]`,
 * `len(a)`, `iter(a)`, `bool(a)` and `hash(a)` do for any value.
 *
 * Each dispatches through the type slots with CPython's rules: a binary operator tries the left
 * operand's type and then the right's (the right's first when its type is a subclass of the
 * left's), comparisons try the reflected operation, == falls back to identity, and every
 * failure raises CPython's TypeError text. Small ints take inline fast paths. */
#include "pync.h"
#include "internal.h"
#include "containers.h"

static const char *const binop_symbols[PYNC_BINOP_COUNT] = {
    "+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "^", "|",
};
static const char *const inplace_symbols[PYNC_BINOP_COUNT] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "^=", "|=",
};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const pync_cmpop swapped_op[] = {PYNC_GT, PYNC_GE, PYNC_EQ, PYNC_NE, PYNC_LT, PYNC_LE};

/* ---- repr, str, hash, truth ---------------------------------------------------------- */

pv pync_repr(pv v) {
    const pync_type *t = pv_type(v);
    pv (*fn)(pv) = t->repr;
    for (const pync_type *b = t; !fn && b; b = b->base) fn = b->repr;
    if (!fn) fn = pync_object_type.repr;
    if (pync_enter() < 0) return 0;
    pv r = fn(v);
    pync_leave();
    if (r && !pync_isinstance_type(r, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__repr__ returned non-string (type %T)", r);
    }
    return r;
}

pv pync_str(pv v) {
    const pync_type *t = pv_type(v);
    if (t == &pync_str_type) return v;
    pv (*fn)(pv) = t->str;
    for (const pync_type *b = t; !fn && b; b = b->base) {
        if (b->repr && b != t) break;
        fn = b->str;
    }
    if (!fn) return pync_repr(v);
    if (pync_enter() < 0) return 0;
    pv r = fn(v);
    pync_leave();
    if (r && !pync_isinstance_type(r, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__str__ returned non-string (type %T)", r);
    }
    return r;
}

int pync_hash(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        int64_t i = pv_small(v);
        if (i > -(int64_t)PYNC_HASH_MODULUS && i < PYNC_HASH_MODULUS) {
            *out = i == -1 ? -2 : i;
            return 0;
        }
    }
    const pync_type *t = pv_type(v);
    if (!t->hash) {
        pync_raise_fmt(&pync_TypeError_type, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v, out);
}

int pync_truth(pv v) {
    if (v == pync_True) return 1;
    if (v == pync_False || v == pync_None) return 0;
    if (pv_is_small(v)) return pv_small(v) != 0;
    const pync_type *t = pv_type(v);
    if (t->truth) return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

pv pync_not(pv v) {
    int t = pync_truth(v);
    return t < 0 ? 0 : pync_bool(!t);
}

pv pync_is(pv a, pv b) { return pync_bool(a == b); }

/* ---- comparisons ----------------------------------------------------------------------- */

pv pync_compare(pv a, pv b, pync_cmpop op) {
    if (pv_is_small(a) && pv_is_small(b)) {
        intptr_t x = pv_small(a), y = pv_small(b);
        switch (op) {
        case PYNC_LT: return pync_bool(x < y);
        case PYNC_LE: return pync_bool(x <= y);
        case PYNC_EQ: return pync_bool(x == y);
        case PYNC_NE: return pync_bool(x != y);
        case PYNC_GT: return pync_bool(x > y);
        default: return pync_bool(x >= y);
        }
    }
    const pync_type *ta = pv_type(a), *tb = pv_type(b);
    bool checked_reverse = false;
    if (pync_enter() < 0) return 0;
    pv r = pync_NotImplemented;
    if (ta != tb && tb->richcompare && pync_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcompare(b, a, swapped_op[op]);
    }
    if (r == pync_NotImplemented && ta->richcompare) r = ta->richcompare(a, b, op);
    if (r == pync_NotImplemented && !checked_reverse && tb->richcompare) r = tb->richcompare(b, a, swapped_op[op]);
    pync_leave();
    if (r != pync_NotImplemented) return r;
    if (op == PYNC_EQ) return pync_bool(a == b);
    if (op == PYNC_NE) return pync_bool(a != b);
    return pync_raise_fmt(&pync_TypeError_type, "'%s' not supported between instances of '%s' and '%s'",
                          cmp_symbols[op], ta->name, tb->name);
}

int pync_compare_bool(pv a, pv b, pync_cmpop op) {
    pv r = pync_compare(a, b, op);
    if (!r) return -1;
    if (r == pync_True) return 1;
    if (r == pync_False) return 0;
    return pync_truth(r);
}

int pync_equal(pv a, pv b) {
    if (a == b) return 1;
    /* two strs (dict lookups by name): compared directly, as CPython's dicts do, so a lookup
       cannot fail even at the recursion limit */
    if (!pv_is_small(a) && !pv_is_small(b) && pv_type(a) == &pync_str_type && pv_type(b) == &pync_str_type) {
        return pync_str_equal(a, b);
    }
    return pync_compare_bool(a, b, PYNC_EQ);
}

/* ---- arithmetic ------------------------------------------------------------------------ */

static pv binary_op1(pv a, pv b, pync_binop op) {
    const pync_type *ta = pv_type(a), *tb = pv_type(b);
    pv (*sa)(pv, pv) = ta->binop[op];
    pv (*sb)(pv, pv) = tb != ta ? tb->binop[op] : NULL;
    if (sb == sa) sb = NULL;
    if (sa) {
        if (sb && pync_is_subtype(tb, ta)) {
            pv r = sb(a, b);
            if (r != pync_NotImplemented) return r;
            sb = NULL;
        }
        pv r = sa(a, b);
        if (r != pync_NotImplemented) return r;
    }
    if (sb) return sb(a, b);
    return pync_NotImplemented;
}

pv pync_binary(pv a, pv b, pync_binop op) {
    if (pv_is_small(a) && pv_is_small(b)) {
        intptr_t x = pv_small(a), y = pv_small(b), r;
        switch (op) {
        case PYNC_OP_ADD:
            r = x + y; /* cannot overflow intptr_t: small ints have a spare bit */
            if (pync_fits_small(r)) return pv_from_small(r);
            break;
        case PYNC_OP_SUB:
            r = x - y;
            if (pync_fits_small(r)) return pv_from_small(r);
            break;
        case PYNC_OP_AND: return pv_from_small(x & y);
        case PYNC_OP_OR: return pv_from_small(x | y);
        case PYNC_OP_XOR: return pv_from_small(x ^ y);
        default:
            break;
        }
    }
    pv r = binary_op1(a, b, op);
    if (r != pync_NotImplemented) return r;
    return pync_raise_fmt(&pync_TypeError_type, "unsupported operand type(s) for %s: '%s' and '%s'",
                          binop_symbols[op], pv_type(a)->name, pv_type(b)->name);
}

pv pync_inplace(pv a, pv b, pync_binop op) {
    const pync_type *ta = pv_type(a);
    if (ta->inplace[op]) {
        pv r = ta->inplace[op](a, b);
        if (r != pync_NotImplemented) return r;
    }
    pv r = binary_op1(a, b, op);
    if (r != pync_NotImplemented) return r;
    return pync_raise_fmt(&pync_TypeError_type, "unsupported operand type(s) for %s: '%s' and '%s'",
                          inplace_symbols[op], ta->name, pv_type(b)->name);
}

pv pync_unary(pv a, pync_unop op) {
    if (pv_is_small(a)) {
        intptr_t x = pv_small(a);
        if (op == PYNC_OP_POS) return a;
        if (op == PYNC_OP_INVERT) return pv_from_small(~x);
        if (x != PYNC_SMALL_MIN) return pv_from_small(op == PYNC_OP_ABS && x >= 0 ? x : -x);
    }
    const pync_type *t = pv_type(a);
    if (t->unop[op]) return t->unop[op](a);
    static const char *const names[] = {"unary -", "unary +", "unary ~", "abs()"};
    return pync_raise_fmt(&pync_TypeError_type, "bad operand type for %s: '%s'", names[op], t->name);
}

/* ---- containers -------------------------------------------------------------------------- */

int pync_contains(pv container, pv item) {
    const pync_type *t = pv_type(container);
    if (t->contains) return t->contains(container, item);
    pv it = pync_iter(container);
    if (!it) {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
            pync_exc_clear();
            pync_raise_fmt(&pync_TypeError_type, "argument of type '%s' is not iterable", t->name);
        }
        return -1;
    }
    for (;;) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? -1 : 0;
        int eq = pync_equal(x, item);
        if (eq != 0) return eq;
    }
}

pv pync_getitem(pv obj, pv key) {
    const pync_type *t = pv_type(obj);
    if (t->getitem) return t->getitem(obj, key);
    if (t == &pync_type_type || pync_is_subtype(t, &pync_type_type)) {
        /* list[int] and friends: class subscription (typing) */
        pv cg = pync_type_lookup_cstr((const pync_type *)obj, "__class_getitem__");
        if (cg) return pync_call2(cg, obj, key);
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "type '%s' is not subscriptable", ((const pync_type *)obj)->name);
    }
    return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not subscriptable", t->name);
}

/* The TypeError for obj[key] = value / del obj[key] on a type without item assignment. CPython
   words deletion by its path: a sequence type (one with length, membership or items: str, tuple,
   frozenset, a class) given an integer index "doesn't support item deletion"; anything else
   (int, None, an iterator, a non-integer key) "does not support item deletion". */
int pync_item_assignment_error(pv obj, pv key, pv value) {
    const pync_type *t = pv_type(obj);
    if (value) {
        pync_raise_fmt(&pync_TypeError_type, "'%s' object does not support item assignment", t->name);
        return -1;
    }
    bool sequence = (t->flags & PYNC_TF_HEAPTYPE) || t->len || t->contains || t->getitem;
    const pync_type *kt = pv_type(key);
    bool index = pv_is_small(key) || pync_isinstance_type(key, &pync_int_type) ||
                 (kt->to_int && !pync_isinstance_type(key, &pync_float_type));
    pync_raise_fmt(&pync_TypeError_type, sequence && index ? "'%s' object doesn't support item deletion"
                                                           : "'%s' object does not support item deletion", t->name);
    return -1;
}

int pync_setitem(pv obj, pv key, pv value) {
    const pync_type *t = pv_type(obj);
    if (t->setitem) return t->setitem(obj, key, value);
    return pync_item_assignment_error(obj, key, value);
}

int64_t pync_len(pv obj) {
    const pync_type *t = pv_type(obj);
    if (t->len) return t->len(obj);
    pync_raise_fmt(&pync_TypeError_type, "object of type '%s' has no len()", t->name);
    return -1;
}

pv pync_iter(pv obj) {
    const pync_type *t = pv_type(obj);
    if (t->iter) {
        pv it = t->iter(obj);
        if (it && !pv_type(it)->next) {
            return pync_raise_fmt(&pync_TypeError_type, "iter() returned non-iterator of type '%T'", it);
        }
        return it;
    }
    if (t->getitem) return pync_seqiter_new(obj);
    return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not iterable", t->name);
}

pv pync_next(pv iter) {
    const pync_type *t = pv_type(iter);
    if (!t->next) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not an iterator", t->name);
    return t->next(iter);
}

/* ---- attributes -------------------------------------------------------------------------- */

pv pync_getattr(pv obj, pv name) {
    const pync_type *t = pv_type(obj);
    if (t->getattr) return t->getattr(obj, name);
    return pync_generic_getattr(obj, name);
}

pv pync_getattr_cstr(pv obj, const char *name) {
    pv n = pync_str_from_cstr(name);
    return n ? pync_getattr(obj, n) : 0;
}

int pync_setattr(pv obj, pv name, pv value) {
    const pync_type *t = pv_type(obj);
    if (t->setattr) return t->setattr(obj, name, value);
    return pync_generic_setattr(obj, name, value);
}

int pync_hasattr(pv obj, pv name) {
    pv v = pync_getattr(obj, name);
    if (v) return 1;
    if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) > 0) {
        pync_exc_clear();
        return 0;
    }
    return -1;
}

static pv *instance_dict_slot(pv obj) {
    if (pv_is_small(obj)) return NULL;
    const pync_type *t = pv_type(obj);
    return t->dictoffset ? (pv *)((char *)obj + t->dictoffset) : NULL;
}

pv pync_generic_getattr(pv obj, pv name) {
    const pync_type *t = pv_type(obj);
    pv descr = pync_type_lookup(t, name);
    if (!descr && pync_current_exc) return 0;
    if (descr && pync_is_data_descriptor(descr)) return pync_descr_get(descr, obj, t);
    pv *slot = instance_dict_slot(obj);
    if (slot && *slot) {
        pv v = pync_dict_get(*slot, name);
        if (v || pync_current_exc) return v;
    }
    if (descr) return pync_descr_get(descr, obj, t);
    if (pync_str_eq_cstr(name, "__class__")) return (pv)t;
    if (slot && pync_str_eq_cstr(name, "__dict__")) {
        if (!*slot && !(*slot = pync_dict_new())) return 0;
        return *slot;
    }
    /* the dunders of the built-in slots (list.__len__, int.__radd__, iterator.__next__) */
    descr = pync_builtin_slot_wrapper(pync_layout_type(t), name);
    if (descr) return pync_descr_get(descr, obj, t);
    if (pync_current_exc) return 0;
    return pync_raise_fmt(&pync_AttributeError_type, "'%s' object has no attribute '%U'", t->name, name);
}

int pync_generic_setattr(pv obj, pv name, pv value) {
    const pync_type *t = pv_type(obj);
    pv descr = pync_type_lookup(t, name);
    if (!descr && pync_current_exc) return -1;
    if (descr && pync_is_data_descriptor(descr)) return pync_descr_set(descr, obj, value);
    pv *slot = instance_dict_slot(obj);
    if (!slot) {
        if (descr) {
            pync_raise_fmt(&pync_AttributeError_type, "'%s' object attribute '%U' is read-only", t->name, name);
        } else {
            pync_raise_fmt(&pync_AttributeError_type, "'%s' object has no attribute '%U'", t->name, name);
        }
        return -1;
    }
    if (!*slot) {
        if (!value) {
            pync_raise_fmt(&pync_AttributeError_type, "'%s' object has no attribute '%U'", t->name, name);
            return -1;
        }
        if (!(*slot = pync_dict_new())) return -1;
    }
    if (value) return pync_dict_setitem(*slot, name, value);
    pv present = pync_dict_get(*slot, name);
    if (!present) {
        if (!pync_current_exc) pync_raise_fmt(&pync_AttributeError_type, "'%s' object has no attribute '%U'", t->name, name);
        return -1;
    }
    return pync_dict_delitem(*slot, name);
}

/* ---- conversions ------------------------------------------------------------------------- */

pv pync_number_index(pv v) {
    if (pv_is_small(v)) return v;
    const pync_type *t = pv_type(v);
    if (t == &pync_int_type) return v;
    if (t == &pync_bool_type) return pv_from_small(v == pync_True);
    if (pync_has_index(v)) {
        pv r = t->to_int(v);
        if (r && !pync_isinstance_type(r, &pync_int_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "__index__ returned non-int (type %T)", r);
        }
        return r;
    }
    return pync_raise_fmt(&pync_TypeError_type, "'%s' object cannot be interpreted as an integer", t->name);
}

int pync_index(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return 0;
    }
    pv i = pync_number_index(v);
    if (!i) return -1;
    if (!pync_int_as_i64(i, out)) {
        pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int pync_as_double(pv v, double *out) {
    if (pv_is_small(v)) {
        *out = (double)pv_small(v);
        return 0;
    }
    const pync_type *t = pv_type(v);
    if (t == &pync_float_type) {
        *out = pync_float_value(v);
        return 0;
    }
    if (t->to_float) {
        pv f = t->to_float(v);
        if (!f) return -1;
        if (!pync_isinstance_type(f, &pync_float_type)) {
            pync_raise_fmt(&pync_TypeError_type, "%s.__float__ returned non-float (type %T)", t->name, f);
            return -1;
        }
        *out = pync_float_value(f);
        return 0;
    }
    /* an object with __index__ but no __float__ */
    if (pync_has_index(v)) {
        pv i = pync_number_index(v);
        if (!i) return -1;
        int overflow = 0;
        *out = pync_int_as_double(i, &overflow);
        if (overflow) {
            pync_raise_fmt(&pync_OverflowError_type, "int too large to convert to float");
            return -1;
        }
        return 0;
    }
    pync_raise_fmt(&pync_TypeError_type, "must be real number, not %s", t->name);
    return -1;
}
