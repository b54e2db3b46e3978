/* str_format.c — text formatting: printf-style '%' for str and bytes, str.format / format_map,
 * format(value, spec), f-string pieces, and str.__format__.
 *
 * '%' follows CPython 3.11's PyUnicode_Format / _PyBytes_FormatEx: a tuple supplies positional
 * arguments, any other object with __getitem__ (but not str/bytes) may be a mapping for
 * '%(key)s'; flags '-+ #0', '*' width and precision, h/l/L ignored; the conversions
 * s r a c d i u o x X e E f F g G, with CPython's padding rules (zero padding goes after the sign
 * and the 0x prefix) and its error messages. Numbers are converted with int's own base
 * conversion (numeric.h) and lib/dtoa.h.
 *
 * str.format parses "{field!conv:spec}" as CPython's MarkupIterator does (nested fields in the
 * spec, two levels deep; auto/manual numbering errors; '.attr' and '[key]' lookups) and formats
 * each value through pync_format(), which dispatches to the value type's `format` slot. */
#include "str_impl.h"
#include "numeric.h"
#include "lib/dtoa.h"
#include "lib/unicode_db.h"

/* ==== an output buffer of UTF-8 (str) or raw bytes ============================================ */

typedef struct obuf {
    pync_rawbuf *buf;
    size_t size;
    size_t length;    /* code points (str) */
} obuf;

static int ob_init(obuf *o, size_t cap) {
    o->buf = pync_rawbuf_new(cap < 32 ? 32 : cap);
    o->size = o->length = 0;
    return o->buf ? 0 : -1;
}

static int ob_reserve(obuf *o, size_t extra) {
    if (extra > SIZE_MAX / 2 - o->size) {
        pync_raise_nomem();
        return -1;
    }
    if (o->size + extra + 1 <= o->buf->capacity) return 0;
    size_t cap = o->buf->capacity * 2;
    if (cap < o->size + extra + 1) cap = o->size + extra + 1;
    pync_rawbuf *n = pync_rawbuf_new(cap);
    if (!n) return -1;
    pync_memcpy(n->data, o->buf->data, o->size);
    o->buf = n;
    return 0;
}

static int ob_put(obuf *o, const void *p, size_t n, size_t ncp) {
    if (ob_reserve(o, n) < 0) return -1;
    pync_memcpy(o->buf->data + o->size, p, n);
    o->size += n;
    o->length += ncp;
    return 0;
}

/* count copies of cp; count is computed in 64 bits (a width), past SIZE_MAX on a 32-bit target */
static int ob_fill(obuf *o, uint32_t cp, uint64_t count64) {
    char t[4];
    size_t n = pync_utf8_encode(cp, t);
    if (count64 > SIZE_MAX / 8) {
        pync_raise_nomem();
        return -1;
    }
    size_t count = (size_t)count64;
    if (ob_reserve(o, n * count) < 0) return -1;
    uint8_t *w = o->buf->data + o->size;
    if (n == 1) pync_memset(w, t[0], count);
    else
        for (size_t i = 0; i < count; i++) pync_memcpy(w + i * n, t, n);
    o->size += n * count;
    o->length += count;
    return 0;
}

static int ob_put_str(obuf *o, pv s) { return ob_put(o, pync_str_data(s), pync_str_size(s), pync_txt_s(s)->length); }

static pv ob_finish_str(obuf *o) { return pync_txt_new((const char *)o->buf->data, o->size, o->length); }
static pv ob_finish_bytes(obuf *o) { return pync_bytes_new(o->buf->data, o->size); }

/* ==== '%' formatting ============================================================================ */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct pctx {
    const uint8_t *fmt;
    size_t n, pos;
    bool bytes;
    pv args;          /* the current argument source */
    int64_t arglen, argidx;
    pv dict;
} pctx;

typedef struct parg {
    uint32_t ch;
    int flags;
    int64_t width, prec;
    bool sign;
} parg;

static pv next_arg(pctx *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        if (c->arglen < 0) return c->args;
        return ((pync_tuple *)c->args)->items[i];
    }
    return pync_raise_fmt(&pync_TypeError_type, "not enough arguments for format string");
}

/* The conversion character at c->pos (a code point for str), advancing. */
static uint32_t read_ch(pctx *c) {
    if (c->bytes || c->fmt[c->pos] < 0x80) return c->fmt[c->pos++];
    return pync_utf8_decode((const char *)c->fmt, &c->pos);
}

/* The code point index of byte offset `pos` of the format (for error positions). */
static size_t fmt_index(pctx *c, size_t pos) {
    return c->bytes ? pos : pync_txt_count_cp((const char *)c->fmt, pos);
}

static bool is_int_value(pv v) { return pync_is_int(v); }

static int64_t small_or_clamp(pv v, bool *ovf) {
    int64_t x;
    *ovf = !pync_txt_as_i64(v, &x);
    return x;
}

