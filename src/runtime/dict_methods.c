/* dict_methods.c — everything about dict beyond its table (dict.c): the methods, the views
 * dict_keys / dict_values / dict_items with their set operations, the forward and reverse
 * iterators ("dictionary changed size during iteration"), repr, ==, | and |=, and dict(...).
 *
 * Iteration walks the dense entry array of dict.h in insertion order, as CPython's dictiter
 * does: a position in the entries, the size seen at the start, and the count still expected
 * ("dictionary keys changed during iteration" when more turn up). */
#include "containers.h"
#include "dict.h"

static inline pync_dict *D(pv v) { return (pync_dict *)v; }

/* ==== iterators ================================================================================ */

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

typedef struct dictiterobject {
    pync_object ob;
    pv dict;                 /* 0 when exhausted */
    int64_t di_used;         /* the size when iteration started; -1 after an error (sticky) */
    int64_t di_pos;
    int64_t len;             /* items still expected */
} dictiterobject;

static void dictiter_trace(pync_object *o) { pync_gc_visit(((dictiterobject *)o)->dict); }
static pv self_iter(pv self) { return self; }

static pv iter_result(int kind, pync_dict_entry *e) {
    if (kind == IT_KEYS) return e->key;
    if (kind == IT_VALUES) return e->value;
    return pync_tuple_pack(2, e->key, e->value);
}

static pv dictiter_next_kind(pv self, int kind) {
    dictiterobject *di = (dictiterobject *)self;
    if (!di->dict) return 0;
    pync_dict *d = D(di->dict);
    if (di->di_used != (int64_t)d->used) {
        di->di_used = -1;
        return pync_raise_fmt(&pync_RuntimeError_type, "dictionary changed size during iteration");
    }
    int64_t i = di->di_pos, n = (int64_t)d->nentries;
    while (i < n && !d->entries[i].key) i++;
    if (i >= n) goto fail;
    if (di->len == 0) {
        pync_raise_fmt(&pync_RuntimeError_type, "dictionary keys changed during iteration");
        goto fail;
    }
    di->di_pos = i + 1;
    di->len--;
    return iter_result(kind, &d->entries[i]);
fail:
    di->dict = 0;
    return 0;
}

static pv dictrev_next_kind(pv self, int kind) {
    dictiterobject *di = (dictiterobject *)self;
    if (!di->dict) return 0;
    pync_dict *d = D(di->dict);
    if (di->di_used != (int64_t)d->used) {
        di->di_used = -1;
        return pync_raise_fmt(&pync_RuntimeError_type, "dictionary changed size during iteration");
    }
    int64_t i = di->di_pos;
    if (i >= (int64_t)d->nentries) i = (int64_t)d->nentries - 1;
    if (i < 0) goto fail;
    while (!d->entries[i].key) {
        if (--i < 0) goto fail;
    }
    di->di_pos = i - 1;
    di->len--;
    return iter_result(kind, &d->entries[i]);
fail:
    di->dict = 0;
    di->len = 0;
    return 0;
}

static pv dictiter_keys_next(pv self) { return dictiter_next_kind(self, IT_KEYS); }
static pv dictiter_values_next(pv self) { return dictiter_next_kind(self, IT_VALUES); }
static pv dictiter_items_next(pv self) { return dictiter_next_kind(self, IT_ITEMS); }
static pv dictrev_keys_next(pv self) { return dictrev_next_kind(self, IT_KEYS); }
static pv dictrev_values_next(pv self) { return dictrev_next_kind(self, IT_VALUES); }
static pv dictrev_items_next(pv self) { return dictrev_next_kind(self, IT_ITEMS); }

static pv dictiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    dictiterobject *di = (dictiterobject *)self;
    int64_t len = 0;
    if (di->dict && di->di_used == (int64_t)D(di->dict)->used) len = di->len;
    return pync_int_from_i64(len);
}

PYNC_METHOD(dictiter, __length_hint__, dictiter_length_hint, 0);

