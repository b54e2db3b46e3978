/* str_methods.c — the str type's behaviour beyond the core (str.c): construction, indexing and
 * slicing, iteration, `in`, repetition, the method table, and the helpers every text file uses
 * (str construction, argument checking with CPython's messages, index conversions).
 *
 * Related files: str_search.c (find/count/split/replace/partition/...), str_case.c (case mapping,
 * predicates, padding), str_codec.c (encode/decode), str_format.c ('%', format(), f-strings).
 *
 * A str stores UTF-8 (lone surrogates as 3-byte sequences) with its code point count; `ascii`
 * means one byte per code point, so indexing is O(1) there. Non-ASCII indexing walks the UTF-8
 * (through pync_str_offset), and iteration keeps a byte offset, so `for c in s` is O(n) either
 * way. One-character ASCII strings are cached. */
#include "str_impl.h"
#include "lib/unicode_db.h"
#include "lib/mp.h"

/* ==== construction helpers ================================================================= */

static pv char_cache[128];
static pv empty_str;
static bool roots_added;

/* The last non-ASCII position looked up: (str, code point index, byte offset). Strings are
   immutable, so it stays valid; it makes s[i] in a loop over i O(1) per step. */
static pv offset_str;
static size_t offset_cp, offset_byte;

static void add_roots(void) {
    if (roots_added) return;
    roots_added = true;
    pync_gc_add_roots(char_cache, 128);
    pync_gc_add_roots(&empty_str, 1);
    pync_gc_add_roots(&offset_str, 1);
}

size_t pync_txt_offset_slow(pv s, size_t index) {
    const txt_str *p = pync_txt_s(s);
    const uint8_t *d = (const uint8_t *)p->data;
    /* start from the nearest known position: the beginning, the end, or the cached one */
    size_t cp = 0, byte = 0;
    size_t best = index;
    if (p->length - index < best) {
        cp = p->length;
        byte = p->size;
        best = p->length - index;
    }
    if (offset_str == s) {
        size_t dist = offset_cp > index ? offset_cp - index : index - offset_cp;
        if (dist < best) {
            cp = offset_cp;
            byte = offset_byte;
        }
    }
    while (cp < index) {
        byte++;
        while ((d[byte] & 0xC0) == 0x80) byte++;
        cp++;
    }
    while (cp > index) {
        byte--;
        while ((d[byte] & 0xC0) == 0x80) byte--;
        cp--;
    }
    add_roots();
    offset_str = s;
    offset_cp = index;
    offset_byte = byte;
    return byte;
}

pv pync_txt_alloc(size_t size, size_t length) {
    pv s = pync_str_alloc(size, length);
    if (!s) return 0;
    txt_str *p = (txt_str *)s;
    p->size = size;
    p->length = length;
    p->hash = -1;
    p->ascii = size == length;
    p->data[size] = 0;
    return s;
}

pv pync_txt_new(const char *d, size_t size, size_t length) {
    if (size == 0) return pync_txt_empty();
    if (size == 1 && (uint8_t)d[0] < 128) return pync_txt_char((uint8_t)d[0]);
    pv s = pync_txt_alloc(size, length);
    if (!s) return 0;
    pync_memcpy(pync_txt_wdata(s), d, size);
    return s;
}

pv pync_txt_empty(void) {
    if (!empty_str) {
        add_roots();
        empty_str = pync_txt_alloc(0, 0);
    }
    return empty_str;
}

pv pync_txt_char(uint32_t cp) {
    if (cp < 128) {
        pv s = char_cache[cp];
        if (s) return s;
        add_roots();
        s = pync_txt_alloc(1, 1);
        if (!s) return 0;
        pync_txt_wdata(s)[0] = (char)cp;
        char_cache[cp] = s;
        return s;
    }
    char buf[4];
    size_t n = pync_utf8_encode(cp, buf);
    pv s = pync_txt_alloc(n, 1);
    if (!s) return 0;
    pync_memcpy(pync_txt_wdata(s), buf, n);
    return s;
}

