/* pync.h — the runtime's one header: the ABI compiled programs and every runtime file rely on.
 *
 * The runtime is freestanding C11: it includes only clang's own <stdint.h>, <stddef.h>,
 * <stdbool.h>, <stdarg.h>; the platform layer (platform/) declares the few OS functions it calls.
 * One prefix, pync_. No reference counting: a tracing garbage collector (gc.c) owns memory.
 *
 * ---- Values -------------------------------------------------------------------------------
 *
 *   pv (a Python value) is one machine word:
 *
 *     ...................................1   small int: value = (intptr_t)v >> 1
 *                                            (63-bit on 64-bit targets, 31-bit on 32-bit ones)
 *     ................................000   pointer to an object (8-byte aligned), never 0
 *     0                                     "no value": a function returning pv returns 0 when
 *                                           it raised an exception (see Exceptions)
 *
 *   Every object starts with a pync_object header holding its type:
 *
 *     +------------------+
 *     | const pync_type* |  type
 *     +------------------+
 *     | type-specific... |
 *
 *   None, True, False, NotImplemented, Ellipsis and the type objects are statically allocated.
 *   Ints beyond the small range are pync_long objects (lib/mp.h digits); floats are pync_float.
 *
 * ---- Exceptions ---------------------------------------------------------------------------
 *
 *   A function that can fail returns 0 (pv), -1 (int results) or sets the failure through its
 *   documented convention, after setting the current exception with pync_raise*(). Compiled code
 *   tests the result, records the traceback entry (pync_traceback_add) and jumps to its handler.
 *   The checked-return scheme works on every target, bare metal included.
 *
 * ---- Calls --------------------------------------------------------------------------------
 *
 *   pync_call(callable, args, nargs, kwnames) is the one calling convention (like CPython's
 *   vectorcall): args[0..nargs) are positional, followed by len(kwnames) keyword values whose
 *   names are in the tuple kwnames (0 when there are none).
 */
#ifndef PYNC_H
#define PYNC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/pync_lib.h"

/* ==== values ================================================================================ */

typedef uintptr_t pv;
typedef struct pync_type pync_type;
typedef struct pync_object {
    const pync_type *type;
} pync_object;

#define PYNC_PTR_BITS (sizeof(void *) * 8)
/* the small-int range */
#define PYNC_SMALL_MAX ((intptr_t)(((uintptr_t)1 << (PYNC_PTR_BITS - 2)) - 1))
#define PYNC_SMALL_MIN (-PYNC_SMALL_MAX - 1)

static inline bool pv_is_small(pv v) { return (v & 1) != 0; }
static inline intptr_t pv_small(pv v) { return (intptr_t)v >> 1; }
static inline pv pv_from_small(intptr_t i) { return ((uintptr_t)i << 1) | 1; }
static inline bool pync_fits_small(int64_t i) { return i >= PYNC_SMALL_MIN && i <= PYNC_SMALL_MAX; }
static inline pync_object *pv_obj(pv v) { return (pync_object *)v; }
static inline pv pv_of(const void *o) { return (pv)o; }

extern const pync_type pync_int_type;
static inline const pync_type *pv_type(pv v) {
    return pv_is_small(v) ? &pync_int_type : ((const pync_object *)v)->type;
}

/* ==== type objects ========================================================================== */

/* Binary operators, in the order of the slots below (and of the compiler's BinOp table). */
typedef enum pync_binop {
    PYNC_OP_ADD, PYNC_OP_SUB, PYNC_OP_MUL, PYNC_OP_MATMUL, PYNC_OP_TRUEDIV, PYNC_OP_FLOORDIV,
    PYNC_OP_MOD, PYNC_OP_POW, PYNC_OP_LSHIFT, PYNC_OP_RSHIFT, PYNC_OP_AND, PYNC_OP_XOR, PYNC_OP_OR,
    PYNC_BINOP_COUNT
} pync_binop;

typedef enum pync_unop { PYNC_OP_NEG, PYNC_OP_POS, PYNC_OP_INVERT, PYNC_OP_ABS, PYNC_UNOP_COUNT } pync_unop;

/* Rich comparisons (CPython's order). */
typedef enum pync_cmpop { PYNC_LT, PYNC_LE, PYNC_EQ, PYNC_NE, PYNC_GT, PYNC_GE } pync_cmpop;

