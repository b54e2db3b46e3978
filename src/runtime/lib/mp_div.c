/* mp_div.c — division: single-digit division, Knuth's algorithm D, Burnikel–Ziegler recursive
 * division for large balanced operands, and Python's floor division, modulo, divmod and the
 * correctly rounded true division. */
#define PYNC_MP_INTERNAL
#include "mp.h"

dig pync_mpn_divrem_1(dig *q, const dig *a, size_t n, dig b) {
    uint64_t rem = 0;
    while (n-- > 0) {
        uint64_t cur = (rem << 32) | a[n];
        q[n] = (dig)(cur / b);
        rem = cur % b;
    }
    return (dig)rem;
}

static dig mod_1(const dig *a, size_t n, dig b) {
    uint64_t rem = 0;
    while (n-- > 0) rem = ((rem << 32) | a[n]) % b;
    return (dig)rem;
}

/* (hi:lo) << s, top 32 bits */
static inline dig shl2(dig hi, dig lo, unsigned s) { return s ? (hi << s) | (lo >> (32 - s)) : hi; }

/* Knuth, TAOCP 4.3.1, algorithm D, with the normalising shift s = clz(v[vn-1]) applied only to the
   top digits that estimate each quotient digit (the estimates are then exactly those of the
   normalised algorithm, and the multiply-subtract works on the unshifted numbers, which saves
   shifting copies of both operands). u has un digits and v has vn >= 2; the top vn digits of u are
   less than v, and u * 2^s fits in un digits. Writes the un - vn quotient digits to q and leaves the
   remainder in u[0:vn]. */
static void knuth_div(dig *q, dig *u, size_t un, const dig *v, size_t vn, unsigned s) {
    const dig v1 = shl2(v[vn - 1], v[vn - 2], s), v2 = shl2(v[vn - 2], vn > 2 ? v[vn - 3] : 0, s);
    for (size_t j = un - vn; j-- > 0;) {
        size_t t = j + vn;
        dig u0 = shl2(u[t], u[t - 1], s), u1 = shl2(u[t - 1], u[t - 2], s);
        dig u2 = shl2(u[t - 2], t >= 3 ? u[t - 3] : 0, s);
        uint64_t num = ((uint64_t)u0 << 32) | u1;
        uint64_t qhat, rhat;
        if (u0 >= v1) {
            qhat = 0xffffffffu;
            rhat = num - qhat * v1;
        } else {
            qhat = num / v1;
            rhat = num % v1;
        }
        while (rhat <= 0xffffffffu && qhat * v2 > ((rhat << 32) | u2)) {
            qhat--;
            rhat += v1;
        }
        dig top = u[t];
        dig borrow = pync_mpn_submul_1(u + j, v, vn, (dig)qhat);
        u[t] = top - borrow;
        if (top < borrow) {
            qhat--;
            u[t] += pync_mpn_add(u + j, u + j, vn, v, vn);
        }
        q[j] = (dig)qhat;
    }
}

/* ---- Burnikel–Ziegler recursive division -------------------------------------------------- */

/* a[0:2n] / b[0:n] where b is normalised and a[n:2n] < b: q[0:n], remainder in a[0:n].
   Scratch needs bz_scratch(n) digits. */
static void div_2n_1n(dig *q, dig *a, const dig *b, size_t n, dig *scratch);

static size_t bz_scratch(size_t n) { return 2 * n + 8 + pync_mpn_mul_scratch(n) + (n > 1 ? bz_scratch(n / 2) : 0); }

/* a[0:3h] / b[0:2h] where a[h:3h] < b: q[0:h], remainder in a[0:2h]. */
static void div_3h_2h(dig *q, dig *a, const dig *b, size_t h, dig *scratch) {
    const dig *b1 = b + h, *b2 = b; /* b = b1 * B^h + b2 */
    dig *a1 = a + 2 * h;            /* a = a1 * B^2h + a2 * B^h + a3 */
    dig *d = scratch, *sub = scratch + 2 * h + 1;
    dig r_top = 0; /* digit 2h of the partial remainder r = r1 * B^h + a3 */
    if (pync_mpn_cmp(a1, b1, h) < 0) {
        /* q = (a1 a2) / b1, remainder r1 into a[h:2h] */
        div_2n_1n(q, a + h, b1, h, sub);
    } else {
        /* a1 == b1: q = B^h - 1 and r1 = (a1 a2) - q * b1 = a2 + b1 */
        for (size_t i = 0; i < h; i++) q[i] = 0xffffffffu;
        r_top = pync_mpn_add(a + h, a + h, h, b1, h);
    }
    /* r = r1 * B^h + a3 - q * b2, adding b back while negative */
    pync_mpn_mul(d, q, h, b2, h, sub);
    dig borrow = pync_mpn_sub(a, a, 2 * h, d, 2 * h);
    int64_t top = (int64_t)r_top - borrow;
    while (top < 0) {
        pync_mpn_sub_1(q, q, h, 1);
        top += pync_mpn_add(a, a, 2 * h, b, 2 * h);
    }
}

