/* dtoa.c — the public entry points: CPython's float layout rules (repr, __format__, '%'),
 * float() parsing, round(x, n), float.hex()/fromhex(). The digit generation lives in
 * dtoa_ryu.c (shortest) and dtoa_big.c (exact); this file only decides which digits to ask for
 * and how to lay them out, following the rules of CPython 3.11's Python/pystrtod.c
 * (format_float_short), Objects/floatobject.c and Python/formatter_unicode.c. */
#define PYNC_DTOA_INTERNAL
#include "dtoa.h"
#include "pync_lib.h"

#define SIGN_BIT (UINT64_C(1) << 63)
#define EXP_MASK UINT64_C(0x7ff0000000000000)
#define FRAC_MASK UINT64_C(0x000fffffffffffff)
#define INF_BITS EXP_MASK
#define NAN_BITS UINT64_C(0x7ff8000000000000)

static uint64_t to_bits(double d) {
    uint64_t b;
    pync_memcpy(&b, &d, sizeof b);
    return b;
}

static double from_bits(uint64_t b) {
    double d;
    pync_memcpy(&d, &b, sizeof d);
    return d;
}

/* ------------------------------------------------------------------ digits */

int pync_dtoa_digits(double x, int mode, int ndigits, char *dig, int *decpt) {
    uint64_t bits = to_bits(x) & ~SIGN_BIT;
    if (bits == 0) {
        dig[0] = '0';
        *decpt = 1;
        return 1;
    }
    if (mode == 0) return pync_dtoa__shortest(bits, dig, decpt);

    int fast = pync_dtoa__fixed_fast(bits, mode, mode == 2 && ndigits < 1 ? 1 : ndigits, dig, decpt);
    if (fast >= 0) return fast;
    int n = pync_dtoa__exact(bits, dig, decpt);
    int64_t keep = mode == 2 ? (ndigits < 1 ? 1 : ndigits) : (int64_t)*decpt + ndigits;
    if (keep >= n) return n;
    if (keep < 0) {
        *decpt = -ndigits;
        return 0;
    }
    int k = (int)keep;
    char next = dig[k];
    bool up = next > '5' ||
              (next == '5' && (k + 1 < n || (k > 0 && ((dig[k - 1] - '0') & 1) != 0)));
    if (up) {
        int i = k - 1;
        while (i >= 0 && dig[i] == '9') i--;
        if (i < 0) {
            dig[0] = '1';
            *decpt += 1;
            return 1;
        }
        dig[i]++;
        return i + 1;
    }
    while (k > 0 && dig[k - 1] == '0') k--;
    if (k == 0) *decpt = -ndigits; /* mode 3 only: everything rounded away */
    return k;
}

/* ------------------------------------------------------------------ layout */

typedef struct {
    char *buf;
    size_t cap; /* bytes available for characters (NUL not included) */
    size_t len;
} out_t;

static void put(out_t *o, char c) {
    if (o->len < o->cap) o->buf[o->len] = c;
    o->len++;
}

static void put_rep(out_t *o, char c, int64_t n) {
    if (n > 0 && o->len >= o->cap) { /* only counting now: huge precisions stay cheap */
        o->len += (size_t)n;
        return;
    }
    for (; n > 0; n--) put(o, c);
}

static void put_str(out_t *o, const char *s, int64_t n) {
    for (int64_t i = 0; i < n; i++) put(o, s[i]);
}

static void put_exponent(out_t *o, char e, int exp) {
    put(o, e);
    put(o, exp < 0 ? '-' : '+');
    unsigned u = exp < 0 ? (unsigned)-exp : (unsigned)exp;
    char tmp[8];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (n < 2) tmp[n++] = '0';
    while (n > 0) put(o, tmp[--n]);
}

