/* collections_dicts.c — collections.OrderedDict and collections.defaultdict: C subclasses of dict
 * (dict.h's compact table, so iteration order is the dict's entry order).
 *
 * OrderedDict adds move_to_end (last=True re-inserts the entry at the end; last=False rebuilds
 * the table with it first), popitem(last=), order-sensitive == between OrderedDicts, its repr
 * `OrderedDict([('a', 1)])`, the odict_keys/odict_values/odict_items views and its own iterator
 * ("OrderedDict mutated during iteration"), and MutableMapping.update's way of filling itself
 * (through __setitem__, which a subclass may override). defaultdict adds default_factory,
 * __missing__, copy and its repr `defaultdict(<class 'list'>, {...})`. */
#include "stdmods.h"
#include "dict.h"

static inline pync_dict *D(pv v) { return (pync_dict *)v; }
static inline bool is_od(pv v) { return pync_isinstance_type(v, &pync_ordereddict_type); }

/* dict's own method `name` called on self (dict.keys(self), dict.update(self, ...)) */
static pv dict_method(pv self, const char *name, pv *args, size_t nargs, pv kwnames) {
    pv key = pync_str_from_cstr(name);
    pv descr = key ? pync_dict_get(pync_dict_type.state[0]->dict, key) : 0;
    if (!descr) return pync_current_exc ? 0 : pync_bad_internal_call(name);
    size_t nkw = pync_kwcount(kwnames);
    pync_pvarray *buf = pync_pvarray_new(nargs + nkw + 1);
    if (!buf) return 0;
    buf->items[0] = self;
    for (size_t i = 0; i < nargs + nkw; i++) buf->items[i + 1] = args[i];
    return pync_call(descr, buf->items, nargs + 1, kwnames);
}

/* ==== MutableMapping.update ====================================================================== */

static int set_item(pv self, pv key, pv value) {
    if (pv_type(self) == &pync_ordereddict_type) return pync_dict_setitem(self, key, value);
    return pync_setitem(self, key, value);
}

/* one positional argument of update(): a dict, a mapping with keys(), or key/value pairs */
static int update_arg(pv self, pv arg) {
    if (pv_type(arg) == &pync_dict_type) {
        pync_dict *o = D(arg);
        for (size_t i = 0; i < o->nentries; i++) {
            pync_dict_entry e = o->entries[i];
            if (e.key && set_item(self, e.key, e.value) < 0) return -1;
        }
        return 0;
    }
    pv keys = pync_getattr_cstr(arg, "keys");
    if (keys) {
        pv ks = pync_call0(keys);
        pv it = ks ? pync_iter(ks) : 0;
        if (!it) return -1;
        for (;;) {
            pv k = pync_stdmod_next(it);
            if (!k) return pync_current_exc ? -1 : 0;
            pv v = pync_getitem(arg, k);
            if (!v || set_item(self, k, v) < 0) return -1;
        }
    }
    if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) <= 0) return -1;
    pync_exc_clear();
    pv it = pync_iter(arg);
    if (!it) return -1;
    for (;;) {
        pv pair = pync_stdmod_next(it);
        if (!pair) return pync_current_exc ? -1 : 0;
        pv pit = pync_iter(pair);
        if (!pit) return -1;
        pv key = pync_stdmod_next(pit);
        if (!key) {
            if (!pync_current_exc) pync_raise_fmt(&pync_ValueError_type, "need more than 0 values to unpack");
            return -1;
        }
        pv value = pync_stdmod_next(pit);
        if (!value) {
            if (!pync_current_exc) pync_raise_fmt(&pync_ValueError_type, "need more than 1 value to unpack");
            return -1;
        }
        pv extra = pync_stdmod_next(pit);
        if (extra || pync_current_exc) {
            if (extra) pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected 2)");
            return -1;
        }
        if (set_item(self, key, value) < 0) return -1;
    }
}

static int update_kwargs(pv self, pv *values, pv kwnames) {
    size_t nkw = pync_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (set_item(self, pync_kwname(kwnames, i), values[i]) < 0) return -1;
    }
    return 0;
}

/* ==== OrderedDict ================================================================================ */

static pv od_init(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs > 1) return pync_raise_fmt(&pync_TypeError_type, "expected at most 1 arguments, got %zd", (ptrdiff_t)nargs);
    if (nargs == 1 && update_arg(self, args[0]) < 0) return 0;
    if (update_kwargs(self, args + nargs, kwnames) < 0) return 0;
    return pync_None;
}

