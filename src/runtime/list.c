/* list.c — the list type: growable arrays of values with CPython 3.11's behaviour.
 *
 *   pync_list                       store (a pync_pvarray, traced by the collector)
 *   +------+------+-------+-------+    +------+----------+---------------------------------+
 *   | type | size | items | store |--->| type | capacity | items[0..size) | 0 0 0 ... 0    |
 *   +------+------+-------+-------+    +------+----------+---------------------------------+
 *
 * `items` is store->items (NULL with store for an empty list). Slots past `size` are kept at 0
 * so the collector does not keep dead values alive. Growth over-allocates as CPython's
 * list_resize does (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...). list.sort is CPython's timsort
 * (powersort merge policy, galloping, binary insertion), so sorts with inconsistent comparisons
 * and comparisons with side effects behave exactly as there (list_sort.c). */
#include "containers.h"
#include "slice.h"

/* ---- shared helpers: repr recursion guard, KeyError -------------------------------------- */

static pync_pvarray *repr_stack;
static size_t repr_depth;
static bool repr_roots_registered;

static void repr_roots(void) { pync_gc_visit_obj(repr_stack); }

int pync_repr_enter(pv v) {
    for (size_t i = repr_depth; i-- > 0;) {
        if (repr_stack->items[i] == v) return 1;
    }
    if (!repr_roots_registered) {
        pync_register_static_roots(repr_roots);
        repr_roots_registered = true;
    }
    if (!repr_stack || repr_depth == repr_stack->capacity) {
        pync_pvarray *n = pync_pvarray_new(repr_stack ? repr_stack->capacity * 2 : 16);
        if (!n) return -1;
        for (size_t i = 0; i < repr_depth; i++) n->items[i] = repr_stack->items[i];
        repr_stack = n;
    }
    repr_stack->items[repr_depth++] = v;
    return 0;
}

void pync_repr_leave(pv v) {
    /* the most recent entry for v (entries are left in stack order, as Py_ReprLeave assumes) */
    for (size_t i = repr_depth; i-- > 0;) {
        if (repr_stack->items[i] == v) {
            for (size_t j = i; j + 1 < repr_depth; j++) repr_stack->items[j] = repr_stack->items[j + 1];
            repr_stack->items[--repr_depth] = 0;
            return;
        }
    }
}

pv pync_raise_key_error(pv key) {
    pv exc = pync_call((pv)&pync_KeyError_type, &key, 1, 0);
    return exc ? pync_raise(exc) : 0;
}

/* ---- GenericAlias: list[int], dict[str, int] (annotations evaluate these) ---------------------- */

typedef struct generic_alias {
    pync_object ob;
    pv origin;
    pv args;                 /* a tuple */
} generic_alias;

static void ga_trace(pync_object *o) {
    generic_alias *g = (generic_alias *)o;
    pync_gc_visit(g->origin);
    pync_gc_visit(g->args);
}

static pv ga_getattr(pv self, pv name);

/* How genericaliasobject.c shows one item: '...', a class as qualname (module.qualname outside
   builtins), anything else by repr. */
static int ga_repr_item(pync_strbuf *b, pv p) {
    if (p == pync_Ellipsis) return pync_strbuf_append_cstr(b, "...");
    pv r;
    if (pv_type(p) == &pync_type_type || pync_isinstance_type(p, &pync_type_type)) {
        const pync_type *t = (const pync_type *)p;
        pv qual = t->state[0]->qualname ? t->state[0]->qualname : pync_str_from_cstr(t->name);
        if (!qual) return -1;
        if (!t->state[0]->module || pync_str_eq_cstr(t->state[0]->module, "builtins")) r = qual;
        else r = pync_str_fmt("%U.%U", t->state[0]->module, qual);
    } else {
        r = pync_repr(p);
    }
    if (!r) return -1;
    return pync_strbuf_append_str(b, r);
}

static pv ga_repr(pv self) {
    generic_alias *g = (generic_alias *)self;
    pync_strbuf b;
    if (pync_strbuf_init(&b, 32) < 0 || ga_repr_item(&b, g->origin) < 0 || pync_strbuf_append(&b, "[", 1) < 0) return 0;
    const pync_tuple *args = (const pync_tuple *)g->args;
    if (args->size == 0 && pync_strbuf_append(&b, "()", 2) < 0) return 0;
    for (size_t i = 0; i < args->size; i++) {
        if (i > 0 && pync_strbuf_append(&b, ", ", 2) < 0) return 0;
        if (ga_repr_item(&b, args->items[i]) < 0) return 0;
    }
    if (pync_strbuf_append(&b, "]", 1) < 0) return 0;
    return pync_strbuf_finish(&b);
}

