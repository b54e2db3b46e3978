/* iterators.c — the built-in iterator types and the builtins that consume iterables.
 *
 * Types: enumerate, zip (with 3.10's strict=True checks), map, filter, reversed (the sequence
 * reverse iterator), iterator (the sequence iterator for objects with only __getitem__) and
 * callable_iterator (iter(f, sentinel)). Functions: sorted, min, max, sum, any, all, with
 * CPython 3.11's semantics and messages (bltinmodule.c, enumobject.c, iterobject.c). */
#include "containers.h"
#include "iterators.h"

static pv self_iter(pv self) { return self; }

/* The next item of an iterator whose type is known to have `next`. */
static inline pv next_of(pv it) { return pv_type(it)->next(it); }

/* After a 0 from next(): true if that was the end (a StopIteration is swallowed). */
static bool exhausted(void) {
    if (!pync_current_exc) return true;
    if (pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) {
        pync_exc_clear();
        return true;
    }
    return false;
}

/* ==== enumerate ================================================================================ */

typedef struct enumobject {
    pync_object ob;
    int64_t index;           /* PYNC_SSIZE_MAX: counting in longindex */
    pv it;
    pv longindex;            /* 0 until the count leaves the machine range */
} enumobject;

static void enum_trace(pync_object *o) {
    enumobject *e = (enumobject *)o;
    pync_gc_visit(e->it);
    pync_gc_visit(e->longindex);
}

static pv enum_new_impl(const pync_type *type, pv iterable, pv start) {
    if (pync_ready(type) < 0) return 0;
    int64_t index = 0;
    pv longindex = 0;
    if (start) {
        start = pync_number_index(start);
        if (!start) return 0;
        if (!(pv_is_small(start) ? (index = pv_small(start), true) : pync_int_as_i64(start, &index)) ||
            index == PYNC_SSIZE_MAX) {
            index = PYNC_SSIZE_MAX;
            longindex = start;
        }
    }
    pv it = pync_iter(iterable);
    if (!it) return 0;
    enumobject *e = pync_gc_alloc(type->basicsize, type);
    if (!e) return 0;
    e->index = index;
    e->longindex = longindex;
    e->it = it;
    return (pv)e;
}

pv pync_enumerate_new(pv iterable, pv start) { return enum_new_impl(&pync_enumerate_type, iterable, start); }

static pv enum_next(pv self) {
    enumobject *e = (enumobject *)self;
    pv item = next_of(e->it);
    if (!item) return 0;
    pv index;
    if (e->index == PYNC_SSIZE_MAX) {
        if (!e->longindex) e->longindex = pync_int_from_i64(PYNC_SSIZE_MAX);
        if (!e->longindex) return 0;
        index = e->longindex;
        pv next = pync_binary(index, pv_from_small(1), PYNC_OP_ADD);
        if (!next) return 0;
        e->longindex = next;
    } else {
        index = pync_int_from_i64(e->index);
        if (!index) return 0;
        e->index++;
    }
    return pync_tuple_pack(2, index, item);
}

static bool check_keyword(pv kwnames, size_t i, const char *name) {
    if (pync_kwname_is(kwnames, i, name)) return true;
    pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for enumerate()",
                   ((pync_tuple *)kwnames)->items[i]);
    return false;
}

/* enumerate(iterable, start=0), argument handling as CPython's enum_vectorcall */
static pv enum_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    size_t nkw = pync_kwcount(kwnames);
    if (nargs + nkw == 2) {
        if (nkw == 1) {
            if (!check_keyword(kwnames, 0, "start")) return 0;
        } else if (nkw == 2) {
            if (pync_kwname_is(kwnames, 0, "start")) {
                if (!check_keyword(kwnames, 1, "iterable")) return 0;
                return enum_new_impl(type, args[1], args[0]);
            }
            if (!check_keyword(kwnames, 0, "iterable") || !check_keyword(kwnames, 1, "start")) return 0;
        }
        return enum_new_impl(type, args[0], args[1]);
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && !check_keyword(kwnames, 0, "iterable")) return 0;
        return enum_new_impl(type, args[0], 0);
    }
    if (nargs == 0) return pync_raise_fmt(&pync_TypeError_type, "enumerate() missing required argument 'iterable'");
    return pync_raise_fmt(&pync_TypeError_type, "enumerate() takes at most 2 arguments (%d given)", (int)(nargs + nkw));
}

