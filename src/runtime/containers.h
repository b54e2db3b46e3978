/* containers.h — what the container files (list.c, set.c, range.c, slice.c, dict_methods.c,
 * iterators.c) share with each other but not with the compiler: argument checks with CPython's
 * exact messages, index conversion, the repr recursion guard, and a few list/set internals.
 *
 * Everything here follows CPython 3.11 on a 64-bit host: Py_ssize_t is int64_t on every target,
 * so indices, lengths and hashes behave the same on 32-bit boards as on x86_64. */
#ifndef PYNC_CONTAINERS_H
#define PYNC_CONTAINERS_H

#include "pync.h"
#include "internal.h"

#define PYNC_SSIZE_MAX INT64_MAX
#define PYNC_SSIZE_MIN INT64_MIN

/* ---- argument checks (the messages of CPython's Argument Clinic and PyArg_UnpackTuple) ----- */

/* "NAME() takes no keyword arguments" unless kwnames is 0 or empty. 0 or -1. */
int pync_no_kwargs(const char *name, pv kwnames);
/* METH_O: "QUALNAME() takes exactly one argument (N given)". 0 or -1. */
int pync_check_one_arg(const char *qualname, size_t nargs, pv kwnames);
/* METH_NOARGS: "QUALNAME() takes no arguments (N given)". 0 or -1. */
int pync_check_no_args(const char *qualname, size_t nargs, pv kwnames);
/* PyArg_UnpackTuple / _PyArg_CheckPositional: "NAME expected at least MIN arguments, got N",
   "NAME expected at most MAX arguments, got N", "NAME expected N arguments, got M"; keywords
   rejected with "NAME() takes no keyword arguments". 0 or -1. */
int pync_check_positional(const char *name, size_t nargs, pv kwnames, size_t min, size_t max);
static inline size_t pync_kwcount(pv kwnames) {
    return kwnames ? ((const pync_tuple *)kwnames)->size : 0;
}
/* Whether kwnames[i] equals the C string s. */
bool pync_kwname_is(pv kwnames, size_t i, const char *s);

/* ---- integers and indices ----------------------------------------------------------------- */

/* Whether v has __index__ (an int, a bool, or a type with an index conversion other than float). */
bool pync_has_index(pv v);
/* The sign (-1, 0, 1) of an int value (small, big, bool). */
int pync_int_sign(pv v);
/* PyNumber_AsSsize_t(v, NULL): operator.index(v), clamped to the int64 range. 0 or -1. */
int pync_index_clamped(pv v, int64_t *out);
/* PyNumber_AsSsize_t(v, exc): operator.index(v) into int64; an int that does not fit raises
   `exc` ("cannot fit 'int' into an index-sized integer"). 0 or -1. */
int pync_index_or_raise(pv v, const pync_type *exc, int64_t *out);
/* _PyEval_SliceIndexNotNone (list.index's start/stop): "slice indices must be integers or have an
   __index__ method", clamped. 0 or -1. */
int pync_slice_index_not_none(pv v, int64_t *out);

/* ---- repr recursion guard (Py_ReprEnter / Py_ReprLeave) --------------------------------------- */

/* 0: entered; 1: v is already being repr'd (print "[...]"); -1: error. */
int pync_repr_enter(pv v);
void pync_repr_leave(pv v);

/* Readies a type on first use, inline when it is ready already (pync_type_ready). 0 or -1. */
static inline int pync_ready(const pync_type *t) { return t->state[0]->dict ? 0 : pync_type_ready(t); }

/* Raises KeyError(key) with the key as its single argument (tuple keys are not unpacked). */
pv pync_raise_key_error(pv key);

/* ---- GenericAlias (list.c): list[int] and friends ------------------------------------------------ */

extern const pync_type pync_generic_alias_type;
/* origin[args]: args a tuple, or a single item */
pv pync_generic_alias_new(pv origin, pv args);
/* __class_getitem__ as a PYNC_METH_CLASS method: `cls` is the class */
pv pync_class_getitem(pv cls, pv *args, size_t nargs, pv kwnames);

/* ---- list internals (list.c) ------------------------------------------------------------------ */

extern const pync_type pync_list_iterator_type, pync_list_reverseiterator_type;
/* The store of a list being sorted (list_sort.c): any resize replaces it. */
extern pync_pvarray pync_list_sort_marker;
/* Reverses items [lo, hi) in place. */
void pync_reverse_items(pv *lo, pv *hi);
/* list.sort(key=key, reverse=reverse): CPython's timsort, 0 or -1. key 0 or None: no key. */
int pync_list_sort(pv list, pv key, bool reverse);
/* list.sort as called from Python: sort(*, key=None, reverse=False) with CPython's messages. */
pv pync_list_sort_method(pv self, pv *args, size_t nargs, pv kwnames);
/* a[ilow:ihigh] = v (v 0 deletes), CPython's list_ass_slice. 0 or -1. */
int pync_list_ass_slice(pv list, int64_t ilow, int64_t ihigh, pv v);
/* A list of exactly `n` items whose slots the caller fills (size set to n, items zero). */
pv pync_list_new_prealloc(size_t n);
/* list or tuple items as an array; other iterables are first made into a list. Sets *items and
   *n; returns the object owning the items (keep it live) or 0 on error (PySequence_Fast). */
pv pync_sequence_fast(pv v, const char *errmsg, pv **items, size_t *n);

/* ---- set internals (set.c) ------------------------------------------------------------------ */

extern const pync_type pync_set_iterator_type;
static inline bool pync_anyset_check(pv v) {
    return pync_isinstance_type(v, &pync_set_type) || pync_isinstance_type(v, &pync_frozenset_type);
}
int64_t pync_set_size(pv set);
/* set(iterable) / frozenset(iterable) of the exact type given (iterable 0: empty). */
pv pync_set_new_from(const pync_type *type, pv iterable);
/* set.update(other) for one iterable. 0 or -1. */
int pync_set_update(pv set, pv other);
/* 1 if present, 0 if not, -1 on error. */
int pync_set_contains(pv set, pv key);
/* 1 if removed, 0 if absent, -1 on error. */
int pync_set_discard(pv set, pv key);
/* set.difference_update(other), set.symmetric_difference_update(other), set.intersection(other),
   for one argument each. */
int pync_set_difference_update(pv set, pv other);
int pync_set_symmetric_difference_update(pv set, pv other);
pv pync_set_intersection(pv set, pv other);
/* The next element: 1 while elements remain (pos starts at 0). */
int pync_set_next(pv set, size_t *pos, pv *key, int64_t *hash);

/* ---- iterator internals (iterators.c) -------------------------------------------------------- */

/* A reverse iterator over a sequence (len + getitem), CPython's reversed object. */
pv pync_reversed_seq_new(pv seq, int64_t n);

#endif
