/* int.c — the int and bool types, with CPython 3.11's results and messages.
 *
 * An int is a tagged small int (63-bit on 64-bit targets, 31-bit on 32-bit ones), or a pync_long
 * holding lib/mp's sign-magnitude digits in place (pync_mp_alloc below puts every mp result in
 * one), normalised so that a pync_long never holds a value that fits the small range. True and
 * False are static objects of type bool (an int subclass: its arithmetic is int's, except & | ^
 * of two bools, repr and construction). Instances of program-defined int subclasses share
 * pync_long's layout.
 *
 * Arithmetic takes an int64 fast path for small operands and falls back to lib/mp. Every slot
 * returns NotImplemented for operands that are not ints, so float/complex's reflected slots
 * handle mixed arithmetic; int ** negative int goes through float's pow, as in CPython.
 * Formatting (__format__) is in format_spec.c; hashing uses the numeric hash (mod 2**61 - 1). */
#include "numeric.h"
#include "lib/unicode_db.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

int64_t pync_int_max_str_digits = 4300;

/* ---- representation ------------------------------------------------------------------------ */

pync_mp *pync_mp_alloc(size_t ndigits) {
    if (ndigits > (SIZE_MAX - sizeof(pync_long)) / sizeof(uint32_t)) {
        pync_raise_nomem();
        return NULL;
    }
    pync_long *l = pync_gc_alloc(sizeof(pync_long) + ndigits * sizeof(uint32_t), &pync_int_type);
    return l ? (pync_mp *)&l->size : NULL;
}

static inline pync_long *long_of(const pync_mp *m) {
    return (pync_long *)((char *)m - offsetof(pync_long, size));
}

const pync_mp *pync_int_mp(pv v, pync_mp_buf64 *buf) {
    if (pv_is_small(v)) return pync_mp_view_i64(buf, pv_small(v));
    if (v == pync_True) return pync_mp_view_i64(buf, 1);
    if (v == pync_False) return pync_mp_view_i64(buf, 0);
    return (const pync_mp *)&((const pync_long *)v)->size;
}

pv pync_int_wrap(pync_mp *m) {
    if (!m) {
        if (!pync_current_exc) pync_raise_nomem();
        return 0;
    }
    int64_t i;
    if (m->size >= -2 && m->size <= 2 && pync_mp_get_i64(m, &i) && pync_fits_small(i)) return pv_from_small((intptr_t)i);
    return (pv)long_of(m);
}

pv pync_int_from_mp(pync_mp *m) { return pync_int_wrap(m); }

const pync_mp *pync_int_as_mp(pv v, void *buf) { return pync_int_mp(v, (pync_mp_buf64 *)buf); }

pv pync_int_from_i64(int64_t v) {
    if (pync_fits_small(v)) return pv_from_small((intptr_t)v);
    return pync_int_wrap(pync_mp_from_i64(v));
}

pv pync_int_from_u64(uint64_t v) {
    if (v <= (uint64_t)PYNC_SMALL_MAX) return pv_from_small((intptr_t)v);
    return pync_int_wrap(pync_mp_from_u64(v));
}

bool pync_int_as_i64(pv v, int64_t *out) {
    if (pv_is_small(v)) {
        *out = pv_small(v);
        return true;
    }
    if (!pync_is_int(v)) return false;
    pync_mp_buf64 buf;
    return pync_mp_get_i64(pync_int_mp(v, &buf), out);
}

static int int_sign(pv v) {
    if (pv_is_small(v)) {
        intptr_t i = pv_small(v);
        return (i > 0) - (i < 0);
    }
    pync_mp_buf64 buf;
    return pync_mp_sign(pync_int_mp(v, &buf));
}

double pync_int_as_double(pv v, int *overflow) {
    *overflow = 0;
    if (pv_is_small(v)) return (double)pv_small(v);
    pync_mp_buf64 buf;
    double d = 0;
    if (pync_mp_to_double(pync_int_mp(v, &buf), &d) != PYNC_MP_OK) *overflow = 1;
    return d;
}

int pync_int_to_double(pv v, double *out) {
    int overflow;
    *out = pync_int_as_double(v, &overflow);
    if (overflow) {
        pync_raise_fmt(&pync_OverflowError_type, "int too large to convert to float");
        return -1;
    }
    return 0;
}

pv pync_int_exact(pv v) {
    if (pv_is_small(v)) return v;
    if (v == pync_True) return pv_from_small(1);
    if (v == pync_False) return pv_from_small(0);
    if (pv_obj(v)->type == &pync_int_type) return v;
    pync_mp_buf64 buf;
    return pync_int_wrap(pync_mp_copy(pync_int_mp(v, &buf)));
}

pv pync_int_from_double(double v) {
    if (pync_isnan(v)) return pync_raise_fmt(&pync_ValueError_type, "cannot convert float NaN to integer");
    if (pync_isinf(v)) return pync_raise_fmt(&pync_OverflowError_type, "cannot convert float infinity to integer");
    if (v > -4611686018427387904.0 && v < 4611686018427387904.0) return pync_int_from_i64((int64_t)v);
    return pync_int_wrap(pync_mp_from_double(v));
}