#define DICTITER_TYPE(var, tname, nextfn)                                                          \
    const pync_type var = {                                                                              \
        .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = tname, .base = &pync_object_type,                         \
        .basicsize = sizeof(dictiterobject), .trace = dictiter_trace, .iter = self_iter,           \
        .next = nextfn, .method_list = pync_methods__dictiter,                                               \
    }

DICTITER_TYPE(pync_dict_keyiterator_type, "dict_keyiterator", dictiter_keys_next);
DICTITER_TYPE(pync_dict_valueiterator_type, "dict_valueiterator", dictiter_values_next);
DICTITER_TYPE(pync_dict_itemiterator_type, "dict_itemiterator", dictiter_items_next);
DICTITER_TYPE(pync_dict_reversekeyiterator_type, "dict_reversekeyiterator", dictrev_keys_next);
DICTITER_TYPE(pync_dict_reversevalueiterator_type, "dict_reversevalueiterator", dictrev_values_next);
DICTITER_TYPE(pync_dict_reverseitemiterator_type, "dict_reverseitemiterator", dictrev_items_next);

static pv dictiter_new(pv dict, const pync_type *type, bool reverse) {
    if (pync_ready(type) < 0) return 0;
    dictiterobject *di = pync_gc_alloc(sizeof(dictiterobject), type);
    if (!di) return 0;
    pync_dict *d = D(dict);
    di->dict = dict;
    di->di_used = (int64_t)d->used;
    di->len = (int64_t)d->used;
    di->di_pos = reverse ? (int64_t)d->nentries - 1 : 0;
    return (pv)di;
}

pv pync_dict_iter(pv d) { return dictiter_new(d, &pync_dict_keyiterator_type, false); }

/* ==== views ==================================================================================== */

typedef struct dictviewobject {
    pync_object ob;
    pv dict;
} dictviewobject;

extern const pync_type pync_dict_keys_type, pync_dict_values_type, pync_dict_items_type;

static void dictview_trace(pync_object *o) { pync_gc_visit(((dictviewobject *)o)->dict); }

static pv dictview_new(pv dict, const pync_type *type) {
    if (pync_ready(type) < 0) return 0;
    dictviewobject *dv = pync_gc_alloc(sizeof(dictviewobject), type);
    if (!dv) return 0;
    dv->dict = dict;
    return (pv)dv;
}

static inline pv view_dict(pv v) { return ((dictviewobject *)v)->dict; }
static int64_t dictview_len(pv self) { return (int64_t)D(view_dict(self))->used; }

static bool is_keys(pv v) { return pv_type(v) == &pync_dict_keys_type; }
static bool is_items(pv v) { return pv_type(v) == &pync_dict_items_type; }
static bool is_viewset(pv v) { return is_keys(v) || is_items(v); }

static pv dictkeys_iter(pv self) { return dictiter_new(view_dict(self), &pync_dict_keyiterator_type, false); }
static pv dictvalues_iter(pv self) { return dictiter_new(view_dict(self), &pync_dict_valueiterator_type, false); }
static pv dictitems_iter(pv self) { return dictiter_new(view_dict(self), &pync_dict_itemiterator_type, false); }

static pv dictkeys_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict_keys.__reversed__", nargs, kwnames) < 0) return 0;
    return dictiter_new(view_dict(self), &pync_dict_reversekeyiterator_type, true);
}
static pv dictvalues_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict_values.__reversed__", nargs, kwnames) < 0) return 0;
    return dictiter_new(view_dict(self), &pync_dict_reversevalueiterator_type, true);
}
static pv dictitems_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict_items.__reversed__", nargs, kwnames) < 0) return 0;
    return dictiter_new(view_dict(self), &pync_dict_reverseitemiterator_type, true);
}

static int dict_contains_key(pv dict, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    int64_t ix = pync_dict_lookup(D(dict), key, hash);
    return ix == -2 ? -1 : ix >= 0;
}

static int dictkeys_contains(pv self, pv key) { return dict_contains_key(view_dict(self), key); }

