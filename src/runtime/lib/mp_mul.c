/* mp_mul.c — multiplication: schoolbook, Karatsuba (subtractive variant, so no carries out of
 * the half sums), dedicated squaring, and the unbalanced case cut into balanced pieces.
 * Scratch space is passed down explicitly, so a whole product costs one allocation. */
#define PYNC_MP_INTERNAL
#include "mp.h"

static void mul_basecase(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    r[an] = pync_mpn_mul_1(r, a, an, b[0]);
    for (size_t j = 1; j < bn; j++) r[an + j] = pync_mpn_addmul_1(r + j, a, an, b[j]);
}

static void sqr_basecase(dig *r, const dig *a, size_t n) {
    /* off-diagonal products once, doubled, plus the squares on the diagonal */
    pync_memset(r, 0, 2 * n * sizeof(dig));
    for (size_t i = 0; i + 1 < n; i++) r[n + i] = pync_mpn_addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
    r[2 * n - 1] = pync_mpn_lshift(r, r, 2 * n - 1, 1);
    uint64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t sq = (uint64_t)a[i] * a[i];
        c += (uint64_t)r[2 * i] + (dig)sq;
        r[2 * i] = (dig)c;
        c >>= 32;
        c += (uint64_t)r[2 * i + 1] + (dig)(sq >> 32);
        r[2 * i + 1] = (dig)c;
        c >>= 32;
    }
}

size_t pync_mpn_mul_scratch(size_t an) { return 8 * an + 512; }

/* |x - y| where x has n digits and y has m <= n digits (zero-extended) */
static bool absdiff_ext(dig *r, const dig *x, size_t n, const dig *y, size_t m) {
    size_t xn = pync_mpn_norm(x, n);
    if (xn > m) {
        pync_mpn_sub(r, x, n, y, m);
        return false;
    }
    int c = pync_mpn_cmp(x, y, m);
    if (c >= 0) {
        pync_mpn_sub(r, x, n, y, m);
        return false;
    }
    pync_mpn_sub(r, y, m, x, m);
    pync_memset(r + m, 0, (n - m) * sizeof(dig));
    return true;
}

/* r[0:2h+n1+m1] += the Karatsuba middle term, given z0 = r[0:2h], z2 = r[2h:...] and
   t = (sign ? -1 : 1) * |a0-a1| * |b1-b0| in t[0:2h]. u needs 2h+1 digits. */
static void kara_middle(dig *r, size_t h, size_t z2n, const dig *t, bool tneg, dig *u, size_t rn) {
    /* u = z0 + z2 + t */
    pync_memcpy(u, r, 2 * h * sizeof(dig));
    u[2 * h] = 0;
    pync_mpn_add(u, u, 2 * h + 1, r + 2 * h, z2n);
    if (tneg) pync_mpn_sub(u, u, 2 * h + 1, t, 2 * h);
    else pync_mpn_add(u, u, 2 * h + 1, t, 2 * h);
    /* r += u << h*32; u may reach past rn only with zero digits */
    size_t un = pync_mpn_norm(u, 2 * h + 1);
    size_t room = rn - h;
    if (un > room) un = room;
    pync_mpn_add(r + h, r + h, room, u, un);
}

void pync_mpn_mul(dig *r, const dig *a, size_t an, const dig *b, size_t bn, dig *scratch);

static void mul_unbalanced(dig *r, const dig *a, size_t an, const dig *b, size_t bn, dig *scratch) {
    /* an > bn: cut a into pieces of bn digits */
    dig *tmp = scratch;
    dig *sub = scratch + 2 * bn;
    pync_mpn_mul(r, a, bn, b, bn, sub);
    size_t done = bn;
    while (done < an) {
        size_t pn = an - done < bn ? an - done : bn;
        if (pn >= bn) pync_mpn_mul(tmp, a + done, pn, b, bn, sub);
        else pync_mpn_mul(tmp, b, bn, a + done, pn, sub);
        /* r[done : done+bn] currently holds the high part of the previous product */
        pync_memset(r + done + bn, 0, pn * sizeof(dig));
        pync_mpn_add(r + done, r + done, pn + bn, tmp, pn + bn);
        done += pn;
    }
}