size_t pync_txt_count_cp(const char *d, size_t n) {
    const uint8_t *p = (const uint8_t *)d;
    size_t count = 0, i = 0;
    /* a word at a time: count the bytes that are not continuation bytes (10xxxxxx) */
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 0; k < 8; k++) w |= (uint64_t)p[i + k] << (8 * k);
        /* continuation byte: bit7 set and bit6 clear */
        uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
        count += 8 - (size_t)__builtin_popcountll(cont);
    }
    for (; i < n; i++) count += (p[i] & 0xC0) != 0x80;
    return count;
}

size_t pync_txt_skip_cp(const char *d, size_t n, size_t pos, size_t k) {
    const uint8_t *p = (const uint8_t *)d;
    while (k > 0 && pos < n) {
        pos++;
        while (pos < n && (p[pos] & 0xC0) == 0x80) pos++;
        k--;
    }
    return pos;
}

uint32_t pync_txt_decode_back(const char *d, size_t *pos) {
    const uint8_t *p = (const uint8_t *)d;
    size_t i = *pos;
    do i--; while (i > 0 && (p[i] & 0xC0) == 0x80);
    *pos = i;
    size_t j = i;
    return pync_utf8_decode(d, &j);
}

pv pync_txt_sub_bytes(pv s, size_t from, size_t to, size_t length) {
    if (from == 0 && to == pync_str_size(s) && pync_txt_is_exact_str(s)) return s;
    return pync_txt_new(pync_str_data(s) + from, to - from, length);
}

pv pync_txt_substr(pv s, size_t start, size_t stop) {
    if (stop <= start) return pync_txt_empty();
    const txt_str *p = pync_txt_s(s);
    if (p->ascii) return pync_txt_sub_bytes(s, start, stop, stop - start);
    size_t a = pync_txt_off(s, start);
    size_t b = pync_txt_skip_cp(p->data, p->size, a, stop - start);
    return pync_txt_sub_bytes(s, a, b, stop - start);
}

/* ==== argument checking ===================================================================== */

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

static int no_kwargs(const char *qual, pv kwnames) {
    if (kwnames && ((pync_tuple *)kwnames)->size > 0) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes no keyword arguments", qual);
        return -1;
    }
    return 0;
}

int pync_txt_noargs(const char *qual, size_t nargs, pv kwnames) {
    if (no_kwargs(qual, kwnames) < 0) return -1;
    if (nargs != 0) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes no arguments (%zd given)", qual, (ptrdiff_t)nargs);
        return -1;
    }
    return 0;
}

int pync_txt_onearg(const char *qual, size_t nargs, pv kwnames) {
    if (no_kwargs(qual, kwnames) < 0) return -1;
    if (nargs != 1) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes exactly one argument (%zd given)", qual,
                       (ptrdiff_t)nargs);
        return -1;
    }
    return 0;
}

int pync_txt_posargs(const char *name, const char *qual, size_t nargs, pv kwnames, size_t min,
                     size_t max) {
    if (no_kwargs(qual, kwnames) < 0) return -1;
    if (nargs < min) {
        pync_raise_fmt(&pync_TypeError_type, "%s expected %s%zd argument%s, got %zd", name,
                       min == max ? "" : "at least ", (ptrdiff_t)min, plural(min), (ptrdiff_t)nargs);
        return -1;
    }
    if (nargs > max) {
        pync_raise_fmt(&pync_TypeError_type, "%s expected %s%zd argument%s, got %zd", name,
                       min == max ? "" : "at most ", (ptrdiff_t)max, plural(max), (ptrdiff_t)nargs);
        return -1;
    }
    return 0;
}

int pync_txt_tupleargs(const char *name, const char *qual, size_t nargs, pv kwnames, size_t min,
                       size_t max) {
    (void)qual;
    if (no_kwargs(name, kwnames) < 0) return -1;
    if (nargs < min || nargs > max) {
        size_t lim = nargs < min ? min : max;
        pync_raise_fmt(&pync_TypeError_type, "%s() takes %s %zd argument%s (%zd given)", name,
                       min == max ? "exactly" : nargs < min ? "at least" : "at most", (ptrdiff_t)lim,
                       plural(lim), (ptrdiff_t)nargs);
        return -1;
    }
    return 0;
}

static bool cstr_eq_str(const char *c, pv s) {
    size_t n = pync_str_size(s);
    const char *d = pync_str_data(s);
    for (size_t i = 0; i < n; i++)
        if (c[i] != d[i] || c[i] == 0) return false;
    return c[n] == 0;
}