pv pync_mp_error(pync_mp_err e, const char *zerodiv) {
    switch (e) {
    case PYNC_MP_OK: return pync_bad_internal_call("pync_mp_error");
    case PYNC_MP_ENOMEM: return pync_current_exc ? 0 : pync_raise_nomem();
    case PYNC_MP_EZERODIV: return pync_raise_fmt(&pync_ZeroDivisionError_type, "%s", zerodiv);
    case PYNC_MP_ENEGSHIFT: return pync_raise_fmt(&pync_ValueError_type, "negative shift count");
    case PYNC_MP_EFLOAT: return pync_raise_fmt(&pync_OverflowError_type, "int too large to convert to float");
    case PYNC_MP_ENOTINVERTIBLE:
        return pync_raise_fmt(&pync_ValueError_type, "base is not invertible for the given modulus");
    case PYNC_MP_EZEROMOD: return pync_raise_fmt(&pync_ValueError_type, "pow() 3rd argument cannot be 0");
    case PYNC_MP_ENEGSQRT: return pync_raise_fmt(&pync_ValueError_type, "isqrt() argument must be nonnegative");
    case PYNC_MP_EBASE: return pync_raise_fmt(&pync_ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    case PYNC_MP_EDIGITLIMIT:
        return pync_raise_fmt(&pync_ValueError_type,
                              "Exceeds the limit (%lld digits) for integer string conversion; "
                              "use sys.set_int_max_str_digits() to increase the limit",
                              (long long)pync_int_max_str_digits);
    case PYNC_MP_ETOOBIG: return pync_raise_fmt(&pync_OverflowError_type, "int too big to convert");
    case PYNC_MP_ENEGUNSIGNED: return pync_raise_fmt(&pync_OverflowError_type, "can't convert negative int to unsigned");
    default: return pync_bad_internal_call("pync_mp_error");
    }
}

/* ---- text ------------------------------------------------------------------------------------ */

pv pync_int_to_base(pv v, int base, const char *prefix) {
    size_t plen = prefix ? pync_strlen(prefix) : 0;
    if (pv_is_small(v) || v == pync_True || v == pync_False) {
        int64_t i = pv_is_small(v) ? pv_small(v) : v == pync_True;
        char buf[80];
        char *p = buf + sizeof buf;
        uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        do {
            unsigned d = (unsigned)(u % (unsigned)base);
            *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
            u /= (unsigned)base;
        } while (u);
        for (size_t k = plen; k-- > 0;) *--p = prefix[k];
        if (i < 0) *--p = '-';
        return pync_str_ascii(p, (size_t)(buf + sizeof buf - p));
    }
    pync_mp_buf64 mb;
    const pync_mp *m = pync_int_mp(v, &mb);
    if (base == 10 && pync_int_max_str_digits > 0) {
        pync_mp_err e = pync_mp_check_str_digits(m, (size_t)pync_int_max_str_digits);
        if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    }
    size_t cap = pync_mp_to_str_bound(m, (unsigned)base) + plen;
    pync_rawbuf *rb = pync_rawbuf_new(cap);
    if (!rb) return 0;
    size_t len = 0;
    pync_mp_err e = pync_mp_to_str(m, (unsigned)base, prefix, (char *)rb->data, cap, &len);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_str_ascii((const char *)rb->data, len);
}

static pv int_repr(pv self) { return pync_int_to_base(self, 10, NULL); }

pync_rawbuf *pync_numeric_ascii(pv str, size_t *len) {
    const struct pync_str *s = (const struct pync_str *)str;
    pync_rawbuf *rb = pync_rawbuf_new(s->size + 1);
    if (!rb) return NULL;
    char *out = (char *)rb->data;
    size_t n = 0, pos = 0;
    while (pos < s->size) {
        uint32_t c = pync_utf8_decode(s->data, &pos);
        if (c < 127) {
            out[n++] = (char)c;
        } else if (pync_ucd_isspace(c)) {
            out[n++] = ' ';
        } else {
            int d = pync_ucd_decimal(c);
            if (d < 0) {
                out[n++] = '?';
                break;
            }
            out[n++] = (char)('0' + d);
        }
    }
    out[n] = 0;
    *len = n;
    return rb;
}

bool pync_is_bytes_like(pv v) {
    return !pv_is_small(v) && (pync_isinstance_type(v, &pync_bytes_type) || pync_isinstance_type(v, &pync_bytearray_type));
}

/* The items of an iterable of ints in range(256), into a rawbuf; `what` names the source for
   "cannot convert 'X' object to bytes". */
static pync_rawbuf *collect_bytes(pv v, size_t *len) {
    if (pync_isinstance_type(v, &pync_str_type)) {
        pync_raise_fmt(&pync_TypeError_type, "cannot convert '%T' object to bytes", v);
        return NULL;
    }
    pv it = pync_iter(v);
    if (!it) {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
            pync_exc_clear();
            pync_raise_fmt(&pync_TypeError_type, "cannot convert '%T' object to bytes", v);
        }
        return NULL;
    }
    size_t cap = 16, n = 0;
    pync_rawbuf *rb = pync_rawbuf_new(cap + 1);
    if (!rb) return NULL;
    for (;;) {
        pv x = pync_next(it);
        if (!x) {
            if (pync_current_exc) return NULL;
            break;
        }
        int64_t b;
        if (pync_index(x, &b) < 0) {
            if (pync_exc_matches(pync_current_exc, (pv)&pync_OverflowError_type) > 0) {
                pync_exc_clear();
                pync_raise_fmt(&pync_ValueError_type, "bytes must be in range(0, 256)");
            }
            return NULL;
        }
        if (b < 0 || b > 255) {
            pync_raise_fmt(&pync_ValueError_type, "bytes must be in range(0, 256)");
            return NULL;
        }
        if (n == cap) {
            pync_rawbuf *nb = pync_rawbuf_new(2 * cap + 1);
            if (!nb) return NULL;
            pync_memcpy(nb->data, rb->data, n);
            rb = nb;
            cap *= 2;
        }
        rb->data[n++] = (uint8_t)b;
    }
    rb->data[n] = 0;
    *len = n;
    return rb;
}

pync_rawbuf *pync_bytes_copy(pv v, size_t *len) { return collect_bytes(v, len); }

