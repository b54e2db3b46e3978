/* collections_deque.c — collections.deque (CPython 3.11's Modules/_collectionsmodule.c semantics):
 * a double-ended queue with an optional maxlen, its forward and reverse iterators ("deque mutated
 * during iteration"), indexing, comparisons, + and *, and CPython's argument errors.
 *
 * Storage is a ring buffer: item i lives at buf[(head + i) & (capacity - 1)], capacity a power of
 * two. `state` counts structural changes (appends, pops, rotations, clear) the way CPython's does,
 * so iterators and count/index/remove detect the same mutations. */
#include "stdmods.h"

typedef struct dequeobject {
    pync_object ob;
    pync_pvarray *buf;       /* NULL while empty and never grown */
    size_t head;
    size_t size;
    int64_t maxlen;          /* -1: unbounded */
    uint64_t state;
} dequeobject;

static inline dequeobject *DQ(pv v) { return (dequeobject *)v; }
static inline bool is_deque(pv v) { return pync_isinstance_type(v, &pync_deque_type); }

static inline pv *slot_at(dequeobject *d, size_t i) {
    return &d->buf->items[(d->head + i) & (d->buf->capacity - 1)];
}

static void deque_trace(pync_object *o) { pync_gc_visit_obj(((dequeobject *)o)->buf); }

/* room for one more item */
static int grow(dequeobject *d) {
    size_t cap = d->buf ? d->buf->capacity : 0;
    if (d->size < cap) return 0;
    size_t ncap = cap ? cap * 2 : 8;
    if (ncap > SIZE_MAX / sizeof(pv) / 2) {
        pync_raise_nomem();
        return -1;
    }
    pync_pvarray *n = pync_pvarray_new(ncap);
    if (!n) return -1;
    for (size_t i = 0; i < d->size; i++) n->items[i] = *slot_at(d, i);
    d->buf = n;
    d->head = 0;
    return 0;
}

static pv popleft_raw(dequeobject *d) {
    pv *s = slot_at(d, 0);
    pv v = *s;
    *s = 0;
    d->head = (d->head + 1) & (d->buf->capacity - 1);
    d->size--;
    return v;
}

static pv pop_raw(dequeobject *d) {
    pv *s = slot_at(d, d->size - 1);
    pv v = *s;
    *s = 0;
    d->size--;
    return v;
}

static int append_item(dequeobject *d, pv item) {
    if (grow(d) < 0) return -1;
    *slot_at(d, d->size) = item;
    d->size++;
    d->state++;
    if (d->maxlen >= 0 && (int64_t)d->size > d->maxlen) {
        popleft_raw(d);
        d->state++;
    }
    return 0;
}

static int appendleft_item(dequeobject *d, pv item) {
    if (grow(d) < 0) return -1;
    d->head = (d->head + d->buf->capacity - 1) & (d->buf->capacity - 1);
    d->buf->items[d->head] = item;
    d->size++;
    d->state++;
    if (d->maxlen >= 0 && (int64_t)d->size > d->maxlen) {
        pop_raw(d);
        d->state++;
    }
    return 0;
}

static void clear_items(dequeobject *d) {
    if (d->size == 0) return;
    d->buf = NULL;
    d->head = 0;
    d->size = 0;
    d->state++;
}

/* the items as a new list (a snapshot) */
static pv as_list(dequeobject *d) {
    pv l = pync_list_new_prealloc(d->size);
    if (!l) return 0;
    for (size_t i = 0; i < d->size; i++) ((pync_list *)l)->items[i] = *slot_at(d, i);
    return l;
}

static pv new_deque(const pync_type *type, int64_t maxlen) {
    if (pync_stdmod_ready((pync_type *)type, "collections") < 0) return 0;
    dequeobject *d = pync_gc_alloc(type->basicsize, type);
    if (!d) return 0;
    d->maxlen = maxlen;
    return (pv)d;
}

/* ==== extend ====================================================================================== */

static int extend_impl(dequeobject *d, pv iterable, bool left) {
    if ((pv)d == iterable) {
        iterable = as_list(d);
        if (!iterable) return -1;
    }
    pv it = pync_iter(iterable);
    if (!it) return -1;
    for (;;) {
        pv item = pync_stdmod_next(it);
        if (!item) return pync_current_exc ? -1 : 0;
        if (d->maxlen == 0) continue;
        if ((left ? appendleft_item(d, item) : append_item(d, item)) < 0) return -1;
    }
}

