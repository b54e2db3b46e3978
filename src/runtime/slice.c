/* slice.c — the slice type (slice.h) and the index arithmetic shared by the sequence types:
 * PySlice_GetIndicesEx for list/tuple/str/bytes/range, operator.index conversions with CPython's
 * clamping and messages, and the argument checks the container files use.
 *
 * slice.indices() works on arbitrary ints (as CPython's _PySlice_GetLongIndices does); the
 * sequence path clamps every index to the int64 range first, like Py_ssize_t on a 64-bit host. */
#include "containers.h"
#include "slice.h"

/* ---- argument checks ------------------------------------------------------------------------ */

bool pync_kwname_is(pv kwnames, size_t i, const char *s) {
    pv name = ((const pync_tuple *)kwnames)->items[i];
    const char *d = pync_str_data(name);
    size_t n = pync_str_size(name), k = 0;
    for (; k < n && s[k]; k++) {
        if (d[k] != s[k]) return false;
    }
    return k == n && s[k] == 0;
}

int pync_no_kwargs(const char *name, pv kwnames) {
    if (pync_kwcount(kwnames) == 0) return 0;
    pync_raise_fmt(&pync_TypeError_type, "%s() takes no keyword arguments", name);
    return -1;
}

int pync_check_one_arg(const char *qualname, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(qualname, kwnames) < 0) return -1;
    if (nargs == 1) return 0;
    pync_raise_fmt(&pync_TypeError_type, "%s() takes exactly one argument (%zd given)", qualname,
                   (ptrdiff_t)nargs);
    return -1;
}

int pync_check_no_args(const char *qualname, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(qualname, kwnames) < 0) return -1;
    if (nargs == 0) return 0;
    pync_raise_fmt(&pync_TypeError_type, "%s() takes no arguments (%zd given)", qualname, (ptrdiff_t)nargs);
    return -1;
}

int pync_check_positional(const char *name, size_t nargs, pv kwnames, size_t min, size_t max) {
    if (pync_no_kwargs(name, kwnames) < 0) return -1;
    if (nargs < min) {
        pync_raise_fmt(&pync_TypeError_type, "%s expected %s%zd argument%s, got %zd", name,
                       min == max ? "" : "at least ", (ptrdiff_t)min, min == 1 ? "" : "s", (ptrdiff_t)nargs);
        return -1;
    }
    if (nargs > max) {
        pync_raise_fmt(&pync_TypeError_type, "%s expected %s%zd argument%s, got %zd", name,
                       min == max ? "" : "at most ", (ptrdiff_t)max, max == 1 ? "" : "s", (ptrdiff_t)nargs);
        return -1;
    }
    return 0;
}

/* ---- integers and indices -------------------------------------------------------------------- */

bool pync_has_index(pv v) {
    if (pv_is_small(v)) return true;
    const pync_type *t = pv_type(v);
    if (t == &pync_int_type || t == &pync_bool_type || pync_is_subtype(t, &pync_int_type)) return true;
    if (!t->to_int || pync_isinstance_type(v, &pync_float_type)) return false;
    if (!(t->flags & PYNC_TF_HEAPTYPE)) return true;
    /* a class's to_int slot also serves a class with __int__ alone */
    if (pync_type_lookup_cstr(t, "__index__")) return true;
    if (!pync_current_exc) return false;
    pync_exc_clear();
    return true;
}

int pync_int_sign(pv v) {
    if (pv_is_small(v)) {
        intptr_t i = pv_small(v);
        return (i > 0) - (i < 0);
    }
    if (v == pync_True) return 1;
    if (v == pync_False) return 0;
    int32_t s = ((const pync_long *)v)->size;
    return (s > 0) - (s < 0);
}

static int index_value(pv v, const pync_type *exc, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return 0;
    }
    pv i = pync_number_index(v);
    if (!i) return -1;
    if (pv_is_small(i)) {
        *out = pv_small(i);
        return 0;
    }
    if (pync_int_as_i64(i, out)) return 0;
    if (exc) {
        pync_raise_fmt(exc, "cannot fit '%T' into an index-sized integer", v);
        return -1;
    }
    *out = pync_int_sign(i) < 0 ? PYNC_SSIZE_MIN : PYNC_SSIZE_MAX;
    return 0;
}

