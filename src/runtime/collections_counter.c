/* collections_counter.c — collections.Counter, a C subclass of dict behaving as CPython 3.11's
 * Lib/collections/__init__.py class: missing keys count 0, counting from iterables / mappings /
 * keyword arguments (update, subtract), most_common (sorted by count, ties in insertion order),
 * elements (itertools' chain of repeats), total, the multiset operators + - | & and unary + -,
 * their in-place forms, the 3.10 comparisons (missing counts as 0), and the repr in most_common
 * order. Argument errors read like those of the Python methods ("Counter.update() takes from 1
 * to 2 positional arguments but 3 were given"). A subclass overriding get / __setitem__ /
 * __missing__ / update sees them called where the Python class would call them. */
#include "stdmods.h"
#include "dict.h"
#include "iterators.h"

static inline pync_dict *D(pv v) { return (pync_dict *)v; }
static inline bool is_counter(pv v) { return pync_isinstance_type(v, &pync_counter_type); }
static inline bool exact(pv v) { return pv_type(v) == &pync_counter_type; }

/* "Counter.update() takes from 1 to 2 positional arguments but 3 were given" (counting self) */
static pv arity_error(const char *qualname, size_t nargs, size_t min, size_t max) {
    nargs++;
    min++;
    max++;
    if (min == max) {
        return pync_raise_fmt(&pync_TypeError_type, "%s() takes %zd positional argument%s but %zd %s given", qualname,
                              (ptrdiff_t)min, min == 1 ? "" : "s", (ptrdiff_t)nargs, nargs == 1 ? "was" : "were");
    }
    return pync_raise_fmt(&pync_TypeError_type, "%s() takes from %zd to %zd positional arguments but %zd %s given",
                          qualname, (ptrdiff_t)min, (ptrdiff_t)max, (ptrdiff_t)nargs, nargs == 1 ? "was" : "were");
}

static int no_kwargs_py(const char *qualname, pv kwnames) {
    if (pync_kwcount(kwnames) == 0) return 0;
    pync_raise_fmt(&pync_TypeError_type, "%s() got an unexpected keyword argument '%U'", qualname, pync_kwname(kwnames, 0));
    return -1;
}

/* ---- element access as the Python code does it ---- */

static inline pv zero(void) { return pv_from_small(0); }

/* self.get(elem, 0) */
static pv self_get(pv self, pv key) {
    if (pync_stdmod_overrides(pv_type(self), "get")) {
        pv args[2] = {key, zero()};
        pv name = pync_str_from_cstr("get");
        return name ? pync_call_method(self, name, args, 2, 0) : 0;
    }
    pv v = pync_dict_get(self, key);
    if (v || pync_current_exc) return v;
    return zero();
}

/* self[key] = value */
static int set_count(pv self, pv key, pv value) {
    if (exact(self)) return pync_dict_setitem(self, key, value);
    return pync_setitem(self, key, value);
}

/* c[key] for a Counter (0 when missing) or any mapping */
static pv get_count(pv c, pv key) {
    if (exact(c)) {
        pv v = pync_dict_get(c, key);
        if (v || pync_current_exc) return v;
        return zero();
    }
    return pync_getitem(c, key);
}

/* The (key, value) pairs of a mapping's items(), as a list (a dict's or Counter's read directly). */
static pv items_of(pv mapping) {
    if (pync_isinstance_type(mapping, &pync_dict_type) && !pync_stdmod_overrides(pv_type(mapping), "items")) {
        pync_dict *d = D(mapping);
        pv l = pync_list_new(0);
        if (!l) return 0;
        for (size_t i = 0; i < d->nentries; i++) {
            pync_dict_entry *e = &d->entries[i];
            if (!e->key) continue;
            pv pair = pync_tuple_pack(2, e->key, e->value);
            if (!pair || pync_list_append(l, pair) < 0) return 0;
        }
        return l;
    }
    pv name = pync_str_from_cstr("items");
    pv items = name ? pync_call_method(mapping, name, NULL, 0, 0) : 0;
    return items ? pync_list_from_iterable(items) : 0;
}