/* ==== construction ================================================================================= */

static int deque_init_impl(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"iterable", "maxlen", NULL};
    pv a[2];
    if (pync_stdmod_parse("deque", args, nargs, kwnames, names, 2, 0, a) < 0) return -1;
    int64_t maxlen = -1;
    if (a[1] && a[1] != pync_None) {
        if (!pync_isinstance_type(a[1], &pync_int_type)) {
            pync_raise_fmt(&pync_TypeError_type, "an integer is required");
            return -1;
        }
        if (pync_index(a[1], &maxlen) < 0) return -1;
        if (maxlen < 0) {
            pync_raise_fmt(&pync_ValueError_type, "maxlen must be non-negative");
            return -1;
        }
    }
    dequeobject *d = DQ(self);
    d->maxlen = maxlen;
    clear_items(d);
    if (a[0]) return extend_impl(d, a[0], false);
    return 0;
}

static pv deque_init(pv self, pv *args, size_t nargs, pv kwnames) {
    return deque_init_impl(self, args, nargs, kwnames) < 0 ? 0 : pync_None;
}

static pv deque_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    pv d = new_deque(type, -1);
    if (!d) return 0;
    if ((nargs || pync_kwcount(kwnames)) && deque_init_impl(d, args, nargs, kwnames) < 0) return 0;
    return d;
}

/* deque.copy(): a deque of the same type and maxlen (a subclass is called with them) */
static pv copy_impl(pv self) {
    dequeobject *d = DQ(self);
    if (pv_type(self) == &pync_deque_type) {
        pv n = new_deque(&pync_deque_type, d->maxlen);
        if (!n) return 0;
        for (size_t i = 0; i < d->size; i++) {
            if (append_item(DQ(n), *slot_at(d, i)) < 0) return 0;
        }
        return n;
    }
    if (d->maxlen < 0) return pync_call1((pv)pv_type(self), self);
    pv ml = pync_int_from_i64(d->maxlen);
    return ml ? pync_call2((pv)pv_type(self), self, ml) : 0;
}

/* ==== methods ===================================================================================== */

static pv m_append(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.append", nargs, kwnames) < 0) return 0;
    if (DQ(self)->maxlen == 0) return pync_None;
    return append_item(DQ(self), args[0]) < 0 ? 0 : pync_None;
}

static pv m_appendleft(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.appendleft", nargs, kwnames) < 0) return 0;
    if (DQ(self)->maxlen == 0) return pync_None;
    return appendleft_item(DQ(self), args[0]) < 0 ? 0 : pync_None;
}

static pv m_pop(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.pop", nargs, kwnames) < 0) return 0;
    dequeobject *d = DQ(self);
    if (d->size == 0) return pync_raise_fmt(&pync_IndexError_type, "pop from an empty deque");
    d->state++;
    return pop_raw(d);
}

static pv m_popleft(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.popleft", nargs, kwnames) < 0) return 0;
    dequeobject *d = DQ(self);
    if (d->size == 0) return pync_raise_fmt(&pync_IndexError_type, "pop from an empty deque");
    d->state++;
    return popleft_raw(d);
}

static pv m_extend(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.extend", nargs, kwnames) < 0) return 0;
    return extend_impl(DQ(self), args[0], false) < 0 ? 0 : pync_None;
}

static pv m_extendleft(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.extendleft", nargs, kwnames) < 0) return 0;
    return extend_impl(DQ(self), args[0], true) < 0 ? 0 : pync_None;
}

static void rotate_impl(dequeobject *d, int64_t n) {
    d->state++;
    int64_t len = (int64_t)d->size;
    if (len <= 1) return;
    n %= len;
    if (n < 0) n += len;
    if (n == 0) return;
    /* rotating right by n: the last n items move to the front */
    size_t cap = d->buf->capacity;
    if (d->size == cap) {
        d->head = (d->head + cap - (size_t)n) & (cap - 1);
        return;
    }
    for (int64_t k = 0; k < n; k++) {
        pv v = pop_raw(d);
        d->head = (d->head + cap - 1) & (cap - 1);
        d->buf->items[d->head] = v;
        d->size++;
    }
}

