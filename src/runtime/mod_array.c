/* mod_array.c — the array module: array.array, compact sequences of C numbers, with CPython
 * 3.11's behaviour and messages (Modules/arraymodule.c).
 *
 *   array_obj: +------+------+---+-----+
 *              | type | desc | n | buf |     desc: the typecode's description (below)
 *              +------+------+---+-----+     buf: pync_rawbuf of n * itemsize bytes or more
 *
 * Items are stored as the target's C types: 'l'/'L' are C long (8 bytes on 64-bit Linux, 4 on
 * 32-bit ARM), 'u' is wchar_t (4 bytes on Linux). Storing converts the value first and checks
 * its range with the message of CPython's per-typecode setter, then writes; nothing is written
 * when the conversion fails. This file has the type, storage, construction and the sequence
 * operations; array_methods.c has the methods (append, extend, tobytes, ...). */
#include "mod_array.h"

/* ---- typecodes -------------------------------------------------------------------------------------- */

#define WCHAR_SIZE ((uint8_t)sizeof(__WCHAR_TYPE__))

const pync_array_desc pync_array_descs[] = {
    {'b', 1, AK_SIGNED}, {'B', 1, AK_UNSIGNED}, {'u', WCHAR_SIZE, AK_UNICODE},
    {'h', sizeof(short), AK_SIGNED}, {'H', sizeof(short), AK_UNSIGNED},
    {'i', sizeof(int), AK_SIGNED}, {'I', sizeof(int), AK_UNSIGNED},
    {'l', sizeof(long), AK_SIGNED}, {'L', sizeof(long), AK_UNSIGNED},
    {'q', sizeof(long long), AK_SIGNED}, {'Q', sizeof(long long), AK_UNSIGNED},
    {'f', sizeof(float), AK_FLOAT}, {'d', sizeof(double), AK_FLOAT},
    {0, 0, 0},
};

static const pync_array_desc *find_desc(uint32_t c) {
    for (const pync_array_desc *d = pync_array_descs; d->code; d++) {
        if ((uint32_t)d->code == c) return d;
    }
    return NULL;
}

/* ---- reading and writing items ---------------------------------------------------------------------- */

static uint64_t load_bits(const uint8_t *p, size_t size) {
    uint64_t x = 0;
    /* native byte order: copy into the low bytes of a native word */
    uint16_t probe = 1;
    if (*(uint8_t *)&probe == 1) {
        pync_memcpy(&x, p, size);
    } else {
        pync_memcpy((uint8_t *)&x + (8 - size), p, size);
    }
    return x;
}

static void store_bits(uint8_t *p, uint64_t x, size_t size) {
    uint16_t probe = 1;
    if (*(uint8_t *)&probe == 1) {
        pync_memcpy(p, &x, size);
    } else {
        pync_memcpy(p, (uint8_t *)&x + (8 - size), size);
    }
}

pv pync_array_item_at(const pync_array_desc *d, const uint8_t *p) {
    switch (d->kind) {
    case AK_SIGNED: {
        uint64_t u = load_bits(p, d->itemsize);
        unsigned bits = 8u * d->itemsize;
        if (bits < 64 && ((u >> (bits - 1)) & 1)) u |= ~(uint64_t)0 << bits;
        return pync_int_from_i64((int64_t)u);
    }
    case AK_UNSIGNED: return pync_int_from_u64(load_bits(p, d->itemsize));
    case AK_FLOAT:
        if (d->itemsize == sizeof(float)) {
            float f;
            pync_memcpy(&f, p, sizeof f);
            return pync_float_new((double)f);
        } else {
            double x;
            pync_memcpy(&x, p, sizeof x);
            return pync_float_new(x);
        }
    default: {
        uint32_t cp = (uint32_t)load_bits(p, d->itemsize);
        char buf[4];
        if (cp > 0x10ffff) {
            return pync_raise_fmt(&pync_ValueError_type, "chr() arg not in range(0x110000)");
        }
        size_t n = pync_utf8_encode(cp, buf);
        return pync_str_from_utf8(buf, n);
    }
    }
}

/* an int's sign and magnitude when it fits 64 bits (*big otherwise) */
static void int_parts(pv v, bool *neg, uint64_t *mag, bool *big) {
    pync_mp_buf64 buf;
    const pync_mp *m = pync_int_mp(v, &buf);
    int32_t n = m->size < 0 ? -m->size : m->size;
    *neg = m->size < 0;
    *big = n > 2;
    *mag = n == 0 ? 0 : n == 1 ? m->d[0] : ((uint64_t)m->d[1] << 32) | m->d[0];
}

