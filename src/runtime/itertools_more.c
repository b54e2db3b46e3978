/* itertools_more.c — the rest of the itertools module (see mod_itertools.c): groupby and its
 * _grouper (which share the groupby's underlying iterator, as CPython's do: advancing the groupby
 * abandons the current group), tee (iterators sharing a linked list of buffered blocks) and the
 * combinatoric iterators product, permutations, combinations and
 * combinations_with_replacement, producing their tuples in CPython's order. */
#include "stdmods.h"

#define MODNAME "itertools"

static pv self_iter(pv self) { return self; }

static void *alloc_of(const pync_type *type, size_t size) {
    if (pync_stdmod_ready((pync_type *)type, MODNAME) < 0) return NULL;
    return pync_gc_alloc(type->basicsize > size ? type->basicsize : size, type);
}

/* ==== groupby ==================================================================================== */

typedef struct groupbyobject {
    pync_object ob;
    pv it;
    pv keyfunc;              /* 0: identity */
    pv tgtkey;               /* the current group's key */
    pv currkey;              /* the key of currvalue */
    pv currvalue;            /* the item read ahead, or 0 */
    pv currgrouper;          /* the group being iterated; older groups are dead */
} groupbyobject;

typedef struct grouperobject {
    pync_object ob;
    pv parent;
    pv tgtkey;
} grouperobject;

static void groupby_trace(pync_object *o) {
    groupbyobject *g = (groupbyobject *)o;
    pync_gc_visit(g->it);
    pync_gc_visit(g->keyfunc);
    pync_gc_visit(g->tgtkey);
    pync_gc_visit(g->currkey);
    pync_gc_visit(g->currvalue);
    pync_gc_visit(g->currgrouper);
}

static pv groupby_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"iterable", "key", NULL};
    pv a[2];
    if (pync_stdmod_parse("groupby", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    pv it = pync_iter(a[0]);
    if (!it) return 0;
    groupbyobject *g = alloc_of(type, sizeof(groupbyobject));
    if (!g) return 0;
    g->it = it;
    g->keyfunc = a[1] == pync_None ? 0 : a[1];
    return (pv)g;
}

/* reads the next item and its key: 0, or -1 at the end / on error */
static int groupby_step(groupbyobject *g) {
    pv value = pync_stdmod_next(g->it);
    if (!value) return -1;
    pv key = value;
    if (g->keyfunc) {
        key = pync_call1(g->keyfunc, value);
        if (!key) return -1;
    }
    g->currvalue = value;
    g->currkey = key;
    return 0;
}

static pv groupby_next(pv self) {
    groupbyobject *g = (groupbyobject *)self;
    g->currgrouper = 0;
    /* skip to the next group */
    for (;;) {
        if (g->currkey) {
            if (!g->tgtkey) break;
            int eq = pync_equal(g->tgtkey, g->currkey);
            if (eq < 0) return 0;
            if (eq == 0) break;
        }
        if (groupby_step(g) < 0) return 0;
    }
    g->tgtkey = g->currkey;
    grouperobject *gr = alloc_of(&pync_itertools_grouper_type, sizeof(grouperobject));
    if (!gr) return 0;
    gr->parent = self;
    gr->tgtkey = g->tgtkey;
    g->currgrouper = (pv)gr;
    return pync_tuple_pack(2, g->currkey, (pv)gr);
}

pync_type pync_itertools_groupby_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools.groupby", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(groupbyobject), .trace = groupby_trace, .construct = groupby_construct,
    .iter = self_iter, .next = groupby_next,
};

static void grouper_trace(pync_object *o) {
    grouperobject *g = (grouperobject *)o;
    pync_gc_visit(g->parent);
    pync_gc_visit(g->tgtkey);
}

static pv grouper_next(pv self) {
    grouperobject *gr = (grouperobject *)self;
    groupbyobject *g = (groupbyobject *)gr->parent;
    if (g->currgrouper != self) return 0;
    if (!g->currvalue && groupby_step(g) < 0) return 0;
    int eq = pync_equal(gr->tgtkey, g->currkey);
    if (eq <= 0) return 0;
    pv r = g->currvalue;
    g->currvalue = 0;
    g->currkey = 0;
    return r;
}

