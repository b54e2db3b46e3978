/* set.c — set and frozenset with CPython 3.11's hash table, so iteration order (and therefore
 * print({3, 1, 2})) is CPython's for every value whose hash is deterministic.
 *
 *   pync_setobj
 *   +------+------+------+------+-------+----------+------+--------+------------------+
 *   | type | fill | used | mask | table | tableobj | hash | finger | smalltable[8]    |
 *   +------+------+------+------+-------+----------+------+--------+------------------+
 *                               |         |                          ^
 *                               |         +--> set_table (GC object): | size | entries[] |
 *                               +--> smalltable, or tableobj->entries
 *
 * An entry is unused (key 0, hash 0), a dummy left by a deletion (key == &dummy, hash -1) or
 * active. Probing is setobject.c's: LINEAR_PROBES (9) neighbouring slots, then the perturbed
 * jump i = i*5 + 1 + (perturb >>= 5). A table is resized when fill*5 >= mask*3, to the smallest
 * power of two above used*4 (used*2 past 50000 entries); set.update from another set copies the
 * table shape when it can, as CPython does. Hashes are 64-bit on every target. */
#include "containers.h"
#include "dict.h"

#define PYSET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct set_entry {
    pv key;
    int64_t hash;
} set_entry;

typedef struct set_table {
    pync_object ob;
    size_t size;
    set_entry entries[];
} set_table;

typedef struct pync_setobj {
    pync_object ob;
    int64_t fill;            /* active + dummy entries */
    int64_t used;            /* active entries */
    int64_t mask;            /* table size - 1 */
    set_entry *table;
    set_table *tableobj;     /* NULL while the small table is used */
    int64_t hash;            /* frozenset: cached hash, -1 until computed */
    int64_t finger;          /* where set.pop() looks next */
    set_entry smalltable[PYSET_MINSIZE];
} pync_setobj;

static pync_object dummy_struct = {&pync_object_type};
#define dummy ((pv)&dummy_struct)

static inline pync_setobj *S(pv v) { return (pync_setobj *)v; }

static void settable_trace(pync_object *o) {
    set_table *t = (set_table *)o;
    for (size_t i = 0; i < t->size; i++) pync_gc_visit(t->entries[i].key);
}

static const pync_type set_table_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "set_table", .basicsize = sizeof(set_table), .trace = settable_trace,
};

/* ==== probing ================================================================================ */