static int overflow(const char *msg) {
    pync_raise_fmt(&pync_OverflowError_type, "%s", msg);
    return -1;
}

/* PyFloat_AsDouble: float, __float__, then __index__ (pync_as_double does not reach the __index__
   of a class without __float__) */
static int real_value(pv v, double *out) {
    const pync_type *t = pv_type(v);
    if ((t->flags & PYNC_TF_HEAPTYPE) && !pync_is_float(v) && !pync_is_int(v) && !pync_type_lookup_cstr(t, "__float__")) {
        if (pync_current_exc) return -1;
        if (pync_type_lookup_cstr(t, "__index__")) {
            pv i = pync_number_index(v);
            return i ? pync_int_to_double(i, out) : -1;
        }
        if (pync_current_exc) return -1;
    }
    return pync_as_double(v, out);
}

/* Converts v to the bits of one item of type d (CPython's b_setitem, BB_setitem, ...). 0 or -1. */
int pync_array_convert(const pync_array_desc *d, pv v, uint64_t *out) {
    if (d->kind == AK_FLOAT) {
        double x;
        if (real_value(v, &x) < 0) return -1;
        if (d->itemsize == sizeof(float)) {
            float f = (float)x;
            uint32_t b;
            pync_memcpy(&b, &f, sizeof b);
            *out = b;
        } else {
            *out = pync_double_bits(x);
        }
        return 0;
    }
    if (d->kind == AK_UNICODE) {
        if (pv_is_small(v) || !pync_isinstance_type(v, &pync_str_type) || ((const pync_strobj *)v)->length != 1) {
            pync_raise_fmt(&pync_TypeError_type, "array item must be unicode character");
            return -1;
        }
        size_t pos = 0;
        *out = pync_utf8_decode(pync_str_data(v), &pos);
        return 0;
    }
    pv i = pync_is_int(v) ? v : pync_number_index(v);
    if (!i) return -1;
    bool neg, big;
    uint64_t mag;
    int_parts(i, &neg, &mag, &big);
    bool fits_i64 = !big && mag <= (neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1);
    /* the codes but q and Q convert through a C long first, as CPython: 32 bits on 32-bit targets */
    const uint64_t long_top = (uint64_t)1 << (sizeof(long) * 8 - 1);
    bool fits_long = !big && mag <= (neg ? long_top : long_top - 1);
    int64_t x = neg ? (int64_t)(0 - mag) : (int64_t)mag;
    switch (d->code) {
    case 'b':
        if (!fits_long) return overflow("Python int too large to convert to C long");
        if (x < -128) return overflow("signed char is less than minimum");
        if (x > 127) return overflow("signed char is greater than maximum");
        break;
    case 'B':
        if (!fits_long) return overflow("Python int too large to convert to C long");
        if (x < 0) return overflow("unsigned byte integer is less than minimum");
        if (x > 255) return overflow("unsigned byte integer is greater than maximum");
        break;
    case 'h':
        if (!fits_long) return overflow("Python int too large to convert to C long");
        if (x < -32768) return overflow("signed short integer is less than minimum");
        if (x > 32767) return overflow("signed short integer is greater than maximum");
        break;
    case 'H':
        if (!fits_long) return overflow("Python int too large to convert to C long");
        if (x < 0) return overflow("unsigned short is less than minimum");
        if (x > 65535) return overflow("unsigned short is greater than maximum");
        break;
    case 'i':
        if (!fits_long) return overflow("Python int too large to convert to C long");
        if (x < INT32_MIN) return overflow("signed integer is less than minimum");
        if (x > INT32_MAX) return overflow("signed integer is greater than maximum");
        break;
    case 'l':
        if (!fits_long || (d->itemsize < 8 && (x < INT32_MIN || x > INT32_MAX))) {
            return overflow("Python int too large to convert to C long");
        }
        break;
    case 'I': case 'L':
        if (neg) return overflow("can't convert negative value to unsigned int");
        if (big || (sizeof(long) < 8 && mag > UINT32_MAX)) return overflow("Python int too large to convert to C unsigned long");
        if (d->itemsize < 8 && mag > UINT32_MAX) return overflow("unsigned int is greater than maximum");
        x = (int64_t)mag;
        break;
    case 'q':
        if (!fits_i64) return overflow("int too big to convert");
        break;
    case 'Q':
        if (neg) return overflow("can't convert negative int to unsigned");
        if (big) return overflow("int too big to convert");
        x = (int64_t)mag;
        break;
    default: break;
    }
    *out = (uint64_t)x;
    return 0;
}

