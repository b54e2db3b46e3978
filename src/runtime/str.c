/* str.c — the str type's core: representation, construction, hashing, comparison, repr.
 *
 * A str is immutable UTF-8 (surrogate code points allowed, encoded in 3 bytes like any other
 * BMP code point), NUL-terminated, with its length in code points and an ascii flag:
 *
 *   +------+------+--------+------+-------+----------+-------------------------+
 *   | type | hash | length | size | ascii | interned | data: UTF-8 bytes, NUL  |
 *   +------+------+--------+------+-------+----------+-------------------------+
 *
 * UTF-8 keeps code point order under byte comparison, so ordering is memcmp. Methods, slicing,
 * iteration and formatting are in str_methods.c / str_format.c. */
#include "pync.h"
#include "internal.h"

/* ---- UTF-8 ------------------------------------------------------------------------------ */

uint32_t pync_utf8_decode(const char *s, size_t *pos) {
    const uint8_t *p = (const uint8_t *)s + *pos;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pos += 1;
        return c;
    }
    if (c < 0xe0) {
        *pos += 2;
        return ((c & 0x1f) << 6) | (p[1] & 0x3f);
    }
    if (c < 0xf0) {
        *pos += 3;
        return ((c & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }
    *pos += 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) | ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}

size_t pync_utf8_encode(uint32_t cp, char *out) {
    uint8_t *o = (uint8_t *)out;
    if (cp < 0x80) {
        o[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (uint8_t)(0xc0 | (cp >> 6));
        o[1] = (uint8_t)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (uint8_t)(0xe0 | (cp >> 12));
        o[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (uint8_t)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (uint8_t)(0xf0 | (cp >> 18));
    o[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (uint8_t)(0x80 | (cp & 0x3f));
    return 4;
}

/* Code points in a UTF-8 buffer: every byte that is not a continuation byte starts one. */
static size_t count_code_points(const char *s, size_t size, bool *ascii) {
    size_t n = 0;
    bool all_ascii = true;
    for (size_t i = 0; i < size; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c >= 0x80) all_ascii = false;
        if ((c & 0xc0) != 0x80) n++;
    }
    *ascii = all_ascii;
    return n;
}

size_t pync_str_offset(pv s, size_t index) {
    const pync_strobj *str = (const pync_strobj *)s;
    if (str->ascii) return index;
    size_t pos = 0;
    while (index > 0 && pos < str->size) {
        pync_utf8_decode(str->data, &pos);
        index--;
    }
    return pos;
}

/* ---- construction ---------------------------------------------------------------------- */

pv pync_str_alloc(size_t size, size_t length) {
    if (size > SIZE_MAX - sizeof(pync_strobj) - 1) return pync_raise_nomem();
    pync_strobj *s = pync_gc_alloc(sizeof(pync_strobj) + size + 1, &pync_str_type);
    if (!s) return 0;
    s->hash = -1;
    s->size = size;
    s->length = length;
    s->ascii = size == length;
    return (pv)s;
}

static pv empty_str;

pv pync_str_from_utf8(const char *data, size_t size) {
    if (size == 0 && empty_str) return empty_str;
    bool ascii;
    size_t length = count_code_points(data, size, &ascii);
    pv s = pync_str_alloc(size, length);
    if (!s) return 0;
    pync_strobj *str = (pync_strobj *)s;
    pync_memcpy(str->data, data, size);
    str->data[size] = 0;
    str->ascii = ascii;
    return s;
}

pv pync_str_from_cstr(const char *s) { return pync_str_from_utf8(s, pync_strlen(s)); }

pv pync_str_concat(pv a, pv b) {
    const pync_strobj *x = (const pync_strobj *)a, *y = (const pync_strobj *)b;
    if (y->size == 0) return a;
    if (x->size == 0) return b;
    if (x->size > SIZE_MAX / 2 || y->size > SIZE_MAX / 2) return pync_raise_nomem();
    pv r = pync_str_alloc(x->size + y->size, x->length + y->length);
    if (!r) return 0;
    pync_strobj *s = (pync_strobj *)r;
    pync_memcpy(s->data, x->data, x->size);
    pync_memcpy(s->data + x->size, y->data, y->size);
    s->data[s->size] = 0;
    s->ascii = x->ascii && y->ascii;
    return r;
}

pv pync_str_join_n(pv *parts, size_t n) {
    size_t size = 0, length = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        const pync_strobj *p = (const pync_strobj *)parts[i];
        size += p->size;
        length += p->length;
        ascii = ascii && p->ascii;
    }
    pv r = pync_str_alloc(size, length);
    if (!r) return 0;
    pync_strobj *s = (pync_strobj *)r;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const pync_strobj *p = (const pync_strobj *)parts[i];
        pync_memcpy(s->data + at, p->data, p->size);
        at += p->size;
    }
    s->data[size] = 0;
    s->ascii = ascii;
    return r;
}

/* ---- builder --------------------------------------------------------------------------- */

int pync_strbuf_init(pync_strbuf *b, uint64_t capacity) {
    if (capacity < 16) capacity = 16;
    b->buf = pync_check_alloc_size(capacity) < 0 ? NULL : pync_rawbuf_new((size_t)capacity);
    b->size = 0;
    b->length = 0;
    b->ascii = true;
    return b->buf ? 0 : -1;
}

static int strbuf_reserve(pync_strbuf *b, size_t extra) {
    if (b->size + extra + 1 <= b->buf->capacity) return 0;
    size_t cap = b->buf->capacity * 2;
    if (cap < b->size + extra + 1) cap = b->size + extra + 1;
    pync_rawbuf *n = pync_rawbuf_new(cap);
    if (!n) return -1;
    pync_memcpy(n->data, b->buf->data, b->size);
    b->buf = n;
    return 0;
}

int pync_strbuf_append(pync_strbuf *b, const char *data, size_t size) {
    if (strbuf_reserve(b, size) < 0) return -1;
    bool ascii;
    b->length += count_code_points(data, size, &ascii);
    b->ascii = b->ascii && ascii;
    pync_memcpy(b->buf->data + b->size, data, size);
    b->size += size;
    return 0;
}

int pync_strbuf_append_str(pync_strbuf *b, pv s) {
    const pync_strobj *str = (const pync_strobj *)s;
    if (strbuf_reserve(b, str->size) < 0) return -1;
    pync_memcpy(b->buf->data + b->size, str->data, str->size);
    b->size += str->size;
    b->length += str->length;
    b->ascii = b->ascii && str->ascii;
    return 0;
}

int pync_strbuf_append_cstr(pync_strbuf *b, const char *s) { return pync_strbuf_append(b, s, pync_strlen(s)); }

int pync_strbuf_append_cp(pync_strbuf *b, uint32_t cp) {
    char tmp[4];
    size_t n = pync_utf8_encode(cp, tmp);
    if (strbuf_reserve(b, n) < 0) return -1;
    pync_memcpy(b->buf->data + b->size, tmp, n);
    b->size += n;
    b->length++;
    if (cp >= 0x80) b->ascii = false;
    return 0;
}

pv pync_strbuf_finish(pync_strbuf *b) {
    pv r = pync_str_alloc(b->size, b->length);
    if (!r) return 0;
    pync_strobj *s = (pync_strobj *)r;
    pync_memcpy(s->data, b->buf->data, b->size);
    s->data[b->size] = 0;
    s->ascii = b->ascii;
    return r;
}

/* ---- formatting helpers (pync_str_fmt) ------------------------------------------------- */

static int append_int(pync_strbuf *b, long long v, unsigned base, bool is_unsigned) {
    char tmp[32];
    size_t n = 0;
    unsigned long long u = is_unsigned || v >= 0 ? (unsigned long long)v : 0 - (unsigned long long)v;
    do {
        unsigned d = (unsigned)(u % base);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        u /= base;
    } while (u);
    if (!is_unsigned && v < 0) tmp[n++] = '-';
    char out[32];
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return pync_strbuf_append(b, out, n);
}

pv pync_str_vfmt(const char *fmt, va_list ap) {
    pync_strbuf b;
    if (pync_strbuf_init(&b, 64) < 0) return 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%') q++;
            if (pync_strbuf_append(&b, p, (size_t)(q - p)) < 0) return 0;
            p = q - 1;
            continue;
        }
        p++;
        int longs = 0;
        bool size_t_arg = false;
        while (*p == 'l') { longs++; p++; }
        if (*p == 'z') { size_t_arg = true; p++; }
        int r = 0;
        switch (*p) {
        case 'd': case 'i': {
            long long v = size_t_arg ? (long long)va_arg(ap, ptrdiff_t) : longs >= 2 ? va_arg(ap, long long)
                          : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
            r = append_int(&b, v, 10, false);
            break;
        }
        case 'u': {
            unsigned long long v = size_t_arg ? va_arg(ap, size_t) : longs >= 2 ? va_arg(ap, unsigned long long)
                                   : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            r = append_int(&b, (long long)v, 10, true);
            break;
        }
        case 'x': {
            unsigned long long v = size_t_arg ? va_arg(ap, size_t) : longs >= 2 ? va_arg(ap, unsigned long long)
                                   : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            r = append_int(&b, (long long)v, 16, true);
            break;
        }
        case 'p': {
            r = pync_strbuf_append(&b, "0x", 2);
            if (r == 0) r = append_int(&b, (long long)(uintptr_t)va_arg(ap, void *), 16, true);
            break;
        }
        case 'c': {
            r = pync_strbuf_append_cp(&b, (uint32_t)va_arg(ap, int));
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            r = pync_strbuf_append_cstr(&b, s ? s : "(null)");
            break;
        }
        case 'U': {
            r = pync_strbuf_append_str(&b, va_arg(ap, pv));
            break;
        }
        case 'R': case 'S': {
            pv v = va_arg(ap, pv);
            pv s = *p == 'R' ? pync_repr(v) : pync_str(v);
            if (!s) return 0;
            r = pync_strbuf_append_str(&b, s);
            break;
        }
        case 'T': {
            r = pync_strbuf_append_cstr(&b, pync_type_name(va_arg(ap, pv)));
            break;
        }
        case '%':
            r = pync_strbuf_append(&b, "%", 1);
            break;
        default:
            return pync_bad_internal_call("pync_str_vfmt: unknown conversion");
        }
        if (r < 0) return 0;
    }
    return pync_strbuf_finish(&b);
}

