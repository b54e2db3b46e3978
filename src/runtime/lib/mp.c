/* mp.c — core of the arbitrary-precision integer library: allocation helpers, digit-array
 * kernels, construction and conversion, comparison, addition, bitwise operations, shifts, hash.
 * Multiplication lives in mp_mul.c, division in mp_div.c, powers/gcd/isqrt in mp_pow.c and text
 * conversion in mp_str.c. */
#define PYNC_MP_INTERNAL
#include "mp.h"

/* ---- allocation ------------------------------------------------------------------------ */

pync_mp *pync_mp__new(size_t ndigits) {
    if (ndigits > PYNC_MP_MAX_DIGITS) return NULL;
    pync_mp *r = pync_mp_alloc(ndigits);
    if (r) r->size = 0;
    return r;
}

dig *pync_mp__scratch(size_t ndigits) {
    if (ndigits > PYNC_MP_MAX_DIGITS) return NULL;
    pync_mp *r = pync_mp_alloc(ndigits ? ndigits : 1);
    return r ? r->d : NULL;
}

pync_mp *pync_mp__finish(pync_mp *r, size_t n, bool neg) {
    n = pync_mpn_norm(r->d, n);
    r->size = neg ? -(int32_t)n : (int32_t)n;
    return r;
}

pync_mp *pync_mp__from_nat(const dig *a, size_t n, bool neg) {
    n = pync_mpn_norm(a, n);
    pync_mp *r = pync_mp__new(n);
    if (!r) return NULL;
    pync_memcpy(r->d, a, n * sizeof(dig));
    return pync_mp__finish(r, n, neg);
}

/* ---- digit-array kernels --------------------------------------------------------------- */

#if defined(__SIZEOF_INT128__) && !defined(PYNC_MP_NO_INT128)
/* On 64-bit targets the hot loops take two digits at a time as one 64-bit limb, which halves the
   length of the carry chains. The 32-bit loops below are the portable fallback (and finish odd
   lengths). */
#define PYNC_MP_LIMB64 1
typedef unsigned __int128 u128;
static inline uint64_t load64(const dig *p) { return (uint64_t)p[0] | ((uint64_t)p[1] << 32); }
static inline void store64(dig *p, uint64_t v) {
    p[0] = (dig)v;
    p[1] = (dig)(v >> 32);
}
#endif

dig pync_mpn_add(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    uint64_t c = 0;
    size_t i = 0;
#ifdef PYNC_MP_LIMB64
    for (; i + 2 <= bn; i += 2) {
        u128 t = (u128)load64(a + i) + load64(b + i) + c;
        store64(r + i, (uint64_t)t);
        c = (uint64_t)(t >> 64);
    }
#endif
    for (; i < bn; i++) {
        c += (uint64_t)a[i] + b[i];
        r[i] = (dig)c;
        c >>= 32;
    }
    for (; i < an && c; i++) {
        c += a[i];
        r[i] = (dig)c;
        c >>= 32;
    }
    if (r != a)
        for (; i < an; i++) r[i] = a[i];
    return (dig)c;
}

dig pync_mpn_sub(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    dig borrow = 0;
    size_t i = 0;
#ifdef PYNC_MP_LIMB64
    for (; i + 2 <= bn; i += 2) {
        u128 t = (u128)load64(a + i) - load64(b + i) - borrow;
        store64(r + i, (uint64_t)t);
        borrow = (dig)(t >> 127);
    }
#endif
    for (; i < bn; i++) {
        uint64_t t = (uint64_t)a[i] - b[i] - borrow;
        r[i] = (dig)t;
        borrow = (dig)(t >> 63);
    }
    for (; i < an && borrow; i++) {
        dig x = a[i];
        r[i] = x - borrow;
        borrow = (x < borrow);
    }
    if (r != a)
        for (; i < an; i++) r[i] = a[i];
    return borrow;
}