/* ---- storage ------------------------------------------------------------------------------------------ */

/* Makes room for n items (size unchanged, contents kept). 0 or -1. */
int pync_array_reserve(array_obj *a, size_t n) {
    size_t isz = a->desc->itemsize;
    if (n > SIZE_MAX / isz / 2) {
        pync_raise_nomem();
        return -1;
    }
    size_t need = n * isz;
    if (a->buf && a->buf->capacity >= need) return 0;
    size_t cap = a->buf ? a->buf->capacity : 0;
    cap = cap + (cap >> 1) + 16;
    if (cap < need) cap = need;
    pync_rawbuf *nb = pync_rawbuf_new(cap);
    if (!nb) return -1;
    if (a->n) pync_memcpy(nb->data, a->buf->data, a->n * isz);
    a->buf = nb;
    return 0;
}

/* Sets the size to n items, growing the storage (new items zero) or shrinking it. 0 or -1. */
int pync_array_resize(array_obj *a, size_t n) {
    if (n > a->n) {
        if (pync_array_reserve(a, n) < 0) return -1;
        pync_memset(a->buf->data + a->n * a->desc->itemsize, 0, (n - a->n) * a->desc->itemsize);
    } else if (a->buf && n < a->n / 4 && a->buf->capacity > 256) {
        /* give back most of the storage after a big shrink */
        pync_rawbuf *nb = pync_rawbuf_new(n * a->desc->itemsize + 16);
        if (!nb) return -1;
        pync_memcpy(nb->data, a->buf->data, n * a->desc->itemsize);
        a->buf = nb;
    }
    a->n = n;
    return 0;
}

/* Appends one value (converted first). 0 or -1. */
int pync_array_append(array_obj *a, pv v) {
    uint64_t bits;
    if (pync_array_convert(a->desc, v, &bits) < 0) return -1;
    if (pync_array_reserve(a, a->n + 1) < 0) return -1;
    store_bits(pync_array_data(a) + a->n * a->desc->itemsize, bits, a->desc->itemsize);
    a->n++;
    return 0;
}

/* Inserts one value before index i (0 <= i <= n). 0 or -1. */
int pync_array_insert_at(array_obj *a, size_t i, pv v) {
    uint64_t bits;
    if (pync_array_convert(a->desc, v, &bits) < 0) return -1;
    if (i > a->n) i = a->n;   /* the conversion may have run code that shrank the array */
    if (pync_array_reserve(a, a->n + 1) < 0) return -1;
    size_t isz = a->desc->itemsize;
    uint8_t *p = pync_array_data(a);
    pync_memmove(p + (i + 1) * isz, p + i * isz, (a->n - i) * isz);
    store_bits(p + i * isz, bits, isz);
    a->n++;
    return 0;
}

/* Appends raw bytes (a multiple of the item size). 0 or -1. */
int pync_array_append_bytes(array_obj *a, const uint8_t *p, size_t size) {
    size_t isz = a->desc->itemsize;
    size_t old = a->n;
    if (pync_array_reserve(a, old + size / isz) < 0) return -1;
    pync_memcpy(pync_array_data(a) + old * isz, p, size);
    a->n = old + size / isz;
    return 0;
}

void pync_array_delete(array_obj *a, size_t lo, size_t hi) {
    size_t isz = a->desc->itemsize;
    uint8_t *p = pync_array_data(a);
    if (hi > lo) pync_memmove(p + lo * isz, p + hi * isz, (a->n - hi) * isz);
    a->n -= hi - lo;
}

array_obj *pync_array_alloc(const pync_type *type, const pync_array_desc *d, size_t n) {
    size_t size = type->basicsize > sizeof(array_obj) ? type->basicsize : sizeof(array_obj);
    array_obj *a = pync_gc_alloc(size, type);
    if (!a) return NULL;
    a->desc = d;
    if (n) {
        if (pync_array_reserve(a, n) < 0) return NULL;
        pync_memset(a->buf->data, 0, n * d->itemsize);
        a->n = n;
    }
    return a;
}