pv pync_str_fmt(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pv r = pync_str_vfmt(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- hashing, equality, ordering ------------------------------------------------------- */

static int str_hash(pv self, int64_t *out) {
    pync_strobj *s = (pync_strobj *)self;
    if (s->hash == -1) {
        int64_t h = pync_hash_bytes(s->data, s->size);
        s->hash = h == -1 ? -2 : h;
    }
    *out = s->hash;
    return 0;
}

bool pync_str_eq_cstr(pv s, const char *c) {
    const pync_strobj *x = (const pync_strobj *)s;
    size_t i = 0;
    for (; i < x->size; i++) {
        if (x->data[i] != c[i]) return false;
    }
    return c[i] == 0;
}

bool pync_str_equal(pv a, pv b) {
    if (a == b) return true;
    const pync_strobj *x = (const pync_strobj *)a, *y = (const pync_strobj *)b;
    if (x->size != y->size) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    for (size_t i = 0; i < x->size; i++) {
        if (x->data[i] != y->data[i]) return false;
    }
    return true;
}

static int str_cmp(const pync_strobj *x, const pync_strobj *y) {
    size_t n = x->size < y->size ? x->size : y->size;
    for (size_t i = 0; i < n; i++) {
        uint8_t a = (uint8_t)x->data[i], b = (uint8_t)y->data[i];
        if (a != b) return a < b ? -1 : 1;
    }
    return x->size < y->size ? -1 : x->size > y->size ? 1 : 0;
}

static pv str_richcompare(pv a, pv b, pync_cmpop op) {
    if (!pync_isinstance_type(b, &pync_str_type)) return pync_NotImplemented;
    if (op == PYNC_EQ) return pync_bool(pync_str_equal(a, b));
    if (op == PYNC_NE) return pync_bool(!pync_str_equal(a, b));
    int c = str_cmp((const pync_strobj *)a, (const pync_strobj *)b);
    switch (op) {
    case PYNC_LT: return pync_bool(c < 0);
    case PYNC_LE: return pync_bool(c <= 0);
    case PYNC_GT: return pync_bool(c > 0);
    default: return pync_bool(c >= 0);
    }
}

static int str_truth(pv self) { return ((const pync_strobj *)self)->size != 0; }
static int64_t str_len(pv self) { return (int64_t)((const pync_strobj *)self)->length; }
static pv str_str(pv self) { return self; }

static pv str_add(pv a, pv b) {
    if (!pync_isinstance_type(a, &pync_str_type)) return pync_NotImplemented;
    if (!pync_isinstance_type(b, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "can only concatenate str (not \"%T\") to str", b);
    }
    return pync_str_concat(a, b);
}

/* ---- repr: CPython's rules (quote choice, escapes, printable characters) --------------- */

#include "lib/unicode_db.h"

static const char hexdigits[] = "0123456789abcdef";

static pv str_repr(pv self) {
    const pync_strobj *s = (const pync_strobj *)self;
    bool has_single = false, has_double = false;
    for (size_t i = 0; i < s->size; i++) {
        if (s->data[i] == '\'') has_single = true;
        else if (s->data[i] == '"') has_double = true;
    }
    char quote = has_single && !has_double ? '"' : '\'';
    pync_strbuf b;
    if (pync_strbuf_init(&b, s->size + 2) < 0) return 0;
    if (pync_strbuf_append(&b, &quote, 1) < 0) return 0;
    size_t pos = 0;
    while (pos < s->size) {
        size_t start = pos;
        uint32_t cp = pync_utf8_decode(s->data, &pos);
        char esc[12];
        size_t n = 0;
        if (cp == (uint32_t)quote || cp == '\\') {
            esc[n++] = '\\';
            esc[n++] = (char)cp;
        } else if (cp == '\t') {
            esc[n++] = '\\'; esc[n++] = 't';
        } else if (cp == '\n') {
            esc[n++] = '\\'; esc[n++] = 'n';
        } else if (cp == '\r') {
            esc[n++] = '\\'; esc[n++] = 'r';
        } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && !pync_ucd_isprintable(cp))) {
            int digits = cp <= 0xff ? 2 : cp <= 0xffff ? 4 : 8;
            esc[n++] = '\\';
            esc[n++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int d = digits - 1; d >= 0; d--) esc[n++] = hexdigits[(cp >> (4 * d)) & 0xf];
        } else {
            if (pync_strbuf_append(&b, s->data + start, pos - start) < 0) return 0;
            continue;
        }
        if (pync_strbuf_append(&b, esc, n) < 0) return 0;
    }
    if (pync_strbuf_append(&b, &quote, 1) < 0) return 0;
    return pync_strbuf_finish(&b);
}

