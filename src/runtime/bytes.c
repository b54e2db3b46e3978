/* bytes.c — the bytes and bytearray types: layout (str_impl.h), construction, repr, hashing,
 * comparison, indexing and slicing (with bytearray assignment and deletion), iteration, `in`,
 * +, *, %, and bytearray's mutating methods. The methods the two types share (find, split,
 * strip, upper, hex, decode, ...) are in bytes_methods.c.
 *
 * A bytes object holds its bytes inline after a cached hash (PYNC_TF_LEAF). A bytearray holds a
 * pync_rawbuf with room to grow (amortised appends), always NUL-terminated so the buffer can be
 * read as a C string; an empty bytearray may have no buffer. */
#include "str_impl.h"

/* ==== construction helpers ================================================================== */

pv pync_bytes_alloc(size_t size) {
    if (size > SIZE_MAX - sizeof(pync_bytes) - 1) return pync_raise_nomem();
    pync_bytes *b = pync_gc_alloc(sizeof(pync_bytes) + size + 1, &pync_bytes_type);
    if (!b) return 0;
    b->hash = -1;
    b->size = size;
    b->data[size] = 0;
    return pv_of(b);
}

pv pync_bytes_new(const uint8_t *data, size_t size) {
    pv b = pync_bytes_alloc(size);
    if (!b) return 0;
    if (size) pync_memcpy(pync_bytes_data(b), data, size);
    return b;
}

static const uint8_t empty_data[1] = {0};

/* Replaces the buffer by one of `alloc` bytes keeping the first `keep` bytes. */
static int ba_realloc(pync_bytearray *a, size_t alloc, size_t keep) {
    pync_rawbuf *n = pync_rawbuf_new(alloc);
    if (!n) return -1;
    if (a->buf && keep) pync_memcpy(n->data, a->buf->data, keep);
    n->data[keep] = 0;
    a->buf = n;
    return 0;
}

int pync_bytearray_reserve(pync_bytearray *a, size_t size) {
    size_t cap = a->buf ? a->buf->capacity : 0;
    if (size + 1 <= cap) return 0;
    if (size > (SIZE_MAX >> 2)) {
        pync_raise_nomem();
        return -1;
    }
    return ba_realloc(a, size + 1, a->size);
}

static inline uint8_t *ba_data(pv v) {
    pync_bytearray *a = (pync_bytearray *)v;
    return a->buf ? a->buf->data : (uint8_t *)empty_data;
}

/* Sets the size with CPython's PyByteArray_Resize policy (so __alloc__ agrees): exact size for a
   big jump or a large shrink, list-like over-allocation for moderate growth. 0 or -1. */
static int ba_resize(pv v, size_t size) {
    pync_bytearray *a = (pync_bytearray *)v;
    if (size == a->size) return 0;
    if (size > (SIZE_MAX >> 2)) {
        pync_raise_nomem();
        return -1;
    }
    size_t alloc = a->buf ? a->buf->capacity : 0;
    if (size + 1 <= alloc) {
        if (size < alloc / 2) {
            if (ba_realloc(a, size + 1, size) < 0) return -1;
        }
    } else {
        size_t keep = a->size < size ? a->size : size;
        size_t nalloc = (uint64_t)size * 8 <= (uint64_t)alloc * 9 ? size + (size >> 3) + (size < 9 ? 3 : 6) : size + 1;
        if (ba_realloc(a, nalloc, keep) < 0) return -1;
    }
    a->size = size;
    a->buf->data[size] = 0;
    return 0;
}

/* A bytearray of type t and `size` bytes (contents to be written), allocated exactly. */
static pv ba_alloc(const pync_type *t, size_t size) {
    uint32_t bs = t->basicsize < sizeof(pync_bytearray) ? (uint32_t)sizeof(pync_bytearray) : t->basicsize;
    pync_bytearray *a = pync_gc_alloc(bs, t);
    if (!a) return 0;
    if (size) {
        if (size > (SIZE_MAX >> 2)) return pync_raise_nomem();
        if (ba_realloc(a, size + 1, 0) < 0) return 0;
        a->size = size;
        a->buf->data[size] = 0;
    }
    return pv_of(a);
}

pv pync_bytearray_new(const uint8_t *data, size_t size) {
    pv a = ba_alloc(&pync_bytearray_type, size);
    if (!a) return 0;
    if (size) pync_memcpy(ba_data(a), data, size);
    return a;
}

/* Set by the array module when a program imports it (no array exists before): a program that
   does not import it does not link it. */
int (*pync_array_buffer_hook)(pv v, uint8_t **data, size_t *size);

/* an array.array's storage (1 with data and size set), else 0 */
static int array_buffer(pv v, uint8_t **data, size_t *size) {
    return pync_array_buffer_hook && pync_array_buffer_hook(v, data, size);
}