static pv m_rotate(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("deque.rotate", kwnames) < 0 || pync_check_positional("deque.rotate", nargs, 0, 0, 1) < 0) return 0;
    int64_t n = 1;
    if (nargs && pync_index(args[0], &n) < 0) return 0;
    rotate_impl(DQ(self), n);
    return pync_None;
}

static pv m_clear(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.clear", nargs, kwnames) < 0) return 0;
    clear_items(DQ(self));
    return pync_None;
}

static pv m_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.copy", nargs, kwnames) < 0) return 0;
    return copy_impl(self);
}

static pv m_copy_dunder(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.__copy__", nargs, kwnames) < 0) return 0;
    return copy_impl(self);
}

static pv mutated(const pync_type *exc) { return pync_raise_fmt(exc, "deque mutated during iteration"); }

static pv m_count(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.count", nargs, kwnames) < 0) return 0;
    dequeobject *d = DQ(self);
    uint64_t state = d->state;
    int64_t n = 0;
    for (size_t i = 0; i < d->size; i++) {
        pv item = *slot_at(d, i);
        int eq = item == args[0] ? 1 : pync_equal(item, args[0]);
        if (eq < 0) return 0;
        if (state != d->state) return mutated(&pync_RuntimeError_type);
        n += eq;
    }
    return pync_int_from_i64(n);
}

static int deque_contains(pv self, pv value) {
    dequeobject *d = DQ(self);
    uint64_t state = d->state;
    for (size_t i = 0; i < d->size; i++) {
        pv item = *slot_at(d, i);
        int eq = item == value ? 1 : pync_equal(item, value);
        if (eq < 0) return -1;
        if (state != d->state) {
            mutated(&pync_RuntimeError_type);
            return -1;
        }
        if (eq) return 1;
    }
    return 0;
}

static pv m_index(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("deque.index", kwnames) < 0) return 0;
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "index() takes at least 1 argument (0 given)");
    if (nargs > 3) return pync_raise_fmt(&pync_TypeError_type, "index() takes at most 3 arguments (%zd given)", (ptrdiff_t)nargs);
    dequeobject *d = DQ(self);
    int64_t len = (int64_t)d->size, start = 0, stop = len;
    if (nargs > 1 && pync_slice_index_not_none(args[1], &start) < 0) return 0;
    if (nargs > 2 && pync_slice_index_not_none(args[2], &stop) < 0) return 0;
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += len;
        if (stop < 0) stop = 0;
    }
    if (stop > len) stop = len;
    if (start > stop) start = stop;
    uint64_t state = d->state;
    for (int64_t i = start; i < stop; i++) {
        pv item = *slot_at(d, (size_t)i);
        int eq = item == args[0] ? 1 : pync_equal(item, args[0]);
        if (eq < 0) return 0;
        if (state != d->state) return mutated(&pync_RuntimeError_type);
        if (eq) return pync_int_from_i64(i);
    }
    return pync_raise_fmt(&pync_ValueError_type, "%R is not in deque", args[0]);
}

/* removes item i (0 <= i < size) */
static void del_item(dequeobject *d, size_t i) {
    d->state++;
    if (i < d->size / 2) {
        for (size_t k = i; k > 0; k--) *slot_at(d, k) = *slot_at(d, k - 1);
        popleft_raw(d);
    } else {
        for (size_t k = i; k + 1 < d->size; k++) *slot_at(d, k) = *slot_at(d, k + 1);
        pop_raw(d);
    }
}

static pv m_insert(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("deque.insert", kwnames) < 0) return 0;
    if (nargs != 2) return pync_raise_fmt(&pync_TypeError_type, "insert() takes exactly 2 arguments (%zd given)", (ptrdiff_t)nargs);
    int64_t index;
    if (pync_index(args[0], &index) < 0) return 0;
    dequeobject *d = DQ(self);
    int64_t n = (int64_t)d->size;
    if (d->maxlen == n) return pync_raise_fmt(&pync_IndexError_type, "deque already at its maximum size");
    if (index >= n) return append_item(d, args[1]) < 0 ? 0 : pync_None;
    if (index <= -n || index == 0) return appendleft_item(d, args[1]) < 0 ? 0 : pync_None;
    if (index < 0) index += n;
    if (grow(d) < 0) return 0;
    /* shift the tail right by one and put the item at index */
    d->size++;
    for (int64_t k = n; k > index; k--) *slot_at(d, (size_t)k) = *slot_at(d, (size_t)k - 1);
    *slot_at(d, (size_t)index) = args[1];
    d->state++;
    return pync_None;
}

