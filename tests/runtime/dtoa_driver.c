/* dtoa_driver.c — test driver for src/runtime/lib/dtoa*.c (hosted: uses libc for I/O and as a
 * second oracle).
 *
 *   dtoa_driver CASES          reads the tab-separated cases written by scripts/gen-dtoa-cases.py
 *                              and prints one result line per case (the expectation, the last
 *                              field of each line, is ignored here; the test compares).
 *   dtoa_driver --selfcheck N SEED
 *                              N random doubles checked against glibc, which is exact too:
 *                              shortest digits (searched with printf/strtod), 'e'/'f'/'g' with
 *                              random precisions and '#', strtod on random and halfway strings,
 *                              hex round trips. Prints mismatches, then "selfcheck: K failures". */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtoa.h"

static double from_bits(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t to_bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static size_t unhex(const char *h, char *out) {
    size_t n = 0;
    while (h[0] && h[1]) {
        unsigned v;
        sscanf(h, "%2x", &v);
        out[n++] = (char)v;
        h += 2;
    }
    return n;
}

static char *big_buf;
static size_t big_cap = 1 << 16;

static int run_cases(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    size_t cap = 1 << 20;
    char *line = malloc(cap);
    char *inbuf = malloc(cap);
    big_buf = malloc(big_cap);
    char *field[8];
    while (fgets(line, (int)cap, f)) {
        size_t len = strlen(line);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (len == 0 || line[0] == '#') continue;
        int nf = 0;
        char *p = line;
        field[nf++] = p;
        while ((p = strchr(p, '\t')) != NULL && nf < 8) {
            *p++ = 0;
            field[nf++] = p;
        }
        char kind = field[0][0];
        switch (kind) {
        case 'r': {
            char buf[32];
            pync_dtoa_repr(from_bits(strtoull(field[1], NULL, 16)), buf);
            puts(buf);
            break;
        }
        case 'f': {
            double x = from_bits(strtoull(field[1], NULL, 16));
            int type = field[2][0] == '-' ? 0 : field[2][0];
            int prec = atoi(field[3]);
            unsigned flags = (unsigned)atoi(field[4]);
            /* First a small buffer, to exercise the -1 / retry protocol. */
            char small[24];
            int n = pync_dtoa_format(x, type, prec, flags, small, sizeof small);
            int want = pync_dtoa_format_len(x, type, prec, flags);
            if (n >= 0) {
                if (n != want) printf("LENGTH MISMATCH %d %d\n", n, want);
                else puts(small);
            } else if (n == -1) {
                if (want < (int)sizeof small - 1) {
                    printf("SPURIOUS -1 (len %d)\n", want);
                    break;
                }
                if ((size_t)want + 1 > big_cap) {
                    big_cap = (size_t)want + 1;
                    big_buf = realloc(big_buf, big_cap);
                }
                if (pync_dtoa_format(x, type, prec, flags, big_buf, (size_t)want) != -1) {
                    puts("NO -1 FOR EXACT-LENGTH BUFFER");
                    break;
                }
                n = pync_dtoa_format(x, type, prec, flags, big_buf, (size_t)want + 1);
                if (n != want) printf("LENGTH MISMATCH %d %d\n", n, want);
                else puts(big_buf);
            } else {
                printf("ERR%d\n", n);
            }
            break;
        }
        case 'p':
        case 'l':
        case 'H': {
            size_t n = unhex(field[1], inbuf);
            double v = 0;
            int r = kind == 'p' ? pync_parse_float(inbuf, n, &v)
                    : kind == 'l' ? pync_parse_float_literal(inbuf, n, &v)
                                  : pync_double_fromhex(inbuf, n, &v);
            if (r == 0) printf("%016" PRIx64 "\n", to_bits(v));
            else puts(r == -2 ? "OVF" : "ERR");
            break;
        }
        case 'R': {
            double v = 0;
            int r = pync_round_double(from_bits(strtoull(field[1], NULL, 16)), atoi(field[2]), &v);
            if (r == 0) printf("%016" PRIx64 "\n", to_bits(v));
            else puts("OVF");
            break;
        }
        case 'h': {
            char buf[32];
            pync_double_hex(from_bits(strtoull(field[1], NULL, 16)), buf);
            puts(buf);
            break;
        }
        default:
            printf("UNKNOWN KIND %s\n", field[0]);
        }
    }
    fclose(f);
    free(line);
    free(inbuf);
    free(big_buf);
    return 0;
}

/* ---------------------------------------------------------------- self check against glibc */

static uint64_t rng_state;
static uint64_t rnd(void) { /* splitmix64 */
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static long failures;
static void fail(const char *what, double x, const char *got, const char *want) {
    if (failures++ < 20)
        printf("MISMATCH %s x=%016" PRIx64 " (%.17g): got '%s' want '%s'\n", what, to_bits(x), x, got,
               want);
}

/* Shortest round-trip digits of x > 0 by search: for each length the nearest decimal, or failing
   that its neighbour on x's side. Returns digits (no point) and decpt like pync_dtoa_digits. */
static int glibc_shortest(double x, char *dig, int *decpt) {
    char buf[64];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        char *e = strchr(buf, 'e');
        int exp10 = atoi(e + 1);
        uint64_t d = 0;
        for (char *q = buf; q < e; q++)
            if (*q >= '0' && *q <= '9') d = d * 10 + (uint64_t)(*q - '0');
        uint64_t cands[3] = {d, d - 1, d + 1};
        for (int c = 0; c < 3; c++) {
            uint64_t v = cands[c];
            if (v == 0) continue;
            char t[64];
            snprintf(t, sizeof t, "%" PRIu64 "e%d", v, exp10 - (p - 1));
            if (strtod(t, NULL) == x) {
                char ds[32];
                int n = snprintf(ds, sizeof ds, "%" PRIu64, v);
                int dp = exp10 - (p - 1) + n;
                while (n > 1 && ds[n - 1] == '0') n--;
                memcpy(dig, ds, (size_t)n);
                *decpt = dp;
                return n;
            }
        }
    }
    return 0;
}

/* Decimal string helpers for exact midpoints: fixed strings with 1100 fraction digits. */
#define FIX_FRAC 1100
static void fixed_of(double x, char *out) { snprintf(out, 1500, "%.*f", FIX_FRAC, x); }

/* a + b for equal-format nonnegative fixed strings "I.F" (same fraction length). */
static void fixed_add(const char *a, const char *b, char *out) {
    const char *pa = strchr(a, '.'), *pb = strchr(b, '.');
    size_t ia = (size_t)(pa - a), ib = (size_t)(pb - b);
    size_t il = (ia > ib ? ia : ib) + 1;
    char tmp[1500];
    size_t total = il + 1 + FIX_FRAC;
    int carry = 0;
    for (size_t k = 0; k < total; k++) {
        size_t pos = total - 1 - k;
        if (pos == il) {
            tmp[pos] = '.';
            continue;
        }
        int da = 0, db = 0;
        if (pos > il) {
            da = pa[1 + (pos - il - 1)] - '0';
            db = pb[1 + (pos - il - 1)] - '0';
        } else {
            size_t back = il - 1 - pos; /* 0 = units */
            if (back < ia) da = a[ia - 1 - back] - '0';
            if (back < ib) db = b[ib - 1 - back] - '0';
        }
        int s = da + db + carry;
        tmp[pos] = (char)('0' + s % 10);
        carry = s / 10;
    }
    tmp[total] = 0;
    strcpy(out, tmp);
}

static void fixed_half(char *s) {
    int rem = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') continue;
        int v = rem * 10 + (s[i] - '0');
        s[i] = (char)('0' + v / 2);
        rem = v % 2;
    }
    /* the halving of an exact binary value never needs a digit beyond FIX_FRAC here */
}