int pync_txt_bytes_like(pv v, pync_bview *out) {
    if (pv_is_small(v)) return 0;
    const pync_type *t = pv_type(v);
    if (t == &pync_bytes_type || (t != &pync_bytearray_type && pync_is_subtype(t, &pync_bytes_type))) {
        out->p = ((pync_bytes *)v)->data;
        out->n = ((pync_bytes *)v)->size;
        return 1;
    }
    if (t == &pync_bytearray_type || pync_is_subtype(t, &pync_bytearray_type)) {
        out->p = ba_data(v);
        out->n = ((pync_bytearray *)v)->size;
        return 1;
    }
    /* an array.array is a buffer too, as in CPython */
    uint8_t *ap;
    if (array_buffer(v, &ap, &out->n)) {
        out->p = ap;
        return 1;
    }
    return 0;
}

/* ==== repr ===================================================================================== */

pv pync_txt_bytes_repr(const uint8_t *p, size_t n, bool bytearray_form) {
    /* bytearray's repr escapes every single quote, whichever quote it picked (as CPython's) */
    bool sq = false, dq = false;
    size_t size = 3;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '\'') sq = true;
        else if (c == '"') dq = true;
        size += (c == '\\' || c == '\t' || c == '\n' || c == '\r') ? 2 : (c < 0x20 || c >= 0x7f) ? 4 : 1;
    }
    char quote = sq && !dq ? '"' : '\'';
    if ((sq && dq) || (sq && bytearray_form)) {
        for (size_t i = 0; i < n; i++) size += p[i] == '\'';
    }
    pv r = pync_txt_alloc(size, size);
    if (!r) return 0;
    char *w = pync_txt_wdata(r);
    *w++ = 'b';
    *w++ = quote;
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == (uint8_t)quote || c == '\\' || (bytearray_form && c == '\'')) {
            *w++ = '\\';
            *w++ = (char)c;
        } else if (c == '\t') {
            *w++ = '\\';
            *w++ = 't';
        } else if (c == '\n') {
            *w++ = '\\';
            *w++ = 'n';
        } else if (c == '\r') {
            *w++ = '\\';
            *w++ = 'r';
        } else if (c < 0x20 || c >= 0x7f) {
            *w++ = '\\';
            *w++ = 'x';
            *w++ = hex[c >> 4];
            *w++ = hex[c & 15];
        } else {
            *w++ = (char)c;
        }
    }
    *w++ = quote;
    return r;
}

static pv bytes_repr(pv self) {
    pync_bview v;
    pync_txt_bytes_like(self, &v);
    return pync_txt_bytes_repr(v.p, v.n, false);
}

static pv bytearray_repr(pv self) {
    pync_bview v;
    pync_txt_bytes_like(self, &v);
    pv inner = pync_txt_bytes_repr(v.p, v.n, true);
    if (!inner) return 0;
    return pync_str_fmt("%s(%U)", pv_type(self)->name, inner);
}

/* ==== hash, compare, len ======================================================================== */

static int bytes_hash(pv self, int64_t *out) {
    pync_bytes *b = (pync_bytes *)self;
    if (b->hash == -1) {
        int64_t h = pync_hash_bytes(b->data, b->size);
        b->hash = h == -1 ? -2 : h;
    }
    *out = b->hash;
    return 0;
}

static pv bytes_richcompare(pv a, pv b, pync_cmpop op) {
    pync_bview x, y;
    /* bytes compares only with bytes and bytearray; bytearray with any buffer (an array) */
    if ((array_buffer(a, NULL, NULL) && !pync_txt_is_bytearray(b)) ||
        (array_buffer(b, NULL, NULL) && !pync_txt_is_bytearray(a)))
        return pync_NotImplemented;
    if (!pync_txt_bytes_like(a, &x) || !pync_txt_bytes_like(b, &y)) return pync_NotImplemented;
    if (op == PYNC_EQ || op == PYNC_NE) {
        bool eq = x.n == y.n;
        for (size_t i = 0; eq && i < x.n; i++) eq = x.p[i] == y.p[i];
        return pync_bool(op == PYNC_EQ ? eq : !eq);
    }
    size_t m = x.n < y.n ? x.n : y.n;
    int c = 0;
    for (size_t i = 0; i < m && !c; i++)
        if (x.p[i] != y.p[i]) c = x.p[i] < y.p[i] ? -1 : 1;
    if (!c) c = x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
    switch (op) {
    case PYNC_LT: return pync_bool(c < 0);
    case PYNC_LE: return pync_bool(c <= 0);
    case PYNC_GT: return pync_bool(c > 0);
    default: return pync_bool(c >= 0);
    }
}

static int64_t bytes_len(pv self) {
    pync_bview v;
    pync_txt_bytes_like(self, &v);
    return (int64_t)v.n;
}

static int bytes_truth(pv self) { return bytes_len(self) != 0; }

/* ==== indexing ====================================================================================== */

static pv make_like(pv self, const uint8_t *p, size_t n) {
    return pync_txt_is_bytearray(self) ? pync_bytearray_new(p, n) : pync_bytes_new(p, n);
}

