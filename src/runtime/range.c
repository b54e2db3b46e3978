/* range.c — the range type over arbitrary ints, with machine-word fast paths.
 *
 *   +------+-------+------+------+--------+-------+-----------------------------------+
 *   | type | start | stop | step | length | small | istart istop istep ilen (int64)   |
 *   +------+-------+------+------+--------+-------+-----------------------------------+
 *
 * start/stop/step/length are int values, as in CPython's rangeobject; when all four fit in an
 * int64 (`small`), indexing, `in`, count/index and iteration use the int64 copies. Iterators are
 * CPython's two kinds: range_iterator (machine words) and longrange_iterator. */
#include "containers.h"
#include "slice.h"

typedef struct pync_range {
    pync_object ob;
    pv start, stop, step, length;
    bool small;
    int64_t istart, istop, istep, ilen;
} pync_range;

static inline pync_range *R(pv v) { return (pync_range *)v; }

static bool as_i64(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return true;
    }
    return pync_int_as_i64(v, out);
}

/* len(range(start, stop, step)) for ints. */
static pv compute_range_length(pv start, pv stop, pv step) {
    int64_t a, b, s;
    if (as_i64(start, &a) && as_i64(stop, &b) && as_i64(step, &s)) {
        uint64_t n = 0;
        if (s > 0 && a < b) n = ((uint64_t)b - (uint64_t)a - 1) / (uint64_t)s + 1;
        else if (s < 0 && b < a) n = ((uint64_t)a - (uint64_t)b - 1) / (0 - (uint64_t)s) + 1;
        return pync_int_from_u64(n);
    }
    pv lo = start, hi = stop;
    if (pync_int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = pync_unary(step, PYNC_OP_NEG);
        if (!step) return 0;
    }
    int ge = pync_compare_bool(lo, hi, PYNC_GE);
    if (ge < 0) return 0;
    if (ge) return pv_from_small(0);
    pv d = pync_binary(hi, lo, PYNC_OP_SUB);
    if (!d) return 0;
    d = pync_binary(d, pv_from_small(1), PYNC_OP_SUB);
    if (!d) return 0;
    d = pync_binary(d, step, PYNC_OP_FLOORDIV);
    if (!d) return 0;
    return pync_binary(d, pv_from_small(1), PYNC_OP_ADD);
}

static pv make_range(const pync_type *type, pv start, pv stop, pv step) {
    pv length = compute_range_length(start, stop, step);
    if (!length) return 0;
    pync_range *r = pync_gc_alloc(type->basicsize, type);
    if (!r) return 0;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    r->small = as_i64(start, &r->istart) && as_i64(stop, &r->istop) && as_i64(step, &r->istep) &&
               as_i64(length, &r->ilen);
    return (pv)r;
}

pv pync_range_new(pv start, pv stop, pv step) {
    pv a = start ? pync_number_index(start) : pv_from_small(0);
    if (!a) return 0;
    pv b = pync_number_index(stop);
    if (!b) return 0;
    pv s = step ? pync_number_index(step) : pv_from_small(1);
    if (!s) return 0;
    if (pync_int_sign(s) == 0) return pync_raise_fmt(&pync_ValueError_type, "range() arg 3 must not be zero");
    return make_range(&pync_range_type, a, b, s);
}

static pv range_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("range", kwnames) < 0) return 0;
    if (pync_check_positional("range", nargs, 0, 1, 3) < 0) return 0;
    pv start = pv_from_small(0), stop, step = pv_from_small(1);
    if (nargs == 1) {
        stop = pync_number_index(args[0]);
        if (!stop) return 0;
    } else {
        start = pync_number_index(args[0]);
        if (!start) return 0;
        stop = pync_number_index(args[1]);
        if (!stop) return 0;
        if (nargs == 3) {
            step = pync_number_index(args[2]);
            if (!step) return 0;
            if (pync_int_sign(step) == 0) return pync_raise_fmt(&pync_ValueError_type, "range() arg 3 must not be zero");
        }
    }
    return make_range(type, start, stop, step);
}

static void range_trace(pync_object *o) {
    pync_range *r = (pync_range *)o;
    pync_gc_visit(r->start);
    pync_gc_visit(r->stop);
    pync_gc_visit(r->step);
    pync_gc_visit(r->length);
}

