/* mp_pow.c — powers (plain and modular, with CPython's rules for negative exponents and moduli),
 * gcd, modular inverse and integer square root. */
#define PYNC_MP_INTERNAL
#include "mp.h"

static pync_mp_err ret(pync_mp **out, pync_mp *r) {
    if (!r) return PYNC_MP_ENOMEM;
    *out = r;
    return PYNC_MP_OK;
}

/* ---- a ** b ------------------------------------------------------------------------------- */

pync_mp_err pync_mp_pow(pync_mp **out, const pync_mp *a, const pync_mp *b) {
    if (pync_mp__neg(b)) return PYNC_MP_ENEGEXP;
    size_t an = pync_mp__len(a), bn = pync_mp__len(b);
    bool odd = bn > 0 && (b->d[0] & 1);
    if (bn == 0) return ret(out, pync_mp_from_i64(1));
    if (an == 0) return ret(out, pync_mp__new(0));
    bool rneg = pync_mp__neg(a) && odd;
    if (an == 1 && a->d[0] == 1) return ret(out, pync_mp_from_i64(rneg ? -1 : 1));
    if (bn > 2) return PYNC_MP_ENOMEM; /* at least 2^64 bits */
    uint64_t e = b->d[0] | (bn > 1 ? (uint64_t)b->d[1] << 32 : 0);
    uint64_t abits = pync_mpn_bitlen(a->d, an);
    /* result has between (abits-1)*e+1 and abits*e bits */
    const uint64_t maxbits = (uint64_t)PYNC_MP_MAX_DIGITS * 32;
    if ((abits - 1) > 0 && e > maxbits / (abits - 1)) return PYNC_MP_ENOMEM;
    /* |a| a power of two: a shift */
    bool pow2 = (a->d[an - 1] & (a->d[an - 1] - 1)) == 0;
    for (size_t i = 0; i + 1 < an && pow2; i++)
        if (a->d[i]) pow2 = false;
    if (pow2) {
        uint64_t sh = (abits - 1) * e;
        pync_mp_buf64 buf;
        pync_mp_err err = pync_mp_lshift_i64(out, pync_mp_view_i64(&buf, rneg ? -1 : 1), (int64_t)sh);
        return err;
    }
    uint64_t capbits = abits * e; /* e <= maxbits / (abits-1) so this cannot overflow 64 bits */
    uint64_t cap64 = capbits / 32 + 4;
    if (cap64 > PYNC_MP_MAX_DIGITS) cap64 = PYNC_MP_MAX_DIGITS;
    size_t cap = (size_t)cap64;
    pync_mp *x = pync_mp__new(cap), *y = pync_mp__new(cap);
    if (!x || !y) return PYNC_MP_ENOMEM;
    dig *scratch = NULL;
    if (cap >= PYNC_MP_KARATSUBA_THRESHOLD || cap >= PYNC_MP_KARATSUBA_SQR_THRESHOLD) {
        scratch = pync_mp__scratch(pync_mpn_mul_scratch(cap));
        if (!scratch) return PYNC_MP_ENOMEM;
    }
    pync_memcpy(x->d, a->d, an * sizeof(dig));
    size_t xn = an;
    int top = 63;
    while (!((e >> top) & 1)) top--;
    for (int i = top - 1; i >= 0; i--) {
        pync_mpn_sqr(y->d, x->d, xn, scratch);
        size_t yn = pync_mpn_norm(y->d, 2 * xn);
        pync_mp *t = x; x = y; y = t;
        xn = yn;
        if ((e >> i) & 1) {
            if (an == 1) {
                x->d[xn] = pync_mpn_mul_1(x->d, x->d, xn, a->d[0]);
                xn = pync_mpn_norm(x->d, xn + 1);
            } else {
                pync_mpn_mul(y->d, x->d, xn, a->d, an, scratch);
                yn = pync_mpn_norm(y->d, xn + an);
                t = x; x = y; y = t;
                xn = yn;
            }
        }
    }
    *out = pync_mp__finish(x, xn, rneg);
    return PYNC_MP_OK;
}

/* ---- gcd ------------------------------------------------------------------------------------ */

static uint64_t gcd64(uint64_t x, uint64_t y) {
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    return x;
}

static size_t ctz_nat(const dig *a, size_t n) {
    size_t i = 0;
    while (i < n && a[i] == 0) i++;
    if (i == n) return 0;
    return i * 32 + (size_t)__builtin_ctz(a[i]);
}

/* a >>= s in place; returns the new length */
static size_t shr_inplace(dig *a, size_t n, size_t s) {
    size_t ds = s / 32;
    unsigned bs = (unsigned)(s % 32);
    if (ds) {
        pync_memmove(a, a + ds, (n - ds) * sizeof(dig));
        n -= ds;
    }
    if (bs) pync_mpn_rshift(a, a, n, bs);
    return pync_mpn_norm(a, n);
}