static pv bytes_getitem(pv self, pv key) {
    bool ba = pync_txt_is_bytearray(self);
    pync_bview v;
    pync_txt_bytes_like(self, &v);
    if (pv_is_small(key) || pync_txt_is_index(key)) {
        int64_t i;
        if (pv_is_small(key)) i = pv_small(key);
        else if (pync_txt_index_value(key, &i) < 0) return 0;
        if (i < 0) i += (int64_t)v.n;
        if (i < 0 || i >= (int64_t)v.n)
            return pync_raise_fmt(&pync_IndexError_type, ba ? "bytearray index out of range" : "index out of range");
        return pv_from_small(v.p[i]);
    }
    if (pync_txt_is_slice(key)) {
        int64_t start, stop, step;
        int64_t n = pync_txt_slice(key, (int64_t)v.n, &start, &stop, &step);
        if (n < 0) return 0;
        pync_txt_bytes_like(self, &v);
        if (step == 1) {
            if (!ba && n == (int64_t)v.n && pv_type(self) == &pync_bytes_type) return self;
            return make_like(self, v.p + start, (size_t)n);
        }
        pv r = ba ? pync_bytearray_new(NULL, 0) : pync_bytes_alloc((size_t)n);
        if (!r) return 0;
        if (ba && ba_resize(r, (size_t)n) < 0) return 0;
        uint8_t *w = ba ? ba_data(r) : pync_bytes_data(r);
        pync_txt_bytes_like(self, &v);
        for (int64_t k = 0, j = start; k < n; k++, j += step) w[k] = v.p[j];
        return r;
    }
    return pync_raise_fmt(&pync_TypeError_type, "%s indices must be integers or slices, not %s",
                          ba ? "bytearray" : "byte", pync_type_name(key));
}