static pv od_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_stdmod_ready((pync_type *)type, "collections") < 0) return 0;
    pv self = pync_dict_new_of_type(type);
    if (!self) return 0;
    if ((nargs || pync_kwcount(kwnames)) && !od_init(self, args, nargs, kwnames)) return 0;
    return self;
}

static pv od_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs > 1) {
        return pync_raise_fmt(&pync_TypeError_type, "update() takes at most 1 positional argument (%zd given)", (ptrdiff_t)nargs);
    }
    if (nargs == 1 && update_arg(self, args[0]) < 0) return 0;
    if (update_kwargs(self, args + nargs, kwnames) < 0) return 0;
    return pync_None;
}

static pv od_repr(pv self) {
    const char *name = pync_stdmod_type_name(pv_type(self));
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("...") : 0;
    pv result = 0;
    pync_dict *d = D(self);
    if (d->used == 0) {
        result = pync_str_fmt("%s()", name);
    } else {
        pv items = pync_list_new(0);
        if (!items) goto done;
        for (size_t i = 0; i < D(self)->nentries; i++) {
            pync_dict_entry *e = &D(self)->entries[i];
            if (!e->key) continue;
            pv pair = pync_tuple_pack(2, e->key, e->value);
            if (!pair || pync_list_append(items, pair) < 0) goto done;
        }
        result = pync_str_fmt("%s(%R)", name, items);
    }
done:
    pync_repr_leave(self);
    return result;
}

/* the keys of two OrderedDicts in the same order (1, 0, -1) */
static int keys_in_same_order(pv a, pv b) {
    size_t i = 0, j = 0;
    for (;;) {
        pync_dict *x = D(a), *y = D(b);
        while (i < x->nentries && !x->entries[i].key) i++;
        while (j < y->nentries && !y->entries[j].key) j++;
        if (i >= x->nentries || j >= y->nentries) return i >= x->nentries && j >= y->nentries;
        pv ka = x->entries[i].key, kb = y->entries[j].key;
        if (ka != kb) {
            int eq = pync_equal(ka, kb);
            if (eq <= 0) return eq;
        }
        i++;
        j++;
    }
}

static pv od_richcompare(pv a, pv b, pync_cmpop op) {
    if ((op == PYNC_EQ || op == PYNC_NE) && is_od(a) && is_od(b)) {
        pv r = pync_dict_richcompare(a, b, PYNC_EQ);
        if (!r || r == pync_NotImplemented) return r;
        int eq = r == pync_True;
        if (eq) {
            eq = keys_in_same_order(a, b);
            if (eq < 0) return 0;
        }
        return pync_bool(op == PYNC_EQ ? eq : !eq);
    }
    return pync_dict_richcompare(a, b, op);
}

/* KeyError as CPython's OrderedDict raises it (PyErr_SetObject(KeyError, key)): a tuple key
   becomes the exception's arguments, None gives no arguments */
static pv od_key_error(pv key) {
    if (key == pync_None) return pync_raise((pv)&pync_KeyError_type);
    if (pv_type(key) == &pync_tuple_type) {
        pv exc = pync_call_ex((pv)&pync_KeyError_type, key, 0);
        return exc ? pync_raise(exc) : 0;
    }
    return pync_raise_key_error(key);
}

/* the entry index of key, or -2 with KeyError raised / on error */
static int64_t find_entry(pv self, pv key, int64_t *hash) {
    if (pync_hash(key, hash) < 0) return -2;
    int64_t ix = pync_dict_lookup(D(self), key, *hash);
    if (ix == -1) {
        od_key_error(key);
        return -2;
    }
    return ix;
}