static int dictitems_contains(pv self, pv obj) {
    if (!pync_isinstance_type(obj, &pync_tuple_type) || ((pync_tuple *)obj)->size != 2) return 0;
    pv key = ((pync_tuple *)obj)->items[0], value = ((pync_tuple *)obj)->items[1];
    pv found = pync_dict_get(view_dict(self), key);
    if (!found) return pync_current_exc ? -1 : 0;
    return pync_equal(found, value);
}

static pv dictview_repr(pv self) {
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("...") : 0;
    pv result = 0;
    pv seq = pync_list_from_iterable(self);
    if (seq) result = pync_str_fmt("%s(%R)", pv_type(self)->name, seq);
    pync_repr_leave(self);
    return result;
}

/* every item of `self` is in `other` (1, 0, -1) */
static int all_contained_in(pv self, pv other) {
    pv it = pync_iter(self);
    if (!it) return -1;
    for (;;) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? -1 : 1;
        int ok = pync_contains(other, x);
        if (ok <= 0) return ok;
    }
}

static pv dictview_richcompare(pv self, pv other, pync_cmpop op) {
    if (!pync_anyset_check(other) && !is_viewset(other)) return pync_NotImplemented;
    int64_t len_self = pync_len(self);
    if (len_self < 0) return 0;
    int64_t len_other = pync_len(other);
    if (len_other < 0) return 0;
    int ok = 0;
    switch (op) {
    case PYNC_NE:
    case PYNC_EQ:
        if (len_self == len_other) ok = all_contained_in(self, other);
        if (op == PYNC_NE && ok >= 0) ok = !ok;
        break;
    case PYNC_LT:
        if (len_self < len_other) ok = all_contained_in(self, other);
        break;
    case PYNC_LE:
        if (len_self <= len_other) ok = all_contained_in(self, other);
        break;
    case PYNC_GT:
        if (len_self > len_other) ok = all_contained_in(other, self);
        break;
    case PYNC_GE:
        if (len_self >= len_other) ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0) return 0;
    return pync_bool(ok);
}

/* set(view), through the dict itself for a keys view of an exact dict */
static pv dictviews_to_set(pv self) {
    pv left = self;
    if (is_keys(self) && pv_type(view_dict(self)) == &pync_dict_type) left = view_dict(self);
    return pync_set_new_from(&pync_set_type, left);
}

static pv dictviews_sub(pv self, pv other) {
    pv result = dictviews_to_set(self);
    if (!result) return 0;
    if (pync_set_difference_update(result, other) < 0) return 0;
    return result;
}

static pv dictviews_or(pv self, pv other) {
    pv result = dictviews_to_set(self);
    if (!result) return 0;
    if (pync_set_update(result, other) < 0) return 0;
    return result;
}

static pv dictitems_xor(pv self, pv other) {
    pv d1 = view_dict(self), d2 = view_dict(other);
    pv temp = pync_dict_new();
    if (!temp || pync_dict_update(temp, d1) < 0) return 0;
    pv result = pync_set_new();
    if (!result) return 0;
    size_t pos = 0;
    for (;;) {
        pync_dict *b = D(d2);
        if (pos >= b->nentries) break;
        pync_dict_entry *e = &b->entries[pos++];
        if (!e->key) continue;
        pv key = e->key, val2 = e->value;
        int64_t hash = e->hash;
        int64_t ix = pync_dict_lookup(D(temp), key, hash);
        if (ix == -2) return 0;
        int to_delete = 0;
        if (ix >= 0) {
            to_delete = pync_equal(D(temp)->entries[ix].value, val2);
            if (to_delete < 0) return 0;
        }
        if (to_delete) {
            ix = pync_dict_lookup(D(temp), key, hash);
            if (ix == -2) return 0;
            if (ix >= 0) pync_dict_remove_at(D(temp), ix, hash);
        } else {
            pv pair = pync_tuple_pack(2, key, val2);
            if (!pair || pync_set_add(result, pair) < 0) return 0;
        }
    }
    pv remaining = dictview_new(temp, &pync_dict_items_type);
    if (!remaining || pync_set_update(result, remaining) < 0) return 0;
    return result;
}