/* unpacks a pair from items_of */
static int pair_of(pv item, pv *k, pv *v) {
    pv *items;
    size_t n;
    pv keep = pync_sequence_fast(item, "cannot unpack non-iterable object", &items, &n);
    if (!keep) return -1;
    if (n != 2) {
        if (n < 2) pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected 2, got %zd)", (ptrdiff_t)n);
        else pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected 2)");
        return -1;
    }
    *k = items[0];
    *v = items[1];
    return 0;
}

/* ---- counting ---- */

/* _count_elements(self, iterable) */
static int count_elements(pv self, pv iterable) {
    pv it = pync_iter(iterable);
    if (!it) return -1;
    bool fast = !pync_stdmod_overrides(pv_type(self), "get") && !pync_stdmod_overrides(pv_type(self), "__setitem__");
    pv one = pv_from_small(1);
    for (;;) {
        pv key = pync_stdmod_next(it);
        if (!key) return pync_current_exc ? -1 : 0;
        if (fast) {
            int64_t hash;
            if (pync_hash(key, &hash) < 0) return -1;
            pync_dict *d = D(self);
            int64_t ix = pync_dict_lookup(d, key, hash);
            if (ix == -2) return -1;
            if (ix < 0) {
                if (pync_dict_insert(d, key, hash, one) < 0) return -1;
                continue;
            }
            pv old = d->entries[ix].value;
            if (pv_is_small(old) && pv_small(old) < PYNC_SMALL_MAX) {
                d->entries[ix].value = pv_from_small(pv_small(old) + 1);
                continue;
            }
            pv nv = pync_binary(old, one, PYNC_OP_ADD);
            if (!nv || pync_dict_insert(D(self), key, hash, nv) < 0) return -1;
        } else {
            pv old = self_get(self, key);
            pv nv = old ? pync_binary(old, one, PYNC_OP_ADD) : 0;
            if (!nv || pync_setitem(self, key, nv) < 0) return -1;
        }
    }
}

static int update_impl(pv self, pv iterable, pv *kwvalues, pv kwnames);

static pv kwargs_dict(pv *values, pv kwnames) {
    pv d = pync_dict_new();
    if (!d) return 0;
    for (size_t i = 0; i < pync_kwcount(kwnames); i++) {
        if (pync_dict_setitem(d, pync_kwname(kwnames, i), values[i]) < 0) return 0;
    }
    return d;
}

/* self.update(kwds) / self.subtract(kwds) through the method when a subclass overrides it */
static int call_self_method(pv self, const char *name, pv arg) {
    pv n = pync_str_from_cstr(name);
    return n && pync_call_method(self, n, &arg, 1, 0) ? 0 : -1;
}

static int update_impl(pv self, pv iterable, pv *kwvalues, pv kwnames) {
    if (iterable && iterable != pync_None) {
        if (pync_isinstance_type(iterable, &pync_dict_type)) {
            if (D(self)->used) {
                pv items = items_of(iterable);
                if (!items) return -1;
                for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
                    pv k, count;
                    if (pair_of(((pync_list *)items)->items[i], &k, &count) < 0) return -1;
                    pv old = self_get(self, k);
                    pv nv = old ? pync_binary(count, old, PYNC_OP_ADD) : 0;
                    if (!nv || set_count(self, k, nv) < 0) return -1;
                }
            } else if (pync_dict_update(self, iterable) < 0) {
                return -1;
            }
        } else if (count_elements(self, iterable) < 0) {
            return -1;
        }
    }
    if (pync_kwcount(kwnames)) {
        pv kw = kwargs_dict(kwvalues, kwnames);
        if (!kw) return -1;
        if (pync_stdmod_overrides(pv_type(self), "update")) return call_self_method(self, "update", kw);
        return update_impl(self, kw, NULL, 0);
    }
    return 0;
}