dig pync_mpn_add_1(dig *r, const dig *a, size_t n, dig b) {
    for (size_t i = 0; i < n; i++) {
        dig x = a[i] + b;
        b = x < b;
        r[i] = x;
    }
    return b;
}

dig pync_mpn_sub_1(dig *r, const dig *a, size_t n, dig b) {
    for (size_t i = 0; i < n; i++) {
        dig x = a[i];
        r[i] = x - b;
        b = x < b;
    }
    return b;
}

int pync_mpn_cmp(const dig *a, const dig *b, size_t n) {
    while (n-- > 0) {
        if (a[n] != b[n]) return a[n] < b[n] ? -1 : 1;
    }
    return 0;
}

dig pync_mpn_mul_1(dig *r, const dig *a, size_t n, dig m) {
    uint64_t c = 0;
    size_t i = 0;
#ifdef PYNC_MP_LIMB64
    for (; i + 2 <= n; i += 2) {
        u128 p = (u128)load64(a + i) * m + c;
        store64(r + i, (uint64_t)p);
        c = (uint64_t)(p >> 64);
    }
#endif
    for (; i < n; i++) {
        c += (uint64_t)a[i] * m;
        r[i] = (dig)c;
        c >>= 32;
    }
    return (dig)c;
}

dig pync_mpn_addmul_1(dig *r, const dig *a, size_t n, dig m) {
    uint64_t c = 0;
    size_t i = 0;
#ifdef PYNC_MP_LIMB64
    for (; i + 2 <= n; i += 2) {
        u128 p = (u128)load64(a + i) * m + load64(r + i) + c;
        store64(r + i, (uint64_t)p);
        c = (uint64_t)(p >> 64);
    }
#endif
    for (; i < n; i++) {
        c += (uint64_t)a[i] * m + r[i];
        r[i] = (dig)c;
        c >>= 32;
    }
    return (dig)c;
}

dig pync_mpn_submul_1(dig *r, const dig *a, size_t n, dig m) {
    uint64_t c = 0; /* carry of the product, plus the borrow */
    size_t i = 0;
#ifdef PYNC_MP_LIMB64
    for (; i + 2 <= n; i += 2) {
        u128 p = (u128)load64(a + i) * m + c;
        uint64_t lo = (uint64_t)p, x = load64(r + i);
        store64(r + i, x - lo);
        c = (uint64_t)(p >> 64) + (x < lo);
    }
#endif
    for (; i < n; i++) {
        c += (uint64_t)a[i] * m;
        dig lo = (dig)c;
        dig x = r[i];
        r[i] = x - lo;
        c = (c >> 32) + (x < lo);
    }
    return (dig)c;
}