/* The entry holding key, or the unused entry that ends its probe sequence; NULL on error. */
static set_entry *set_lookkey(pync_setobj *so, pv key, int64_t hash) {
    set_entry *entry;
    uint64_t perturb = (uint64_t)hash;
    uint64_t mask = (uint64_t)so->mask;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0) return entry;
            if (entry->hash == hash) {
                pv startkey = entry->key;
                if (startkey == key) return entry;
                set_entry *table = so->table;
                int cmp = pync_equal(startkey, key);
                if (cmp < 0) return NULL;
                if (table != so->table || entry->key != startkey) return set_lookkey(so, key, hash);
                if (cmp > 0) return entry;
                mask = (uint64_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(pync_setobj *so, int64_t minused);

static int set_add_entry(pync_setobj *so, pv key, int64_t hash) {
    set_entry *freeslot, *entry;
    uint64_t perturb, mask, i;
restart:
    mask = (uint64_t)so->mask;
    i = (uint64_t)hash & mask;
    freeslot = NULL;
    perturb = (uint64_t)hash;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                pv startkey = entry->key;
                if (startkey == key) return 0;
                set_entry *table = so->table;
                int cmp = pync_equal(startkey, key);
                if (cmp > 0) return 0;
                if (cmp < 0) return -1;
                if (table != so->table || entry->key != startkey) goto restart;
                mask = (uint64_t)so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((uint64_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* Inserts a key known to be absent into a table without dummies (resizing, copying). */
static void set_insert_clean(set_entry *table, uint64_t mask, pv key, int64_t hash) {
    set_entry *entry;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        entry = &table[i];
        if (entry->key == 0) goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == 0) goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* A new table for the smallest power of two above minused; dummies are dropped. */
static int set_table_resize(pync_setobj *so, int64_t minused) {
    set_entry small_copy[PYSET_MINSIZE];
    int64_t oldmask = so->mask;
    uint64_t newsize = PYSET_MINSIZE;
    while (newsize <= (uint64_t)minused) newsize <<= 1;
    set_entry *oldtable = so->table;
    set_table *oldobj = so->tableobj;
    set_entry *newtable;
    set_table *newobj = NULL;
    if (newsize == PYSET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;
            pync_memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (SIZE_MAX - sizeof(set_table)) / sizeof(set_entry)) {
            pync_raise_nomem();
            return -1;
        }
        newobj = pync_gc_alloc(sizeof(set_table) + (size_t)newsize * sizeof(set_entry), &set_table_type);
        if (!newobj) return -1;
        newobj->size = (size_t)newsize;
        newtable = newobj->entries;
    }
    pync_memset(newtable, 0, sizeof(set_entry) * (size_t)newsize);
    so->mask = (int64_t)newsize - 1;
    so->table = newtable;
    so->tableobj = newobj;
    uint64_t newmask = (uint64_t)so->mask;
    if (so->fill == so->used) {
        for (set_entry *e = oldtable; e <= oldtable + oldmask; e++) {
            if (e->key) set_insert_clean(newtable, newmask, e->key, e->hash);
        }
    } else {
        so->fill = so->used;
        for (set_entry *e = oldtable; e <= oldtable + oldmask; e++) {
            if (e->key && e->key != dummy) set_insert_clean(newtable, newmask, e->key, e->hash);
        }
    }
    (void)oldobj; /* kept alive until here by this frame */
    return 0;
}

static int set_contains_entry(pync_setobj *so, pv key, int64_t hash) {
    set_entry *entry = set_lookkey(so, key, hash);
    if (!entry) return -1;
    return entry->key != 0;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static int set_discard_entry(pync_setobj *so, pv key, int64_t hash) {
    set_entry *entry = set_lookkey(so, key, hash);
    if (!entry) return -1;
    if (!entry->key) return DISCARD_NOTFOUND;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    return DISCARD_FOUND;
}

static int set_add_key(pync_setobj *so, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    return set_add_entry(so, key, hash);
}

static int set_contains_key(pync_setobj *so, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(pync_setobj *so, pv key) {
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return -1;
    return set_discard_entry(so, key, hash);
}

static void set_empty_to_minsize(pync_setobj *so) {
    pync_memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = PYSET_MINSIZE - 1;
    so->table = so->smalltable;
    so->tableobj = NULL;
    so->hash = -1;
}

static void set_clear_internal(pync_setobj *so) { set_empty_to_minsize(so); }

static int set_next_entry(pync_setobj *so, int64_t *pos, set_entry **entry_ptr) {
    int64_t i = *pos;
    int64_t mask = so->mask;
    set_entry *entry = &so->table[i];
    while (i <= mask && (entry->key == 0 || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask) return 0;
    *entry_ptr = entry;
    return 1;
}

int pync_set_next(pv set, size_t *pos, pv *key, int64_t *hash) {
    int64_t p = (int64_t)*pos;
    set_entry *e;
    if (!set_next_entry(S(set), &p, &e)) {
        *pos = (size_t)p;
        return 0;
    }
    *pos = (size_t)p;
    *key = e->key;
    if (hash) *hash = e->hash;
    return 1;
}

/* ==== construction and bulk updates ============================================================ */

static pync_setobj *alloc_set(const pync_type *type) {
    pync_setobj *so = pync_gc_alloc(type->basicsize, type);
    if (!so) return NULL;
    so->mask = PYSET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    return so;
}

static void set_trace(pync_object *o) {
    pync_setobj *so = (pync_setobj *)o;
    if (so->tableobj) {
        pync_gc_visit_obj(so->tableobj);
    } else {
        for (int i = 0; i < PYSET_MINSIZE; i++) pync_gc_visit(so->smalltable[i].key);
    }
}

static int set_merge(pync_setobj *so, pync_setobj *other) {
    if (other == so || other->used == 0) return 0;
    /* one big resize at the start, expecting few overlapping keys */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) return -1;
    }
    set_entry *so_entry = so->table;
    set_entry *other_entry = other->table;
    /* empty target of the same size, no dummies in the source: copy the table as it is */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key) {
                so_entry->key = other_entry->key;
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        set_entry *newtable = so->table;
        uint64_t newmask = (uint64_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (int64_t i = other->mask + 1; i > 0; i--, other_entry++) {
            pv key = other_entry->key;
            if (key && key != dummy) set_insert_clean(newtable, newmask, key, other_entry->hash);
        }
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        pv key = other_entry->key;
        if (key && key != dummy) {
            if (set_add_entry(so, key, other_entry->hash)) return -1;
        }
    }
    return 0;
}

static int set_update_internal(pync_setobj *so, pv other) {
    if (pync_anyset_check(other)) return set_merge(so, S(other));
    if (pv_type(other) == &pync_dict_type) {
        pync_dict *d = (pync_dict *)other;
        int64_t dictsize = (int64_t)d->used;
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0) return -1;
        }
        for (size_t i = 0; i < d->nentries; i++) {
            pync_dict_entry *e = &d->entries[i];
            if (!e->key) continue;
            if (set_add_entry(so, e->key, e->hash)) return -1;
        }
        return 0;
    }
    pv it = pync_iter(other);
    if (!it) return -1;
    for (;;) {
        pv key = pync_next(it);
        if (!key) return pync_current_exc ? -1 : 0;
        if (set_add_key(so, key)) return -1;
    }
}

static pv make_new_set(const pync_type *type, pv iterable) {
    pync_setobj *so = alloc_set(type);
    if (!so) return 0;
    if (iterable && set_update_internal(so, iterable)) return 0;
    return (pv)so;
}

static pv make_new_set_basetype(const pync_type *type, pv iterable) {
    if (type != &pync_set_type && type != &pync_frozenset_type) {
        type = pync_is_subtype(type, &pync_set_type) ? &pync_set_type : &pync_frozenset_type;
    }
    return make_new_set(type, iterable);
}

static pv make_new_frozenset(const pync_type *type, pv iterable) {
    if (type != &pync_frozenset_type) return make_new_set(type, iterable);
    if (iterable && pv_type(iterable) == &pync_frozenset_type) return iterable;
    return make_new_set(type, iterable);
}

pv pync_set_new(void) { return make_new_set(&pync_set_type, 0); }
pv pync_frozenset_new(pv iterable) { return make_new_frozenset(&pync_frozenset_type, iterable); }
pv pync_set_new_from(const pync_type *type, pv iterable) { return make_new_set(type, iterable); }
int pync_set_add(pv set, pv item) { return set_add_key(S(set), item); }
int pync_set_update(pv set, pv other) { return set_update_internal(S(set), other); }
int64_t pync_set_size(pv set) { return S(set)->used; }

/* Swaps the contents of two sets (intersection_update builds the result aside, then swaps). */
static void set_swap_bodies(pync_setobj *a, pync_setobj *b) {
    int64_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    set_table *o = a->tableobj; a->tableobj = b->tableobj; b->tableobj = o;
    set_entry tab[PYSET_MINSIZE];
    pync_memcpy(tab, a->smalltable, sizeof(tab));
    pync_memcpy(a->smalltable, b->smalltable, sizeof(tab));
    pync_memcpy(b->smalltable, tab, sizeof(tab));
    a->table = a->tableobj ? a->tableobj->entries : a->smalltable;
    b->table = b->tableobj ? b->tableobj->entries : b->smalltable;
    if (pync_is_subtype(pv_type((pv)a), &pync_frozenset_type) && pync_is_subtype(pv_type((pv)b), &pync_frozenset_type)) {
        t = a->hash; a->hash = b->hash; b->hash = t;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

/* ==== slots ================================================================================== */

static pv set_repr(pv self) {
    pync_setobj *so = S(self);
    const pync_type *t = pv_type(self);
    int status = pync_repr_enter(self);
    if (status != 0) return status < 0 ? 0 : pync_str_fmt("%s(...)", t->name);
    pv result = 0;
    if (!so->used) {
        pync_repr_leave(self);
        return pync_str_fmt("%s()", t->name);
    }
    pv keys = pync_list_from_iterable(self);
    if (keys) {
        pv listrepr = pync_repr(keys);
        if (listrepr) {
            pync_strbuf b;
            const char *d = pync_str_data(listrepr);
            size_t n = pync_str_size(listrepr);
            bool exact = t == &pync_set_type;
            if (pync_strbuf_init(&b, n + 16) == 0 &&
                (exact || (pync_strbuf_append_cstr(&b, t->name) == 0 && pync_strbuf_append(&b, "(", 1) == 0)) &&
                pync_strbuf_append(&b, "{", 1) == 0 && pync_strbuf_append(&b, d + 1, n - 2) == 0 &&
                pync_strbuf_append(&b, "}", 1) == 0 && (exact || pync_strbuf_append(&b, ")", 1) == 0)) {
                result = pync_strbuf_finish(&b);
            }
        }
    }
    pync_repr_leave(self);
    return result;
}

static int64_t set_len(pv self) { return S(self)->used; }
static int set_truth(pv self) { return S(self)->used != 0; }

static int set_contains(pv self, pv key) {
    int rv = set_contains_key(S(self), key);
    if (rv < 0) {
        if (!pync_isinstance_type(key, &pync_set_type) ||
            pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) <= 0) {
            return -1;
        }
        pync_exc_clear();
        pv tmpkey = make_new_set(&pync_frozenset_type, key);
        if (!tmpkey) return -1;
        rv = set_contains_key(S(self), tmpkey);
    }
    return rv;
}

int pync_set_contains(pv set, pv key) { return set_contains(set, key); }
int pync_set_discard(pv set, pv key) { return set_discard_key(S(set), key); }

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

static int frozenset_hash(pv self, int64_t *out) {
    pync_setobj *so = S(self);
    if (so->hash != -1) {
        *out = so->hash;
        return 0;
    }
    uint64_t hash = 0;
    /* every slot's hash field goes in (xor is order independent); the unused (0) and dummy (-1)
       slots are taken out again afterwards */
    for (set_entry *e = so->table; e <= &so->table[so->mask]; e++) hash ^= shuffle_bits((uint64_t)e->hash);
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ull;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923ull;
    if (hash == (uint64_t)-1) hash = 590923713ull;
    so->hash = (int64_t)hash;
    *out = (int64_t)hash;
    return 0;
}

/* ---- iteration ---------------------------------------------------------------------------- */

typedef struct set_iterator {
    pync_object ob;
    pv set;                  /* 0 when exhausted */
    int64_t si_used;
    int64_t si_pos;
    int64_t len;
} set_iterator;

static void setiter_trace(pync_object *o) { pync_gc_visit(((set_iterator *)o)->set); }
static pv self_iter(pv self) { return self; }

static pv setiter_next(pv self) {
    set_iterator *si = (set_iterator *)self;
    if (!si->set) return 0;
    pync_setobj *so = S(si->set);
    if (si->si_used != so->used) {
        si->si_used = -1; /* sticky */
        return pync_raise_fmt(&pync_RuntimeError_type, "Set changed size during iteration");
    }
    int64_t i = si->si_pos;
    set_entry *entry = so->table;
    int64_t mask = so->mask;
    while (i <= mask && (entry[i].key == 0 || entry[i].key == dummy)) i++;
    si->si_pos = i + 1;
    if (i > mask) {
        si->set = 0;
        return 0;
    }
    si->len--;
    return entry[i].key;
}

static pv setiter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__length_hint__", nargs, kwnames) < 0) return 0;
    set_iterator *si = (set_iterator *)self;
    int64_t len = 0;
    if (si->set && si->si_used == S(si->set)->used) len = si->len;
    return pync_int_from_i64(len);
}

PYNC_METHOD(setiter, __length_hint__, setiter_length_hint, 0);

const pync_type pync_set_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "set_iterator", .base = &pync_object_type,
    .basicsize = sizeof(set_iterator), .trace = setiter_trace, .iter = self_iter, .next = setiter_next,
    .method_list = pync_methods__setiter,
};

static pv set_iter(pv self) {
    if (pync_ready(&pync_set_iterator_type) < 0) return 0;
    set_iterator *si = pync_gc_alloc(sizeof(set_iterator), &pync_set_iterator_type);
    if (!si) return 0;
    si->set = self;
    si->si_used = S(self)->used;
    si->len = S(self)->used;
    return (pv)si;
}

/* ==== operations ================================================================================ */

static pv set_copy_impl(pv self) { return make_new_set_basetype(pv_type(self), self); }

static pv set_union_impl(pv self, pv *others, size_t n) {
    pv result = set_copy_impl(self);
    if (!result) return 0;
    for (size_t i = 0; i < n; i++) {
        if (others[i] == self) continue;
        if (set_update_internal(S(result), others[i])) return 0;
    }
    return result;
}

static pv set_intersection_impl(pv self, pv other) {
    if (self == other) return set_copy_impl(self);
    pv result = make_new_set_basetype(pv_type(self), 0);
    if (!result) return 0;
    pync_setobj *so = S(self);
    if (pync_anyset_check(other)) {
        pync_setobj *ot = S(other);
        if (ot->used > so->used) {
            pync_setobj *tmp = so;
            so = ot;
            ot = tmp;
        }
        int64_t pos = 0;
        set_entry *entry;
        while (set_next_entry(ot, &pos, &entry)) {
            pv key = entry->key;
            int64_t hash = entry->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv < 0) return 0;
            if (rv && set_add_entry(S(result), key, hash)) return 0;
        }
        return result;
    }
    pv it = pync_iter(other);
    if (!it) return 0;
    for (;;) {
        pv key = pync_next(it);
        if (!key) return pync_current_exc ? 0 : result;
        int64_t hash;
        if (pync_hash(key, &hash) < 0) return 0;
        int rv = set_contains_entry(so, key, hash);
        if (rv < 0) return 0;
        if (rv) {
            if (set_add_entry(S(result), key, hash)) return 0;
            if (S(result)->used >= so->used) return result;
        }
    }
}

pv pync_set_intersection(pv set, pv other) { return set_intersection_impl(set, other); }

static pv set_intersection_multi(pv self, pv *others, size_t n) {
    if (n == 0) return set_copy_impl(self);
    pv result = self;
    for (size_t i = 0; i < n; i++) {
        result = set_intersection_impl(result, others[i]);
        if (!result) return 0;
    }
    return result;
}

static int set_isdisjoint_impl(pv self, pv other) {
    pync_setobj *so = S(self);
    if (self == other) return so->used == 0;
    const pync_type *ot = pv_type(other);
    if (ot == &pync_set_type || ot == &pync_frozenset_type) {
        pync_setobj *o = S(other);
        if (o->used > so->used) {
            pync_setobj *tmp = so;
            so = o;
            o = tmp;
        }
        int64_t pos = 0;
        set_entry *entry;
        while (set_next_entry(o, &pos, &entry)) {
            int rv = set_contains_entry(so, entry->key, entry->hash);
            if (rv != 0) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    pv it = pync_iter(other);
    if (!it) return -1;
    for (;;) {
        pv key = pync_next(it);
        if (!key) return pync_current_exc ? -1 : 1;
        int rv = set_contains_key(so, key);
        if (rv != 0) return rv < 0 ? -1 : 0;
    }
}

static int set_difference_update_internal(pync_setobj *so, pv other) {
    if ((pv)so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (pync_anyset_check(other)) {
        /* when other is more than 8 times larger, only the common part matters */
        if ((S(other)->used >> 3) > so->used) {
            other = set_intersection_impl((pv)so, other);
            if (!other) return -1;
        }
        int64_t pos = 0;
        set_entry *entry;
        while (set_next_entry(S(other), &pos, &entry)) {
            if (set_discard_entry(so, entry->key, entry->hash) < 0) return -1;
        }
    } else {
        pv it = pync_iter(other);
        if (!it) return -1;
        for (;;) {
            pv key = pync_next(it);
            if (!key) {
                if (pync_current_exc) return -1;
                break;
            }
            if (set_discard_key(so, key) < 0) return -1;
        }
    }
    /* more than a quarter dummies: rebuild */
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int pync_set_difference_update(pv set, pv other) { return set_difference_update_internal(S(set), other); }

static pv set_copy_and_difference(pv self, pv other) {
    pv result = set_copy_impl(self);
    if (!result) return 0;
    if (set_difference_update_internal(S(result), other) == 0) return result;
    return 0;
}

static pv set_difference_impl(pv self, pv other) {
    pync_setobj *so = S(self);
    int64_t other_size;
    bool other_dict = pv_type(other) == &pync_dict_type;
    if (pync_anyset_check(other)) other_size = S(other)->used;
    else if (other_dict) other_size = (int64_t)((pync_dict *)other)->used;
    else return set_copy_and_difference(self, other);
    if ((so->used >> 2) > other_size) return set_copy_and_difference(self, other);
    pv result = make_new_set_basetype(pv_type(self), 0);
    if (!result) return 0;
    int64_t pos = 0;
    set_entry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        pv key = entry->key;
        int64_t hash = entry->hash;
        int rv;
        if (other_dict) {
            int64_t ix = pync_dict_lookup((pync_dict *)other, key, hash);
            rv = ix == -2 ? -1 : ix >= 0;
        } else {
            rv = set_contains_entry(S(other), key, hash);
        }
        if (rv < 0) return 0;
        if (!rv && set_add_entry(S(result), key, hash)) return 0;
    }
    return result;
}

static pv set_difference_multi(pv self, pv *others, size_t n) {
    if (n == 0) return set_copy_impl(self);
    pv result = set_difference_impl(self, others[0]);
    if (!result) return 0;
    for (size_t i = 1; i < n; i++) {
        if (set_difference_update_internal(S(result), others[i])) return 0;
    }
    return result;
}

static int set_symmetric_difference_update_impl(pync_setobj *so, pv other) {
    if ((pv)so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (pv_type(other) == &pync_dict_type) {
        pync_dict *d = (pync_dict *)other;
        for (size_t i = 0; i < d->nentries; i++) {
            pync_dict_entry *e = &d->entries[i];
            if (!e->key) continue;
            pv key = e->key;
            int64_t hash = e->hash;
            int rv = set_discard_entry(so, key, hash);
            if (rv < 0) return -1;
            if (rv == DISCARD_NOTFOUND && set_add_entry(so, key, hash)) return -1;
        }
        return 0;
    }
    pv otherset = other;
    if (!pync_anyset_check(other)) {
        otherset = make_new_set_basetype(pv_type((pv)so), other);
        if (!otherset) return -1;
    }
    int64_t pos = 0;
    set_entry *entry;
    while (set_next_entry(S(otherset), &pos, &entry)) {
        pv key = entry->key;
        int64_t hash = entry->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv < 0) return -1;
        if (rv == DISCARD_NOTFOUND && set_add_entry(so, key, hash)) return -1;
    }
    return 0;
}

int pync_set_symmetric_difference_update(pv set, pv other) {
    return set_symmetric_difference_update_impl(S(set), other);
}

static pv set_symmetric_difference_impl(pv self, pv other) {
    pv otherset = make_new_set_basetype(pv_type(self), other);
    if (!otherset) return 0;
    if (set_symmetric_difference_update_impl(S(otherset), self) < 0) return 0;
    return otherset;
}

/* 1, 0, -1 */
static int set_issubset_impl(pv self, pv other) {
    if (!pync_anyset_check(other)) {
        pv tmp = set_intersection_impl(self, other);
        if (!tmp) return -1;
        return S(tmp)->used == S(self)->used;
    }
    pync_setobj *so = S(self);
    if (so->used > S(other)->used) return 0;
    int64_t pos = 0;
    set_entry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        int rv = set_contains_entry(S(other), entry->key, entry->hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int set_issuperset_impl(pv self, pv other) {
    if (pync_anyset_check(other)) return set_issubset_impl(other, self);
    pv it = pync_iter(other);
    if (!it) return -1;
    for (;;) {
        pv key = pync_next(it);
        if (!key) return pync_current_exc ? -1 : 1;
        int rv = set_contains_key(S(self), key);
        if (rv <= 0) return rv;
    }
}

static pv bool_or_error(int r) { return r < 0 ? 0 : pync_bool(r); }

static pv set_richcompare(pv v, pv w, pync_cmpop op) {
    if (!pync_anyset_check(w)) return pync_NotImplemented;
    pync_setobj *a = S(v), *b = S(w);
    switch (op) {
    case PYNC_EQ:
    case PYNC_NE: {
        int eq;
        if (a->used != b->used) eq = 0;
        else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) eq = 0;
        else eq = set_issubset_impl(v, w);
        if (eq < 0) return 0;
        return pync_bool(op == PYNC_EQ ? eq : !eq);
    }
    case PYNC_LE: return bool_or_error(set_issubset_impl(v, w));
    case PYNC_GE: return bool_or_error(set_issuperset_impl(v, w));
    case PYNC_LT:
        if (a->used >= b->used) return pync_False;
        return bool_or_error(set_issubset_impl(v, w));
    case PYNC_GT:
        if (a->used <= b->used) return pync_False;
        return bool_or_error(set_issuperset_impl(v, w));
    }
    return pync_NotImplemented;
}

/* ---- number slots ---------------------------------------------------------------------------- */

static pv set_or(pv a, pv b) {
    if (!pync_anyset_check(a) || !pync_anyset_check(b)) return pync_NotImplemented;
    pv result = set_copy_impl(a);
    if (!result) return 0;
    if (a == b) return result;
    if (set_update_internal(S(result), b)) return 0;
    return result;
}

static pv set_ior(pv a, pv b) {
    if (!pync_anyset_check(b)) return pync_NotImplemented;
    if (set_update_internal(S(a), b)) return 0;
    return a;
}

static pv set_and(pv a, pv b) {
    if (!pync_anyset_check(a) || !pync_anyset_check(b)) return pync_NotImplemented;
    return set_intersection_impl(a, b);
}

static pv set_iand(pv a, pv b) {
    if (!pync_anyset_check(b)) return pync_NotImplemented;
    pv tmp = set_intersection_impl(a, b);
    if (!tmp) return 0;
    set_swap_bodies(S(a), S(tmp));
    return a;
}

static pv set_sub(pv a, pv b) {
    if (!pync_anyset_check(a) || !pync_anyset_check(b)) return pync_NotImplemented;
    return set_difference_impl(a, b);
}

static pv set_isub(pv a, pv b) {
    if (!pync_anyset_check(b)) return pync_NotImplemented;
    if (set_difference_update_internal(S(a), b)) return 0;
    return a;
}

static pv set_xor(pv a, pv b) {
    if (!pync_anyset_check(a) || !pync_anyset_check(b)) return pync_NotImplemented;
    return set_symmetric_difference_impl(a, b);
}

static pv set_ixor(pv a, pv b) {
    if (!pync_anyset_check(b)) return pync_NotImplemented;
    if (set_symmetric_difference_update_impl(S(a), b) < 0) return 0;
    return a;
}

/* ---- methods ------------------------------------------------------------------------------- */

/* the "set.x" / "frozenset.x" qualified names for METH_O / METH_NOARGS messages */
static const char *qual(pv self, const char *set_name, const char *frozen_name) {
    return pync_isinstance_type(self, &pync_set_type) ? set_name : frozen_name;
}

static pv m_add(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("set.add", nargs, kwnames) < 0) return 0;
    if (set_add_key(S(self), args[0])) return 0;
    return pync_None;
}

static pv m_clear(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("set.clear", nargs, kwnames) < 0) return 0;
    set_clear_internal(S(self));
    return pync_None;
}

static pv m_contains(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg(qual(self, "set.__contains__", "frozenset.__contains__"), nargs, kwnames) < 0) return 0;
    return bool_or_error(set_contains(self, args[0]));
}

static pv m_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("set.copy", nargs, kwnames) < 0) return 0;
    return set_copy_impl(self);
}

