/* mp_str.c — text conversion: str()/bin()/oct()/hex() digits, CPython 3.11's limit on decimal
 * digits, and int(text, base) with Python's grammar. Large decimal conversions divide and conquer
 * with the powers 10^(9 * 2^k), so they run at the speed of (recursive) division and Karatsuba
 * multiplication rather than quadratically. */
#define PYNC_MP_INTERNAL
#include "mp.h"

static const char DIGIT_CHARS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

#define LOG10_2_LO UINT64_C(1292913986) /* floor(log10(2) * 2^32) */
#define LOG10_2_HI UINT64_C(1292913987) /* ceil(log10(2) * 2^32) */
#define TEN9 1000000000u
#define MAX_LEVELS 40

static unsigned pow2_bits(unsigned base) {
    switch (base) {
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    case 16: return 4;
    case 32: return 5;
    default: return 0;
    }
}

/* floor(bits * c / 2^32) for bits < 2^40 */
static uint64_t scale32(uint64_t bits, uint64_t c) { return (bits >> 32) * c + (((bits & 0xffffffffu) * c) >> 32); }

/* bounds on the number of decimal digits of a value with `bits` bits */
static uint64_t dec_min(uint64_t bits) { return bits ? scale32(bits - 1, LOG10_2_LO) + 1 : 1; }
static uint64_t dec_max(uint64_t bits) { return bits ? scale32(bits, LOG10_2_HI) + 1 : 1; }

/* 10^(9 * 2^k) for k = 0..levels-1 */
typedef struct pow_table {
    const dig *d[MAX_LEVELS];
    size_t n[MAX_LEVELS];
    int levels;
} pow_table;

static const dig ten9_digit = TEN9;

static bool table_grow(pow_table *t, int levels) {
    if (t->levels == 0) {
        t->d[0] = &ten9_digit;
        t->n[0] = 1;
        t->levels = 1;
    }
    while (t->levels < levels && t->levels < MAX_LEVELS) {
        int k = t->levels;
        size_t n = t->n[k - 1];
        dig *r = pync_mp__scratch(2 * n);
        if (!r || !pync_mpn_mul_alloc(r, t->d[k - 1], n, t->d[k - 1], n)) return false;
        t->d[k] = r;
        t->n[k] = pync_mpn_norm(r, 2 * n);
        t->levels++;
    }
    return true;
}

static int cmp_nat(const dig *a, size_t an, const dig *b, size_t bn) {
    an = pync_mpn_norm(a, an);
    bn = pync_mpn_norm(b, bn);
    if (an != bn) return an < bn ? -1 : 1;
    return pync_mpn_cmp(a, b, an);
}

/* ---- output -------------------------------------------------------------------------------- */

size_t pync_mp_to_str_bound(const pync_mp *a, unsigned base) {
    uint64_t bits = pync_mp_bit_length(a);
    unsigned k = pow2_bits(base);
    uint64_t digits;
    if (k) digits = bits ? (bits + k - 1) / k : 1;
    else if (base == 10) digits = dec_max(bits);
    else return 0;
    return (size_t)digits + (a->size < 0);
}

/* x /= 10^9 in place, returning the remainder (the constant divisor becomes a multiplication) */
static dig div_ten9(dig *x, size_t n) {
    uint64_t rem = 0;
    while (n-- > 0) {
        uint64_t cur = (rem << 32) | x[n];
        x[n] = (dig)(cur / TEN9);
        rem = cur % TEN9;
    }
    return (dig)rem;
}

/* Writes exactly `width` decimal digits of x (destroyed), zero-padded, ending at end. */
static void dec_naive(dig *x, size_t xn, char *end, size_t width) {
    xn = pync_mpn_norm(x, xn);
    while (width > 0 && xn > 0) {
        dig r = div_ten9(x, xn);
        xn = pync_mpn_norm(x, xn);
        for (int j = 0; j < 9 && width > 0; j++, width--) {
            *--end = (char)('0' + r % 10);
            r /= 10;
        }
    }
    while (width-- > 0) *--end = '0';
}