dig pync_mpn_lshift(dig *r, const dig *a, size_t n, unsigned s) {
    dig out = 0;
    if (n == 0) return 0;
    out = a[n - 1] >> (32 - s);
    for (size_t i = n - 1; i > 0; i--) r[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
    r[0] = a[0] << s;
    return out;
}

dig pync_mpn_rshift(dig *r, const dig *a, size_t n, unsigned s) {
    if (n == 0) return 0;
    dig out = a[0] << (32 - s);
    for (size_t i = 0; i + 1 < n; i++) r[i] = (a[i] >> s) | (a[i + 1] << (32 - s));
    r[n - 1] = a[n - 1] >> s;
    return out;
}

unsigned pync_mpn_clz(dig x) { return (unsigned)__builtin_clz(x); }

uint64_t pync_mpn_bitlen(const dig *a, size_t n) {
    n = pync_mpn_norm(a, n);
    if (n == 0) return 0;
    return (uint64_t)(n - 1) * 32 + (32 - pync_mpn_clz(a[n - 1]));
}

static unsigned popcount32(dig x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0fu;
    return (unsigned)((x * 0x01010101u) >> 24);
}

static unsigned bitlen64(uint64_t x) {
    if (x >> 32) return 64 - pync_mpn_clz((dig)(x >> 32));
    if (x) return 32 - pync_mpn_clz((dig)x);
    return 0;
}

/* ---- construction ---------------------------------------------------------------------- */

const pync_mp *pync_mp_view_i64(pync_mp_buf64 *buf, int64_t v) {
    pync_mp *p = &buf->mp;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    p->d[0] = (dig)m;
    p->d[1] = (dig)(m >> 32);
    int32_t n = (m >> 32) ? 2 : (m ? 1 : 0);
    p->size = v < 0 ? -n : n;
    return p;
}

static pync_mp *from_mag64(uint64_t m, bool neg) {
    pync_mp *r = pync_mp__new(2);
    if (!r) return NULL;
    r->d[0] = (dig)m;
    r->d[1] = (dig)(m >> 32);
    return pync_mp__finish(r, 2, neg);
}

pync_mp *pync_mp_from_i64(int64_t v) {
    return from_mag64(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, v < 0);
}

pync_mp *pync_mp_from_u64(uint64_t v) { return from_mag64(v, false); }

static uint64_t double_bits(double x) {
    union { double d; uint64_t u; } c;
    c.d = x;
    return c.u;
}

static double bits_double(uint64_t u) {
    union { double d; uint64_t u; } c;
    c.u = u;
    return c.d;
}

pync_mp *pync_mp_from_double(double x) {
    uint64_t u = double_bits(x);
    bool neg = (u >> 63) != 0;
    int e = (int)((u >> 52) & 0x7ff);
    uint64_t mant = (u & ((UINT64_C(1) << 52) - 1)) | (UINT64_C(1) << 52);
    if (e < 1023) return pync_mp__new(0); /* |x| < 1 (including zero and subnormals) */
    int shift = e - 1075;                  /* x = mant * 2^shift */
    if (shift <= 0) return from_mag64(mant >> -shift, neg);
    size_t ds = (size_t)shift / 32;
    unsigned bs = (unsigned)shift % 32;
    pync_mp *r = pync_mp__new(ds + 3);
    if (!r) return NULL;
    pync_memset(r->d, 0, (ds + 3) * sizeof(dig));
    dig m[2] = {(dig)mant, (dig)(mant >> 32)};
    if (bs) {
        r->d[ds + 2] = pync_mpn_lshift(r->d + ds, m, 2, bs);
    } else {
        r->d[ds] = m[0];
        r->d[ds + 1] = m[1];
    }
    return pync_mp__finish(r, ds + 3, neg);
}

pync_mp *pync_mp_copy(const pync_mp *a) { return pync_mp__from_nat(a->d, pync_mp__len(a), pync_mp__neg(a)); }

pync_mp *pync_mp_from_bytes(const uint8_t *bytes, size_t n, bool little_endian, bool is_signed) {
    size_t nd = n / 4 + 1;
    if (n / 4 >= PYNC_MP_MAX_DIGITS) return NULL;
    pync_mp *r = pync_mp__new(nd);
    if (!r) return NULL;
    bool neg = false;
    if (n > 0 && is_signed) {
        uint8_t top = little_endian ? bytes[n - 1] : bytes[0];
        neg = (top & 0x80) != 0;
    }
    /* Assemble the two's complement value, sign-extended to nd digits. */
    pync_memset(r->d, neg ? 0xff : 0, nd * sizeof(dig));
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = little_endian ? bytes[i] : bytes[n - 1 - i];
        dig *w = &r->d[i / 4];
        unsigned sh = (unsigned)(i % 4) * 8;
        *w = (*w & ~((dig)0xff << sh)) | ((dig)byte << sh);
    }
    if (neg) {
        /* magnitude = -value = ~value + 1 */
        dig c = 1;
        for (size_t i = 0; i < nd; i++) {
            dig x = ~r->d[i] + c;
            c = (c && x == 0);
            r->d[i] = x;
        }
    }
    return pync_mp__finish(r, nd, neg);
}