/* ascii(v): repr(v) with every non-ASCII character escaped */
pv pync_ascii(pv v) {
    pv r = pync_repr(v);
    if (!r) return 0;
    const pync_strobj *s = (const pync_strobj *)r;
    if (s->ascii) return r;
    pync_strbuf b;
    if (pync_strbuf_init(&b, s->size + 16) < 0) return 0;
    size_t pos = 0;
    while (pos < s->size) {
        size_t start = pos;
        uint32_t cp = pync_utf8_decode(s->data, &pos);
        if (cp < 0x80) {
            if (pync_strbuf_append(&b, s->data + start, 1) < 0) return 0;
            continue;
        }
        char esc[10];
        size_t n = 0;
        int digits = cp <= 0xff ? 2 : cp <= 0xffff ? 4 : 8;
        esc[n++] = '\\';
        esc[n++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
        for (int d = digits - 1; d >= 0; d--) esc[n++] = hexdigits[(cp >> (4 * d)) & 0xf];
        if (pync_strbuf_append(&b, esc, n) < 0) return 0;
    }
    return pync_strbuf_finish(&b);
}

/* str_methods.c / str_format.c */
pv pync_str_getitem(pv s, pv key);
pv pync_str_iter(pv s);
pv pync_str_format_spec(pv s, pv spec);
pv pync_str_repeat(pv a, pv b);
int pync_str_contains(pv s, pv sub);
pv pync_str_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames);