static pv grouper_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("_grouper", kwnames) < 0 || pync_check_positional("_grouper", nargs, 0, 2, 2) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_itertools_groupby_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "_grouper() argument 1 must be itertools.groupby, not %T", args[0]);
    }
    grouperobject *gr = alloc_of(type, sizeof(grouperobject));
    if (!gr) return 0;
    gr->parent = args[0];
    gr->tgtkey = args[1];
    return (pv)gr;
}

pync_type pync_itertools_grouper_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools._grouper", .base = &pync_object_type,
    .basicsize = sizeof(grouperobject), .trace = grouper_trace, .construct = grouper_construct,
    .iter = self_iter, .next = grouper_next,
};

/* ==== tee ======================================================================================== */

#define LINKCELLS 57

/* a block of buffered items shared by the tee iterators; blocks form a singly linked list */
typedef struct teedataobject {
    pync_object ob;
    pv it;
    int numread;
    bool running;
    pv nextlink;
    pv values[LINKCELLS];
} teedataobject;

typedef struct teeobject {
    pync_object ob;
    pv dataobj;
    int index;
} teeobject;

static void teedata_trace(pync_object *o) {
    teedataobject *d = (teedataobject *)o;
    pync_gc_visit(d->it);
    pync_gc_visit(d->nextlink);
    for (int i = 0; i < d->numread; i++) pync_gc_visit(d->values[i]);
}

static pv teedata_new(pv it) {
    teedataobject *d = alloc_of(&pync_itertools_teedata_type, sizeof(teedataobject));
    if (!d) return 0;
    d->it = it;
    return (pv)d;
}

pync_type pync_itertools_teedata_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools._tee_dataobject", .base = &pync_object_type,
    .basicsize = sizeof(teedataobject), .trace = teedata_trace,
};

static void tee_trace(pync_object *o) { pync_gc_visit(((teeobject *)o)->dataobj); }

static pv tee_make(pv dataobj, int index) {
    teeobject *t = alloc_of(&pync_itertools_tee_type, sizeof(teeobject));
    if (!t) return 0;
    t->dataobj = dataobj;
    t->index = index;
    return (pv)t;
}

static pv tee_from_iterable(pv iterable) {
    pv it = pync_iter(iterable);
    if (!it) return 0;
    if (pv_type(it) == &pync_itertools_tee_type) return tee_make(((teeobject *)it)->dataobj, ((teeobject *)it)->index);
    pv data = teedata_new(it);
    return data ? tee_make(data, 0) : 0;
}

static pv tee_next(pv self) {
    teeobject *t = (teeobject *)self;
    teedataobject *d = (teedataobject *)t->dataobj;
    if (t->index >= LINKCELLS) {
        if (!d->nextlink) {
            d->nextlink = teedata_new(d->it);
            if (!d->nextlink) return 0;
        }
        t->dataobj = d->nextlink;
        t->index = 0;
        d = (teedataobject *)t->dataobj;
    }
    pv value;
    if (t->index < d->numread) {
        value = d->values[t->index];
    } else {
        /* the leading iterator: read one more item */
        if (d->running) return pync_raise_fmt(&pync_RuntimeError_type, "cannot re-enter the tee iterator");
        d->running = true;
        value = pync_stdmod_next(d->it);
        d->running = false;
        if (!value) return 0;
        d->values[d->numread++] = value;
    }
    t->index++;
    return value;
}

static pv tee_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("_tee.__copy__", nargs, kwnames) < 0) return 0;
    teeobject *t = (teeobject *)self;
    return tee_make(t->dataobj, t->index);
}

static pv tee_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    (void)type;
    if (pync_no_kwargs("_tee", kwnames) < 0 || pync_check_positional("_tee", nargs, 0, 1, 1) < 0) return 0;
    return tee_from_iterable(args[0]);
}

static const pync_method_def tee_methods[] = {
    {"__copy__", tee_copy, 0},
    {NULL, NULL, 0},
};

pync_type pync_itertools_tee_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "itertools._tee", .base = &pync_object_type,
    .basicsize = sizeof(teeobject), .trace = tee_trace, .construct = tee_construct,
    .iter = self_iter, .next = tee_next, .methods = tee_methods,
};