/* Type flags. */
enum {
    PYNC_TF_HEAPTYPE = 1 << 0,   /* a class defined by the program */
    PYNC_TF_BASETYPE = 1 << 1,   /* may be subclassed */
    PYNC_TF_LEAF = 1 << 2,       /* instances hold no references: the collector skips them */
    PYNC_TF_EXCEPTION = 1 << 3,  /* BaseException or a subclass */
    PYNC_TF_INT_SUBCLASS = 1 << 4,
    PYNC_TF_STR_SUBCLASS = 1 << 5,
    PYNC_TF_TUPLE_SUBCLASS = 1 << 6,
    PYNC_TF_LIST_SUBCLASS = 1 << 7,
    PYNC_TF_DICT_SUBCLASS = 1 << 8,
    PYNC_TF_TYPE_SUBCLASS = 1 << 9,
};

typedef pv (*pync_cfunc)(pv self, pv *args, size_t nargs, pv kwnames);

/* A method of a built-in type (list.append): `self` is the receiver. */
typedef struct pync_method_def {
    const char *name;
    pync_cfunc fn;
    unsigned flags;     /* PYNC_METH_STATIC, PYNC_METH_CLASS */
} pync_method_def;
enum { PYNC_METH_STATIC = 1, PYNC_METH_CLASS = 2 };

/* A method of a core built-in type (or a built-in function), defined as its own object
   pync_md__<list>__<name> so that a program links only the methods it can reach: the compiler
   emits each list pync_methods__<list> (NULL-terminated pointers) with the entries whose names the
   program can use (all of them when it looks attributes up by computed names), and the linker
   drops the rest with the functions only they refer to. method_lists.h declares the lists,
   method_lists_all.c holds complete ones for C drivers that link the runtime without a program;
   both are generated by scripts/gen-method-lists.mjs, which also tells the compiler what exists. */
#define PYNC_METHOD(list, name, fn, flags) const pync_method_def pync_md__##list##__##name = {#name, fn, flags}
/* A built-in type by the name programs use (builtins.c): see pync_builtin_types. */
#define PYNC_BUILTIN_TYPE(name) extern const pync_type pync_##name##_type
#include "method_lists.h"

/*
 * A type. Slots left NULL mean "not supported": the generic operations (object.c) then raise the
 * TypeError CPython raises. For classes defined by the program, class.c fills the slots with
 * functions that look the dunder method up in the class (slot_* in CPython).
 */
/* The part of a type that changes after it is defined, reached through the type's `state` cell
   (t->state[0]->dict). A built-in type's cell is one word of RAM holding the zeroed
   pync_type_state_unready until pync_type_ready (when the type is first needed) puts a state
   made on the heap there; a class's state is part of the class object. So a type nobody uses
   costs one word of RAM, and the type object itself is constant (in flash on boards). */
typedef struct pync_type_state {
    pync_object ob;                                     /* a GC object when made by pync_type_ready */
    pv dict;                                            /* the class namespace (a dict) */
    pv mro;                                             /* tuple of types */
    pv bases;                                           /* tuple of types */
    pv qualname;                                        /* str, for classes */
    pv module;                                          /* str: '__main__', 'builtins', ... */
} pync_type_state;
extern const pync_type_state pync_type_state_unready;
/* In a static type's initializer: its state cell, holding the unready state until it is readied. */
#define PYNC_TYPE_STATE .state = (pync_type_state *[]){(pync_type_state *)&pync_type_state_unready}

struct pync_type {
    pync_object ob;                 /* ob.type is &pync_type_type */
    const char *name;               /* "int", "ZeroDivisionError", "A" (see qualname for classes) */
    const pync_type *base;          /* the base type, NULL for object */
    uint32_t flags;
    uint32_t basicsize;             /* bytes of a fixed-size instance */
    uint32_t dictoffset;            /* offset of the instance __dict__ pv, 0 if none */
    uint32_t raw_slots;             /* bit k: compiler slot k holds a raw double (class_slots.c) */

    /* the garbage collector calls trace to visit every pv an instance holds (pync_gc_visit) */
    void (*trace)(pync_object *self);

    pv (*repr)(pv self);
    pv (*str)(pv self);
    /* 0 and *out set, or -1 with TypeError (unhashable) */
    int (*hash)(pv self, int64_t *out);
    /* a bool, pync_NotImplemented, or 0 on error */
    pv (*richcompare)(pv a, pv b, pync_cmpop op);
    int (*truth)(pv self);                              /* 1, 0, or -1 on error */

