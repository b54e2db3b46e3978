/* tuple.c — the tuple type: fixed-size arrays of values, hashed as CPython 3.11 hashes them.
 *
 *   +------+------+----------------------+
 *   | type | size | items[0 .. size)     |
 *   +------+------+----------------------+
 */
#include "pync.h"
#include "internal.h"
#include "containers.h"

pv pync_empty_tuple;

pv pync_tuple_new(size_t size) {
    if (size == 0 && pync_empty_tuple) return pync_empty_tuple;
    if (size > (SIZE_MAX - sizeof(pync_tuple)) / sizeof(pv)) return pync_raise_nomem();
    pync_tuple *t = pync_gc_alloc(sizeof(pync_tuple) + size * sizeof(pv), &pync_tuple_type);
    if (!t) return 0;
    t->size = size;
    return (pv)t;
}

pv pync_tuple_from_array(const pv *items, size_t n) {
    pv r = pync_tuple_new(n);
    if (!r) return 0;
    pync_tuple *t = (pync_tuple *)r;
    for (size_t i = 0; i < n; i++) t->items[i] = items[i];
    return r;
}

pv pync_tuple_pack(size_t n, ...) {
    pv r = pync_tuple_new(n);
    if (!r) return 0;
    pync_tuple *t = (pync_tuple *)r;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) t->items[i] = va_arg(ap, pv);
    va_end(ap);
    return r;
}

static void tuple_trace(pync_object *o) {
    pync_tuple *t = (pync_tuple *)o;
    for (size_t i = 0; i < t->size; i++) pync_gc_visit(t->items[i]);
}

/* CPython 3.11's tuplehash (xxHash-based), so sets of tuples iterate in CPython's order. */
static int tuple_hash(pv self, int64_t *out) {
    const pync_tuple *t = (const pync_tuple *)self;
    const uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull, P5 = 2870177450012600261ull;
    uint64_t acc = P5;
    for (size_t i = 0; i < t->size; i++) {
        int64_t lane;
        if (pync_hash(t->items[i], &lane) < 0) return -1;
        acc += (uint64_t)lane * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)t->size ^ (P5 ^ 3527539ull);
    *out = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    return 0;
}

static pv tuple_repr(pv self) {
    const pync_tuple *t = (const pync_tuple *)self;
    if (t->size == 0) return pync_str_from_cstr("()");
    pync_strbuf b;
    if (pync_strbuf_init(&b, 16 * t->size) < 0) return 0;
    if (pync_strbuf_append(&b, "(", 1) < 0) return 0;
    for (size_t i = 0; i < t->size; i++) {
        if (i > 0 && pync_strbuf_append(&b, ", ", 2) < 0) return 0;
        if (pync_enter() < 0) return 0;
        pv r = pync_repr(t->items[i]);
        pync_leave();
        if (!r || pync_strbuf_append_str(&b, r) < 0) return 0;
    }
    if (pync_strbuf_append(&b, t->size == 1 ? ",)" : ")", t->size == 1 ? 2 : 1) < 0) return 0;
    return pync_strbuf_finish(&b);
}

/* Lexicographic comparison, shared by tuple and list: the first unequal pair decides. */
pv pync_sequence_richcompare(const pv *a, size_t na, const pv *b, size_t nb, pync_cmpop op) {
    size_t i = 0;
    for (; i < na && i < nb; i++) {
        if (a[i] == b[i]) continue;
        int eq = pync_equal(a[i], b[i]);
        if (eq < 0) return 0;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        switch (op) {
        case PYNC_LT: return pync_bool(na < nb);
        case PYNC_LE: return pync_bool(na <= nb);
        case PYNC_EQ: return pync_bool(na == nb);
        case PYNC_NE: return pync_bool(na != nb);
        case PYNC_GT: return pync_bool(na > nb);
        default: return pync_bool(na >= nb);
        }
    }
    if (op == PYNC_EQ) return pync_False;
    if (op == PYNC_NE) return pync_True;
    return pync_compare(a[i], b[i], op);
}

static pv tuple_richcompare(pv a, pv b, pync_cmpop op) {
    if (!pync_isinstance_type(b, &pync_tuple_type)) return pync_NotImplemented;
    const pync_tuple *x = (const pync_tuple *)a, *y = (const pync_tuple *)b;
    return pync_sequence_richcompare(x->items, x->size, y->items, y->size, op);
}

