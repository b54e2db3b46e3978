/* str_impl.h — private to the text files: str_methods.c, str_search.c, str_case.c, str_codec.c,
 * str_format.c, bytes.c, bytes_methods.c. Not part of the ABI.
 *
 * What they share:
 *   - the bytes / bytearray object layouts (pync.h only exposes pync_bytes_new);
 *   - str construction without a UTF-8 scan (the caller knows the code point count);
 *   - byte-level search (UTF-8 is self-synchronising, so a byte match of valid UTF-8 in valid
 *     UTF-8 is a code point match: str and bytes share find/count/replace/split);
 *   - argument checking with the exact TypeErrors of CPython's several calling conventions
 *     (METH_NOARGS, METH_O, Argument Clinic positional-only, Clinic with keywords, and
 *     PyArg_ParseTuple), which all word their messages differently;
 *   - index conversions (slice indices clamp, sizes raise OverflowError), slices;
 *   - the codecs (utf-8, ascii, latin-1) and the printf-style '%' engine for str and bytes. */
#ifndef PYNC_STR_IMPL_H
#define PYNC_STR_IMPL_H

#include "pync.h"
#include "internal.h"

/* ---- bytes / bytearray ------------------------------------------------------------------
 *
 *   bytes:     +------+------+------+------------------+
 *              | type | hash | size | data[size] + NUL |      immutable, PYNC_TF_LEAF
 *              +------+------+------+------------------+
 *   bytearray: +------+------+-----+------------+
 *              | type | size | buf | (exports)  |   buf: pync_rawbuf, capacity >= size + 1,
 *              +------+------+-----+------------+        NUL after the last byte; NULL if empty
 */
typedef struct pync_bytes {
    pync_object ob;
    int64_t hash;            /* -1 until computed */
    size_t size;
    uint8_t data[];          /* NUL-terminated */
} pync_bytes;

typedef struct pync_bytearray {
    pync_object ob;
    size_t size;
    pync_rawbuf *buf;
} pync_bytearray;

extern const pync_type pync_bytes_iterator_type, pync_bytearray_iterator_type;

/* A borrowed view of a bytes-like object's contents. Valid until the object is mutated (a
   bytearray may move its storage on any call that can run Python code or allocate into it). */
typedef struct pync_bview {
    const uint8_t *p;
    size_t n;
} pync_bview;

/* 1 with *out set when v is bytes or bytearray (or a subclass), else 0 (no exception). */
int pync_txt_bytes_like(pv v, pync_bview *out);
/* A bytes object of `size` bytes for the caller to fill (NUL written after them). */
pv pync_bytes_alloc(size_t size);
static inline uint8_t *pync_bytes_data(pv b) { return ((pync_bytes *)b)->data; }
/* A bytearray holding a copy of data[0:size]. */
pv pync_bytearray_new(const uint8_t *data, size_t size);
/* Makes room for `size` bytes (contents kept, size field unchanged). 0 or -1. */
int pync_bytearray_reserve(pync_bytearray *a, size_t size);
/* The repr b'...' of data[0:n] (CPython's quote choice and escapes), with optional
   "bytearray(" ... ")" around it. */
pv pync_txt_bytes_repr(const uint8_t *p, size_t n, bool bytearray_form);
static inline bool pync_txt_is_bytes(pv v) {
    return !pv_is_small(v) && pync_isinstance_type(v, &pync_bytes_type);
}
static inline bool pync_txt_is_bytearray(pv v) {
    return !pv_is_small(v) && pync_isinstance_type(v, &pync_bytearray_type);
}

/* ---- str ----------------------------------------------------------------------------------- */

typedef struct pync_str txt_str;

static inline const txt_str *pync_txt_s(pv s) { return (const txt_str *)s; }
static inline bool pync_txt_is_str(pv v) {
    if (pv_is_small(v)) return false;
    const pync_type *t = pv_type(v);
    return t == &pync_str_type || (t->flags & PYNC_TF_STR_SUBCLASS) || pync_is_subtype(t, &pync_str_type);
}
static inline bool pync_txt_is_exact_str(pv v) {
    return !pv_is_small(v) && pv_type(v) == &pync_str_type;
}

