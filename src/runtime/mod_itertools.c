/* mod_itertools.c — the itertools module (CPython 3.11's Modules/itertoolsmodule.c): count, cycle,
 * repeat, accumulate, chain (+ from_iterable), compress, dropwhile, takewhile, filterfalse,
 * starmap, pairwise, zip_longest and islice here; groupby, tee and the combinatoric iterators
 * (product, permutations, combinations, combinations_with_replacement) in itertools_more.c.
 *
 * Each is an iterator type with CPython's argument errors, its repr where it has one (count(5),
 * repeat(1, 3)) and `<itertools.X object at ...>` otherwise; all may be subclassed, as in
 * CPython. An underlying iterator is pulled with pync_stdmod_next: 0 with no exception is its
 * end, 0 with an exception an error passed on. */
#include "stdmods.h"

#define MODNAME "itertools"

static pv self_iter(pv self) { return self; }

/* a new iterator object of `type` (a subclass when called through one) */
static void *alloc_of(const pync_type *type, size_t size) {
    if (pync_stdmod_ready((pync_type *)type, MODNAME) < 0) return NULL;
    return pync_gc_alloc(type->basicsize > size ? type->basicsize : size, type);
}

/* PyNumber_Check: int, float, complex, or anything with __index__/__int__/__float__ */
static bool is_number(pv v) {
    if (pv_is_small(v)) return true;
    const pync_type *t = pv_type(v);
    return t->to_int || t->to_float || pync_is_subtype(t, &pync_int_type) || pync_is_subtype(t, &pync_float_type) ||
           pync_is_subtype(t, &pync_complex_type);
}

/* ==== count ====================================================================================== */

typedef struct countobject {
    pync_object ob;
    int64_t cnt;             /* the count while counting fast (int start, step 1) */
    pv long_cnt;             /* 0 while counting fast; otherwise the next value */
    pv step;
} countobject;

pync_type pync_itertools_count_type;

static void count_trace(pync_object *o) {
    countobject *c = (countobject *)o;
    pync_gc_visit(c->long_cnt);
    pync_gc_visit(c->step);
}

static pv count_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"start", "step", NULL};
    pv a[2];
    if (pync_stdmod_parse("count", args, nargs, kwnames, names, 2, 0, a) < 0) return 0;
    pv start = a[0] ? a[0] : pv_from_small(0), step = a[1] ? a[1] : pv_from_small(1);
    if (!is_number(start) || !is_number(step)) return pync_raise_fmt(&pync_TypeError_type, "a number is required");
    countobject *c = alloc_of(type, sizeof(countobject));
    if (!c) return 0;
    c->step = step;
    int64_t i;
    bool int_start = pv_is_small(start) || pv_type(start) == &pync_int_type;
    if (int_start && pv_is_small(step) && pv_small(step) == 1 && pync_int_as_i64(start, &i) && i != INT64_MAX) {
        c->cnt = i;
    } else {
        c->long_cnt = start;
    }
    return (pv)c;
}

static pv count_next(pv self) {
    countobject *c = (countobject *)self;
    if (!c->long_cnt) {
        pv r = pync_int_from_i64(c->cnt);
        if (!r) return 0;
        if (c->cnt == INT64_MAX - 1) {
            c->long_cnt = pync_int_from_i64(INT64_MAX);
            if (!c->long_cnt) return 0;
        } else {
            c->cnt++;
        }
        return r;
    }
    pv next = pync_binary(c->long_cnt, c->step, PYNC_OP_ADD);
    if (!next) return 0;
    pv r = c->long_cnt;
    c->long_cnt = next;
    return r;
}

static pv count_repr(pv self) {
    countobject *c = (countobject *)self;
    pv cnt = c->long_cnt ? c->long_cnt : pync_int_from_i64(c->cnt);
    if (!cnt) return 0;
    const char *name = pync_stdmod_type_name(pv_type(self));
    if (pync_isinstance_type(c->step, &pync_int_type)) {
        int64_t s;
        if (pv_is_small(c->step) ? (s = pv_small(c->step), true) : c->step == pync_True ? (s = 1, true) : false) {
            if (s == 1) return pync_str_fmt("%s(%R)", name, cnt);
        }
    }
    return pync_str_fmt("%s(%R, %R)", name, cnt, c->step);
}