/* Returns 0, or -2 for an unknown type. */
static int format_into(double x, int type, int precision, unsigned flags, out_t *o) {
    bool upper = (flags & PYNC_DTOA_UPPER) != 0;
    bool alt = (flags & PYNC_DTOA_ALT) != 0;
    bool add_dot_0 = false, add_pct = false;
    char code;
    switch (type) {
    case 0:
        code = precision < 0 ? 'r' : 'g';
        add_dot_0 = true;
        break;
    case 'r':
    case 's':
        code = 'r';
        add_dot_0 = true;
        break;
    case 'e':
    case 'f':
    case 'g':
        code = (char)type;
        break;
    case 'E':
    case 'F':
    case 'G':
        code = (char)(type - 'A' + 'a');
        upper = true;
        break;
    case 'n':
        code = 'g';
        break;
    case '%':
        code = 'f';
        x = x * 100.0;
        add_pct = true;
        break;
    default:
        return -2;
    }
    if (code != 'r' && precision < 0) precision = 6;

    uint64_t bits = to_bits(x);
    bool neg = (bits & SIGN_BIT) != 0;
    char plus = (flags & PYNC_DTOA_SIGN_PLUS) ? '+' : (flags & PYNC_DTOA_SIGN_SPACE) ? ' ' : 0;

    if ((bits & EXP_MASK) == EXP_MASK) {
        bool is_nan = (bits & FRAC_MASK) != 0;
        if (neg && !is_nan) {
            put(o, '-');
        } else if (plus) {
            put(o, plus);
        }
        put_str(o, is_nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        if (add_pct) put(o, '%');
        return 0;
    }

    char dig[PYNC_DTOA_DIGITS_MAX];
    int decpt;
    int mode, nd = 0;
    switch (code) {
    case 'r':
        mode = 0;
        break;
    case 'e':
        mode = 2;
        if (precision < INT32_MAX) precision++;
        nd = precision;
        break;
    case 'f':
        mode = 3;
        nd = precision;
        break;
    default: /* 'g' */
        mode = 2;
        if (precision == 0) precision = 1;
        nd = precision;
        break;
    }
    int n = pync_dtoa_digits(x, mode, nd, dig, &decpt);
    if ((flags & PYNC_DTOA_NO_NEG_ZERO) && neg && (n == 0 || (n == 1 && dig[0] == '0'))) neg = false;

    /* The output is a window [vstart, vend) over the digit string extended with zeros on both
       sides, with the point after position dp (CPython's format_float_short). */
    int64_t dp = decpt, vend = n, exp = 0;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vend = precision;
        break;
    case 'f':
        vend = dp + precision;
        break;
    case 'g':
        if (dp <= -4 || dp > (add_dot_0 ? (int64_t)precision - 1 : (int64_t)precision)) use_exp = true;
        if (alt) vend = precision;
        break;
    default: /* 'r' */
        if (dp <= -4 || dp > 16) use_exp = true;
        break;
    }
    if (use_exp) {
        exp = dp - 1;
        dp = 1;
    }
    int64_t vstart = dp <= 0 ? dp - 1 : 0;
    if (!use_exp && add_dot_0) {
        if (vend < dp + 1) vend = dp + 1;
    } else {
        if (vend < dp) vend = dp;
    }

    if (neg) {
        put(o, '-');
    } else if (plus) {
        put(o, plus);
    }
    if (dp <= 0) {
        put_rep(o, '0', dp - vstart);
        put(o, '.');
        put_rep(o, '0', -dp);
    } else {
        put_rep(o, '0', -vstart);
    }
    if (dp > 0 && dp <= n) {
        put_str(o, dig, dp);
        put(o, '.');
        put_str(o, dig + dp, n - dp);
    } else {
        put_str(o, dig, n);
    }
    if (n < dp) {
        put_rep(o, '0', dp - n);
        put(o, '.');
        put_rep(o, '0', vend - dp);
    } else {
        put_rep(o, '0', vend - n);
    }
    /* Drop a trailing point unless '#'. The last character written is the point exactly when the
       window ends at the point. */
    if (!alt && vend == dp) o->len--;
    if (use_exp) put_exponent(o, upper ? 'E' : 'e', (int)exp);
    if (add_pct) put(o, '%');
    return 0;
}