static void trim_fixed(char *s) {
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '0') s[--n] = 0;
    if (n > 0 && s[n - 1] == '.') s[--n] = 0;
}

static double random_double(void) {
    uint64_t r = rnd();
    switch (r % 8) {
    case 0: /* small integers and simple fractions */
        return (double)(int64_t)(rnd() % 2000001 - 1000000) / (double)(1u << (rnd() % 12));
    case 1: /* decimal-looking values */
        return (double)(rnd() % 1000000000) * pow(10.0, (double)((int)(rnd() % 40) - 20));
    case 2: /* subnormals */
        return from_bits(rnd() & UINT64_C(0x800fffffffffffff));
    case 3: /* [2^53, 2^66): midpoints are short integers, exact ties for the parser's fast path */
        return ldexp((double)((rnd() >> 11) | (UINT64_C(1) << 52)), 1 + (int)(rnd() % 13));
    default: {
        uint64_t b = rnd();
        if (((b >> 52) & 0x7ff) == 0x7ff) b ^= UINT64_C(0x0010000000000000);
        return from_bits(b);
    }
    }
}

static int selfcheck(long n, uint64_t seed) {
    rng_state = seed;
    char got[2048], want[2048], dig[PYNC_DTOA_DIGITS_MAX], gdig[32];
    static char fa[1500], fb[1500], fm[1500], t[1600];
    for (long i = 0; i < n; i++) {
        double x = random_double();
        double ax = fabs(x);
        /* shortest */
        if (ax != 0) {
            int dp, gdp;
            int nd = pync_dtoa_digits(x, 0, 0, dig, &dp);
            int gn = glibc_shortest(ax, gdig, &gdp);
            if (nd != gn || dp != gdp || memcmp(dig, gdig, (size_t)nd) != 0) {
                snprintf(got, sizeof got, "%.*s@%d", nd, dig, dp);
                snprintf(want, sizeof want, "%.*s@%d", gn, gdig, gdp);
                fail("shortest", x, got, want);
            }
            char r[32];
            pync_dtoa_repr(x, r);
            if (strtod(r, NULL) != x) fail("repr-roundtrip", x, r, "");
        }
        /* fixed precision */
        static const char types[] = "efgEFG";
        for (int k = 0; k < 2; k++) {
            char ty = types[rnd() % 6];
            int prec = (int)(rnd() % 8 == 0 ? rnd() % 130 : rnd() % 25);
            int alt = (int)(rnd() % 4 == 0);
            if ((ty == 'f' || ty == 'F') && fabs(x) > 1e200 && prec > 40) prec = 40;
            char fmt[16];
            snprintf(fmt, sizeof fmt, "%%%s.*%c", alt ? "#" : "", ty);
            snprintf(want, sizeof want, fmt, prec, x);
            if (alt && (ty == 'g' || ty == 'G')) {
                /* glibc drops the zeros of '%#g' when rounding carries into a new digit
                   ('%#.3g' of 999.7 gives '1.e+03'); build C's definition from %e and %f. */
                int p = prec == 0 ? 1 : prec;
                snprintf(want, sizeof want, "%.*e", p - 1, x);
                int xe = atoi(strchr(want, 'e') + 1);
                if (xe < -4 || xe >= p) snprintf(want, sizeof want, ty == 'g' ? "%#.*e" : "%#.*E", p - 1, x);
                else snprintf(want, sizeof want, "%#.*f", p - 1 - xe, x);
            }
            int r = pync_dtoa_format(x, ty, prec, alt ? PYNC_DTOA_ALT : 0, got, sizeof got);
            if (r < 0 || strcmp(got, want) != 0) {
                char what[32];
                snprintf(what, sizeof what, "format %c%s.%d", ty, alt ? "#" : "", prec);
                fail(what, x, r < 0 ? "(error)" : got, want);
            }
        }
        /* parsing: the %.17e form, perturbed, and exact midpoints */
        {
            double v;
            snprintf(t, sizeof t, "%.*e", (int)(rnd() % 25), x);
            if (rnd() % 2) { /* append random digits to the mantissa */
                char *e = strchr(t, 'e');
                char tail[64];
                strcpy(tail, e);
                int extra = (int)(rnd() % 30);
                for (int q = 0; q < extra; q++) e[q] = (char)('0' + rnd() % 10);
                strcpy(e + extra, tail);
            }
            double w = strtod(t, NULL);
            if (pync_parse_float(t, strlen(t), &v) != 0 || to_bits(v) != to_bits(w)) {
                snprintf(got, sizeof got, "%016" PRIx64, to_bits(v));
                snprintf(want, sizeof want, "%016" PRIx64, to_bits(w));
                fail(t, x, got, want);
            }
        }
        if (ax != 0 && ax < 1e300 && isfinite(nextafter(ax, INFINITY))) {
            double nx = nextafter(ax, INFINITY);
            fixed_of(ax, fa);
            fixed_of(nx - ax, fb);
            fixed_half(fb);
            fixed_add(fa, fb, fm);
            trim_fixed(fm);
            double v, w;
            /* exactly halfway, a hair above, a hair below */
            for (int variant = 0; variant < 3; variant++) {
                strcpy(t, fm);
                if (variant == 1) strcat(t, "000000000000000000001");
                if (variant == 2) {
                    size_t L = strlen(t); /* last digit is a 5 */
                    t[L - 1] = '4';
                    strcat(t, "99999999999999999999");
                }
                w = strtod(t, NULL);
                if (pync_parse_float(t, strlen(t), &v) != 0 || to_bits(v) != to_bits(w)) {
                    snprintf(got, sizeof got, "%016" PRIx64, to_bits(v));
                    snprintf(want, sizeof want, "%016" PRIx64, to_bits(w));
                    fail(variant == 0 ? "parse-half" : variant == 1 ? "parse-above" : "parse-below", ax,
                         got, want);
                }
            }
        }
        /* hex round trip */
        {
            char h[32];
            double v;
            pync_double_hex(x, h);
            if (pync_double_fromhex(h, strlen(h), &v) != 0 || to_bits(v) != to_bits(x))
                fail("hex", x, h, "");
            snprintf(want, sizeof want, "%a", x);
            if (pync_double_fromhex(want, strlen(want), &v) != 0 || to_bits(v) != to_bits(x))
                fail("fromhex(%a)", x, want, "");
        }
    }
    printf("selfcheck: %ld failures\n", failures);
    return failures != 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "--selfcheck") == 0)
        return selfcheck(atol(argv[2]), strtoull(argv[3], NULL, 0));
    if (argc == 2) return run_cases(argv[1]);
    fprintf(stderr, "usage: dtoa_driver CASES | dtoa_driver --selfcheck N SEED\n");
    return 2;
}