static void div_2n_1n(dig *q, dig *a, const dig *b, size_t n, dig *scratch) {
    if ((n & 1) || n < PYNC_MP_BZ_THRESHOLD) {
        knuth_div(q, a, 2 * n, b, n, 0);
        return;
    }
    size_t h = n / 2;
    /* (a1 a2 a3) / b, then (r a4) / b */
    div_3h_2h(q + h, a + h, b, h, scratch);
    div_3h_2h(q, a, b, h, scratch);
}

/* q[0:un-n] = u / v, remainder in u[0:n], v normalised with n digits, top n digits of u < v. */
static bool bz_div(dig *q, dig *u, size_t un, const dig *v, size_t n) {
    dig *scratch = pync_mp__scratch(bz_scratch(n));
    if (!scratch) return false;
    /* bring down blocks of n digits from the top; the last block may be shorter */
    size_t pos = un - n; /* u[pos:pos+n] is the current remainder (< v) */
    while (pos > 0) {
        size_t k = pos >= n ? n : pos;
        pos -= k;
        if (k == n) div_2n_1n(q + pos, u + pos, v, n, scratch);
        else knuth_div(q + pos, u + pos, n + k, v, n, 0);
    }
    return true;
}

bool pync_mpn_divrem(dig *q, dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    if (bn == 1) {
        if (q) {
            dig rem = pync_mpn_divrem_1(q, a, an, b[0]);
            if (r) r[0] = rem;
        } else if (r) {
            r[0] = mod_1(a, an, b[0]);
        }
        return true;
    }
    size_t qn = an - bn + 1;
    bool bz = bn >= PYNC_MP_BZ_THRESHOLD && qn >= PYNC_MP_BZ_THRESHOLD;
    /* For recursive division pad the divisor with low zero digits to m * 2^k digits, m small,
       so that every level splits evenly; the quotient is unchanged. */
    size_t pad = 0;
    if (bz) {
        size_t m = bn, k = 0;
        while (m > PYNC_MP_BZ_THRESHOLD) {
            m = (m + 1) / 2;
            k++;
        }
        pad = (m << k) - bn;
    }
    if (bz && qn + 1 < bn) {
        /* A quotient shorter than the divisor: drop the k low digits of both operands, so that the
           divisor keeps qn + 1 digits. With a' = a >> 32k and b' = b >> 32k (b' >= B^qn), q' =
           a' // b' is q or q + 1, since a'/b' - a/b < (q'+1)/(b'+1) <= 1. One qn x bn product
           then settles it, which beats qn * bn steps of schoolbook division. */
        size_t k = bn - qn - 1;
        dig *qq = q ? q : pync_mp__scratch(qn);
        dig *p = pync_mp__scratch(an + 1);
        if (!qq || !p || !pync_mpn_divrem(qq, NULL, a + k, an - k, b + k, bn - k)) return false;
        size_t qqn = pync_mpn_norm(qq, qn), pn = 0;
        if (qqn) {
            if (!pync_mpn_mul_alloc(p, b, bn, qq, qqn)) return false;
            pn = pync_mpn_norm(p, bn + qqn);
        }
        if (pn > an || (pn == an && pync_mpn_cmp(p, a, an) > 0)) {
            pync_mpn_sub_1(qq, qq, qn, 1);
            pync_mpn_sub(p, p, pn, b, bn);
            pn = pync_mpn_norm(p, pn);
        }
        if (r) {
            /* r = a - p < b: only the low bn digits matter */
            dig *t = p + 0;
            pync_memset(t + pn, 0, (an + 1 - pn) * sizeof(dig));
            pync_mpn_sub(t, a, an, t, an);
            pync_memcpy(r, t, bn * sizeof(dig));
        }
        return true;
    }
    size_t un = an + 1 + pad, vn = bn + pad;
    unsigned s = pync_mpn_clz(b[bn - 1]);
    if (!bz) {
        dig *u = pync_mp__scratch(un + (q ? 0 : qn));
        if (!u) return false;
        pync_memcpy(u, a, an * sizeof(dig));
        u[an] = 0;
        knuth_div(q ? q : u + un, u, un, b, bn, s);
        if (r) pync_memcpy(r, u, bn * sizeof(dig));
        return true;
    }
    dig *scratch = pync_mp__scratch(un + vn + (q ? 0 : qn));
    if (!scratch) return false;
    dig *u = scratch, *v = scratch + un, *qq = q ? q : v + vn;
    pync_memset(u, 0, pad * sizeof(dig));
    pync_memset(v, 0, pad * sizeof(dig));
    if (s) {
        pync_mpn_lshift(v + pad, b, bn, s);
        u[un - 1] = pync_mpn_lshift(u + pad, a, an, s);
    } else {
        pync_memcpy(v + pad, b, bn * sizeof(dig));
        pync_memcpy(u + pad, a, an * sizeof(dig));
        u[un - 1] = 0;
    }
    if (!bz_div(qq, u, un, v, vn)) return false;
    if (r) {
        if (s) pync_mpn_rshift(r, u + pad, bn, s);
        else pync_memcpy(r, u + pad, bn * sizeof(dig));
    }
    return true;
}

