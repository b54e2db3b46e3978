/* dtoa_ryu.c — shortest round-trip decimal digits of a double (repr), following the approach of
 * Ulf Adams' Ryu: scale the value and both ends of its rounding interval by a power of ten with one
 * 64x128-bit multiplication against a precomputed 125-bit power of five, then drop decimal digits
 * while the interval still holds a shorter number. Exactness is tracked for the rare cases where
 * the interval ends or the value itself are exact decimals (ties round half-even, which is what
 * CPython's dtoa mode 0 does: the shortest digits that round-trip, closest to the exact value).
 * Integer arithmetic only; 64x64->128 products use __int128 where the compiler has it, and a
 * portable 32-bit-halves version otherwise (forced with -DPYNC_DTOA_NO_INT128 for testing). */
#define PYNC_DTOA_INTERNAL
#include "dtoa.h"

#if defined(__SIZEOF_INT128__) && !defined(PYNC_DTOA_NO_INT128)
#define PYNC_HAVE_U128 1
__extension__ typedef unsigned __int128 u128;
#endif

/* floor(m * mul / 2^j) where mul is a 125-bit value {lo, hi}, m < 2^57, 64 < j < 128. */
static inline uint64_t mul_shift(uint64_t m, const uint64_t *mul, int j) {
#ifdef PYNC_HAVE_U128
    u128 b0 = (u128)m * mul[0];
    u128 b2 = (u128)m * mul[1];
    return (uint64_t)(((b0 >> 64) + b2) >> (j - 64));
#else
    /* m * lo: only the high word is needed; m * hi: both words. */
    uint64_t m_lo = (uint32_t)m, m_hi = m >> 32;
    uint64_t a_lo = (uint32_t)mul[0], a_hi = mul[0] >> 32;
    uint64_t p00 = m_lo * a_lo, p01 = m_lo * a_hi, p10 = m_hi * a_lo, p11 = m_hi * a_hi;
    uint64_t mid = p10 + (p00 >> 32);          /* < 2^64: (2^32-1)^2 + 2^32-1 */
    uint64_t mid2 = p01 + (uint32_t)mid;
    uint64_t hi0 = p11 + (mid >> 32) + (mid2 >> 32);

    uint64_t b_lo = (uint32_t)mul[1], b_hi = mul[1] >> 32;
    uint64_t q00 = m_lo * b_lo, q01 = m_lo * b_hi, q10 = m_hi * b_lo, q11 = m_hi * b_hi;
    uint64_t qmid = q10 + (q00 >> 32);
    uint64_t qmid2 = q01 + (uint32_t)qmid;
    uint64_t lo1 = (qmid2 << 32) | (uint32_t)q00;
    uint64_t hi1 = q11 + (qmid >> 32) + (qmid2 >> 32);

    uint64_t sum = hi0 + lo1;
    if (sum < hi0) hi1++;
    int d = j - 64; /* 0 < d < 64 */
    return (hi1 << (64 - d)) | (sum >> d);
#endif
}

/* Quotients of 64-bit values by 5 and 10. 32-bit targets have no 64-bit division instruction,
   so there the quotient comes from the high half of a product with 2^64 * 4/5 (rounded up),
   which is exact for every 64-bit input. */
#if UINTPTR_MAX > 0xffffffffu
static inline uint64_t div5(uint64_t x) { return x / 5; }
static inline uint64_t div10(uint64_t x) { return x / 10; }
#else
static inline uint64_t umulh(uint64_t a, uint64_t b) {
    uint64_t a_lo = (uint32_t)a, a_hi = a >> 32, b_lo = (uint32_t)b, b_hi = b >> 32;
    uint64_t p00 = a_lo * b_lo, p01 = a_lo * b_hi, p10 = a_hi * b_lo, p11 = a_hi * b_hi;
    uint64_t mid = p10 + (p00 >> 32);
    uint64_t mid2 = p01 + (uint32_t)mid;
    return p11 + (mid >> 32) + (mid2 >> 32);
}
static inline uint64_t div5(uint64_t x) { return umulh(x, UINT64_C(0xCCCCCCCCCCCCCCCD)) >> 2; }
static inline uint64_t div10(uint64_t x) { return umulh(x, UINT64_C(0xCCCCCCCCCCCCCCCD)) >> 3; }
#endif