/* A byte value (0..255) from an int-like v: "byte must be in range(0, 256)". 0 or -1. */
static int byte_value(pv v, uint8_t *out) {
    int64_t x;
    if (pv_is_small(v)) x = pv_small(v);
    else {
        if (!pync_txt_is_index(v)) {
            pync_raise_fmt(&pync_TypeError_type, "'%s' object cannot be interpreted as an integer", pync_type_name(v));
            return -1;
        }
        pv i = pync_number_index(v);
        if (!i) return -1;
        if (!pync_txt_as_i64(i, &x)) x = -1;
    }
    if (x < 0 || x > 255) {
        pync_raise_fmt(&pync_ValueError_type, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (uint8_t)x;
    return 0;
}

/* The bytes of an assignment source: bytes-like, or an iterable of ints (not str, not int). */
static pv bytes_from_source(pv v, bool for_slice);

/* del a[lo:hi] (step 1) with the bytes moved down; or replacement by p[0:n]. */
static int ba_replace(pv self, size_t lo, size_t hi, const uint8_t *p, size_t n) {
    pync_bytearray *a = (pync_bytearray *)self;
    size_t old = a->size;
    size_t newsize = old - (hi - lo) + n;
    if (n > hi - lo) {
        if (ba_resize(self, newsize) < 0) return -1;
        uint8_t *d = ba_data(self);
        pync_memmove(d + lo + n, d + hi, old - hi);
    } else {
        uint8_t *d = ba_data(self);
        pync_memmove(d + lo + n, d + hi, old - hi);
        ba_resize(self, newsize);
    }
    if (n) pync_memcpy(ba_data(self) + lo, p, n);
    return 0;
}

static int bytearray_setitem(pv self, pv key, pv value) {
    pync_bytearray *a = (pync_bytearray *)self;
    if (pv_is_small(key) || pync_txt_is_index(key)) {
        int64_t i;
        if (pv_is_small(key)) i = pv_small(key);
        else if (pync_txt_index_value(key, &i) < 0) return -1;
        if (i < 0) i += (int64_t)a->size;
        if (i < 0 || i >= (int64_t)a->size) {
            pync_raise_fmt(&pync_IndexError_type, "bytearray index out of range");
            return -1;
        }
        if (!value) return ba_replace(self, (size_t)i, (size_t)i + 1, NULL, 0);
        uint8_t b;
        if (byte_value(value, &b) < 0) return -1;
        ba_data(self)[i] = b;
        return 0;
    }
    if (!pync_txt_is_slice(key)) {
        pync_raise_fmt(&pync_TypeError_type, "bytearray indices must be integers or slices, not %s",
                       pync_type_name(key));
        return -1;
    }
    pv src = 0;
    pync_bview sv = {NULL, 0};
    if (value) {
        if (value == self) {
            src = pync_bytes_new(ba_data(self), a->size);
        } else {
            src = bytes_from_source(value, true);
        }
        if (!src) return -1;
        pync_txt_bytes_like(src, &sv);
    }
    int64_t start, stop, step;
    int64_t n = pync_txt_slice(key, (int64_t)a->size, &start, &stop, &step);
    if (n < 0) return -1;
    if (step == 1) {
        if (stop < start) stop = start;
        return ba_replace(self, (size_t)start, (size_t)stop, sv.p, sv.n);
    }
    if (!value || sv.n == 0) {
        /* delete an extended slice (assigning b'' to one deletes it too, as in CPython) */
        if (n == 0) return 0;
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        uint8_t *d = ba_data(self);
        size_t w = (size_t)start, r = (size_t)start;
        int64_t removed = 0;
        for (; r < a->size; r++) {
            if (removed < n && (int64_t)r == start + removed * step) {
                removed++;
                continue;
            }
            d[w++] = d[r];
        }
        ba_resize(self, w);
        return 0;
    }
    if ((int64_t)sv.n != n) {
        pync_raise_fmt(&pync_ValueError_type, "attempt to assign bytes of size %zd to extended slice of size %zd",
                       (ptrdiff_t)sv.n, (ptrdiff_t)n);
        return -1;
    }
    uint8_t *d = ba_data(self);
    for (int64_t k = 0, j = start; k < n; k++, j += step) d[j] = sv.p[k];
    return 0;
}

/* ==== bytes(...) / bytearray(...) ===================================================================== */

/* Appends the ints of an iterable to bytearray `out` (already created). */
static int extend_from_iterable(pv out, pv iterable, bool *not_iterable) {
    pv it = pync_iter(iterable);
    if (!it) {
        if (not_iterable && pync_current_exc && pync_isinstance_type(pync_current_exc, &pync_TypeError_type)) {
            pync_exc_clear();
            *not_iterable = true;
        }
        return -1;
    }
    for (;;) {
        pv x = pync_next(it);
        if (!x) {
            if (pync_current_exc) return -1;
            return 0;
        }
        uint8_t b;
        if (byte_value(x, &b) < 0) return -1;
        pync_bytearray *a = (pync_bytearray *)out;
        if (ba_resize(out, a->size + 1) < 0) return -1;
        ba_data(out)[a->size - 1] = b;
    }
}

static bool has_special(pv v, const char *name) {
    const pync_type *t = pv_type(v);
    return (t->flags & PYNC_TF_HEAPTYPE) && pync_type_lookup_cstr(t, name) != 0;
}

static pv bytes_from_source(pv v, bool for_slice) {
    pync_bview bv;
    if (pync_txt_bytes_like(v, &bv)) return pync_bytes_new(bv.p, bv.n);
    if (pync_txt_is_str(v) || (for_slice && pync_txt_is_index(v))) {
        return pync_raise_fmt(&pync_TypeError_type,
                              "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    pv tmp = pync_bytearray_new(NULL, 0);
    if (!tmp) return 0;
    bool ni = false;
    if (extend_from_iterable(tmp, v, &ni) < 0) {
        if (ni)
            return pync_raise_fmt(&pync_TypeError_type,
                                  "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return 0;
    }
    return pync_bytes_new(ba_data(tmp), ((pync_bytearray *)tmp)->size);
}

static pv retype(const pync_type *t, pv b) {
    if (t == &pync_bytes_type) return b;
    pync_bview v;
    pync_txt_bytes_like(b, &v);
    pv r = pync_bytes_new(v.p, v.n);
    if (!r) return 0;
    ((pync_object *)r)->type = t;
    return r;
}

static pv bytes_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    pv a[3];
    if (pync_txt_kwargs("bytes", args, nargs, kwnames, names, 0, 3, a) < 0) return 0;
    pv x = a[0], enc = a[1], err = a[2];
    if (enc && !pync_txt_is_str(enc))
        return pync_raise_fmt(&pync_TypeError_type, "bytes() argument 'encoding' must be str, not %s",
                              pync_txt_argtype(enc));
    if (err && !pync_txt_is_str(err))
        return pync_raise_fmt(&pync_TypeError_type, "bytes() argument 'errors' must be str, not %s",
                              pync_txt_argtype(err));
    if (!x) {
        if (enc) return pync_raise_fmt(&pync_TypeError_type, "encoding without a string argument");
        if (err) return pync_raise_fmt(&pync_TypeError_type, "errors without a string argument");
        return retype(t, pync_bytes_new(NULL, 0));
    }
    pv r;
    if (enc) {
        if (!pync_txt_is_str(x)) return pync_raise_fmt(&pync_TypeError_type, "encoding without a string argument");
        r = pync_txt_encode_args("bytes", x, enc, err);
        return r ? retype(t, r) : 0;
    }
    if (err) {
        if (pync_txt_is_str(x)) return pync_raise_fmt(&pync_TypeError_type, "string argument without an encoding");
        return pync_raise_fmt(&pync_TypeError_type, "errors without a string argument");
    }
    if (pync_txt_is_str(x)) return pync_raise_fmt(&pync_TypeError_type, "string argument without an encoding");
    if (has_special(x, "__bytes__")) {
        r = pync_call_method(x, pync_str_from_cstr("__bytes__"), NULL, 0, 0);
        if (!r) return 0;
        if (!pync_txt_is_bytes(r))
            return pync_raise_fmt(&pync_TypeError_type, "__bytes__ returned non-bytes (type %s)", pync_type_name(r));
        return retype(t, r);
    }
    if (pync_txt_is_index(x)) {
        int64_t n;
        if (pync_txt_ssize(x, &n) < 0) {
            if (pync_isinstance_type(pync_current_exc, &pync_OverflowError_type)) {
                pync_exc_clear();
                return pync_raise_fmt(&pync_OverflowError_type, "cannot fit 'int' into an index-sized integer");
            }
            return 0;
        }
        if (n < 0) return pync_raise_fmt(&pync_ValueError_type, "negative count");
        if (pync_check_alloc_size((uint64_t)n) < 0) return 0;
        r = pync_bytes_alloc((size_t)n);
        if (!r) return 0;
        pync_memset(pync_bytes_data(r), 0, (size_t)n);
        return retype(t, r);
    }
    pync_bview bv;
    if (pync_txt_bytes_like(x, &bv)) return retype(t, pync_bytes_new(bv.p, bv.n));
    pv tmp = pync_bytearray_new(NULL, 0);
    if (!tmp) return 0;
    bool ni = false;
    if (extend_from_iterable(tmp, x, &ni) < 0) {
        if (ni) return pync_raise_fmt(&pync_TypeError_type, "cannot convert '%s' object to bytes", pync_type_name(x));
        if (pync_isinstance_type(pync_current_exc, &pync_ValueError_type) && !pync_txt_is_bytearray(x)) {
            pync_exc_clear();
            return pync_raise_fmt(&pync_ValueError_type, "bytes must be in range(0, 256)");
        }
        return 0;
    }
    return retype(t, pync_bytes_new(ba_data(tmp), ((pync_bytearray *)tmp)->size));
}

static pv bytearray_init(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    pv a[3];
    if (pync_txt_kwargs("bytearray", args, nargs, kwnames, names, 0, 3, a) < 0) return 0;
    pv x = a[0], enc = a[1], err = a[2];
    if (enc && !pync_txt_is_str(enc))
        return pync_raise_fmt(&pync_TypeError_type, "bytearray() argument 'encoding' must be str, not %s",
                              pync_txt_argtype(enc));
    if (err && !pync_txt_is_str(err))
        return pync_raise_fmt(&pync_TypeError_type, "bytearray() argument 'errors' must be str, not %s",
                              pync_txt_argtype(err));
    /* __init__ may be called again: start from empty */
    ((pync_bytearray *)self)->size = 0;
    if (((pync_bytearray *)self)->buf) ((pync_bytearray *)self)->buf->data[0] = 0;
    if (!x) {
        if (enc) return pync_raise_fmt(&pync_TypeError_type, "encoding without a string argument");
        if (err) return pync_raise_fmt(&pync_TypeError_type, "errors without a string argument");
        return pync_None;
    }
    pync_bview bv;
    if (pync_txt_is_str(x)) {
        if (!enc) return pync_raise_fmt(&pync_TypeError_type, "string argument without an encoding");
        pv b = pync_txt_encode_args("bytearray", x, enc, err);
        if (!b) return 0;
        pync_txt_bytes_like(b, &bv);
        if (ba_resize(self, bv.n) < 0) return 0;
        pync_memcpy(ba_data(self), bv.p, bv.n);
        return pync_None;
    }
    if (enc) return pync_raise_fmt(&pync_TypeError_type, "encoding without a string argument");
    if (err) return pync_raise_fmt(&pync_TypeError_type, "errors without a string argument");
    if (pync_txt_is_index(x)) {
        int64_t n;
        if (pync_txt_ssize(x, &n) < 0) {
            if (pync_isinstance_type(pync_current_exc, &pync_OverflowError_type)) {
                pync_exc_clear();
                return pync_raise_fmt(&pync_OverflowError_type, "cannot fit 'int' into an index-sized integer");
            }
            return 0;
        }
        if (n < 0) return pync_raise_fmt(&pync_ValueError_type, "negative count");
        if (pync_check_alloc_size((uint64_t)n) < 0) return 0;
        if (ba_resize(self, (size_t)n) < 0) return 0;
        pync_memset(ba_data(self), 0, (size_t)n);
        return pync_None;
    }
    if (pync_txt_bytes_like(x, &bv)) {
        pv copy = pync_bytes_new(bv.p, bv.n); /* x may be self */
        if (!copy) return 0;
        if (ba_resize(self, bv.n) < 0) return 0;
        pync_memcpy(ba_data(self), pync_bytes_data(copy), bv.n);
        return pync_None;
    }
    bool ni = false;
    if (extend_from_iterable(self, x, &ni) < 0) {
        if (ni) return pync_raise_fmt(&pync_TypeError_type, "cannot convert '%s' object to bytearray", pync_type_name(x));
        return 0;
    }
    return pync_None;
}

static pv bytearray_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    pv self = ba_alloc(t, 0);
    if (!self) return 0;
    if (args == NULL && nargs == 0 && !kwnames) return self;
    if (!bytearray_init(self, args, nargs, kwnames)) return 0;
    return self;
}

/* ==== iteration ========================================================================================= */

typedef struct bytes_iter {
    pync_object ob;
    pv seq;            /* 0 once exhausted */
    size_t pos;
} bytes_iter;

static void bytes_iter_trace(pync_object *o) { pync_gc_visit(((bytes_iter *)o)->seq); }
static pv iter_self(pv self) { return self; }

static pv bytes_iter_next(pv self) {
    bytes_iter *it = (bytes_iter *)self;
    if (!it->seq) return 0;
    pync_bview v;
    pync_txt_bytes_like(it->seq, &v);
    if (it->pos >= v.n) {
        it->seq = 0;
        return 0;
    }
    return pv_from_small(v.p[it->pos++]);
}

static pv bytes_iter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytes_iterator.__length_hint__", nargs, kwnames) < 0) return 0;
    bytes_iter *it = (bytes_iter *)self;
    if (!it->seq) return pv_from_small(0);
    pync_bview v;
    pync_txt_bytes_like(it->seq, &v);
    return pv_from_small(it->pos < v.n ? (intptr_t)(v.n - it->pos) : 0);
}

PYNC_METHOD(bytes_iter, __length_hint__, bytes_iter_length_hint, 0);

const pync_type pync_bytes_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "bytes_iterator",
    .base = &pync_object_type,
    .basicsize = sizeof(bytes_iter),
    .trace = bytes_iter_trace,
    .iter = iter_self,
    .next = bytes_iter_next,
    .method_list = pync_methods__bytes_iter,
};

const pync_type pync_bytearray_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "bytearray_iterator",
    .base = &pync_object_type,
    .basicsize = sizeof(bytes_iter),
    .trace = bytes_iter_trace,
    .iter = iter_self,
    .next = bytes_iter_next,
    .method_list = pync_methods__bytes_iter,
};