pync_type pync_itertools_count_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.count", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(countobject), .trace = count_trace, .construct = count_construct, .repr = count_repr,
    .iter = self_iter, .next = count_next,
};

/* ==== cycle ====================================================================================== */

typedef struct cycleobject {
    pync_object ob;
    pv it;                   /* 0 once exhausted */
    pv saved;                /* list */
    int64_t index;
} cycleobject;

pync_type pync_itertools_cycle_type;

static void cycle_trace(pync_object *o) {
    cycleobject *c = (cycleobject *)o;
    pync_gc_visit(c->it);
    pync_gc_visit(c->saved);
}

static pv cycle_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("cycle", kwnames) < 0 || pync_check_positional("cycle", nargs, 0, 1, 1) < 0) return 0;
    pv it = pync_iter(args[0]);
    if (!it) return 0;
    pv saved = pync_list_new(0);
    if (!saved) return 0;
    cycleobject *c = alloc_of(type, sizeof(cycleobject));
    if (!c) return 0;
    c->it = it;
    c->saved = saved;
    return (pv)c;
}

static pv cycle_next(pv self) {
    cycleobject *c = (cycleobject *)self;
    if (c->it) {
        pv item = pync_stdmod_next(c->it);
        if (item) return pync_list_append(c->saved, item) < 0 ? 0 : item;
        if (pync_current_exc) return 0;
        c->it = 0;
    }
    pync_list *l = (pync_list *)c->saved;
    if (l->size == 0) return 0;
    if (c->index >= (int64_t)l->size) c->index = 0;
    pv item = l->items[c->index++];
    if (c->index >= (int64_t)l->size) c->index = 0;
    return item;
}

pync_type pync_itertools_cycle_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.cycle", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(cycleobject), .trace = cycle_trace, .construct = cycle_construct,
    .iter = self_iter, .next = cycle_next,
};

/* ==== repeat ===================================================================================== */

typedef struct repeatobject {
    pync_object ob;
    pv element;
    int64_t cnt;             /* -1: forever */
} repeatobject;

static void repeat_trace(pync_object *o) { pync_gc_visit(((repeatobject *)o)->element); }

static pv repeat_make(const pync_type *type, pv element, int64_t cnt) {
    repeatobject *r = alloc_of(type, sizeof(repeatobject));
    if (!r) return 0;
    r->element = element;
    r->cnt = cnt;
    return (pv)r;
}

static pv repeat_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"object", "times", NULL};
    pv a[2];
    if (pync_stdmod_parse("repeat", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    int64_t cnt = -1;
    if (a[1]) {
        if (pync_index(a[1], &cnt) < 0) return 0;
        if (cnt < 0) cnt = 0;
    }
    return repeat_make(type, a[0], cnt);
}

static pv repeat_next(pv self) {
    repeatobject *r = (repeatobject *)self;
    if (r->cnt == 0) return 0;
    if (r->cnt > 0) r->cnt--;
    return r->element;
}

static pv repeat_repr(pv self) {
    repeatobject *r = (repeatobject *)self;
    if (r->cnt == -1) return pync_str_fmt("%s(%R)", pync_stdmod_type_name(pv_type(self)), r->element);
    return pync_str_fmt("%s(%R, %lld)", pync_stdmod_type_name(pv_type(self)), r->element, (long long)r->cnt);
}

static pv repeat_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("repeat.__length_hint__", nargs, kwnames) < 0) return 0;
    repeatobject *r = (repeatobject *)self;
    if (r->cnt == -1) return pync_raise_fmt(&pync_TypeError_type, "len() of unsized object");
    return pync_int_from_i64(r->cnt);
}

static const pync_method_def repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0},
    {NULL, NULL, 0},
};

pync_type pync_itertools_repeat_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.repeat", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(repeatobject), .trace = repeat_trace, .construct = repeat_construct, .repr = repeat_repr,
    .iter = self_iter, .next = repeat_next, .methods = repeat_methods,
};

/* ==== accumulate ================================================================================= */

typedef struct accumulateobject {
    pync_object ob;
    pv total;                /* 0 before the first item */
    pv it;
    pv binop;                /* 0: + */
    pv initial;              /* 0 once produced (or none given) */
} accumulateobject;