/* pop(key, default=<unset>) */
static pv od_pop(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"key", "default", NULL};
    pv a[2];
    if (pync_stdmod_parse("pop", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    pv key = a[0];
    if (pv_type(self) == &pync_ordereddict_type) {
        int64_t hash;
        if (pync_hash(key, &hash) < 0) return 0;
        int64_t ix = pync_dict_lookup(D(self), key, hash);
        if (ix == -2) return 0;
        if (ix >= 0) {
            pv value = D(self)->entries[ix].value;
            pync_dict_remove_at(D(self), ix, hash);
            return value;
        }
    } else {
        int in = pync_contains(self, key);
        if (in < 0) return 0;
        if (in) {
            pv value = pync_getitem(self, key);
            if (!value || pync_setitem(self, key, 0) < 0) return 0;
            return value;
        }
    }
    return a[1] ? a[1] : od_key_error(key);
}

/* fromkeys(iterable, value=None), a class method */
static pv od_fromkeys(pv cls, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"iterable", "value", NULL};
    pv a[2];
    if (pync_stdmod_parse("fromkeys", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    pv value = a[1] ? a[1] : pync_None;
    pv self = pync_call0(cls);
    pv it = self ? pync_iter(a[0]) : 0;
    if (!it) return 0;
    for (;;) {
        pv key = pync_stdmod_next(it);
        if (!key) return pync_current_exc ? 0 : self;
        if (set_item(self, key, value) < 0) return 0;
    }
}

/* setdefault(key, default=None) */
static pv od_setdefault(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"key", "default", NULL};
    pv a[2];
    if (pync_stdmod_parse("setdefault", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    pv dflt = a[1] ? a[1] : pync_None;
    if (pv_type(self) == &pync_ordereddict_type) {
        pv v = pync_dict_get(self, a[0]);
        if (v || pync_current_exc) return v;
        return pync_dict_setitem(self, a[0], dflt) < 0 ? 0 : dflt;
    }
    int in = pync_contains(self, a[0]);
    if (in < 0) return 0;
    if (in) return pync_getitem(self, a[0]);
    return pync_setitem(self, a[0], dflt) < 0 ? 0 : dflt;
}

/* The OrderedDict's struct: a dict and where its first live entry is known to be at or after
   (entries before it are deleted), valid while the table is the same storage. FIFO use
   (popitem(last=False)) then does not rescan the deleted prefix. */
typedef struct odictobject {
    pync_dict dict;
    size_t first_hint;
    pync_rawbuf *hint_storage;
} odictobject;

static inline odictobject *ODICT(pv v) { return (odictobject *)v; }

static void od_trace(pync_object *o) {
    pync_dict_type.trace(o);
    pync_gc_visit_obj(((odictobject *)o)->hint_storage);
}

static int64_t od_first_live(pv self) {
    pync_dict *d = D(self);
    odictobject *od = ODICT(self);
    size_t i = od->hint_storage == d->storage ? od->first_hint : 0;
    for (; i < d->nentries; i++) {
        if (d->entries[i].key) break;
    }
    od->first_hint = i;
    od->hint_storage = d->storage;
    return i < d->nentries ? (int64_t)i : -1;
}

static int64_t last_live(pync_dict *d) {
    for (size_t i = d->nentries; i-- > 0;) {
        if (d->entries[i].key) return (int64_t)i;
    }
    return -1;
}

/* moves entry ix to the front in place: entries [0, ix) shift up by one, and the index slots
   follow them (no allocation; O(ix + table size)) */
static void move_to_front(pv self, int64_t ix) {
    pync_dict *d = D(self);
    pync_dict_entry e = d->entries[ix];
    for (int64_t i = ix; i > 0; i--) d->entries[i] = d->entries[i - 1];
    d->entries[0] = e;
    for (size_t i = 0; i <= d->mask; i++) {
        int32_t v = d->indices[i];
        if (v < 0) continue;
        if (v < ix) d->indices[i] = v + 1;
        else if (v == ix) d->indices[i] = 0;
    }
    d->version++;
    ODICT(self)->first_hint = 0;
}

static pv od_move_to_end(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"key", "last", NULL};
    pv a[2];
    if (pync_stdmod_parse("move_to_end", args, nargs, kwnames, names, 2, 1, a) < 0) return 0;
    int last = 1;
    if (a[1] && (last = pync_truth(a[1])) < 0) return 0;
    int64_t hash;
    int64_t ix = find_entry(self, a[0], &hash);
    if (ix < 0) return 0;
    pync_dict *d = D(self);
    if (last) {
        if (ix == last_live(d)) return pync_None;
        pync_dict_entry e = d->entries[ix];
        pync_dict_remove_at(d, ix, hash);
        if (pync_dict_insert(d, e.key, e.hash, e.value) < 0) return 0;
        return pync_None;
    }
    if (ix == od_first_live(self)) return pync_None;
    move_to_front(self, ix);
    return pync_None;
}

static pv od_popitem(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"last", NULL};
    pv a[1];
    if (pync_stdmod_parse("popitem", args, nargs, kwnames, names, 1, 0, a) < 0) return 0;
    int last = 1;
    if (a[0] && (last = pync_truth(a[0])) < 0) return 0;
    pync_dict *d = D(self);
    if (d->used == 0) return pync_raise_fmt(&pync_KeyError_type, "dictionary is empty");
    int64_t ix = last ? last_live(d) : od_first_live(self);
    pync_dict_entry e = d->entries[ix];
    pv res = pync_tuple_pack(2, e.key, e.value);
    if (!res) return 0;
    pync_dict_remove_at(d, ix, e.hash);
    return res;
}

static pv od_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("OrderedDict.copy", nargs, kwnames) < 0) return 0;
    bool exact = pv_type(self) == &pync_ordereddict_type;
    pv r = exact ? pync_dict_new_of_type(&pync_ordereddict_type) : pync_call0((pv)pv_type(self));
    if (!r) return 0;
    for (size_t i = 0; i < D(self)->nentries; i++) {
        pync_dict_entry e = D(self)->entries[i];
        if (!e.key) continue;
        if ((exact ? pync_dict_insert(D(r), e.key, e.hash, e.value) : pync_setitem(r, e.key, e.value)) < 0) return 0;
    }
    return r;
}