pync_mp_err pync_mp_to_bytes(const pync_mp *a, uint8_t *out, size_t n, bool little_endian,
                             bool is_signed) {
    size_t an = pync_mp__len(a);
    bool neg = pync_mp__neg(a);
    if (neg && !is_signed) return PYNC_MP_ENEGUNSIGNED;
    uint64_t bits = pync_mpn_bitlen(a->d, an);
    uint64_t cap = (uint64_t)n * 8; /* n is a buffer size, so this cannot overflow */
    if (is_signed && an > 0) {
        /* -2^(cap-1) <= a < 2^(cap-1) */
        bool fits;
        if (cap == 0) {
            fits = neg && an == 1 && a->d[0] == 1; /* CPython lets -1 fit in zero bytes */
        } else if (bits < cap) {
            fits = true;
        } else if (bits == cap && neg) {
            /* only -2^(cap-1) itself: |a| a power of two */
            fits = true;
            for (size_t i = 0; i + 1 < an; i++)
                if (a->d[i]) fits = false;
            if (a->d[an - 1] & (a->d[an - 1] - 1)) fits = false;
        } else {
            fits = false;
        }
        if (!fits) return PYNC_MP_ETOOBIG;
    } else if (bits > cap) {
        return PYNC_MP_ETOOBIG;
    }
    dig carry = 1;
    for (size_t i = 0; i < n; i++) {
        size_t w = i / 4;
        dig x = w < an ? a->d[w] : 0;
        uint8_t byte = (uint8_t)(x >> ((i % 4) * 8));
        if (neg) {
            unsigned v = (unsigned)(uint8_t)~byte + carry;
            byte = (uint8_t)v;
            carry = v >> 8;
        }
        if (little_endian) out[i] = byte;
        else out[n - 1 - i] = byte;
    }
    return PYNC_MP_OK;
}

/* ---- queries ----------------------------------------------------------------------------- */

int pync_mp_sign(const pync_mp *a) { return a->size < 0 ? -1 : (a->size > 0); }

bool pync_mp_is_zero(const pync_mp *a) { return a->size == 0; }

bool pync_mp_fits_i64(const pync_mp *a) {
    size_t n = pync_mp__len(a);
    if (n <= 1) return true;
    if (n > 2) return false;
    uint64_t m = ((uint64_t)a->d[1] << 32) | a->d[0];
    return pync_mp__neg(a) ? m <= (UINT64_C(1) << 63) : m < (UINT64_C(1) << 63);
}

int64_t pync_mp_to_i64(const pync_mp *a) {
    size_t n = pync_mp__len(a);
    uint64_t m = n ? a->d[0] : 0;
    if (n > 1) m |= (uint64_t)a->d[1] << 32;
    if (pync_mp__neg(a)) m = (uint64_t)0 - m;
    return (int64_t)m; /* two's complement conversion, defined by clang */
}

bool pync_mp_get_i64(const pync_mp *a, int64_t *out) {
    if (!pync_mp_fits_i64(a)) return false;
    *out = pync_mp_to_i64(a);
    return true;
}

uint64_t pync_mp_bit_length(const pync_mp *a) { return pync_mpn_bitlen(a->d, pync_mp__len(a)); }

uint64_t pync_mp_bit_count(const pync_mp *a) {
    uint64_t c = 0;
    size_t n = pync_mp__len(a);
    for (size_t i = 0; i < n; i++) c += popcount32(a->d[i]);
    return c;
}

int pync_mp_cmp(const pync_mp *a, const pync_mp *b) {
    if (a->size != b->size) return a->size < b->size ? -1 : 1;
    size_t n = pync_mp__len(a);
    int c = pync_mpn_cmp(a->d, b->d, n);
    return pync_mp__neg(a) ? -c : c;
}

int pync_mp_cmp_i64(const pync_mp *a, int64_t b) {
    pync_mp_buf64 buf;
    return pync_mp_cmp(a, pync_mp_view_i64(&buf, b));
}