/* the typecode as a str of one character */
pv pync_array_typecode(const array_obj *a) {
    char c = a->desc->code;
    return pync_str_from_utf8(&c, 1);
}

bool pync_array_check(pv v) { return !pv_is_small(v) && pync_isinstance_type(v, &pync_array_type); }

/* The hook for bytes.c / mod_struct.c: an array's storage as a buffer. */
int pync_array_buffer(pv v, uint8_t **data, size_t *size) {
    static uint8_t empty[1];
    if (!pync_array_check(v)) return 0;
    array_obj *a = (array_obj *)v;
    if (data) *data = a->buf ? a->buf->data : empty;
    if (size) *size = a->n * a->desc->itemsize;
    return 1;
}

/* bytes(array): a copy of an array's storage as bytes, or 0 (no exception) if v is no array. */
pv pync_array_bytes(pv v) {
    uint8_t *p;
    size_t n;
    if (!pync_array_buffer(v, &p, &n)) return 0;
    return pync_bytes_new(p, n);
}

/* ---- construction ------------------------------------------------------------------------------------- */

/* Fills a new array from an iterable, one item at a time. 0 or -1. */
int pync_array_extend_iter(array_obj *a, pv iterable) {
    pv it = pync_iter(iterable);
    if (!it) return -1;
    for (;;) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? -1 : 0;
        if (pync_array_append(a, x) < 0) return -1;
    }
}

/* Appends the code points of str s to a 'u' array. 0 or -1. */
int pync_array_extend_unicode(array_obj *a, pv s) {
    const pync_strobj *so = (const pync_strobj *)s;
    size_t old = a->n;
    if (pync_array_reserve(a, old + so->length) < 0) return -1;
    size_t pos = 0, k = old;
    while (pos < so->size) {
        uint32_t cp = pync_utf8_decode(so->data, &pos);
        store_bits(pync_array_data(a) + k * a->desc->itemsize, cp, a->desc->itemsize);
        k++;
    }
    a->n = k;
    return 0;
}