static pv m_frozenset_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("frozenset.copy", nargs, kwnames) < 0) return 0;
    if (pv_type(self) == &pync_frozenset_type) return self;
    return set_copy_impl(self);
}

/* set.remove/discard's retry with a frozenset when the key is an unhashable set */
static int discard_with_retry(pv self, pv key) {
    int rv = set_discard_key(S(self), key);
    if (rv < 0) {
        if (!pync_isinstance_type(key, &pync_set_type) ||
            pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) <= 0) {
            return -1;
        }
        pync_exc_clear();
        pv tmpkey = make_new_set(&pync_frozenset_type, key);
        if (!tmpkey) return -1;
        rv = set_discard_key(S(self), tmpkey);
    }
    return rv;
}

static pv m_discard(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("set.discard", nargs, kwnames) < 0) return 0;
    if (discard_with_retry(self, args[0]) < 0) return 0;
    return pync_None;
}

static pv m_remove(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("set.remove", nargs, kwnames) < 0) return 0;
    int rv = discard_with_retry(self, args[0]);
    if (rv < 0) return 0;
    if (rv == DISCARD_NOTFOUND) return pync_raise_key_error(args[0]);
    return pync_None;
}

static pv m_difference(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(qual(self, "set.difference", "frozenset.difference"), kwnames) < 0) return 0;
    return set_difference_multi(self, args, nargs);
}