/* ---- Python-level division ----------------------------------------------------------------- */

static pync_mp_err divmod_impl(pync_mp **qo, pync_mp **ro, const pync_mp *a, const pync_mp *b) {
    size_t an = pync_mp__len(a), bn = pync_mp__len(b);
    if (bn == 0) return PYNC_MP_EZERODIV;
    bool aneg = pync_mp__neg(a), bneg = pync_mp__neg(b);
    size_t qn = an >= bn ? an - bn + 1 : 0;
    pync_mp *q = NULL, *r = NULL;
    /* The remainder is needed to decide the floor adjustment when the signs differ. */
    bool need_r = ro || aneg != bneg;
    if (qo) {
        q = pync_mp__new(qn + 1);
        if (!q) return PYNC_MP_ENOMEM;
    }
    dig *rd = NULL;
    if (need_r) {
        r = pync_mp__new(bn);
        if (!r) return PYNC_MP_ENOMEM;
        rd = r->d;
    }
    if (an < bn) {
        if (rd) {
            pync_memcpy(rd, a->d, an * sizeof(dig));
            pync_memset(rd + an, 0, (bn - an) * sizeof(dig));
        }
    } else if (!pync_mpn_divrem(q ? q->d : NULL, rd, a->d, an, b->d, bn)) {
        return PYNC_MP_ENOMEM;
    }
    if (q) q->d[qn] = 0;
    bool rnz = rd && pync_mpn_norm(rd, bn) != 0;
    if (aneg != bneg && rnz) {
        /* floor: q = -(q0 + 1), r = b - r0 (sign of b) */
        if (q) q->d[qn] = pync_mpn_add_1(q->d, q->d, qn, 1);
        if (ro) pync_mpn_sub(rd, b->d, bn, rd, bn);
    }
    if (qo) *qo = pync_mp__finish(q, qn + 1, aneg != bneg);
    if (ro) *ro = pync_mp__finish(r, bn, bneg);
    return PYNC_MP_OK;
}

pync_mp_err pync_mp_floordiv(pync_mp **q, const pync_mp *a, const pync_mp *b) {
    return divmod_impl(q, NULL, a, b);
}

pync_mp_err pync_mp_mod(pync_mp **r, const pync_mp *a, const pync_mp *b) {
    return divmod_impl(NULL, r, a, b);
}

pync_mp_err pync_mp_divmod(pync_mp **q, pync_mp **r, const pync_mp *a, const pync_mp *b) {
    pync_mp *qq, *rr;
    pync_mp_err e = divmod_impl(&qq, &rr, a, b);
    if (e == PYNC_MP_OK) {
        *q = qq;
        *r = rr;
    }
    return e;
}

/* dst = src << shift (bits); dst has room for n + shift/32 + 1 digits; returns that count */
static size_t shl_into(dig *dst, const dig *src, size_t n, uint64_t shift) {
    size_t ds = (size_t)(shift / 32);
    unsigned bs = (unsigned)(shift % 32);
    pync_memset(dst, 0, ds * sizeof(dig));
    if (bs) {
        dst[ds + n] = pync_mpn_lshift(dst + ds, src, n, bs);
    } else {
        pync_memcpy(dst + ds, src, n * sizeof(dig));
        dst[ds + n] = 0;
    }
    return ds + n + 1;
}