int pync_dtoa_format(double x, int type, int precision, unsigned flags, char *buf, size_t cap) {
    if (cap == 0) return -1;
    out_t o = {buf, cap - 1, 0};
    int r = format_into(x, type, precision, flags, &o);
    if (r < 0) return r;
    if (o.len > cap - 1 || o.len > (size_t)INT32_MAX) return -1;
    buf[o.len] = '\0';
    return (int)o.len;
}

int pync_dtoa_format_len(double x, int type, int precision, unsigned flags) {
    out_t o = {0, 0, 0};
    int r = format_into(x, type, precision, flags, &o);
    if (r < 0) return r;
    return o.len > (size_t)INT32_MAX ? INT32_MAX : (int)o.len;
}

int pync_dtoa_repr(double x, char *buf) {
    return pync_dtoa_format(x, 'r', -1, 0, buf, PYNC_DTOA_REPR_BUFSIZE);
}

/* ------------------------------------------------------------------ parsing */

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

/* Underscores are allowed only between two digits (CPython checks this on the whole text). */
static bool underscores_ok(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '_' && (i == 0 || i + 1 == len || !is_digit(s[i - 1]) || !is_digit(s[i + 1])))
            return false;
    }
    return true;
}

#define MAX_SIG 800

/* Parses digits ['.' digits] [('e'|'E') [sign] digits] covering exactly [s, end), with '_' already
   validated. Returns 0 and the value's bits (no sign), or -1. */
static int parse_decimal(const char *s, const char *end, uint64_t *bits) {
    char dig[MAX_SIG + 2];
    int nd = 0;
    bool sticky = false, nonzero = false;
    int64_t dp = 0; /* value = 0.dig * 10^dp (before the exponent) */
    int64_t ndigits = 0;
    const char *p = s;
    for (; p < end && (is_digit(*p) || *p == '_'); p++) {
        if (*p == '_') continue;
        ndigits++;
        if (!nonzero && *p == '0') continue;
        nonzero = true;
        if (nd < MAX_SIG) {
            dig[nd++] = *p;
        } else if (*p != '0') {
            sticky = true;
        }
        if (dp < INT64_C(1) << 60) dp++;
    }
    if (p < end && *p == '.') {
        p++;
        for (; p < end && (is_digit(*p) || *p == '_'); p++) {
            if (*p == '_') continue;
            ndigits++;
            if (!nonzero && *p == '0') {
                if (dp > -(INT64_C(1) << 60)) dp--;
                continue;
            }
            nonzero = true;
            if (nd < MAX_SIG) {
                dig[nd++] = *p;
            } else if (*p != '0') {
                sticky = true;
            }
        }
    }
    if (ndigits == 0) return -1;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        bool eneg = false;
        if (p < end && (*p == '+' || *p == '-')) {
            eneg = *p == '-';
            p++;
        }
        if (p == end || !is_digit(*p)) return -1;
        int64_t ev = 0;
        for (; p < end && (is_digit(*p) || *p == '_'); p++) {
            if (*p == '_') continue;
            if (ev < INT64_C(1) << 40) ev = ev * 10 + (*p - '0');
        }
        dp += eneg ? -ev : ev;
    }
    if (p != end) return -1;
    if (sticky) dig[nd++] = '1';
    while (nd > 0 && dig[nd - 1] == '0') nd--;
    if (nd == 0) {
        *bits = 0;
        return 0;
    }
    if (dp > 100000) dp = 100000;
    if (dp < -100000) dp = -100000;
    *bits = pync_dtoa__decimal_to_bits(dig, nd, (long)dp);
    return 0;
}

static bool match_ci(const char *s, const char *end, const char *word) {
    size_t n = pync_strlen(word);
    if ((size_t)(end - s) != n) return false;
    for (size_t i = 0; i < n; i++) {
        if (lower(s[i]) != word[i]) return false;
    }
    return true;
}

