/* dtoa_big.c — the exact paths: a fixed-size big natural number, the full decimal expansion of a
 * double (for fixed-precision formatting and round()), and correctly rounded decimal -> double.
 *
 * Sizes: a double is m * 2^e with m < 2^53 and -1074 <= e <= 971. Its exact decimal expansion is
 * the integer m * 5^-e (at most 2547 bits, 767 significant digits) or m << e (1024 bits). Parsing
 * keeps at most 800 significant digits plus a sticky digit and works on D * 2^a / 5^b with both
 * sides below ~2700 bits after alignment; BIG_LIMBS 32-bit limbs cover that with margin. */
#define PYNC_DTOA_INTERNAL
#include "dtoa.h"
#include "pync_lib.h"

#include <float.h>

#define BIG_LIMBS 96

typedef struct {
    int n; /* limbs in use; w[n-1] != 0 unless n == 0 */
    uint32_t w[BIG_LIMBS];
} big_t;

static void big_set_u64(big_t *b, uint64_t v) {
    b->n = 0;
    while (v != 0) {
        b->w[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static void big_copy(big_t *dst, const big_t *src) {
    dst->n = src->n;
    for (int i = 0; i < src->n; i++) dst->w[i] = src->w[i];
}

/* b = b * m + add */
static void big_muladd(big_t *b, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry != 0 && b->n < BIG_LIMBS) b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow5(big_t *b, int e) {
    static const uint32_t p5[14] = {1u,       5u,        25u,        125u,       625u,
                                    3125u,    15625u,    78125u,     390625u,    1953125u,
                                    9765625u, 48828125u, 244140625u, 1220703125u};
    while (e >= 13) {
        big_muladd(b, p5[13], 0);
        e -= 13;
    }
    if (e > 0) big_muladd(b, p5[e], 0);
}

static void big_shl(big_t *b, int bits) {
    if (b->n == 0 || bits <= 0) return;
    int limbs = bits / 32, s = bits % 32;
    int n = b->n;
    if (n + limbs + 1 > BIG_LIMBS) return; /* cannot happen within the documented bounds */
    if (s == 0) {
        for (int i = n - 1; i >= 0; i--) b->w[i + limbs] = b->w[i];
        b->w[n + limbs] = 0;
    } else {
        b->w[n + limbs] = b->w[n - 1] >> (32 - s);
        for (int i = n - 1; i > 0; i--) b->w[i + limbs] = (b->w[i] << s) | (b->w[i - 1] >> (32 - s));
        b->w[limbs] = b->w[0] << s;
    }
    for (int i = 0; i < limbs; i++) b->w[i] = 0;
    b->n = n + limbs + 1;
    while (b->n > 0 && b->w[b->n - 1] == 0) b->n--;
}

static void big_shr1(big_t *b) {
    for (int i = 0; i < b->n; i++) {
        uint32_t next = (i + 1 < b->n) ? b->w[i + 1] : 0;
        b->w[i] = (b->w[i] >> 1) | (next << 31);
    }
    while (b->n > 0 && b->w[b->n - 1] == 0) b->n--;
}

static int big_cmp(const big_t *a, const big_t *b) {
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--) {
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    }
    return 0;
}

/* a -= b, requires a >= b */
static void big_sub(big_t *a, const big_t *b) {
    uint32_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint32_t bi = i < b->n ? b->w[i] : 0;
        uint32_t ai = a->w[i];
        uint32_t d = ai - bi - borrow;
        borrow = (ai < bi || (ai == bi && borrow)) ? 1u : 0u;
        a->w[i] = d;
    }
    while (a->n > 0 && a->w[a->n - 1] == 0) a->n--;
}

/* Decimal conversion divides by a power of ten repeatedly. 64-bit targets divide a 64-bit
   (remainder, limb) pair by 10^9; 32-bit targets have no 64/32 division instruction (it would be a
   slow library call), so they divide 16-bit half-limbs by 10^4, which stays within 32 bits and
   compiles to multiplications. */
#if UINTPTR_MAX > 0xffffffffu
#define DEC_CHUNK_DIGITS 9
#define DEC_CHUNK 1000000000u
static uint32_t big_div_chunk(big_t *b) {
    uint64_t rem = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | b->w[i];
        uint32_t q = (uint32_t)(cur / DEC_CHUNK);
        rem = cur - (uint64_t)q * DEC_CHUNK;
        b->w[i] = q;
    }
    while (b->n > 0 && b->w[b->n - 1] == 0) b->n--;
    return (uint32_t)rem;
}
#else
#define DEC_CHUNK_DIGITS 4
#define DEC_CHUNK 10000u
static uint32_t big_div_chunk(big_t *b) {
    uint32_t rem = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        uint32_t hi = (rem << 16) | (b->w[i] >> 16);
        uint32_t qh = hi / DEC_CHUNK;
        rem = hi - qh * DEC_CHUNK;
        uint32_t lo = (rem << 16) | (b->w[i] & 0xffffu);
        uint32_t ql = lo / DEC_CHUNK;
        rem = lo - ql * DEC_CHUNK;
        b->w[i] = (qh << 16) | ql;
    }
    while (b->n > 0 && b->w[b->n - 1] == 0) b->n--;
    return rem;
}
#endif