static int subtract_impl(pv self, pv iterable, pv *kwvalues, pv kwnames) {
    if (iterable && iterable != pync_None) {
        if (pync_isinstance_type(iterable, &pync_dict_type)) {
            pv items = items_of(iterable);
            if (!items) return -1;
            for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
                pv k, count;
                if (pair_of(((pync_list *)items)->items[i], &k, &count) < 0) return -1;
                pv old = self_get(self, k);
                pv nv = old ? pync_binary(old, count, PYNC_OP_SUB) : 0;
                if (!nv || set_count(self, k, nv) < 0) return -1;
            }
        } else {
            pv it = pync_iter(iterable);
            if (!it) return -1;
            for (;;) {
                pv k = pync_stdmod_next(it);
                if (!k) {
                    if (pync_current_exc) return -1;
                    break;
                }
                pv old = self_get(self, k);
                pv nv = old ? pync_binary(old, pv_from_small(1), PYNC_OP_SUB) : 0;
                if (!nv || set_count(self, k, nv) < 0) return -1;
            }
        }
    }
    if (pync_kwcount(kwnames)) {
        pv kw = kwargs_dict(kwvalues, kwnames);
        if (!kw) return -1;
        if (pync_stdmod_overrides(pv_type(self), "subtract")) return call_self_method(self, "subtract", kw);
        return subtract_impl(self, kw, NULL, 0);
    }
    return 0;
}

/* ---- construction ---- */

static pv counter_init(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs > 1) return arity_error("Counter.__init__", nargs, 0, 1);
    pv iterable = nargs ? args[0] : 0;
    if (pync_stdmod_overrides(pv_type(self), "update")) {
        pv name = pync_str_from_cstr("update");
        return name && pync_call_method(self, name, args, nargs, kwnames) ? pync_None : 0;
    }
    return update_impl(self, iterable, args + nargs, kwnames) < 0 ? 0 : pync_None;
}

static pv counter_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_stdmod_ready((pync_type *)type, "collections") < 0) return 0;
    pv self = pync_dict_new_of_type(type);
    if (!self) return 0;
    if ((nargs || pync_kwcount(kwnames)) && !counter_init(self, args, nargs, kwnames)) return 0;
    return self;
}

/* ---- methods ---- */

static pv m_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs > 1) return arity_error("Counter.update", nargs, 0, 1);
    return update_impl(self, nargs ? args[0] : 0, args + nargs, kwnames) < 0 ? 0 : pync_None;
}

static pv m_subtract(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs > 1) return arity_error("Counter.subtract", nargs, 0, 1);
    return subtract_impl(self, nargs ? args[0] : 0, args + nargs, kwnames) < 0 ? 0 : pync_None;
}

/* the items sorted by count, largest first, ties in insertion order */
static pv sorted_items(pv self) {
    pv items = items_of(self);
    if (!items) return 0;
    pv key = pync_itemgetter_new(pv_from_small(1));
    if (!key || pync_list_sort(items, key, true) < 0) return 0;
    return items;
}

/* most_common(n): heapq.nlargest(n, items, key=count) */
static pv most_common_impl(pv self, pv n) {
    if (!n || n == pync_None) return sorted_items(self);
    int one = pync_equal(n, pv_from_small(1));
    if (one < 0) return 0;
    pv size = pync_int_from_i64((int64_t)D(self)->used);
    if (!size) return 0;
    int ge = one ? 1 : pync_compare_bool(n, size, PYNC_GE);
    if (ge < 0) return 0;
    if (ge) {
        pv items = sorted_items(self);
        if (!items) return 0;
        if (one) return pync_list_from_array(((pync_list *)items)->items, ((pync_list *)items)->size ? 1 : 0);
        pv sl = pync_slice_new(0, n, 0);
        return sl ? pync_getitem(items, sl) : 0;
    }
    pv k = pync_number_index(n);
    if (!k) return 0;
    int64_t count;
    if (pync_index_clamped(k, &count) < 0) return 0;
    if (count <= 0) return pync_list_new(0);
    pv items = sorted_items(self);
    if (!items) return 0;
    return pync_list_from_array(((pync_list *)items)->items, (size_t)count);
}

static pv m_most_common(pv self, pv *args, size_t nargs, pv kwnames) {
    pv n = nargs ? args[0] : 0;
    for (size_t i = 0; i < pync_kwcount(kwnames); i++) {
        if (!pync_kwname_is(kwnames, i, "n")) {
            return pync_raise_fmt(&pync_TypeError_type, "Counter.most_common() got an unexpected keyword argument '%U'",
                                  pync_kwname(kwnames, i));
        }
        if (n) return pync_raise_fmt(&pync_TypeError_type, "Counter.most_common() got multiple values for argument 'n'");
        n = args[nargs + i];
    }
    if (nargs > 1) return arity_error("Counter.most_common", nargs, 0, 1);
    return most_common_impl(self, n);
}