static pv ga_richcompare(pv a, pv b, pync_cmpop op) {
    if (pv_type(b) != pv_type(a) || (op != PYNC_EQ && op != PYNC_NE)) return pync_NotImplemented;
    generic_alias *x = (generic_alias *)a, *y = (generic_alias *)b;
    int eq = pync_equal(x->origin, y->origin);
    if (eq > 0) eq = pync_equal(x->args, y->args);
    if (eq < 0) return 0;
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

static int ga_hash(pv self, int64_t *out) {
    generic_alias *g = (generic_alias *)self;
    int64_t h0, h1;
    if (pync_hash(g->origin, &h0) < 0 || pync_hash(g->args, &h1) < 0) return -1;
    *out = h0 ^ h1;
    return 0;
}

static pv ga_call(pv self, pv *args, size_t nargs, pv kwnames) {
    return pync_call(((generic_alias *)self)->origin, args, nargs, kwnames);
}

const pync_type pync_generic_alias_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "GenericAlias", .base = &pync_object_type,
    .basicsize = sizeof(generic_alias), .trace = ga_trace, .repr = ga_repr, .hash = ga_hash,
    .richcompare = ga_richcompare, .getattr = ga_getattr, .call = ga_call,
};

static pv ga_getattr(pv self, pv name) {
    generic_alias *g = (generic_alias *)self;
    if (pync_str_eq_cstr(name, "__origin__")) return g->origin;
    if (pync_str_eq_cstr(name, "__args__")) return g->args;
    if (pync_str_eq_cstr(name, "__parameters__")) return pync_tuple_new(0);
    return pync_generic_getattr(self, name);
}

pv pync_generic_alias_new(pv origin, pv args) {
    if (pync_ready(&pync_generic_alias_type) < 0) return 0;
    if (!pync_isinstance_type(args, &pync_tuple_type)) {
        args = pync_tuple_pack(1, args);
        if (!args) return 0;
    }
    generic_alias *g = pync_gc_alloc(sizeof(generic_alias), &pync_generic_alias_type);
    if (!g) return 0;
    g->origin = origin;
    g->args = args;
    return (pv)g;
}

pv pync_class_getitem(pv cls, pv *args, size_t nargs, pv kwnames) {
    /* reached both bound (cls, item) and through the unbound descriptor with the class passed
       again as the first argument (protocol.c's class subscription) */
    if (nargs == 2 && !kwnames && args[0] == cls) {
        args++;
        nargs--;
    }
    if (pync_check_one_arg("__class_getitem__", nargs, kwnames) < 0) return 0;
    return pync_generic_alias_new(cls, args[0]);
}

/* ---- storage ----------------------------------------------------------------------------- */

/* During list.sort the list is empty and its store is this marker (CPython's allocated == -1);
   any resize replaces it, which is how "list modified during sort" is detected. */
pync_pvarray pync_list_sort_marker = {{&pync_pvarray_type}, 0};

static inline pync_list *L(pv v) { return (pync_list *)v; }

static void set_store(pync_list *l, pync_pvarray *store) {
    l->store = store;
    l->items = store ? store->items : NULL;
}

/* CPython's list_resize: a new size, over-allocating when growing; slots past the new size are
   cleared. 0 or -1 (MemoryError). */