static pv dictviews_xor(pv self, pv other) {
    if (is_items(self) && is_items(other)) return dictitems_xor(self, other);
    pv result = dictviews_to_set(self);
    if (!result) return 0;
    if (pync_set_symmetric_difference_update(result, other) < 0) return 0;
    return result;
}

static pv dictviews_and(pv self, pv other) {
    /* the view may be the right operand */
    if (!is_viewset(self)) {
        pv tmp = other;
        other = self;
        self = tmp;
    }
    int64_t len_self = dictview_len(self);
    if (pv_type(other) == &pync_set_type) {
        int64_t len_other = pync_len(other);
        if (len_other < 0) return 0;
        if (len_self <= len_other) return pync_set_intersection(other, self);
    }
    if (is_viewset(other)) {
        int64_t len_other = dictview_len(other);
        if (len_other > len_self) {
            pv tmp = other;
            other = self;
            self = tmp;
        }
    }
    pv result = pync_set_new();
    if (!result) return 0;
    pv it = pync_iter(other);
    if (!it) return 0;
    bool keys = is_keys(self);
    for (;;) {
        pv key = pync_next(it);
        if (!key) return pync_current_exc ? 0 : result;
        int rv = keys ? dictkeys_contains(self, key) : dictitems_contains(self, key);
        if (rv < 0) return 0;
        if (rv && pync_set_add(result, key) < 0) return 0;
    }
}

static pv dictviews_isdisjoint(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg(is_keys(self) ? "dict_keys.isdisjoint" : "dict_items.isdisjoint", nargs, kwnames) < 0) {
        return 0;
    }
    pv other = args[0];
    if (self == other) return pync_bool(dictview_len(self) == 0);
    if (pync_anyset_check(other) || is_viewset(other)) {
        int64_t len_self = dictview_len(self);
        int64_t len_other = pync_len(other);
        if (len_other < 0) return 0;
        if (len_other > len_self) {
            pv tmp = other;
            other = self;
            self = tmp;
        }
    }
    pv it = pync_iter(other);
    if (!it) return 0;
    for (;;) {
        pv item = pync_next(it);
        if (!item) return pync_current_exc ? 0 : pync_True;
        int c = pync_contains(self, item);
        if (c < 0) return 0;
        if (c) return pync_False;
    }
}

PYNC_METHOD(dictkeys, isdisjoint, dictviews_isdisjoint, 0);
PYNC_METHOD(dictkeys, __reversed__, dictkeys_reversed, 0);
PYNC_METHOD(dictitems, isdisjoint, dictviews_isdisjoint, 0);
PYNC_METHOD(dictitems, __reversed__, dictitems_reversed, 0);
PYNC_METHOD(dictvalues, __reversed__, dictvalues_reversed, 0);

const pync_type pync_dict_keys_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "dict_keys", .base = &pync_object_type,
    .basicsize = sizeof(dictviewobject), .trace = dictview_trace, .repr = dictview_repr,
    .richcompare = dictview_richcompare, .iter = dictkeys_iter, .len = dictview_len,
    .contains = dictkeys_contains, .method_list = pync_methods__dictkeys,
    .binop = {[PYNC_OP_SUB] = dictviews_sub, [PYNC_OP_AND] = dictviews_and, [PYNC_OP_XOR] = dictviews_xor,
              [PYNC_OP_OR] = dictviews_or},
};
const pync_type pync_dict_items_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "dict_items", .base = &pync_object_type,
    .basicsize = sizeof(dictviewobject), .trace = dictview_trace, .repr = dictview_repr,
    .richcompare = dictview_richcompare, .iter = dictitems_iter, .len = dictview_len,
    .contains = dictitems_contains, .method_list = pync_methods__dictitems,
    .binop = {[PYNC_OP_SUB] = dictviews_sub, [PYNC_OP_AND] = dictviews_and, [PYNC_OP_XOR] = dictviews_xor,
              [PYNC_OP_OR] = dictviews_or},
};
const pync_type pync_dict_values_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "dict_values", .base = &pync_object_type,
    .basicsize = sizeof(dictviewobject), .trace = dictview_trace, .repr = dictview_repr,
    .iter = dictvalues_iter, .len = dictview_len, .method_list = pync_methods__dictvalues,
    /* not set-like: hashed by identity, as CPython's */
    .hash = pync_object_hash,
};

