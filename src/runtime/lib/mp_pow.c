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

/* 62 bits of a[0:n] starting at bit `shift` */
static uint64_t bits62(const dig *a, size_t n, uint64_t shift) {
    size_t w = (size_t)(shift / 32);
    unsigned s = (unsigned)(shift % 32);
    uint64_t x0 = w < n ? a[w] : 0, x1 = w + 1 < n ? a[w + 1] : 0, x2 = w + 2 < n ? a[w + 2] : 0;
    uint64_t v = s ? (x0 >> s) | (x1 << (32 - s)) | (x2 << (64 - s)) : x0 | (x1 << 32);
    return v & ((UINT64_C(1) << 62) - 1);
}

/* out[0:xn+1] = p*x + q*y, where p and q have opposite signs (or one is 0), |p|, |q| < 2^32, y has
   yn <= xn digits and the result is known to be non-negative; returns its length */
static size_t lincomb(dig *out, int64_t p, const dig *x, size_t xn, int64_t q, const dig *y, size_t yn) {
    if (q <= 0) { /* p >= 0 */
        out[xn] = pync_mpn_mul_1(out, x, xn, (dig)p);
        dig borrow = pync_mpn_submul_1(out, y, yn, (dig)-q);
        pync_mpn_sub_1(out + yn, out + yn, xn + 1 - yn, borrow);
    } else { /* q > 0 >= p */
        out[yn] = pync_mpn_mul_1(out, y, yn, (dig)q);
        pync_memset(out + yn + 1, 0, (xn - yn) * sizeof(dig));
        dig borrow = pync_mpn_submul_1(out, x, xn, (dig)-p);
        out[xn] -= borrow;
    }
    return pync_mpn_norm(out, xn + 1);
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
    /* Lehmer's algorithm (Knuth 4.5.2, algorithm L) on 62 leading bits: the cofactors of a run of
       Euclidean steps on the leading bits replace those steps on the full numbers, as long as both
       bounds of each quotient agree; a plain division step when they do not. */
    size_t n = (an > bn ? an : bn) + 1;
    dig *buf = pync_mp__scratch(4 * n);
    if (!buf) return NULL;
    dig *x = buf, *y = buf + n, *t = buf + 2 * n, *u = buf + 3 * n;
    const pync_mp *big = a, *small = b;
    if (an < bn || (an == bn && pync_mpn_cmp(a->d, b->d, an) < 0)) {
        big = b;
        small = a;
    }
    size_t xn = pync_mp__len(big), yn = pync_mp__len(small);
    pync_memcpy(x, big->d, xn * sizeof(dig));
    pync_memcpy(y, small->d, yn * sizeof(dig));
    while (yn > 2) {
        /* x >= y > 2^64 */
        uint64_t lx = pync_mpn_bitlen(x, xn), ly = pync_mpn_bitlen(y, yn);
        int64_t A = 1, B = 0, C = 0, D = 1;
        if (lx - ly < 32) {
            /* xh, yh < 2^62 and |A|, |B|, |C|, |D| < 2^32, so no sum or product below overflows */
            uint64_t shift = lx - 62;
            int64_t xh = (int64_t)bits62(x, xn, shift), yh = (int64_t)bits62(y, yn, shift);
            const int64_t lim = INT64_C(0xffffffff);
            for (;;) {
                if (yh + C <= 0 || yh + D <= 0) break;
                int64_t q = (xh + A) / (yh + C), q2 = (xh + B) / (yh + D);
                if (q != q2 || q > lim) break;
                int64_t ac = C < 0 ? -C : C, ad = D < 0 ? -D : D;
                if ((ac && q > (lim - (A < 0 ? -A : A)) / ac) || (ad && q > (lim - (B < 0 ? -B : B)) / ad)) break;
                int64_t nc = A - q * C, nd = B - q * D; /* |nc| <= |A| + q|C| <= lim */
                A = C;
                C = nc;
                B = D;
                D = nd;
                int64_t ny = xh - q * yh;
                xh = yh;
                yh = ny;
            }
        }
        if (B == 0) {
            /* (x, y) = (y, x mod y) */
            if (!pync_mpn_divrem(NULL, t, x, xn, y, yn)) return NULL;
            dig *old = x;
            x = y;
            xn = yn;
            y = t;
            yn = pync_mpn_norm(t, yn);
            t = old;
        } else {
            size_t tn = lincomb(t, A, x, xn, B, y, yn);
            size_t un = lincomb(u, C, x, xn, D, y, yn);
            dig *o1 = x, *o2 = y;
            x = t;
            xn = tn;
            y = u;
            yn = un;
            t = o1;
            u = o2;
        }
    }
    uint64_t g;
    if (yn == 0) {
        return pync_mp__from_nat(x, xn, false);
    } else {
        uint64_t y64 = y[0] | (yn > 1 ? (uint64_t)y[1] << 32 : 0);
        dig r[2] = {0, 0};
        if (!pync_mpn_divrem(NULL, r, x, xn, y, yn)) return NULL;
        g = gcd64(y64, r[0] | (yn > 1 ? (uint64_t)r[1] << 32 : 0));
    }
    return pync_mp_from_u64(g);
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