/* Parses flags/width/precision (after '%' and an optional key); sets a->ch to the conversion. */
static int parse_spec(pctx *c, parg *a) {
    bool have = false;
    /* flags */
    while (c->pos < c->n) {
        a->ch = read_ch(c);
        have = true;
        switch (a->ch) {
        case '-': a->flags |= F_LJUST; have = false; continue;
        case '+': a->flags |= F_SIGN; have = false; continue;
        case ' ': a->flags |= F_BLANK; have = false; continue;
        case '#': a->flags |= F_ALT; have = false; continue;
        case '0': a->flags |= F_ZERO; have = false; continue;
        }
        break;
    }
    if (!have) goto incomplete;
    /* width */
    if (a->ch == '*') {
        pv v = next_arg(c);
        if (!v) return -1;
        if (!is_int_value(v)) {
            pync_raise_fmt(&pync_TypeError_type, "* wants int");
            return -1;
        }
        bool ovf;
        a->width = small_or_clamp(v, &ovf);
        if (ovf) {
            pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C ssize_t");
            return -1;
        }
        if (a->width < 0) {
            a->flags |= F_LJUST;
            a->width = a->width == INT64_MIN ? INT64_MAX : -a->width;
        }
        if (c->pos >= c->n) goto incomplete;
        a->ch = read_ch(c);
    } else if (a->ch >= '0' && a->ch <= '9') {
        a->width = a->ch - '0';
        for (;;) {
            if (c->pos >= c->n) goto incomplete;
            a->ch = read_ch(c);
            if (a->ch < '0' || a->ch > '9') break;
            if (a->width > (INT64_MAX - (int64_t)(a->ch - '0')) / 10) {
                pync_raise_fmt(&pync_ValueError_type, "width too big");
                return -1;
            }
            a->width = a->width * 10 + (a->ch - '0');
        }
    }
    /* precision */
    if (a->ch == '.') {
        a->prec = 0;
        if (c->pos >= c->n) goto incomplete;
        a->ch = read_ch(c);
        if (a->ch == '*') {
            pv v = next_arg(c);
            if (!v) return -1;
            if (!is_int_value(v)) {
                pync_raise_fmt(&pync_TypeError_type, "* wants int");
                return -1;
            }
            bool ovf;
            int64_t p = small_or_clamp(v, &ovf);
            if (ovf || p > INT32_MAX || p < INT32_MIN) {
                pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C int");
                return -1;
            }
            a->prec = p < 0 ? 0 : p;
            if (c->pos >= c->n) goto incomplete;
            a->ch = read_ch(c);
        } else if (a->ch >= '0' && a->ch <= '9') {
            a->prec = a->ch - '0';
            for (;;) {
                if (c->pos >= c->n) goto incomplete;
                a->ch = read_ch(c);
                if (a->ch < '0' || a->ch > '9') break;
                if (a->prec > (INT32_MAX - (int64_t)(a->ch - '0')) / 10) {
                    pync_raise_fmt(&pync_ValueError_type, "precision too big");
                    return -1;
                }
                a->prec = a->prec * 10 + (a->ch - '0');
            }
        }
    }
    if (a->ch == 'h' || a->ch == 'l' || a->ch == 'L') {
        if (c->pos >= c->n) goto incomplete;
        a->ch = read_ch(c);
    }
    return 0;
incomplete:
    pync_raise_fmt(&pync_ValueError_type, "incomplete format");
    return -1;
}

/* Writes a formatted piece: body p[0:nb] holding len code points (bytes when !unicode). */
static int output(obuf *o, parg *a, const uint8_t *p, size_t nb, size_t len, bool unicode) {
    uint32_t fill = (a->sign && (a->flags & F_ZERO)) ? '0' : ' ';
    if ((a->width == -1 || a->width <= (int64_t)len) && (a->prec == -1 || a->prec >= (int64_t)len) &&
        !(a->flags & (F_SIGN | F_BLANK)))
        return ob_put(o, p, nb, len);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a' || a->ch == 'b') && a->prec >= 0 &&
        (int64_t)len > a->prec) {
        len = (size_t)a->prec;
        nb = unicode ? pync_txt_skip_cp((const char *)p, nb, 0, len) : len;
    }
    size_t pi = 0;
    char signchar = 0;
    if (a->sign) {
        if (len > 0 && (p[0] == '-' || p[0] == '+')) {
            signchar = (char)p[0];
            len--;
            pi++;
        } else if (a->flags & F_SIGN) signchar = '+';
        else if (a->flags & F_BLANK) signchar = ' ';
        else a->sign = false;
    }
    int64_t width = a->width < (int64_t)len ? (int64_t)len : a->width;
    if (a->sign) {
        if (fill != ' ' && ob_put(o, &signchar, 1, 1) < 0) return -1;
        if (width > (int64_t)len) width--;
    }
    bool prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (prefix) {
        if (fill != ' ') {
            if (ob_put(o, p + pi, 2, 2) < 0) return -1;
            pi += 2;
        }
        width -= 2;
        if (width < 0) width = 0;
        len -= 2;
    }
    if (width > (int64_t)len && !(a->flags & F_LJUST)) {
        if (ob_fill(o, fill, (uint64_t)(width - (int64_t)len)) < 0) return -1;
        width = (int64_t)len;
    }
    if (fill == ' ') {
        if (a->sign && ob_put(o, &signchar, 1, 1) < 0) return -1;
        if (prefix) {
            if (ob_put(o, p + pi, 2, 2) < 0) return -1;
            pi += 2;
        }
    }
    if (len && ob_put(o, p + pi, nb - pi, len) < 0) return -1;
    if (width > (int64_t)len && ob_fill(o, ' ', (uint64_t)(width - (int64_t)len)) < 0) return -1;
    return 0;
}