static int list_resize(pync_list *l, size_t newsize) {
    size_t allocated = l->store && l->store != &pync_list_sort_marker ? l->store->capacity : 0;
    bool marker = l->store == &pync_list_sort_marker;
    if (!marker && allocated >= newsize && newsize >= (allocated >> 1)) {
        for (size_t i = newsize; i < l->size; i++) l->items[i] = 0;
        l->size = newsize;
        return 0;
    }
    if (newsize > (size_t)PYNC_SSIZE_MAX / sizeof(pv)) {
        pync_raise_nomem();
        return -1;
    }
    size_t new_allocated = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if ((int64_t)newsize - (int64_t)l->size > (int64_t)(new_allocated - newsize)) {
        new_allocated = (newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        set_store(l, NULL);
        l->size = 0;
        return 0;
    }
    pync_pvarray *store = pync_pvarray_new(new_allocated);
    if (!store) return -1;
    size_t keep = l->size < newsize ? l->size : newsize;
    if (marker) keep = 0;
    for (size_t i = 0; i < keep; i++) store->items[i] = l->items[i];
    set_store(l, store);
    l->size = newsize;
    return 0;
}

/* Room for exactly n more items (rounded up to an even count, as list_preallocate_exact does). */
static int list_preallocate_exact(pync_list *l, size_t n) {
    pync_pvarray *store = pync_pvarray_new((n + 1) & ~(size_t)1);
    if (!store) return -1;
    set_store(l, store);
    return 0;
}

static pync_list *alloc_list(const pync_type *type) {
    return pync_gc_alloc(type->basicsize, type);
}

pv pync_list_new_prealloc(size_t n) {
    pync_list *l = alloc_list(&pync_list_type);
    if (!l) return 0;
    if (n) {
        pync_pvarray *store = pync_pvarray_new(n);
        if (!store) return 0;
        set_store(l, store);
    }
    l->size = n;
    return (pv)l;
}

pv pync_list_new(size_t size) {
    pv r = pync_list_new_prealloc(size);
    if (!r) return 0;
    for (size_t i = 0; i < size; i++) L(r)->items[i] = pync_None;
    return r;
}

pv pync_list_from_array(const pv *items, size_t n) {
    pv r = pync_list_new_prealloc(n);
    if (!r) return 0;
    for (size_t i = 0; i < n; i++) L(r)->items[i] = items[i];
    return r;
}

int pync_list_append(pv list, pv item) {
    pync_list *l = L(list);
    size_t n = l->size;
    if (l->store && l->store != &pync_list_sort_marker && n < l->store->capacity) {
        l->items[n] = item;
        l->size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) return -1;
    l->items[n] = item;
    return 0;
}

static void list_clear_internal(pync_list *l) {
    if (!l->store || l->store == &pync_list_sort_marker) return;
    set_store(l, NULL);
    l->size = 0;
}

pv pync_sequence_fast(pv v, const char *errmsg, pv **items, size_t *n) {
    const pync_type *t = pv_type(v);
    if (t == &pync_list_type) {
        *items = L(v)->items;
        *n = L(v)->size;
        return v;
    }
    if (t == &pync_tuple_type) {
        *items = ((pync_tuple *)v)->items;
        *n = ((pync_tuple *)v)->size;
        return v;
    }
    pv it = pync_iter(v);
    if (!it) {
        if (errmsg && pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
            pync_exc_clear();
            pync_raise_fmt(&pync_TypeError_type, "%s", errmsg);
        }
        return 0;
    }
    pv list = pync_list_from_iterable(it);
    if (!list) return 0;
    *items = L(list)->items;
    *n = L(list)->size;
    return list;
}

/* PyObject_LengthHint(o, 8) for built-in sizes: len() when the type has one. -1 on error. */
static int64_t length_hint(pv v) {
    const pync_type *t = pv_type(v);
    if (!t->len) return 8;
    int64_t n = t->len(v);
    if (n >= 0) return n;
    if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
        pync_exc_clear();
        return 8;
    }
    return -1;
}

int pync_list_extend(pv list, pv iterable) {
    pync_list *l = L(list);
    const pync_type *t = pv_type(iterable);
    if (t == &pync_list_type || t == &pync_tuple_type || iterable == list) {
        pv *src;
        size_t n;
        if (t == &pync_tuple_type) {
            src = ((pync_tuple *)iterable)->items;
            n = ((pync_tuple *)iterable)->size;
        } else {
            src = L(iterable)->items;
            n = L(iterable)->size;
        }
        if (n == 0) return 0;
        size_t m = l->size;
        pv keep = iterable; /* a.extend(a): the old store stays readable after the resize */
        pv *old = src;
        if (!l->store) {
            if (list_preallocate_exact(l, n) < 0) return -1;
            l->size = n;
        } else if (list_resize(l, m + n) < 0) {
            return -1;
        }
        (void)keep;
        for (size_t i = 0; i < n; i++) l->items[m + i] = old[i];
        return 0;
    }
    pv it = pync_iter(iterable);
    if (!it) return -1;
    int64_t hint = length_hint(iterable);
    if (hint < 0) return -1;
    size_t m = l->size;
    /* a hint past what can be allocated is a MemoryError up front (CPython's failing preallocation),
       not a size_t cast wrapped round on a 32-bit target */
    if (!l->store) {
        if (hint > 0 && (pync_check_alloc_size((uint64_t)hint) < 0 || list_preallocate_exact(l, (size_t)hint) < 0)) return -1;
    } else if ((uint64_t)hint < (uint64_t)PYNC_SSIZE_MAX - m) {
        if (pync_check_alloc_size((uint64_t)hint + m) < 0 || list_resize(l, m + (size_t)hint) < 0) return -1;
        for (size_t i = m; i < l->size; i++) l->items[i] = 0;
        l->size = m;
    }
    const pync_type *it_type = pv_type(it);
    for (;;) {
        pv item = it_type->next ? it_type->next(it) : pync_next(it);
        if (!item) {
            if (pync_current_exc) {
                if (pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) {
                    pync_exc_clear();
                } else {
                    return -1;
                }
            }
            break;
        }
        if (pync_list_append(list, item) < 0) return -1;
    }
    if (l->store && l->store != &pync_list_sort_marker && l->size < l->store->capacity) {
        if (list_resize(l, l->size) < 0) return -1;
    }
    return 0;
}