pync_mp_err pync_mp_truediv(const pync_mp *a, const pync_mp *b, double *out) {
    size_t an = pync_mp__len(a), bn = pync_mp__len(b);
    if (bn == 0) return PYNC_MP_EZERODIV;
    bool neg = pync_mp__neg(a) != pync_mp__neg(b);
    if (an == 0) {
        *out = neg ? -0.0 : 0.0;
        return PYNC_MP_OK;
    }
    int64_t la = (int64_t)pync_mpn_bitlen(a->d, an), lb = (int64_t)pync_mpn_bitlen(b->d, bn);
    if (la <= 53 && lb <= 53) {
        /* both exact as doubles: IEEE division is correctly rounded, as CPython's fast path */
        double x = (double)(a->d[0] | (an > 1 ? (uint64_t)a->d[1] << 32 : 0));
        double y = (double)(b->d[0] | (bn > 1 ? (uint64_t)b->d[1] << 32 : 0));
        *out = neg ? -(x / y) : x / y;
        return PYNC_MP_OK;
    }
    int64_t diff = la - lb; /* 2^(diff-1) < a/b < 2^(diff+1) */
    if (diff >= 1025) return PYNC_MP_EFLOAT;
    if (diff <= -1076) {
        *out = neg ? -0.0 : 0.0;
        return PYNC_MP_OK;
    }
    /* q = floor(a * 2^k / b) has 55 or 56 bits */
    int64_t k = 55 - diff;
    const dig *num = a->d, *den = b->d;
    size_t nn = an, dn = bn;
    dig *buf = pync_mp__scratch((k >= 0 ? an : bn) + (size_t)((k >= 0 ? k : -k) / 32) + 2);
    if (!buf) return PYNC_MP_ENOMEM;
    if (k >= 0) {
        nn = pync_mpn_norm(buf, shl_into(buf, a->d, an, (uint64_t)k));
        num = buf;
    } else {
        dn = pync_mpn_norm(buf, shl_into(buf, b->d, bn, (uint64_t)-k));
        den = buf;
    }
    dig qd[3] = {0, 0, 0}; /* nn - dn + 1 <= 3 */
    dig *rem = pync_mp__scratch(dn);
    if (!rem) return PYNC_MP_ENOMEM;
    if (nn < dn) return PYNC_MP_ENOMEM; /* cannot happen: q >= 2^54 */
    if (!pync_mpn_divrem(qd, rem, num, nn, den, dn)) return PYNC_MP_ENOMEM;
    uint64_t q = ((uint64_t)qd[1] << 32) | qd[0];
    bool sticky = pync_mpn_norm(rem, dn) != 0;
    return pync_mp__make_double(q, sticky, -k, neg, out);
}

/* ---- repeated reduction by one modulus ---------------------------------------------------- */

bool pync_mpn_modctx_init(pync_mpn_modctx *c, const dig *m, size_t n, size_t max_xn) {
    c->n = n;
    c->s = pync_mpn_clz(m[n - 1]);
    c->pad = 0;
    bool bz = n >= PYNC_MP_BZ_THRESHOLD && max_xn + 1 - n >= PYNC_MP_BZ_THRESHOLD;
    if (bz) {
        size_t k = 0, mm = n;
        while (mm > PYNC_MP_BZ_THRESHOLD) {
            mm = (mm + 1) / 2;
            k++;
        }
        c->pad = (mm << k) - n;
    }
    size_t vn = n + c->pad, un = max_xn + 1 + c->pad;
    dig *s = pync_mp__scratch(vn + un + (un - vn) + (bz ? bz_scratch(vn) : 0));
    if (!s) return false;
    c->v = s;
    c->u = s + vn;
    c->q = c->u + un;
    c->bzs = bz ? c->q + (un - vn) : NULL;
    pync_memset(c->v, 0, c->pad * sizeof(dig));
    if (c->s) pync_mpn_lshift(c->v + c->pad, m, n, c->s);
    else pync_memcpy(c->v + c->pad, m, n * sizeof(dig));
    c->m = m;
    return true;
}

void pync_mpn_modctx_reduce(const pync_mpn_modctx *c, dig *r, const dig *x, size_t xn) {
    size_t n = c->n;
    xn = pync_mpn_norm(x, xn);
    if (xn < n || (xn == n && pync_mpn_cmp(x, c->m, n) < 0)) {
        pync_memcpy(r, x, xn * sizeof(dig));
        pync_memset(r + xn, 0, (n - xn) * sizeof(dig));
        return;
    }
    if (n == 1) {
        r[0] = mod_1(x, xn, c->m[0]);
        return;
    }
    size_t pad = c->pad, un = xn + 1 + pad, vn = n + pad;
    dig *u = c->u;
    pync_memset(u, 0, pad * sizeof(dig));
    if (c->s) {
        u[un - 1] = pync_mpn_lshift(u + pad, x, xn, c->s);
    } else {
        pync_memcpy(u + pad, x, xn * sizeof(dig));
        u[un - 1] = 0;
    }
    if (c->bzs && un - vn >= PYNC_MP_BZ_THRESHOLD) {
        size_t pos = un - vn;
        while (pos > 0) {
            size_t k = pos >= vn ? vn : pos;
            pos -= k;
            if (k == vn) div_2n_1n(c->q + pos, u + pos, c->v, vn, c->bzs);
            else knuth_div(c->q + pos, u + pos, vn + k, c->v, vn, 0);
        }
    } else {
        knuth_div(c->q, u + pad, un - pad, c->v + pad, n, 0);
    }
    if (c->s) pync_mpn_rshift(r, u + pad, n, c->s);
    else pync_memcpy(r, u + pad, n * sizeof(dig));
}