static bool dec_rec(dig *x, size_t xn, char *end, size_t width, int k, const pow_table *t) {
    xn = pync_mpn_norm(x, xn);
    while (k >= 0 && ((uint64_t)9 << k) >= width) k--;
    if (k < 0 || xn <= PYNC_MP_STR_DC_THRESHOLD) {
        dec_naive(x, xn, end, width);
        return true;
    }
    size_t low = (size_t)9 << k, tn = t->n[k];
    if (cmp_nat(x, xn, t->d[k], tn) < 0) {
        pync_memset(end - width, '0', width - low);
        return dec_rec(x, xn, end, low, k - 1, t);
    }
    size_t qn = xn - tn + 1;
    dig *q = pync_mp__scratch(qn), *r = pync_mp__scratch(tn);
    if (!q || !r || !pync_mpn_divrem(q, r, x, xn, t->d[k], tn)) return false;
    if (!dec_rec(r, tn, end, low, k - 1, t)) return false;
    return dec_rec(q, qn, end - low, width - low, k - 1, t);
}

pync_mp_err pync_mp_to_str(const pync_mp *a, unsigned base, const char *prefix, char *buf,
                           size_t cap, size_t *len) {
    size_t bound = pync_mp_to_str_bound(a, base);
    if (bound == 0) return PYNC_MP_EBASE;
    size_t plen = prefix ? pync_strlen(prefix) : 0;
    if (cap < bound + plen) return PYNC_MP_EBUFFER;
    size_t pos = 0;
    if (a->size < 0) buf[pos++] = '-';
    pync_memcpy(buf + pos, prefix ? prefix : "", plen);
    pos += plen;
    char *p = buf + pos;
    size_t width = bound - (a->size < 0);
    size_t n = pync_mp__len(a);
    unsigned k = pow2_bits(base);
    if (k) {
        for (size_t i = 0; i < width; i++) {
            uint64_t bit = (uint64_t)(width - 1 - i) * k;
            size_t w = (size_t)(bit / 32);
            unsigned s = (unsigned)(bit % 32);
            uint64_t v = w < n ? a->d[w] >> s : 0;
            if (s + k > 32 && w + 1 < n) v |= (uint64_t)a->d[w + 1] << (32 - s);
            p[i] = DIGIT_CHARS[v & ((1u << k) - 1)];
        }
        *len = pos + width;
        return PYNC_MP_OK;
    }
    /* decimal */
    dig *x = pync_mp__scratch(n);
    if (!x) return PYNC_MP_ENOMEM;
    pync_memcpy(x, a->d, n * sizeof(dig));
    if (n <= PYNC_MP_STR_DC_THRESHOLD) {
        dec_naive(x, n, p + width, width);
    } else {
        pow_table t;
        t.levels = 0;
        int levels = 1;
        while (levels < MAX_LEVELS && ((uint64_t)9 << levels) < width) levels++;
        if (!table_grow(&t, levels)) return PYNC_MP_ENOMEM;
        if (!dec_rec(x, n, p + width, width, levels - 1, &t)) return PYNC_MP_ENOMEM;
    }
    size_t z = 0;
    while (z + 1 < width && p[z] == '0') z++;
    if (z) pync_memmove(p, p + z, width - z);
    *len = pos + width - z;
    return PYNC_MP_OK;
}

static int cmp_mag(const pync_mp *a, const pync_mp *b) {
    return cmp_nat(a->d, pync_mp__len(a), b->d, pync_mp__len(b));
}

static pync_mp_err pow10(pync_mp **out, uint64_t e) {
    pync_mp_buf64 tb, eb;
    return pync_mp_pow(out, pync_mp_view_i64(&tb, 10), pync_mp_view_i64(&eb, (int64_t)e));
}

pync_mp_err pync_mp_decimal_digits(const pync_mp *a, size_t *out) {
    uint64_t bits = pync_mp_bit_length(a);
    uint64_t lo = dec_min(bits), hi = dec_max(bits);
    if (lo != hi) {
        /* the answer is the smallest D in [lo, hi] with |a| < 10^D */
        pync_mp *p;
        pync_mp_err e = pow10(&p, lo);
        if (e != PYNC_MP_OK) return e;
        while (lo < hi && cmp_mag(a, p) >= 0) {
            pync_mp_buf64 tb;
            p = pync_mp_mul(p, pync_mp_view_i64(&tb, 10));
            if (!p) return PYNC_MP_ENOMEM;
            lo++;
        }
    }
    *out = (size_t)lo;
    return PYNC_MP_OK;
}