static pv range_repr(pv self) {
    pync_range *r = R(self);
    int step_one = pync_equal(r->step, pv_from_small(1));
    if (step_one < 0) return 0;
    if (step_one) return pync_str_fmt("range(%R, %R)", r->start, r->stop);
    return pync_str_fmt("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static int range_truth(pv self) { return pync_int_sign(R(self)->length) != 0; }

static int64_t range_len(pv self) {
    pync_range *r = R(self);
    int64_t n;
    if (as_i64(r->length, &n)) return n;
    pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C ssize_t");
    return -1;
}

/* start + i * step (no bounds check) */
static pv compute_item(pync_range *r, pv i) {
    int64_t k;
    if (r->small && as_i64(i, &k) && k >= 0 && k < r->ilen) return pync_int_from_i64(r->istart + k * r->istep);
    if (i == pv_from_small(0)) return r->start;
    pv p = pync_binary(i, r->step, PYNC_OP_MUL);
    if (!p) return 0;
    return pync_binary(r->start, p, PYNC_OP_ADD);
}

static pv range_item_long(pync_range *r, pv arg) {
    pv i = pync_number_index(arg);
    if (!i) return 0;
    if (r->small && pv_is_small(i)) {
        int64_t k = pv_small(i);
        if (k < 0) k += r->ilen;
        if (k < 0 || k >= r->ilen) return pync_raise_fmt(&pync_IndexError_type, "range object index out of range");
        return pync_int_from_i64(r->istart + k * r->istep);
    }
    if (pync_int_sign(i) < 0) {
        i = pync_binary(r->length, i, PYNC_OP_ADD);
        if (!i) return 0;
    }
    int bad = pync_int_sign(i) < 0;
    if (!bad) {
        bad = pync_compare_bool(i, r->length, PYNC_GE);
        if (bad < 0) return 0;
    }
    if (bad) return pync_raise_fmt(&pync_IndexError_type, "range object index out of range");
    return compute_item(r, i);
}

static pv range_subscript(pv self, pv item) {
    pync_range *r = R(self);
    if (pync_has_index(item)) return range_item_long(r, item);
    if (pync_isinstance_type(item, &pync_slice_type)) {
        pv start, stop, step;
        if (pync_slice_long_indices(item, r->length, &start, &stop, &step) < 0) return 0;
        pv substep = pync_binary(r->step, step, PYNC_OP_MUL);
        if (!substep) return 0;
        pv substart = compute_item(r, start);
        if (!substart) return 0;
        pv substop = compute_item(r, stop);
        if (!substop) return 0;
        return make_range(pv_type(self), substart, substop, substep);
    }
    return pync_raise_fmt(&pync_TypeError_type, "range indices must be integers or slices, not %T", item);
}

/* `ob in r` for an int or bool: arithmetic. 1, 0, -1. */
static int range_contains_long(pync_range *r, pv ob) {
    int64_t v;
    if (r->small) {
        if (!as_i64(pync_number_index(ob), &v)) return 0; /* a big int is outside every small range */
        if (r->istep > 0) {
            if (v < r->istart || v >= r->istop) return 0;
            return ((uint64_t)v - (uint64_t)r->istart) % (uint64_t)r->istep == 0;
        }
        if (v > r->istart || v <= r->istop) return 0;
        return ((uint64_t)r->istart - (uint64_t)v) % (0 - (uint64_t)r->istep) == 0;
    }
    int c1, c2;
    if (pync_int_sign(r->step) > 0) {
        c1 = pync_compare_bool(r->start, ob, PYNC_LE);
        c2 = c1 > 0 ? pync_compare_bool(ob, r->stop, PYNC_LT) : 0;
    } else {
        c1 = pync_compare_bool(ob, r->start, PYNC_LE);
        c2 = c1 > 0 ? pync_compare_bool(r->stop, ob, PYNC_LT) : 0;
    }
    if (c1 < 0 || c2 < 0) return -1;
    if (!c1 || !c2) return 0;
    pv d = pync_binary(ob, r->start, PYNC_OP_SUB);
    if (!d) return -1;
    pv m = pync_binary(d, r->step, PYNC_OP_MOD);
    if (!m) return -1;
    return pync_int_sign(m) == 0;
}

static bool exact_int(pv v) {
    return pv_is_small(v) || pv_type(v) == &pync_int_type || pv_type(v) == &pync_bool_type;
}

/* _PySequence_IterSearch for non-int values: count of equal items, or the first index (-1). */
static int64_t iter_search(pv self, pv ob, bool count) {
    pv it = pync_iter(self);
    if (!it) return -2;
    int64_t n = 0, i = 0;
    for (;; i++) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? -2 : count ? n : -1;
        int eq = pync_equal(x, ob);
        if (eq < 0) return -2;
        if (eq) {
            if (!count) return i;
            n++;
        }
    }
}

static int range_contains(pv self, pv ob) {
    if (exact_int(ob)) return range_contains_long(R(self), ob);
    int64_t r = iter_search(self, ob, false);
    return r == -2 ? -1 : r >= 0;
}

static pv range_richcompare(pv a, pv b, pync_cmpop op) {
    if (!pync_isinstance_type(b, &pync_range_type)) return pync_NotImplemented;
    if (op != PYNC_EQ && op != PYNC_NE) return pync_NotImplemented;
    int eq;
    pync_range *x = R(a), *y = R(b);
    if (a == b) {
        eq = 1;
    } else {
        eq = pync_equal(x->length, y->length);
        if (eq < 0) return 0;
        if (eq && pync_int_sign(x->length) != 0) {
            eq = pync_equal(x->start, y->start);
            if (eq < 0) return 0;
            if (eq) {
                int one = pync_equal(x->length, pv_from_small(1));
                if (one < 0) return 0;
                if (!one) {
                    eq = pync_equal(x->step, y->step);
                    if (eq < 0) return 0;
                }
            }
        }
    }
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

/* hash((len, start, step)), with None for what does not matter (empty or one-item ranges) */
static int range_hash(pv self, int64_t *out) {
    pync_range *r = R(self);
    pv t;
    if (pync_int_sign(r->length) == 0) {
        t = pync_tuple_pack(3, r->length, pync_None, pync_None);
    } else {
        int one = pync_equal(r->length, pv_from_small(1));
        if (one < 0) return -1;
        t = pync_tuple_pack(3, r->length, r->start, one ? pync_None : r->step);
    }
    if (!t) return -1;
    return pync_hash(t, out);
}

static bool name_is(pv name, const char *s) {
    const char *d = pync_str_data(name);
    size_t n = pync_str_size(name), k = 0;
    for (; k < n && s[k]; k++) {
        if (d[k] != s[k]) return false;
    }
    return k == n && s[k] == 0;
}

static pv range_getattr(pv self, pv name) {
    pync_range *r = R(self);
    if (name_is(name, "start")) return r->start;
    if (name_is(name, "stop")) return r->stop;
    if (name_is(name, "step")) return r->step;
    return pync_generic_getattr(self, name);
}

static int range_setattr(pv self, pv name, pv value) {
    if (name_is(name, "start") || name_is(name, "stop") || name_is(name, "step")) {
        pync_raise_fmt(&pync_AttributeError_type, "readonly attribute");
        return -1;
    }
    return pync_generic_setattr(self, name, value);
}

/* ---- iterators ------------------------------------------------------------------------------- */

typedef struct range_iterator {
    pync_object ob;
    int64_t start, step, len;
} range_iterator;

typedef struct longrange_iterator {
    pync_object ob;
    pv start, step, len;
} longrange_iterator;

static pv self_iter(pv self) { return self; }

static pv rangeiter_next(pv self) {
    range_iterator *it = (range_iterator *)self;
    if (it->len > 0) {
        int64_t result = it->start;
        it->start = (int64_t)((uint64_t)result + (uint64_t)it->step);
        it->len--;
        return pync_int_from_i64(result);
    }
    return 0;
}

static pv rangeiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    return pync_int_from_i64(((range_iterator *)self)->len);
}

PYNC_METHOD(rangeiter, __length_hint__, rangeiter_length_hint, 0);

const pync_type pync_range_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "range_iterator", .base = &pync_object_type, .flags = PYNC_TF_LEAF,
    .basicsize = sizeof(range_iterator), .iter = self_iter, .next = rangeiter_next, .method_list = pync_methods__rangeiter,
};