/* int(s, base) on ASCII text; `orig` (a str or bytes) is shown in the error message. */
static pv int_parse(const char *s, size_t len, int base, pv orig) {
    pync_mp *m = NULL;
    size_t ndigits = 0;
    size_t limit = pync_int_max_str_digits > 0 ? (size_t)pync_int_max_str_digits : 0;
    pync_mp_err e = pync_mp_from_str(&m, s, len, base, limit, &ndigits);
    if (e == PYNC_MP_OK) return pync_int_wrap(m);
    if (e == PYNC_MP_EINVALID) {
        if (pync_isinstance_type(orig, &pync_str_type)) {
            pv r = pync_repr(orig);
            if (!r) return 0;
            const struct pync_str *rs = (const struct pync_str *)r;
            if (rs->length > 200) {
                r = pync_str_from_utf8(rs->data, pync_str_offset(r, 200));
                if (!r) return 0;
            }
            return pync_raise_fmt(&pync_ValueError_type, "invalid literal for int() with base %d: %U", base, r);
        }
        /* bytes: the first 200 bytes, then a repr cut to 200 characters */
        pv b = pync_bytes_new((const uint8_t *)s, len > 200 ? 200 : len);
        if (!b) return 0;
        pv r = pync_repr(b);
        if (!r) return 0;
        if (((const struct pync_str *)r)->length > 200) {
            r = pync_str_from_utf8(pync_str_data(r), pync_str_offset(r, 200));
            if (!r) return 0;
        }
        return pync_raise_fmt(&pync_ValueError_type, "invalid literal for int() with base %d: %U", base, r);
    }
    if (e == PYNC_MP_EDIGITLIMIT) {
        return pync_raise_fmt(&pync_ValueError_type,
                              "Exceeds the limit (%lld digits) for integer string conversion: value has %zd digits; "
                              "use sys.set_int_max_str_digits() to increase the limit",
                              (long long)pync_int_max_str_digits, (ptrdiff_t)ndigits);
    }
    return pync_mp_error(e, "");
}

pv pync_int_from_str(const char *s, size_t len, int base) {
    pv orig = pync_str_from_utf8(s, len);
    if (!orig) return 0;
    size_t n;
    pync_rawbuf *rb = pync_numeric_ascii(orig, &n);
    if (!rb) return 0;
    return int_parse((const char *)rb->data, n, base, orig);
}

static pv int_from_text(pv x, int base) {
    if (pync_isinstance_type(x, &pync_str_type)) {
        size_t n;
        pync_rawbuf *rb = pync_numeric_ascii(x, &n);
        if (!rb) return 0;
        return int_parse((const char *)rb->data, n, base, x);
    }
    size_t n;
    pync_rawbuf *rb = collect_bytes(x, &n);
    if (!rb) return 0;
    return int_parse((const char *)rb->data, n, base, x);
}

/* ---- arithmetic ------------------------------------------------------------------------------- */

#define BOTH_INTS(a, b)                                                                                \
    do {                                                                                               \
        if (!pync_is_int(a) || !pync_is_int(b)) return pync_NotImplemented;                            \
    } while (0)

#define MP2(a, b)                                                                                      \
    pync_mp_buf64 buf_a_, buf_b_;                                                                      \
    const pync_mp *ma = pync_int_mp(a, &buf_a_), *mb = pync_int_mp(b, &buf_b_)

static pv int_add(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b)) return pync_int_from_i64((int64_t)pv_small(a) + pv_small(b));
    BOTH_INTS(a, b);
    MP2(a, b);
    return pync_int_wrap(pync_mp_add(ma, mb));
}

static pv int_sub(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b)) return pync_int_from_i64((int64_t)pv_small(a) - pv_small(b));
    BOTH_INTS(a, b);
    MP2(a, b);
    return pync_int_wrap(pync_mp_sub(ma, mb));
}

static pv int_mul(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b)) {
        int64_t r;
        if (!__builtin_mul_overflow((int64_t)pv_small(a), (int64_t)pv_small(b), &r)) return pync_int_from_i64(r);
    }
    BOTH_INTS(a, b);
    MP2(a, b);
    return pync_int_wrap(pync_mp_mul(ma, mb));
}

pv pync_int_add(pv a, pv b) {
    if (pync_is_int(a) && pync_is_int(b)) return int_add(a, b);
    return pync_binary(a, b, PYNC_OP_ADD);
}
pv pync_int_sub(pv a, pv b) {
    if (pync_is_int(a) && pync_is_int(b)) return int_sub(a, b);
    return pync_binary(a, b, PYNC_OP_SUB);
}
pv pync_int_mul(pv a, pv b) {
    if (pync_is_int(a) && pync_is_int(b)) return int_mul(a, b);
    return pync_binary(a, b, PYNC_OP_MUL);
}

static pv int_truediv(pv a, pv b) {
    BOTH_INTS(a, b);
    MP2(a, b);
    double d;
    pync_mp_err e = pync_mp_truediv(ma, mb, &d);
    if (e == PYNC_MP_EFLOAT) {
        return pync_raise_fmt(&pync_OverflowError_type, "integer division result too large for a float");
    }
    if (e != PYNC_MP_OK) return pync_mp_error(e, "division by zero");
    return pync_float_new(d);
}

static inline int64_t floordiv64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if (x % y != 0 && ((x < 0) != (y < 0))) q--;
    return q;
}
static inline int64_t mod64(int64_t x, int64_t y) {
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

static pv int_floordiv(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b) && pv_small(b) != 0) return pync_int_from_i64(floordiv64(pv_small(a), pv_small(b)));
    BOTH_INTS(a, b);
    MP2(a, b);
    pync_mp *q;
    pync_mp_err e = pync_mp_floordiv(&q, ma, mb);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "integer division or modulo by zero");
    return pync_int_wrap(q);
}

static pv int_mod(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b) && pv_small(b) != 0) return pync_int_from_i64(mod64(pv_small(a), pv_small(b)));
    BOTH_INTS(a, b);
    MP2(a, b);
    pync_mp *r;
    pync_mp_err e = pync_mp_mod(&r, ma, mb);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "integer modulo by zero");
    return pync_int_wrap(r);
}

static pv int_divmod(pv a, pv b) {
    BOTH_INTS(a, b);
    if (pv_is_small(a) && pv_is_small(b) && pv_small(b) != 0) {
        pv q = pync_int_from_i64(floordiv64(pv_small(a), pv_small(b)));
        if (!q) return 0;
        pv r = pync_int_from_i64(mod64(pv_small(a), pv_small(b)));
        return r ? pync_tuple_pack(2, q, r) : 0;
    }
    MP2(a, b);
    pync_mp *q, *r;
    pync_mp_err e = pync_mp_divmod(&q, &r, ma, mb);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "integer division or modulo by zero");
    pv qv = pync_int_wrap(q);
    if (!qv) return 0;
    pv rv = pync_int_wrap(r);
    return rv ? pync_tuple_pack(2, qv, rv) : 0;
}