/* tee(iterable, n=2, /) */
pv pync_itertools_tee(pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("itertools.tee", kwnames) < 0 || pync_check_positional("tee", nargs, 0, 1, 2) < 0) return 0;
    int64_t n = 2;
    if (nargs > 1 && pync_index(args[1], &n) < 0) return 0;
    if (n < 0) return pync_raise_fmt(&pync_ValueError_type, "n must be >= 0");
    if (pync_check_alloc_size((uint64_t)n) < 0) return 0;
    pv result = pync_tuple_new((size_t)n);
    if (!result || n == 0) return result;
    pv it = pync_iter(args[0]);
    if (!it) return 0;
    pv copyable = 0, copyfunc = 0;
    if (pv_type(it) == &pync_itertools_tee_type) {
        copyable = it;
    } else {
        copyfunc = pync_getattr_cstr(it, "__copy__");
        if (copyfunc) {
            copyable = it;
        } else {
            if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) <= 0) return 0;
            pync_exc_clear();
            copyable = tee_from_iterable(it);
            if (!copyable) return 0;
        }
    }
    ((pync_tuple *)result)->items[0] = copyable;
    for (int64_t i = 1; i < n; i++) {
        pv c;
        if (copyfunc) {
            c = pync_call0(copyfunc);
        } else {
            teeobject *t = (teeobject *)copyable;
            c = tee_make(t->dataobj, t->index);
        }
        if (!c) return 0;
        ((pync_tuple *)result)->items[i] = c;
    }
    return result;
}

/* ==== the combinatoric iterators ================================================================== */

/* pools: one tuple (permutations, combinations) or a tuple of tuples (product); indices and
   cycles: int64 arrays in raw buffers; result: the last tuple produced (0 before the first). */
typedef struct combiobject {
    pync_object ob;
    pv pool;
    pync_rawbuf *indices;
    pync_rawbuf *cycles;
    pv result;
    int64_t r;
    bool stopped;
} combiobject;

static void combi_trace(pync_object *o) {
    combiobject *c = (combiobject *)o;
    pync_gc_visit(c->pool);
    pync_gc_visit_obj(c->indices);
    pync_gc_visit_obj(c->cycles);
    pync_gc_visit(c->result);
}

static inline int64_t *IDX(combiobject *c) { return (int64_t *)c->indices->data; }
static inline int64_t *CYC(combiobject *c) { return (int64_t *)c->cycles->data; }
static inline pv *POOL(combiobject *c) { return ((pync_tuple *)c->pool)->items; }
static inline int64_t POOLN(combiobject *c) { return (int64_t)((pync_tuple *)c->pool)->size; }

static pync_rawbuf *int_array(int64_t n) {
    if (n < 0) n = 0;
    if ((uint64_t)n > SIZE_MAX / 16) return (pync_rawbuf *)pync_raise_nomem();
    pync_rawbuf *b = pync_rawbuf_new((size_t)n * sizeof(int64_t) + 8);
    return b;
}

/* tuple(iterable) */
static pv as_tuple(pv iterable) {
    if (pv_type(iterable) == &pync_tuple_type) return iterable;
    pv list = pync_list_from_iterable(iterable);
    if (!list) return 0;
    return pync_tuple_from_array(((pync_list *)list)->items, ((pync_list *)list)->size);
}

/* a copy of the previous result to modify */
static pv copy_result(combiobject *c) {
    const pync_tuple *old = (const pync_tuple *)c->result;
    pv r = pync_tuple_from_array(old->items, old->size);
    if (r) c->result = r;
    return r;
}

static inline void set_item(pv tuple, int64_t i, pv v) { ((pync_tuple *)tuple)->items[i] = v; }

/* ---- product ---- */