pync_mp_err pync_mp_check_str_digits(const pync_mp *a, size_t max_digits) {
    if (max_digits == 0) return PYNC_MP_OK;
    uint64_t bits = pync_mp_bit_length(a);
    if (dec_max(bits) <= max_digits) return PYNC_MP_OK;
    if (dec_min(bits) > max_digits) return PYNC_MP_EDIGITLIMIT;
    pync_mp *p;
    pync_mp_err e = pow10(&p, max_digits);
    if (e != PYNC_MP_OK) return e;
    return cmp_mag(a, p) >= 0 ? PYNC_MP_EDIGITLIMIT : PYNC_MP_OK;
}

/* ---- input --------------------------------------------------------------------------------- */

#define STR_DIGITS_CHECK_THRESHOLD 640 /* sys.int_info.str_digits_check_threshold */

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* value of limbs[0:cnt] (base 10^9, least significant first) into out (room for cnt + 3 digits);
   returns the length, or (size_t)-1 on OOM */
static size_t dec_limbs(dig *out, const dig *limbs, size_t cnt, pow_table *t) {
    if (cnt <= PYNC_MP_STR_DC_THRESHOLD) {
        size_t n = 0;
        for (size_t j = cnt; j-- > 0;) {
            dig c = pync_mpn_mul_1(out, out, n, TEN9);
            if (c) out[n++] = c;
            c = pync_mpn_add_1(out, out, n, limbs[j]); /* the limb itself when n == 0 */
            if (c) out[n++] = c;
        }
        return n;
    }
    int k = 0;
    while (((size_t)2 << k) < cnt) k++; /* 2^k < cnt <= 2^(k+1) */
    size_t low = (size_t)1 << k, high = cnt - low;
    if (!table_grow(t, k + 1)) return (size_t)-1;
    dig *h = pync_mp__scratch(high + 3), *l = pync_mp__scratch(low + 3);
    if (!h || !l) return (size_t)-1;
    size_t hn = dec_limbs(h, limbs + low, high, t);
    size_t ln = dec_limbs(l, limbs, low, t);
    if (hn == (size_t)-1 || ln == (size_t)-1) return (size_t)-1;
    if (hn == 0) {
        pync_memcpy(out, l, ln * sizeof(dig));
        return ln;
    }
    size_t tn = t->n[k], pn = hn + tn;
    if (!pync_mpn_mul_alloc(out, h, hn, t->d[k], tn)) return (size_t)-1;
    pn = pync_mpn_norm(out, pn);
    if (ln > pn) { /* cannot happen: the high part is nonzero */
        pync_memset(out + pn, 0, (ln - pn) * sizeof(dig));
        pn = ln;
    }
    dig c = pync_mpn_add(out, out, pn, l, ln);
    if (c) out[pn++] = c;
    return pn;
}