static pv bytes_iter_new(pv self) {
    const pync_type *t = pync_txt_is_bytearray(self) ? &pync_bytearray_iterator_type : &pync_bytes_iterator_type;
    /* the iterator types are readied on first use (their dict holds __length_hint__) */
    if (!t->state[0]->dict && pync_type_ready(t) < 0) return 0;
    bytes_iter *it = pync_gc_alloc(sizeof(bytes_iter), t);
    if (!it) return 0;
    it->seq = self;
    it->pos = 0;
    return pv_of(it);
}

/* ==== in, +, *, % ========================================================================================= */

static int bytes_contains(pv self, pv item) {
    pync_bview v, s;
    if (pv_is_small(item) || pync_txt_is_index(item)) {
        uint8_t b;
        if (byte_value(item, &b) < 0) return -1;
        pync_txt_bytes_like(self, &v);
        return pync_txt_memchr(v.p, v.n, b) >= 0;
    }
    if (!pync_txt_bytes_like(item, &s)) {
        pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(item));
        return -1;
    }
    pync_txt_bytes_like(self, &v);
    return pync_txt_find(v.p, v.n, s.p, s.n) >= 0;
}

static pv bytes_add(pv a, pv b) {
    pync_bview x, y;
    if (!pync_txt_bytes_like(a, &x)) return pync_NotImplemented;
    if (!pync_txt_bytes_like(b, &y)) {
        if (pv_type(b)->flags & PYNC_TF_HEAPTYPE) return pync_NotImplemented;
        return pync_raise_fmt(&pync_TypeError_type, "can't concat %s to %s", pync_type_name(b), pync_type_name(a));
    }
    if (x.n > SIZE_MAX / 2 || y.n > SIZE_MAX / 2) return pync_raise_nomem();
    bool ba = pync_txt_is_bytearray(a);
    pv r = ba ? pync_bytearray_new(NULL, 0) : pync_bytes_alloc(x.n + y.n);
    if (!r) return 0;
    if (ba && ba_resize(r, x.n + y.n) < 0) return 0;
    pync_txt_bytes_like(a, &x);
    pync_txt_bytes_like(b, &y);
    uint8_t *w = ba ? ba_data(r) : pync_bytes_data(r);
    pync_memcpy(w, x.p, x.n);
    pync_memcpy(w + x.n, y.p, y.n);
    return r;
}