static int output_str(obuf *o, parg *a, pv s, bool unicode) {
    return output(o, a, (const uint8_t *)pync_str_data(s), pync_str_size(s),
                  unicode ? pync_txt_s(s)->length : pync_str_size(s), unicode);
}

/* The int body of %d/%i/%u/%o/%x/%X: sign, optional prefix, digits (zero-filled to precision). */
static pv format_long(pv v, parg *a) {
    int base = a->ch == 'o' ? 8 : (a->ch == 'x' || a->ch == 'X') ? 16 : 10;
    bool alt = (a->flags & F_ALT) && base != 10;
    const char *prefix = !alt ? NULL : base == 8 ? "0o" : "0x";
    pv s = pync_int_to_base(v, base, prefix);
    if (!s) return 0;
    const char *d = pync_str_data(s);
    size_t n = pync_str_size(s);
    size_t nondigits = (d[0] == '-') + (alt ? 2 : 0);
    size_t digits = n - nondigits;
    if (a->prec > (int64_t)digits || a->ch == 'X') {
        size_t total = a->prec > (int64_t)digits ? nondigits + (size_t)a->prec : n;
        pv r = pync_txt_alloc(total, total);
        if (!r) return 0;
        char *w = pync_txt_wdata(r);
        pync_memcpy(w, d, nondigits);
        size_t zeros = total - n;
        pync_memset(w + nondigits, '0', zeros);
        pync_memcpy(w + nondigits + zeros, d + nondigits, digits);
        if (a->ch == 'X')
            for (size_t i = 0; i < total; i++)
                if (w[i] >= 'a' && w[i] <= 'x') w[i] = (char)(w[i] - 32);
        s = r;
    }
    return s;
}

static bool has_special(pv v, const char *name) {
    const pync_type *t = pv_type(v);
    return (t->flags & PYNC_TF_HEAPTYPE) && pync_type_lookup_cstr(t, name) != 0;
}

/* %d etc.: the value as an int, or 0 with the conversion's TypeError. */
static pv number_arg(pv v, parg *a) {
    if (pync_is_int(v)) return v;
    bool intonly = a->ch == 'o' || a->ch == 'x' || a->ch == 'X';
    pv r = 0;
    if (intonly) {
        if (pync_txt_is_index(v)) return pync_number_index(v);
    } else if (pync_is_float(v)) {
        return pync_int_from_double(pync_float_value(v));
    } else if (has_special(v, "__index__")) {
        return pync_number_index(v);
    } else if (has_special(v, "__int__") || has_special(v, "__trunc__")) {
        r = pync_call_method(v, pync_str_from_cstr(has_special(v, "__int__") ? "__int__" : "__trunc__"), NULL, 0, 0);
        if (!r) return 0;
        if (!pync_is_int(r))
            return pync_raise_fmt(&pync_TypeError_type, "__int__ returned non-int (type %s)", pync_type_name(r));
        return r;
    }
    char chs[2] = {(char)a->ch, 0};
    if (intonly)
        return pync_raise_fmt(&pync_TypeError_type, "%%%s format: an integer is required, not %s", chs,
                              pync_type_name(v));
    return pync_raise_fmt(&pync_TypeError_type, "%%%s format: a real number is required, not %s", chs,
                          pync_type_name(v));
}