static int big_bitlen(const big_t *b) {
    if (b->n == 0) return 0;
    uint32_t top = b->w[b->n - 1];
    int bits = 0;
    while (top != 0) {
        bits++;
        top >>= 1;
    }
    return (b->n - 1) * 32 + bits;
}

/* ------------------------------------------------------------------ exact digits */

int pync_dtoa__exact(uint64_t bits, char *dig, int *decpt) {
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    int e;
    if (bexp == 0) {
        e = -1074;
    } else {
        m |= UINT64_C(1) << 52;
        e = bexp - 1075;
    }
    if (m == 0) {
        dig[0] = '0';
        *decpt = 1;
        return 1;
    }
    while ((m & 1) == 0) {
        m >>= 1;
        e++;
    }
    big_t n;
    big_set_u64(&n, m);
    int dexp = 0; /* value = n * 10^dexp */
    if (e >= 0) {
        big_shl(&n, e);
    } else {
        big_mul_pow5(&n, -e);
        dexp = e;
    }
    /* Emit digits backwards from the end of dig, a chunk at a time. */
    int pos = PYNC_DTOA_DIGITS_MAX;
    while (n.n > 0) {
        uint32_t chunk = big_div_chunk(&n);
        if (n.n == 0) {
            while (chunk != 0) {
                dig[--pos] = (char)('0' + chunk % 10);
                chunk /= 10;
            }
        } else {
            for (int k = 0; k < DEC_CHUNK_DIGITS; k++) {
                dig[--pos] = (char)('0' + chunk % 10);
                chunk /= 10;
            }
        }
    }
    int len = PYNC_DTOA_DIGITS_MAX - pos;
    pync_memmove(dig, dig + pos, (size_t)len);
    *decpt = len + dexp;
    while (len > 1 && dig[len - 1] == '0') len--;
    return len;
}

/* ------------------------------------------------------------------ decimal -> double */

static uint64_t make_bits(uint64_t q, int e2) {
    /* q < 2^53 (or q < 2^52 only when e2 == -1074); value q * 2^e2 */
    if (q == 0) return 0;
    if (e2 > 971) return UINT64_C(0x7ff0000000000000);
    if (q < (UINT64_C(1) << 52)) return q; /* subnormal */
    return ((uint64_t)(e2 + 1075) << 52) | (q - (UINT64_C(1) << 52));
}

static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static uint64_t dbl_bits(double d) {
    uint64_t b;
    pync_memcpy(&b, &d, sizeof b);
    return b;
}

/* ---- fast path: one 64x125-bit product against the power-of-5 tables of dtoa_ryu.c ----
 * For D < 2^64 and 10^e within the tables, D * 10^e = P * 2^g + err with P = D * T, the table
 * entry T off from the exact scaled 5^|e| by less than one unit, so |err| < D < 2^64 in units of
 * P. P has at least 125 bits, so the bits below the rounding position number k >= 66; unless the
 * discarded part of P lies within 2^64 of the halfway point, rounding P gives the same double as
 * rounding the exact value (crossing any other boundary does not change the rounded result).
 * Returns false when undecided (the exact path then decides). */