pv pync_list_from_iterable(pv iterable) {
    pv r = (pv)alloc_list(&pync_list_type);
    if (!r || pync_list_extend(r, iterable) < 0) return 0;
    return r;
}

/* ---- slots ------------------------------------------------------------------------------- */

static void list_trace(pync_object *o) { pync_gc_visit_obj(((pync_list *)o)->store); }

static pv list_repr(pv self) {
    pync_list *l = L(self);
    if (l->size == 0) return pync_str_from_cstr("[]");
    int r = pync_repr_enter(self);
    if (r != 0) return r > 0 ? pync_str_from_cstr("[...]") : 0;
    pync_strbuf b;
    if (pync_strbuf_init(&b, 2 + 3 * l->size) < 0) goto error;
    if (pync_strbuf_append(&b, "[", 1) < 0) goto error;
    /* the list may change while its items are repr'd: re-read the size each time */
    for (size_t i = 0; i < l->size; i++) {
        if (i > 0 && pync_strbuf_append(&b, ", ", 2) < 0) goto error;
        pv s = pync_repr(l->items[i]);
        if (!s || pync_strbuf_append_str(&b, s) < 0) goto error;
    }
    if (pync_strbuf_append(&b, "]", 1) < 0) goto error;
    pync_repr_leave(self);
    return pync_strbuf_finish(&b);
error:
    pync_repr_leave(self);
    return 0;
}

static pv compare_sizes(size_t a, size_t b, pync_cmpop op) {
    switch (op) {
    case PYNC_LT: return pync_bool(a < b);
    case PYNC_LE: return pync_bool(a <= b);
    case PYNC_EQ: return pync_bool(a == b);
    case PYNC_NE: return pync_bool(a != b);
    case PYNC_GT: return pync_bool(a > b);
    default: return pync_bool(a >= b);
    }
}

static pv list_richcompare(pv v, pv w, pync_cmpop op) {
    if (!pync_isinstance_type(v, &pync_list_type) || !pync_isinstance_type(w, &pync_list_type)) {
        return pync_NotImplemented;
    }
    pync_list *a = L(v), *b = L(w);
    if (a->size != b->size && (op == PYNC_EQ || op == PYNC_NE)) return pync_bool(op == PYNC_NE);
    size_t i = 0;
    for (; i < a->size && i < b->size; i++) {
        pv x = a->items[i], y = b->items[i];
        if (x == y) continue;
        int k = pync_compare_bool(x, y, PYNC_EQ);
        if (k < 0) return 0;
        if (!k) break;
    }
    if (i >= a->size || i >= b->size) return compare_sizes(a->size, b->size, op);
    if (op == PYNC_EQ) return pync_False;
    if (op == PYNC_NE) return pync_True;
    return pync_compare(a->items[i], b->items[i], op);
}

static int list_truth(pv self) { return L(self)->size != 0; }
static int64_t list_len(pv self) { return (int64_t)L(self)->size; }

static int list_contains(pv self, pv el) {
    pync_list *l = L(self);
    for (size_t i = 0; i < l->size; i++) {
        int cmp = pync_equal(l->items[i], el);
        if (cmp != 0) return cmp;
    }
    return 0;
}

static pv list_slice(pync_list *a, int64_t ilow, int64_t ihigh) {
    int64_t n = ihigh - ilow;
    if (n <= 0) return pync_list_new_prealloc(0);
    pv r = pync_list_new_prealloc((size_t)n);
    if (!r) return 0;
    for (int64_t i = 0; i < n; i++) L(r)->items[i] = a->items[ilow + i];
    return r;
}

static pv list_subscript(pv self, pv item) {
    pync_list *l = L(self);
    if (pv_is_small(item)) {
        intptr_t i = pv_small(item);
        if (i < 0) i += (intptr_t)l->size;
        if (i < 0 || (size_t)i >= l->size) return pync_raise_fmt(&pync_IndexError_type, "list index out of range");
        return l->items[i];
    }
    if (pync_has_index(item)) {
        int64_t i;
        if (pync_index_or_raise(item, &pync_IndexError_type, &i) < 0) return 0;
        if (i < 0) i += (int64_t)l->size;
        if (i < 0 || (uint64_t)i >= l->size) return pync_raise_fmt(&pync_IndexError_type, "list index out of range");
        return l->items[i];
    }
    if (pync_isinstance_type(item, &pync_slice_type)) {
        int64_t start, stop, step;
        if (pync_slice_unpack_raw(item, &start, &stop, &step) < 0) return 0;
        int64_t n = pync_slice_adjust((int64_t)l->size, &start, &stop, step);
        if (n <= 0) return pync_list_new_prealloc(0);
        if (step == 1) return list_slice(l, start, stop);
        pv r = pync_list_new_prealloc((size_t)n);
        if (!r) return 0;
        uint64_t cur = (uint64_t)start;
        for (int64_t i = 0; i < n; i++, cur += (uint64_t)step) L(r)->items[i] = l->items[cur];
        return r;
    }
    return pync_raise_fmt(&pync_TypeError_type, "list indices must be integers or slices, not %T", item);
}