pync_mp *pync_mp_gcd(const pync_mp *a, const pync_mp *b) {
    size_t an = pync_mp__len(a), bn = pync_mp__len(b);
    if (an == 0) return pync_mp_abs(b);
    if (bn == 0) return pync_mp_abs(a);
    if (an <= 2 && bn <= 2) {
        uint64_t x = a->d[0] | (an > 1 ? (uint64_t)a->d[1] << 32 : 0);
        uint64_t y = b->d[0] | (bn > 1 ? (uint64_t)b->d[1] << 32 : 0);
        return pync_mp_from_u64(gcd64(x, y));
    }
    /* binary gcd, with a Euclidean step whenever the lengths differ by more than a digit */
    pync_mp *xr = pync_mp__new(an), *yr = pync_mp__new(bn);
    if (!xr || !yr) return NULL;
    dig *x = xr->d, *y = yr->d;
    pync_memcpy(x, a->d, an * sizeof(dig));
    pync_memcpy(y, b->d, bn * sizeof(dig));
    size_t xn = an, yn = bn;
    size_t tx = ctz_nat(x, xn), ty = ctz_nat(y, yn);
    size_t shift = tx < ty ? tx : ty;
    xn = shr_inplace(x, xn, tx);
    yn = shr_inplace(y, yn, ty);
    /* both odd from here on */
    for (;;) {
        if (xn < yn || (xn == yn && pync_mpn_cmp(x, y, xn) < 0)) {
            dig *t = x; x = y; y = t;
            size_t tn = xn; xn = yn; yn = tn;
        }
        /* x >= y, both odd */
        if (xn > yn + 1) {
            dig *r = pync_mp__scratch(yn);
            if (!r || !pync_mpn_divrem(NULL, r, x, xn, y, yn)) return NULL;
            xn = pync_mpn_norm(r, yn);
            pync_memcpy(x, r, xn * sizeof(dig));
            if (xn == 0) break;
            xn = shr_inplace(x, xn, ctz_nat(x, xn));
            continue;
        }
        if (xn == yn && pync_mpn_cmp(x, y, xn) == 0) break;
        pync_mpn_sub(x, x, xn, y, yn);
        xn = pync_mpn_norm(x, xn);
        xn = shr_inplace(x, xn, ctz_nat(x, xn));
        if (xn <= 2 && yn <= 2) {
            uint64_t g = gcd64(x[0] | (xn > 1 ? (uint64_t)x[1] << 32 : 0),
                               y[0] | (yn > 1 ? (uint64_t)y[1] << 32 : 0));
            y[0] = (dig)g;
            y[1] = (dig)(g >> 32);
            yn = 2;
            break;
        }
    }
    /* result = y << shift */
    pync_mp *g = pync_mp__from_nat(y, yn, false);
    if (!g) return NULL;
    pync_mp *r;
    if (pync_mp_lshift_i64(&r, g, (int64_t)shift) != PYNC_MP_OK) return NULL;
    return r;
}

/* ---- modular inverse and pow(a, b, m) -------------------------------------------------------- */

/* inverse of a modulo m (m > 1) in [0, m) */
static pync_mp_err invmod(pync_mp **out, const pync_mp *a, const pync_mp *m) {
    pync_mp *r0, *r1, *t0, *t1, *q, *r;
    pync_mp_err e;
    if ((e = pync_mp_mod(&r1, a, m)) != PYNC_MP_OK) return e;
    r0 = pync_mp_copy(m);
    t0 = pync_mp__new(0);
    t1 = pync_mp_from_i64(1);
    if (!r0 || !t0 || !t1) return PYNC_MP_ENOMEM;
    bool t0_pos = false; /* the coefficients alternate in sign; track magnitudes */
    while (r1->size != 0) {
        if ((e = pync_mp_divmod(&q, &r, r0, r1)) != PYNC_MP_OK) return e;
        pync_mp *qt = pync_mp_mul(q, t1);
        if (!qt) return PYNC_MP_ENOMEM;
        pync_mp *t2 = pync_mp_add(t0, qt);
        if (!t2) return PYNC_MP_ENOMEM;
        r0 = r1;
        r1 = r;
        t0 = t1;
        t1 = t2;
        t0_pos = !t0_pos;
    }
    if (!(r0->size == 1 && r0->d[0] == 1)) return PYNC_MP_ENOTINVERTIBLE;
    if (t0_pos || t0->size == 0) return ret(out, pync_mp_copy(t0));
    return ret(out, pync_mp_sub(m, t0));
}