int pync_parse_float(const char *s, size_t len, double *out) {
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    if (s == end) return -1;
    if (!underscores_ok(s, (size_t)(end - s))) return -1;
    uint64_t sign = 0;
    if (*s == '+' || *s == '-') {
        if (*s == '-') sign = SIGN_BIT;
        s++;
    }
    uint64_t bits;
    if (match_ci(s, end, "inf") || match_ci(s, end, "infinity")) {
        bits = INF_BITS;
    } else if (match_ci(s, end, "nan")) {
        bits = NAN_BITS;
    } else if (parse_decimal(s, end, &bits) != 0) {
        return -1;
    }
    *out = from_bits(bits | sign);
    return 0;
}

int pync_parse_float_literal(const char *s, size_t len, double *out) {
    if (len == 0 || !underscores_ok(s, len)) return -1;
    if (!is_digit(s[0]) && s[0] != '.') return -1;
    bool is_float = false; /* a float literal has a point or an exponent; '1' is an int */
    for (size_t i = 0; i < len; i++) is_float |= s[i] == '.' || s[i] == 'e' || s[i] == 'E';
    if (!is_float) return -1;
    uint64_t bits;
    if (parse_decimal(s, s + len, &bits) != 0) return -1;
    *out = from_bits(bits);
    return 0;
}

/* ------------------------------------------------------------------ round */

int pync_round_double(double x, int ndigits, double *out) {
    uint64_t bits = to_bits(x);
    uint64_t sign = bits & SIGN_BIT;
    if ((bits & EXP_MASK) == EXP_MASK || ndigits > 323) { /* (53 + 1021) * log10(2) */
        *out = x;
        return 0;
    }
    if (ndigits < -308) { /* -(1024 + 1) * log10(2) */
        *out = from_bits(sign);
        return 0;
    }
    char dig[PYNC_DTOA_DIGITS_MAX];
    int decpt;
    int n = pync_dtoa_digits(x, 3, ndigits, dig, &decpt);
    if (n == 0 || (n == 1 && dig[0] == '0')) {
        *out = from_bits(sign);
        return 0;
    }
    uint64_t r = pync_dtoa__decimal_to_bits(dig, n, decpt);
    if (r == INF_BITS) return -1;
    *out = from_bits(r | sign);
    return 0;
}

/* ------------------------------------------------------------------ hex */

int pync_double_hex(double x, char *buf) {
    uint64_t bits = to_bits(x);
    out_t o = {buf, PYNC_DTOA_REPR_BUFSIZE - 1, 0};
    if ((bits & EXP_MASK) == EXP_MASK) return pync_dtoa_repr(x, buf);
    if (bits & SIGN_BIT) put(&o, '-');
    uint64_t frac = bits & FRAC_MASK;
    int bexp = (int)((bits & EXP_MASK) >> 52);
    if (bexp == 0 && frac == 0) {
        put_str(&o, "0x0.0p+0", 8);
    } else {
        put_str(&o, bexp == 0 ? "0x0." : "0x1.", 4);
        for (int sh = 48; sh >= 0; sh -= 4) put(&o, "0123456789abcdef"[(frac >> sh) & 15]);
        int e = bexp == 0 ? -1022 : bexp - 1023;
        put(&o, 'p');
        put(&o, e < 0 ? '-' : '+');
        unsigned u = e < 0 ? (unsigned)-e : (unsigned)e;
        char tmp[6];
        int n = 0;
        do {
            tmp[n++] = (char)('0' + u % 10);
            u /= 10;
        } while (u != 0);
        while (n > 0) put(&o, tmp[--n]);
    }
    buf[o.len] = '\0';
    return (int)o.len;
}

static int hex_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* CPython's _Py_parse_inf_or_nan: sign, then 'inf', 'infinity' or 'nan' (any case), as a prefix.
   Returns the number of characters used (0 if none) and the bits. */
static size_t parse_inf_nan_prefix(const char *s, const char *end, uint64_t *bits) {
    const char *p = s;
    uint64_t sign = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        if (*p == '-') sign = SIGN_BIT;
        p++;
    }
    size_t avail = (size_t)(end - p);
    if (avail >= 3 && match_ci(p, p + 3, "inf")) {
        p += 3;
        if ((size_t)(end - p) >= 5 && match_ci(p, p + 5, "inity")) p += 5;
        *bits = INF_BITS | sign;
        return (size_t)(p - s);
    }
    if (avail >= 3 && match_ci(p, p + 3, "nan")) {
        *bits = NAN_BITS | sign;
        return (size_t)(p + 3 - s);
    }
    return 0;
}