    pv (*getattr)(pv self, pv name);                    /* NULL: pync_generic_getattr */
    int (*setattr)(pv self, pv name, pv value);         /* value 0 deletes; NULL: generic */
    pv (*call)(pv self, pv *args, size_t nargs, pv kwnames);
    /* calling the type itself: int('3'), list(), A(1, 2). `type` may be a subclass: allocate
       type->basicsize bytes with header `type` (a subclass adds a __dict__ slot at the end). */
    pv (*construct)(const pync_type *type, pv *args, size_t nargs, pv kwnames);
    /* __init__ of a mutable built-in (list, dict, set, bytearray): fills an instance created
       empty by construct(type, NULL, 0, 0); used for subclasses and super().__init__(...) */
    pv (*init)(pv self, pv *args, size_t nargs, pv kwnames);
    pv (*iter)(pv self);
    /* the next item; 0 with no exception set when exhausted; 0 with an exception on error */
    pv (*next)(pv self);

    /* numbers: the binary operator of a given pync_binop, with a's type's slot tried first and
       b's second, as CPython does; each returns pync_NotImplemented for operands it does not take */
    pv (*binop[PYNC_BINOP_COUNT])(pv a, pv b);
    /* in-place variants (list += ...); NULL falls back to binop */
    pv (*inplace[PYNC_BINOP_COUNT])(pv a, pv b);
    pv (*unop[PYNC_UNOP_COUNT])(pv a);
    pv (*to_int)(pv self);                              /* __index__ / __int__ */
    pv (*to_float)(pv self);                            /* __float__ */

    /* containers */
    int64_t (*len)(pv self);                            /* -1 on error */
    pv (*getitem)(pv self, pv key);
    int (*setitem)(pv self, pv key, pv value);          /* value 0 deletes */
    int (*contains)(pv self, pv item);                  /* 1, 0, -1 */

    const pync_method_def *methods;                     /* NULL-terminated; bound at startup */
    const pync_method_def *const *method_list;          /* the same, as a program-selected list (PYNC_METHOD) */
    /* format(value, spec) (__format__); NULL: str(value) formatted as a string */
    pv (*format)(pv self, pv spec);

    /* what start-up and class creation fill in: the type object itself stays constant (in
       flash on boards) and points at its state (PYNC_TYPE_STATE for static types) */
    struct pync_type_state **state;
};

extern const pync_type pync_type_type;     /* type */
extern const pync_type pync_object_type;   /* object */

/* The static singletons. */
extern pync_object pync_None_object, pync_True_object, pync_False_object;
extern pync_object pync_NotImplemented_object, pync_Ellipsis_object;
#define pync_None ((pv)&pync_None_object)
#define pync_True ((pv)&pync_True_object)
#define pync_False ((pv)&pync_False_object)
#define pync_NotImplemented ((pv)&pync_NotImplemented_object)
#define pync_Ellipsis ((pv)&pync_Ellipsis_object)
static inline pv pync_bool(bool b) { return b ? pync_True : pync_False; }

/* isinstance(v, t) for a known type t, following base chains (and the MRO for classes). */
bool pync_is_subtype(const pync_type *a, const pync_type *b);
static inline bool pync_isinstance_type(pv v, const pync_type *t) {
    const pync_type *vt = pv_type(v);
    return vt == t || pync_is_subtype(vt, t);
}

/* ==== memory (gc.c) ========================================================================= */

/* A new object of `size` bytes whose header holds `type`; the rest is zeroed. Raises MemoryError
   (returns NULL) when memory is exhausted. Collections happen only inside allocation. */
void *pync_gc_alloc(size_t size, const pync_type *type);
/* Called by trace functions for every pv (or object pointer) an object holds. Ignores small ints,
   0, and pointers that are not into the heap (static objects). */
void pync_gc_visit(pv v);
static inline void pync_gc_visit_obj(const void *o) { pync_gc_visit((pv)o); }
/* Registers [start, start+count) as a root range (module globals, constant tables). */
void pync_gc_add_roots(pv *start, size_t count);
/* The same, for roots registered while the program runs (a type readied on first use): -1, with
   nothing raised, when the table of root ranges cannot grow. */
int pync_gc_try_add_roots(pv *start, size_t count);
/* Runs a collection now (gc.collect()). */
void pync_gc_collect(void);
/* Statistics for tests and `gc` introspection. */
typedef struct pync_gc_stats {
    size_t heap_bytes, live_bytes, collections, allocated_total;
} pync_gc_stats;
void pync_gc_get_stats(pync_gc_stats *out);