static pv product_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    int64_t repeat = 1;
    size_t nkw = pync_kwcount(kwnames);
    if (nkw) {
        static const char *const names[] = {"repeat", NULL};
        pv r[1];
        if (pync_stdmod_parse("product", args + nargs, 0, kwnames, names, 0, 0, r) < 0) return 0;
        if (r[0]) {
            if (pync_index(r[0], &repeat) < 0) return 0;
            if (repeat < 0) return pync_raise_fmt(&pync_ValueError_type, "repeat argument cannot be negative");
        }
    }
    if (repeat && nargs > (size_t)INT64_MAX / 8 / (uint64_t)repeat) {
        return pync_raise_fmt(&pync_OverflowError_type, "repeat argument too large");
    }
    size_t npools = nargs * (size_t)repeat;
    pv pools = pync_tuple_new(npools);
    if (!pools) return 0;
    for (size_t i = 0; i < nargs; i++) {
        pv t = as_tuple(args[i]);
        if (!t) return 0;
        set_item(pools, (int64_t)i, t);
    }
    for (size_t i = nargs; i < npools; i++) set_item(pools, (int64_t)i, ((pync_tuple *)pools)->items[i - nargs]);
    pync_rawbuf *indices = int_array((int64_t)npools);
    if (!indices) return 0;
    combiobject *c = alloc_of(type, sizeof(combiobject));
    if (!c) return 0;
    c->pool = pools;
    c->indices = indices;
    for (size_t i = 0; i < npools; i++) IDX(c)[i] = 0;
    return (pv)c;
}

static pv product_next(pv self) {
    combiobject *c = (combiobject *)self;
    if (c->stopped) return 0;
    const pync_tuple *pools = (const pync_tuple *)c->pool;
    int64_t npools = (int64_t)pools->size;
    if (!c->result) {
        pv r = pync_tuple_new((size_t)npools);
        if (!r) return 0;
        for (int64_t i = 0; i < npools; i++) {
            const pync_tuple *pool = (const pync_tuple *)pools->items[i];
            if (pool->size == 0) goto empty;
            set_item(r, i, pool->items[0]);
        }
        c->result = r;
        return r;
    }
    pv r = copy_result(c);
    if (!r) return 0;
    int64_t *indices = IDX(c);
    int64_t i;
    for (i = npools - 1; i >= 0; i--) {
        const pync_tuple *pool = (const pync_tuple *)pools->items[i];
        indices[i]++;
        if (indices[i] == (int64_t)pool->size) {
            indices[i] = 0;
            set_item(r, i, pool->items[0]);
        } else {
            set_item(r, i, pool->items[indices[i]]);
            break;
        }
    }
    if (i < 0) goto empty;
    return r;
empty:
    c->stopped = true;
    return 0;
}

/* ---- permutations ---- */

static pv permutations_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"iterable", "r", NULL};
    pv a[2];
    if (pync_stdmod_parse("permutations", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    pv pool = as_tuple(a[0]);
    if (!pool) return 0;
    int64_t n = (int64_t)((pync_tuple *)pool)->size, r = n;
    if (a[1] && a[1] != pync_None) {
        if (!pync_isinstance_type(a[1], &pync_int_type)) return pync_raise_fmt(&pync_TypeError_type, "Expected int as r");
        if (pync_index(a[1], &r) < 0) return 0;
    }
    if (r < 0) return pync_raise_fmt(&pync_ValueError_type, "r must be non-negative");
    pync_rawbuf *indices = int_array(n);
    pync_rawbuf *cycles = indices ? int_array(r > n ? 0 : r) : NULL;
    if (!cycles) return 0;
    combiobject *c = alloc_of(type, sizeof(combiobject));
    if (!c) return 0;
    c->pool = pool;
    c->indices = indices;
    c->cycles = cycles;
    c->r = r;
    c->stopped = r > n;
    for (int64_t i = 0; i < n; i++) IDX(c)[i] = i;
    if (!c->stopped) {
        for (int64_t i = 0; i < r; i++) CYC(c)[i] = n - i;
    }
    return (pv)c;
}

static pv permutations_next(pv self) {
    combiobject *c = (combiobject *)self;
    if (c->stopped) return 0;
    int64_t n = POOLN(c), r = c->r;
    int64_t *indices = IDX(c), *cycles = CYC(c);
    if (!c->result) {
        pv res = pync_tuple_new((size_t)r);
        if (!res) return 0;
        for (int64_t i = 0; i < r; i++) set_item(res, i, POOL(c)[indices[i]]);
        c->result = res;
        return res;
    }
    if (n == 0) goto empty;
    pv res = copy_result(c);
    if (!res) return 0;
    int64_t i;
    for (i = r - 1; i >= 0; i--) {
        cycles[i] -= 1;
        if (cycles[i] == 0) {
            /* indices[i:] = indices[i+1:] + indices[i:i+1] */
            int64_t index = indices[i];
            for (int64_t j = i; j < n - 1; j++) indices[j] = indices[j + 1];
            indices[n - 1] = index;
            cycles[i] = n - i;
        } else {
            int64_t j = cycles[i];
            int64_t index = indices[i];
            indices[i] = indices[n - j];
            indices[n - j] = index;
            for (int64_t k = i; k < r; k++) set_item(res, k, POOL(c)[indices[k]]);
            break;
        }
    }
    if (i < 0) goto empty;
    return res;
empty:
    c->stopped = true;
    return 0;
}

/* ---- combinations and combinations_with_replacement ---- */

static pv combinations_common(const char *name, const pync_type *type, pv *args, size_t nargs, pv kwnames, bool repl) {
    static const char *const names[] = {"iterable", "r", NULL};
    pv a[2];
    if (pync_stdmod_parse(name, args, nargs, kwnames, names, 2, 2, a) < 0) return 0;
    int64_t r;
    if (pync_index(a[1], &r) < 0) return 0;
    pv pool = as_tuple(a[0]);
    if (!pool) return 0;
    if (r < 0) return pync_raise_fmt(&pync_ValueError_type, "r must be non-negative");
    int64_t n = (int64_t)((pync_tuple *)pool)->size;
    bool stopped = repl ? (n == 0 && r > 0) : r > n;
    pync_rawbuf *indices = int_array(stopped ? 0 : r);
    if (!indices) return 0;
    combiobject *c = alloc_of(type, sizeof(combiobject));
    if (!c) return 0;
    c->pool = pool;
    c->indices = indices;
    c->r = r;
    c->stopped = stopped;
    if (!stopped) {
        for (int64_t i = 0; i < r; i++) IDX(c)[i] = repl ? 0 : i;
    }
    return (pv)c;
}

static pv combinations_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    return combinations_common("combinations", type, args, nargs, kwnames, false);
}

