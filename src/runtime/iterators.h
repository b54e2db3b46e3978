/* iterators.h — the built-in iterator types (enumerate, zip, map, filter, reversed, the sequence
 * iterator, iter(callable, sentinel)) and the builtins that consume iterables (sorted, min, max,
 * sum, any, all), for builtins.c and the compiler's fast paths. Each behaves as CPython 3.11's,
 * error messages included. */
#ifndef PYNC_ITERATORS_H
#define PYNC_ITERATORS_H

#include "pync.h"

/* The types, callable as the builtins of the same names (their construct slots parse arguments
   exactly as CPython does). */
extern const pync_type pync_enumerate_type, pync_zip_type, pync_map_type, pync_filter_type, pync_reversed_type, pync_seqiter_type, pync_callable_iter_type;

/* enumerate(iterable, start): start 0 (no value) means 0; it must be an int (__index__). */
pv pync_enumerate_new(pv iterable, pv start);
/* zip(*iterables, strict=strict) */
pv pync_zip_new(pv *iterables, size_t n, bool strict);
/* map(func, *iterables); n >= 1 */
pv pync_map_new(pv func, pv *iterables, size_t n);
/* filter(func_or_None, iterable) */
pv pync_filter_new(pv func_or_none, pv iterable);
/* reversed(seq): seq.__reversed__() when the type has one, else len + getitem */
pv pync_reversed_new(pv seq);
/* iter(seq) for an object with __getitem__ but no __iter__ */
pv pync_seqiter_new(pv seq);
/* iter(callable, sentinel) */
pv pync_callable_iter_new(pv callable, pv sentinel);

/* sorted(iterable, key=key, reverse=reverse): key 0 or None for none. */
pv pync_sorted(pv iterable, pv key, bool reverse);
/* The sorted builtin with its own argument handling: sorted(iterable, /, *, key=None, reverse=False). */
pv pync_sorted_call(pv *args, size_t nargs, pv kwnames);
/* min(...) / max(...) with the builtin's arguments: one iterable or several positional values,
   key=, default= (vectorcall convention). */
pv pync_min_max(pv *args, size_t nargs, pv kwnames, bool is_max);
/* sum(iterable, start): start 0 (no value) means 0. CPython 3.11's fast paths: machine-word int
   accumulation, then plain left-to-right double addition once a float appears. */
pv pync_sum(pv iterable, pv start);
/* The sum builtin with its own argument handling: sum(iterable, /, start=0). */
pv pync_sum_call(pv *args, size_t nargs, pv kwnames);
pv pync_any(pv iterable);
pv pync_all(pv iterable);

#endif