static pv m_remove(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.remove", nargs, kwnames) < 0) return 0;
    dequeobject *d = DQ(self);
    uint64_t state = d->state;
    size_t n = d->size;
    for (size_t i = 0; i < n; i++) {
        pv item = *slot_at(d, i);
        int eq = item == args[0] ? 1 : pync_equal(item, args[0]);
        if (eq < 0) return 0;
        if (state != d->state) return mutated(&pync_IndexError_type);
        if (eq) {
            del_item(d, i);
            return pync_None;
        }
    }
    return pync_raise_fmt(&pync_ValueError_type, "%R is not in deque", args[0]);
}

static pv m_reverse(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.reverse", nargs, kwnames) < 0) return 0;
    dequeobject *d = DQ(self);
    for (size_t i = 0, j = d->size; i + 1 < j; i++, j--) {
        pv *a = slot_at(d, i), *b = slot_at(d, j - 1);
        pv t = *a;
        *a = *b;
        *b = t;
    }
    return pync_None;
}

/* ==== indexing ====================================================================================== */

/* the position of index `key` (negative from the end), or -1 with the error raised */
static int64_t item_index(dequeobject *d, pv key) {
    if (!pync_has_index(key)) {
        pync_raise_fmt(&pync_TypeError_type, "sequence index must be integer, not '%T'", key);
        return -1;
    }
    int64_t i;
    if (pync_index_or_raise(key, &pync_IndexError_type, &i) < 0) return -1;
    if (i < 0) i += (int64_t)d->size;
    if (i < 0 || i >= (int64_t)d->size) {
        pync_raise_fmt(&pync_IndexError_type, "deque index out of range");
        return -1;
    }
    return i;
}

static pv deque_getitem(pv self, pv key) {
    dequeobject *d = DQ(self);
    int64_t i = item_index(d, key);
    return i < 0 ? 0 : *slot_at(d, (size_t)i);
}

static int deque_setitem(pv self, pv key, pv value) {
    dequeobject *d = DQ(self);
    int64_t i = item_index(d, key);
    if (i < 0) return -1;
    if (value) *slot_at(d, (size_t)i) = value;
    else del_item(d, (size_t)i);
    return 0;
}

static int64_t deque_len(pv self) { return (int64_t)DQ(self)->size; }

/* ==== repr, comparison, operators ==================================================================== */

static pv deque_repr(pv self) {
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("[...]") : 0;
    pv result = 0;
    pv list = as_list(DQ(self));
    pv lr = list ? pync_repr(list) : 0;
    if (lr) {
        const char *name = pync_stdmod_type_name(pv_type(self));
        if (DQ(self)->maxlen >= 0) result = pync_str_fmt("%s(%U, maxlen=%lld)", name, lr, (long long)DQ(self)->maxlen);
        else result = pync_str_fmt("%s(%U)", name, lr);
    }
    pync_repr_leave(self);
    return result;
}

static pv deque_richcompare(pv a, pv b, pync_cmpop op) {
    if (!is_deque(a) || !is_deque(b)) return pync_NotImplemented;
    pv la = as_list(DQ(a)), lb = la ? as_list(DQ(b)) : 0;
    if (!lb) return 0;
    const pync_list *x = (const pync_list *)la, *y = (const pync_list *)lb;
    return pync_sequence_richcompare(x->items, x->size, y->items, y->size, op);
}

static pv deque_concat(pv a, pv b) {
    if (!is_deque(a)) return pync_NotImplemented;
    if (!is_deque(b)) return pync_raise_fmt(&pync_TypeError_type, "can only concatenate deque (not \"%T\") to deque", b);
    pv n = copy_impl(a);
    if (!n || extend_impl(DQ(n), b, false) < 0) return 0;
    return n;
}

static pv deque_iconcat(pv a, pv b) {
    return extend_impl(DQ(a), b, false) < 0 ? 0 : a;
}