static pv int_pow(pv a, pv b) {
    BOTH_INTS(a, b);
    if (int_sign(b) < 0) {
        /* a negative exponent: float(a) ** float(b) */
        double x, y;
        if (pync_int_to_double(a, &x) < 0 || pync_int_to_double(b, &y) < 0) return 0;
        return pync_float_pow_values(x, y);
    }
    if (pv_is_small(a) && pv_is_small(b)) {
        int64_t base = pv_small(a), e = pv_small(b), r = 1;
        bool ok = true;
        while (ok && e > 0) {
            if (e & 1) ok = !__builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e && ok) ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok) return pync_int_from_i64(r);
    }
    MP2(a, b);
    pync_mp *r;
    pync_mp_err e = pync_mp_pow(&r, ma, mb);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_int_wrap(r);
}

pv pync_int_powmod(pv a, pv b, pv m) {
    pync_mp_buf64 ba, bb, bm;
    pync_mp *r;
    pync_mp_err e = pync_mp_powmod(&r, pync_int_mp(a, &ba), pync_int_mp(b, &bb), pync_int_mp(m, &bm));
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_int_wrap(r);
}

static pv int_lshift(pv a, pv b) {
    BOTH_INTS(a, b);
    int sb = int_sign(b);
    if (sb < 0) return pync_raise_fmt(&pync_ValueError_type, "negative shift count");
    if (int_sign(a) == 0) return pv_from_small(0);
    if (pv_is_small(a) && pv_is_small(b) && pv_small(b) < 62) {
        int64_t x = pv_small(a), s = pv_small(b);
        int64_t lim = (int64_t)1 << (62 - s);
        if (x < lim && x > -lim) return pync_int_from_i64(x * ((int64_t)1 << s));
    }
    MP2(a, b);
    int64_t s;
    if (!pync_mp_get_i64(mb, &s)) return pync_raise_fmt(&pync_OverflowError_type, "too many digits in integer");
    pync_mp *r;
    pync_mp_err e = pync_mp_lshift_i64(&r, ma, s);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_int_wrap(r);
}

static pv int_rshift(pv a, pv b) {
    BOTH_INTS(a, b);
    if (int_sign(b) < 0) return pync_raise_fmt(&pync_ValueError_type, "negative shift count");
    if (pv_is_small(a) && pv_is_small(b)) {
        int64_t x = pv_small(a), s = pv_small(b);
        if (s >= 63) return pv_from_small(x < 0 ? -1 : 0);
        return pync_int_from_i64(x >= 0 ? x >> s : ~(~x >> s));
    }
    MP2(a, b);
    pync_mp *r;
    pync_mp_err e = pync_mp_rshift(&r, ma, mb);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_int_wrap(r);
}

static pv int_and(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b)) return pv_from_small(pv_small(a) & pv_small(b));
    BOTH_INTS(a, b);
    MP2(a, b);
    return pync_int_wrap(pync_mp_and(ma, mb));
}
static pv int_or(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b)) return pv_from_small(pv_small(a) | pv_small(b));
    BOTH_INTS(a, b);
    MP2(a, b);
    return pync_int_wrap(pync_mp_or(ma, mb));
}
static pv int_xor(pv a, pv b) {
    if (pv_is_small(a) && pv_is_small(b)) return pv_from_small(pv_small(a) ^ pv_small(b));
    BOTH_INTS(a, b);
    MP2(a, b);
    return pync_int_wrap(pync_mp_xor(ma, mb));
}

static pv int_neg(pv a) {
    if (pv_is_small(a)) return pync_int_from_i64(-(int64_t)pv_small(a));
    pync_mp_buf64 buf;
    return pync_int_wrap(pync_mp_neg(pync_int_mp(a, &buf)));
}
static pv int_pos(pv a) { return pync_int_exact(a); }
static pv int_invert(pv a) {
    if (pv_is_small(a)) return pv_from_small(~pv_small(a));
    pync_mp_buf64 buf;
    return pync_int_wrap(pync_mp_invert(pync_int_mp(a, &buf)));
}
static pv int_abs(pv a) { return int_sign(a) < 0 ? int_neg(a) : pync_int_exact(a); }

/* ---- comparison, hash, truth, conversions ------------------------------------------------------ */

static pv cmp_result(int c, pync_cmpop op) {
    switch (op) {
    case PYNC_LT: return pync_bool(c < 0);
    case PYNC_LE: return pync_bool(c <= 0);
    case PYNC_EQ: return pync_bool(c == 0);
    case PYNC_NE: return pync_bool(c != 0);
    case PYNC_GT: return pync_bool(c > 0);
    default: return pync_bool(c >= 0);
    }
}

static pv int_richcompare(pv a, pv b, pync_cmpop op) {
    BOTH_INTS(a, b);
    if (pv_is_small(a) && pv_is_small(b)) {
        intptr_t x = pv_small(a), y = pv_small(b);
        return cmp_result((x > y) - (x < y), op);
    }
    MP2(a, b);
    return cmp_result(pync_mp_cmp(ma, mb), op);
}

static int int_hash(pv self, int64_t *out) {
    if (pv_is_small(self) || self == pync_True || self == pync_False) {
        int64_t i = pv_is_small(self) ? pv_small(self) : self == pync_True;
        int64_t m = (i < 0 ? -i : i) % PYNC_HASH_MODULUS;
        int64_t h = i < 0 ? -m : m;
        *out = h == -1 ? -2 : h;
        return 0;
    }
    pync_mp_buf64 buf;
    *out = pync_mp_hash(pync_int_mp(self, &buf));
    return 0;
}

static int int_truth(pv self) { return int_sign(self) != 0; }

static pv int_to_int(pv self) { return pync_int_exact(self); }

static pv int_to_float(pv self) {
    double d;
    if (pync_int_to_double(self, &d) < 0) return 0;
    return pync_float_new(d);
}