/* ceil(log2(5^e)) for 1 <= e <= 3528, and 1 for e == 0 (the bit length of 5^e). */
static inline int pow5_bits(int e) { return (int)(((uint32_t)e * 1217359u) >> 19) + 1; }
/* floor(e * log10(2)) for 0 <= e <= 1650. */
static inline int log10_pow2(int e) { return (int)(((uint32_t)e * 78913u) >> 18); }
/* floor(e * log10(5)) for 0 <= e <= 2620. */
static inline int log10_pow5(int e) { return (int)(((uint32_t)e * 732923u) >> 20); }

static inline bool multiple_of_pow5(uint64_t v, int p) {
    int n = 0;
    while (v != 0) {
        uint64_t q = div5(v);
        if (v - 5 * q != 0) break;
        v = q;
        n++;
        if (n >= p) return true;
    }
    return n >= p;
}

static inline bool multiple_of_pow2(uint64_t v, int p) {
    return (v & ((UINT64_C(1) << p) - 1)) == 0;
}

int pync_dtoa__shortest(uint64_t bits, char *dig, int *decpt) {
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t m2;
    int e2;
    if (bexp == 0) {
        m2 = frac;
        e2 = 1 - 1023 - 52 - 2;
    } else {
        m2 = frac | (UINT64_C(1) << 52);
        e2 = bexp - 1023 - 52 - 2;
    }
    bool accept_bounds = (m2 & 1) == 0; /* round-half-even input: interval ends belong to x */
    /* The value and its interval, times 4: mv, mp = mv + 2, mm = mv - 1 - mm_shift (the gap below
       is half as wide at a power of two, except at the smallest normal exponent). */
    uint64_t mv = 4 * m2;
    int mm_shift = (frac != 0 || bexp <= 1) ? 1 : 0;

    uint64_t vr, vp, vm;
    int e10;
    bool vm_exact = false, vr_exact = false; /* "all digits dropped so far are zero" */

    if (e2 >= 0) {
        int q = log10_pow2(e2) - (e2 > 3);
        e10 = q;
        int k = 125 + pow5_bits(q) - 1;
        int i = -e2 + q + k;
        const uint64_t *mul = pync_dtoa__pow5_inv_split[q];
        vr = mul_shift(mv, mul, i);
        vp = mul_shift(mv + 2, mul, i);
        vm = mul_shift(mv - 1 - (uint64_t)mm_shift, mul, i);
        if (q <= 21) {
            /* Exact iff 5^q divides the scaled numerator; at most one of mv, mp, mm can. */
            if (mv % 5 == 0) {
                vr_exact = multiple_of_pow5(mv, q);
            } else if (accept_bounds) {
                vm_exact = multiple_of_pow5(mv - 1 - (uint64_t)mm_shift, q);
            } else {
                vp -= multiple_of_pow5(mv + 2, q) ? 1 : 0; /* exclusive upper end */
            }
        }
    } else {
        int q = log10_pow5(-e2) - (-e2 > 1);
        e10 = q + e2;
        int i = -e2 - q;
        int k = pow5_bits(i) - 125;
        int j = q - k;
        const uint64_t *mul = pync_dtoa__pow5_split[i];
        vr = mul_shift(mv, mul, j);
        vp = mul_shift(mv + 2, mul, j);
        vm = mul_shift(mv - 1 - (uint64_t)mm_shift, mul, j);
        /* Here the scaled values are floor(n * 5^i / 2^q): exact iff 2^q divides n. */
        if (q <= 1) {
            vr_exact = true; /* mv has two trailing zero bits */
            if (accept_bounds) {
                vm_exact = mm_shift == 1; /* mm = mv - 2 has one trailing zero bit */
            } else {
                vp--; /* mp = mv + 2 has one trailing zero bit: exact, and excluded */
            }
        } else if (q < 63) {
            vr_exact = multiple_of_pow2(mv, q);
        }
    }

    int removed = 0;
    int last_digit = 0;
    uint64_t out;
    if (vm_exact || vr_exact) {
        /* General case: track whether all removed digits were zero. */
        for (;;) {
            uint64_t vp10 = div10(vp), vm10 = div10(vm);
            if (vp10 <= vm10) break;
            uint64_t vr10 = div10(vr);
            vm_exact = vm_exact && vm - 10 * vm10 == 0;
            vr_exact = vr_exact && last_digit == 0;
            last_digit = (int)(vr - 10 * vr10);
            vr = vr10;
            vp = vp10;
            vm = vm10;
            removed++;
        }
        if (vm_exact) {
            /* The lower end is an exact, included decimal: drop its trailing zeros too. */
            for (;;) {
                uint64_t vm10 = div10(vm);
                if (vm - 10 * vm10 != 0) break;
                uint64_t vr10 = div10(vr);
                vr_exact = vr_exact && last_digit == 0;
                last_digit = (int)(vr - 10 * vr10);
                vr = vr10;
                vp = div10(vp);
                vm = vm10;
                removed++;
            }
        }
        if (vr_exact && last_digit == 5 && vr % 2 == 0) last_digit = 4; /* exact tie: to even */
        out = vr + (((vr == vm && (!accept_bounds || !vm_exact)) || last_digit >= 5) ? 1 : 0);
    } else {
        bool round_up = false;
        for (;;) {
            uint64_t vp10 = div10(vp), vm10 = div10(vm);
            if (vp10 <= vm10) break;
            uint64_t vr10 = div10(vr);
            round_up = vr - 10 * vr10 >= 5;
            vr = vr10;
            vp = vp10;
            vm = vm10;
            removed++;
        }
        out = vr + ((vr == vm || round_up) ? 1 : 0);
    }
    int exp10 = e10 + removed;

    char tmp[20];
    int n = 0;
    do {
        uint64_t q = div10(out);
        tmp[n++] = (char)('0' + (int)(out - 10 * q));
        out = q;
    } while (out != 0);
    /* Trailing zeros can remain when the loop stopped early (e.g. at integers): strip them. */
    int start = 0;
    while (start < n - 1 && tmp[start] == '0') {
        start++;
        exp10++;
    }
    int len = 0;
    for (int i = n - 1; i >= start; i--) dig[len++] = tmp[i];
    *decpt = exp10 + len;
    return len;
}