static pv m_difference_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("set.difference_update", kwnames) < 0) return 0;
    for (size_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal(S(self), args[i])) return 0;
    }
    return pync_None;
}

static pv m_intersection(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(qual(self, "set.intersection", "frozenset.intersection"), kwnames) < 0) return 0;
    return set_intersection_multi(self, args, nargs);
}

static pv m_intersection_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("set.intersection_update", kwnames) < 0) return 0;
    pv tmp = set_intersection_multi(self, args, nargs);
    if (!tmp) return 0;
    set_swap_bodies(S(self), S(tmp));
    return pync_None;
}

static pv m_isdisjoint(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg(qual(self, "set.isdisjoint", "frozenset.isdisjoint"), nargs, kwnames) < 0) return 0;
    return bool_or_error(set_isdisjoint_impl(self, args[0]));
}

static pv m_issubset(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg(qual(self, "set.issubset", "frozenset.issubset"), nargs, kwnames) < 0) return 0;
    return bool_or_error(set_issubset_impl(self, args[0]));
}

static pv m_issuperset(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg(qual(self, "set.issuperset", "frozenset.issuperset"), nargs, kwnames) < 0) return 0;
    return bool_or_error(set_issuperset_impl(self, args[0]));
}

static pv m_pop(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("set.pop", nargs, kwnames) < 0) return 0;
    pync_setobj *so = S(self);
    set_entry *entry = so->table + (so->finger & so->mask);
    set_entry *limit = so->table + so->mask;
    if (so->used == 0) return pync_raise_fmt(&pync_KeyError_type, "pop from an empty set");
    while (entry->key == 0 || entry->key == dummy) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    pv key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static pv m_symmetric_difference(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg(qual(self, "set.symmetric_difference", "frozenset.symmetric_difference"), nargs, kwnames) < 0) {
        return 0;
    }
    return set_symmetric_difference_impl(self, args[0]);
}