/* od | other, other | od (the OrderedDict's type makes the result) */
static pv od_or(pv left, pv right) {
    const pync_type *type;
    pv other;
    if (is_od(left)) {
        type = pv_type(left);
        other = right;
    } else {
        type = pv_type(right);
        other = left;
    }
    if (!pync_isinstance_type(other, &pync_dict_type)) return pync_NotImplemented;
    pv r = pync_call1((pv)type, left);
    if (!r || update_arg(r, right) < 0) return 0;
    return r;
}

static pv od_ior(pv self, pv other) { return update_arg(self, other) < 0 ? 0 : self; }

/* ---- the iterator ---- */

enum { K_KEYS, K_VALUES, K_ITEMS };

typedef struct odictiterobject {
    pync_object ob;
    pv od;                   /* 0 when exhausted */
    uint64_t version;
    int64_t size;            /* -1 after a size change (sticky) */
    int64_t pos;
    int kind;
    bool reverse;
} odictiterobject;

static pync_type odictiter_type;

static void odictiter_trace(pync_object *o) { pync_gc_visit(((odictiterobject *)o)->od); }
static pv self_iter(pv self) { return self; }

static pv odictiter_new(pv od, int kind, bool reverse) {
    if (pync_stdmod_ready(&odictiter_type, "builtins") < 0) return 0;
    odictiterobject *it = pync_gc_alloc(sizeof(odictiterobject), &odictiter_type);
    if (!it) return 0;
    pync_dict *d = D(od);
    it->od = od;
    it->version = d->version;
    it->size = (int64_t)d->used;
    it->pos = reverse ? (int64_t)d->nentries - 1 : 0;
    it->kind = kind;
    it->reverse = reverse;
    return (pv)it;
}

static pv odictiter_next(pv self) {
    odictiterobject *it = (odictiterobject *)self;
    if (!it->od) return 0;
    pync_dict *d = D(it->od);
    if (d->version != it->version) {
        it->od = 0;
        return pync_raise_fmt(&pync_RuntimeError_type, "OrderedDict mutated during iteration");
    }
    if (it->size != (int64_t)d->used) {
        it->size = -1;
        return pync_raise_fmt(&pync_RuntimeError_type, "OrderedDict changed size during iteration");
    }
    int64_t i = it->pos, n = (int64_t)d->nentries;
    if (it->reverse) {
        while (i >= 0 && !d->entries[i].key) i--;
        if (i < 0) goto done;
        it->pos = i - 1;
    } else {
        while (i < n && !d->entries[i].key) i++;
        if (i >= n) goto done;
        it->pos = i + 1;
    }
    pync_dict_entry *e = &d->entries[i];
    if (it->kind == K_KEYS) return e->key;
    if (it->kind == K_VALUES) return e->value;
    return pync_tuple_pack(2, e->key, e->value);
done:
    it->od = 0;
    return 0;
}