int64_t pync_mp_hash(const pync_mp *a) {
    const uint64_t P = (UINT64_C(1) << 61) - 1;
    uint64_t x = 0;
    size_t n = pync_mp__len(a);
    while (n-- > 0) {
        x = ((x << 32) & P) | (x >> 29); /* x * 2^32 mod P */
        x += a->d[n];
        if (x >= P) x -= P;
    }
    int64_t h = (int64_t)x;
    if (pync_mp__neg(a)) h = -h;
    if (h == -1) h = -2;
    return h;
}

/* ---- doubles ------------------------------------------------------------------------------ */

/* Rounds (q + f) * 2^exp2, where 0 <= f < 1 is nonzero iff sticky, to the nearest double (ties to
   even, with subnormals). q must be nonzero, and when sticky is set q must have at least 55 bits.
   PYNC_MP_EFLOAT when the rounded magnitude reaches 2^1024. */
pync_mp_err pync_mp__make_double(uint64_t q, bool sticky, int64_t exp2, bool neg, double *out) {
    uint64_t sign = neg ? UINT64_C(1) << 63 : 0;
    int nb = (int)bitlen64(q);
    int64_t e = exp2 + nb - 1; /* value in [2^e, 2^(e+1)) */
    if (e > 1023) return PYNC_MP_EFLOAT;
    int64_t p = e >= -1022 ? 53 : e + 1075; /* significant bits available */
    if (p <= 0) {
        uint64_t m = 0;
        if (p == 0 && (sticky || (q & (q - 1)))) m = 1; /* above half of the smallest subnormal */
        *out = bits_double(sign | m);
        return PYNC_MP_OK;
    }
    int drop = nb - (int)p;
    uint64_t m;
    if (drop <= 0) {
        m = q << -drop;
    } else {
        m = q >> drop;
        uint64_t rem = q & ((UINT64_C(1) << drop) - 1);
        uint64_t half = UINT64_C(1) << (drop - 1);
        if (rem > half || (rem == half && (sticky || (m & 1)))) m++;
    }
    int64_t s = exp2 + drop; /* value == m * 2^s */
    if (m == (UINT64_C(1) << 53)) {
        m >>= 1;
        s++;
    }
    uint64_t bits;
    if (m >= (UINT64_C(1) << 52)) {
        int64_t biased = s + 52 + 1023;
        if (biased >= 2047) return PYNC_MP_EFLOAT;
        bits = ((uint64_t)biased << 52) | (m & ((UINT64_C(1) << 52) - 1));
    } else {
        bits = m; /* subnormal: s == -1074 */
    }
    *out = bits_double(sign | bits);
    return PYNC_MP_OK;
}

pync_mp_err pync_mp_to_double(const pync_mp *a, double *out) {
    size_t n = pync_mp__len(a);
    if (n == 0) {
        *out = 0.0;
        return PYNC_MP_OK;
    }
    uint64_t bits = pync_mpn_bitlen(a->d, n);
    uint64_t q;
    bool sticky = false;
    int64_t exp2 = 0;
    if (bits <= 64) {
        q = a->d[0];
        if (n > 1) q |= (uint64_t)a->d[1] << 32;
    } else {
        /* top 64 bits */
        uint64_t low = bits - 64; /* bit index of the lowest kept bit */
        size_t w = (size_t)(low / 32);
        unsigned s = (unsigned)(low % 32);
        uint64_t x0 = a->d[w], x1 = a->d[w + 1], x2 = w + 2 < n ? a->d[w + 2] : 0;
        q = s ? (x0 >> s) | (x1 << (32 - s)) | (x2 << (64 - s)) : x0 | (x1 << 32);
        if (s && (x0 & ((UINT64_C(1) << s) - 1))) sticky = true;
        for (size_t i = 0; i < w && !sticky; i++)
            if (a->d[i]) sticky = true;
        exp2 = (int64_t)low;
    }
    return pync_mp__make_double(q, sticky, exp2, pync_mp__neg(a), out);
}

/* ---- addition ------------------------------------------------------------------------------ */