int pync_double_fromhex(const char *s, size_t len, double *out) {
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    uint64_t bits = 0;
    size_t used = parse_inf_nan_prefix(s, end, &bits);
    if (used != 0) {
        s += used;
    } else {
        uint64_t sign = 0;
        if (s < end && (*s == '+' || *s == '-')) {
            if (*s == '-') sign = SIGN_BIT;
            s++;
        }
        if (end - s >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
        /* value = (mant + sticky) * 2^bexp */
        uint64_t mant = 0;
        int64_t bexp = 0;
        int sig = 0; /* significant hex digits held in mant */
        bool sticky = false;
        int64_t ndigits = 0;
        for (; s < end && hex_val(*s) >= 0; s++) {
            int v = hex_val(*s);
            ndigits++;
            if (sig == 0 && v == 0) continue;
            if (sig < 15) {
                mant = mant * 16 + (uint64_t)v;
                sig++;
            } else {
                sticky |= v != 0;
                if (bexp < INT64_C(1) << 50) bexp += 4;
            }
        }
        if (s < end && *s == '.') {
            s++;
            for (; s < end && hex_val(*s) >= 0; s++) {
                int v = hex_val(*s);
                ndigits++;
                if (sig == 0 && v == 0) {
                    if (bexp > -(INT64_C(1) << 50)) bexp -= 4;
                    continue;
                }
                if (sig < 15) {
                    mant = mant * 16 + (uint64_t)v;
                    sig++;
                    if (bexp > -(INT64_C(1) << 50)) bexp -= 4;
                } else {
                    sticky |= v != 0;
                }
            }
        }
        if (ndigits == 0) return -1;
        if (s < end && (*s == 'p' || *s == 'P')) {
            s++;
            bool eneg = false;
            if (s < end && (*s == '+' || *s == '-')) {
                eneg = *s == '-';
                s++;
            }
            if (s == end || !is_digit(*s)) return -1;
            int64_t ev = 0;
            for (; s < end && is_digit(*s); s++) {
                if (ev < INT64_C(1) << 50) ev = ev * 10 + (*s - '0');
            }
            bexp += eneg ? -ev : ev;
        }
        while (s < end && is_space(*s)) s++;
        bool bad_tail = s != end; /* CPython reports overflow before trailing junk */
        if (mant == 0) {
            bits = sign;
        } else {
            int top = 0;
            for (uint64_t t = mant; t != 0; t >>= 1) top++;
            int64_t top_exp = bexp + top; /* value < 2^top_exp */
            if (top_exp > 1024) return -2;
            int64_t lsb = (top_exp > -1021 ? top_exp : -1021) - 53;
            uint64_t q;
            if (bexp >= lsb) {
                q = mant << (bexp - lsb);
            } else {
                int64_t drop = lsb - bexp;
                bool half, rest;
                if (drop > 64) {
                    q = 0;
                    half = false;
                    rest = true;
                } else {
                    q = drop == 64 ? 0 : mant >> drop;
                    half = ((mant >> (drop - 1)) & 1) != 0;
                    rest = sticky || (drop >= 2 && (mant & ((UINT64_C(1) << (drop - 1)) - 1)) != 0);
                }
                if (half && (rest || (q & 1))) q++;
                if (q == (UINT64_C(1) << 53)) {
                    q >>= 1;
                    lsb++;
                }
            }
            if (lsb > 971) return -2;
            if (q == 0) {
                bits = sign;
            } else if (q < (UINT64_C(1) << 52)) {
                bits = sign | q;
            } else {
                bits = sign | ((uint64_t)(lsb + 1075) << 52) | (q - (UINT64_C(1) << 52));
            }
        }
        if (bad_tail) return -1;
        *out = from_bits(bits);
        return 0;
    }
    while (s < end && is_space(*s)) s++;
    if (s != end) return -1;
    *out = from_bits(bits);
    return 0;
}