PYNC_METHOD(enum, __class_getitem__, pync_class_getitem, PYNC_METH_CLASS);

const pync_type pync_enumerate_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "enumerate", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(enumobject), .trace = enum_trace, .construct = enum_construct,
    .iter = self_iter, .next = enum_next, .method_list = pync_methods__enum,
};

/* ==== zip ========================================================================================= */

typedef struct zipobject {
    pync_object ob;
    pv ittuple;              /* tuple of iterators */
    bool strict;
} zipobject;

static void zip_trace(pync_object *o) { pync_gc_visit(((zipobject *)o)->ittuple); }

static pv zip_new_impl(const pync_type *type, pv *iterables, size_t n, bool strict) {
    if (pync_ready(type) < 0) return 0;
    pv ittuple = pync_tuple_new(n);
    if (!ittuple) return 0;
    for (size_t i = 0; i < n; i++) {
        pv it = pync_iter(iterables[i]);
        if (!it) return 0;
        ((pync_tuple *)ittuple)->items[i] = it;
    }
    zipobject *z = pync_gc_alloc(type->basicsize, type);
    if (!z) return 0;
    z->ittuple = ittuple;
    z->strict = strict;
    return (pv)z;
}

pv pync_zip_new(pv *iterables, size_t n, bool strict) { return zip_new_impl(&pync_zip_type, iterables, n, strict); }

static pv zip_next(pv self) {
    zipobject *z = (zipobject *)self;
    const pync_tuple *its = (const pync_tuple *)z->ittuple;
    size_t n = its->size;
    if (n == 0) return 0;
    pv result = pync_tuple_new(n);
    if (!result) return 0;
    size_t i;
    for (i = 0; i < n; i++) {
        pv item = next_of(its->items[i]);
        if (!item) {
            if (z->strict) goto check;
            return 0;
        }
        ((pync_tuple *)result)->items[i] = item;
    }
    return result;
check:
    if (!exhausted()) return 0;
    if (i) {
        const char *plural = i == 1 ? " " : "s 1-";
        return pync_raise_fmt(&pync_ValueError_type, "zip() argument %zd is shorter than argument%s%zd",
                              (ptrdiff_t)(i + 1), plural, (ptrdiff_t)i);
    }
    for (i = 1; i < n; i++) {
        pv item = next_of(its->items[i]);
        if (item) {
            const char *plural = i == 1 ? " " : "s 1-";
            return pync_raise_fmt(&pync_ValueError_type, "zip() argument %zd is longer than argument%s%zd",
                                  (ptrdiff_t)(i + 1), plural, (ptrdiff_t)i);
        }
        if (!exhausted()) return 0;
    }
    return 0;
}

static pv zip_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    bool strict = false;
    size_t nkw = pync_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (!pync_kwname_is(kwnames, i, "strict")) {
            return pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for zip()",
                                  ((pync_tuple *)kwnames)->items[i]);
        }
        int t = pync_truth(args[nargs + i]);
        if (t < 0) return 0;
        strict = t;
    }
    return zip_new_impl(type, args, nargs, strict);
}

const pync_type pync_zip_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "zip", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(zipobject), .trace = zip_trace, .construct = zip_construct,
    .iter = self_iter, .next = zip_next,
};

/* ==== map ========================================================================================= */

typedef struct mapobject {
    pync_object ob;
    pv ittuple;
    pv func;
} mapobject;

static void map_trace(pync_object *o) {
    mapobject *m = (mapobject *)o;
    pync_gc_visit(m->ittuple);
    pync_gc_visit(m->func);
}