static pv bytearray_iadd(pv a, pv b) {
    pync_bview y;
    if (!pync_txt_bytes_like(b, &y)) {
        if (pv_type(b)->flags & PYNC_TF_HEAPTYPE) return pync_NotImplemented;
        return pync_raise_fmt(&pync_TypeError_type, "can't concat %s to %s", pync_type_name(b), pync_type_name(a));
    }
    pv copy = b == a ? pync_bytes_new(y.p, y.n) : b;
    if (!copy) return 0;
    pync_txt_bytes_like(copy, &y);
    size_t old = ((pync_bytearray *)a)->size;
    if (ba_resize(a, old + y.n) < 0) return 0;
    pync_txt_bytes_like(copy, &y);
    pync_memcpy(ba_data(a) + old, y.p, y.n);
    return a;
}

/* count from a repetition operand; 1 ok, 0 NotImplemented, -1 error */
static int repeat_count(pv n, int64_t *count) {
    if (pv_is_small(n)) {
        *count = pv_small(n);
        return 1;
    }
    if (!pync_txt_is_index(n)) {
        if ((pv_type(n)->flags & PYNC_TF_HEAPTYPE) && (pync_type_lookup_cstr(pv_type(n), "__mul__") ||
                                                       pync_type_lookup_cstr(pv_type(n), "__rmul__")))
            return 0;
        pync_raise_fmt(&pync_TypeError_type, "can't multiply sequence by non-int of type '%s'", pync_type_name(n));
        return -1;
    }
    pv i = pync_number_index(n);
    if (!i) return -1;
    if (!pync_txt_as_i64(i, count)) {
        pync_raise_fmt(&pync_OverflowError_type, "cannot fit '%s' into an index-sized integer", pync_type_name(n));
        return -1;
    }
    return 1;
}