int pync_txt_kwargs(const char *name, pv *args, size_t nargs, pv kwnames,
                    const char *const *names, size_t min, size_t max, pv *out) {
    size_t nkw = kwnames ? ((pync_tuple *)kwnames)->size : 0;
    for (size_t i = 0; i < max; i++) out[i] = 0;
    if (nargs + nkw > max) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes at most %zd %sargument%s (%zd given)", name,
                       (ptrdiff_t)max, nargs == 0 ? "keyword " : "", plural(max),
                       (ptrdiff_t)(nargs + nkw));
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    size_t left = nkw;
    const pv *kwv = args + nargs;
    for (size_t i = nargs; i < max; i++) {
        pv found = 0;
        for (size_t k = 0; k < nkw && left; k++) {
            pv kn = ((pync_tuple *)kwnames)->items[k];
            if (cstr_eq_str(names[i], kn)) {
                found = kwv[k];
                break;
            }
        }
        out[i] = found;
        if (found) left--;
        else if (i < min) {
            pync_raise_fmt(&pync_TypeError_type, "%s() missing required argument '%s' (pos %zd)", name,
                           names[i], (ptrdiff_t)(i + 1));
            return -1;
        }
    }
    if (left > 0) {
        for (size_t i = 0; i < nargs; i++) {
            for (size_t k = 0; k < nkw; k++) {
                if (cstr_eq_str(names[i], ((pync_tuple *)kwnames)->items[k])) {
                    pync_raise_fmt(&pync_TypeError_type,
                                   "argument for %s() given by name ('%s') and position (%zd)", name,
                                   names[i], (ptrdiff_t)(i + 1));
                    return -1;
                }
            }
        }
        for (size_t k = 0; k < nkw; k++) {
            pv kn = ((pync_tuple *)kwnames)->items[k];
            bool known = false;
            for (size_t i = 0; i < max; i++)
                if (cstr_eq_str(names[i], kn)) known = true;
            if (!known) {
                pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for %s()", kn,
                               name);
                return -1;
            }
        }
    }
    return 0;
}

/* ==== integers =============================================================================== */

static bool is_int(pv v) {
    if (pv_is_small(v)) return true;
    const pync_type *t = pv_type(v);
    return t == &pync_int_type || t == &pync_bool_type || (t->flags & PYNC_TF_INT_SUBCLASS) ||
           pync_is_subtype(t, &pync_int_type);
}

bool pync_txt_is_index(pv v) {
    if (is_int(v)) return true;
    const pync_type *t = pv_type(v);
    if (!(t->flags & PYNC_TF_HEAPTYPE)) return false;
    return pync_type_lookup_cstr(t, "__index__") != 0;
}

/* v an int (after __index__): its value, or *overflow = -1/+1 when out of the int64 range. */
static int64_t int_value(pv v, int *overflow) {
    *overflow = 0;
    if (pv_is_small(v)) return pv_small(v);
    if (v == pync_True) return 1;
    if (v == pync_False) return 0;
    int64_t x;
    if (pync_int_as_i64(v, &x)) return x;
    pync_mp_buf64 buf;
    const pync_mp *m = pync_int_as_mp(v, &buf);
    *overflow = m && pync_mp_sign(m) < 0 ? -1 : 1;
    return *overflow < 0 ? INT64_MIN : INT64_MAX;
}

bool pync_txt_as_i64(pv v, int64_t *out) {
    int ovf;
    *out = int_value(v, &ovf);
    return ovf == 0;
}

/* operator.index(v) for a value known to satisfy pync_txt_is_index. */
static pv as_index(pv v) {
    if (is_int(v)) return v;
    pv r = pync_number_index(v);
    return r;
}