int pync_list_ass_slice(pv list, int64_t ilow, int64_t ihigh, pv v) {
    pync_list *a = L(list);
    pv *vitem = NULL;
    size_t n = 0;
    pv keep = 0;
    if (v) {
        if (v == list) {
            pv copy = list_slice(a, 0, (int64_t)a->size);
            if (!copy) return -1;
            return pync_list_ass_slice(list, ilow, ihigh, copy);
        }
        keep = pync_sequence_fast(v, "can only assign an iterable", &vitem, &n);
        if (!keep) return -1;
    }
    int64_t size = (int64_t)a->size;
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    int64_t norig = ihigh - ilow;
    int64_t d = (int64_t)n - norig;
    if (size + d == 0) {
        list_clear_internal(a);
        return 0;
    }
    if (d < 0) {
        pync_memmove(&a->items[ihigh + d], &a->items[ihigh], (size_t)(size - ihigh) * sizeof(pv));
        if (list_resize(a, (size_t)(size + d)) < 0) return -1;
    } else if (d > 0) {
        if (list_resize(a, (size_t)(size + d)) < 0) return -1;
        pync_memmove(&a->items[ihigh + d], &a->items[ihigh], (size_t)(size - ihigh) * sizeof(pv));
    }
    for (size_t k = 0; k < n; k++) a->items[ilow + (int64_t)k] = vitem[k];
    (void)keep;
    return 0;
}

static int list_ass_subscript(pv self, pv item, pv value) {
    pync_list *l = L(self);
    if (pync_has_index(item)) {
        int64_t i;
        if (pv_is_small(item)) i = pv_small(item);
        else if (pync_index_or_raise(item, &pync_IndexError_type, &i) < 0) return -1;
        if (i < 0) i += (int64_t)l->size;
        if (i < 0 || (uint64_t)i >= l->size) {
            pync_raise_fmt(&pync_IndexError_type, "list assignment index out of range");
            return -1;
        }
        if (!value) return pync_list_ass_slice(self, i, i + 1, 0);
        l->items[i] = value;
        return 0;
    }
    if (!pync_isinstance_type(item, &pync_slice_type)) {
        pync_raise_fmt(&pync_TypeError_type, "list indices must be integers or slices, not %T", item);
        return -1;
    }
    int64_t start, stop, step;
    if (pync_slice_unpack_raw(item, &start, &stop, &step) < 0) return -1;
    int64_t slicelength = pync_slice_adjust((int64_t)l->size, &start, &stop, step);
    if (step == 1) return pync_list_ass_slice(self, start, stop, value);
    /* s[5:2] = [...] inserts before 5, not before 2 */
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
    if (!value) {
        if (slicelength <= 0) return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        /* close the gaps: step-1 kept items after each deleted one, then the tail */
        size_t size = l->size;
        uint64_t cur = (uint64_t)start;
        int64_t i = 0;
        for (; cur < (uint64_t)stop; cur += (uint64_t)step, i++) {
            uint64_t lim = (uint64_t)step - 1;
            if (cur + (uint64_t)step >= size) lim = size - cur - 1;
            pync_memmove(l->items + cur - i, l->items + cur + 1, (size_t)lim * sizeof(pv));
        }
        cur = (uint64_t)start + (uint64_t)slicelength * (uint64_t)step;
        if (cur < size) pync_memmove(l->items + cur - slicelength, l->items + cur, (size_t)(size - cur) * sizeof(pv));
        for (size_t k = size - (size_t)slicelength; k < size; k++) l->items[k] = 0;
        l->size = size - (size_t)slicelength;
        return list_resize(l, l->size);
    }
    pv *seqitems;
    size_t n;
    pv seq;
    if (value == self) {
        seq = list_slice(l, 0, (int64_t)l->size);
        if (!seq) return -1;
        seqitems = L(seq)->items;
        n = L(seq)->size;
    } else {
        seq = pync_sequence_fast(value, "must assign iterable to extended slice", &seqitems, &n);
        if (!seq) return -1;
    }
    if ((int64_t)n != slicelength) {
        pync_raise_fmt(&pync_ValueError_type, "attempt to assign sequence of size %zd to extended slice of size %zd",
                       (ptrdiff_t)n, (ptrdiff_t)slicelength);
        return -1;
    }
    uint64_t cur = (uint64_t)start;
    for (int64_t i = 0; i < slicelength; i++, cur += (uint64_t)step) l->items[cur] = seqitems[i];
    return 0;
}

