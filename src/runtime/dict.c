/* dict.c — the dict's hash table (see dict.h for the layout) and the core dict API.
 *
 * Probing follows CPython (perturbation shifted by 5 each step), so collisions behave alike;
 * the table grows to used*3 rounded up to a power of two, as CPython 3.11 does. Views, methods,
 * repr and comparison are in dict_methods.c. */
#include "dict.h"
#include "internal.h"

#define MIN_SIZE 8
#define PERTURB_SHIFT 5

static size_t usable_for(size_t size) { return (size << 1) / 3; }

static int alloc_table(pync_dict *d, size_t size) {
    size_t capacity = usable_for(size);
    size_t index_bytes = (size * sizeof(int32_t) + 7) & ~(size_t)7;
    size_t bytes = index_bytes + capacity * sizeof(pync_dict_entry);
    pync_rawbuf *buf = pync_rawbuf_new(bytes);
    if (!buf) return -1;
    d->storage = buf;
    d->indices = (int32_t *)buf->data;
    d->entries = (pync_dict_entry *)(buf->data + index_bytes);
    for (size_t i = 0; i < size; i++) d->indices[i] = PYNC_DKIX_EMPTY;
    d->mask = size - 1;
    d->capacity = capacity;
    d->nentries = 0;
    return 0;
}

static void dict_trace(pync_object *o) {
    pync_dict *d = (pync_dict *)o;
    pync_gc_visit_obj(d->storage);
    for (size_t i = 0; i < d->nentries; i++) {
        pync_gc_visit(d->entries[i].key);
        pync_gc_visit(d->entries[i].value);
    }
}

pv pync_dict_new(void) { return pync_dict_new_of_type(&pync_dict_type); }

pv pync_dict_new_of_type(const pync_type *type) {
    pync_dict *d = pync_gc_alloc(type->basicsize, type);
    if (!d || alloc_table(d, MIN_SIZE) < 0) return 0;
    return (pv)d;
}

/* A slot for hash in a table known to hold no dummies and no equal key. */
static size_t free_slot(const pync_dict *d, int64_t hash) {
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    while (d->indices[i] != PYNC_DKIX_EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (size_t)(i * 5 + perturb + 1) & mask;
    }
    return i;
}

static int resize(pync_dict *d, size_t minused) {
    size_t size = MIN_SIZE;
    while (size < minused * 3 / 2 + 1 || usable_for(size) < minused) size <<= 1;
    pync_dict_entry *old = d->entries;
    size_t n = d->nentries;
    if (alloc_table(d, size) < 0) return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!old[i].key) continue;
        d->entries[k] = old[i];
        d->indices[free_slot(d, old[i].hash)] = (int32_t)k;
        k++;
    }
    d->nentries = k;
    return 0;
}

int64_t pync_dict_lookup(pync_dict *d, pv key, int64_t hash) {
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->indices[i];
        if (ix == PYNC_DKIX_EMPTY) return -1;
        if (ix >= 0) {
            pync_dict_entry *e = &d->entries[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                pync_rawbuf *storage = d->storage;
                pv k = e->key;
                int eq = pync_equal(k, key);
                if (eq < 0) return -2;
                if (d->storage != storage || d->entries[ix].key != k) {
                    /* the comparison changed the dict: start over, as CPython does */
                    return pync_dict_lookup(d, key, hash);
                }
                if (eq) return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (size_t)(i * 5 + perturb + 1) & mask;
    }
}

int pync_dict_insert(pync_dict *d, pv key, int64_t hash, pv value) {
    int64_t ix = pync_dict_lookup(d, key, hash);
    if (ix == -2) return -1;
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 0;
    }
    if (d->nentries >= d->capacity) {
        if (resize(d, d->used * 3 > MIN_SIZE ? d->used * 3 : MIN_SIZE) < 0) return -1;
    }
    size_t k = d->nentries++;
    d->entries[k].hash = hash;
    d->entries[k].key = key;
    d->entries[k].value = value;
    /* the first empty or dummy slot on the probe path */
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    while (d->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (size_t)(i * 5 + perturb + 1) & mask;
    }
    d->indices[i] = (int32_t)k;
    d->used++;
    d->version++;
    return 0;
}

void pync_dict_remove_at(pync_dict *d, int64_t ix, int64_t hash) {
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    while (d->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (size_t)(i * 5 + perturb + 1) & mask;
    }
    d->indices[i] = PYNC_DKIX_DUMMY;
    d->entries[ix].key = 0;
    d->entries[ix].value = 0;
    d->used--;
    d->version++;
}