int pync_txt_slice_index(pv v, int64_t *out) {
    if (v == pync_None) return 0;
    if (!pync_txt_is_index(v)) {
        pync_raise_fmt(&pync_TypeError_type,
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    pv i = as_index(v);
    if (!i) return -1;
    int ovf;
    *out = int_value(i, &ovf);
    return 0;
}

int pync_txt_ssize(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return 0;
    }
    if (!pync_txt_is_index(v)) {
        pync_raise_fmt(&pync_TypeError_type, "'%s' object cannot be interpreted as an integer",
                       pync_type_name(v));
        return -1;
    }
    pv i = as_index(v);
    if (!i) return -1;
    int ovf;
    *out = int_value(i, &ovf);
    if (ovf) {
        pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int pync_txt_index_value(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return 0;
    }
    pv i = as_index(v);
    if (!i) return -1;
    int ovf;
    *out = int_value(i, &ovf);
    if (ovf) {
        pync_raise_fmt(&pync_IndexError_type, "cannot fit '%s' into an index-sized integer",
                       pync_type_name(v));
        return -1;
    }
    return 0;
}

int64_t pync_txt_slice(pv slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step) {
    int64_t n;
    if (pync_slice_unpack(slice, len, start, stop, step, &n) < 0) return -1;
    return n;
}

int pync_txt_parse_finds(const char *name, const char *qual, pv *args, size_t nargs, pv kwnames,
                         pv *sub, int64_t *start, int64_t *end) {
    if (pync_txt_tupleargs(name, qual, nargs, kwnames, 1, 3) < 0) return -1;
    *sub = args[0];
    *start = 0;
    *end = INT64_MAX;
    if (nargs > 1 && pync_txt_slice_index(args[1], start) < 0) return -1;
    if (nargs > 2 && pync_txt_slice_index(args[2], end) < 0) return -1;
    return 0;
}

/* ==== indexing, slicing ====================================================================== */

static pv str_index(pv s, int64_t i) {
    const txt_str *p = pync_txt_s(s);
    int64_t n = (int64_t)p->length;
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        pync_raise_fmt(&pync_IndexError_type, "string index out of range");
        return 0;
    }
    if (p->ascii) return pync_txt_char((uint8_t)p->data[i]);
    size_t off = pync_txt_off(s, (size_t)i);
    return pync_txt_char(pync_utf8_decode(p->data, &off));
}

static pv str_slice(pv s, pv key) {
    const txt_str *p = pync_txt_s(s);
    int64_t start, stop, step;
    int64_t n = pync_txt_slice(key, (int64_t)p->length, &start, &stop, &step);
    if (n < 0) return 0;
    if (n == 0) return pync_txt_empty();
    if (step == 1) return pync_txt_substr(s, (size_t)start, (size_t)stop);
    if (p->ascii) {
        pv r = pync_txt_alloc((size_t)n, (size_t)n);
        if (!r) return 0;
        char *w = pync_txt_wdata(r);
        const char *d = pync_txt_s(s)->data;
        int64_t j = start;
        for (int64_t k = 0; k < n; k++, j += step) w[k] = d[j];
        return r;
    }
    /* non-ASCII: collect the byte offsets of every code point once, then copy */
    pync_strbuf b;
    if (pync_strbuf_init(&b, (size_t)n) < 0) return 0;
    if (step > 0) {
        size_t off = pync_txt_off(s, (size_t)start);
        int64_t j = start;
        for (int64_t k = 0; k < n; k++) {
            size_t q = off;
            uint32_t cp = pync_utf8_decode(p->data, &q);
            if (pync_strbuf_append_cp(&b, cp) < 0) return 0;
            if (k + 1 < n) {
                off = pync_txt_skip_cp(p->data, p->size, off, (size_t)step);
                j += step;
            }
        }
        (void)j;
    } else {
        /* walk backwards from the code point after `start` */
        size_t off = pync_txt_off(s, (size_t)start);
        off = pync_txt_skip_cp(p->data, p->size, off, 1);
        for (int64_t k = 0; k < n; k++) {
            uint32_t cp = pync_txt_decode_back(p->data, &off);
            if (pync_strbuf_append_cp(&b, cp) < 0) return 0;
            if (k + 1 < n)
                for (int64_t m = 1; m < -step; m++) pync_txt_decode_back(p->data, &off);
        }
    }
    return pync_strbuf_finish(&b);
}

pv pync_str_getitem(pv s, pv key) {
    if (pv_is_small(key)) return str_index(s, pv_small(key));
    if (pync_txt_is_slice(key)) return str_slice(s, key);
    if (pync_txt_is_index(key)) {
        int64_t i;
        if (pync_txt_index_value(key, &i) < 0) return 0;
        return str_index(s, i);
    }
    return pync_raise_fmt(&pync_TypeError_type, "string indices must be integers, not '%s'",
                          pync_type_name(key));
}

/* ==== iteration ================================================================================ */

typedef struct str_iter {
    pync_object ob;
    pv str;           /* 0 once exhausted */
    size_t pos;       /* byte offset of the next code point */
} str_iter;

static void str_iter_trace(pync_object *o) { pync_gc_visit(((str_iter *)o)->str); }
static pv iter_self(pv self) { return self; }

static pv str_iter_next(pv self) {
    str_iter *it = (str_iter *)self;
    pv s = it->str;
    if (!s) return 0;
    const txt_str *p = pync_txt_s(s);
    if (it->pos >= p->size) {
        it->str = 0;
        return 0;
    }
    uint8_t c = (uint8_t)p->data[it->pos];
    if (c < 128) {
        it->pos++;
        return pync_txt_char(c);
    }
    uint32_t cp = pync_utf8_decode(p->data, &it->pos);
    return pync_txt_char(cp);
}

static pv str_iter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str_iterator.__length_hint__", nargs, kwnames) < 0) return 0;
    str_iter *it = (str_iter *)self;
    if (!it->str) return pv_from_small(0);
    const txt_str *p = pync_txt_s(it->str);
    if (p->ascii) return pv_from_small((intptr_t)(p->size - it->pos));
    return pv_from_small((intptr_t)pync_txt_count_cp(p->data + it->pos, p->size - it->pos));
}