static pv list_concat(pv a, pv b) {
    if (!pync_isinstance_type(a, &pync_list_type)) return pync_NotImplemented;
    if (!pync_isinstance_type(b, &pync_list_type)) {
        /* a class with __radd__ gets its turn before the sequence error */
        const pync_type *tb = pv_type(b);
        if (tb->flags & PYNC_TF_HEAPTYPE) {
            pv radd = pync_type_lookup_cstr(tb, "__radd__");
            if (radd) return pync_NotImplemented;
            if (pync_current_exc) return 0;
        }
        return pync_raise_fmt(&pync_TypeError_type, "can only concatenate list (not \"%T\") to list", b);
    }
    pync_list *x = L(a), *y = L(b);
    size_t size = x->size + y->size;
    pv r = pync_list_new_prealloc(size);
    if (!r) return 0;
    for (size_t i = 0; i < x->size; i++) L(r)->items[i] = x->items[i];
    for (size_t i = 0; i < y->size; i++) L(r)->items[x->size + i] = y->items[i];
    return r;
}

/* The repeat count of seq * count: 0 with *ok false when count is not an index (NotImplemented
   or the sequence TypeError, as CPython's sq_repeat fallback gives). */
static int repeat_count(pv count, int64_t *n) {
    if (!pync_has_index(count)) {
        const pync_type *t = pv_type(count);
        if (t->flags & PYNC_TF_HEAPTYPE) {
            pv rmul = pync_type_lookup_cstr(t, "__rmul__");
            if (rmul) return 1;
            if (pync_current_exc) return -1;
        }
        pync_raise_fmt(&pync_TypeError_type, "can't multiply sequence by non-int of type '%T'", count);
        return -1;
    }
    if (pync_index_or_raise(count, &pync_OverflowError_type, n) < 0) return -1;
    return 0;
}

/* size * n items, or MemoryError when that cannot exist (Py_ssize_t overflow, or the address
   space of a 32-bit target) */
static bool repeat_size(size_t size, int64_t n, size_t *out) {
    if (n <= 0 || size == 0) {
        *out = 0;
        return true;
    }
    if ((uint64_t)n > (uint64_t)PYNC_SSIZE_MAX / size) return false;
    uint64_t total = (uint64_t)size * (uint64_t)n;
    if (total > SIZE_MAX / sizeof(pv)) return false;
    *out = (size_t)total;
    return true;
}

static pv list_repeat_n(pync_list *a, int64_t n) {
    size_t size;
    if (!repeat_size(a->size, n, &size)) return pync_raise_nomem();
    pv r = pync_list_new_prealloc(size);
    if (!r) return 0;
    pv *dest = L(r)->items;
    for (size_t p = 0; p < size; p += a->size) {
        for (size_t i = 0; i < a->size; i++) dest[p + i] = a->items[i];
    }
    return r;
}

static pv list_mul(pv a, pv b) {
    pv seq = a, count = b;
    if (!pync_isinstance_type(a, &pync_list_type)) {
        seq = b;
        count = a;
    }
    int64_t n;
    int r = repeat_count(count, &n);
    if (r < 0) return 0;
    if (r > 0) return pync_NotImplemented;
    return list_repeat_n(L(seq), n);
}

static pv list_inplace_concat(pv self, pv other) {
    if (pync_list_extend(self, other) < 0) return 0;
    return self;
}

static pv list_inplace_repeat(pv self, pv count) {
    int64_t n;
    int r = repeat_count(count, &n);
    if (r < 0) return 0;
    if (r > 0) return pync_NotImplemented;
    pync_list *l = L(self);
    size_t size = l->size;
    if (size == 0 || n == 1) return self;
    if (n < 1) {
        list_clear_internal(l);
        return self;
    }
    size_t total;
    if (!repeat_size(size, n, &total)) return pync_raise_nomem();
    if (list_resize(l, total) < 0) return 0;
    size_t p = size;
    for (int64_t i = 1; i < n; i++) {
        for (size_t j = 0; j < size; j++) l->items[p++] = l->items[j];
    }
    return self;
}

/* ---- iterators --------------------------------------------------------------------------- */

typedef struct list_iterator {
    pync_object ob;
    pv seq;                  /* 0 when exhausted */
    int64_t index;
} list_iterator;

static void listiter_trace(pync_object *o) { pync_gc_visit(((list_iterator *)o)->seq); }
static pv self_iter(pv self) { return self; }