void pync_mpn_mul(dig *r, const dig *a, size_t an, const dig *b, size_t bn, dig *scratch) {
    if (bn < PYNC_MP_KARATSUBA_THRESHOLD) {
        mul_basecase(r, a, an, b, bn);
        return;
    }
    if (a == b && an == bn) {
        pync_mpn_sqr(r, a, an, scratch);
        return;
    }
    size_t h = (an + 1) / 2;
    if (bn <= h) {
        mul_unbalanced(r, a, an, b, bn, scratch);
        return;
    }
    size_t n1 = an - h, m1 = bn - h; /* 1 <= n1, m1 <= h */
    dig *t = scratch, *da = scratch + 2 * h, *db = scratch + 3 * h, *sub = scratch + 4 * h + 2;
    bool sa = absdiff_ext(da, a, h, a + h, n1);  /* a0 - a1 */
    bool sb = absdiff_ext(db, b, h, b + h, m1);  /* b0 - b1 */
    pync_mpn_mul(t, da, h, db, h, sub);          /* (a0-a1)(b0-b1) */
    pync_mpn_mul(r, a, h, b, h, sub);            /* z0 */
    if (n1 >= m1) pync_mpn_mul(r + 2 * h, a + h, n1, b + h, m1, sub);
    else pync_mpn_mul(r + 2 * h, b + h, m1, a + h, n1, sub);
    /* middle = z0 + z2 - (a0-a1)(b0-b1) */
    kara_middle(r, h, n1 + m1, t, sa == sb, da, an + bn);
}

void pync_mpn_sqr(dig *r, const dig *a, size_t n, dig *scratch) {
    if (n < PYNC_MP_KARATSUBA_SQR_THRESHOLD) {
        sqr_basecase(r, a, n);
        return;
    }
    size_t h = (n + 1) / 2, n1 = n - h;
    dig *t = scratch, *da = scratch + 2 * h, *sub = scratch + 4 * h + 2;
    absdiff_ext(da, a, h, a + h, n1);
    pync_mpn_sqr(t, da, h, sub);
    pync_mpn_sqr(r, a, h, sub);
    pync_mpn_sqr(r + 2 * h, a + h, n1, sub);
    kara_middle(r, h, 2 * n1, t, true, da, 2 * n);
}

bool pync_mpn_mul_alloc(dig *r, const dig *a, size_t an, const dig *b, size_t bn) {
    if (an < bn) {
        const dig *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    dig *scratch = NULL;
    bool sq = a == b && an == bn;
    if (bn >= (sq ? PYNC_MP_KARATSUBA_SQR_THRESHOLD : PYNC_MP_KARATSUBA_THRESHOLD) ||
        (sq && bn >= PYNC_MP_KARATSUBA_THRESHOLD)) {
        scratch = pync_mp__scratch(pync_mpn_mul_scratch(an));
        if (!scratch) return false;
    }
    if (bn == 1) r[an] = pync_mpn_mul_1(r, a, an, b[0]);
    else pync_mpn_mul(r, a, an, b, bn, scratch);
    return true;
}

pync_mp *pync_mp_mul(const pync_mp *a, const pync_mp *b) {
    size_t an = pync_mp__len(a), bn = pync_mp__len(b);
    if (an == 0 || bn == 0) return pync_mp__new(0);
    pync_mp *r = pync_mp__new(an + bn);
    if (!r) return NULL;
    const dig *bd = b->d;
    if (an == bn && pync_mpn_cmp(a->d, bd, an) == 0) bd = a->d; /* squaring */
    if (!pync_mpn_mul_alloc(r->d, a->d, an, bd, bn)) return NULL;
    return pync_mp__finish(r, an + bn, pync_mp__neg(a) != pync_mp__neg(b));
}