/* A block of pv slots (list storage, dict tables): a GC object whose items are traced. */
typedef struct pync_pvarray {
    pync_object ob;
    size_t capacity;
    pv items[];
} pync_pvarray;
extern const pync_type pync_pvarray_type;
pync_pvarray *pync_pvarray_new(size_t capacity);
/* A block of raw bytes (string builders, double arrays): never traced inside. */
typedef struct pync_rawbuf {
    pync_object ob;
    size_t capacity;
    _Alignas(8) uint8_t data[];
} pync_rawbuf;
extern const pync_type pync_rawbuf_type;
pync_rawbuf *pync_rawbuf_new(size_t capacity);

/* ==== exceptions (exc.c) ==================================================================== */

/* The exception being raised (0 when none). */
extern pv pync_current_exc;

/* Sets the current exception: an instance, or a class (called with no arguments). Returns 0. */
pv pync_raise(pv exc);
/* Raises type(message formatted like PyUnicode_FromFormat: %s %d %zd %lld %c %U (a str pv)
   %R (repr of a pv) %S (str of a pv) %T (type name of a pv) %%). Returns 0. */
pv pync_raise_fmt(const pync_type *type, const char *fmt, ...);
pv pync_raise_va(const pync_type *type, const char *fmt, va_list ap);
/* Raises MemoryError without allocating. Returns 0. */
pv pync_raise_nomem(void);
/* Raises SystemError for a state the runtime believes impossible. Returns 0. */
pv pync_bad_internal_call(const char *where);
/* Whether the current exception is an instance of type (or tuple of types) `match`; -1 if
   `match` is not a valid except clause type (TypeError raised). */
int pync_exc_matches(pv exc, pv match);
/* Takes the current exception (clearing it). */
pv pync_exc_fetch(void);
void pync_exc_clear(void);

/* Traceback entries, appended as an exception leaves a frame (most recent last when printed). */
typedef struct pync_code pync_code;
void pync_traceback_add(const pync_code *code, int line);

/* The exception being handled by an `except` block (sys.exc_info(), __context__ chaining):
   compiled code pushes when it enters a handler and pops when it leaves it. */
void pync_exc_push_handled(pv exc);
void pync_exc_pop_handled(void);
pv pync_exc_handled(void);

/* raise X from Y / raise (re-raise) */
pv pync_raise_from(pv exc, pv cause);
pv pync_reraise(void);

/* Prints the current (uncaught) exception with its traceback in CPython's format to stderr and
   returns the process exit status (1, or SystemExit's code). */
int pync_report_uncaught(void);
/* Reports the current exception, raised while finalising `obj` where nothing can catch it, as
   CPython does: "Exception ignored in: <repr>" and the traceback on stderr; clears it. */
void pync_report_ignored(pv obj);

/* Exception types. */
extern const pync_type pync_BaseException_type, pync_Exception_type, pync_SystemExit_type, pync_KeyboardInterrupt_type, pync_GeneratorExit_type, pync_StopIteration_type, pync_StopAsyncIteration_type, pync_ArithmeticError_type, pync_ZeroDivisionError_type, pync_OverflowError_type, pync_FloatingPointError_type, pync_AssertionError_type, pync_AttributeError_type, pync_LookupError_type, pync_IndexError_type, pync_KeyError_type, pync_NameError_type, pync_UnboundLocalError_type, pync_RuntimeError_type, pync_RecursionError_type, pync_NotImplementedError_type, pync_TypeError_type, pync_ValueError_type, pync_UnicodeError_type, pync_UnicodeDecodeError_type, pync_UnicodeEncodeError_type, pync_MemoryError_type, pync_OSError_type, pync_EOFError_type, pync_ImportError_type, pync_ModuleNotFoundError_type, pync_BufferError_type, pync_SystemError_type, pync_Warning_type, pync_UserWarning_type, pync_DeprecationWarning_type, pync_RuntimeWarning_type;

/* ==== the generic object protocol (object.c) ================================================ */