static pync_type odictiter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "odict_iterator", .base = &pync_object_type,
    .basicsize = sizeof(odictiterobject), .trace = odictiter_trace, .iter = self_iter, .next = odictiter_next,
};

static pv od_iter(pv self) { return odictiter_new(self, K_KEYS, false); }

static pv od_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("OrderedDict.__reversed__", nargs, kwnames) < 0) return 0;
    return odictiter_new(self, K_KEYS, true);
}

/* ---- the views: dict views under other names, iterating with the OrderedDict's iterator ---- */

typedef struct odictviewobject {
    pync_object ob;
    pv od;
    pv view;                 /* the dict view of the same dict */
} odictviewobject;

static pync_type odict_keys_type, odict_values_type, odict_items_type;

static void odictview_trace(pync_object *o) {
    odictviewobject *v = (odictviewobject *)o;
    pync_gc_visit(v->od);
    pync_gc_visit(v->view);
}

static bool is_odview(pv v) {
    const pync_type *t = pv_type(v);
    return t == &odict_keys_type || t == &odict_values_type || t == &odict_items_type;
}
static pv unwrap(pv v) { return is_odview(v) ? ((odictviewobject *)v)->view : v; }

static pv odictview_new(pv od, pync_type *type, const char *method) {
    if (pync_stdmod_ready(type, "builtins") < 0) return 0;
    pv view = dict_method(od, method, NULL, 0, 0);
    if (!view) return 0;
    odictviewobject *v = pync_gc_alloc(sizeof(odictviewobject), type);
    if (!v) return 0;
    v->od = od;
    v->view = view;
    return (pv)v;
}

static int odview_kind(pv self) {
    const pync_type *t = pv_type(self);
    return t == &odict_keys_type ? K_KEYS : t == &odict_values_type ? K_VALUES : K_ITEMS;
}

static pv odictview_iter(pv self) { return odictiter_new(((odictviewobject *)self)->od, odview_kind(self), false); }
static int64_t odictview_len(pv self) { return pync_len(((odictviewobject *)self)->view); }
static int odictview_contains(pv self, pv item) { return pync_contains(((odictviewobject *)self)->view, item); }

static pv odictview_repr(pv self) {
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("...") : 0;
    pv result = 0;
    pv seq = pync_list_from_iterable(self);
    if (seq) result = pync_str_fmt("%s(%R)", pv_type(self)->name, seq);
    pync_repr_leave(self);
    return result;
}

static pv odictview_richcompare(pv a, pv b, pync_cmpop op) {
    pv va = unwrap(a);
    pv (*f)(pv, pv, pync_cmpop) = pv_type(va)->richcompare;
    return f ? f(va, unwrap(b), op) : pync_NotImplemented;
}

static pv odictview_binop(pv a, pv b, pync_binop op) {
    pv va = unwrap(a), vb = unwrap(b);
    pv (*f)(pv, pv) = is_odview(a) ? pv_type(va)->binop[op] : pv_type(vb)->binop[op];
    return f ? f(va, vb) : pync_NotImplemented;
}
static pv odictview_sub(pv a, pv b) { return odictview_binop(a, b, PYNC_OP_SUB); }
static pv odictview_and(pv a, pv b) { return odictview_binop(a, b, PYNC_OP_AND); }
static pv odictview_xor(pv a, pv b) { return odictview_binop(a, b, PYNC_OP_XOR); }
static pv odictview_or(pv a, pv b) { return odictview_binop(a, b, PYNC_OP_OR); }

static pv odictview_isdisjoint(pv self, pv *args, size_t nargs, pv kwnames) {
    pv name = pync_str_from_cstr("isdisjoint");
    if (!name) return 0;
    pv other = nargs == 1 && !pync_kwcount(kwnames) ? unwrap(args[0]) : 0;
    if (other) args = &other;
    return pync_call_method(((odictviewobject *)self)->view, name, args, nargs, kwnames);
}

static pv odictview_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__reversed__", nargs, kwnames) < 0) return 0;
    return odictiter_new(((odictviewobject *)self)->od, odview_kind(self), true);
}

static const pync_method_def odictsetview_methods[] = {
    {"isdisjoint", odictview_isdisjoint, 0},
    {"__reversed__", odictview_reversed, 0},
    {NULL, NULL, 0},
};
static const pync_method_def odictvalues_methods[] = {
    {"__reversed__", odictview_reversed, 0},
    {NULL, NULL, 0},
};