static pv repeat_into(pv r, uint8_t *w, const uint8_t *p, size_t n, size_t total) {
    if (n == 1) {
        pync_memset(w, p[0], total);
        return r;
    }
    if (total == 0) return r;
    pync_memcpy(w, p, n);
    size_t done = n;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        pync_memcpy(w + done, w, chunk);
        done += chunk;
    }
    return r;
}

static pv bytes_repeat(pv a, pv b) {
    pv s = a, n = b;
    pync_bview v;
    if (!pync_txt_bytes_like(a, &v)) {
        s = b;
        n = a;
    }
    if (!pync_txt_bytes_like(s, &v)) return pync_NotImplemented;
    int64_t count;
    int rc = repeat_count(n, &count);
    if (rc <= 0) return rc == 0 ? pync_NotImplemented : 0;
    if (count < 0) count = 0;
    bool ba = pync_txt_is_bytearray(s);
    /* CPython: bytes raise OverflowError past Py_ssize_t, bytearray MemoryError */
    if (v.n && (uint64_t)count > (uint64_t)INT64_MAX / v.n) {
        if (ba) return pync_raise_nomem();
        return pync_raise_fmt(&pync_OverflowError_type, "repeated bytes are too long");
    }
    if ((uint64_t)count * v.n > (uint64_t)(SIZE_MAX / 2)) return pync_raise_nomem();
    size_t total = (size_t)count * v.n;
    if (!ba && count == 1 && pv_type(s) == &pync_bytes_type) return s;
    pv r = ba ? pync_bytearray_new(NULL, 0) : pync_bytes_alloc(total);
    if (!r) return 0;
    if (ba && ba_resize(r, total) < 0) return 0;
    pync_txt_bytes_like(s, &v);
    return repeat_into(r, ba ? ba_data(r) : pync_bytes_data(r), v.p, v.n, total);
}

static pv bytearray_irepeat(pv a, pv b) {
    int64_t count;
    int rc = repeat_count(b, &count);
    if (rc <= 0) return rc == 0 ? pync_NotImplemented : 0;
    if (count < 0) count = 0;
    size_t n = ((pync_bytearray *)a)->size;
    if (n && (uint64_t)count > (uint64_t)(SIZE_MAX / 2) / n) return pync_raise_nomem();
    size_t total = (size_t)count * n;
    pv copy = pync_bytes_new(ba_data(a), n);
    if (!copy) return 0;
    if (ba_resize(a, total) < 0) return 0;
    repeat_into(a, ba_data(a), pync_bytes_data(copy), n, total);
    return a;
}

static pv bytes_mod(pv a, pv b) {
    pync_bview v;
    if (!pync_txt_bytes_like(a, &v)) return pync_NotImplemented;
    pv r = pync_txt_percent((const char *)v.p, v.n, b, true);
    if (!r || !pync_txt_is_bytearray(a)) return r;
    pync_txt_bytes_like(r, &v);
    return pync_bytearray_new(v.p, v.n);
}

/* ==== bytearray's own methods ======================================================================== */

pv pync_bytearray_m_append(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("bytearray.append", nargs, kwnames) < 0) return 0;
    uint8_t b;
    if (byte_value(args[0], &b) < 0) return 0;
    size_t n = ((pync_bytearray *)self)->size;
    if (ba_resize(self, n + 1) < 0) return 0;
    ba_data(self)[n] = b;
    return pync_None;
}

pv pync_bytearray_m_extend(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("bytearray.extend", nargs, kwnames) < 0) return 0;
    pv x = args[0];
    pync_bview bv;
    if (pync_txt_bytes_like(x, &bv)) {
        pv r = bytearray_iadd(self, x);
        return r ? pync_None : 0;
    }
    /* collect first so a failure leaves self unchanged */
    pv tmp = pync_bytearray_new(NULL, 0);
    if (!tmp) return 0;
    bool ni = false;
    if (extend_from_iterable(tmp, x, &ni) < 0) {
        if (ni) return pync_raise_fmt(&pync_TypeError_type, "can't extend bytearray with %s", pync_type_name(x));
        return 0;
    }
    return bytearray_iadd(self, tmp) ? pync_None : 0;
}

pv pync_bytearray_m_pop(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_posargs("pop", "bytearray.pop", nargs, kwnames, 0, 1) < 0) return 0;
    int64_t i = -1;
    if (nargs && pync_txt_ssize(args[0], &i) < 0) return 0;
    size_t n = ((pync_bytearray *)self)->size;
    if (n == 0) return pync_raise_fmt(&pync_IndexError_type, "pop from empty bytearray");
    if (i < 0) i += (int64_t)n;
    if (i < 0 || i >= (int64_t)n) return pync_raise_fmt(&pync_IndexError_type, "pop index out of range");
    uint8_t b = ba_data(self)[i];
    ba_replace(self, (size_t)i, (size_t)i + 1, NULL, 0);
    return pv_from_small(b);
}