/* ==== updating from arguments ===================================================================== */

/* PyDict_MergeFromSeq2: an iterable of key/value pairs. */
static int merge_from_seq2(pv d, pv seq2) {
    pv it = pync_iter(seq2);
    if (!it) return -1;
    for (int64_t i = 0;; i++) {
        pv item = pync_next(it);
        if (!item) return pync_current_exc ? -1 : 0;
        pv *items;
        size_t n;
        pv fast = pync_sequence_fast(item, NULL, &items, &n);
        if (!fast) {
            if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
                pync_exc_clear();
                pync_raise_fmt(&pync_TypeError_type,
                               "cannot convert dictionary update sequence element #%zd to a sequence", (ptrdiff_t)i);
            }
            return -1;
        }
        if (n != 2) {
            pync_raise_fmt(&pync_ValueError_type, "dictionary update sequence element #%zd has length %zd; 2 is required",
                           (ptrdiff_t)i, (ptrdiff_t)n);
            return -1;
        }
        pv key = items[0], value = items[1];
        if (pync_dict_setitem(d, key, value) < 0) return -1;
    }
}

/* dict_update_arg: a dict, a mapping (has keys()), or pairs */
static int dict_update_arg(pv self, pv arg) {
    if (pv_type(arg) == &pync_dict_type) return pync_dict_update(self, arg);
    pv keys = pync_getattr_cstr(arg, "keys");
    if (keys) return pync_dict_update(self, arg);
    if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) <= 0) return -1;
    pync_exc_clear();
    return merge_from_seq2(self, arg);
}

static int update_kwargs(pv self, pv *kwvalues, pv kwnames) {
    size_t nkw = pync_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (pync_dict_setitem(self, ((pync_tuple *)kwnames)->items[i], kwvalues[i]) < 0) return -1;
    }
    return 0;
}

static int dict_clear_internal(pv self) {
    pv fresh = pync_dict_new();
    if (!fresh) return -1;
    pync_dict *d = D(self), *f = D(fresh);
    d->storage = f->storage;
    d->indices = f->indices;
    d->entries = f->entries;
    d->mask = f->mask;
    d->capacity = f->capacity;
    d->nentries = 0;
    d->used = 0;
    d->version++;
    return 0;
}

static pv dict_copy_impl(pv self) {
    pv r = pync_dict_new();
    if (!r || pync_dict_update(r, self) < 0) return 0;
    return r;
}

/* ==== the dict's slots (wired into pync_dict_type by dict.c) ======================================= */

pv pync_dict_repr(pv self) {
    pync_dict *d = D(self);
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("{...}") : 0;
    if (d->used == 0) {
        pync_repr_leave(self);
        return pync_str_from_cstr("{}");
    }
    pync_strbuf b;
    if (pync_strbuf_init(&b, 2 + 6 * d->used) < 0 || pync_strbuf_append(&b, "{", 1) < 0) goto error;
    size_t pos = 0;
    pv key, value;
    bool first = true;
    while (pync_dict_next(self, &pos, &key, &value)) {
        if (!first && pync_strbuf_append(&b, ", ", 2) < 0) goto error;
        first = false;
        pv s = pync_repr(key);
        if (!s || pync_strbuf_append_str(&b, s) < 0 || pync_strbuf_append(&b, ": ", 2) < 0) goto error;
        s = pync_repr(value);
        if (!s || pync_strbuf_append_str(&b, s) < 0) goto error;
    }
    if (pync_strbuf_append(&b, "}", 1) < 0) goto error;
    pync_repr_leave(self);
    return pync_strbuf_finish(&b);
error:
    pync_repr_leave(self);
    return 0;
}