static pv map_new_impl(const pync_type *type, pv func, pv *iterables, size_t n) {
    if (pync_ready(type) < 0) return 0;
    pv ittuple = pync_tuple_new(n);
    if (!ittuple) return 0;
    for (size_t i = 0; i < n; i++) {
        pv it = pync_iter(iterables[i]);
        if (!it) return 0;
        ((pync_tuple *)ittuple)->items[i] = it;
    }
    mapobject *m = pync_gc_alloc(type->basicsize, type);
    if (!m) return 0;
    m->ittuple = ittuple;
    m->func = func;
    return (pv)m;
}

pv pync_map_new(pv func, pv *iterables, size_t n) { return map_new_impl(&pync_map_type, func, iterables, n); }

static pv map_next(pv self) {
    mapobject *m = (mapobject *)self;
    const pync_tuple *its = (const pync_tuple *)m->ittuple;
    size_t n = its->size;
    pv small[5];
    pv *args = small;
    pync_pvarray *big = NULL;
    if (n > 5) {
        big = pync_pvarray_new(n);
        if (!big) return 0;
        args = big->items;
    }
    for (size_t i = 0; i < n; i++) {
        pv item = next_of(its->items[i]);
        if (!item) return 0;
        args[i] = item;
    }
    pv r = pync_call(m->func, args, n, 0);
    (void)big;
    return r;
}

static pv map_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("map", kwnames) < 0) return 0;
    if (nargs < 2) return pync_raise_fmt(&pync_TypeError_type, "map() must have at least two arguments.");
    return map_new_impl(type, args[0], args + 1, nargs - 1);
}

const pync_type pync_map_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "map", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(mapobject), .trace = map_trace, .construct = map_construct,
    .iter = self_iter, .next = map_next,
};

/* ==== filter ====================================================================================== */

typedef struct filterobject {
    pync_object ob;
    pv func;
    pv it;
} filterobject;

static void filter_trace(pync_object *o) {
    filterobject *f = (filterobject *)o;
    pync_gc_visit(f->func);
    pync_gc_visit(f->it);
}

static pv filter_new_impl(const pync_type *type, pv func, pv iterable) {
    if (pync_ready(type) < 0) return 0;
    pv it = pync_iter(iterable);
    if (!it) return 0;
    filterobject *f = pync_gc_alloc(type->basicsize, type);
    if (!f) return 0;
    f->func = func;
    f->it = it;
    return (pv)f;
}

pv pync_filter_new(pv func_or_none, pv iterable) { return filter_new_impl(&pync_filter_type, func_or_none, iterable); }

static pv filter_next(pv self) {
    filterobject *f = (filterobject *)self;
    bool checktrue = f->func == pync_None || f->func == (pv)&pync_bool_type;
    for (;;) {
        pv item = next_of(f->it);
        if (!item) return 0;
        int ok;
        if (checktrue) {
            ok = pync_truth(item);
        } else {
            pv good = pync_call(f->func, &item, 1, 0);
            if (!good) return 0;
            ok = pync_truth(good);
        }
        if (ok > 0) return item;
        if (ok < 0) return 0;
    }
}

static pv filter_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("filter", kwnames) < 0) return 0;
    if (pync_check_positional("filter", nargs, 0, 2, 2) < 0) return 0;
    return filter_new_impl(type, args[0], args[1]);
}

const pync_type pync_filter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "filter", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(filterobject), .trace = filter_trace, .construct = filter_construct,
    .iter = self_iter, .next = filter_next,
};

/* ==== reversed ==================================================================================== */

typedef struct reversedobject {
    pync_object ob;
    int64_t index;
    pv seq;                  /* 0 when exhausted */
} reversedobject;

static void reversed_trace(pync_object *o) { pync_gc_visit(((reversedobject *)o)->seq); }

static pv reversed_seq_impl(const pync_type *type, pv seq, int64_t n) {
    if (pync_ready(type) < 0) return 0;
    reversedobject *r = pync_gc_alloc(type->basicsize, type);
    if (!r) return 0;
    r->index = n - 1;
    r->seq = seq;
    return (pv)r;
}

pv pync_reversed_seq_new(pv seq, int64_t n) { return reversed_seq_impl(&pync_reversed_type, seq, n); }