int pync_index_clamped(pv v, int64_t *out) { return index_value(v, NULL, out); }

int pync_index_or_raise(pv v, const pync_type *exc, int64_t *out) { return index_value(v, exc, out); }

int pync_slice_index_not_none(pv v, int64_t *out) {
    if (!pync_has_index(v)) {
        pync_raise_fmt(&pync_TypeError_type, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return index_value(v, NULL, out);
}

/* _PyEval_SliceIndex: None leaves *out alone. */
static int slice_index(pv v, int64_t *out) {
    if (v == pync_None) return 0;
    if (!pync_has_index(v)) {
        pync_raise_fmt(&pync_TypeError_type, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return index_value(v, NULL, out);
}

/* ---- PySlice_GetIndicesEx ------------------------------------------------------------------- */

int pync_slice_unpack_raw(pv slice, int64_t *start, int64_t *stop, int64_t *step) {
    const pync_slice *s = (const pync_slice *)slice;
    if (s->step == pync_None) {
        *step = 1;
    } else {
        if (slice_index(s->step, step) < 0) return -1;
        if (*step == 0) {
            pync_raise_fmt(&pync_ValueError_type, "slice step cannot be zero");
            return -1;
        }
        /* -step must not overflow */
        if (*step < -PYNC_SSIZE_MAX) *step = -PYNC_SSIZE_MAX;
    }
    if (s->start == pync_None) {
        *start = *step < 0 ? PYNC_SSIZE_MAX : 0;
    } else if (slice_index(s->start, start) < 0) {
        return -1;
    }
    if (s->stop == pync_None) {
        *stop = *step < 0 ? PYNC_SSIZE_MIN : PYNC_SSIZE_MAX;
    } else if (slice_index(s->stop, stop) < 0) {
        return -1;
    }
    return 0;
}

int64_t pync_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (int64_t)(((uint64_t)*start - (uint64_t)*stop - 1) / (uint64_t)(-step)) + 1;
    } else if (*start < *stop) {
        return (int64_t)(((uint64_t)*stop - (uint64_t)*start - 1) / (uint64_t)step) + 1;
    }
    return 0;
}

int pync_slice_unpack(pv slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                      int64_t *slicelength) {
    if (pync_slice_unpack_raw(slice, start, stop, step) < 0) return -1;
    *slicelength = pync_slice_adjust(length, start, stop, *step);
    return 0;
}

/* ---- the slice type ---------------------------------------------------------------------- */

pv pync_slice_new(pv start, pv stop, pv step) {
    pync_slice *s = pync_gc_alloc(sizeof(pync_slice), &pync_slice_type);
    if (!s) return 0;
    s->start = start ? start : pync_None;
    s->stop = stop ? stop : pync_None;
    s->step = step ? step : pync_None;
    return (pv)s;
}

static void slice_trace(pync_object *o) {
    pync_slice *s = (pync_slice *)o;
    pync_gc_visit(s->start);
    pync_gc_visit(s->stop);
    pync_gc_visit(s->step);
}

static pv slice_repr(pv self) {
    const pync_slice *s = (const pync_slice *)self;
    return pync_str_fmt("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static pv slice_richcompare(pv a, pv b, pync_cmpop op) {
    if (!pync_isinstance_type(a, &pync_slice_type) || !pync_isinstance_type(b, &pync_slice_type)) {
        return pync_NotImplemented;
    }
    if (a == b) return pync_bool(op == PYNC_EQ || op == PYNC_LE || op == PYNC_GE);
    const pync_slice *x = (const pync_slice *)a, *y = (const pync_slice *)b;
    pv t1 = pync_tuple_pack(3, x->start, x->stop, x->step);
    if (!t1) return 0;
    pv t2 = pync_tuple_pack(3, y->start, y->stop, y->step);
    if (!t2) return 0;
    return pync_compare(t1, t2, op);
}

static pv slice_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t;
    if (pync_no_kwargs("slice", kwnames) < 0) return 0;
    if (pync_check_positional("slice", nargs, 0, 1, 3) < 0) return 0;
    if (nargs == 1) return pync_slice_new(0, args[0], 0);
    return pync_slice_new(args[0], args[1], nargs == 3 ? args[2] : 0);
}

static bool name_is(pv name, const char *s) {
    const char *d = pync_str_data(name);
    size_t n = pync_str_size(name), k = 0;
    for (; k < n && s[k]; k++) {
        if (d[k] != s[k]) return false;
    }
    return k == n && s[k] == 0;
}

static pv slice_getattr(pv self, pv name) {
    const pync_slice *s = (const pync_slice *)self;
    if (name_is(name, "start")) return s->start;
    if (name_is(name, "stop")) return s->stop;
    if (name_is(name, "step")) return s->step;
    return pync_generic_getattr(self, name);
}

static int slice_setattr(pv self, pv name, pv value) {
    (void)value;
    if (name_is(name, "start") || name_is(name, "stop") || name_is(name, "step")) {
        pync_raise_fmt(&pync_AttributeError_type, "readonly attribute");
        return -1;
    }
    return pync_generic_setattr(self, name, value);
}

/* evaluate_slice_index in CPython's _PySlice_GetLongIndices */
static pv long_index(pv v) {
    if (!pync_has_index(v)) {
        return pync_raise_fmt(&pync_TypeError_type, "slice indices must be integers or None or have an __index__ method");
    }
    return pync_number_index(v);
}

/* start or stop for slice.indices(): v clamped into [lower, upper] after adding length to a
   negative value. */
static pv long_bound(pv v, pv length, pv lower, pv upper, pv dflt) {
    if (v == pync_None) return dflt;
    pv i = long_index(v);
    if (!i) return 0;
    if (pync_int_sign(i) < 0) {
        i = pync_binary(i, length, PYNC_OP_ADD);
        if (!i) return 0;
        int lt = pync_compare_bool(i, lower, PYNC_LT);
        if (lt < 0) return 0;
        return lt ? lower : i;
    }
    int gt = pync_compare_bool(i, upper, PYNC_GT);
    if (gt < 0) return 0;
    return gt ? upper : i;
}

int pync_slice_long_indices(pv slice, pv length, pv *start_out, pv *stop_out, pv *step_out) {
    const pync_slice *s = (const pync_slice *)slice;
    pv step = pv_from_small(1);
    bool negative = false;
    if (s->step != pync_None) {
        step = long_index(s->step);
        if (!step) return -1;
        int sign = pync_int_sign(step);
        if (sign == 0) {
            pync_raise_fmt(&pync_ValueError_type, "slice step cannot be zero");
            return -1;
        }
        negative = sign < 0;
    }
    pv lower, upper;
    if (negative) {
        lower = pv_from_small(-1);
        upper = pync_binary(length, lower, PYNC_OP_ADD);
        if (!upper) return -1;
    } else {
        lower = pv_from_small(0);
        upper = length;
    }
    pv start = long_bound(s->start, length, lower, upper, negative ? upper : lower);
    if (!start) return -1;
    pv stop = long_bound(s->stop, length, lower, upper, negative ? lower : upper);
    if (!stop) return -1;
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    return 0;
}

/* slice.indices(length) */
static pv slice_indices(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("slice.indices", nargs, kwnames) < 0) return 0;
    pv length = pync_number_index(args[0]);
    if (!length) return 0;
    if (pync_int_sign(length) < 0) return pync_raise_fmt(&pync_ValueError_type, "length should not be negative");
    pv start, stop, step;
    if (pync_slice_long_indices(self, length, &start, &stop, &step) < 0) return 0;
    return pync_tuple_pack(3, start, stop, step);
}

PYNC_METHOD(slice, indices, slice_indices, 0);

const pync_type pync_slice_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "slice",
    .base = &pync_object_type,
    .basicsize = sizeof(pync_slice),
    .trace = slice_trace,
    .repr = slice_repr,
    .richcompare = slice_richcompare,
    .getattr = slice_getattr,
    .setattr = slice_setattr,
    .construct = slice_construct,
    .method_list = pync_methods__slice,
};