/* a == b for dicts: 1, 0, -1 */
static int dict_equal(pv a, pv b) {
    pync_dict *x = D(a), *y = D(b);
    if (x->used != y->used) return 0;
    for (size_t i = 0; i < x->nentries; i++) {
        pync_dict_entry *e = &x->entries[i];
        pv key = e->key, aval = e->value;
        if (!key) continue;
        int64_t ix = pync_dict_lookup(y, key, e->hash);
        if (ix == -2) return -1;
        if (ix < 0) return 0;
        pv bval = y->entries[ix].value;
        int cmp = pync_equal(aval, bval);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

pv pync_dict_richcompare(pv a, pv b, pync_cmpop op) {
    if (!pync_isinstance_type(a, &pync_dict_type) || !pync_isinstance_type(b, &pync_dict_type)) {
        return pync_NotImplemented;
    }
    if (op != PYNC_EQ && op != PYNC_NE) return pync_NotImplemented;
    int eq = dict_equal(a, b);
    if (eq < 0) return 0;
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

pv pync_dict_or(pv a, pv b) {
    if (!pync_isinstance_type(a, &pync_dict_type) || !pync_isinstance_type(b, &pync_dict_type)) {
        return pync_NotImplemented;
    }
    pv r = dict_copy_impl(a);
    if (!r || dict_update_arg(r, b) < 0) return 0;
    return r;
}

pv pync_dict_ior(pv a, pv b) {
    if (dict_update_arg(a, b) < 0) return 0;
    return a;
}

pv pync_dict_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    pv self = pync_dict_new_of_type(t);
    if (!self) return 0;
    return pync_dict_init_args(self, args, nargs, kwnames) ? self : 0;
}

pv pync_dict_init_args(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("dict", nargs, 0, 0, 1) < 0) return 0;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return 0;
    if (update_kwargs(self, args + nargs, kwnames) < 0) return 0;
    return pync_None;
}

/* ==== methods ===================================================================================== */

static pv m_keys(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.keys", nargs, kwnames) < 0) return 0;
    return dictview_new(self, &pync_dict_keys_type);
}

static pv m_values(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.values", nargs, kwnames) < 0) return 0;
    return dictview_new(self, &pync_dict_values_type);
}

static pv m_items(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.items", nargs, kwnames) < 0) return 0;
    return dictview_new(self, &pync_dict_items_type);
}

static pv m_get(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("get", nargs, kwnames, 1, 2) < 0) return 0;
    pv v = pync_dict_get(self, args[0]);
    if (v || pync_current_exc) return v;
    return nargs > 1 ? args[1] : pync_None;
}

static pv m_setdefault(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("setdefault", nargs, kwnames, 1, 2) < 0) return 0;
    pv dflt = nargs > 1 ? args[1] : pync_None;
    int64_t hash;
    if (pync_hash(args[0], &hash) < 0) return 0;
    int64_t ix = pync_dict_lookup(D(self), args[0], hash);
    if (ix == -2) return 0;
    if (ix >= 0) return D(self)->entries[ix].value;
    if (pync_dict_insert(D(self), args[0], hash, dflt) < 0) return 0;
    return dflt;
}

static pv m_pop(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("pop", nargs, kwnames, 1, 2) < 0) return 0;
    pync_dict *d = D(self);
    pv key = args[0];
    if (d->used == 0) {
        if (nargs > 1) return args[1];
        return pync_raise_key_error(key);
    }
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return 0;
    int64_t ix = pync_dict_lookup(d, key, hash);
    if (ix == -2) return 0;
    if (ix < 0) {
        if (nargs > 1) return args[1];
        return pync_raise_key_error(key);
    }
    pv value = d->entries[ix].value;
    pync_dict_remove_at(d, ix, hash);
    return value;
}