pync_mp_err pync_mp_from_str(pync_mp **out, const char *s, size_t len, int base, size_t max_digits,
                             size_t *ndigits) {
    if (base != 0 && (base < 2 || base > 36)) return PYNC_MP_EBASE;
    size_t i = 0;
    while (i < len && is_space(s[i])) i++;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    char c0 = i < len ? s[i] : 0, c1 = i + 1 < len ? s[i + 1] : 0;
    bool error_if_nonzero = false;
    if (base == 0) {
        if (c0 != '0') base = 10;
        else if (c1 == 'x' || c1 == 'X') base = 16;
        else if (c1 == 'o' || c1 == 'O') base = 8;
        else if (c1 == 'b' || c1 == 'B') base = 2;
        else {
            error_if_nonzero = true; /* old-style octal "010" is invalid, "000" is fine */
            base = 10;
        }
    }
    if (c0 == '0' && ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
                      (base == 2 && (c1 == 'b' || c1 == 'B')))) {
        i += 2;
        if (i < len && s[i] == '_') i++; /* one underscore may follow the prefix */
    }
    if (i < len && s[i] == '_') return PYNC_MP_EINVALID;
    size_t start = i, nd = 0;
    char prev = 0;
    while (i < len && (digit_value(s[i]) < base || s[i] == '_')) {
        if (s[i] == '_') {
            if (prev == '_') return PYNC_MP_EINVALID;
        } else {
            nd++;
        }
        prev = s[i++];
    }
    if (prev == '_') return PYNC_MP_EINVALID;
    size_t stop = i;
    unsigned k = pow2_bits((unsigned)base);
    if (!k && nd > STR_DIGITS_CHECK_THRESHOLD && max_digits > 0 && nd > max_digits) {
        if (ndigits) *ndigits = nd;
        return PYNC_MP_EDIGITLIMIT;
    }
    if (nd == 0) return PYNC_MP_EINVALID;
    while (i < len && is_space(s[i])) i++;
    if (i != len) return PYNC_MP_EINVALID;

    pync_mp *r;
    if (k) {
        uint64_t bits = (uint64_t)nd * k;
        if (bits / 32 + 1 > PYNC_MP_MAX_DIGITS) return PYNC_MP_ENOMEM;
        size_t n = (size_t)(bits / 32) + 1;
        r = pync_mp__new(n);
        if (!r) return PYNC_MP_ENOMEM;
        pync_memset(r->d, 0, n * sizeof(dig));
        uint64_t bit = 0;
        for (size_t j = stop; j-- > start;) {
            if (s[j] == '_') continue;
            dig v = (dig)digit_value(s[j]);
            size_t w = (size_t)(bit / 32);
            unsigned sh = (unsigned)(bit % 32);
            r->d[w] |= v << sh;
            if (sh + k > 32) r->d[w + 1] |= v >> (32 - sh);
            bit += k;
        }
        r = pync_mp__finish(r, n, neg);
    } else {
        unsigned bpc = 0; /* bits per character, rounded up */
        for (unsigned b = (unsigned)base - 1; b; b >>= 1) bpc++;
        uint64_t bits = (uint64_t)nd * bpc;
        if (bits / 32 + 4 > PYNC_MP_MAX_DIGITS) return PYNC_MP_ENOMEM;
        size_t cap = (size_t)(bits / 32) + 4;
        r = pync_mp__new(cap);
        if (!r) return PYNC_MP_ENOMEM;
        size_t n = 0;
        if (base == 10 && nd / 9 > PYNC_MP_STR_DC_THRESHOLD) {
            size_t cnt = (nd + 8) / 9;
            dig *limbs = pync_mp__scratch(cnt);
            if (!limbs) return PYNC_MP_ENOMEM;
            size_t li = 0, got = 0;
            dig acc = 0, mul = 1;
            for (size_t j = stop; j-- > start;) {
                if (s[j] == '_') continue;
                acc += (dig)(s[j] - '0') * mul;
                mul *= 10;
                if (++got == 9) {
                    limbs[li++] = acc;
                    acc = 0;
                    mul = 1;
                    got = 0;
                }
            }
            if (got) limbs[li++] = acc;
            pow_table t;
            t.levels = 0;
            dig *tmp = pync_mp__scratch(cnt + 3);
            if (!tmp) return PYNC_MP_ENOMEM;
            n = dec_limbs(tmp, limbs, cnt, &t);
            if (n == (size_t)-1) return PYNC_MP_ENOMEM;
            if (n > cap) return PYNC_MP_ENOMEM; /* cannot happen */
            pync_memcpy(r->d, tmp, n * sizeof(dig));
        } else {
            /* chunks of c characters: base^c fits a digit */
            unsigned c = 0;
            uint64_t bc = 1;
            while (bc * (unsigned)base <= 0xffffffffu) {
                bc *= (unsigned)base;
                c++;
            }
            dig chunk = 0, scale = 1;
            unsigned got = 0;
            for (size_t j = start; j < stop; j++) {
                if (s[j] == '_') continue;
                chunk = chunk * (dig)base + (dig)digit_value(s[j]);
                scale *= (dig)base;
                if (++got == c || nd == 1) {
                    dig carry = pync_mpn_mul_1(r->d, r->d, n, scale);
                    if (carry) r->d[n++] = carry;
                    carry = pync_mpn_add_1(r->d, r->d, n, chunk); /* the chunk itself when n == 0 */
                    if (carry) r->d[n++] = carry;
                    chunk = 0;
                    scale = 1;
                    got = 0;
                }
                nd--;
            }
        }
        r = pync_mp__finish(r, n, neg);
    }
    if (error_if_nonzero && r->size != 0) return PYNC_MP_EINVALID;
    *out = r;
    return PYNC_MP_OK;
}