static int repeat_inplace(dequeobject *d, int64_t n) {
    if (n <= 0 || d->size == 0) {
        clear_items(d);
        return 0;
    }
    if (n == 1) return 0;
    size_t size = d->size;
    if ((uint64_t)n > (uint64_t)(INT64_MAX / 16) / size) {
        if (d->maxlen < 0) {
            pync_raise_nomem();
            return -1;
        }
    }
    /* with a maxlen only the last maxlen items survive: enough copies to cover them */
    if (d->maxlen >= 0 && (uint64_t)n * size > (uint64_t)d->maxlen + size) {
        int64_t need = d->maxlen / (int64_t)size + 2;
        if (need < n) n = need;
    }
    pv snapshot = as_list(d);
    if (!snapshot) return -1;
    const pync_list *l = (const pync_list *)snapshot;
    for (int64_t k = 1; k < n; k++) {
        for (size_t i = 0; i < l->size; i++) {
            if (append_item(d, l->items[i]) < 0) return -1;
        }
    }
    return 0;
}

/* the count operand of deque * n: NotImplemented when n is no int and its type may handle it */
static pv repeat_args(pv a, pv b, pv *dq, int64_t *n) {
    pv seq = a, count = b;
    if (!is_deque(seq)) {
        seq = b;
        count = a;
    }
    if (!pync_has_index(count)) {
        /* a class of the program may implement * with a deque (__rmul__) */
        if (pv_type(count)->flags & PYNC_TF_HEAPTYPE) return pync_NotImplemented;
        return pync_raise_fmt(&pync_TypeError_type, "can't multiply sequence by non-int of type '%T'", count);
    }
    if (pync_index(count, n) < 0) return 0;
    *dq = seq;
    return pync_None;
}

static pv deque_repeat(pv a, pv b) {
    pv seq;
    int64_t n;
    pv r = repeat_args(a, b, &seq, &n);
    if (r != pync_None) return r;
    pv c = copy_impl(seq);
    if (!c || repeat_inplace(DQ(c), n) < 0) return 0;
    return c;
}

static pv deque_irepeat(pv a, pv b) {
    pv seq;
    int64_t n;
    pv r = repeat_args(a, b, &seq, &n);
    if (r != pync_None) return r;
    if (seq != a) return pync_NotImplemented;
    return repeat_inplace(DQ(a), n) < 0 ? 0 : a;
}

/* ==== iterators ========================================================================================= */

typedef struct dequeiterobject {
    pync_object ob;
    pv deque;
    int64_t index;
    uint64_t state;
    int64_t counter;         /* items left */
} dequeiterobject;

static pync_type dequeiter_type, dequereviter_type;

static void dequeiter_trace(pync_object *o) { pync_gc_visit(((dequeiterobject *)o)->deque); }
static pv self_iter(pv self) { return self; }

static pv dequeiter_new(pv deque, pync_type *type) {
    if (pync_stdmod_ready(type, "_collections") < 0) return 0;
    dequeiterobject *it = pync_gc_alloc(sizeof(dequeiterobject), type);
    if (!it) return 0;
    dequeobject *d = DQ(deque);
    it->deque = deque;
    it->state = d->state;
    it->counter = (int64_t)d->size;
    it->index = type == &dequereviter_type ? (int64_t)d->size - 1 : 0;
    return (pv)it;
}

static pv dequeiter_next_dir(pv self, int dir) {
    dequeiterobject *it = (dequeiterobject *)self;
    dequeobject *d = DQ(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        return mutated(&pync_RuntimeError_type);
    }
    if (it->counter == 0) return 0;
    pv item = *slot_at(d, (size_t)it->index);
    it->index += dir;
    it->counter--;
    return item;
}

static pv dequeiter_next(pv self) { return dequeiter_next_dir(self, 1); }
static pv dequereviter_next(pv self) { return dequeiter_next_dir(self, -1); }

static pv dequeiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    return pync_int_from_i64(((dequeiterobject *)self)->counter);
}

static const pync_method_def dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, 0},
    {NULL, NULL, 0},
};

static pync_type dequeiter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "_collections._deque_iterator", .base = &pync_object_type,
    .basicsize = sizeof(dequeiterobject), .trace = dequeiter_trace, .iter = self_iter, .next = dequeiter_next,
    .methods = dequeiter_methods,
};
static pync_type dequereviter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "_collections._deque_reverse_iterator", .base = &pync_object_type,
    .basicsize = sizeof(dequeiterobject), .trace = dequeiter_trace, .iter = self_iter, .next = dequereviter_next,
    .methods = dequeiter_methods,
};