/* ---- construction ----------------------------------------------------------------------------- */

/* A new instance of an int subclass holding v's value. */
static pv int_subtype_new(const pync_type *type, pv v) {
    pync_mp_buf64 buf;
    const pync_mp *m = pync_int_mp(v, &buf);
    size_t n = (size_t)(m->size < 0 ? -(int64_t)m->size : m->size);
    size_t size = sizeof(pync_long) + n * sizeof(uint32_t);
    if (size < type->basicsize) size = type->basicsize;
    pync_long *l = pync_gc_alloc(size, type);
    if (!l) return 0;
    m = pync_int_mp(v, &buf); /* v may be a view of a stack buffer: refresh after allocating */
    l->size = m->size;
    for (size_t i = 0; i < n; i++) l->digits[i] = m->d[i];
    return (pv)l;
}

pv pync_call_special(pv v, const char *name, pv *args, size_t nargs, bool *found) {
    const pync_type *t = pv_type(v);
    pv m = pync_type_lookup_cstr(t, name);
    if (!m) {
        *found = pync_current_exc != 0;
        return 0;
    }
    *found = true;
    pv bound = pync_descr_get(m, v, t);
    if (!bound) return 0;
    return pync_call(bound, args, nargs, 0);
}

/* PyNumber_Long: int(x) with one argument. */
static pv number_long(pv x) {
    if (pync_is_int(x)) return pync_int_exact(x);
    const pync_type *t = pv_type(x);
    if (t->to_int) {
        pv r = t->to_int(x);
        if (!r) return 0;
        if (!pync_is_int(r)) {
            return pync_raise_fmt(&pync_TypeError_type, "__int__ returned non-int (type %T)", r);
        }
        return pync_int_exact(r);
    }
    bool found;
    pv r = pync_call_special(x, "__trunc__", NULL, 0, &found);
    if (found) {
        if (!r) return 0;
        if (pync_is_int(r)) return pync_int_exact(r);
        if (!pv_type(r)->to_int || pync_is_float(r)) {
            return pync_raise_fmt(&pync_TypeError_type, "__trunc__ returned non-Integral (type %T)", r);
        }
        return pync_number_index(r);
    }
    if (pync_isinstance_type(x, &pync_str_type) || pync_is_bytes_like(x)) return int_from_text(x, 10);
    return pync_raise_fmt(&pync_TypeError_type,
                          "int() argument must be a string, a bytes-like object or a real number, not '%T'", x);
}

static pv int_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"", "base", NULL};
    pv a[2] = {0, 0};
    if (nargs == 1 && !kwnames) {
        a[0] = args[0];
    } else if (pync_parse_args("int", args, nargs, kwnames, names, 1, 2, a) < 0) {
        return 0;
    }
    pv r;
    if (!a[0]) {
        if (a[1]) return pync_raise_fmt(&pync_TypeError_type, "int() missing string argument");
        r = pv_from_small(0);
    } else if (!a[1]) {
        r = number_long(a[0]);
    } else {
        int64_t base;
        if (pync_index(a[1], &base) < 0) return 0;
        if ((base != 0 && base < 2) || base > 36) {
            return pync_raise_fmt(&pync_ValueError_type, "int() base must be >= 2 and <= 36, or 0");
        }
        if (!pync_isinstance_type(a[0], &pync_str_type) && !pync_is_bytes_like(a[0])) {
            return pync_raise_fmt(&pync_TypeError_type, "int() can't convert non-string with explicit base");
        }
        r = int_from_text(a[0], (int)base);
    }
    if (!r || type == &pync_int_type) return r;
    return int_subtype_new(type, r);
}

/* ---- methods ---------------------------------------------------------------------------------- */

static pv meth_conjugate(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("conjugate", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_int_exact(self);
}

static pv meth_bit_length(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("bit_length", nargs, kwnames, 0, 0) < 0) return 0;
    pync_mp_buf64 buf;
    return pync_int_from_u64(pync_mp_bit_length(pync_int_mp(self, &buf)));
}

static pv meth_bit_count(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("bit_count", nargs, kwnames, 0, 0) < 0) return 0;
    pync_mp_buf64 buf;
    return pync_int_from_u64(pync_mp_bit_count(pync_int_mp(self, &buf)));
}

static pv meth_as_integer_ratio(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("as_integer_ratio", nargs, kwnames, 0, 0) < 0) return 0;
    pv n = pync_int_exact(self);
    return n ? pync_tuple_pack(2, n, pv_from_small(1)) : 0;
}

/* byteorder argument: 1 little, 0 big, -1 error */
static int parse_byteorder(const char *fname, pv v) {
    if (!v) return 0;
    if (!pync_isinstance_type(v, &pync_str_type)) {
        pync_raise_fmt(&pync_TypeError_type, "%s() argument 'byteorder' must be str, not %T", fname, v);
        return -1;
    }
    if (pync_str_eq_cstr(v, "little")) return 1;
    if (pync_str_eq_cstr(v, "big")) return 0;
    pync_raise_fmt(&pync_ValueError_type, "byteorder must be either 'little' or 'big'");
    return -1;
}