#define ODVIEW_SETOPS                                                                               \
    .richcompare = odictview_richcompare,                                                           \
    .binop = {[PYNC_OP_SUB] = odictview_sub, [PYNC_OP_AND] = odictview_and, [PYNC_OP_XOR] = odictview_xor, \
              [PYNC_OP_OR] = odictview_or},                                                         \
    .methods = odictsetview_methods

static pync_type odict_keys_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "odict_keys", .base = &pync_object_type, .basicsize = sizeof(odictviewobject),
    .trace = odictview_trace, .repr = odictview_repr, .iter = odictview_iter, .len = odictview_len,
    .contains = odictview_contains, ODVIEW_SETOPS,
};
static pync_type odict_items_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "odict_items", .base = &pync_object_type, .basicsize = sizeof(odictviewobject),
    .trace = odictview_trace, .repr = odictview_repr, .iter = odictview_iter, .len = odictview_len,
    .contains = odictview_contains, ODVIEW_SETOPS,
};
static pync_type odict_values_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "odict_values", .base = &pync_object_type, .basicsize = sizeof(odictviewobject),
    .trace = odictview_trace, .repr = odictview_repr, .iter = odictview_iter, .len = odictview_len,
    .methods = odictvalues_methods,
};

static pv od_keys(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("OrderedDict.keys", nargs, kwnames) < 0) return 0;
    return odictview_new(self, &odict_keys_type, "keys");
}
static pv od_values(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("OrderedDict.values", nargs, kwnames) < 0) return 0;
    return odictview_new(self, &odict_values_type, "values");
}
static pv od_items(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("OrderedDict.items", nargs, kwnames) < 0) return 0;
    return odictview_new(self, &odict_items_type, "items");
}

static const pync_method_def od_methods[] = {
    {"move_to_end", od_move_to_end, 0},
    {"popitem", od_popitem, 0},
    {"copy", od_copy, 0},
    {"__copy__", od_copy, 0},
    {"update", od_update, 0},
    {"pop", od_pop, 0},
    {"fromkeys", od_fromkeys, PYNC_METH_CLASS},
    {"setdefault", od_setdefault, 0},
    {"keys", od_keys, 0},
    {"values", od_values, 0},
    {"items", od_items, 0},
    {"__reversed__", od_reversed, 0},
    {NULL, NULL, 0},
};

pync_type pync_ordereddict_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "collections.OrderedDict",
    .base = &pync_dict_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_DICT_SUBCLASS,
    .basicsize = sizeof(odictobject),
    .trace = od_trace,
    .repr = od_repr,
    .richcompare = od_richcompare,
    .construct = od_construct,
    .init = od_init,
    .iter = od_iter,
    .binop = {[PYNC_OP_OR] = od_or},
    .inplace = {[PYNC_OP_OR] = od_ior},
    .methods = od_methods,
};

/* ==== defaultdict ================================================================================= */

typedef struct defdictobject {
    pync_dict dict;
    pv default_factory;      /* 0: None */
} defdictobject;

static inline defdictobject *DD(pv v) { return (defdictobject *)v; }
static inline bool is_dd(pv v) { return pync_isinstance_type(v, &pync_defaultdict_type); }

static void defdict_trace(pync_object *o) {
    pync_dict_type.trace(o);
    pync_gc_visit(((defdictobject *)o)->default_factory);
}

static pv defdict_missing_impl(pv self, pv key) {
    pv factory = DD(self)->default_factory;
    if (!factory) return pync_raise_key_error(key);
    pv value = pync_call0(factory);
    if (!value) return 0;
    if (pync_setitem(self, key, value) < 0) return 0;
    return value;
}

static pv defdict_getitem(pv self, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return 0;
    int64_t ix = pync_dict_lookup(D(self), key, hash);
    if (ix == -2) return 0;
    if (ix >= 0) return D(self)->entries[ix].value;
    if (pync_stdmod_overrides(pv_type(self), "__missing__")) {
        pv missing = pync_type_lookup_cstr(pv_type(self), "__missing__");
        if (!missing) return 0;
        return pync_call2(missing, self, key);
    }
    return defdict_missing_impl(self, key);
}

static pv defdict_missing(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("defaultdict.__missing__", nargs, kwnames) < 0) return 0;
    return defdict_missing_impl(self, args[0]);
}