static pv listiter_next(pv self) {
    list_iterator *it = (list_iterator *)self;
    if (!it->seq) return 0;
    pync_list *l = L(it->seq);
    if ((uint64_t)it->index < l->size) return l->items[it->index++];
    it->seq = 0;
    return 0;
}

static pv listreviter_next(pv self) {
    list_iterator *it = (list_iterator *)self;
    if (!it->seq) return 0;
    pync_list *l = L(it->seq);
    if (it->index >= 0 && (uint64_t)it->index < l->size) return l->items[it->index--];
    it->index = -1;
    it->seq = 0;
    return 0;
}

static pv listiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    list_iterator *it = (list_iterator *)self;
    int64_t n = 0;
    if (it->seq) {
        if (pv_type(self) == &pync_list_iterator_type) {
            n = (int64_t)L(it->seq)->size - it->index;
            if (n < 0) n = 0;
        } else if ((uint64_t)it->index < L(it->seq)->size) {
            n = it->index + 1;
        }
    }
    return pync_int_from_i64(n);
}

PYNC_METHOD(listiter, __length_hint__, listiter_length_hint, 0);

const pync_type pync_list_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "list_iterator", .base = &pync_object_type,
    .basicsize = sizeof(list_iterator), .trace = listiter_trace, .iter = self_iter, .next = listiter_next,
    .method_list = pync_methods__listiter,
};
const pync_type pync_list_reverseiterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "list_reverseiterator", .base = &pync_object_type,
    .basicsize = sizeof(list_iterator), .trace = listiter_trace, .iter = self_iter, .next = listreviter_next,
    .method_list = pync_methods__listiter,
};

static pv list_iter(pv self) {
    if (pync_ready(&pync_list_iterator_type) < 0) return 0;
    list_iterator *it = pync_gc_alloc(sizeof(list_iterator), &pync_list_iterator_type);
    if (!it) return 0;
    it->seq = self;
    return (pv)it;
}

static pv list_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("list.__reversed__", nargs, kwnames) < 0) return 0;
    if (pync_ready(&pync_list_reverseiterator_type) < 0) return 0;
    list_iterator *it = pync_gc_alloc(sizeof(list_iterator), &pync_list_reverseiterator_type);
    if (!it) return 0;
    it->seq = self;
    it->index = (int64_t)L(self)->size - 1;
    return (pv)it;
}

/* ---- methods ----------------------------------------------------------------------------- */

static pv list_append_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("list.append", nargs, kwnames) < 0) return 0;
    if (pync_list_append(self, args[0]) < 0) return 0;
    return pync_None;
}

static pv list_extend_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("list.extend", nargs, kwnames) < 0) return 0;
    if (pync_list_extend(self, args[0]) < 0) return 0;
    return pync_None;
}

static pv list_insert_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("insert", nargs, kwnames, 2, 2) < 0) return 0;
    int64_t where;
    if (pync_index(args[0], &where) < 0) return 0;
    pync_list *l = L(self);
    size_t n = l->size;
    if (list_resize(l, n + 1) < 0) return 0;
    if (where < 0) {
        where += (int64_t)n;
        if (where < 0) where = 0;
    }
    if (where > (int64_t)n) where = (int64_t)n;
    for (int64_t i = (int64_t)n; --i >= where;) l->items[i + 1] = l->items[i];
    l->items[where] = args[1];
    return pync_None;
}

static pv list_pop_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("pop", nargs, kwnames, 0, 1) < 0) return 0;
    int64_t index = -1;
    if (nargs && pync_index(args[0], &index) < 0) return 0;
    pync_list *l = L(self);
    if (l->size == 0) return pync_raise_fmt(&pync_IndexError_type, "pop from empty list");
    if (index < 0) index += (int64_t)l->size;
    if (index < 0 || (uint64_t)index >= l->size) return pync_raise_fmt(&pync_IndexError_type, "pop index out of range");
    pv v = l->items[index];
    if ((size_t)index == l->size - 1) {
        if (list_resize(l, l->size - 1) < 0) return 0;
        return v;
    }
    if (pync_list_ass_slice(self, index, index + 1, 0) < 0) return 0;
    return v;
}

static pv list_remove_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("list.remove", nargs, kwnames) < 0) return 0;
    pync_list *l = L(self);
    for (size_t i = 0; i < l->size; i++) {
        int cmp = pync_equal(l->items[i], args[0]);
        if (cmp > 0) {
            if (pync_list_ass_slice(self, (int64_t)i, (int64_t)i + 1, 0) < 0) return 0;
            return pync_None;
        }
        if (cmp < 0) return 0;
    }
    return pync_raise_fmt(&pync_ValueError_type, "list.remove(x): x not in list");
}