/* PySequence_Check: an item getter and not a dict */
static bool sequence_check(pv v) {
    const pync_type *t = pv_type(v);
    if (t->flags & PYNC_TF_DICT_SUBCLASS) return false;
    return t->getitem != NULL;
}

static pv reversed_new_impl(const pync_type *type, pv seq) {
    const pync_type *t = pv_type(seq);
    pv meth = pync_type_lookup_cstr(t, "__reversed__");
    if (meth == pync_None) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not reversible", t->name);
    if (meth) return pync_call(meth, &seq, 1, 0);
    if (pync_current_exc) return 0;
    if (!sequence_check(seq)) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not reversible", t->name);
    int64_t n = pync_len(seq);
    if (n < 0) return 0;
    return reversed_seq_impl(type, seq, n);
}

pv pync_reversed_new(pv seq) { return reversed_new_impl(&pync_reversed_type, seq); }

static pv reversed_next(pv self) {
    reversedobject *r = (reversedobject *)self;
    if (r->index >= 0 && r->seq) {
        pv item = pync_getitem(r->seq, pync_int_from_i64(r->index));
        if (item) {
            r->index--;
            return item;
        }
        if (pync_exc_matches(pync_current_exc, (pv)&pync_IndexError_type) > 0 ||
            pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) {
            pync_exc_clear();
        }
    }
    r->index = -1;
    r->seq = 0;
    return 0;
}

static pv reversed_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    reversedobject *r = (reversedobject *)self;
    if (!r->seq) return pv_from_small(0);
    int64_t n = pync_len(r->seq);
    if (n < 0) return 0;
    return pync_int_from_i64(n < r->index + 1 ? 0 : r->index + 1);
}

PYNC_METHOD(reversed, __length_hint__, reversed_length_hint, 0);

static pv reversed_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("reversed", kwnames) < 0) return 0;
    if (pync_check_positional("reversed", nargs, 0, 1, 1) < 0) return 0;
    return reversed_new_impl(type, args[0]);
}

const pync_type pync_reversed_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "reversed", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(reversedobject), .trace = reversed_trace, .construct = reversed_construct,
    .iter = self_iter, .next = reversed_next, .method_list = pync_methods__reversed,
};

/* ==== the sequence iterator ========================================================================= */

typedef struct seqiterobject {
    pync_object ob;
    int64_t index;
    pv seq;                  /* 0 when exhausted */
} seqiterobject;

static void seqiter_trace(pync_object *o) { pync_gc_visit(((seqiterobject *)o)->seq); }

pv pync_seqiter_new(pv seq) {
    if (pync_ready(&pync_seqiter_type) < 0) return 0;
    seqiterobject *it = pync_gc_alloc(sizeof(seqiterobject), &pync_seqiter_type);
    if (!it) return 0;
    it->seq = seq;
    return (pv)it;
}

static pv seqiter_next(pv self) {
    seqiterobject *it = (seqiterobject *)self;
    if (!it->seq) return 0;
    if (it->index == PYNC_SSIZE_MAX) return pync_raise_fmt(&pync_OverflowError_type, "iter index too large");
    pv item = pync_getitem(it->seq, pync_int_from_i64(it->index));
    if (item) {
        it->index++;
        return item;
    }
    if (pync_exc_matches(pync_current_exc, (pv)&pync_IndexError_type) > 0 ||
        pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) {
        pync_exc_clear();
        it->seq = 0;
    }
    return 0;
}

const pync_type pync_seqiter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "iterator", .base = &pync_object_type,
    .basicsize = sizeof(seqiterobject), .trace = seqiter_trace, .iter = self_iter, .next = seqiter_next,
};

/* ==== iter(callable, sentinel) ===================================================================== */

typedef struct calliterobject {
    pync_object ob;
    pv callable;             /* 0 when exhausted */
    pv sentinel;
} calliterobject;

static void calliter_trace(pync_object *o) {
    calliterobject *c = (calliterobject *)o;
    pync_gc_visit(c->callable);
    pync_gc_visit(c->sentinel);
}