/* defaultdict(default_factory=None, /, *args, **kwargs) */
static pv defdict_init(pv self, pv *args, size_t nargs, pv kwnames) {
    pv factory = 0;
    if (nargs > 0) {
        factory = args[0];
        if (factory != pync_None && !pv_type(factory)->call) {
            return pync_raise_fmt(&pync_TypeError_type, "first argument must be callable or None");
        }
        args++;
        nargs--;
    }
    DD(self)->default_factory = factory == pync_None ? 0 : factory;
    if (nargs > 1) return pync_raise_fmt(&pync_TypeError_type, "dict expected at most 1 argument, got %zd", (ptrdiff_t)nargs);
    if (nargs || pync_kwcount(kwnames)) return dict_method(self, "update", args, nargs, kwnames) ? pync_None : 0;
    return pync_None;
}

static pv defdict_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_stdmod_ready((pync_type *)type, "collections") < 0) return 0;
    pv self = pync_dict_new_of_type(type);
    if (!self) return 0;
    if ((nargs || pync_kwcount(kwnames)) && !defdict_init(self, args, nargs, kwnames)) return 0;
    return self;
}

static pv factory_or_none(pv self) {
    pv f = DD(self)->default_factory;
    return f ? f : pync_None;
}

/* type(dd)(dd.default_factory, source) */
static pv new_like(pv dd, pv source) {
    pv args[2] = {factory_or_none(dd), source};
    return pync_call((pv)pv_type(dd), args, 2, 0);
}

static pv defdict_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("defaultdict.copy", nargs, kwnames) < 0) return 0;
    return new_like(self, self);
}

static pv defdict_repr(pv self) {
    pv factory = DD(self)->default_factory;
    pv defrepr;
    if (!factory) {
        defrepr = pync_str_from_cstr("None");
    } else {
        int rc = pync_repr_enter(factory);
        if (rc < 0) return 0;
        defrepr = rc > 0 ? pync_str_from_cstr("...") : pync_repr(factory);
        if (rc == 0) pync_repr_leave(factory);
    }
    if (!defrepr) return 0;
    pv base = pync_dict_repr(self);
    if (!base) return 0;
    return pync_str_fmt("%s(%U, %U)", pync_stdmod_type_name(pv_type(self)), defrepr, base);
}

static pv defdict_or(pv self, pv other) {
    pv left = self, rest = other;
    if (!is_dd(self)) {
        left = other;
        rest = self;
    }
    if (!pync_isinstance_type(rest, &pync_dict_type)) return pync_NotImplemented;
    pv r = new_like(left, self);
    if (!r || pync_dict_update(r, other) < 0) return 0;
    return r;
}

static pv defdict_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "default_factory")) return factory_or_none(self);
    return pync_generic_getattr(self, name);
}

static int defdict_setattr(pv self, pv name, pv value) {
    if (pync_str_eq_cstr(name, "default_factory")) {
        DD(self)->default_factory = value == pync_None ? 0 : value;
        return 0;
    }
    return pync_generic_setattr(self, name, value);
}

static const pync_method_def defdict_methods[] = {
    {"__missing__", defdict_missing, 0},
    {"copy", defdict_copy, 0},
    {"__copy__", defdict_copy, 0},
    {NULL, NULL, 0},
};

pync_type pync_defaultdict_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "collections.defaultdict",
    .base = &pync_dict_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_DICT_SUBCLASS,
    .basicsize = sizeof(defdictobject),
    .trace = defdict_trace,
    .repr = defdict_repr,
    .getattr = defdict_getattr,
    .setattr = defdict_setattr,
    .construct = defdict_construct,
    .init = defdict_init,
    .getitem = defdict_getitem,
    .binop = {[PYNC_OP_OR] = defdict_or},
    .methods = defdict_methods,
};

int pync_collections_dicts_ready(void) {
    if (pync_stdmod_ready(&pync_ordereddict_type, "collections") < 0) return -1;
    if (pync_stdmod_ready(&pync_defaultdict_type, "collections") < 0) return -1;
    pync_type *views[] = {&odictiter_type, &odict_keys_type, &odict_values_type, &odict_items_type};
    for (size_t i = 0; i < 4; i++) {
        if (pync_stdmod_ready(views[i], "builtins") < 0) return -1;
    }
    return 0;
}