static int64_t tuple_len(pv self) { return (int64_t)((const pync_tuple *)self)->size; }
static int tuple_truth(pv self) { return ((const pync_tuple *)self)->size != 0; }

static int tuple_contains(pv self, pv item) {
    const pync_tuple *t = (const pync_tuple *)self;
    for (size_t i = 0; i < t->size; i++) {
        if (t->items[i] == item) return 1;
        int eq = pync_equal(t->items[i], item);
        if (eq != 0) return eq;
    }
    return 0;
}

static pv tuple_getitem(pv self, pv key) {
    const pync_tuple *t = (const pync_tuple *)self;
    if (pync_isinstance_type(key, &pync_slice_type)) {
        int64_t start, stop, step, n;
        if (pync_slice_unpack(key, (int64_t)t->size, &start, &stop, &step, &n) < 0) return 0;
        if (step == 1 && n == (int64_t)t->size && pv_type(self) == &pync_tuple_type) return self;
        pv r = pync_tuple_new((size_t)n);
        if (!r) return 0;
        for (int64_t i = 0, j = start; i < n; i++, j += step) ((pync_tuple *)r)->items[i] = t->items[j];
        return r;
    }
    int64_t i;
    if (!pync_isinstance_type(key, &pync_int_type) && !pv_type(key)->to_int) {
        return pync_raise_fmt(&pync_TypeError_type, "tuple indices must be integers or slices, not %T", key);
    }
    if (pync_index(key, &i) < 0) {
        if (!pync_exc_matches(pync_current_exc, (pv)&pync_OverflowError_type)) return 0;
        pync_exc_clear();
        return pync_raise_fmt(&pync_IndexError_type, "cannot fit '%T' into an index-sized integer", key);
    }
    if (i < 0) i += (int64_t)t->size;
    if (i < 0 || i >= (int64_t)t->size) return pync_raise_fmt(&pync_IndexError_type, "tuple index out of range");
    return t->items[i];
}

static pv tuple_concat(pv a, pv b) {
    if (!pync_isinstance_type(a, &pync_tuple_type)) return pync_NotImplemented;
    if (!pync_isinstance_type(b, &pync_tuple_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "can only concatenate tuple (not \"%T\") to tuple", b);
    }
    const pync_tuple *x = (const pync_tuple *)a, *y = (const pync_tuple *)b;
    pv r = pync_tuple_new(x->size + y->size);
    if (!r) return 0;
    pync_tuple *t = (pync_tuple *)r;
    for (size_t i = 0; i < x->size; i++) t->items[i] = x->items[i];
    for (size_t i = 0; i < y->size; i++) t->items[x->size + i] = y->items[i];
    return r;
}

static pv tuple_repeat(pv a, pv b) {
    pv seq = a, count = b;
    if (!pync_isinstance_type(seq, &pync_tuple_type)) {
        seq = b;
        count = a;
    }
    if (!pync_isinstance_type(count, &pync_int_type)) return pync_NotImplemented;
    int64_t n;
    if (pync_index(count, &n) < 0) return 0;
    const pync_tuple *t = (const pync_tuple *)seq;
    if (n <= 0 || t->size == 0) return pync_tuple_new(0);
    if (n == 1 && pv_type(seq) == &pync_tuple_type) return seq;
    if ((uint64_t)n > (SIZE_MAX / sizeof(pv)) / t->size) return pync_raise_nomem();
    pv r = pync_tuple_new(t->size * (size_t)n);
    if (!r) return 0;
    pync_tuple *out = (pync_tuple *)r;
    for (size_t k = 0; k < (size_t)n; k++) {
        for (size_t i = 0; i < t->size; i++) out->items[k * t->size + i] = t->items[i];
    }
    return r;
}

/* ---- iteration ------------------------------------------------------------------------ */

typedef struct {
    pync_object ob;
    pv seq;
    size_t index;
} tuple_iterator;

static void tupleiter_trace(pync_object *o) { pync_gc_visit(((tuple_iterator *)o)->seq); }
static pv tupleiter_iter(pv self) { return self; }
static pv tupleiter_next(pv self) {
    tuple_iterator *it = (tuple_iterator *)self;
    if (!it->seq) return 0;
    const pync_tuple *t = (const pync_tuple *)it->seq;
    if (it->index < t->size) return t->items[it->index++];
    it->seq = 0;
    return 0;
}