static int format_float(obuf *o, parg *a, pv v, bool unicode) {
    double x;
    if (pync_is_float(v)) x = pync_float_value(v);
    else if (!pync_is_int(v) && !has_special(v, "__float__") && pync_txt_is_index(v)) {
        /* PyFloat_AsDouble falls back on __index__ */
        pv i = pync_number_index(v);
        if (!i || pync_as_double(i, &x) < 0) return -1;
    } else if (pync_as_double(v, &x) < 0) {
        if (pync_current_exc && pync_isinstance_type(pync_current_exc, &pync_TypeError_type)) {
            pync_exc_clear();
            pync_raise_fmt(&pync_TypeError_type, unicode ? "must be real number, not %s"
                                                         : "float argument required, not %s", pync_type_name(v));
        }
        return -1;
    }
    int prec = a->prec < 0 ? 6 : (int)a->prec;
    unsigned flags = (a->flags & F_ALT) ? PYNC_DTOA_ALT : 0;
    int len = pync_dtoa_format_len(x, (int)a->ch, prec, flags);
    char small[64];
    char *buf = small;
    if (len + 1 > (int)sizeof small) {
        pync_rawbuf *rb = pync_rawbuf_new((size_t)len + 1);
        if (!rb) return -1;
        buf = (char *)rb->data;
    }
    len = pync_dtoa_format(x, (int)a->ch, prec, flags, buf, (size_t)len + 1);
    if (len < 0) {
        pync_bad_internal_call("format_float");
        return -1;
    }
    a->sign = true;
    return output(o, a, (const uint8_t *)buf, (size_t)len, (size_t)len, unicode);
}

/* %c */
static int format_char(obuf *o, parg *a, pv v, bool bytes) {
    uint8_t buf[4];
    size_t nb, ncp = 1;
    if (bytes) {
        pync_bview bv;
        if (pync_txt_bytes_like(v, &bv) && bv.n == 1) {
            buf[0] = bv.p[0];
        } else {
            if (!pync_txt_is_index(v)) {
                pync_raise_fmt(&pync_TypeError_type, "%%c requires an integer in range(256) or a single byte");
                return -1;
            }
            pv i = pync_is_int(v) ? v : pync_number_index(v);
            if (!i) return -1;
            int64_t x;
            if (!pync_txt_as_i64(i, &x) || x < 0 || x > 255) {
                pync_raise_fmt(&pync_OverflowError_type, "%%c arg not in range(256)");
                return -1;
            }
            buf[0] = (uint8_t)x;
        }
        nb = 1;
    } else {
        uint32_t cp;
        if (pync_txt_is_str(v)) {
            if (pync_txt_s(v)->length != 1) {
                pync_raise_fmt(&pync_TypeError_type, "%%c requires int or char");
                return -1;
            }
            size_t q = 0;
            cp = pync_utf8_decode(pync_str_data(v), &q);
        } else {
            if (!pync_txt_is_index(v)) {
                pync_raise_fmt(&pync_TypeError_type, "%%c requires int or char");
                return -1;
            }
            pv i = pync_is_int(v) ? v : pync_number_index(v);
            if (!i) return -1;
            int64_t x;
            if (!pync_txt_as_i64(i, &x) || x < 0 || x > 0x10FFFF) {
                pync_raise_fmt(&pync_OverflowError_type, "%%c arg not in range(0x110000)");
                return -1;
            }
            cp = (uint32_t)x;
        }
        nb = pync_utf8_encode(cp, (char *)buf);
    }
    return output(o, a, buf, nb, ncp, !bytes);
}