pv pync_callable_iter_new(pv callable, pv sentinel) {
    if (pync_ready(&pync_callable_iter_type) < 0) return 0;
    calliterobject *it = pync_gc_alloc(sizeof(calliterobject), &pync_callable_iter_type);
    if (!it) return 0;
    it->callable = callable;
    it->sentinel = sentinel;
    return (pv)it;
}

static pv calliter_next(pv self) {
    calliterobject *it = (calliterobject *)self;
    if (!it->callable) return 0;
    pv result = pync_call(it->callable, NULL, 0, 0);
    if (result) {
        int ok = pync_equal(it->sentinel, result);
        if (ok == 0) return result;
        if (ok > 0) {
            it->callable = 0;
            it->sentinel = 0;
        }
        return 0;
    }
    if (pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) {
        pync_exc_clear();
        it->callable = 0;
        it->sentinel = 0;
    }
    return 0;
}

const pync_type pync_callable_iter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "callable_iterator", .base = &pync_object_type,
    .basicsize = sizeof(calliterobject), .trace = calliter_trace, .iter = self_iter, .next = calliter_next,
};

/* ==== consuming builtins ============================================================================ */

pv pync_sorted(pv iterable, pv key, bool reverse) {
    pv list = pync_list_from_iterable(iterable);
    if (!list) return 0;
    if (pync_list_sort(list, key, reverse) < 0) return 0;
    return list;
}

pv pync_sorted_call(pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("sorted", nargs, 0, 1, 1) < 0) return 0;
    pv list = pync_list_from_iterable(args[0]);
    if (!list) return 0;
    /* keywords go to list.sort, which checks them */
    if (!pync_list_sort_method(list, args + 1, 0, kwnames)) return 0;
    return list;
}

pv pync_min_max(pv *args, size_t nargs, pv kwnames, bool is_max) {
    const char *name = is_max ? "max" : "min";
    pync_cmpop op = is_max ? PYNC_GT : PYNC_LT;
    if (nargs == 0) return pync_raise_fmt(&pync_TypeError_type, "%s expected at least 1 argument, got 0", name);
    pv keyfunc = 0, defaultval = 0;
    size_t nkw = pync_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (pync_kwname_is(kwnames, i, "key")) keyfunc = args[nargs + i];
        else if (pync_kwname_is(kwnames, i, "default")) defaultval = args[nargs + i];
        else {
            return pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for %s()",
                                  ((pync_tuple *)kwnames)->items[i], name);
        }
    }
    bool positional = nargs > 1;
    if (positional && defaultval) {
        return pync_raise_fmt(&pync_TypeError_type,
                              "Cannot specify a default for %s() with multiple positional arguments", name);
    }
    pv it;
    if (positional) {
        pv t = pync_tuple_from_array(args, nargs);
        if (!t) return 0;
        it = pync_iter(t);
    } else {
        it = pync_iter(args[0]);
    }
    if (!it) return 0;
    if (keyfunc == pync_None) keyfunc = 0;
    pv maxitem = 0, maxval = 0;
    for (;;) {
        pv item = next_of(it);
        if (!item) {
            if (!exhausted()) return 0;
            break;
        }
        pv val = item;
        if (keyfunc) {
            val = pync_call(keyfunc, &item, 1, 0);
            if (!val) return 0;
        }
        if (!maxval) {
            maxitem = item;
            maxval = val;
        } else {
            int cmp = pync_compare_bool(val, maxval, op);
            if (cmp < 0) return 0;
            if (cmp > 0) {
                maxval = val;
                maxitem = item;
            }
        }
    }
    if (!maxval) {
        if (defaultval) return defaultval;
        return pync_raise_fmt(&pync_ValueError_type, "%s() arg is an empty sequence", name);
    }
    return maxitem;
}

static bool exact_int_or_bool(pv v) {
    return pv_is_small(v) || pv_type(v) == &pync_int_type || pv_type(v) == &pync_bool_type;
}

/* The int64 value of an int (small, big, bool); false when it does not fit. */
static bool int_value(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return true;
    }
    if (v == pync_True || v == pync_False) {
        *out = v == pync_True;
        return true;
    }
    return pync_int_as_i64(v, out);
}