pync_type pync_itertools_accumulate_type;

static void accumulate_trace(pync_object *o) {
    accumulateobject *a = (accumulateobject *)o;
    pync_gc_visit(a->total);
    pync_gc_visit(a->it);
    pync_gc_visit(a->binop);
    pync_gc_visit(a->initial);
}

static pv accumulate_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"iterable", "func", "initial", NULL};
    pv a[3];
    if (pync_stdmod_parse("accumulate", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    pv it = pync_iter(a[0]);
    if (!it) return 0;
    accumulateobject *acc = alloc_of(type, sizeof(accumulateobject));
    if (!acc) return 0;
    acc->it = it;
    acc->binop = a[1] == pync_None ? 0 : a[1];
    acc->initial = a[2] == pync_None ? 0 : a[2];
    return (pv)acc;
}

static pv accumulate_next(pv self) {
    accumulateobject *a = (accumulateobject *)self;
    if (a->initial) {
        a->total = a->initial;
        a->initial = 0;
        return a->total;
    }
    pv val = pync_stdmod_next(a->it);
    if (!val) return 0;
    if (!a->total) {
        a->total = val;
        return val;
    }
    pv t = a->binop ? pync_call2(a->binop, a->total, val) : pync_binary(a->total, val, PYNC_OP_ADD);
    if (!t) return 0;
    a->total = t;
    return t;
}

pync_type pync_itertools_accumulate_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.accumulate", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(accumulateobject), .trace = accumulate_trace, .construct = accumulate_construct,
    .iter = self_iter, .next = accumulate_next,
};

/* ==== chain ====================================================================================== */

typedef struct chainobject {
    pync_object ob;
    pv source;               /* iterator of iterables; 0 when done */
    pv active;               /* current iterator, or 0 */
} chainobject;

pync_type pync_itertools_chain_type;

static void chain_trace(pync_object *o) {
    chainobject *c = (chainobject *)o;
    pync_gc_visit(c->source);
    pync_gc_visit(c->active);
}

static pv chain_make(const pync_type *type, pv source) {
    chainobject *c = alloc_of(type, sizeof(chainobject));
    if (!c) return 0;
    c->source = source;
    return (pv)c;
}

static pv chain_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("chain", kwnames) < 0) return 0;
    pv t = pync_tuple_from_array(args, nargs);
    if (!t) return 0;
    pv source = pync_iter(t);
    return source ? chain_make(type, source) : 0;
}

pv pync_itertools_chain_from_iterable(pv iterable) {
    pv source = pync_iter(iterable);
    return source ? chain_make(&pync_itertools_chain_type, source) : 0;
}

static pv chain_from_iterable(pv cls, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("chain.from_iterable", nargs, kwnames) < 0) return 0;
    pv source = pync_iter(args[0]);
    return source ? chain_make((const pync_type *)cls, source) : 0;
}

static pv chain_next(pv self) {
    chainobject *c = (chainobject *)self;
    while (c->source) {
        if (!c->active) {
            pv iterable = pync_stdmod_next(c->source);
            if (!iterable) {
                c->source = 0;
                return 0;
            }
            c->active = pync_iter(iterable);
            if (!c->active) {
                c->source = 0;
                return 0;
            }
        }
        pv item = pync_stdmod_next(c->active);
        if (item || pync_current_exc) return item;
        c->active = 0;
    }
    return 0;
}

static const pync_method_def chain_methods[] = {
    {"from_iterable", chain_from_iterable, PYNC_METH_CLASS},
    {"__class_getitem__", pync_class_getitem, PYNC_METH_CLASS},
    {NULL, NULL, 0},
};

pync_type pync_itertools_chain_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.chain", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(chainobject), .trace = chain_trace, .construct = chain_construct,
    .iter = self_iter, .next = chain_next, .methods = chain_methods,
};

/* ==== compress, dropwhile, takewhile, filterfalse, starmap, pairwise ============================== */

/* the objects of these: two values and a flag */
typedef struct pairobject {
    pync_object ob;
    pv a, b;
    bool flag;
} pairobject;

static void pair_trace(pync_object *o) {
    pairobject *p = (pairobject *)o;
    pync_gc_visit(p->a);
    pync_gc_visit(p->b);
}