#if defined(__SIZEOF_INT128__) && !defined(PYNC_DTOA_NO_INT128)
#define PYNC_HAVE_U128 1
__extension__ typedef unsigned __int128 u128;
#endif

static inline void mul_64x64(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi) {
#ifdef PYNC_HAVE_U128
    u128 p = (u128)a * b;
    *lo = (uint64_t)p;
    *hi = (uint64_t)(p >> 64);
#else
    uint64_t a_lo = (uint32_t)a, a_hi = a >> 32, b_lo = (uint32_t)b, b_hi = b >> 32;
    uint64_t p00 = a_lo * b_lo, p01 = a_lo * b_hi, p10 = a_hi * b_lo, p11 = a_hi * b_hi;
    uint64_t mid = p10 + (p00 >> 32);
    uint64_t mid2 = p01 + (uint32_t)mid;
    *lo = (mid2 << 32) | (uint32_t)p00;
    *hi = p11 + (mid >> 32) + (mid2 >> 32);
#endif
}

static int bitlen64(uint64_t v) {
    int n = 0;
    while (v != 0) {
        n++;
        v >>= 1;
    }
    return n;
}

static bool fast_d_pow10(uint64_t d, int e, uint64_t *bits) {
    if (d == 0) {
        *bits = 0;
        return true;
    }
    const uint64_t *t;
    int l5 = (int)(((uint32_t)(e < 0 ? -e : e) * 1217359u) >> 19) + 1; /* bitlen(5^|e|) */
    int g;
    if (e >= 0) {
        if (e >= PYNC_DTOA_POW5_SPLIT_LEN) return false;
        t = pync_dtoa__pow5_split[e];
        g = l5 - 125 + e;
    } else {
        if (-e >= PYNC_DTOA_POW5_INV_SPLIT_LEN) return false;
        t = pync_dtoa__pow5_inv_split[-e];
        g = -(l5 + 124) + e;
    }
    uint64_t w0, w1, w2, a_lo, a_hi, b_lo, b_hi;
    mul_64x64(d, t[0], &a_lo, &a_hi);
    mul_64x64(d, t[1], &b_lo, &b_hi);
    w0 = a_lo;
    w1 = a_hi + b_lo;
    w2 = b_hi + (w1 < a_hi ? 1 : 0);
    (void)w0;
    int pb = w2 != 0 ? 128 + bitlen64(w2) : 64 + bitlen64(w1);
    int e2 = g + pb - 53;
    if (e2 < -1074) e2 = -1074;
    int k = e2 - g; /* bits of P below the result's last place */
    if (k < 66 || k > 180) return false;
    /* a = (P >> 64) mod 2^(k-64), compared with h = 2^(k-65) (the halfway point, over 2^64) */
    int kb = k - 64; /* 2..116 */
    uint64_t a0 = w1, a1 = w2;
    if (kb < 64) {
        a0 &= (UINT64_C(1) << kb) - 1;
        a1 = 0;
    } else if (kb == 64) {
        a1 = 0;
    } else {
        a1 &= (UINT64_C(1) << (kb - 64)) - 1;
    }
    uint64_t h0 = kb - 1 < 64 ? UINT64_C(1) << (kb - 1) : 0;
    uint64_t h1 = kb - 1 < 64 ? 0 : UINT64_C(1) << (kb - 1 - 64);
    /* d = a - h as a two-word signed difference */
    uint64_t d0 = a0 - h0;
    uint64_t d1 = a1 - h1 - (a0 < h0 ? 1 : 0);
    bool d_neg = (int64_t)d1 < 0;
    if ((d1 == 0 && d0 <= 1) || (d1 == UINT64_MAX && d0 == UINT64_MAX)) return false; /* -1..1 */
    bool up = !d_neg;
    uint64_t mant;
    if (k < 128) {
        mant = (w1 >> (k - 64)) | (w2 << (128 - k));
    } else if (k == 128) {
        mant = w2;
    } else {
        mant = w2 >> (k - 128);
    }
    if (up) {
        mant++;
        if (mant == (UINT64_C(1) << 53)) {
            mant >>= 1;
            e2++;
        }
    }
    *bits = make_bits(mant, e2);
    return true;
}