static pv tupleiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__length_hint__", nargs, kwnames, 0, 0) < 0) return 0;
    const tuple_iterator *it = (const tuple_iterator *)self;
    size_t size = it->seq ? ((const pync_tuple *)it->seq)->size : 0;
    return pync_int_from_i64(it->seq && it->index < size ? (int64_t)(size - it->index) : 0);
}

PYNC_METHOD(tupleiter, __length_hint__, tupleiter_length_hint, 0);

const pync_type pync_tuple_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "tuple_iterator", .basicsize = sizeof(tuple_iterator),
    .trace = tupleiter_trace, .iter = tupleiter_iter, .next = tupleiter_next, .method_list = pync_methods__tupleiter,
};

static pv tuple_iter(pv self) {
    tuple_iterator *it = pync_gc_alloc(sizeof(tuple_iterator), &pync_tuple_iterator_type);
    if (!it) return 0;
    it->seq = self;
    return (pv)it;
}

/* ---- methods ------------------------------------------------------------------------- */

static pv tuple_count(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("count", nargs, kwnames, 1, 1) < 0) return 0;
    const pync_tuple *t = (const pync_tuple *)self;
    int64_t n = 0;
    for (size_t i = 0; i < t->size; i++) {
        int eq = t->items[i] == args[0] ? 1 : pync_equal(t->items[i], args[0]);
        if (eq < 0) return 0;
        n += eq;
    }
    return pync_int_from_i64(n);
}

static pv tuple_index(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("index", nargs, kwnames, 1, 3) < 0) return 0;
    const pync_tuple *t = (const pync_tuple *)self;
    int64_t start = 0, stop = (int64_t)t->size;
    if (nargs > 1 && pync_index(args[1], &start) < 0) return 0;
    if (nargs > 2 && pync_index(args[2], &stop) < 0) return 0;
    if (start < 0) start = start + (int64_t)t->size < 0 ? 0 : start + (int64_t)t->size;
    if (stop < 0) stop += (int64_t)t->size;
    if (stop > (int64_t)t->size) stop = (int64_t)t->size;
    for (int64_t i = start; i < stop; i++) {
        int eq = t->items[i] == args[0] ? 1 : pync_equal(t->items[i], args[0]);
        if (eq < 0) return 0;
        if (eq) return pync_int_from_i64(i);
    }
    return pync_raise_fmt(&pync_ValueError_type, "tuple.index(x): x not in tuple");
}

PYNC_METHOD(tuple, count, tuple_count, 0);
PYNC_METHOD(tuple, index, tuple_index, 0);
PYNC_METHOD(tuple, __class_getitem__, pync_class_getitem, PYNC_METH_CLASS);

static pv tuple_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("tuple", nargs, kwnames, 0, 1) < 0) return 0;
    pv r;
    if (nargs == 0) {
        r = pync_tuple_new(0);
    } else if (pv_type(args[0]) == &pync_tuple_type) {
        r = args[0];
    } else {
        pv list = pync_list_from_iterable(args[0]);
        if (!list) return 0;
        r = pync_tuple_from_array(((pync_list *)list)->items, ((pync_list *)list)->size);
    }
    if (!r || type == &pync_tuple_type) return r;
    /* a subclass of tuple: same items, the subclass's type */
    const pync_tuple *t = (const pync_tuple *)r;
    pync_tuple *sub = pync_gc_alloc(type->basicsize + t->size * sizeof(pv), type);
    if (!sub) return 0;
    sub->size = t->size;
    for (size_t i = 0; i < t->size; i++) sub->items[i] = t->items[i];
    return (pv)sub;
}

const pync_type pync_tuple_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "tuple",
    .flags = PYNC_TF_BASETYPE | PYNC_TF_TUPLE_SUBCLASS,
    .basicsize = sizeof(pync_tuple),
    .trace = tuple_trace,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .truth = tuple_truth,
    .construct = tuple_construct,
    .iter = tuple_iter,
    .binop = {[PYNC_OP_ADD] = tuple_concat, [PYNC_OP_MUL] = tuple_repeat},
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .method_list = pync_methods__tuple,
};

static void tuple_roots(void) { pync_gc_visit(pync_empty_tuple); }

int pync_tuple_init(void) {
    pync_register_static_roots(tuple_roots);
    pync_tuple *t = pync_gc_alloc(sizeof(pync_tuple), &pync_tuple_type);
    if (!t) return -1;
    pync_empty_tuple = (pv)t;
    return 0;
}