static pv pair_make(const pync_type *type, pv a, pv b) {
    pairobject *p = alloc_of(type, sizeof(pairobject));
    if (!p) return 0;
    p->a = a;
    p->b = b;
    return (pv)p;
}

/* compress: a = data iterator, b = selectors iterator */
static pv compress_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"data", "selectors", NULL};
    pv a[2];
    if (pync_stdmod_parse("compress", args, nargs, kwnames, names, 2, 2, a) < 0) return 0;
    pv data = pync_iter(a[0]);
    if (!data) return 0;
    pv selectors = pync_iter(a[1]);
    if (!selectors) return 0;
    return pair_make(type, data, selectors);
}

static pv compress_next(pv self) {
    pairobject *p = (pairobject *)self;
    for (;;) {
        pv datum = pync_stdmod_next(p->a);
        if (!datum) return 0;
        pv selector = pync_stdmod_next(p->b);
        if (!selector) return 0;
        int ok = pync_truth(selector);
        if (ok < 0) return 0;
        if (ok) return datum;
    }
}

/* dropwhile / takewhile / filterfalse / starmap: a = function, b = iterator */
static pv func_iter_construct(const char *name, const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(name, kwnames) < 0 || pync_check_positional(name, nargs, 0, 2, 2) < 0) return 0;
    pv it = pync_iter(args[1]);
    return it ? pair_make(type, args[0], it) : 0;
}

static pv dropwhile_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    return func_iter_construct("dropwhile", type, args, nargs, kwnames);
}

static pv dropwhile_next(pv self) {
    pairobject *p = (pairobject *)self;
    for (;;) {
        pv item = pync_stdmod_next(p->b);
        if (!item) return 0;
        if (p->flag) return item;
        pv good = pync_call1(p->a, item);
        if (!good) return 0;
        int ok = pync_truth(good);
        if (ok < 0) return 0;
        if (!ok) {
            p->flag = true;
            return item;
        }
    }
}

static pv takewhile_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    return func_iter_construct("takewhile", type, args, nargs, kwnames);
}

static pv takewhile_next(pv self) {
    pairobject *p = (pairobject *)self;
    if (p->flag) return 0;
    pv item = pync_stdmod_next(p->b);
    if (!item) return 0;
    pv good = pync_call1(p->a, item);
    if (!good) return 0;
    int ok = pync_truth(good);
    if (ok < 0) return 0;
    if (ok) return item;
    p->flag = true;
    return 0;
}

static pv filterfalse_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    return func_iter_construct("filterfalse", type, args, nargs, kwnames);
}

static pv filterfalse_next(pv self) {
    pairobject *p = (pairobject *)self;
    for (;;) {
        pv item = pync_stdmod_next(p->b);
        if (!item) return 0;
        int ok;
        if (p->a == pync_None || p->a == (pv)&pync_bool_type) {
            ok = pync_truth(item);
        } else {
            pv good = pync_call1(p->a, item);
            if (!good) return 0;
            ok = pync_truth(good);
        }
        if (ok < 0) return 0;
        if (!ok) return item;
    }
}

static pv starmap_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    return func_iter_construct("starmap", type, args, nargs, kwnames);
}

pv pync_itertools_starmap_new(pv func, pv iterable) {
    pv it = pync_iter(iterable);
    return it ? pair_make(&pync_itertools_starmap_type, func, it) : 0;
}

static pv starmap_next(pv self) {
    pairobject *p = (pairobject *)self;
    pv args = pync_stdmod_next(p->b);
    if (!args) return 0;
    pv *items;
    size_t n;
    pv keep;
    if (pv_type(args) == &pync_tuple_type) {
        keep = args;
        items = ((pync_tuple *)args)->items;
        n = ((pync_tuple *)args)->size;
    } else {
        keep = pync_sequence_fast(args, NULL, &items, &n);
        if (!keep) return 0;
    }
    pv r = pync_call(p->a, items, n, 0);
    (void)keep;
    return r;
}

/* pairwise: a = iterator (0 when done), b = the previous item */
static pv pairwise_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("pairwise", kwnames) < 0 || pync_check_positional("pairwise", nargs, 0, 1, 1) < 0) return 0;
    pv it = pync_iter(args[0]);
    return it ? pair_make(type, it, 0) : 0;
}