uint64_t pync_dtoa__decimal_to_bits(const char *dig, int n, long dexp) {
    if (n <= 0) return 0;
    if (dexp > 310) return UINT64_C(0x7ff0000000000000);
    if (dexp < -324) return 0;
    long e = dexp - n; /* value = D * 10^e */

#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    if (n <= 15 && e >= -22 && e <= 22) {
        /* Clinger's fast path: D and 10^|e| are exact doubles, one correctly rounded operation
           (only where double expressions are evaluated in double precision). */
        uint64_t d = 0;
        for (int i = 0; i < n; i++) d = d * 10 + (uint64_t)(dig[i] - '0');
        double v = (double)d;
        v = e >= 0 ? v * exact_pow10[e] : v / exact_pow10[-e];
        return dbl_bits(v);
    }
#endif
    {
        /* D (or, for longer inputs, its first 19 digits and that plus one, which bracket it). */
        int m = n < 19 ? n : 19;
        uint64_t d = 0;
        for (int i = 0; i < m; i++) d = d * 10 + (uint64_t)(dig[i] - '0');
        long e19 = dexp - m;
        uint64_t lo_bits, hi_bits;
        if (e19 >= -400 && e19 <= 400 && fast_d_pow10(d, (int)e19, &lo_bits)) {
            if (m == n) return lo_bits;
            if (fast_d_pow10(d + 1, (int)e19, &hi_bits) && hi_bits == lo_bits) return lo_bits;
        }
    }

    big_t num, den;
    big_set_u64(&num, 0);
    int i = 0;
    while (i < n) {
        uint32_t chunk = 0, scale = 1;
        for (int k = 0; k < 9 && i < n; k++, i++) {
            chunk = chunk * 10 + (uint32_t)(dig[i] - '0');
            scale *= 10;
        }
        if (num.n == 0) {
            big_set_u64(&num, chunk);
        } else {
            big_muladd(&num, scale, chunk);
        }
    }
    big_set_u64(&den, 1);
    int b = (int)e; /* value = num / den * 2^b */
    if (e >= 0) {
        big_mul_pow5(&num, (int)e);
    } else {
        big_mul_pow5(&den, (int)-e);
    }
    int l = big_bitlen(&num) - big_bitlen(&den); /* num/den in (2^(l-1), 2^(l+1)) */
    int e2 = l + b - 53;
    if (e2 < -1074) e2 = -1074;
    if (e2 > 1100) return UINT64_C(0x7ff0000000000000);
    int shift = b - e2; /* q = floor(num * 2^shift / den) < 2^54 */
    if (shift >= 0) {
        big_shl(&num, shift);
    } else {
        big_shl(&den, -shift);
    }
    big_t dd;
    big_copy(&dd, &den);
    big_shl(&dd, 53);
    uint64_t q = 0;
    for (int k = 53; k >= 0; k--) {
        if (big_cmp(&num, &dd) >= 0) {
            big_sub(&num, &dd);
            q |= UINT64_C(1) << k;
        }
        big_shr1(&dd);
    }
    /* num is now the remainder, dd == den */
    bool up;
    if (q >= (UINT64_C(1) << 53)) {
        bool half = (q & 1) != 0;
        q >>= 1;
        e2++;
        up = half && (num.n != 0 || (q & 1) != 0);
    } else {
        big_shl(&num, 1);
        int c = big_cmp(&num, &den);
        up = c > 0 || (c == 0 && (q & 1) != 0);
    }
    if (up) {
        q++;
        if (q == (UINT64_C(1) << 53)) {
            q >>= 1;
            e2++;
        }
    }
    return make_bits(q, e2);
}