/* a + (bneg ? -|b| : |b|) with b's magnitude given by bd/bn */
static pync_mp *addsub(const pync_mp *a, const dig *bd, size_t bn, bool bneg) {
    const dig *ad = a->d;
    size_t an = pync_mp__len(a);
    bool aneg = pync_mp__neg(a);
    if (aneg == bneg) {
        if (an < bn) {
            const dig *t = ad; ad = bd; bd = t;
            size_t tn = an; an = bn; bn = tn;
        }
        pync_mp *r = pync_mp__new(an + 1);
        if (!r) return NULL;
        r->d[an] = pync_mpn_add(r->d, ad, an, bd, bn);
        return pync_mp__finish(r, an + 1, aneg);
    }
    int c = an != bn ? (an < bn ? -1 : 1) : pync_mpn_cmp(ad, bd, an);
    if (c == 0) return pync_mp__new(0);
    bool neg = aneg;
    if (c < 0) {
        const dig *t = ad; ad = bd; bd = t;
        size_t tn = an; an = bn; bn = tn;
        neg = bneg;
    }
    pync_mp *r = pync_mp__new(an);
    if (!r) return NULL;
    pync_mpn_sub(r->d, ad, an, bd, bn);
    return pync_mp__finish(r, an, neg);
}

pync_mp *pync_mp_add(const pync_mp *a, const pync_mp *b) {
    return addsub(a, b->d, pync_mp__len(b), pync_mp__neg(b));
}

pync_mp *pync_mp_sub(const pync_mp *a, const pync_mp *b) {
    return addsub(a, b->d, pync_mp__len(b), b->size > 0);
}

pync_mp *pync_mp_neg(const pync_mp *a) {
    return pync_mp__from_nat(a->d, pync_mp__len(a), a->size > 0);
}

pync_mp *pync_mp_abs(const pync_mp *a) { return pync_mp__from_nat(a->d, pync_mp__len(a), false); }

pync_mp *pync_mp_invert(const pync_mp *a) {
    /* ~a == -(a + 1): |a| - 1 for negative a, -(a + 1) otherwise */
    size_t n = pync_mp__len(a);
    pync_mp *r = pync_mp__new(n + 1);
    if (!r) return NULL;
    if (pync_mp__neg(a)) {
        pync_mpn_sub_1(r->d, a->d, n, 1);
        return pync_mp__finish(r, n, false);
    }
    r->d[n] = pync_mpn_add_1(r->d, a->d, n, 1);
    return pync_mp__finish(r, n + 1, true);
}

/* ---- bitwise operations (infinite two's complement) -------------------------------------- */

enum { OP_AND, OP_OR, OP_XOR };

static pync_mp *bitwise(const pync_mp *a, const pync_mp *b, int op) {
    size_t an = pync_mp__len(a), bn = pync_mp__len(b);
    bool aneg = pync_mp__neg(a), bneg = pync_mp__neg(b);
    size_t w = (an > bn ? an : bn) + 1;
    bool rneg;
    switch (op) {
    case OP_AND: rneg = aneg && bneg; break;
    case OP_OR: rneg = aneg || bneg; break;
    default: rneg = aneg != bneg; break;
    }
    pync_mp *r = pync_mp__new(w);
    if (!r) return NULL;
    dig ab = 1, bb = 1, rc = 1; /* borrows for the operands, carry for the result */
    for (size_t i = 0; i < w; i++) {
        dig x = i < an ? a->d[i] : 0, y = i < bn ? b->d[i] : 0;
        if (aneg) { dig t = x - ab; ab = x < ab; x = ~t; }
        if (bneg) { dig t = y - bb; bb = y < bb; y = ~t; }
        dig z = op == OP_AND ? (x & y) : op == OP_OR ? (x | y) : (x ^ y);
        if (rneg) { z = ~z + rc; rc = (rc && z == 0); }
        r->d[i] = z;
    }
    return pync_mp__finish(r, w, rneg);
}