static pv meth_to_bytes(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    pv a[3] = {0, 0, 0};
    if (pync_parse_args("to_bytes", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    int64_t length = 1;
    if (a[0] && pync_index(a[0], &length) < 0) return 0;
    if (length < 0) return pync_raise_fmt(&pync_ValueError_type, "length argument must be non-negative");
    int little = parse_byteorder("to_bytes", a[1]);
    if (little < 0) return 0;
    int is_signed = 0;
    if (a[2] && (is_signed = pync_truth(a[2])) < 0) return 0;
    pync_rawbuf *rb = pync_rawbuf_new((size_t)length + 1);
    if (!rb) return 0;
    pync_mp_buf64 buf;
    pync_mp_err e = pync_mp_to_bytes(pync_int_mp(self, &buf), rb->data, (size_t)length, little, is_signed);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_bytes_new(rb->data, (size_t)length);
}

static pv meth_from_bytes(pv cls, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    pv a[3] = {0, 0, 0};
    if (pync_parse_args("from_bytes", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "from_bytes() missing required argument 'bytes' (pos 1)");
    int little = parse_byteorder("from_bytes", a[1]);
    if (little < 0) return 0;
    int is_signed = 0;
    if (a[2] && (is_signed = pync_truth(a[2])) < 0) return 0;
    size_t n;
    pync_rawbuf *rb = collect_bytes(a[0], &n);
    if (!rb) return 0;
    pv r = pync_int_wrap(pync_mp_from_bytes(rb->data, n, little, is_signed));
    if (!r || cls == (pv)&pync_int_type || !cls) return r;
    return pync_call1(cls, r);
}

static pv meth_int_self(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__int__", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_int_exact(self);
}

static pv meth_float(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__float__", nargs, kwnames, 0, 0) < 0) return 0;
    return int_to_float(self);
}

static pv meth_abs(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__abs__", nargs, kwnames, 0, 0) < 0) return 0;
    return int_abs(self);
}

static pv meth_bool(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__bool__", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_bool(int_truth(self));
}

static pv meth_getnewargs(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__getnewargs__", nargs, kwnames, 0, 0) < 0) return 0;
    pv v = pync_int_exact(self);
    return v ? pync_tuple_pack(1, v) : 0;
}

static pv meth_format(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__format__", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__format__() argument must be str, not %T", args[0]);
    }
    return pync_int_format(self, args[0]);
}

/* round(self, ndigits): nearest multiple of 10**-ndigits, ties to even. */
static pv int_round(pv self, pv ndigits) {
    if (!ndigits || ndigits == pync_None) return pync_int_exact(self);
    pv nd = pync_number_index(ndigits);
    if (!nd) return 0;
    if (int_sign(nd) >= 0) return pync_int_exact(self);
    /* n = -ndigits > 0: x - divmod_near(x, 10**n)[1] */
    pync_mp_buf64 bx, bn;
    const pync_mp *x = pync_int_mp(self, &bx);
    pync_mp *n = pync_mp_neg(pync_int_mp(nd, &bn));
    if (!n) return pync_int_wrap(NULL);
    int64_t ni;
    if (!pync_mp_get_i64(n, &ni) || (uint64_t)ni > pync_mp_bit_length(x) + 2) return pv_from_small(0);
    pync_mp_buf64 bten;
    pync_mp *p;
    pync_mp_err e = pync_mp_pow(&p, pync_mp_view_i64(&bten, 10), n);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    pync_mp *q, *r;
    e = pync_mp_divmod(&q, &r, x, p);
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    /* round half to even: compare 2r with p */
    pync_mp_buf64 btwo;
    pync_mp *r2 = pync_mp_mul(r, pync_mp_view_i64(&btwo, 2));
    if (!r2) return pync_int_wrap(NULL);
    int c = pync_mp_cmp(r2, p);
    pync_mp_buf64 bone;
    bool q_odd = pync_mp_to_i64(q) & 1;
    if (c > 0 || (c == 0 && q_odd)) {
        q = pync_mp_add(q, pync_mp_view_i64(&bone, 1));
        if (!q) return pync_int_wrap(NULL);
    }
    return pync_int_wrap(pync_mp_mul(q, p));
}

static pv meth_round(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__round__", nargs, kwnames, 0, 1) < 0) return 0;
    return int_round(self, nargs ? args[0] : 0);
}

static pv meth_sizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("__sizeof__", nargs, kwnames, 0, 0) < 0) return 0;
    pync_mp_buf64 buf;
    const pync_mp *m = pync_int_mp(self, &buf);
    int64_t n = m->size < 0 ? -(int64_t)m->size : m->size;
    return pync_int_from_i64(24 + 4 * (n ? n : 1));
}

/* Binary-operator dunders (__add__, __radd__, ...) over the slot functions. */
#define BINOP_METHODS(NAME, FN)                                                                        \
    static pv meth_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                               \
        if (pync_check_args("__" #NAME "__", nargs, kwnames, 1, 1) < 0) return 0;                      \
        return FN(self, args[0]);                                                                      \
    }                                                                                                  \
    static pv meth_r##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                              \
        if (pync_check_args("__r" #NAME "__", nargs, kwnames, 1, 1) < 0) return 0;                     \
        return FN(args[0], self);                                                                      \
    }
BINOP_METHODS(add, int_add)
BINOP_METHODS(sub, int_sub)
BINOP_METHODS(mul, int_mul)
BINOP_METHODS(truediv, int_truediv)
BINOP_METHODS(floordiv, int_floordiv)
BINOP_METHODS(mod, int_mod)
BINOP_METHODS(divmod, int_divmod)
BINOP_METHODS(lshift, int_lshift)
BINOP_METHODS(rshift, int_rshift)
BINOP_METHODS(and, int_and)
BINOP_METHODS(or, int_or)
BINOP_METHODS(xor, int_xor)

static pv meth_pow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__pow__", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && args[1] != pync_None) {
        if (!pync_is_int(args[0]) || !pync_is_int(args[1])) return pync_NotImplemented;
        return pync_int_powmod(self, args[0], args[1]);
    }
    return int_pow(self, args[0]);
}
static pv meth_rpow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__rpow__", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && args[1] != pync_None) {
        if (!pync_is_int(args[0]) || !pync_is_int(args[1])) return pync_NotImplemented;
        return pync_int_powmod(args[0], self, args[1]);
    }
    return int_pow(args[0], self);
}