static pv array_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (pync_kwcount(kwnames)) return pync_raise_fmt(&pync_TypeError_type, "array.array() takes no keyword arguments");
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "array() takes at least 1 argument (0 given)");
    if (nargs > 2) return pync_raise_fmt(&pync_TypeError_type, "array() takes at most 2 arguments (%zd given)", (ptrdiff_t)nargs);
    pv tc = args[0];
    if (pv_is_small(tc) || !pync_isinstance_type(tc, &pync_str_type) || ((const pync_strobj *)tc)->length != 1) {
        return pync_raise_fmt(&pync_TypeError_type, "array() argument 1 must be a unicode character, not %s",
                              pync_type_name(tc));
    }
    size_t pos = 0;
    const pync_array_desc *d = find_desc(pync_utf8_decode(pync_str_data(tc), &pos));
    if (!d) {
        return pync_raise_fmt(&pync_ValueError_type, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    pv init = nargs > 1 ? args[1] : 0;
    if (init && !pv_is_small(init) && pync_isinstance_type(init, &pync_str_type) && d->code != 'u') {
        return pync_raise_fmt(&pync_TypeError_type, "cannot use a str to initialize an array with typecode '%c'", d->code);
    }
    if (init && pync_array_check(init) && ((array_obj *)init)->desc->code == 'u' && d->code != 'u') {
        return pync_raise_fmt(&pync_TypeError_type, "cannot use a unicode array to initialize an array with typecode '%c'",
                              d->code);
    }
    array_obj *a = pync_array_alloc(type, d, 0);
    if (!a) return 0;
    if (!init || init == pync_None) return (pv)a;
    if (pync_isinstance_type(init, &pync_list_type) || pync_isinstance_type(init, &pync_tuple_type)) {
        pv *items;
        size_t n;
        pv keep = pync_sequence_fast(init, "", &items, &n);
        if (!keep) return 0;
        if (pync_array_reserve(a, n) < 0) return 0;
        for (size_t i = 0; i < n; i++) {
            if (pync_array_append(a, items[i]) < 0) return 0;
        }
        return (pv)a;
    }
    if (pync_txt_is_bytes(init) || pync_txt_is_bytearray(init)) {
        pync_bview bv;
        pync_txt_bytes_like(init, &bv);
        if (bv.n % d->itemsize) return pync_raise_fmt(&pync_ValueError_type, "bytes length not a multiple of item size");
        pv copy = pync_bytes_new(bv.p, bv.n);
        if (!copy || pync_array_append_bytes(a, pync_bytes_data(copy), bv.n) < 0) return 0;
        return (pv)a;
    }
    if (pync_isinstance_type(init, &pync_str_type)) {
        return pync_array_extend_unicode(a, init) < 0 ? 0 : (pv)a;
    }
    if (pync_array_check(init) && ((array_obj *)init)->desc == d) {
        array_obj *src = (array_obj *)init;
        return pync_array_append_bytes(a, pync_array_data(src), src->n * d->itemsize) < 0 ? 0 : (pv)a;
    }
    return pync_array_extend_iter(a, init) < 0 ? 0 : (pv)a;
}

/* ---- the sequence protocol ------------------------------------------------------------------------------ */

static void array_trace(pync_object *o) { pync_gc_visit_obj(((array_obj *)o)->buf); }

static int64_t array_len(pv self) { return (int64_t)((array_obj *)self)->n; }

static int array_truth(pv self) { return ((array_obj *)self)->n != 0; }

/* an index argument: 1 with *i set, 0 if `key` is no integer (no exception), -1 on error */
static int index_arg(pv key, int64_t *i) {
    if (pv_is_small(key)) {
        *i = pv_small(key);
        return 1;
    }
    if (!pync_has_index(key)) return 0;
    return pync_index_or_raise(key, &pync_IndexError_type, i) < 0 ? -1 : 1;
}

pv pync_array_slice(array_obj *a, int64_t start, int64_t step, int64_t n) {
    array_obj *r = pync_array_alloc(&pync_array_type, a->desc, n > 0 ? (size_t)n : 0);
    if (!r) return 0;
    size_t isz = a->desc->itemsize;
    if (n > 0 && step == 1) {
        pync_memcpy(pync_array_data(r), pync_array_data(a) + (size_t)start * isz, (size_t)n * isz);
    } else {
        for (int64_t k = 0, j = start; k < n; k++, j += step) {
            pync_memcpy(pync_array_data(r) + (size_t)k * isz, pync_array_data(a) + (size_t)j * isz, isz);
        }
    }
    return (pv)r;
}

static pv array_getitem(pv self, pv key) {
    array_obj *a = (array_obj *)self;
    int64_t i;
    int r = index_arg(key, &i);
    if (r < 0) return 0;
    if (r > 0) {
        if (i < 0) i += (int64_t)a->n;
        if (i < 0 || i >= (int64_t)a->n) return pync_raise_fmt(&pync_IndexError_type, "array index out of range");
        return pync_array_item_at(a->desc, pync_array_data(a) + (size_t)i * a->desc->itemsize);
    }
    if (!pv_is_small(key) && pync_isinstance_type(key, &pync_slice_type)) {
        int64_t start, stop, step, n;
        if (pync_slice_unpack(key, (int64_t)a->n, &start, &stop, &step, &n) < 0) return 0;
        return pync_array_slice(a, start, step, n);
    }
    return pync_raise_fmt(&pync_TypeError_type, "array indices must be integers");
}

/* a[start:stop:step] = v (v an array of the same kind) or del (v 0) */
static int assign_slice(array_obj *a, pv key, pv value) {
    int64_t start, stop, step, n;
    if (pync_slice_unpack(key, (int64_t)a->n, &start, &stop, &step, &n) < 0) return -1;
    size_t isz = a->desc->itemsize;
    const uint8_t *src = NULL;
    int64_t needed = 0;
    pv copy = 0;
    if (value) {
        if (!pync_array_check(value)) {
            pync_raise_fmt(&pync_TypeError_type, "can only assign array (not \"%s\") to array slice", pync_type_name(value));
            return -1;
        }
        array_obj *v = (array_obj *)value;
        if (v->desc != a->desc) {
            pync_raise_fmt(&pync_TypeError_type, "bad argument type for built-in operation");
            return -1;
        }
        needed = (int64_t)v->n;
        copy = pync_bytes_new(pync_array_data(v), v->n * isz);   /* value may be a itself */
        if (!copy) return -1;
        src = pync_bytes_data(copy);
    }
    /* normalise an empty or backward range as CPython does: a[5:2] = ... inserts at 5 */
    if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
    if (step == 1) {
        int64_t size = (int64_t)a->n;
        int64_t lo = start, hi = stop < start ? start : stop;
        int64_t d = needed - (hi - lo);
        if (d > 0 && pync_array_reserve(a, (size_t)(size + d)) < 0) return -1;
        uint8_t *p = pync_array_data(a);
        if (d != 0) pync_memmove(p + (size_t)(hi + d) * isz, p + (size_t)hi * isz, (size_t)(size - hi) * isz);
        if (needed) pync_memcpy(p + (size_t)lo * isz, src, (size_t)needed * isz);
        if (d > 0) {
            a->n = (size_t)(size + d);
            return 0;
        }
        return pync_array_resize(a, (size_t)(size + d));
    }
    if (needed == 0) {
        /* delete an extended slice (assigning an empty array deletes it too) */
        if (n <= 0) return 0;
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        uint8_t *p = pync_array_data(a);
        size_t w = (size_t)start;
        int64_t removed = 0;
        for (size_t r = (size_t)start; r < a->n; r++) {
            if (removed < n && (int64_t)r == start + removed * step) {
                removed++;
                continue;
            }
            pync_memmove(p + w * isz, p + r * isz, isz);
            w++;
        }
        return pync_array_resize(a, w);
    }
    if (needed != n) {
        pync_raise_fmt(&pync_ValueError_type, "attempt to assign array of size %zd to extended slice of size %zd",
                       (ptrdiff_t)needed, (ptrdiff_t)n);
        return -1;
    }
    uint8_t *p = pync_array_data(a);
    for (int64_t k = 0, j = start; k < n; k++, j += step) pync_memcpy(p + (size_t)j * isz, src + (size_t)k * isz, isz);
    return 0;
}

static int array_setitem(pv self, pv key, pv value) {
    array_obj *a = (array_obj *)self;
    int64_t i;
    int r = index_arg(key, &i);
    if (r < 0) return -1;
    if (r > 0) {
        if (i < 0) i += (int64_t)a->n;
        if (i < 0 || i >= (int64_t)a->n) {
            pync_raise_fmt(&pync_IndexError_type, "array assignment index out of range");
            return -1;
        }
        if (!value) {
            pync_array_delete(a, (size_t)i, (size_t)i + 1);
            return 0;
        }
        uint64_t bits;
        if (pync_array_convert(a->desc, value, &bits) < 0) return -1;
        if ((size_t)i >= a->n) {   /* the conversion ran code that shrank the array */
            pync_raise_fmt(&pync_IndexError_type, "array assignment index out of range");
            return -1;
        }
        store_bits(pync_array_data(a) + (size_t)i * a->desc->itemsize, bits, a->desc->itemsize);
        return 0;
    }
    if (!pv_is_small(key) && pync_isinstance_type(key, &pync_slice_type)) return assign_slice(a, key, value);
    pync_raise_fmt(&pync_TypeError_type, "array indices must be integers");
    return -1;
}

static int array_contains(pv self, pv item) {
    array_obj *a = (array_obj *)self;
    for (size_t i = 0; i < a->n; i++) {
        pv x = pync_array_item_at(a->desc, pync_array_data(a) + i * a->desc->itemsize);
        if (!x) return -1;
        int c = pync_equal(x, item);
        if (c != 0) return c;
    }
    return 0;
}

static pv array_richcompare(pv v, pv w, pync_cmpop op) {
    if (!pync_array_check(v) || !pync_array_check(w)) return pync_NotImplemented;
    array_obj *a = (array_obj *)v, *b = (array_obj *)w;
    if (a->n != b->n && (op == PYNC_EQ || op == PYNC_NE)) return pync_bool(op == PYNC_NE);
    /* the first index where the items differ */
    size_t i = 0;
    pv x = 0, y = 0;
    for (; i < a->n && i < b->n; i++) {
        x = pync_array_item_at(a->desc, pync_array_data(a) + i * a->desc->itemsize);
        y = x ? pync_array_item_at(b->desc, pync_array_data(b) + i * b->desc->itemsize) : 0;
        if (!y) return 0;
        int k = pync_equal(x, y);
        if (k < 0) return 0;
        if (!k) break;
    }
    if (i < a->n && i < b->n) {
        if (op == PYNC_EQ) return pync_False;
        if (op == PYNC_NE) return pync_True;
        return pync_compare(x, y, op);
    }
    size_t na = a->n, nb = b->n;
    bool r;
    switch (op) {
    case PYNC_LT: r = na < nb; break;
    case PYNC_LE: r = na <= nb; break;
    case PYNC_EQ: r = na == nb; break;
    case PYNC_NE: r = na != nb; break;
    case PYNC_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return pync_bool(r);
}

/* ---- + and * ------------------------------------------------------------------------------------------ */

/* CPython's sequence fallbacks let a class with the reflected method answer first */
static bool defers_to(pv other, const char *rname) {
    const pync_type *t = pv_type(other);
    return (t->flags & PYNC_TF_HEAPTYPE) && pync_type_lookup_cstr(t, rname) != 0;
}

static pv array_concat(pv a, pv b) {
    if (!pync_array_check(a)) return pync_NotImplemented;
    if (!pync_array_check(b)) {
        if (defers_to(b, "__radd__")) return pync_NotImplemented;
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "can only append array (not \"%s\") to array", pync_type_name(b));
    }
    array_obj *x = (array_obj *)a, *y = (array_obj *)b;
    if (x->desc != y->desc) return pync_raise_fmt(&pync_TypeError_type, "bad argument type for built-in operation");
    array_obj *r = pync_array_alloc(&pync_array_type, x->desc, 0);
    if (!r) return 0;
    size_t isz = x->desc->itemsize;
    if (pync_array_reserve(r, x->n + y->n) < 0) return 0;
    if (pync_array_append_bytes(r, pync_array_data(x), x->n * isz) < 0) return 0;
    if (pync_array_append_bytes(r, pync_array_data(y), y->n * isz) < 0) return 0;
    return (pv)r;
}

/* the count of a repetition: 1 with *n set, 0 NotImplemented, -1 error */
static int repeat_count(pv count, int64_t *n) {
    if (!pync_has_index(count)) {
        if (defers_to(count, "__rmul__")) return 0;
        if (pync_current_exc) return -1;
        pync_raise_fmt(&pync_TypeError_type, "can't multiply sequence by non-int of type '%s'", pync_type_name(count));
        return -1;
    }
    return pync_index_or_raise(count, &pync_OverflowError_type, n) < 0 ? -1 : 1;
}

static int repeat_into(array_obj *a, const uint8_t *src, size_t nbytes, int64_t n) {
    if (n <= 0 || nbytes == 0) return pync_array_resize(a, 0);
    size_t isz = a->desc->itemsize;
    size_t items = nbytes / isz;
    if ((uint64_t)n > (uint64_t)(INT64_MAX / 2) / nbytes) {
        pync_raise_nomem();
        return -1;
    }
    size_t total = items * (size_t)n;
    pv copy = pync_bytes_new(src, nbytes);
    if (!copy) return -1;
    if (pync_array_resize(a, 0) < 0 || pync_array_reserve(a, total) < 0) return -1;
    for (int64_t k = 0; k < n; k++) pync_memcpy(pync_array_data(a) + (size_t)k * nbytes, pync_bytes_data(copy), nbytes);
    a->n = total;
    return 0;
}

static pv array_repeat(pv a, pv b) {
    pv seq = a, count = b;
    if (!pync_array_check(a)) {
        seq = b;
        count = a;
    }
    int64_t n;
    int r = repeat_count(count, &n);
    if (r <= 0) return r < 0 ? 0 : pync_NotImplemented;
    array_obj *x = (array_obj *)seq;
    array_obj *res = pync_array_alloc(&pync_array_type, x->desc, 0);
    if (!res) return 0;
    return repeat_into(res, pync_array_data(x), x->n * x->desc->itemsize, n) < 0 ? 0 : (pv)res;
}

static pv array_inplace_concat(pv self, pv other) {
    if (!pync_array_check(other)) {
        return pync_raise_fmt(&pync_TypeError_type, "can only extend array with array (not \"%s\")", pync_type_name(other));
    }
    if (pync_array_extend_array((array_obj *)self, (array_obj *)other) < 0) return 0;
    return self;
}

static pv array_inplace_repeat(pv self, pv count) {
    int64_t n;
    int r = repeat_count(count, &n);
    if (r <= 0) return r < 0 ? 0 : pync_NotImplemented;
    array_obj *a = (array_obj *)self;
    if (n == 1 || a->n == 0) return self;
    return repeat_into(a, pync_array_data(a), a->n * a->desc->itemsize, n) < 0 ? 0 : self;
}

/* extend with an array of the same kind */
int pync_array_extend_array(array_obj *a, array_obj *b) {
    if (a->desc != b->desc) {
        pync_raise_fmt(&pync_TypeError_type, "can only extend with array of same kind");
        return -1;
    }
    pv copy = pync_bytes_new(pync_array_data(b), b->n * b->desc->itemsize);   /* b may be a */
    if (!copy) return -1;
    return pync_array_append_bytes(a, pync_bytes_data(copy), b->n * b->desc->itemsize);
}

/* ---- repr and attributes --------------------------------------------------------------------------------- */

static pv array_repr(pv self) {
    array_obj *a = (array_obj *)self;
    const pync_type *t = pv_type(self);
    const char *name = t == &pync_array_type ? "array" : t->name;
    if (a->n == 0) return pync_str_fmt("%s('%c')", name, a->desc->code);
    pv body = a->desc->code == 'u' ? pync_array_tounicode(a) : pync_array_tolist(a);
    if (!body) return 0;
    return pync_str_fmt("%s('%c', %R)", name, a->desc->code, body);
}

static pv array_getattr(pv self, pv name) {
    array_obj *a = (array_obj *)self;
    if (pync_str_eq_cstr(name, "typecode")) return pync_array_typecode(a);
    if (pync_str_eq_cstr(name, "itemsize")) return pv_from_small(a->desc->itemsize);
    return pync_generic_getattr(self, name);
}

static int array_setattr(pv self, pv name, pv value) {
    if (pync_str_eq_cstr(name, "typecode") || pync_str_eq_cstr(name, "itemsize")) {
        pync_raise_fmt(&pync_AttributeError_type, "attribute '%U' of 'array.array' objects is not writable", name);
        return -1;
    }
    return pync_generic_setattr(self, name, value);
}

/* ---- iteration -------------------------------------------------------------------------------------------- */

typedef struct array_iter {
    pync_object ob;
    pv seq;          /* 0 once exhausted */
    size_t index;
} array_iter_obj;

static void array_iter_trace(pync_object *o) { pync_gc_visit(((array_iter_obj *)o)->seq); }
static pv iter_self(pv self) { return self; }

static pv array_iter_next(pv self) {
    array_iter_obj *it = (array_iter_obj *)self;
    if (!it->seq) return 0;
    array_obj *a = (array_obj *)it->seq;
    if (it->index >= a->n) {
        it->seq = 0;
        return 0;
    }
    return pync_array_item_at(a->desc, pync_array_data(a) + it->index++ * a->desc->itemsize);
}

pync_type pync_array_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "array.arrayiterator",
    .base = &pync_object_type,
    .basicsize = sizeof(array_iter_obj),
    .trace = array_iter_trace,
    .iter = iter_self,
    .next = array_iter_next,
    .hash = pync_object_hash,
};