pv pync_sum(pv iterable, pv start) {
    pv it = pync_iter(iterable);
    if (!it) return 0;
    pv result = start;
    if (!result) {
        result = pv_from_small(0);
    } else {
        const pync_type *t = pv_type(result);
        if (pync_is_subtype(t, &pync_str_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
        }
        if (pync_is_subtype(t, &pync_bytes_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "sum() can't sum bytes [use b''.join(seq) instead]");
        }
        if (pync_is_subtype(t, &pync_bytearray_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "sum() can't sum bytearray [use b''.join(seq) instead]");
        }
    }
    /* machine-word accumulation while every item is an int or bool and nothing overflows */
    if (pv_is_small(result) || pv_type(result) == &pync_int_type) {
        int64_t i_result;
        if (int_value(result, &i_result)) {
            result = 0;
            while (!result) {
                pv item = next_of(it);
                if (!item) {
                    if (!exhausted()) return 0;
                    return pync_int_from_i64(i_result);
                }
                int64_t b;
                if (exact_int_or_bool(item) && int_value(item, &b) &&
                    (i_result >= 0 ? b <= INT64_MAX - i_result : b >= INT64_MIN - i_result)) {
                    i_result += b;
                    continue;
                }
                pv acc = pync_int_from_i64(i_result);
                if (!acc) return 0;
                result = pync_binary(acc, item, PYNC_OP_ADD);
                if (!result) return 0;
            }
        }
    }
    /* plain double addition, left to right, while the items are floats or machine-size ints */
    if (!pv_is_small(result) && pv_type(result) == &pync_float_type) {
        double f_result = pync_float_value(result);
        result = 0;
        while (!result) {
            pv item = next_of(it);
            if (!item) {
                if (!exhausted()) return 0;
                return pync_float_new(f_result);
            }
            if (!pv_is_small(item) && pv_type(item) == &pync_float_type) {
                f_result += pync_float_value(item);
                continue;
            }
            int64_t value;
            if ((pv_is_small(item) || pync_isinstance_type(item, &pync_int_type)) && int_value(item, &value)) {
                f_result += (double)value;
                continue;
            }
            pv acc = pync_float_new(f_result);
            if (!acc) return 0;
            result = pync_binary(acc, item, PYNC_OP_ADD);
            if (!result) return 0;
        }
    }
    for (;;) {
        pv item = next_of(it);
        if (!item) {
            if (!exhausted()) return 0;
            return result;
        }
        result = pync_binary(result, item, PYNC_OP_ADD);
        if (!result) return 0;
    }
}

pv pync_sum_call(pv *args, size_t nargs, pv kwnames) {
    size_t nkw = pync_kwcount(kwnames);
    pv start = 0;
    if (nargs > 2 || nargs + nkw > 2) {
        return pync_raise_fmt(&pync_TypeError_type, "sum() takes at most 2 arguments (%zd given)", (ptrdiff_t)(nargs + nkw));
    }
    for (size_t i = 0; i < nkw; i++) {
        if (!pync_kwname_is(kwnames, i, "start")) {
            return pync_raise_fmt(&pync_TypeError_type, "sum() got an unexpected keyword argument '%U'",
                                  ((pync_tuple *)kwnames)->items[i]);
        }
        if (nargs >= 2) {
            return pync_raise_fmt(&pync_TypeError_type, "argument for sum() given by name ('start') and position (2)");
        }
        start = args[nargs + i];
    }
    if (nargs < 1) {
        return pync_raise_fmt(&pync_TypeError_type, "sum() takes at least 1 positional argument (0 given)");
    }
    if (nargs == 2) start = args[1];
    return pync_sum(args[0], start);
}

static pv any_all(pv iterable, bool want) {
    pv it = pync_iter(iterable);
    if (!it) return 0;
    for (;;) {
        pv item = next_of(it);
        if (!item) {
            if (!exhausted()) return 0;
            return pync_bool(!want);
        }
        int t = pync_truth(item);
        if (t < 0) return 0;
        if ((t != 0) == want) return pync_bool(want);
    }
}

pv pync_any(pv iterable) { return any_all(iterable, true); }
pv pync_all(pv iterable) { return any_all(iterable, false); }