/* A new str from `size` bytes of valid UTF-8 at d holding `length` code points. */
pv pync_txt_new(const char *d, size_t size, size_t length);
/* A new str of `size` bytes / `length` code points to be written by the caller (the ascii flag,
   hash and terminating NUL are set here). */
pv pync_txt_alloc(size_t size, size_t length);
static inline char *pync_txt_wdata(pv s) { return ((txt_str *)s)->data; }
/* The str of one code point (cached for ASCII). */
pv pync_txt_char(uint32_t cp);
/* '' */
pv pync_txt_empty(void);
/* The code point count of UTF-8 bytes d[0:n]. */
size_t pync_txt_count_cp(const char *d, size_t n);
/* Byte offset reached from byte offset pos after skipping k code points (stops at n). */
size_t pync_txt_skip_cp(const char *d, size_t n, size_t pos, size_t k);
/* Decodes the code point ending just before byte offset *pos and moves *pos back to its start. */
uint32_t pync_txt_decode_back(const char *d, size_t *pos);
/* Byte offset of code point `index` of s: O(1) for ASCII; otherwise a walk from the start, the
   end or the last position looked up, whichever is nearest. */
size_t pync_txt_offset_slow(pv s, size_t index);
static inline size_t pync_txt_off(pv s, size_t index) {
    const txt_str *p = pync_txt_s(s);
    if (p->ascii || index == 0) return index;
    if (index >= p->length) return p->size;
    return pync_txt_offset_slow(s, index);
}
/* A new str of code points [start, stop) of s. */
pv pync_txt_substr(pv s, size_t start, size_t stop);
/* As pync_txt_new but returns s itself when the bytes are all of s and s is an exact str. */
pv pync_txt_sub_bytes(pv s, size_t from, size_t to, size_t length);

/* ---- byte-level search ---------------------------------------------------------------------- */

/* First / last offset of needle n[0:nn] in h[0:hn], or -1. nn == 0 finds at 0 / hn. */
ptrdiff_t pync_txt_find(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn);
ptrdiff_t pync_txt_rfind(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn);
/* Non-overlapping occurrences, at most maxcount (nn > 0). */
size_t pync_txt_count(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn, size_t maxcount);
static inline ptrdiff_t pync_txt_memchr(const uint8_t *h, size_t hn, uint8_t c) {
    for (size_t i = 0; i < hn; i++)
        if (h[i] == c) return (ptrdiff_t)i;
    return -1;
}

/* Engines shared by str and bytes methods (str_search.c). `piece(src, a, b)` makes the item for
   bytes [a, b) of src's data (a str, bytes or bytearray of src's type). `unicode` selects str's
   whitespace and line breaks (and code point steps) instead of ASCII's. */
typedef pv (*pync_txt_piece_fn)(pv src, size_t a, size_t b);
pv pync_txt_split_sep(pv src, const uint8_t *d, size_t n, const uint8_t *sep, size_t sn, int64_t maxsplit,
                      pync_txt_piece_fn piece);
pv pync_txt_rsplit_sep(pv src, const uint8_t *d, size_t n, const uint8_t *sep, size_t sn, int64_t maxsplit,
                       pync_txt_piece_fn piece);
pv pync_txt_split_ws(pv src, const uint8_t *d, size_t n, int64_t maxsplit, pync_txt_piece_fn piece, bool unicode);
pv pync_txt_rsplit_ws(pv src, const uint8_t *d, size_t n, int64_t maxsplit, pync_txt_piece_fn piece, bool unicode);
pv pync_txt_splitlines(pv src, const uint8_t *d, size_t n, bool keepends, pync_txt_piece_fn piece, bool unicode);
pv pync_txt_partition(pv src, const uint8_t *d, size_t n, const uint8_t *sep, size_t sn, pv sepobj,
                      bool reverse, pync_txt_piece_fn piece, pv empty);
