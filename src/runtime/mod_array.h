/* mod_array.h — what mod_array.c (the array type, storage, sequence protocol) and
 * array_methods.c (its methods) share. */
#ifndef PYNC_MOD_ARRAY_H
#define PYNC_MOD_ARRAY_H

#include "numeric.h"
#include "containers.h"
#include "str_impl.h"

/* How the items of a typecode are converted. */
enum { AK_SIGNED, AK_UNSIGNED, AK_FLOAT, AK_UNICODE };

typedef struct pync_array_desc {
    char code;          /* 'b', 'B', 'u', ... */
    uint8_t itemsize;   /* bytes of the target's C type */
    uint8_t kind;
} pync_array_desc;
/* every typecode, terminated by code 0 */
extern const pync_array_desc pync_array_descs[];

typedef struct array_obj {
    pync_object ob;
    const pync_array_desc *desc;
    size_t n;                 /* items */
    pync_rawbuf *buf;         /* NULL until the first item */
} array_obj;

extern pync_type pync_array_type, pync_array_iterator_type;
extern const pync_method_def pync_array_methods[];

static inline uint8_t *pync_array_data(array_obj *a) {
    static uint8_t empty[8];
    return a->buf ? a->buf->data : empty;
}
bool pync_array_check(pv v);
/* A new array of `type` (array or a subclass) with n zero items. */
array_obj *pync_array_alloc(const pync_type *type, const pync_array_desc *d, size_t n);
/* The item stored at p as a Python value. */
pv pync_array_item_at(const pync_array_desc *d, const uint8_t *p);
/* Converts v to an item's bits (the low itemsize bytes of *out, in native order), with CPython's
   per-typecode TypeError/OverflowError. 0 or -1. */
int pync_array_convert(const pync_array_desc *d, pv v, uint64_t *out);
/* Storage: room for n items; size set to n (new items zero). 0 or -1. */
int pync_array_reserve(array_obj *a, size_t n);
int pync_array_resize(array_obj *a, size_t n);
/* Appending and inserting one value (converted first: nothing changes on error), raw bytes (a
   multiple of the item size), another array of the same typecode, an iterable's items, a str's
   code points ('u'). 0 or -1. */
int pync_array_append(array_obj *a, pv v);
int pync_array_insert_at(array_obj *a, size_t i, pv v);
int pync_array_append_bytes(array_obj *a, const uint8_t *p, size_t size);
int pync_array_extend_array(array_obj *a, array_obj *b);
int pync_array_extend_iter(array_obj *a, pv iterable);
int pync_array_extend_unicode(array_obj *a, pv s);
/* Removes items [lo, hi). */
void pync_array_delete(array_obj *a, size_t lo, size_t hi);
/* a[start::step] for n items, as a new array. */
pv pync_array_slice(array_obj *a, int64_t start, int64_t step, int64_t n);
/* tolist() and tounicode() */
pv pync_array_tolist(array_obj *a);
pv pync_array_tounicode(array_obj *a);
pv pync_array_typecode(const array_obj *a);

/* The hooks for bytes.c and mod_struct.c. */
int pync_array_buffer(pv v, uint8_t **data, size_t *size);
pv pync_array_bytes(pv v);

#endif