static pv m_elements(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (no_kwargs_py("Counter.elements", kwnames) < 0) return 0;
    if (nargs) return arity_error("Counter.elements", nargs, 0, 0);
    pv name = pync_str_from_cstr("items");
    pv items = name ? pync_call_method(self, name, NULL, 0, 0) : 0;
    if (!items) return 0;
    pv sm = pync_itertools_starmap_new((pv)&pync_itertools_repeat_type, items);
    return sm ? pync_itertools_chain_from_iterable(sm) : 0;
}

static pv m_total(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (no_kwargs_py("Counter.total", kwnames) < 0) return 0;
    if (nargs) return arity_error("Counter.total", nargs, 0, 0);
    pv name = pync_str_from_cstr("values");
    pv values = name ? pync_call_method(self, name, NULL, 0, 0) : 0;
    return values ? pync_sum(values, 0) : 0;
}

static pv m_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (no_kwargs_py("Counter.copy", kwnames) < 0) return 0;
    if (nargs) return arity_error("Counter.copy", nargs, 0, 0);
    return pync_call1((pv)pv_type(self), self);
}

static pv m_missing(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    (void)args;
    static const char *const names[] = {"key"};
    if (nargs == 1 && pync_kwcount(kwnames) == 0) return zero();
    size_t nkw = pync_kwcount(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        if (!pync_kwname_is(kwnames, k, names[0])) {
            return pync_raise_fmt(&pync_TypeError_type, "Counter.__missing__() got an unexpected keyword argument '%U'",
                                  pync_kwname(kwnames, k));
        }
        if (nargs) return pync_raise_fmt(&pync_TypeError_type, "Counter.__missing__() got multiple values for argument 'key'");
    }
    if (nargs > 1) return arity_error("Counter.__missing__", nargs, 1, 1);
    if (nargs + nkw == 0) {
        return pync_raise_fmt(&pync_TypeError_type, "Counter.__missing__() missing 1 required positional argument: 'key'");
    }
    return zero();
}

static pv m_fromkeys(pv cls, pv *args, size_t nargs, pv kwnames) {
    (void)cls;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return pync_raise_fmt(&pync_NotImplementedError_type, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

/* deletes the items whose count is not > 0 */
static pv keep_positive(pv self) {
    pv items = items_of(self);
    if (!items) return 0;
    for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
        pv k, count;
        if (pair_of(((pync_list *)items)->items[i], &k, &count) < 0) return 0;
        int pos = pync_compare_bool(count, zero(), PYNC_GT);
        if (pos < 0) return 0;
        if (!pos && pync_setitem(self, k, 0) < 0) return 0;
    }
    return self;
}

static pv m_keep_positive(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (no_kwargs_py("Counter._keep_positive", kwnames) < 0) return 0;
    if (nargs) return arity_error("Counter._keep_positive", nargs, 0, 0);
    return keep_positive(self);
}

/* ---- slots ---- */

static pv counter_getitem(pv self, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return 0;
    int64_t ix = pync_dict_lookup(D(self), key, hash);
    if (ix == -2) return 0;
    if (ix >= 0) return D(self)->entries[ix].value;
    if (!exact(self) && pync_stdmod_overrides(pv_type(self), "__missing__")) {
        pv missing = pync_type_lookup_cstr(pv_type(self), "__missing__");
        return missing ? pync_call2(missing, self, key) : 0;
    }
    return zero();
}

/* del c[key] ignores missing keys */
static int counter_setitem(pv self, pv key, pv value) {
    if (value) return pync_dict_setitem(self, key, value);
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    int64_t ix = pync_dict_lookup(D(self), key, hash);
    if (ix == -2) return -1;
    if (ix >= 0) pync_dict_remove_at(D(self), ix, hash);
    return 0;
}

static pv counter_repr(pv self) {
    const char *name = pync_stdmod_type_name(pv_type(self));
    if (D(self)->used == 0) return pync_str_fmt("%s()", name);
    pv d = pync_dict_new();
    if (!d) return 0;
    pv items = sorted_items(self);
    if (items) {
        for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
            pv k, v;
            if (pair_of(((pync_list *)items)->items[i], &k, &v) < 0 || pync_dict_setitem(d, k, v) < 0) return 0;
        }
    } else {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) <= 0) return 0;
        pync_exc_clear();
        if (pync_dict_update(d, self) < 0) return 0;
    }
    return pync_str_fmt("%s(%R)", name, d);
}