PYNC_METHOD(str_iter, __length_hint__, str_iter_length_hint, 0);

const pync_type pync_str_ascii_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "str_ascii_iterator",
    .base = &pync_object_type,
    .basicsize = sizeof(str_iter),
    .trace = str_iter_trace,
    .iter = iter_self,
    .next = str_iter_next,
    .method_list = pync_methods__str_iter,
};

const pync_type pync_str_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "str_iterator",
    .base = &pync_object_type,
    .basicsize = sizeof(str_iter),
    .trace = str_iter_trace,
    .iter = iter_self,
    .next = str_iter_next,
    .method_list = pync_methods__str_iter,
};

pv pync_str_iter(pv s) {
    const pync_type *t = pync_txt_s(s)->ascii ? &pync_str_ascii_iterator_type : &pync_str_iterator_type;
    /* the iterator types are readied on first use (their dict holds __length_hint__) */
    if (!t->state[0]->dict && pync_type_ready(t) < 0) return 0;
    str_iter *it = pync_gc_alloc(sizeof(str_iter), t);
    if (!it) return 0;
    it->str = s;
    it->pos = 0;
    return pv_of(it);
}

/* ==== in, * ====================================================================================== */

int pync_str_contains(pv s, pv sub) {
    if (!pync_txt_is_str(sub)) {
        pync_raise_fmt(&pync_TypeError_type, "'in <string>' requires string as left operand, not %s",
                       pync_type_name(sub));
        return -1;
    }
    return pync_txt_find((const uint8_t *)pync_str_data(s), pync_str_size(s),
                         (const uint8_t *)pync_str_data(sub), pync_str_size(sub)) >= 0;
}