static pv m_symmetric_difference_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("set.symmetric_difference_update", nargs, kwnames) < 0) return 0;
    if (set_symmetric_difference_update_impl(S(self), args[0]) < 0) return 0;
    return pync_None;
}

static pv m_union(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs(qual(self, "set.union", "frozenset.union"), kwnames) < 0) return 0;
    return set_union_impl(self, args, nargs);
}

static pv m_update(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("set.update", kwnames) < 0) return 0;
    for (size_t i = 0; i < nargs; i++) {
        if (set_update_internal(S(self), args[i])) return 0;
    }
    return pync_None;
}

/* set.__init__(iterable=()): empties the set, then updates it (for subclasses and
   super().__init__(...)) */
static pv set_init(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("set", kwnames) < 0) return 0;
    if (pync_check_positional(pv_type(self)->name, nargs, 0, 0, 1) < 0) return 0;
    pync_setobj *so = S(self);
    if (so->fill) set_clear_internal(so);
    so->hash = -1;
    if (nargs && set_update_internal(so, args[0])) return 0;
    return pync_None;
}

PYNC_METHOD(set, add, m_add, 0);
PYNC_METHOD(set, clear, m_clear, 0);
PYNC_METHOD(set, __contains__, m_contains, 0);
PYNC_METHOD(set, copy, m_copy, 0);
PYNC_METHOD(set, discard, m_discard, 0);
PYNC_METHOD(set, difference, m_difference, 0);
PYNC_METHOD(set, difference_update, m_difference_update, 0);
PYNC_METHOD(set, intersection, m_intersection, 0);
PYNC_METHOD(set, intersection_update, m_intersection_update, 0);
PYNC_METHOD(set, isdisjoint, m_isdisjoint, 0);
PYNC_METHOD(set, issubset, m_issubset, 0);
PYNC_METHOD(set, issuperset, m_issuperset, 0);
PYNC_METHOD(set, pop, m_pop, 0);
PYNC_METHOD(set, remove, m_remove, 0);
PYNC_METHOD(set, symmetric_difference, m_symmetric_difference, 0);
PYNC_METHOD(set, symmetric_difference_update, m_symmetric_difference_update, 0);
PYNC_METHOD(set, union, m_union, 0);
PYNC_METHOD(set, update, m_update, 0);
PYNC_METHOD(set, __class_getitem__, pync_class_getitem, PYNC_METH_CLASS);