static pv deque_iter(pv self) { return dequeiter_new(self, &dequeiter_type); }

static pv m_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.__reversed__", nargs, kwnames) < 0) return 0;
    return dequeiter_new(self, &dequereviter_type);
}

/* maxlen is a read-only attribute */
static pv deque_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "maxlen")) {
        int64_t m = DQ(self)->maxlen;
        return m < 0 ? pync_None : pync_int_from_i64(m);
    }
    return pync_generic_getattr(self, name);
}

static int deque_setattr(pv self, pv name, pv value) {
    if (pync_str_eq_cstr(name, "maxlen")) {
        pync_raise_fmt(&pync_AttributeError_type, "attribute 'maxlen' of 'collections.deque' objects is not writable");
        return -1;
    }
    return pync_generic_setattr(self, name, value);
}

/* the dunders as methods: d.__contains__(x), d.__init__(...) */
static pv m_init(pv self, pv *args, size_t nargs, pv kwnames) { return deque_init(self, args, nargs, kwnames); }
static pv m_contains(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.__contains__", nargs, kwnames) < 0) return 0;
    int r = deque_contains(self, args[0]);
    return r < 0 ? 0 : pync_bool(r);
}
static pv m_getitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.__getitem__", nargs, kwnames) < 0) return 0;
    return deque_getitem(self, args[0]);
}
static pv m_setitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("deque.__setitem__", kwnames) < 0 || pync_check_positional("__setitem__", nargs, 0, 2, 2) < 0) return 0;
    return deque_setitem(self, args[0], args[1]) < 0 ? 0 : pync_None;
}
static pv m_delitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("deque.__delitem__", nargs, kwnames) < 0) return 0;
    return deque_setitem(self, args[0], 0) < 0 ? 0 : pync_None;
}
static pv m_len(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.__len__", nargs, kwnames) < 0) return 0;
    return pync_int_from_i64(deque_len(self));
}
static pv m_iter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("deque.__iter__", nargs, kwnames) < 0) return 0;
    return deque_iter(self);
}

static const pync_method_def deque_methods[] = {
    {"__init__", m_init, 0},
    {"__contains__", m_contains, 0},
    {"__getitem__", m_getitem, 0},
    {"__setitem__", m_setitem, 0},
    {"__delitem__", m_delitem, 0},
    {"__len__", m_len, 0},
    {"__iter__", m_iter, 0},
    {"append", m_append, 0},
    {"appendleft", m_appendleft, 0},
    {"pop", m_pop, 0},
    {"popleft", m_popleft, 0},
    {"extend", m_extend, 0},
    {"extendleft", m_extendleft, 0},
    {"rotate", m_rotate, 0},
    {"clear", m_clear, 0},
    {"copy", m_copy, 0},
    {"__copy__", m_copy_dunder, 0},
    {"count", m_count, 0},
    {"index", m_index, 0},
    {"insert", m_insert, 0},
    {"remove", m_remove, 0},
    {"reverse", m_reverse, 0},
    {"__reversed__", m_reversed, 0},
    {"__class_getitem__", pync_class_getitem, PYNC_METH_CLASS},
    {NULL, NULL, 0},
};

pync_type pync_deque_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "collections.deque",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(dequeobject),
    .trace = deque_trace,
    .repr = deque_repr,
    .richcompare = deque_richcompare,
    .getattr = deque_getattr,
    .setattr = deque_setattr,
    .construct = deque_construct,
    .init = deque_init,
    .iter = deque_iter,
    .binop = {[PYNC_OP_ADD] = deque_concat, [PYNC_OP_MUL] = deque_repeat},
    .inplace = {[PYNC_OP_ADD] = deque_iconcat, [PYNC_OP_MUL] = deque_irepeat},
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .methods = deque_methods,
};

int pync_collections_deque_ready(void) {
    if (pync_stdmod_ready(&pync_deque_type, "collections") < 0) return -1;
    if (pync_stdmod_ready(&dequeiter_type, "_collections") < 0) return -1;
    return pync_stdmod_ready(&dequereviter_type, "_collections");
}