static pv pairwise_next(pv self) {
    pairobject *p = (pairobject *)self;
    if (!p->a) return 0;
    if (!p->b) {
        p->b = pync_stdmod_next(p->a);
        if (!p->b) {
            p->a = 0;
            return 0;
        }
    }
    pv next = pync_stdmod_next(p->a);
    if (!next) {
        p->a = 0;
        p->b = 0;
        return 0;
    }
    pv r = pync_tuple_pack(2, p->b, next);
    p->b = next;
    return r;
}

#define PAIR_TYPE(var, tname, cons, nextfn)                                                        \
    pync_type var = {                                                                              \
        .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = tname, .base = &pync_object_type, .flags = PYNC_TF_BASETYPE, \
        .basicsize = sizeof(pairobject), .trace = pair_trace, .construct = cons, .iter = self_iter,   \
        .next = nextfn,                                                                            \
    }

PAIR_TYPE(pync_itertools_compress_type, "itertools.compress", compress_construct, compress_next);
PAIR_TYPE(pync_itertools_dropwhile_type, "itertools.dropwhile", dropwhile_construct, dropwhile_next);
PAIR_TYPE(pync_itertools_takewhile_type, "itertools.takewhile", takewhile_construct, takewhile_next);
PAIR_TYPE(pync_itertools_filterfalse_type, "itertools.filterfalse", filterfalse_construct, filterfalse_next);
PAIR_TYPE(pync_itertools_starmap_type, "itertools.starmap", starmap_construct, starmap_next);
PAIR_TYPE(pync_itertools_pairwise_type, "itertools.pairwise", pairwise_construct, pairwise_next);

/* ==== zip_longest ================================================================================ */

typedef struct ziplongestobject {
    pync_object ob;
    pv ittuple;              /* tuple of iterators; exhausted ones replaced by 0 */
    int64_t numactive;
    pv fillvalue;
} ziplongestobject;

static void ziplongest_trace(pync_object *o) {
    ziplongestobject *z = (ziplongestobject *)o;
    pync_gc_visit(z->ittuple);
    pync_gc_visit(z->fillvalue);
}

static pv ziplongest_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    pv fillvalue = pync_None;
    size_t nkw = pync_kwcount(kwnames);
    if (nkw > 0) {
        if (nkw != 1 || !pync_kwname_is(kwnames, 0, "fillvalue")) {
            return pync_raise_fmt(&pync_TypeError_type, "zip_longest() got an unexpected keyword argument");
        }
        fillvalue = args[nargs];
    }
    pv its = pync_tuple_new(nargs);
    if (!its) return 0;
    for (size_t i = 0; i < nargs; i++) {
        pv it = pync_iter(args[i]);
        if (!it) return 0;
        ((pync_tuple *)its)->items[i] = it;
    }
    ziplongestobject *z = alloc_of(type, sizeof(ziplongestobject));
    if (!z) return 0;
    z->ittuple = its;
    z->numactive = (int64_t)nargs;
    z->fillvalue = fillvalue;
    return (pv)z;
}

static pv ziplongest_next(pv self) {
    ziplongestobject *z = (ziplongestobject *)self;
    pync_tuple *its = (pync_tuple *)z->ittuple;
    size_t n = its->size;
    if (n == 0 || z->numactive == 0) return 0;
    pv result = pync_tuple_new(n);
    if (!result) return 0;
    for (size_t i = 0; i < n; i++) {
        pv item;
        if (!its->items[i]) {
            item = z->fillvalue;
        } else {
            item = pync_stdmod_next(its->items[i]);
            if (!item) {
                if (pync_current_exc) return 0;
                z->numactive--;
                if (z->numactive == 0) return 0;
                its->items[i] = 0;
                item = z->fillvalue;
            }
        }
        ((pync_tuple *)result)->items[i] = item;
    }
    return result;
}

pync_type pync_itertools_zip_longest_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.zip_longest", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(ziplongestobject), .trace = ziplongest_trace, .construct = ziplongest_construct,
    .iter = self_iter, .next = ziplongest_next,
};

/* ==== islice ===================================================================================== */