pv pync_repr(pv v);                                  /* repr(v): a str */
pv pync_str(pv v);                                   /* str(v): a str */
pv pync_ascii(pv v);                                 /* ascii(v) */
int pync_hash(pv v, int64_t *out);                   /* hash(v); 0 or -1 */
int pync_truth(pv v);                                /* bool(v): 1, 0, -1 */
pv pync_not(pv v);                                   /* not v */
pv pync_compare(pv a, pv b, pync_cmpop op);          /* a < b etc.: any value (usually a bool) */
int pync_compare_bool(pv a, pv b, pync_cmpop op);    /* the truth of a < b etc.: 1, 0, -1 */
int pync_equal(pv a, pv b);                          /* a == b as a truth value: 1, 0, -1 */
pv pync_is(pv a, pv b);                              /* a is b */
pv pync_binary(pv a, pv b, pync_binop op);           /* a + b etc. */
pv pync_inplace(pv a, pv b, pync_binop op);          /* a += b etc. */
pv pync_unary(pv a, pync_unop op);                   /* -a, +a, ~a */
int pync_contains(pv container, pv item);            /* item in container: 1, 0, -1 */

pv pync_getattr(pv obj, pv name);                    /* obj.name (name is a str) */
pv pync_getattr_cstr(pv obj, const char *name);
int pync_setattr(pv obj, pv name, pv value);         /* obj.name = value; value 0: del obj.name */
int pync_hasattr(pv obj, pv name);                   /* 1, 0, -1 */
pv pync_generic_getattr(pv obj, pv name);            /* the object.__getattribute__ algorithm */
int pync_generic_setattr(pv obj, pv name, pv value);

pv pync_getitem(pv obj, pv key);                     /* obj[key] */
int pync_setitem(pv obj, pv key, pv value);          /* obj[key] = value; value 0: del */
int64_t pync_len(pv obj);                            /* len(obj), -1 on error */
pv pync_iter(pv obj);                                /* iter(obj) */
pv pync_next(pv iter);                               /* next item, or 0: exhausted if !pync_current_exc */

pv pync_call(pv callable, pv *args, size_t nargs, pv kwnames);
/* f(*args, **kwargs): args a tuple, kwargs a dict or 0 */
pv pync_call_ex(pv callable, pv args, pv kwargs);
/* obj.name(*args): without allocating a bound method when the attribute is a plain method */
pv pync_call_method(pv obj, pv name, pv *args, size_t nargs, pv kwnames);
pv pync_call0(pv callable);
pv pync_call1(pv callable, pv a);
pv pync_call2(pv callable, pv a, pv b);

/* Conversions with CPython's errors. */
int pync_index(pv v, int64_t *out);                  /* operator.index(v) into int64, OverflowError if too big */
pv pync_number_index(pv v);                          /* operator.index(v) as an int pv */
int pync_as_double(pv v, double *out);               /* float(v) for int/float/bool/__float__ */
const char *pync_type_name(pv v);                    /* type(v).__name__ */

/* ==== built-in types and their constructors ================================================= */

/* int: small ints are tagged; bigger ones are pync_long */
typedef struct pync_mp pync_mp;
typedef struct pync_long {
    pync_object ob;
    /* a lib/mp.h pync_mp in place: (pync_mp *)&l->size */
    int32_t size;
    uint32_t digits[];
} pync_long;
pv pync_int_from_i64(int64_t v);
pv pync_int_from_u64(uint64_t v);
pv pync_int_from_double(double v);                   /* int(x): raises for inf/nan */
pv pync_int_from_mp(pync_mp *m);                     /* normalises to a small int when it fits */
const pync_mp *pync_int_as_mp(pv v, void *buf /* pync_mp_buf64 */);
bool pync_int_as_i64(pv v, int64_t *out);            /* false if it does not fit */
double pync_int_as_double(pv v, int *overflow);
pv pync_int_from_str(const char *s, size_t len, int base);   /* int(str, base) */
/* Slow paths compiled code calls when the small-int fast path overflows. */
pv pync_int_add(pv a, pv b);
pv pync_int_sub(pv a, pv b);
pv pync_int_mul(pv a, pv b);
extern const pync_type pync_bool_type;

/* float */
typedef struct pync_float {
    pync_object ob;
    double value;
} pync_float;
extern const pync_type pync_float_type;
pv pync_float_new(double v);
static inline double pync_float_value(pv v) { return ((const pync_float *)v)->value; }

extern const pync_type pync_complex_type;
pv pync_complex_new(double real, double imag);