/* ---- fixed-precision fast path (printf-style digits, round-half-even on the exact value) ----
 * For at most 19 wanted digits, x * 10^k = m * 2^e * 5^k * 2^k is approximated by P * 2^-s with
 * P = m * T (T the 125-bit table entry for 5^|k|, off by less than one unit), so the error is
 * below m < 2^53 units of P while P keeps s >= 64 bits below the units digit. The rounding of
 * the approximation is that of the exact value unless the fraction lies within 2^55 of one half
 * (ties included); then, and whenever a bound does not hold, return -1 for the exact path. */

static uint64_t bits_at(const uint64_t w[3], int start, int count) { /* 0 < count <= 64 */
    int i = start / 64, o = start % 64;
    uint64_t v = w[i] >> o;
    if (o != 0 && i + 1 < 3) v |= w[i + 1] << (64 - o);
    if (count < 64) v &= (UINT64_C(1) << count) - 1;
    return v;
}

static bool bits_all(const uint64_t w[3], int lo, int hi, bool ones) { /* bits [lo, hi) */
    while (lo < hi) {
        int c = hi - lo < 64 ? hi - lo : 64;
        uint64_t want = ones ? (c == 64 ? UINT64_MAX : (UINT64_C(1) << c) - 1) : 0;
        if (bits_at(w, lo, c) != want) return false;
        lo += c;
    }
    return true;
}

static int bitlen_u64(uint64_t v) {
    int n = 0;
    while (v != 0) {
        n++;
        v >>= 1;
    }
    return n;
}