#define UNOP_METHOD(NAME, FN)                                                                          \
    static pv meth_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                               \
        (void)args;                                                                                    \
        if (pync_check_args("__" #NAME "__", nargs, kwnames, 0, 0) < 0) return 0;                      \
        return FN(self);                                                                               \
    }
UNOP_METHOD(neg, int_neg)
UNOP_METHOD(pos, int_pos)
UNOP_METHOD(invert, int_invert)

static pv int_floor_ceil(pv self) { return pync_int_exact(self); }
UNOP_METHOD(trunc, int_floor_ceil)
UNOP_METHOD(floor, int_floor_ceil)
UNOP_METHOD(ceil, int_floor_ceil)
UNOP_METHOD(index, int_floor_ceil)

PYNC_METHOD(int, conjugate, meth_conjugate, 0);
PYNC_METHOD(int, bit_length, meth_bit_length, 0);
PYNC_METHOD(int, bit_count, meth_bit_count, 0);
PYNC_METHOD(int, to_bytes, meth_to_bytes, 0);
PYNC_METHOD(int, from_bytes, meth_from_bytes, PYNC_METH_CLASS);
PYNC_METHOD(int, as_integer_ratio, meth_as_integer_ratio, 0);
PYNC_METHOD(int, __trunc__, meth_trunc, 0);
PYNC_METHOD(int, __floor__, meth_floor, 0);
PYNC_METHOD(int, __ceil__, meth_ceil, 0);
PYNC_METHOD(int, __round__, meth_round, 0);
PYNC_METHOD(int, __index__, meth_index, 0);
PYNC_METHOD(int, __int__, meth_int_self, 0);
PYNC_METHOD(int, __float__, meth_float, 0);
PYNC_METHOD(int, __abs__, meth_abs, 0);
PYNC_METHOD(int, __bool__, meth_bool, 0);
PYNC_METHOD(int, __neg__, meth_neg, 0);
PYNC_METHOD(int, __pos__, meth_pos, 0);
PYNC_METHOD(int, __invert__, meth_invert, 0);
PYNC_METHOD(int, __format__, meth_format, 0);
PYNC_METHOD(int, __getnewargs__, meth_getnewargs, 0);
PYNC_METHOD(int, __sizeof__, meth_sizeof, 0);
PYNC_METHOD(int, __add__, meth_add, 0);
PYNC_METHOD(int, __radd__, meth_radd, 0);
PYNC_METHOD(int, __sub__, meth_sub, 0);
PYNC_METHOD(int, __rsub__, meth_rsub, 0);
PYNC_METHOD(int, __mul__, meth_mul, 0);
PYNC_METHOD(int, __rmul__, meth_rmul, 0);
PYNC_METHOD(int, __truediv__, meth_truediv, 0);
PYNC_METHOD(int, __rtruediv__, meth_rtruediv, 0);
PYNC_METHOD(int, __floordiv__, meth_floordiv, 0);
PYNC_METHOD(int, __rfloordiv__, meth_rfloordiv, 0);
PYNC_METHOD(int, __mod__, meth_mod, 0);
PYNC_METHOD(int, __rmod__, meth_rmod, 0);
PYNC_METHOD(int, __divmod__, meth_divmod, 0);
PYNC_METHOD(int, __rdivmod__, meth_rdivmod, 0);
PYNC_METHOD(int, __pow__, meth_pow, 0);
PYNC_METHOD(int, __rpow__, meth_rpow, 0);
PYNC_METHOD(int, __lshift__, meth_lshift, 0);
PYNC_METHOD(int, __rlshift__, meth_rlshift, 0);
PYNC_METHOD(int, __rshift__, meth_rshift, 0);
PYNC_METHOD(int, __rrshift__, meth_rrshift, 0);
PYNC_METHOD(int, __and__, meth_and, 0);
PYNC_METHOD(int, __rand__, meth_rand, 0);
PYNC_METHOD(int, __or__, meth_or, 0);
PYNC_METHOD(int, __ror__, meth_ror, 0);
PYNC_METHOD(int, __xor__, meth_xor, 0);
PYNC_METHOD(int, __rxor__, meth_rxor, 0);

/* real, imag, numerator, denominator */
static pv int_getattr(pv self, pv name) {
    const char *n = pync_str_data(name);
    switch (n[0]) {
    case 'r':
        if (pync_str_eq_cstr(name, "real")) return pync_int_exact(self);
        break;
    case 'i':
        if (pync_str_eq_cstr(name, "imag")) return pv_from_small(0);
        break;
    case 'n':
        if (pync_str_eq_cstr(name, "numerator")) return pync_int_exact(self);
        break;
    case 'd':
        if (pync_str_eq_cstr(name, "denominator")) return pv_from_small(1);
        break;
    default:
        break;
    }
    return pync_generic_getattr(self, name);
}

const pync_type pync_int_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "int",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_LEAF | PYNC_TF_INT_SUBCLASS,
    .basicsize = sizeof(pync_long),
    .repr = int_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .getattr = int_getattr,
    .construct = int_construct,
    .binop = {
        [PYNC_OP_ADD] = int_add, [PYNC_OP_SUB] = int_sub, [PYNC_OP_MUL] = int_mul,
        [PYNC_OP_TRUEDIV] = int_truediv, [PYNC_OP_FLOORDIV] = int_floordiv, [PYNC_OP_MOD] = int_mod,
        [PYNC_OP_POW] = int_pow, [PYNC_OP_LSHIFT] = int_lshift, [PYNC_OP_RSHIFT] = int_rshift,
        [PYNC_OP_AND] = int_and, [PYNC_OP_XOR] = int_xor, [PYNC_OP_OR] = int_or,
    },
    .unop = {[PYNC_OP_NEG] = int_neg, [PYNC_OP_POS] = int_pos, [PYNC_OP_INVERT] = int_invert, [PYNC_OP_ABS] = int_abs},
    .to_int = int_to_int,
    .to_float = int_to_float,
    .method_list = pync_methods__int,
    .format = pync_int_format,
};

/* ---- bool ------------------------------------------------------------------------------------- */

static pv bool_repr(pv self) { return pync_str_from_cstr(self == pync_True ? "True" : "False"); }

static pv bool_and(pv a, pv b) {
    if (pv_type(a) == &pync_bool_type && pv_type(b) == &pync_bool_type) return pync_bool(a == pync_True && b == pync_True);
    return int_and(a, b);
}
static pv bool_or(pv a, pv b) {
    if (pv_type(a) == &pync_bool_type && pv_type(b) == &pync_bool_type) return pync_bool(a == pync_True || b == pync_True);
    return int_or(a, b);
}
static pv bool_xor(pv a, pv b) {
    if (pv_type(a) == &pync_bool_type && pv_type(b) == &pync_bool_type) return pync_bool((a == pync_True) != (b == pync_True));
    return int_xor(a, b);
}