/* str: immutable, UTF-8 (surrogate code points allowed, as 3-byte sequences) */
typedef struct pync_str {   /* (the type is pync_strobj: pync_str is str(v)) */
    pync_object ob;
    int64_t hash;        /* -1 until computed */
    size_t length;       /* code points */
    size_t size;         /* bytes, excluding the NUL */
    uint8_t ascii;       /* every code point < 128: indexing is O(1) */
    uint8_t interned;
    char data[];         /* NUL-terminated */
} pync_strobj;
extern const pync_type pync_str_type;
pv pync_str_from_utf8(const char *s, size_t size);   /* valid UTF-8 (the compiler's constants) */
pv pync_str_from_cstr(const char *s);
pv pync_str_intern(pv s);                            /* one object per distinct value */
pv pync_str_concat(pv a, pv b);
bool pync_str_equal(pv a, pv b);
static inline const char *pync_str_data(pv s) { return ((const pync_strobj *)s)->data; }
static inline size_t pync_str_size(pv s) { return ((const pync_strobj *)s)->size; }
/* str % args, str.format(...), format(v, spec), f-string pieces */
pv pync_str_mod(pv fmt, pv args);
pv pync_format(pv value, pv spec);                   /* format(value, spec) */
pv pync_str_join_n(pv *parts, size_t n);             /* ''.join of str pieces (f-strings) */
pv pync_format_fstring_value(pv value, int conversion /* -1, 's', 'r', 'a' */, pv spec /* str or 0 */);

/* bytes / bytearray */
extern const pync_type pync_bytes_type, pync_bytearray_type;
pv pync_bytes_new(const uint8_t *data, size_t size);

/* tuple: fixed size */
typedef struct pync_tuple {
    pync_object ob;
    size_t size;
    pv items[];
} pync_tuple;
extern const pync_type pync_tuple_type;
pv pync_tuple_new(size_t size);                      /* items set to 0: fill before use */
pv pync_tuple_pack(size_t n, ...);
pv pync_tuple_from_array(const pv *items, size_t n);
extern pv pync_empty_tuple;

/* list: growable; items are pv (the storage is a pync_pvarray) */
typedef struct pync_list {
    pync_object ob;
    size_t size;
    pv *items;                   /* = store->items */
    pync_pvarray *store;
} pync_list;
extern const pync_type pync_list_type;
pv pync_list_new(size_t size);                       /* size items set to None */
pv pync_list_from_array(const pv *items, size_t n);
int pync_list_append(pv list, pv item);              /* 0 or -1 */
pv pync_list_from_iterable(pv iterable);             /* list(iterable) */
int pync_list_extend(pv list, pv iterable);

/* dict (insertion-ordered) */
extern const pync_type pync_dict_type;
pv pync_dict_new(void);
int pync_dict_setitem(pv dict, pv key, pv value);    /* 0 or -1 */
pv pync_dict_getitem(pv dict, pv key);               /* 0 with KeyError raised if missing */
pv pync_dict_get(pv dict, pv key);                   /* 0 with no exception if missing; 0 with one on error */
int pync_dict_delitem(pv dict, pv key);
int pync_dict_update(pv dict, pv other);             /* {**other} and dict.update */
int pync_dict_next(pv dict, size_t *pos, pv *key, pv *value);  /* iteration: 1 while items remain */

/* set / frozenset: iteration order as CPython's hash table gives it */
extern const pync_type pync_set_type, pync_frozenset_type;
pv pync_set_new(void);
int pync_set_add(pv set, pv item);
pv pync_frozenset_new(pv iterable);

/* range, slice */
extern const pync_type pync_range_type, pync_slice_type;
pv pync_range_new(pv start, pv stop, pv step);
pv pync_slice_new(pv start, pv stop, pv step);       /* 0 for an omitted part: None */

/* ==== functions, closures, classes, modules ================================================= */

/* What the compiler knows about a function, emitted as constant data. */
struct pync_code {
    const char *name;
    const char *qualname;
    const char *filename;
    int32_t firstlineno;
    uint16_t argcount;           /* positional parameters, positional-only included */
    uint16_t posonlyargcount;
    uint16_t kwonlyargcount;
    uint16_t flags;              /* PYNC_CO_VARARGS, PYNC_CO_VARKEYWORDS, ... */
    const char *const *varnames; /* parameter names: positional, [*args], keyword-only, [**kwargs] */
    /* the function body: bound[] holds every parameter in varnames order (*args a tuple, **kwargs
       a dict); `func` is the function object (closure cells, defaults) */
    pv (*entry)(pv func, pv *bound);
};
enum {
    PYNC_CO_VARARGS = 1,
    PYNC_CO_VARKEYWORDS = 2,
    PYNC_CO_GENERATOR = 4,
    PYNC_CO_COROUTINE = 8,
    PYNC_CO_NESTED = 16,
};