pync_mp_err pync_mp_powmod(pync_mp **out, const pync_mp *a, const pync_mp *b, const pync_mp *m) {
    size_t mn = pync_mp__len(m);
    if (mn == 0) return PYNC_MP_EZEROMOD;
    bool mneg = pync_mp__neg(m);
    pync_mp *mm = pync_mp_abs(m);
    if (!mm) return PYNC_MP_ENOMEM;
    if (mn == 1 && mm->d[0] == 1) return ret(out, pync_mp__new(0));
    pync_mp *base;
    pync_mp_err e;
    if (pync_mp__neg(b)) {
        if ((e = invmod(&base, a, mm)) != PYNC_MP_OK) return e;
    } else {
        if ((e = pync_mp_mod(&base, a, mm)) != PYNC_MP_OK) return e;
    }
    size_t bn = pync_mp__len(b);
    pync_mp *x = pync_mp__new(mn);
    if (!x) return PYNC_MP_ENOMEM;
    size_t xn;
    if (bn == 0) {
        x->d[0] = 1;
        xn = 1;
    } else if (base->size == 0) {
        xn = 0;
    } else {
        pync_mpn_modctx ctx;
        dig *t = pync_mp__scratch(2 * mn);
        dig *scratch = NULL;
        if (mn >= PYNC_MP_KARATSUBA_THRESHOLD || mn >= PYNC_MP_KARATSUBA_SQR_THRESHOLD) {
            scratch = pync_mp__scratch(pync_mpn_mul_scratch(mn));
            if (!scratch) return PYNC_MP_ENOMEM;
        }
        if (!t || !pync_mpn_modctx_init(&ctx, mm->d, mn, 2 * mn)) return PYNC_MP_ENOMEM;
        size_t gn = pync_mp__len(base);
        const dig *g = base->d;
        dig *xd = x->d;
        pync_memcpy(xd, g, gn * sizeof(dig));
        pync_memset(xd + gn, 0, (mn - gn) * sizeof(dig));
        uint64_t top = pync_mpn_bitlen(b->d, bn) - 1;
        for (uint64_t i = top; i-- > 0;) {
            size_t cur = pync_mpn_norm(xd, mn);
            if (cur == 0) break;
            pync_mpn_sqr(t, xd, cur, scratch);
            pync_mpn_modctx_reduce(&ctx, xd, t, 2 * cur);
            if ((b->d[i / 32] >> (i % 32)) & 1) {
                cur = pync_mpn_norm(xd, mn);
                if (cur == 0) break;
                if (cur >= gn) pync_mpn_mul(t, xd, cur, g, gn, scratch);
                else pync_mpn_mul(t, g, gn, xd, cur, scratch);
                pync_mpn_modctx_reduce(&ctx, xd, t, cur + gn);
            }
        }
        xn = mn;
    }
    xn = pync_mpn_norm(x->d, xn);
    if (mneg && xn != 0) {
        /* result - |m|, i.e. -(|m| - result) */
        pync_mpn_sub(x->d, mm->d, mn, x->d, xn);
        *out = pync_mp__finish(x, mn, true);
        return PYNC_MP_OK;
    }
    *out = pync_mp__finish(x, xn, false);
    return PYNC_MP_OK;
}

/* ---- isqrt ----------------------------------------------------------------------------------- */

static uint64_t isqrt64(uint64_t n) {
    /* Newton's method from an overestimate */
    if (n < 2) return n;
    unsigned bits = 0;
    for (uint64_t t = n; t; t >>= 1) bits++;
    uint64_t x = UINT64_C(1) << ((bits + 1) / 2); /* > sqrt(n) */
    for (;;) {
        uint64_t y = (x + n / x) / 2;
        if (y >= x) return x;
        x = y;
    }
}

pync_mp_err pync_mp_isqrt(pync_mp **out, const pync_mp *n) {
    if (pync_mp__neg(n)) return PYNC_MP_ENEGSQRT;
    size_t nn = pync_mp__len(n);
    if (nn <= 2) {
        uint64_t v = nn ? n->d[0] : 0;
        if (nn > 1) v |= (uint64_t)n->d[1] << 32;
        return ret(out, pync_mp_from_u64(isqrt64(v)));
    }
    /* Precision-doubling iteration: a approximates isqrt(n >> 2(c-d)) within 1 at each step. */
    uint64_t c = (pync_mpn_bitlen(n->d, nn) - 1) / 2;
    int cbits = 0;
    for (uint64_t t = c; t; t >>= 1) cbits++;
    pync_mp *a = pync_mp_from_i64(1);
    if (!a) return PYNC_MP_ENOMEM;
    uint64_t d = 0;
    pync_mp_err e;
    for (int s = cbits - 1; s >= 0; s--) {
        uint64_t prev = d;
        d = c >> s;
        pync_mp *hi, *q, *sh;
        if ((e = pync_mp_rshift_i64(&hi, n, (int64_t)(2 * c - prev - d + 1))) != PYNC_MP_OK) return e;
        if ((e = pync_mp_floordiv(&q, hi, a)) != PYNC_MP_OK) return e;
        if ((e = pync_mp_lshift_i64(&sh, a, (int64_t)(d - prev - 1))) != PYNC_MP_OK) return e;
        a = pync_mp_add(sh, q);
        if (!a) return PYNC_MP_ENOMEM;
    }
    pync_mp *sq = pync_mp_mul(a, a);
    if (!sq) return PYNC_MP_ENOMEM;
    if (pync_mp_cmp(sq, n) > 0) {
        pync_mp_buf64 one;
        a = pync_mp_sub(a, pync_mp_view_i64(&one, 1));
        if (!a) return PYNC_MP_ENOMEM;
    }
    *out = a;
    return PYNC_MP_OK;
}