/* replace: the result size for up to `count` replacements (*k gets how many), then the fill. */
size_t pync_txt_replace_size(const uint8_t *d, size_t n, size_t on, size_t nn, const uint8_t *old,
                             size_t count, bool unicode, size_t *k);
void pync_txt_replace_fill(uint8_t *w, const uint8_t *d, size_t n, const uint8_t *old, size_t on,
                           const uint8_t *nw, size_t nn, size_t k, bool unicode);

/* ---- argument checking -------------------------------------------------------------------- */

/* METH_NOARGS: "str.upper() takes no arguments (1 given)". qual is "str.upper". */
int pync_txt_noargs(const char *qual, size_t nargs, pv kwnames);
/* METH_O: "str.join() takes exactly one argument (0 given)". */
int pync_txt_onearg(const char *qual, size_t nargs, pv kwnames);
/* Argument Clinic, positional-only: "center expected at least 1 argument, got 0";
   keywords: "str.center() takes no keyword arguments" (qual is "str.center"). */
int pync_txt_posargs(const char *name, const char *qual, size_t nargs, pv kwnames, size_t min,
                     size_t max);
/* PyArg_ParseTuple (METH_VARARGS): "find() takes at least 1 argument (0 given)". */
int pync_txt_tupleargs(const char *name, const char *qual, size_t nargs, pv kwnames, size_t min,
                       size_t max);
/* Argument Clinic with keywords: names[0..max) (all positional-or-keyword); out[i] = value or 0.
   CPython's messages for too many, unknown, duplicate and missing arguments. */
int pync_txt_kwargs(const char *name, pv *args, size_t nargs, pv kwnames,
                    const char *const *names, size_t min, size_t max, pv *out);

/* The type name Argument Clinic's "argument must be X, not Y" messages use: "None" for None. */
static inline const char *pync_txt_argtype(pv v) { return v == pync_None ? "None" : pync_type_name(v); }

/* ---- integers ------------------------------------------------------------------------------- */

/* Whether v has __index__ (int, bool, int subclasses, classes defining __index__). */
bool pync_txt_is_index(pv v);
/* _PyEval_SliceIndex: int or __index__, clamped to the int64 range; TypeError "slice indices
   must be integers or None or have an __index__ method" otherwise. None leaves *out alone. */
int pync_txt_slice_index(pv v, int64_t *out);
/* PyNumber_AsSsize_t(v, OverflowError): "'str' object cannot be interpreted as an integer",
   OverflowError "Python int too large to convert to C ssize_t". */
int pync_txt_ssize(pv v, int64_t *out);
/* An index converted for indexing (PyNumber_AsSsize_t(v, IndexError)): IndexError "cannot fit
   'int' into an index-sized integer" when too large. v must satisfy pync_txt_is_index. */
int pync_txt_index_value(pv v, int64_t *out);
/* An int's value (v an int or bool); false when outside the int64 range. */
bool pync_txt_as_i64(pv v, int64_t *out);
/* The ADJUST_INDICES macro of CPython's find/count. */
static inline void pync_txt_adjust(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}
/* PySlice_Unpack + PySlice_AdjustIndices for a sequence of length len. Returns the slice length,
   or -1 with an exception. */