/* all(self[e] OP other[e] for c in (self, other) for e in c) */
static int all_compare(pv self, pv other, pync_cmpop op) {
    pv sources[2] = {self, other};
    for (int s = 0; s < 2; s++) {
        pv it = pync_iter(sources[s]);
        if (!it) return -1;
        for (;;) {
            pv e = pync_stdmod_next(it);
            if (!e) {
                if (pync_current_exc) return -1;
                break;
            }
            pv a = get_count(self, e);
            pv b = a ? get_count(other, e) : 0;
            if (!b) return -1;
            int r = pync_compare_bool(a, b, op);
            if (r <= 0) return r;
        }
    }
    return 1;
}

static pv counter_richcompare(pv a, pv b, pync_cmpop op) {
    if (!is_counter(b)) return pync_NotImplemented;
    int r;
    switch (op) {
    case PYNC_EQ:
    case PYNC_NE:
        r = all_compare(a, b, PYNC_EQ);
        if (r < 0) return 0;
        return pync_bool(op == PYNC_EQ ? r : !r);
    case PYNC_LE:
    case PYNC_GE:
        r = all_compare(a, b, op);
        return r < 0 ? 0 : pync_bool(r);
    default: {
        r = all_compare(a, b, op == PYNC_LT ? PYNC_LE : PYNC_GE);
        if (r <= 0) return r < 0 ? 0 : pync_False;
        int eq = all_compare(a, b, PYNC_EQ);
        return eq < 0 ? 0 : pync_bool(!eq);
    }
    }
}

/* ---- the multiset operators ---- */

static pv new_counter(void) { return pync_dict_new_of_type(&pync_counter_type); }

/* result[elem] = value when value > 0 */
static int put_positive(pv result, pv elem, pv value) {
    int pos = pync_compare_bool(value, zero(), PYNC_GT);
    if (pos <= 0) return pos;
    return pync_dict_setitem(result, elem, value);
}

enum { OP_ADD, OP_SUB, OP_OR, OP_AND };

static pv multiset_op(pv self, pv other, int op) {
    if (!is_counter(self) || !is_counter(other)) return pync_NotImplemented;
    pv result = new_counter();
    pv items = result ? items_of(self) : 0;
    if (!items) return 0;
    for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
        pv elem, count;
        if (pair_of(((pync_list *)items)->items[i], &elem, &count) < 0) return 0;
        pv oc = get_count(other, elem);
        if (!oc) return 0;
        pv nc;
        if (op == OP_ADD) nc = pync_binary(count, oc, PYNC_OP_ADD);
        else if (op == OP_SUB) nc = pync_binary(count, oc, PYNC_OP_SUB);
        else {
            int lt = pync_compare_bool(count, oc, PYNC_LT);
            if (lt < 0) return 0;
            nc = op == OP_OR ? (lt ? oc : count) : (lt ? count : oc);
        }
        if (!nc || put_positive(result, elem, nc) < 0) return 0;
    }
    if (op == OP_AND) return result;
    items = items_of(other);
    if (!items) return 0;
    for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
        pv elem, count;
        if (pair_of(((pync_list *)items)->items[i], &elem, &count) < 0) return 0;
        int in = pync_dict_type.contains(self, elem);
        if (in < 0) return 0;
        if (in) continue;
        if (op == OP_SUB) {
            int neg = pync_compare_bool(count, zero(), PYNC_LT);
            if (neg < 0) return 0;
            if (neg) {
                pv nc = pync_binary(zero(), count, PYNC_OP_SUB);
                if (!nc || pync_dict_setitem(result, elem, nc) < 0) return 0;
            }
        } else if (put_positive(result, elem, count) < 0) {
            return 0;
        }
    }
    return result;
}