int pync_dtoa__fixed_fast(uint64_t bits, int mode, int nd, char *dig, int *decpt) {
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff), e;
    if (bexp == 0) {
        e = -1074;
    } else {
        m |= UINT64_C(1) << 52;
        e = bexp - 1075;
    }
    if (m == 0) return -1;
    int e_bin = bitlen_u64(m) - 1 + e; /* 2^e_bin <= x < 2^(e_bin+1) */
    /* est = floor(e_bin * log10(2)); floor(log10(x)) is est or est + 1 */
    int est = e_bin >= 0 ? log10_pow2(e_bin) : -log10_pow2(-e_bin) - 1;
    int k;
    if (mode == 2) {
        if (nd < 1 || nd > 19) return -1;
        k = nd - 1 - est;
    } else {
        if (nd > 400 || nd < -400) return -1;
        int sig = est + 1 + nd;
        if (sig < 1 || sig > 19) return -1;
        k = nd;
    }
    static const uint64_t pow10_19[20] = {
        UINT64_C(1),
        UINT64_C(10),
        UINT64_C(100),
        UINT64_C(1000),
        UINT64_C(10000),
        UINT64_C(100000),
        UINT64_C(1000000),
        UINT64_C(10000000),
        UINT64_C(100000000),
        UINT64_C(1000000000),
        UINT64_C(10000000000),
        UINT64_C(100000000000),
        UINT64_C(1000000000000),
        UINT64_C(10000000000000),
        UINT64_C(100000000000000),
        UINT64_C(1000000000000000),
        UINT64_C(10000000000000000),
        UINT64_C(100000000000000000),
        UINT64_C(1000000000000000000),
        UINT64_C(10000000000000000000),
    };
    for (int attempt = 0; attempt < 2; attempt++) {
        const uint64_t *t;
        int l5 = pow5_bits(k < 0 ? -k : k);
        int g;
        if (k >= 0) {
            if (k >= PYNC_DTOA_POW5_SPLIT_LEN) return -1;
            t = pync_dtoa__pow5_split[k];
            g = l5 - 125 + e + k;
        } else {
            if (-k >= PYNC_DTOA_POW5_INV_SPLIT_LEN) return -1;
            t = pync_dtoa__pow5_inv_split[-k];
            g = -(l5 + 124) + e + k;
        }
        int s = -g;
        if (s < 64 || s > 180) return -1;
        /* P = m * (t[1] * 2^64 + t[0]) as three words */
        uint64_t w[3];
        {
            uint64_t lo0, hi0, lo1, hi1;
#ifdef PYNC_HAVE_U128
            u128 p0 = (u128)m * t[0], p1 = (u128)m * t[1];
            lo0 = (uint64_t)p0;
            hi0 = (uint64_t)(p0 >> 64);
            lo1 = (uint64_t)p1;
            hi1 = (uint64_t)(p1 >> 64);
#else
            uint64_t m_lo = (uint32_t)m, m_hi = m >> 32;
            for (int h = 0; h < 2; h++) {
                uint64_t b_lo = (uint32_t)t[h], b_hi = t[h] >> 32;
                uint64_t p00 = m_lo * b_lo, p01 = m_lo * b_hi, p10 = m_hi * b_lo, p11 = m_hi * b_hi;
                uint64_t mid = p10 + (p00 >> 32);
                uint64_t mid2 = p01 + (uint32_t)mid;
                uint64_t lo = (mid2 << 32) | (uint32_t)p00;
                uint64_t hi = p11 + (mid >> 32) + (mid2 >> 32);
                if (h == 0) {
                    lo0 = lo;
                    hi0 = hi;
                } else {
                    lo1 = lo;
                    hi1 = hi;
                }
            }
#endif
            w[0] = lo0;
            w[1] = hi0 + lo1;
            w[2] = hi1 + (w[1] < hi0 ? 1 : 0);
        }
        int pb = w[2] != 0 ? 128 + bitlen_u64(w[2]) : w[1] != 0 ? 64 + bitlen_u64(w[1]) : bitlen_u64(w[0]);
        if (pb - s > 64) return -1;
        uint64_t n0 = pb > s ? bits_at(w, s, pb - s) : 0;
        if (n0 >= pow10_19[19]) return -1;
        if (mode == 2 && n0 >= pow10_19[nd]) { /* floor(log10(x)) was est + 1 */
            k--;
            continue;
        }
        if (n0 == 0) return -1;
        bool half_or_more = bits_at(w, s - 1, 1) != 0;
        if (bits_all(w, 55, s - 1, !half_or_more)) return -1; /* within 2^55 of one half */
        uint64_t n = n0 + (half_or_more ? 1 : 0);
        char tmp[24];
        int len = 0;
        do {
            uint64_t q = div10(n);
            tmp[len++] = (char)('0' + (int)(n - 10 * q));
            n = q;
        } while (n != 0);
        *decpt = len - k;
        int start = 0;
        while (start < len - 1 && tmp[start] == '0') start++;
        int out = 0;
        for (int i = len - 1; i >= start; i--) dig[out++] = tmp[i];
        return out;
    }
    return -1;
}