pv pync_bytearray_m_insert(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_posargs("insert", "bytearray.insert", nargs, kwnames, 2, 2) < 0) return 0;
    int64_t i;
    if (pync_txt_ssize(args[0], &i) < 0) return 0;
    uint8_t b;
    if (byte_value(args[1], &b) < 0) return 0;
    int64_t n = (int64_t)((pync_bytearray *)self)->size;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (ba_replace(self, (size_t)i, (size_t)i, &b, 1) < 0) return 0;
    return pync_None;
}

pv pync_bytearray_m_remove(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("bytearray.remove", nargs, kwnames) < 0) return 0;
    uint8_t b;
    if (byte_value(args[0], &b) < 0) return 0;
    size_t n = ((pync_bytearray *)self)->size;
    ptrdiff_t f = pync_txt_memchr(ba_data(self), n, b);
    if (f < 0) return pync_raise_fmt(&pync_ValueError_type, "value not found in bytearray");
    ba_replace(self, (size_t)f, (size_t)f + 1, NULL, 0);
    return pync_None;
}

pv pync_bytearray_m_reverse(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytearray.reverse", nargs, kwnames) < 0) return 0;
    uint8_t *d = ba_data(self);
    size_t n = ((pync_bytearray *)self)->size;
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        uint8_t t = d[i];
        d[i] = d[j - 1];
        d[j - 1] = t;
    }
    return pync_None;
}

pv pync_bytearray_m_clear(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytearray.clear", nargs, kwnames) < 0) return 0;
    if (ba_resize(self, 0) < 0) return 0;
    return pync_None;
}

pv pync_bytearray_m_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytearray.copy", nargs, kwnames) < 0) return 0;
    return pync_bytearray_new(ba_data(self), ((pync_bytearray *)self)->size);
}

pv pync_bytearray_m_alloc(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytearray.__alloc__", nargs, kwnames) < 0) return 0;
    pync_bytearray *a = (pync_bytearray *)self;
    return pync_int_from_u64(a->buf ? a->buf->capacity : 0);
}

pv pync_bytearray_m_sizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytearray.__sizeof__", nargs, kwnames) < 0) return 0;
    pync_bytearray *a = (pync_bytearray *)self;
    return pync_int_from_u64(56 + (a->buf ? a->buf->capacity : 0));
}

pv pync_bytes_m_sizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytes.__sizeof__", nargs, kwnames) < 0) return 0;
    return pync_int_from_u64(33 + ((pync_bytes *)self)->size);
}

pv pync_bytes_m_getnewargs(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytes.__getnewargs__", nargs, kwnames) < 0) return 0;
    pv copy = pync_bytes_new(((pync_bytes *)self)->data, ((pync_bytes *)self)->size);
    if (!copy) return 0;
    return pync_tuple_pack(1, copy);
}

pv pync_bytes_m_bytes(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("bytes.__bytes__", nargs, kwnames) < 0) return 0;
    if (pv_type(self) == &pync_bytes_type) return self;
    return pync_bytes_new(((pync_bytes *)self)->data, ((pync_bytes *)self)->size);
}

/* ==== the types ============================================================================================= */

/* bytes_methods.c: the full method tables (shared methods plus the entries above) */

static void bytearray_trace(pync_object *o) { pync_gc_visit_obj(((pync_bytearray *)o)->buf); }

const pync_type pync_bytes_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "bytes",
    .base = &pync_object_type,
    .flags = PYNC_TF_LEAF | PYNC_TF_BASETYPE,
    .basicsize = sizeof(pync_bytes),
    .repr = bytes_repr,
    .str = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .truth = bytes_truth,
    .construct = bytes_construct,
    .iter = bytes_iter_new,
    .binop = {[PYNC_OP_ADD] = bytes_add, [PYNC_OP_MUL] = bytes_repeat, [PYNC_OP_MOD] = bytes_mod},
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .method_list = pync_methods__bytes,
};

const pync_type pync_bytearray_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "bytearray",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(pync_bytearray),
    .trace = bytearray_trace,
    .repr = bytearray_repr,
    .str = bytearray_repr,
    .richcompare = bytes_richcompare,
    .truth = bytes_truth,
    .construct = bytearray_construct,
    .init = bytearray_init,
    .iter = bytes_iter_new,
    .binop = {[PYNC_OP_ADD] = bytes_add, [PYNC_OP_MUL] = bytes_repeat, [PYNC_OP_MOD] = bytes_mod},
    .inplace = {[PYNC_OP_ADD] = bytearray_iadd, [PYNC_OP_MUL] = bytearray_irepeat},
    .len = bytes_len,
    .getitem = bytes_getitem,
    .setitem = bytearray_setitem,
    .contains = bytes_contains,
    .method_list = pync_methods__bytearray,
};