/* %s / %b of bytes formatting: the bytes of v. */
static pv bytes_of(pv v) {
    pync_bview bv;
    if (pync_txt_bytes_like(v, &bv)) return pync_bytes_new(bv.p, bv.n);
    if (has_special(v, "__bytes__")) {
        pv r = pync_call_method(v, pync_str_from_cstr("__bytes__"), NULL, 0, 0);
        if (!r) return 0;
        if (!pync_txt_is_bytes(r))
            return pync_raise_fmt(&pync_TypeError_type, "__bytes__ returned non-bytes (type %s)", pync_type_name(r));
        return r;
    }
    return pync_raise_fmt(&pync_TypeError_type,
                          "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                          pync_type_name(v));
}

/* One conversion; c->pos is just after its '%'. */
static int format_one(pctx *c, obuf *o) {
    parg a = {0, 0, -1, -1, false};
    if (c->fmt[c->pos] == '(') {
        if (!c->dict) {
            pync_raise_fmt(&pync_TypeError_type, "format requires a mapping");
            return -1;
        }
        c->pos++;
        size_t keystart = c->pos;
        int depth = 1;
        while (depth > 0 && c->pos < c->n) {
            uint8_t ch = c->fmt[c->pos++];
            if (ch == ')') depth--;
            else if (ch == '(') depth++;
        }
        if (depth > 0) {
            pync_raise_fmt(&pync_ValueError_type, "incomplete format key");
            return -1;
        }
        size_t keylen = c->pos - keystart - 1;
        pv key = c->bytes ? pync_bytes_new(c->fmt + keystart, keylen)
                          : pync_txt_new((const char *)c->fmt + keystart, keylen,
                                         pync_txt_count_cp((const char *)c->fmt + keystart, keylen));
        if (!key) return -1;
        pv v = pync_getitem(c->dict, key);
        if (!v) return -1;
        c->args = v;
        c->arglen = -1;
        c->argidx = -2;
    }
    if (parse_spec(c, &a) < 0) return -1;
    pv v = next_arg(c);
    if (!v) return -1;
    bool unicode = !c->bytes;
    switch (a.ch) {
    case 's':
    case 'r':
    case 'a':
    case 'b':
        if (a.ch == 'b' && unicode) break;
        if (c->bytes) {
            pv b;
            if (a.ch == 's' || a.ch == 'b') b = bytes_of(v);
            else {
                pv s = pync_ascii(v);
                if (!s) return -1;
                b = pync_bytes_new((const uint8_t *)pync_str_data(s), pync_str_size(s));
            }
            if (!b) return -1;
            pync_bview bv;
            pync_txt_bytes_like(b, &bv);
            return output(o, &a, bv.p, bv.n, bv.n, false);
        } else {
            pv s = a.ch == 's' ? (pync_txt_is_exact_str(v) ? v : pync_str(v)) : a.ch == 'r' ? pync_repr(v)
                                                                                                : pync_ascii(v);
            if (!s) return -1;
            return output_str(o, &a, s, true);
        }
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
        pv i = number_arg(v, &a);
        if (!i) return -1;
        pv s = format_long(i, &a);
        if (!s) return -1;
        a.sign = true;
        return output_str(o, &a, s, unicode);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        return format_float(o, &a, v, unicode);
    case 'c':
        return format_char(o, &a, v, c->bytes);
    default:
        break;
    }
    size_t idx = fmt_index(c, c->pos) - 1;
    uint32_t ch = a.ch;
    char shown = (ch >= 32 && ch <= 126) ? (char)ch : '?';
    char hex[9];
    int nd = 0;
    uint32_t t = ch;
    char rev[9];
    do {
        rev[nd++] = "0123456789abcdef"[t & 15];
        t >>= 4;
    } while (t);
    for (int i = 0; i < nd; i++) hex[i] = rev[nd - 1 - i];
    hex[nd] = 0;
    pync_raise_fmt(&pync_ValueError_type, "unsupported format character '%c' (0x%s) at index %zd", shown, hex,
                   (ptrdiff_t)idx);
    return -1;
}

pv pync_txt_percent(const char *fmt, size_t n, pv args, bool bytes) {
    pctx c;
    c.fmt = (const uint8_t *)fmt;
    c.n = n;
    c.pos = 0;
    c.bytes = bytes;
    c.args = args;
    const pync_type *at = pv_type(args);
    bool is_tuple = !pv_is_small(args) && pync_isinstance_type(args, &pync_tuple_type);
    if (is_tuple) {
        c.arglen = (int64_t)((pync_tuple *)args)->size;
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    c.dict = 0;
    if (!pv_is_small(args) && at->getitem && !is_tuple && !pync_txt_is_str(args) &&
        !(bytes && (pync_txt_is_bytes(args) || pync_txt_is_bytearray(args))))
        c.dict = args;
    obuf o;
    if (ob_init(&o, n + 16) < 0) return 0;
    while (c.pos < c.n) {
        if (c.fmt[c.pos] != '%') {
            size_t s = c.pos;
            while (c.pos < c.n && c.fmt[c.pos] != '%') c.pos++;
            size_t ncp = bytes ? c.pos - s : pync_txt_count_cp(fmt + s, c.pos - s);
            if (ob_put(&o, fmt + s, c.pos - s, ncp) < 0) return 0;
            continue;
        }
        c.pos++;
        if (c.pos >= c.n) return pync_raise_fmt(&pync_ValueError_type, "incomplete format");
        if (c.fmt[c.pos] == '%') {
            c.pos++;
            if (ob_put(&o, "%", 1, 1) < 0) return 0;
            continue;
        }
        if (format_one(&c, &o) < 0) return 0;
    }
    if (c.argidx < c.arglen && !c.dict)
        return pync_raise_fmt(&pync_TypeError_type, "not all arguments converted during %s formatting",
                              bytes ? "bytes" : "string");
    return bytes ? ob_finish_bytes(&o) : ob_finish_str(&o);
}

pv pync_str_mod(pv fmt, pv args) {
    if (!pync_txt_is_str(fmt)) return pync_NotImplemented;
    return pync_txt_percent(pync_str_data(fmt), pync_str_size(fmt), args, false);
}

/* ==== format(value, spec) ========================================================================= */

static pv empty_spec(void) { return pync_txt_empty(); }

pv pync_format(pv value, pv spec) {
    if (!spec) {
        spec = empty_spec();
        if (!spec) return 0;
    } else if (!pync_txt_is_str(spec)) {
        return pync_raise_fmt(&pync_TypeError_type, "format() argument 2 must be str, not %s", pync_txt_argtype(spec));
    }
    if (pync_str_size(spec) == 0) {
        if (pync_txt_is_exact_str(value)) return value;
        if (pv_is_small(value) || pv_type(value) == &pync_int_type) return pync_str(value);
    }
    const pync_type *t = pv_type(value);
    pv (*fmt)(pv, pv) = NULL;
    for (const pync_type *k = t; k && !fmt; k = k->base) fmt = k->format;
    pv r;
    if (fmt) {
        r = fmt(value, spec);
    } else {
        /* object.__format__ */
        if (pync_str_size(spec) != 0)
            return pync_raise_fmt(&pync_TypeError_type, "unsupported format string passed to %s.__format__",
                                  pync_type_name(value));
        r = pync_str(value);
    }
    if (r && !pync_txt_is_str(r))
        return pync_raise_fmt(&pync_TypeError_type, "__format__ must return a str, not %s", pync_type_name(r));
    return r;
}

pv pync_format_fstring_value(pv value, int conversion, pv spec) {
    pv v = value;
    switch (conversion) {
    case 's': v = pync_txt_is_exact_str(value) ? value : pync_str(value); break;
    case 'r': v = pync_repr(value); break;
    case 'a': v = pync_ascii(value); break;
    default: break;
    }
    if (!v) return 0;
    if (!spec && pync_txt_is_exact_str(v)) return v;
    return pync_format(v, spec);
}

/* ==== str.__format__ =============================================================================== */

pv pync_str_format_spec(pv s, pv spec) {
    if (pync_str_size(spec) == 0) {
        if (pync_txt_is_exact_str(s)) return s;
        return pync_txt_new(pync_str_data(s), pync_str_size(s), pync_txt_s(s)->length);
    }
    pync_format_spec f;
    if (pync_format_spec_parse_for(spec, "str", 's', &f) < 0) return 0;
    if (f.type != 's' && f.type != 0) {
        char t[2] = {f.type, 0};
        return pync_raise_fmt(&pync_ValueError_type, "Unknown format code '%s' for object of type 'str'", t);
    }
    if (f.sign == ' ') return pync_raise_fmt(&pync_ValueError_type, "Space not allowed in string format specifier");
    if (f.sign) return pync_raise_fmt(&pync_ValueError_type, "Sign not allowed in string format specifier");
    if (f.no_neg_zero)
        return pync_raise_fmt(&pync_ValueError_type,
                              "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return pync_raise_fmt(&pync_ValueError_type, "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return pync_raise_fmt(&pync_ValueError_type, "'=' alignment not allowed in string format specifier");
    /* a '0' before the width fills with zeros unless a fill character was given explicitly */
    uint32_t fill = f.fill;
    {
        const char *d = pync_str_data(spec);
        size_t q = 0;
        if (pync_str_size(spec) > 0) pync_utf8_decode(d, &q);
        bool explicit_fill = q < pync_str_size(spec) && (d[q] == '<' || d[q] == '>' || d[q] == '^' || d[q] == '=');
        if (f.zero_pad && !explicit_fill) fill = '0';
    }
    const txt_str *p = pync_txt_s(s);
    size_t len = p->length, nb = p->size;
    if (f.precision >= 0 && (int64_t)len > f.precision) {
        len = (size_t)f.precision;
        nb = pync_txt_skip_cp(p->data, p->size, 0, len);
    }
    int64_t width = f.width;
    if (width <= (int64_t)len) {
        /* unchanged: CPython hands back the object itself, even an instance of a subclass */
        if (nb == p->size) return s;
        return pync_txt_new(p->data, nb, len);
    }
    if (pync_check_alloc_size((uint64_t)width) < 0) return 0;
    size_t total = (size_t)width - len;
    char align = f.align ? f.align : '<';
    size_t left = align == '>' ? total : align == '^' ? total / 2 : 0;
    obuf o;
    if (ob_init(&o, nb + total) < 0) return 0;
    if (ob_fill(&o, fill, left) < 0) return 0;
    if (ob_put(&o, pync_txt_s(s)->data, nb, len) < 0) return 0;
    if (ob_fill(&o, fill, total - left) < 0) return 0;
    return ob_finish_str(&o);
}

/* ==== str.format / format_map ======================================================================= */

typedef struct autonum {
    int state;          /* 0 init, 1 auto, 2 manual */
    int64_t next;
} autonum;

typedef struct sub {
    const char *p;      /* UTF-8 of the format string */
    size_t start, end;  /* byte offsets */
} sub;

static pv build_string(pv fmtstr, sub in, pv args, pv kwargs, int depth, autonum *an);

static pv sub_str(sub s) {
    size_t n = s.end - s.start;
    return pync_txt_new(s.p + s.start, n, pync_txt_count_cp(s.p + s.start, n));
}

/* -1: not an integer (no exception); -2: error raised */
static int64_t get_integer(sub s) {
    if (s.start >= s.end) return -1;
    int64_t acc = 0;
    size_t pos = s.start;
    while (pos < s.end) {
        uint32_t c = pync_utf8_decode(s.p, &pos);
        int d = c < 128 ? ((c >= '0' && c <= '9') ? (int)(c - '0') : -1) : pync_ucd_decimal(c);
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) {
            pync_raise_fmt(&pync_ValueError_type, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static pv raise_key_error(pv key) {
    pv e = pync_call1((pv)&pync_KeyError_type, key);
    if (!e) return 0;
    return pync_raise(e);
}

static pv get_field_object(sub field, pv args, pv kwargs, autonum *an) {
    const char *p = field.p;
    size_t i = field.start;
    while (i < field.end && p[i] != '.' && p[i] != '[') i++;
    sub first = {p, field.start, i};
    int64_t index = get_integer(first);
    if (index == -2) return 0;
    bool empty = first.start >= first.end;
    bool numeric = empty || index != -1;
    if (an) {
        if (an->state == 0 && numeric) an->state = empty ? 1 : 2;
        if (numeric) {
            if (an->state == 2 && empty)
                return pync_raise_fmt(&pync_ValueError_type,
                                      "cannot switch from manual field specification to automatic field numbering");
            if (an->state != 2 && !empty)
                return pync_raise_fmt(&pync_ValueError_type,
                                      "cannot switch from automatic field numbering to manual field specification");
        }
        if (empty) index = an->next++;
    }
    pv obj;
    if (index == -1) {
        pv key = sub_str(first);
        if (!key) return 0;
        if (!kwargs) return raise_key_error(key);
        obj = pync_getitem(kwargs, key);
        if (!obj) return 0;
    } else {
        if (!args) return pync_raise_fmt(&pync_ValueError_type, "Format string contains positional fields");
        pync_tuple *t = (pync_tuple *)args;
        if ((uint64_t)index >= t->size)
            return pync_raise_fmt(&pync_IndexError_type,
                                  "Replacement index %zd out of range for positional args tuple", (ptrdiff_t)index);
        obj = t->items[index];
    }
    /* the rest: .attr and [key] */
    while (i < field.end) {
        char c = p[i++];
        sub name;
        bool attr;
        if (c == '.') {
            attr = true;
            name.p = p;
            name.start = i;
            while (i < field.end && p[i] != '.' && p[i] != '[') i++;
            name.end = i;
        } else if (c == '[') {
            attr = false;
            name.p = p;
            name.start = i;
            while (i < field.end && p[i] != ']') i++;
            if (i >= field.end) return pync_raise_fmt(&pync_ValueError_type, "Missing ']' in format string");
            name.end = i;
            i++;
        } else {
            return pync_raise_fmt(&pync_ValueError_type,
                                  "Only '.' or '[' may follow ']' in format field specifier");
        }
        int64_t idx = attr ? -1 : get_integer(name);
        if (idx == -2) return 0;
        if (name.start == name.end) return pync_raise_fmt(&pync_ValueError_type, "Empty attribute in format string");
        pv key = idx >= 0 ? pync_int_from_i64(idx) : sub_str(name);
        if (!key) return 0;
        obj = attr ? pync_getattr(obj, key) : pync_getitem(obj, key);
        if (!obj) return 0;
    }
    return obj;
}

static pv do_conversion(pv obj, uint32_t conv) {
    switch (conv) {
    case 'r': return pync_repr(obj);
    case 's': return pync_str(obj);
    case 'a': return pync_ascii(obj);
    default:
        if (conv > 32 && conv < 127) {
            char t[2] = {(char)conv, 0};
            return pync_raise_fmt(&pync_ValueError_type, "Unknown conversion specifier %s", t);
        }
        return pync_raise_fmt(&pync_ValueError_type, "Unknown conversion specifier \\x%x", (unsigned)conv);
    }
}

/* Parses a replacement field starting just after its '{'. On success *pos is after its '}'. */
static int parse_field(sub in, size_t *pos, sub *name, sub *spec, uint32_t *conv, bool *expand) {
    const char *p = in.p;
    size_t i = *pos;
    *conv = 0;
    *expand = false;
    spec->p = p;
    spec->start = spec->end = 0;
    name->p = p;
    name->start = i;
    char c = 0;
    bool found = false;
    while (i < in.end) {
        c = p[i++];
        if (c == '{') {
            pync_raise_fmt(&pync_ValueError_type, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < in.end && p[i] != ']') i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            found = true;
            break;
        }
    }
    name->end = found ? i - 1 : i;
    if (found && (c == '!' || c == ':')) {
        if (c == '!') {
            if (i >= in.end) {
                pync_raise_fmt(&pync_ValueError_type, "end of string while looking for conversion specifier");
                return -1;
            }
            *conv = pync_utf8_decode(p, &i);
            if (i < in.end) {
                char d = p[i++];
                if (d == '}') {
                    *pos = i;
                    return 0;
                }
                if (d != ':') {
                    pync_raise_fmt(&pync_ValueError_type, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        spec->start = i;
        int count = 1;
        while (i < in.end) {
            char d = p[i++];
            if (d == '{') {
                *expand = true;
                count++;
            } else if (d == '}') {
                if (--count == 0) {
                    spec->end = i - 1;
                    *pos = i;
                    return 0;
                }
            }
        }
        pync_raise_fmt(&pync_ValueError_type, "unmatched '{' in format spec");
        return -1;
    }
    if (!found || c != '}') {
        pync_raise_fmt(&pync_ValueError_type, "expected '}' before end of string");
        return -1;
    }
    *pos = i;
    return 0;
}

static int do_markup(pv fmtstr, sub in, pv args, pv kwargs, obuf *o, int depth, autonum *an) {
    const char *p = in.p;
    size_t i = in.start;
    while (i < in.end) {
        size_t lit = i;
        char c = 0;
        while (i < in.end) {
            c = p[i];
            if (c == '{' || c == '}') break;
            i++;
        }
        if (i > lit && ob_put(o, p + lit, i - lit, pync_txt_count_cp(p + lit, i - lit)) < 0) return -1;
        if (i >= in.end) break;
        /* a brace at i */
        i++;
        bool at_end = i >= in.end;
        if (c == '}') {
            if (at_end || p[i] != '}') {
                pync_raise_fmt(&pync_ValueError_type, "Single '}' encountered in format string");
                return -1;
            }
            i++;
            if (ob_put(o, "}", 1, 1) < 0) return -1;
            continue;
        }
        if (at_end) {
            pync_raise_fmt(&pync_ValueError_type, "Single '{' encountered in format string");
            return -1;
        }
        if (p[i] == '{') {
            i++;
            if (ob_put(o, "{", 1, 1) < 0) return -1;
            continue;
        }
        sub name, spec;
        uint32_t conv;
        bool expand;
        if (parse_field(in, &i, &name, &spec, &conv, &expand) < 0) return -1;
        pv obj = get_field_object(name, args, kwargs, an);
        if (!obj) return -1;
        if (conv) {
            obj = do_conversion(obj, conv);
            if (!obj) return -1;
        }
        pv specstr;
        if (expand) {
            specstr = build_string(fmtstr, spec, args, kwargs, depth - 1, an);
        } else if (spec.end > spec.start) {
            specstr = sub_str(spec);
        } else {
            specstr = pync_txt_empty();
        }
        if (!specstr) return -1;
        pv r = pync_format(obj, specstr);
        if (!r) return -1;
        if (ob_put_str(o, r) < 0) return -1;
    }
    return 0;
}

static pv build_string(pv fmtstr, sub in, pv args, pv kwargs, int depth, autonum *an) {
    if (depth <= 0) return pync_raise_fmt(&pync_ValueError_type, "Max string recursion exceeded");
    obuf o;
    if (ob_init(&o, (in.end - in.start) + 16) < 0) return 0;
    if (do_markup(fmtstr, in, args, kwargs, &o, depth, an) < 0) return 0;
    return ob_finish_str(&o);
}

static pv kwargs_dict(pv *args, size_t nargs, pv kwnames) {
    if (!kwnames || ((pync_tuple *)kwnames)->size == 0) return 0;
    pv d = pync_dict_new();
    if (!d) return 0;
    pync_tuple *k = (pync_tuple *)kwnames;
    for (size_t i = 0; i < k->size; i++)
        if (pync_dict_setitem(d, k->items[i], args[nargs + i]) < 0) return 0;
    return d;
}

pv pync_txt_m_format(pv self, pv *args, size_t nargs, pv kwnames) {
    pv tup = pync_tuple_from_array(args, nargs);
    if (!tup) return 0;
    pv kw = 0;
    if (kwnames && ((pync_tuple *)kwnames)->size) {
        kw = kwargs_dict(args, nargs, kwnames);
        if (!kw) return 0;
    }
    autonum an = {0, 0};
    sub in = {pync_str_data(self), 0, pync_str_size(self)};
    /* no replacement field and no escaped brace: CPython's writer hands back the object itself */
    if (in.end == 0) return pync_txt_empty();
    if (pync_txt_find((const uint8_t *)in.p, in.end, (const uint8_t *)"{", 1) < 0 &&
        pync_txt_find((const uint8_t *)in.p, in.end, (const uint8_t *)"}", 1) < 0)
        return self;
    return build_string(self, in, tup, kw, 2, &an);
}

pv pync_txt_m_format_map(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.format_map", nargs, kwnames) < 0) return 0;
    autonum an = {0, 0};
    sub in = {pync_str_data(self), 0, pync_str_size(self)};
    return build_string(self, in, 0, args[0], 2, &an);
}