static pv bool_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    (void)type;
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        return pync_raise_fmt(&pync_TypeError_type, "bool() takes no keyword arguments");
    }
    if (nargs > 1) return pync_raise_fmt(&pync_TypeError_type, "bool expected at most 1 argument, got %zd", (ptrdiff_t)nargs);
    if (nargs == 0) return pync_False;
    int t = pync_truth(args[0]);
    return t < 0 ? 0 : pync_bool(t);
}

BINOP_METHODS(band, bool_and)
BINOP_METHODS(bor, bool_or)
BINOP_METHODS(bxor, bool_xor)

PYNC_METHOD(bool, __and__, meth_band, 0);
PYNC_METHOD(bool, __rand__, meth_rband, 0);
PYNC_METHOD(bool, __or__, meth_bor, 0);
PYNC_METHOD(bool, __ror__, meth_rbor, 0);
PYNC_METHOD(bool, __xor__, meth_bxor, 0);
PYNC_METHOD(bool, __rxor__, meth_rbxor, 0);

const pync_type pync_bool_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "bool",
    .base = &pync_int_type,
    .flags = PYNC_TF_LEAF | PYNC_TF_INT_SUBCLASS,
    .basicsize = sizeof(pync_object),
    .repr = bool_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .getattr = int_getattr,
    .construct = bool_construct,
    .binop = {
        [PYNC_OP_ADD] = int_add, [PYNC_OP_SUB] = int_sub, [PYNC_OP_MUL] = int_mul,
        [PYNC_OP_TRUEDIV] = int_truediv, [PYNC_OP_FLOORDIV] = int_floordiv, [PYNC_OP_MOD] = int_mod,
        [PYNC_OP_POW] = int_pow, [PYNC_OP_LSHIFT] = int_lshift, [PYNC_OP_RSHIFT] = int_rshift,
        [PYNC_OP_AND] = bool_and, [PYNC_OP_XOR] = bool_xor, [PYNC_OP_OR] = bool_or,
    },
    .unop = {[PYNC_OP_NEG] = int_neg, [PYNC_OP_POS] = int_pos, [PYNC_OP_INVERT] = int_invert, [PYNC_OP_ABS] = int_abs},
    .to_int = int_to_int,
    .to_float = int_to_float,
    .method_list = pync_methods__bool,
    .format = pync_int_format,
};

/* ---- the builtins' numeric helpers: divmod(), pow(a, b, m), abs(), round() --------------------- */

pv pync_number_divmod(pv a, pv b) {
    if (pync_is_int(a) && pync_is_int(b)) return int_divmod(a, b);
    if ((pync_is_int(a) || pync_is_float(a)) && (pync_is_int(b) || pync_is_float(b))) return pync_float_divmod(a, b);
    bool found;
    pv r = pync_call_special(a, "__divmod__", &b, 1, &found);
    if (found && (!r || r != pync_NotImplemented)) return r;
    if (pv_type(b) != pv_type(a)) {
        r = pync_call_special(b, "__rdivmod__", &a, 1, &found);
        if (found && (!r || r != pync_NotImplemented)) return r;
    }
    return pync_raise_fmt(&pync_TypeError_type, "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}

pv pync_number_pow3(pv a, pv b, pv m) {
    if (!m || m == pync_None) return pync_binary(a, b, PYNC_OP_POW);
    if (pync_is_int(a) && pync_is_int(b) && pync_is_int(m)) return pync_int_powmod(a, b, m);
    /* CPython's ternary_op: the slots of a's, b's, then m's type */
    const pync_type *order[3] = {pv_type(a), pv_type(b), pv_type(m)};
    for (int i = 0; i < 3; i++) {
        pv v = i == 0 ? a : i == 1 ? b : m;
        if (i > 0 && order[i] == order[0]) continue;
        if (i == 2 && order[2] == order[1]) continue;
        bool real_ab = (pync_is_int(a) || pync_is_float(a)) && (pync_is_int(b) || pync_is_float(b));
        if (pync_is_float(v) && real_ab) {
            return pync_raise_fmt(&pync_TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
        }
        if (pync_is_complex(v) && (real_ab || ((pync_is_int(a) || pync_is_float(a) || pync_is_complex(a)) &&
                                              (pync_is_int(b) || pync_is_float(b) || pync_is_complex(b))))) {
            return pync_raise_fmt(&pync_ValueError_type, "complex modulo");
        }
        if (!pync_is_int(v) && !pync_is_float(v) && !pync_is_complex(v)) {
            bool found;
            pv args[2] = {i == 0 ? b : a, m};
            if (i == 0) {
                pv r = pync_call_special(a, "__pow__", args, 2, &found);
                if (found && r != pync_NotImplemented) return r;
            } else if (i == 1) {
                pv r = pync_call_special(b, "__rpow__", args, 2, &found);
                if (found && r != pync_NotImplemented) return r;
            }
        }
    }
    return pync_raise_fmt(&pync_TypeError_type, "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'", a, b, m);
}

pv pync_number_abs(pv v) {
    if (pync_is_int(v)) return int_abs(v);
    bool found;
    pv r = pync_call_special(v, "__abs__", NULL, 0, &found);
    if (found) return r;
    return pync_raise_fmt(&pync_TypeError_type, "bad operand type for abs(): '%T'", v);
}

pv pync_number_round(pv v, pv ndigits) {
    if (pync_is_int(v)) return int_round(v, ndigits);
    bool found;
    pv r = ndigits && ndigits != pync_None ? pync_call_special(v, "__round__", &ndigits, 1, &found)
                                           : pync_call_special(v, "__round__", NULL, 0, &found);
    if (found) return r;
    return pync_raise_fmt(&pync_TypeError_type, "type %T doesn't define __round__ method", v);
}