static pv m_popitem(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.popitem", nargs, kwnames) < 0) return 0;
    pync_dict *d = D(self);
    if (d->used == 0) return pync_raise_fmt(&pync_KeyError_type, "popitem(): dictionary is empty");
    int64_t i = (int64_t)d->nentries - 1;
    while (i >= 0 && !d->entries[i].key) i--;
    pv res = pync_tuple_pack(2, d->entries[i].key, d->entries[i].value);
    if (!res) return 0;
    pync_dict_remove_at(d, i, d->entries[i].hash);
    /* As CPython does: the entries after i are all deleted, so the next insertion reuses slot i.
       The room given back is taken off the capacity, so the table still fills up (and is
       rebuilt, dropping the dummy index slots) as it would have without the pops. */
    size_t freed = d->nentries - (size_t)i;
    d->nentries = (size_t)i;
    d->capacity -= freed;
    return res;
}

static pv m_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (nargs > 1) {
        return pync_raise_fmt(&pync_TypeError_type, "update expected at most 1 argument, got %zd", (ptrdiff_t)nargs);
    }
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return 0;
    if (update_kwargs(self, args + nargs, kwnames) < 0) return 0;
    return pync_None;
}

static pv m_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.copy", nargs, kwnames) < 0) return 0;
    return dict_copy_impl(self);
}

static pv m_clear(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.clear", nargs, kwnames) < 0) return 0;
    if (dict_clear_internal(self) < 0) return 0;
    return pync_None;
}

/* dict.fromkeys(iterable, value=None), a class method: `self` is the class */
static pv m_fromkeys(pv cls, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("fromkeys", nargs, kwnames, 1, 2) < 0) return 0;
    pv iterable = args[0];
    pv value = nargs > 1 ? args[1] : pync_None;
    pv d = pync_call(cls, NULL, 0, 0);
    if (!d) return 0;
    bool exact = pv_type(d) == &pync_dict_type;
    if (exact && pv_type(iterable) == &pync_dict_type) {
        pync_dict *src = D(iterable);
        for (size_t i = 0; i < src->nentries; i++) {
            pync_dict_entry *e = &src->entries[i];
            if (e->key && pync_dict_insert(D(d), e->key, e->hash, value) < 0) return 0;
        }
        return d;
    }
    if (exact && pync_anyset_check(iterable)) {
        size_t pos = 0;
        pv key;
        int64_t hash;
        while (pync_set_next(iterable, &pos, &key, &hash)) {
            if (pync_dict_insert(D(d), key, hash, value) < 0) return 0;
        }
        return d;
    }
    pv it = pync_iter(iterable);
    if (!it) return 0;
    for (;;) {
        pv key = pync_next(it);
        if (!key) return pync_current_exc ? 0 : d;
        if (exact ? pync_dict_setitem(d, key, value) < 0 : pync_setitem(d, key, value) < 0) return 0;
    }
}

static pv m_contains(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("dict.__contains__", nargs, kwnames) < 0) return 0;
    int r = dict_contains_key(self, args[0]);
    return r < 0 ? 0 : pync_bool(r);
}

static pv m_getitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("dict.__getitem__", nargs, kwnames) < 0) return 0;
    return pync_dict_type.getitem(self, args[0]);
}

static pv m_reversed(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("dict.__reversed__", nargs, kwnames) < 0) return 0;
    return dictiter_new(self, &pync_dict_reversekeyiterator_type, true);
}

PYNC_METHOD(dict, __contains__, m_contains, 0);
PYNC_METHOD(dict, __getitem__, m_getitem, 0);
PYNC_METHOD(dict, __reversed__, m_reversed, 0);
PYNC_METHOD(dict, get, m_get, 0);
PYNC_METHOD(dict, setdefault, m_setdefault, 0);
PYNC_METHOD(dict, pop, m_pop, 0);
PYNC_METHOD(dict, popitem, m_popitem, 0);
PYNC_METHOD(dict, keys, m_keys, 0);
PYNC_METHOD(dict, items, m_items, 0);
PYNC_METHOD(dict, values, m_values, 0);
PYNC_METHOD(dict, update, m_update, 0);
PYNC_METHOD(dict, fromkeys, m_fromkeys, PYNC_METH_CLASS);
PYNC_METHOD(dict, clear, m_clear, 0);
PYNC_METHOD(dict, copy, m_copy, 0);
PYNC_METHOD(dict, __class_getitem__, pync_class_getitem, PYNC_METH_CLASS);