static pv counter_add(pv a, pv b) { return multiset_op(a, b, OP_ADD); }
static pv counter_sub(pv a, pv b) { return multiset_op(a, b, OP_SUB); }
static pv counter_or(pv a, pv b) { return multiset_op(a, b, OP_OR); }
static pv counter_and(pv a, pv b) { return multiset_op(a, b, OP_AND); }

static pv unary(pv self, bool neg) {
    pv result = new_counter();
    pv items = result ? items_of(self) : 0;
    if (!items) return 0;
    for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
        pv elem, count;
        if (pair_of(((pync_list *)items)->items[i], &elem, &count) < 0) return 0;
        int keep = pync_compare_bool(count, zero(), neg ? PYNC_LT : PYNC_GT);
        if (keep < 0) return 0;
        if (!keep) continue;
        pv v = neg ? pync_binary(zero(), count, PYNC_OP_SUB) : count;
        if (!v || pync_dict_setitem(result, elem, v) < 0) return 0;
    }
    return result;
}

static pv counter_pos(pv a) { return unary(a, false); }
static pv counter_neg(pv a) { return unary(a, true); }

static pv inplace_op(pv self, pv other, int op) {
    pv items = items_of(op == OP_AND ? self : other);
    if (!items) return 0;
    for (size_t i = 0; i < ((pync_list *)items)->size; i++) {
        pv elem, count;
        if (pair_of(((pync_list *)items)->items[i], &elem, &count) < 0) return 0;
        if (op == OP_ADD || op == OP_SUB) {
            pv old = pync_getitem(self, elem);
            pv nv = old ? pync_inplace(old, count, op == OP_ADD ? PYNC_OP_ADD : PYNC_OP_SUB) : 0;
            if (!nv || pync_setitem(self, elem, nv) < 0) return 0;
        } else if (op == OP_OR) {
            pv mine = pync_getitem(self, elem);
            int gt = mine ? pync_compare_bool(count, mine, PYNC_GT) : -1;
            if (gt < 0) return 0;
            if (gt && pync_setitem(self, elem, count) < 0) return 0;
        } else {
            pv theirs = pync_getitem(other, elem);
            int lt = theirs ? pync_compare_bool(theirs, count, PYNC_LT) : -1;
            if (lt < 0) return 0;
            if (lt && pync_setitem(self, elem, theirs) < 0) return 0;
        }
    }
    return keep_positive(self);
}

static pv counter_iadd(pv a, pv b) { return inplace_op(a, b, OP_ADD); }
static pv counter_isub(pv a, pv b) { return inplace_op(a, b, OP_SUB); }
static pv counter_ior(pv a, pv b) { return inplace_op(a, b, OP_OR); }
static pv counter_iand(pv a, pv b) { return inplace_op(a, b, OP_AND); }

static const pync_method_def counter_methods[] = {
    {"update", m_update, 0},
    {"subtract", m_subtract, 0},
    {"most_common", m_most_common, 0},
    {"elements", m_elements, 0},
    {"total", m_total, 0},
    {"copy", m_copy, 0},
    {"__missing__", m_missing, 0},
    {"fromkeys", m_fromkeys, PYNC_METH_CLASS},
    {"_keep_positive", m_keep_positive, 0},
    {NULL, NULL, 0},
};

pync_type pync_counter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "Counter",
    .base = &pync_dict_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_DICT_SUBCLASS,
    .basicsize = sizeof(pync_dict),
    .repr = counter_repr,
    .richcompare = counter_richcompare,
    .construct = counter_construct,
    .init = counter_init,
    .getitem = counter_getitem,
    .setitem = counter_setitem,
    .binop = {[PYNC_OP_ADD] = counter_add, [PYNC_OP_SUB] = counter_sub, [PYNC_OP_OR] = counter_or,
              [PYNC_OP_AND] = counter_and},
    .inplace = {[PYNC_OP_ADD] = counter_iadd, [PYNC_OP_SUB] = counter_isub, [PYNC_OP_OR] = counter_ior,
                [PYNC_OP_AND] = counter_iand},
    .unop = {[PYNC_OP_NEG] = counter_neg, [PYNC_OP_POS] = counter_pos},
    .methods = counter_methods,
};

int pync_collections_counter_ready(void) { return pync_stdmod_ready(&pync_counter_type, "collections"); }