static pv cwr_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    return combinations_common("combinations_with_replacement", type, args, nargs, kwnames, true);
}

static pv first_result(combiobject *c) {
    pv res = pync_tuple_new((size_t)c->r);
    if (!res) return 0;
    for (int64_t i = 0; i < c->r; i++) set_item(res, i, POOL(c)[IDX(c)[i]]);
    c->result = res;
    return res;
}

static pv combinations_next(pv self) {
    combiobject *c = (combiobject *)self;
    if (c->stopped) return 0;
    if (!c->result) return first_result(c);
    int64_t n = POOLN(c), r = c->r;
    int64_t *indices = IDX(c);
    int64_t i;
    for (i = r - 1; i >= 0 && indices[i] == i + n - r; i--) {
    }
    if (i < 0) {
        c->stopped = true;
        return 0;
    }
    pv res = copy_result(c);
    if (!res) return 0;
    indices[i]++;
    for (int64_t j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
    for (; i < r; i++) set_item(res, i, POOL(c)[indices[i]]);
    return res;
}

static pv cwr_next(pv self) {
    combiobject *c = (combiobject *)self;
    if (c->stopped) return 0;
    if (!c->result) return first_result(c);
    int64_t n = POOLN(c), r = c->r;
    int64_t *indices = IDX(c);
    int64_t i;
    for (i = r - 1; i >= 0 && indices[i] == n - 1; i--) {
    }
    if (i < 0) {
        c->stopped = true;
        return 0;
    }
    pv res = copy_result(c);
    if (!res) return 0;
    int64_t index = indices[i] + 1;
    pv elem = POOL(c)[index];
    for (; i < r; i++) {
        indices[i] = index;
        set_item(res, i, elem);
    }
    return res;
}

#define COMBI_TYPE(var, tname, cons, nextfn)                                                       \
    pync_type var = {                                                                              \
        .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = tname, .base = &pync_object_type, .flags = PYNC_TF_BASETYPE, \
        .basicsize = sizeof(combiobject), .trace = combi_trace, .construct = cons, .iter = self_iter, \
        .next = nextfn,                                                                            \
    }

COMBI_TYPE(pync_itertools_product_type, "itertools.product", product_construct, product_next);
COMBI_TYPE(pync_itertools_permutations_type, "itertools.permutations", permutations_construct, permutations_next);
COMBI_TYPE(pync_itertools_combinations_type, "itertools.combinations", combinations_construct, combinations_next);
COMBI_TYPE(pync_itertools_cwr_type, "itertools.combinations_with_replacement", cwr_construct, cwr_next);