static void longrangeiter_trace(pync_object *o) {
    longrange_iterator *it = (longrange_iterator *)o;
    pync_gc_visit(it->start);
    pync_gc_visit(it->step);
    pync_gc_visit(it->len);
}

static pv longrangeiter_next(pv self) {
    longrange_iterator *it = (longrange_iterator *)self;
    if (pync_int_sign(it->len) <= 0) return 0;
    pv result = it->start;
    pv next = pync_binary(result, it->step, PYNC_OP_ADD);
    if (!next) return 0;
    pv len = pync_binary(it->len, pv_from_small(1), PYNC_OP_SUB);
    if (!len) return 0;
    it->start = next;
    it->len = len;
    return result;
}

static pv longrangeiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    return ((longrange_iterator *)self)->len;
}

PYNC_METHOD(longrangeiter, __length_hint__, longrangeiter_length_hint, 0);

const pync_type pync_longrange_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "longrange_iterator", .base = &pync_object_type,
    .basicsize = sizeof(longrange_iterator), .trace = longrangeiter_trace, .iter = self_iter,
    .next = longrangeiter_next, .method_list = pync_methods__longrangeiter,
};

static pv fast_iter(int64_t start, int64_t step, int64_t len) {
    if (pync_ready(&pync_range_iterator_type) < 0) return 0;
    range_iterator *it = pync_gc_alloc(sizeof(range_iterator), &pync_range_iterator_type);
    if (!it) return 0;
    it->start = start;
    it->step = step;
    it->len = len;
    return (pv)it;
}