pv pync_str_repeat(pv a, pv b) {
    pv s = a, n = b;
    if (!pync_txt_is_str(a)) {
        s = b;
        n = a;
    }
    if (!pync_txt_is_str(s)) return pync_NotImplemented;
    if (!pync_txt_is_index(n)) {
        /* a class that may multiply itself (n * s / s * n) gets its turn */
        if ((pv_type(n)->flags & PYNC_TF_HEAPTYPE) &&
            pync_type_lookup_cstr(pv_type(n), n == a ? "__mul__" : "__rmul__"))
            return pync_NotImplemented;
        return pync_raise_fmt(&pync_TypeError_type, "can't multiply sequence by non-int of type '%s'",
                              pync_type_name(n));
    }
    int64_t count;
    if (pv_is_small(n)) count = pv_small(n);
    else {
        pv i = as_index(n);
        if (!i) return 0;
        int ovf;
        count = int_value(i, &ovf);
        if (ovf) {
            return pync_raise_fmt(&pync_OverflowError_type, "cannot fit '%s' into an index-sized integer",
                                  pync_type_name(n));
        }
    }
    const txt_str *p = pync_txt_s(s);
    if (count <= 0 || p->size == 0) return pync_txt_empty();
    if (count == 1 && pync_txt_is_exact_str(s)) return s;
    /* CPython: OverflowError past Py_ssize_t, MemoryError when it cannot be allocated */
    if ((uint64_t)count > (uint64_t)INT64_MAX / p->length)
        return pync_raise_fmt(&pync_OverflowError_type, "repeated string is too long");
    /* (on a 32-bit target, any size past the address space) */
    if ((uint64_t)count > (uint64_t)(SIZE_MAX / 2) / p->size) return pync_raise_nomem();
    size_t total = (size_t)count * p->size;
    pv r = pync_txt_alloc(total, (size_t)count * p->length);
    if (!r) return 0;
    char *w = pync_txt_wdata(r);
    const char *d = pync_txt_s(s)->data;
    if (p->size == 1) {
        pync_memset(w, d[0], total);
    } else {
        pync_memcpy(w, d, p->size);
        size_t done = p->size;
        while (done < total) {
            size_t chunk = done <= total - done ? done : total - done;
            pync_memcpy(w + done, w, chunk);
            done += chunk;
        }
    }
    return r;
}

/* ==== str(...) ==================================================================================== */

pv pync_str_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    pv a[3];
    if (nargs <= 1 && !kwnames) {
        a[0] = nargs ? args[0] : 0;
        a[1] = a[2] = 0;
    } else if (pync_txt_kwargs("str", args, nargs, kwnames, names, 0, 3, a) < 0) {
        return 0;
    }
    pv r;
    if (!a[1] && !a[2]) {
        r = a[0] ? pync_str(a[0]) : pync_txt_empty();
        /* str(x) is an exact str even when x is an instance of a subclass of str */
        if (r && !pync_txt_is_exact_str(r))
            r = pync_txt_new(pync_str_data(r), pync_str_size(r), pync_txt_s(r)->length);
    } else {
        if (a[1] && !pync_txt_is_str(a[1]))
            return pync_raise_fmt(&pync_TypeError_type, "str() argument 'encoding' must be str, not %s",
                                  pync_txt_argtype(a[1]));
        if (a[2] && !pync_txt_is_str(a[2]))
            return pync_raise_fmt(&pync_TypeError_type, "str() argument 'errors' must be str, not %s",
                                  pync_txt_argtype(a[2]));
        pv obj = a[0] ? a[0] : pync_bytes_new(NULL, 0);
        if (!obj) return 0;
        pync_bview v;
        if (pync_txt_is_str(obj)) return pync_raise_fmt(&pync_TypeError_type, "decoding str is not supported");
        if (!pync_txt_bytes_like(obj, &v))
            return pync_raise_fmt(&pync_TypeError_type, "decoding to str: need a bytes-like object, %s found",
                                  pync_type_name(obj));
        r = pync_txt_decode_args("str", v.p, v.n, a[1], a[2]);
    }
    if (!r || t == &pync_str_type) return r;
    /* a subclass of str: the same layout with the subclass as the header's type */
    const txt_str *p = pync_txt_s(r);
    pv sub = pync_str_alloc(p->size, p->length);
    if (!sub) return 0;
    txt_str *q = (txt_str *)sub;
    pync_memcpy(q->data, pync_txt_s(r)->data, p->size + 1);
    q->ascii = p->ascii;
    q->ob.type = t;
    return sub;
}

/* ==== small methods =============================================================================== */

static pv m_sizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.__sizeof__", nargs, kwnames) < 0) return 0;
    const txt_str *p = pync_txt_s(self);
    /* CPython's compact layout: 48 bytes + 1 per char for ASCII, 72 + kind * (n + 1) otherwise */
    size_t maxc = 0;
    if (!p->ascii) {
        size_t pos = 0;
        while (pos < p->size) {
            uint32_t c = pync_utf8_decode(p->data, &pos);
            if (c > maxc) maxc = c;
        }
    }
    size_t kind = maxc < 256 ? 1 : maxc < 65536 ? 2 : 4;
    size_t r = p->ascii ? 48 + p->length + 1 : 72 + kind * (p->length + 1);
    return pync_int_from_u64(r);
}

