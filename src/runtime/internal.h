/* internal.h — declarations shared by runtime files but not part of the compiler's ABI. */
#ifndef PYNC_INTERNAL_H
#define PYNC_INTERNAL_H

#include "pync.h"

/* ---- startup ------------------------------------------------------------------------------ */

/* gc.c */
void pync_gc_init(void *stack_top);

/* Starts the runtime (heap, types, builtins, sys.argv) for pync_main and for C test drivers:
   `stack_top` is the address of a local in the caller's frame. 0 or -1. */
int pync_runtime_start(void *stack_top, int argc, char **argv);
/* Flushes output; returns `status`. */
int pync_runtime_finish(int status);

/* Runtime roots: each runtime file with static pv storage registers a function that visits it;
   the collector calls them all. */
void pync_register_static_roots(void (*trace)(void));
void pync_runtime_trace_roots(void);

/* ---- implementing built-in types ------------------------------------------------------------ */

/* Two C strings are equal (no libc here). */
static inline bool pync_cstr_eq(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* Sizes are computed in 64 bits (Py_ssize_t is int64_t on every target); one that must become a
   size_t for an allocation goes through this first: MemoryError when it is past what can be
   allocated — as CPython's failing malloc on 64-bit hosts, and on 32-bit targets instead of a
   size_t cast wrapping it round to a small size. 0 or -1. */
static inline int pync_check_alloc_size(uint64_t n) {
    if (n <= SIZE_MAX / 2) return 0;
    pync_raise_nomem();
    return -1;
}

/* Raises TypeError("fname() takes ...") unless min <= nargs <= max and kwnames is 0. 0 or -1. */
int pync_check_args(const char *fname, size_t nargs, pv kwnames, size_t min, size_t max);
/*
 * Parses (args, nargs, kwnames) against parameter `names` (NULL-terminated): the first `nposonly`
 * names are positional-only, every name may be given positionally up to `npos_max`, the rest by
 * keyword. out[i] is set to the value for names[i], or left 0 when not given. Raises the TypeErrors
 * of CPython's C functions (named by the part of fname after its last dot) for too many
 * arguments, unknown or duplicate keywords. 0 or -1.
 */
int pync_parse_args(const char *fname, pv *args, size_t nargs, pv kwnames,
                    const char *const *names, size_t nposonly, size_t npos_max, pv *out);
/* The same for a function CPython writes in Python (random.choices): fname is its qualified name
   ("Random.choices") and the keyword errors read as a Python function's. */
int pync_parse_args_py(const char *fname, pv *args, size_t nargs, pv kwnames,
                       const char *const *names, size_t nposonly, size_t npos_max, pv *out);

/* A method descriptor of a built-in type, as stored in the type's dict. */
extern const pync_type pync_method_descriptor_type;

/* Type dicts are filled from `methods` at startup; types created later (at module init) call
   this themselves. 0 or -1. */
int pync_type_ready(const pync_type *type);
/* An array.array's storage (1 with data and size set), else 0; NULL until the array module is
   imported (bytes.c). */
extern int (*pync_array_buffer_hook)(pv v, uint8_t **data, size_t *size);
/* type's MRO (a tuple), readying a built-in type on first use; 0 with an exception on failure */
pv pync_type_mro(const pync_type *type);
/* Descriptors (object.c, class.c): the value of descriptor `descr` found in type's MRO when
   looked up on obj (obj 0: on the type itself); whether it is a data descriptor (property, ...);
   assigning through it. */
pv pync_descr_get(pv descr, pv obj, const pync_type *type);
pv pync_descr_get_other(pv descr, pv obj, const pync_type *type);
bool pync_is_data_descriptor(pv descr);
int pync_descr_set(pv descr, pv obj, pv value);
pv pync_method_descriptor_new(const pync_method_def *def, const pync_type *owner);
int pync_object_hash(pv self, int64_t *out);
/* class.c: a built-in type's dunder as a method descriptor (object.__init__, ...), or 0 */
pv pync_builtin_slot_wrapper(const pync_type *t, pv name);
/* slot_wrappers.c: the dunder wrapping one of built-in type t's slots (list.__len__,
   int.__radd__, iterator.__next__), None for __hash__ of an unhashable type, or 0 */
pv pync_slot_wrapper_lookup(const pync_type *t, pv name);
/* slot_wrappers.c: such a wrapper bound to `self` ([].__len__, a method-wrapper) */
pv pync_method_wrapper_new(const pync_method_def *def, pv self);
/* A pync_method_def flag: the method wraps a slot (CPython's slot wrapper / method-wrapper). */
enum { PYNC_METH_WRAPPER = 4 };
/* A type flag: a built-in type whose instances are descriptors, with __get__ (and __set__ /
   __delete__ for a data descriptor) among its methods (collections' _tuplegetter). */
enum { PYNC_TF_DESCRIPTOR = 1 << 16 };
/* class.c: the built-in type whose instance struct type's instances extend (type itself for a
   built-in type) */
const pync_type *pync_layout_type(const pync_type *type);
pv pync_exception_init(pv self, pv *args, size_t nargs);
extern const pync_type pync_property_type, pync_classmethod_type, pync_staticmethod_type, pync_super_type;
pv pync_staticmethod_func(pv sm);
pv pync_classmethod_func(pv cm);
int pync_class_init(void);
/* class.c: keeps a class's slots in step with dunder methods assigned after creation; traces
   what a class object holds beyond pync_type. */
void pync_class_attribute_changed(pync_type *type, pv name);
void pync_class_trace_extra(pync_type *type);
/* protocol.c: raises CPython's TypeError for obj[key] = value (value 0: del obj[key]) on an
   object whose type has no item assignment; returns -1 */
int pync_item_assignment_error(pv obj, pv key, pv value);
/* generator.c: raises StopIteration for iterator `it` whose next slot just reported exhaustion
   (next(it), it.__next__()): a generator's carries the value it returned. Returns 0. */
pv pync_raise_exhausted(pv it);
/* iterators.c: the iterator for objects that only have __getitem__ */
pv pync_seqiter_new(pv seq);
/* Empties the cache of MRO lookups: call after any change to a class's namespace. */
void pync_type_cache_invalidate(void);
/* changes whenever a class or a class attribute does: caches of class lookups compare it */
uint32_t pync_type_cache_version(void);
/* (bound exit, enter result) of a context manager: rtsupport.c (with, async with) */
pv pync_enter_context(pv mgr, const char *enter_name, const char *exit_name, const char *protocol);
/* exit(None, None, None), or exit(type(exc), exc, tb): leaving a with or async with body; 0 on error */
pv pync_call_exit(pv exit, pv exc);
/* Looks `name` up along type's MRO; 0 (no exception) if absent. */
pv pync_type_lookup(const pync_type *type, pv name);
pv pync_type_lookup_cstr(const pync_type *type, const char *name);

/* ---- sequences ------------------------------------------------------------------------------ */

/* slice.c: CPython's PySlice_GetIndicesEx for a sequence of `length` ("slice step cannot be
   zero"). 0 or -1. */
int pync_slice_unpack(pv slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                      int64_t *slicelength);
/* tuple.c: lexicographic comparison of two item arrays (tuple and list). */
pv pync_sequence_richcompare(const pv *a, size_t na, const pv *b, size_t nb, pync_cmpop op);
extern const pync_type pync_tuple_iterator_type;

/* ---- attribute slots (class_slots.c) ------------------------------------------------------------ */

extern const pync_type pync_slot_member_type;
pv pync_slot_member_get(pv descr, pv obj);
int pync_slot_member_set(pv descr, pv obj, pv value);

/* ---- exceptions (exc.c) --------------------------------------------------------------------- */

/* The handled-exception stack, for generators that suspend inside an except block. */
size_t pync_exc_handled_depth(void);
pv pync_exc_handled_take(size_t depth);
void pync_exc_handled_restore(pv saved);

/* ---- the collector (gc.c) --------------------------------------------------------------------- */

/* Marks whatever the words of [start, start+size) point into (a generator's frame, whose
   layout only LLVM knows). For trace functions. */
void pync_gc_visit_conservative(const void *start, size_t size);
/* A 16-byte object from the bump region compiled code allocates floats in (gc.c). */
void *pync_gc_alloc_bump16(const pync_type *type);
extern char *pync_bump_next, *pync_bump_limit;

/* ---- per-file startup ------------------------------------------------------------------------ */

int pync_str_init(void);
int pync_tuple_init(void);
int pync_exc_init(void);
int pync_builtins_init(void);

/* ---- modules implemented in C ---------------------------------------------------------------- */

typedef struct pync_builtin_module {
    const char *name;               /* 'math' */
    int (*init)(pv module);         /* adds the module's attributes; 0 or -1 */
} pync_builtin_module;
/* module.c: sets an attribute of a module object. 0 or -1. */
int pync_module_add(pv module, const char *name, pv value);
int pync_module_add_functions(pv module, const pync_method_def *defs);
/* The modules implemented in C (mod_*.c), looked up by pync_import. */
extern const pync_builtin_module pync_mod_math, pync_mod_random, pync_mod_sys, pync_mod_time,
    pync_mod_cmath, pync_mod_gc, pync_mod_types, pync_mod_array, pync_mod_struct, pync_mod_io,
    pync_mod_collections, pync_mod_itertools, pync_mod_functools, pync_mod_operator;

/* ---- io.c ---------------------------------------------------------------------------------- */

extern const pync_type pync_textio_type;
pv pync_textio_new(int fd);
int pync_textio_fd(pv file);
pv pync_read_line(void);

/* ---- format specs (format_spec.c) -------------------------------------------------------------- */

/* A parsed format spec: [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type] */
typedef struct pync_format_spec {
    uint32_t fill;          /* code point, ' ' by default */
    char align;             /* '<' '>' '^' '=' or 0 */
    char sign;              /* '+' '-' ' ' or 0 */
    bool no_neg_zero;       /* 'z' */
    bool alternate;         /* '#' */
    bool zero_pad;          /* '0' before the width */
    int64_t width;          /* -1 if absent */
    char grouping;          /* ',' '_' or 0 */
    int64_t precision;      /* -1 if absent */
    char type;              /* presentation type, or 0 */
} pync_format_spec;
/* Parses spec (a str) into *out, with CPython's ValueErrors. 0 or -1. */
int pync_format_spec_parse(pv spec, pync_format_spec *out);
/* Pads `body` (a str) to spec->width with fill/align (default_align when spec->align is 0). */
pv pync_format_pad(pv body, const pync_format_spec *spec, char default_align);

/* ---- strings (str.c) ------------------------------------------------------------------------ */

/* A new str of `size` bytes / `length` code points to be filled in by the caller, then
   finished by pync_str_finish (which computes the ascii flag when ascii < 0). */
pv pync_str_alloc(size_t size, size_t length);
/* Decodes the code point at byte offset *pos of a UTF-8 buffer and advances *pos. */
uint32_t pync_utf8_decode(const char *s, size_t *pos);
/* Encodes cp into out (up to 4 bytes); returns the byte count. */
size_t pync_utf8_encode(uint32_t cp, char *out);
/* Byte offset of code point `index` in str s. */
size_t pync_str_offset(pv s, size_t index);
/* Whether str s equals the NUL-terminated UTF-8 string c (no allocation). */
bool pync_str_eq_cstr(pv s, const char *c);
/* A str builder for runtime code that produces text piece by piece. */
typedef struct pync_strbuf {
    pync_rawbuf *buf;
    size_t size;
    size_t length;          /* code points so far */
    bool ascii;
} pync_strbuf;
/* capacity: a first guess, computed in 64 bits (MemoryError when it cannot be allocated) */
int pync_strbuf_init(pync_strbuf *b, uint64_t capacity);
int pync_strbuf_append(pync_strbuf *b, const char *data, size_t size);   /* valid UTF-8 */
int pync_strbuf_append_str(pync_strbuf *b, pv s);
int pync_strbuf_append_cstr(pync_strbuf *b, const char *s);
int pync_strbuf_append_cp(pync_strbuf *b, uint32_t cp);
pv pync_strbuf_finish(pync_strbuf *b);
/* printf-like formatting into a new str (the pync_raise_fmt conversions). */
pv pync_str_fmt(const char *fmt, ...);
pv pync_str_vfmt(const char *fmt, va_list ap);

/* ---- hashing ------------------------------------------------------------------------------------ */

/* CPython's numeric hash: modulus 2**61 - 1 (on every target). */
#define PYNC_HASH_MODULUS (((int64_t)1 << 61) - 1)
#define PYNC_HASH_INF 314159
int64_t pync_hash_double(double v, pv self);
int64_t pync_hash_pointer(const void *p);
int64_t pync_hash_bytes(const void *data, size_t size);

#endif