PYNC_METHOD(frozenset, __contains__, m_contains, 0);
PYNC_METHOD(frozenset, copy, m_frozenset_copy, 0);
PYNC_METHOD(frozenset, difference, m_difference, 0);
PYNC_METHOD(frozenset, intersection, m_intersection, 0);
PYNC_METHOD(frozenset, isdisjoint, m_isdisjoint, 0);
PYNC_METHOD(frozenset, issubset, m_issubset, 0);
PYNC_METHOD(frozenset, issuperset, m_issuperset, 0);
PYNC_METHOD(frozenset, symmetric_difference, m_symmetric_difference, 0);
PYNC_METHOD(frozenset, union, m_union, 0);
PYNC_METHOD(frozenset, __class_getitem__, pync_class_getitem, PYNC_METH_CLASS);

static pv set_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("set", kwnames) < 0) return 0;
    if (pync_check_positional("set", nargs, 0, 0, 1) < 0) return 0;
    return make_new_set(type, nargs ? args[0] : 0);
}

static pv frozenset_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("frozenset", kwnames) < 0) return 0;
    if (pync_check_positional("frozenset", nargs, 0, 0, 1) < 0) return 0;
    return make_new_frozenset(type, nargs ? args[0] : 0);
}

const pync_type pync_set_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "set",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(pync_setobj),
    .trace = set_trace,
    .repr = set_repr,
    .richcompare = set_richcompare,
    .truth = set_truth,
    .construct = set_construct,
    .init = set_init,
    .iter = set_iter,
    .binop = {[PYNC_OP_SUB] = set_sub, [PYNC_OP_AND] = set_and, [PYNC_OP_XOR] = set_xor, [PYNC_OP_OR] = set_or},
    .inplace = {[PYNC_OP_SUB] = set_isub, [PYNC_OP_AND] = set_iand, [PYNC_OP_XOR] = set_ixor, [PYNC_OP_OR] = set_ior},
    .len = set_len,
    .contains = set_contains,
    .method_list = pync_methods__set,
};

const pync_type pync_frozenset_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "frozenset",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(pync_setobj),
    .trace = set_trace,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .truth = set_truth,
    .construct = frozenset_construct,
    .iter = set_iter,
    .binop = {[PYNC_OP_SUB] = set_sub, [PYNC_OP_AND] = set_and, [PYNC_OP_XOR] = set_xor, [PYNC_OP_OR] = set_or},
    .len = set_len,
    .contains = set_contains,
    .method_list = pync_methods__frozenset,
};