static pv array_iter(pv self) {
    array_iter_obj *it = pync_gc_alloc(sizeof(array_iter_obj), &pync_array_iterator_type);
    if (!it) return 0;
    it->seq = self;
    return (pv)it;
}

/* ---- the type and the module ---------------------------------------------------------------------------- */

pync_type pync_array_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "array.array",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(array_obj),
    .trace = array_trace,
    .repr = array_repr,
    .richcompare = array_richcompare,
    .truth = array_truth,
    .getattr = array_getattr,
    .setattr = array_setattr,
    .construct = array_construct,
    .iter = array_iter,
    .binop = {[PYNC_OP_ADD] = array_concat, [PYNC_OP_MUL] = array_repeat},
    .inplace = {[PYNC_OP_ADD] = array_inplace_concat, [PYNC_OP_MUL] = array_inplace_repeat},
    .len = array_len,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .contains = array_contains,
    .methods = pync_array_methods,
};

static int ready_type(pync_type *t, const char *qualname) {
    if (t->state[0]->dict) return 0;
    if (pync_type_ready(t) < 0) return -1;
    t->state[0]->qualname = pync_str_from_cstr(qualname);
    t->state[0]->module = pync_str_from_cstr("array");
    return t->state[0]->qualname && t->state[0]->module ? 0 : -1;
}

static int array_module_init(pv m) {
    pync_array_buffer_hook = pync_array_buffer;
    if (ready_type(&pync_array_type, "array") < 0 || ready_type(&pync_array_iterator_type, "arrayiterator") < 0) return -1;
    if (pync_module_add(m, "array", (pv)&pync_array_type) < 0 || pync_module_add(m, "ArrayType", (pv)&pync_array_type) < 0 ||
        pync_module_add(m, "typecodes", pync_str_from_cstr("bBuhHiIlLqQfd")) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_array = {"array", array_module_init};
