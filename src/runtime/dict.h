/* dict.h — the dict's table, shared by dict.c (the table) and dict_methods.c (views, methods).
 *
 * CPython's compact dict: a power-of-two index table of int32 slots pointing into a dense,
 * insertion-ordered entry array. Deleted entries keep their place with key 0 until the table
 * is rebuilt, so iteration order is insertion order.
 *
 *   storage (one rawbuf): | int32 indices[mask + 1] | entries[capacity] |
 */
#ifndef PYNC_DICT_H
#define PYNC_DICT_H

#include "pync.h"

typedef struct pync_dict_entry {
    int64_t hash;
    pv key;                  /* 0: deleted */
    pv value;
} pync_dict_entry;

typedef struct pync_dict {
    pync_object ob;
    size_t used;             /* live entries */
    size_t nentries;         /* entries in use, deleted ones included */
    size_t capacity;         /* entry slots */
    size_t mask;             /* index slots - 1 */
    uint64_t version;        /* changes on every insertion or deletion (iterators check it) */
    pync_rawbuf *storage;
    int32_t *indices;
    pync_dict_entry *entries;
} pync_dict;

/* index slot values */
#define PYNC_DKIX_EMPTY (-1)
#define PYNC_DKIX_DUMMY (-2)

/* The entry index for key (with its hash), or -1 if absent, or -2 on error. */
int64_t pync_dict_lookup(pync_dict *d, pv key, int64_t hash);
/* Inserts or replaces with a known hash. 0 or -1. */
int pync_dict_insert(pync_dict *d, pv key, int64_t hash, pv value);
/* Removes the entry at index ix (found by lookup). */
void pync_dict_remove_at(pync_dict *d, int64_t ix, int64_t hash);

/* An empty dict of `type` (dict or a subclass). */
pv pync_dict_new_of_type(const pync_type *type);

/* dict_methods.c */
pv pync_dict_repr(pv d);
pv pync_dict_richcompare(pv a, pv b, pync_cmpop op);
pv pync_dict_or(pv a, pv b);
pv pync_dict_ior(pv a, pv b);
pv pync_dict_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames);
/* dict.__init__(self, [mapping or pairs], **kwargs): fills self as dict.update does, without
   calling an update method a subclass defines; None, or 0 on error */
pv pync_dict_init_args(pv self, pv *args, size_t nargs, pv kwnames);
pv pync_dict_iter(pv d);

#endif