typedef struct isliceobject {
    pync_object ob;
    pv it;                   /* 0 when done */
    int64_t next, stop, step, cnt;   /* stop -1: none */
} isliceobject;

static void islice_trace(pync_object *o) { pync_gc_visit(((isliceobject *)o)->it); }

/* PyNumber_AsSsize_t(v, OverflowError) with any error swallowed: -1 then */
static int64_t ssize_or_minus1(pv v) {
    int64_t i;
    if (!pync_has_index(v)) return -1;
    if (pync_index(v, &i) < 0) {
        pync_exc_clear();
        return -1;
    }
    return i;
}

static pv islice_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("islice", kwnames) < 0 || pync_check_positional("islice", nargs, 0, 2, 4) < 0) return 0;
    static const char stop_msg[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    int64_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (args[1] != pync_None) {
            stop = ssize_or_minus1(args[1]);
            if (stop == -1) return pync_raise_fmt(&pync_ValueError_type, stop_msg);
        }
    } else {
        if (args[1] != pync_None) start = ssize_or_minus1(args[1]);
        if (args[2] != pync_None) {
            stop = ssize_or_minus1(args[2]);
            if (stop == -1) return pync_raise_fmt(&pync_ValueError_type, stop_msg);
        }
    }
    if (start < 0 || stop < -1) {
        return pync_raise_fmt(&pync_ValueError_type,
                              "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    }
    if (nargs == 4 && args[3] != pync_None) step = ssize_or_minus1(args[3]);
    if (step < 1) return pync_raise_fmt(&pync_ValueError_type, "Step for islice() must be a positive integer or None.");
    pv it = pync_iter(args[0]);
    if (!it) return 0;
    isliceobject *s = alloc_of(type, sizeof(isliceobject));
    if (!s) return 0;
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return (pv)s;
}

static pv islice_next(pv self) {
    isliceobject *s = (isliceobject *)self;
    if (!s->it) return 0;
    while (s->cnt < s->next) {
        pv item = pync_stdmod_next(s->it);
        if (!item) goto empty;
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto empty;
    pv item = pync_stdmod_next(s->it);
    if (!item) goto empty;
    s->cnt++;
    int64_t old = s->next;
    s->next = (int64_t)((uint64_t)s->next + (uint64_t)s->step);
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    return item;
empty:
    s->it = 0;
    return 0;
}

pync_type pync_itertools_islice_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.islice", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(isliceobject), .trace = islice_trace, .construct = islice_construct,
    .iter = self_iter, .next = islice_next,
};

/* ==== the module ================================================================================== */

static pync_type *const itertools_types[] = {
    &pync_itertools_count_type, &pync_itertools_cycle_type, &pync_itertools_repeat_type,
    &pync_itertools_accumulate_type, &pync_itertools_chain_type, &pync_itertools_compress_type,
    &pync_itertools_dropwhile_type, &pync_itertools_takewhile_type, &pync_itertools_filterfalse_type,
    &pync_itertools_starmap_type, &pync_itertools_pairwise_type, &pync_itertools_zip_longest_type,
    &pync_itertools_islice_type, &pync_itertools_groupby_type, &pync_itertools_grouper_type,
    &pync_itertools_tee_type, &pync_itertools_teedata_type, &pync_itertools_product_type,
    &pync_itertools_permutations_type, &pync_itertools_combinations_type, &pync_itertools_cwr_type, NULL,
};

int pync_itertools_ready(void) {
    for (size_t i = 0; itertools_types[i]; i++) {
        if (pync_stdmod_ready(itertools_types[i], MODNAME) < 0) return -1;
    }
    return 0;
}

static pv tee_function(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return pync_itertools_tee(args, nargs, kwnames);
}

static const pync_method_def itertools_functions[] = {
    {"tee", tee_function, 0},
    {NULL, NULL, 0},
};

static int itertools_init(pv module) {
    if (pync_itertools_ready() < 0) return -1;
    for (size_t i = 0; itertools_types[i]; i++) {
        if (itertools_types[i] == &pync_itertools_teedata_type) continue;
        if (pync_stdmod_add_type(module, itertools_types[i]) < 0) return -1;
    }
    return pync_module_add_functions(module, itertools_functions);
}

const pync_builtin_module pync_mod_itertools = {"itertools", itertools_init};