static pv long_iter(pv start, pv step, pv len) {
    if (pync_ready(&pync_longrange_iterator_type) < 0) return 0;
    longrange_iterator *it = pync_gc_alloc(sizeof(longrange_iterator), &pync_longrange_iterator_type);
    if (!it) return 0;
    it->start = start;
    it->step = step;
    it->len = len;
    return (pv)it;
}

/* Whether start + len * step stays within int64 (CPython's check before its C-long iterator). */
static bool fast_ok(pync_range *r) {
    if (!r->small) return false;
    if (r->ilen) {
        if (r->istep > 0) {
            if (r->istop > INT64_MAX - (r->istep - 1)) return false;
        } else if (r->istop < INT64_MIN + (-1 - r->istep)) {
            return false;
        }
    }
    return true;
}

static pv range_iter(pv self) {
    pync_range *r = R(self);
    if (fast_ok(r)) return fast_iter(r->istart, r->istep, r->ilen);
    return long_iter(r->start, r->step, r->length);
}

static pv range_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("range.__reversed__", nargs, kwnames) < 0) return 0;
    pync_range *r = R(self);
    /* reversed(range(start, stop, step)) is range(start+(n-1)*step, start-step, -step): machine
       words when start, stop, step, -step, start-step and the length all fit, as in CPython */
    if (r->small && r->istep != INT64_MIN) {
        bool ok = r->istep > 0 ? (uint64_t)r->istart - (uint64_t)INT64_MIN >= (uint64_t)r->istep
                               : (uint64_t)INT64_MAX - (uint64_t)r->istart >= 0 - (uint64_t)r->istep;
        if (ok) {
            uint64_t new_stop = (uint64_t)r->istart - (uint64_t)r->istep;
            int64_t new_start = (int64_t)(new_stop + (uint64_t)r->ilen * (uint64_t)r->istep);
            return fast_iter(new_start, -r->istep, r->ilen);
        }
    }
    pv lm1 = pync_binary(r->length, pv_from_small(1), PYNC_OP_SUB);
    if (!lm1) return 0;
    pv last = compute_item(r, lm1);
    if (!last) return 0;
    pv step = pync_unary(r->step, PYNC_OP_NEG);
    if (!step) return 0;
    return long_iter(last, step, r->length);
}

/* ---- methods ------------------------------------------------------------------------------- */

static pv range_count(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("range.count", nargs, kwnames) < 0) return 0;
    if (exact_int(args[0])) {
        int r = range_contains_long(R(self), args[0]);
        return r < 0 ? 0 : pv_from_small(r);
    }
    int64_t n = iter_search(self, args[0], true);
    return n == -2 ? 0 : pync_int_from_i64(n);
}

static pv range_index(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("range.index", nargs, kwnames) < 0) return 0;
    pv ob = args[0];
    pync_range *r = R(self);
    if (exact_int(ob)) {
        int c = range_contains_long(r, ob);
        if (c < 0) return 0;
        if (!c) return pync_raise_fmt(&pync_ValueError_type, "%R is not in range", ob);
        int64_t v;
        if (r->small && as_i64(pync_number_index(ob), &v)) {
            uint64_t d = r->istep > 0 ? (uint64_t)v - (uint64_t)r->istart : (uint64_t)r->istart - (uint64_t)v;
            uint64_t s = r->istep > 0 ? (uint64_t)r->istep : 0 - (uint64_t)r->istep;
            return pync_int_from_u64(d / s);
        }
        pv d = pync_binary(ob, r->start, PYNC_OP_SUB);
        if (!d) return 0;
        return pync_binary(d, r->step, PYNC_OP_FLOORDIV);
    }
    int64_t i = iter_search(self, ob, false);
    if (i == -2) return 0;
    if (i < 0) return pync_raise_fmt(&pync_ValueError_type, "sequence.index(x): x not in sequence");
    return pync_int_from_i64(i);
}

PYNC_METHOD(range, __reversed__, range_reversed, 0);
PYNC_METHOD(range, count, range_count, 0);
PYNC_METHOD(range, index, range_index, 0);

const pync_type pync_range_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "range",
    .base = &pync_object_type,
    .basicsize = sizeof(pync_range),
    .trace = range_trace,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truth = range_truth,
    .getattr = range_getattr,
    .setattr = range_setattr,
    .construct = range_construct,
    .iter = range_iter,
    .len = range_len,
    .getitem = range_subscript,
    .contains = range_contains,
    .method_list = pync_methods__range,
};