int pync_dict_setitem(pv dict, pv key, pv value) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    return pync_dict_insert((pync_dict *)dict, key, hash, value);
}

pv pync_dict_get(pv dict, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return 0;
    pync_dict *d = (pync_dict *)dict;
    int64_t ix = pync_dict_lookup(d, key, hash);
    return ix >= 0 ? d->entries[ix].value : 0;
}

static pv raise_key_error(pv key) {
    pv args = pync_tuple_pack(1, key);
    if (!args) return 0;
    pv exc = pync_call_ex((pv)&pync_KeyError_type, args, 0);
    return exc ? pync_raise(exc) : 0;
}

pv pync_dict_getitem(pv dict, pv key) {
    pv v = pync_dict_get(dict, key);
    if (v || pync_current_exc) return v;
    return raise_key_error(key);
}

int pync_dict_delitem(pv dict, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    pync_dict *d = (pync_dict *)dict;
    int64_t ix = pync_dict_lookup(d, key, hash);
    if (ix == -2) return -1;
    if (ix == -1) {
        raise_key_error(key);
        return -1;
    }
    pync_dict_remove_at(d, ix, hash);
    return 0;
}

int pync_dict_next(pv dict, size_t *pos, pv *key, pv *value) {
    pync_dict *d = (pync_dict *)dict;
    while (*pos < d->nentries) {
        pync_dict_entry *e = &d->entries[(*pos)++];
        if (e->key) {
            *key = e->key;
            if (value) *value = e->value;
            return 1;
        }
    }
    return 0;
}

int pync_dict_update(pv dict, pv other) {
    if (pync_isinstance_type(other, &pync_dict_type)) {
        pync_dict *o = (pync_dict *)other;
        for (size_t i = 0; i < o->nentries; i++) {
            pync_dict_entry e = o->entries[i];
            if (!e.key) continue;
            if (pync_dict_insert((pync_dict *)dict, e.key, e.hash, e.value) < 0) return -1;
        }
        return 0;
    }
    /* a mapping: keys() then [] */
    pv keys = pync_call_method(other, pync_str_from_cstr("keys"), NULL, 0, 0);
    if (!keys) return -1;
    pv it = pync_iter(keys);
    if (!it) return -1;
    for (;;) {
        pv k = pync_next(it);
        if (!k) return pync_current_exc ? -1 : 0;
        pv v = pync_getitem(other, k);
        if (!v || pync_dict_setitem(dict, k, v) < 0) return -1;
    }
}

static int64_t dict_len(pv self) { return (int64_t)((pync_dict *)self)->used; }
static int dict_truth(pv self) { return ((pync_dict *)self)->used != 0; }

static int dict_contains(pv self, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    int64_t ix = pync_dict_lookup((pync_dict *)self, key, hash);
    return ix == -2 ? -1 : ix >= 0;
}

static pv dict_subscript(pv self, pv key) {
    pv v = pync_dict_get(self, key);
    if (v || pync_current_exc) return v;
    if (pv_type(self) != &pync_dict_type) {
        /* dict subclasses may define __missing__ */
        pv missing = pync_type_lookup_cstr(pv_type(self), "__missing__");
        if (missing) return pync_call2(missing, self, key);
        if (pync_current_exc) return 0;
    }
    return raise_key_error(key);
}

static int dict_ass_subscript(pv self, pv key, pv value) {
    if (!value) return pync_dict_delitem(self, key);
    return pync_dict_setitem(self, key, value);
}

/* dict.__init__ for subclasses and super().__init__(...): the arguments of dict.update */
static pv dict_init(pv self, pv *args, size_t nargs, pv kwnames) {
    return pync_dict_init_args(self, args, nargs, kwnames);
}

const pync_type pync_dict_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "dict",
    .flags = PYNC_TF_BASETYPE | PYNC_TF_DICT_SUBCLASS,
    .basicsize = sizeof(pync_dict),
    .trace = dict_trace,
    .repr = pync_dict_repr,
    .richcompare = pync_dict_richcompare,
    .truth = dict_truth,
    .construct = pync_dict_construct,
    .init = dict_init,
    .iter = pync_dict_iter,
    .binop = {[PYNC_OP_OR] = pync_dict_or},
    .inplace = {[PYNC_OP_OR] = pync_dict_ior},
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_subscript,
    .contains = dict_contains,
    .method_list = pync_methods__dict,
};