static pv list_index_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("index", nargs, kwnames, 1, 3) < 0) return 0;
    int64_t start = 0, stop = PYNC_SSIZE_MAX;
    if (nargs > 1 && pync_slice_index_not_none(args[1], &start) < 0) return 0;
    if (nargs > 2 && pync_slice_index_not_none(args[2], &stop) < 0) return 0;
    pync_list *l = L(self);
    if (start < 0) {
        start += (int64_t)l->size;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += (int64_t)l->size;
        if (stop < 0) stop = 0;
    }
    for (int64_t i = start; i < stop && (uint64_t)i < l->size; i++) {
        int cmp = pync_equal(l->items[i], args[0]);
        if (cmp > 0) return pync_int_from_i64(i);
        if (cmp < 0) return 0;
    }
    return pync_raise_fmt(&pync_ValueError_type, "%R is not in list", args[0]);
}

static pv list_count_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("list.count", nargs, kwnames) < 0) return 0;
    pync_list *l = L(self);
    int64_t count = 0;
    for (size_t i = 0; i < l->size; i++) {
        pv obj = l->items[i];
        if (obj == args[0]) {
            count++;
            continue;
        }
        int cmp = pync_compare_bool(obj, args[0], PYNC_EQ);
        if (cmp < 0) return 0;
        count += cmp;
    }
    return pync_int_from_i64(count);
}

void pync_reverse_items(pv *lo, pv *hi) {
    --hi;
    while (lo < hi) {
        pv t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

static pv list_reverse_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("list.reverse", nargs, kwnames) < 0) return 0;
    pync_list *l = L(self);
    if (l->size > 1) pync_reverse_items(l->items, l->items + l->size);
    return pync_None;
}

static pv list_copy_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("list.copy", nargs, kwnames) < 0) return 0;
    return list_slice(L(self), 0, (int64_t)L(self)->size);
}

static pv list_clear_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("list.clear", nargs, kwnames) < 0) return 0;
    list_clear_internal(L(self));
    return pync_None;
}

static pv list_imul_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("list.__imul__", nargs, kwnames) < 0) return 0;
    if (!pync_has_index(args[0])) {
        return pync_raise_fmt(&pync_TypeError_type, "'%T' object cannot be interpreted as an integer", args[0]);
    }
    return list_inplace_repeat(self, args[0]);
}

static pv list_getitem_m(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("list.__getitem__", nargs, kwnames) < 0) return 0;
    return list_subscript(self, args[0]);
}

PYNC_METHOD(list, __getitem__, list_getitem_m, 0);
PYNC_METHOD(list, __reversed__, list_reversed, 0);
PYNC_METHOD(list, __imul__, list_imul_m, 0);
PYNC_METHOD(list, clear, list_clear_m, 0);
PYNC_METHOD(list, copy, list_copy_m, 0);
PYNC_METHOD(list, append, list_append_m, 0);
PYNC_METHOD(list, insert, list_insert_m, 0);
PYNC_METHOD(list, extend, list_extend_m, 0);
PYNC_METHOD(list, pop, list_pop_m, 0);
PYNC_METHOD(list, remove, list_remove_m, 0);
PYNC_METHOD(list, index, list_index_m, 0);
PYNC_METHOD(list, count, list_count_m, 0);
PYNC_METHOD(list, reverse, list_reverse_m, 0);
PYNC_METHOD(list, sort, pync_list_sort_method, 0);
PYNC_METHOD(list, __class_getitem__, pync_class_getitem, PYNC_METH_CLASS);

static pv list_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("list", kwnames) < 0) return 0;
    if (pync_check_positional("list", nargs, 0, 0, 1) < 0) return 0;
    pync_list *l = alloc_list(type);
    if (!l) return 0;
    if (nargs && pync_list_extend((pv)l, args[0]) < 0) return 0;
    return (pv)l;
}

/* list.__init__(iterable=()): for subclasses and super().__init__(...) */
static pv list_init(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("list", kwnames) < 0) return 0;
    if (pync_check_positional("list", nargs, 0, 0, 1) < 0) return 0;
    list_clear_internal(L(self));
    if (nargs && pync_list_extend(self, args[0]) < 0) return 0;
    return pync_None;
}

const pync_type pync_list_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "list",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_LIST_SUBCLASS,
    .basicsize = sizeof(pync_list),
    .trace = list_trace,
    .repr = list_repr,
    .richcompare = list_richcompare,
    .truth = list_truth,
    .construct = list_construct,
    .init = list_init,
    .iter = list_iter,
    .binop = {[PYNC_OP_ADD] = list_concat, [PYNC_OP_MUL] = list_mul},
    .inplace = {[PYNC_OP_ADD] = list_inplace_concat, [PYNC_OP_MUL] = list_inplace_repeat},
    .len = list_len,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .contains = list_contains,
    .method_list = pync_methods__list,
};
