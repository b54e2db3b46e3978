/* stdmods.h — what the C implementations of collections, itertools, functools and operator share
 * (mod_collections.c, collections_*.c, mod_itertools.c, itertools_*.c, mod_functools.c,
 * mod_operator.c, stdmods.c): readying their types under their module's name, slot inheritance
 * for subclasses of built-in types, iteration helpers, and the few constructors one module takes
 * from another (Counter.elements is itertools' chain of repeats, Counter.most_common sorts by an
 * operator.itemgetter, functools' CacheInfo is a namedtuple). */
#ifndef PYNC_STDMODS_H
#define PYNC_STDMODS_H

#include "containers.h"

/* ---- types ---------------------------------------------------------------------------------- */

/* Readies a static type of module `module` (its dict from `methods`, MRO, __module__ = module,
   __qualname__ = its name after the last dot: static types carry CPython's dotted tp_name,
   "collections.deque", which error messages show), after copying every slot it leaves NULL from its base when it has one other than object
   (a C subclass of dict gets dict's len, iter, getitem...). 0 or -1. */
int pync_stdmod_ready(pync_type *t, const char *module);
/* CPython's _PyType_Name: a static type's tp_name after its last dot ("collections.deque" is
   "deque"), a class's name. */
const char *pync_stdmod_type_name(const pync_type *t);
/* Whether a class defined by the program between type and its first built-in base defines
   `name` (a subclass overriding a method the C code would otherwise bypass). */
bool pync_stdmod_overrides(const pync_type *type, const char *name);
/* Adds the (already readied) type to the module under its name. 0 or -1. */
int pync_stdmod_add_type(pv module, pync_type *t);

/* ---- iteration ------------------------------------------------------------------------------- */

/* The next item of an iterator returned by pync_iter; 0 at the end with no exception (a
   StopIteration is swallowed) or 0 with the exception on error. */
pv pync_stdmod_next(pv it);
static inline bool pync_stdmod_failed(void) { return pync_current_exc != 0; }

/* ---- arguments ------------------------------------------------------------------------------ */

/* The keyword names a call passed (kwnames[i] as a str pv). */
static inline pv pync_kwname(pv kwnames, size_t i) { return ((const pync_tuple *)kwnames)->items[i]; }
/* Argument Clinic / PyArg_ParseTupleAndKeywords parsing: `names` (NULL-terminated) may all be given
   by keyword; the first npos_max positionally; the first nrequired are required. out[i] is 0 when
   not given. CPython's messages: "f() takes at most 2 arguments (3 given)", "f() missing required
   argument 'x' (pos 1)", "'y' is an invalid keyword argument for f()", "argument for f() given by
   name ('x') and position (1)". 0 or -1. */
int pync_stdmod_parse(const char *fname, pv *args, size_t nargs, pv kwnames, const char *const *names,
                      size_t npos_max, size_t nrequired, pv *out);

/* ---- operator.c ------------------------------------------------------------------------------- */

/* operator.itemgetter(item) for one item */
pv pync_itemgetter_new(pv item);

/* ---- itertools ------------------------------------------------------------------------------ */

extern pync_type pync_itertools_count_type, pync_itertools_cycle_type, pync_itertools_repeat_type, pync_itertools_accumulate_type, pync_itertools_chain_type, pync_itertools_compress_type, pync_itertools_dropwhile_type, pync_itertools_takewhile_type, pync_itertools_filterfalse_type, pync_itertools_starmap_type, pync_itertools_pairwise_type, pync_itertools_zip_longest_type, pync_itertools_islice_type;
/* itertools_more.c */
extern pync_type pync_itertools_groupby_type, pync_itertools_grouper_type, pync_itertools_tee_type, pync_itertools_teedata_type, pync_itertools_product_type, pync_itertools_permutations_type, pync_itertools_combinations_type, pync_itertools_cwr_type;
/* tee(iterable, n=2, /) as called */
pv pync_itertools_tee(pv *args, size_t nargs, pv kwnames);
/* readies every itertools type (for use before the module is imported). 0 or -1. */
int pync_itertools_ready(void);
/* chain.from_iterable(iterable) */
pv pync_itertools_chain_from_iterable(pv iterable);
/* starmap(func, iterable) */
pv pync_itertools_starmap_new(pv func, pv iterable);

/* ---- collections ----------------------------------------------------------------------------- */

/* namedtuple(typename, fields) for runtime code: fields a NULL-terminated array of C strings;
   the class's __module__ is `module`. */
pv pync_namedtuple_make(const char *typename_, const char *const *fields, const char *module);

/* collections_counter.c / collections_dicts.c / collections_deque.c: the types and their readying */
extern pync_type pync_counter_type, pync_ordereddict_type, pync_defaultdict_type, pync_deque_type;
int pync_collections_counter_ready(void);
int pync_collections_dicts_ready(void);
int pync_collections_deque_ready(void);
/* namedtuple() as a module function */
pv pync_collections_namedtuple(pv self, pv *args, size_t nargs, pv kwnames);

#endif