typedef struct pync_function {
    pync_object ob;
    const pync_code *code;
    pv defaults;                 /* tuple of positional defaults, or 0 */
    pv kwdefaults;               /* dict, or 0 */
    pv closure;                  /* tuple of cells, or 0 */
    pv name, qualname;           /* str */
    pv module;                   /* str */
    pv dict;                     /* function attributes, 0 until set */
    pv doc;
    uint32_t flags;              /* PYNC_FUNC_ITERABLE_COROUTINE */
} pync_function;
/* types.coroutine(f) of a generator function: its generators may be awaited. */
enum { PYNC_FUNC_ITERABLE_COROUTINE = 1 };
extern const pync_type pync_function_type;
pv pync_function_new(const pync_code *code, pv defaults, pv kwdefaults, pv closure);
/* Binds a call's arguments to the parameters of code (defaults included) into bound[], with
   CPython's messages for missing/extra/duplicate arguments. 0 or -1. */
int pync_bind_args(pv func, pv *args, size_t nargs, pv kwnames, pv *bound);

/* Closure cells. */
typedef struct pync_cell {
    pync_object ob;
    pv value;                    /* 0: empty */
} pync_cell;
extern const pync_type pync_cell_type;
pv pync_cell_new(pv value);

/* Methods bound to an instance; built-in methods. */
extern const pync_type pync_method_type, pync_builtin_function_type;
pv pync_method_new(pv func, pv self);
pv pync_builtin_new(const char *name, pync_cfunc fn, pv self);

/* Classes: `class Name(bases, **kw): body` — the compiler runs the body as a function filling a
   namespace dict, then calls this (the metaclass protocol for plain classes). */
pv pync_class_new(pv name, pv qualname, pv bases /* tuple */, pv namespace /* dict */, pv kwargs);
/* super() inside a method: the class the method was defined in, and its first argument */
pv pync_super_new(pv cls, pv self);

/* Modules: globals are static pv slots; the table lets getattr/setattr reach them by name. */
typedef struct pync_global {
    const char *name;
    pv *slot;
} pync_global;
typedef struct pync_module_def {
    const char *name;            /* '__main__', 'pkg.mod' */
    const char *filename;
    const pync_global *globals;  /* name-ordered */
    size_t nglobals;
    int (*init)(pv module);      /* runs the module body once; 0 or -1 */
} pync_module_def;
extern const pync_type pync_module_type;
/* `import name` of a compiled or built-in module: the module object, initialised once. */
pv pync_import(const char *name);
/* NameError for a global or builtin that has no value */
pv pync_raise_name_error(const char *name);
/* UnboundLocalError for a local read before assignment */
pv pync_raise_unbound_local(const char *name);
/* NameError for a free variable (closure cell) read before assignment */
pv pync_raise_unbound_free(const char *name);

/* ==== built-in functions (builtins.c) ======================================================= */

/* The builtins module's values by name (print, len, ...); 0 if there is no such builtin. */
pv pync_builtin(const char *name);
pv pync_print(pv *args, size_t nargs, pv kwnames);

/* ==== program start (main.c) ================================================================ */

/* Called from the generated main(): sets up the heap, sys.argv and builtins, runs the main
   module's init, flushes output and returns the process exit status. */
int pync_main(int argc, char **argv, const pync_module_def *main_module);

/* Recursion accounting: compiled functions call enter on entry and leave on every exit. */
extern int32_t pync_recursion_depth, pync_recursion_limit;
/* Checks the recursion limit and the C stack (every 32 levels); on overflow it raises
   RecursionError, undoes the increment and returns -1. */
int pync_recursion_check(void);
static inline int pync_enter(void) {
    if (++pync_recursion_depth > pync_recursion_limit || (pync_recursion_depth & 31) == 0) return pync_recursion_check();
    return 0;
}
static inline void pync_leave(void) { --pync_recursion_depth; }

/* ==== output (io.c) ========================================================================= */

/* Buffered writes to stdout/stderr (fd 1/2); flushed at exit and by flush=True. */
int pync_write(int fd, const char *data, size_t size);
int pync_flush(int fd);

#endif /* PYNC_H */