/* ---- interning ------------------------------------------------------------------------- */

static pv intern_table;     /* a dict str -> str */

pv pync_str_intern(pv s) {
    if (!s) return 0;   /* lets callers intern the result of a failed creation unchecked */
    pync_strobj *str = (pync_strobj *)s;
    if (str->interned) return s;
    if (!intern_table) {
        intern_table = pync_dict_new();
        if (!intern_table) return 0;
    }
    pv found = pync_dict_get(intern_table, s);
    if (found) return found;
    if (pync_current_exc) return 0;
    if (pync_dict_setitem(intern_table, s, s) < 0) return 0;
    str->interned = 1;
    return s;
}

static void str_roots(void) {
    pync_gc_visit(intern_table);
    pync_gc_visit(empty_str);
}

int pync_str_init(void) {
    pync_register_static_roots(str_roots);
    empty_str = pync_str_alloc(0, 0);
    return empty_str ? 0 : -1;
}

const pync_type pync_str_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "str",
    .flags = PYNC_TF_LEAF | PYNC_TF_BASETYPE,
    .basicsize = sizeof(pync_strobj),
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcompare = str_richcompare,
    .truth = str_truth,
    .construct = pync_str_construct,
    .iter = pync_str_iter,
    .format = pync_str_format_spec,
    .binop = {[PYNC_OP_ADD] = str_add, [PYNC_OP_MUL] = pync_str_repeat, [PYNC_OP_MOD] = pync_str_mod},
    .len = str_len,
    .getitem = pync_str_getitem,
    .contains = pync_str_contains,
    .method_list = pync_methods__str,
};