static pv m_getnewargs(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.__getnewargs__", nargs, kwnames) < 0) return 0;
    pv copy = pync_txt_new(pync_str_data(self), pync_str_size(self), pync_txt_s(self)->length);
    if (!copy) return 0;
    return pync_tuple_pack(1, copy);
}

static pv m_format_dunder(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.__format__", nargs, kwnames) < 0) return 0;
    if (!pync_txt_is_str(args[0]))
        return pync_raise_fmt(&pync_TypeError_type, "__format__() argument must be str, not %s",
                              pync_txt_argtype(args[0]));
    return pync_str_format_spec(self, args[0]);
}

static pv m_encode(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    pv a[2];
    if (pync_txt_kwargs("encode", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    return pync_txt_encode_args("encode", self, a[0], a[1]);
}

/* ==== the method table ============================================================================ */

/* str_search.c */
pv pync_txt_m_find(pv, pv *, size_t, pv);
pv pync_txt_m_rfind(pv, pv *, size_t, pv);
pv pync_txt_m_index(pv, pv *, size_t, pv);
pv pync_txt_m_rindex(pv, pv *, size_t, pv);
pv pync_txt_m_count(pv, pv *, size_t, pv);
pv pync_txt_m_startswith(pv, pv *, size_t, pv);
pv pync_txt_m_endswith(pv, pv *, size_t, pv);
pv pync_txt_m_split(pv, pv *, size_t, pv);
pv pync_txt_m_rsplit(pv, pv *, size_t, pv);
pv pync_txt_m_splitlines(pv, pv *, size_t, pv);
pv pync_txt_m_partition(pv, pv *, size_t, pv);
pv pync_txt_m_rpartition(pv, pv *, size_t, pv);
pv pync_txt_m_replace(pv, pv *, size_t, pv);
pv pync_txt_m_join(pv, pv *, size_t, pv);
pv pync_txt_m_strip(pv, pv *, size_t, pv);
pv pync_txt_m_lstrip(pv, pv *, size_t, pv);
pv pync_txt_m_rstrip(pv, pv *, size_t, pv);
pv pync_txt_m_removeprefix(pv, pv *, size_t, pv);
pv pync_txt_m_removesuffix(pv, pv *, size_t, pv);
pv pync_txt_m_expandtabs(pv, pv *, size_t, pv);
pv pync_txt_m_translate(pv, pv *, size_t, pv);
pv pync_txt_m_maketrans(pv, pv *, size_t, pv);
/* str_case.c */
pv pync_txt_m_upper(pv, pv *, size_t, pv);
pv pync_txt_m_lower(pv, pv *, size_t, pv);
pv pync_txt_m_casefold(pv, pv *, size_t, pv);
pv pync_txt_m_capitalize(pv, pv *, size_t, pv);
pv pync_txt_m_title(pv, pv *, size_t, pv);
pv pync_txt_m_swapcase(pv, pv *, size_t, pv);
pv pync_txt_m_isdigit(pv, pv *, size_t, pv);
pv pync_txt_m_isdecimal(pv, pv *, size_t, pv);
pv pync_txt_m_isnumeric(pv, pv *, size_t, pv);
pv pync_txt_m_isalpha(pv, pv *, size_t, pv);
pv pync_txt_m_isalnum(pv, pv *, size_t, pv);
pv pync_txt_m_isspace(pv, pv *, size_t, pv);
pv pync_txt_m_islower(pv, pv *, size_t, pv);
pv pync_txt_m_isupper(pv, pv *, size_t, pv);
pv pync_txt_m_istitle(pv, pv *, size_t, pv);
pv pync_txt_m_isidentifier(pv, pv *, size_t, pv);
pv pync_txt_m_isprintable(pv, pv *, size_t, pv);
pv pync_txt_m_isascii(pv, pv *, size_t, pv);
pv pync_txt_m_center(pv, pv *, size_t, pv);
pv pync_txt_m_ljust(pv, pv *, size_t, pv);
pv pync_txt_m_rjust(pv, pv *, size_t, pv);
pv pync_txt_m_zfill(pv, pv *, size_t, pv);
/* str_format.c */
pv pync_txt_m_format(pv, pv *, size_t, pv);
pv pync_txt_m_format_map(pv, pv *, size_t, pv);

PYNC_METHOD(str, encode, m_encode, 0);
PYNC_METHOD(str, replace, pync_txt_m_replace, 0);
PYNC_METHOD(str, split, pync_txt_m_split, 0);
PYNC_METHOD(str, rsplit, pync_txt_m_rsplit, 0);
PYNC_METHOD(str, join, pync_txt_m_join, 0);
PYNC_METHOD(str, capitalize, pync_txt_m_capitalize, 0);
PYNC_METHOD(str, casefold, pync_txt_m_casefold, 0);
PYNC_METHOD(str, title, pync_txt_m_title, 0);
PYNC_METHOD(str, center, pync_txt_m_center, 0);
PYNC_METHOD(str, count, pync_txt_m_count, 0);
PYNC_METHOD(str, expandtabs, pync_txt_m_expandtabs, 0);
PYNC_METHOD(str, find, pync_txt_m_find, 0);
PYNC_METHOD(str, partition, pync_txt_m_partition, 0);
PYNC_METHOD(str, index, pync_txt_m_index, 0);
PYNC_METHOD(str, ljust, pync_txt_m_ljust, 0);
PYNC_METHOD(str, lower, pync_txt_m_lower, 0);
PYNC_METHOD(str, lstrip, pync_txt_m_lstrip, 0);
PYNC_METHOD(str, rfind, pync_txt_m_rfind, 0);
PYNC_METHOD(str, rindex, pync_txt_m_rindex, 0);
PYNC_METHOD(str, rjust, pync_txt_m_rjust, 0);
PYNC_METHOD(str, rstrip, pync_txt_m_rstrip, 0);
PYNC_METHOD(str, rpartition, pync_txt_m_rpartition, 0);
PYNC_METHOD(str, splitlines, pync_txt_m_splitlines, 0);
PYNC_METHOD(str, strip, pync_txt_m_strip, 0);
PYNC_METHOD(str, swapcase, pync_txt_m_swapcase, 0);
PYNC_METHOD(str, translate, pync_txt_m_translate, 0);
PYNC_METHOD(str, upper, pync_txt_m_upper, 0);
PYNC_METHOD(str, startswith, pync_txt_m_startswith, 0);
PYNC_METHOD(str, endswith, pync_txt_m_endswith, 0);
PYNC_METHOD(str, removeprefix, pync_txt_m_removeprefix, 0);
PYNC_METHOD(str, removesuffix, pync_txt_m_removesuffix, 0);
PYNC_METHOD(str, isascii, pync_txt_m_isascii, 0);
PYNC_METHOD(str, islower, pync_txt_m_islower, 0);
PYNC_METHOD(str, isupper, pync_txt_m_isupper, 0);
PYNC_METHOD(str, istitle, pync_txt_m_istitle, 0);
PYNC_METHOD(str, isspace, pync_txt_m_isspace, 0);
PYNC_METHOD(str, isdecimal, pync_txt_m_isdecimal, 0);
PYNC_METHOD(str, isdigit, pync_txt_m_isdigit, 0);
PYNC_METHOD(str, isnumeric, pync_txt_m_isnumeric, 0);
PYNC_METHOD(str, isalpha, pync_txt_m_isalpha, 0);
PYNC_METHOD(str, isalnum, pync_txt_m_isalnum, 0);
PYNC_METHOD(str, isidentifier, pync_txt_m_isidentifier, 0);
PYNC_METHOD(str, isprintable, pync_txt_m_isprintable, 0);
PYNC_METHOD(str, zfill, pync_txt_m_zfill, 0);
PYNC_METHOD(str, format, pync_txt_m_format, 0);
PYNC_METHOD(str, format_map, pync_txt_m_format_map, 0);
PYNC_METHOD(str, __format__, m_format_dunder, 0);
PYNC_METHOD(str, maketrans, pync_txt_m_maketrans, PYNC_METH_STATIC);
PYNC_METHOD(str, __sizeof__, m_sizeof, 0);
PYNC_METHOD(str, __getnewargs__, m_getnewargs, 0);