int64_t pync_txt_slice(pv slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
static inline bool pync_txt_is_slice(pv v) { return !pv_is_small(v) && pv_type(v) == &pync_slice_type; }

/* (sub[, start[, end]]) of find/count/index/startswith: start/end default 0 / INT64_MAX. */
int pync_txt_parse_finds(const char *name, const char *qual, pv *args, size_t nargs, pv kwnames,
                         pv *sub, int64_t *start, int64_t *end);

/* ---- codecs (str_codec.c) ---------------------------------------------------------------------- */

typedef enum pync_codec { PYNC_CODEC_UTF8, PYNC_CODEC_ASCII, PYNC_CODEC_LATIN1, PYNC_CODEC_UTF16,
                          PYNC_CODEC_UTF16LE, PYNC_CODEC_UTF16BE, PYNC_CODEC_UTF32,
                          PYNC_CODEC_UTF32LE, PYNC_CODEC_UTF32BE, PYNC_CODEC_UTF8SIG } pync_codec;
/* Looks an encoding name up (case and punctuation insensitive, Python's aliases); LookupError
   "unknown encoding: X" when unknown. 0 or -1. encoding 0 means utf-8. */
int pync_txt_codec_lookup(pv encoding, pync_codec *out);
/* bytes -> str with the given codec and error handler name (0 = strict). */
pv pync_txt_decode(const uint8_t *p, size_t n, pync_codec codec, pv errors);
/* str -> bytes. */
pv pync_txt_encode(pv s, pync_codec codec, pv errors);
/* str(bytes, encoding, errors) / bytes.decode(encoding, errors) front end: checks the types of
   encoding and errors ("decode() argument 'encoding' must be str, not int") and decodes. */
pv pync_txt_decode_args(const char *fname, const uint8_t *p, size_t n, pv encoding, pv errors);
pv pync_txt_encode_args(const char *fname, pv s, pv encoding, pv errors);

/* ---- '%' formatting (str_format.c) ------------------------------------------------------------ */

/* printf-style formatting of fmt[0:n] (a str's UTF-8 when !bytes, else bytes) with args.
   Returns a str, or a bytes object when `bytes`. */
pv pync_txt_percent(const char *fmt, size_t n, pv args, bool bytes);

/* ---- case / classification tables (str_case.c) ------------------------------------------------ */

/* ASCII character classes for the bytes methods and the ASCII fast paths. */
enum { PYNC_CT_LOWER = 1, PYNC_CT_UPPER = 2, PYNC_CT_ALPHA = 3, PYNC_CT_DIGIT = 4,
       PYNC_CT_ALNUM = 7, PYNC_CT_SPACE = 8, PYNC_CT_XDIGIT = 16 };
extern const uint8_t pync_txt_ctype[256];
static inline bool pync_txt_isspace_ascii(uint8_t c) { return (pync_txt_ctype[c] & PYNC_CT_SPACE) != 0; }
static inline uint8_t pync_txt_tolower_ascii(uint8_t c) { return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c; }
static inline uint8_t pync_txt_toupper_ascii(uint8_t c) { return (c >= 'a' && c <= 'z') ? (uint8_t)(c - 32) : c; }
/* The ASCII-only case operations of bytes (and of ASCII str): op is one of 'l' lower, 'u' upper,
   's' swapcase, 'c' capitalize, 't' title. Writes n bytes to out. */
void pync_txt_ascii_case(const uint8_t *in, size_t n, uint8_t *out, int op);
/* bytes predicates: op 'a' isalpha, 'n' isalnum, 'd' isdigit, 's' isspace, 'l' islower,
   'u' isupper, 't' istitle, 'A' isascii. */
bool pync_txt_ascii_pred(const uint8_t *p, size_t n, int op);
/* Unicode whitespace (str.split(), str.strip()) for one code point. */
bool pync_txt_isspace_cp(uint32_t cp);

/* ---- the str type's slots and methods (str_methods.c, str_format.c), for str.c ---------------- */

pv pync_str_getitem(pv s, pv key);
pv pync_str_iter(pv s);
pv pync_str_format_spec(pv s, pv spec);
pv pync_str_repeat(pv a, pv b);
int pync_str_contains(pv s, pv sub);
pv pync_str_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames);
extern const pync_type pync_str_iterator_type, pync_str_ascii_iterator_type;

/* ---- misc ---------------------------------------------------------------------------------- */

/* Appends to a list; 0 or -1. */
static inline int pync_txt_list_add(pv list, pv item) {
    if (!item) return -1;
    return pync_list_append(list, item);
}
/* The join helpers str.join and f-strings share. */
pv pync_txt_join_list(pv sep, pv iterable);

#endif