pync_mp *pync_mp_and(const pync_mp *a, const pync_mp *b) { return bitwise(a, b, OP_AND); }
pync_mp *pync_mp_or(const pync_mp *a, const pync_mp *b) { return bitwise(a, b, OP_OR); }
pync_mp *pync_mp_xor(const pync_mp *a, const pync_mp *b) { return bitwise(a, b, OP_XOR); }

/* ---- shifts ---------------------------------------------------------------------------------- */

pync_mp_err pync_mp_lshift_i64(pync_mp **out, const pync_mp *a, int64_t n) {
    if (n < 0) return PYNC_MP_ENEGSHIFT;
    size_t an = pync_mp__len(a);
    if (an == 0) {
        pync_mp *r = pync_mp__new(0);
        if (!r) return PYNC_MP_ENOMEM;
        *out = r;
        return PYNC_MP_OK;
    }
    uint64_t ds = (uint64_t)n / 32;
    unsigned bs = (unsigned)((uint64_t)n % 32);
    if (ds + an + 1 > PYNC_MP_MAX_DIGITS) return PYNC_MP_ENOMEM;
    size_t rn = (size_t)ds + an + 1;
    pync_mp *r = pync_mp__new(rn);
    if (!r) return PYNC_MP_ENOMEM;
    pync_memset(r->d, 0, (size_t)ds * sizeof(dig));
    if (bs) {
        r->d[rn - 1] = pync_mpn_lshift(r->d + ds, a->d, an, bs);
    } else {
        pync_memcpy(r->d + ds, a->d, an * sizeof(dig));
        r->d[rn - 1] = 0;
    }
    *out = pync_mp__finish(r, rn, pync_mp__neg(a));
    return PYNC_MP_OK;
}

pync_mp_err pync_mp_rshift_i64(pync_mp **out, const pync_mp *a, int64_t n) {
    if (n < 0) return PYNC_MP_ENEGSHIFT;
    size_t an = pync_mp__len(a);
    bool neg = pync_mp__neg(a);
    uint64_t ds = (uint64_t)n / 32;
    unsigned bs = (unsigned)((uint64_t)n % 32);
    pync_mp *r;
    if (ds >= an) {
        r = neg ? pync_mp_from_i64(-1) : pync_mp__new(0);
        if (!r) return PYNC_MP_ENOMEM;
        *out = r;
        return PYNC_MP_OK;
    }
    size_t rn = an - (size_t)ds;
    r = pync_mp__new(rn + 1);
    if (!r) return PYNC_MP_ENOMEM;
    bool lost = false;
    if (neg) {
        for (size_t i = 0; i < ds && !lost; i++)
            if (a->d[i]) lost = true;
    }
    if (bs) {
        dig out_bits = pync_mpn_rshift(r->d, a->d + ds, rn, bs);
        if (out_bits) lost = true;
    } else {
        pync_memcpy(r->d, a->d + ds, rn * sizeof(dig));
    }
    r->d[rn] = 0;
    if (neg && lost) r->d[rn] = pync_mpn_add_1(r->d, r->d, rn, 1);
    *out = pync_mp__finish(r, rn + 1, neg);
    return PYNC_MP_OK;
}

pync_mp_err pync_mp_lshift(pync_mp **out, const pync_mp *a, const pync_mp *n) {
    if (pync_mp__neg(n)) return PYNC_MP_ENEGSHIFT;
    int64_t c;
    if (!pync_mp_get_i64(n, &c)) {
        if (a->size != 0) return PYNC_MP_ENOMEM;
        c = 0;
    }
    return pync_mp_lshift_i64(out, a, c);
}

pync_mp_err pync_mp_rshift(pync_mp **out, const pync_mp *a, const pync_mp *n) {
    if (pync_mp__neg(n)) return PYNC_MP_ENEGSHIFT;
    int64_t c;
    if (!pync_mp_get_i64(n, &c)) c = INT64_MAX; /* shifts everything out */
    return pync_mp_rshift_i64(out, a, c);
}
