/* mp_driver.c — test driver for src/runtime/lib/mp*.c (hosted, uses libc).
 *
 * Reads one case per line on stdin and prints one result line per case. Integers are written in
 * hex with an optional '-' sign ("-1f", "0"); doubles as the 16 hex digits of their IEEE bits;
 * byte strings and texts as hex bytes ("-" for empty). Errors print as "ERR:<NAME>".
 *
 * A line prefixed with "oom " is run repeatedly with the allocation hook failing after
 * k = 0, 1, 2, ... allocations until it succeeds; every failing run must report ENOMEM (NULL),
 * and the final result is printed. The line "perf" runs the timing sanity checks.
 * Options: -v prints timings to stderr; -m gives every allocation its own malloc block (for
 * valgrind: writes past a result or scratch block become visible). */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/runtime/lib/mp.h"

/* ---- allocation hook: an arena freed after every case, with failure injection ------------ */

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} chunk;

static chunk *arena;
static int separate_blocks; /* -m: one malloc per allocation, so valgrind sees every block's bounds */
static void **blocks;
static size_t nblocks, blockcap;
static long fail_after = -1; /* allocations left before the hook fails; -1 = never */
static size_t alloc_calls;

pync_mp *pync_mp_alloc(size_t ndigits) {
    alloc_calls++;
    if (fail_after == 0) return NULL;
    if (fail_after > 0) fail_after--;
    size_t need = (sizeof(pync_mp) + ndigits * sizeof(pync_digit) + 15) & ~(size_t)15;
    if (separate_blocks) {
        if (nblocks == blockcap) {
            blockcap = blockcap ? 2 * blockcap : 1024;
            blocks = realloc(blocks, blockcap * sizeof *blocks);
        }
        /* exact size (no rounding), poisoned like arena memory */
        size_t exact = sizeof(pync_mp) + ndigits * sizeof(pync_digit);
        void *p = malloc(exact);
        memset(p, 0xa5, exact);
        return blocks[nblocks++] = p;
    }
    if (!arena || arena->cap - arena->used < need) {
        size_t cap = need > (16u << 20) ? need : (16u << 20);
        chunk *c = malloc(sizeof(chunk) + cap);
        if (!c) {
            fprintf(stderr, "driver: out of memory\n");
            exit(2);
        }
        c->next = arena;
        c->used = 0;
        c->cap = cap;
        arena = c;
    }
    void *p = arena->data + arena->used;
    arena->used += need;
    /* poison, so that reading uninitialised digits shows up as wrong answers */
    memset(p, 0xa5, need);
    return p;
}

static void arena_reset(void) {
    while (nblocks > 0) free(blocks[--nblocks]);
    while (arena) {
        chunk *n = arena->next;
        free(arena);
        arena = n;
    }
}

/* ---- parsing and printing --------------------------------------------------------------- */

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* parses a signed hex integer into a malloc'd pync_mp (independent of the library's parser) */
static pync_mp *parse_int(const char *s) {
    int neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    size_t len = strlen(s);
    size_t nd = len / 8 + 1;
    pync_mp *r = malloc(sizeof(pync_mp) + nd * sizeof(pync_digit));
    memset(r->d, 0, nd * sizeof(pync_digit));
    for (size_t i = 0; i < len; i++) {
        int v = hexval(s[len - 1 - i]);
        if (v < 0) {
            fprintf(stderr, "driver: bad hex '%s'\n", s);
            exit(2);
        }
        r->d[i / 8] |= (pync_digit)v << (4 * (i % 8));
    }
    while (nd > 0 && r->d[nd - 1] == 0) nd--;
    r->size = neg ? -(int32_t)nd : (int32_t)nd;
    return r;
}

static size_t parse_bytes(const char *s, unsigned char **out) {
    if (strcmp(s, "-") == 0) {
        *out = malloc(1);
        return 0;
    }
    size_t n = strlen(s) / 2;
    *out = malloc(n + 1);
    for (size_t i = 0; i < n; i++) (*out)[i] = (unsigned char)(hexval(s[2 * i]) * 16 + hexval(s[2 * i + 1]));
    return n;
}

static char *outbuf;
static size_t outcap, outlen;

static void out_reserve(size_t n) {
    if (outlen + n + 1 > outcap) {
        outcap = (outlen + n + 1) * 2;
        outbuf = realloc(outbuf, outcap);
    }
}

static void out_str(const char *s) {
    size_t n = strlen(s);
    out_reserve(n);
    memcpy(outbuf + outlen, s, n + 1);
    outlen += n;
}

static void out_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out_fmt(const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    out_str(tmp);
}

/* prints an integer in hex, by the driver's own code, validating the representation */
static void out_int(const pync_mp *a) {
    if (!a) {
        out_str("ERR:ENOMEM");
        return;
    }
    int32_t sz = a->size;
    size_t n = (size_t)(sz < 0 ? -(int64_t)sz : sz);
    if (n > 0 && a->d[n - 1] == 0) {
        out_str("BADREP(leading zero digit)");
        return;
    }
    if (n == 0) {
        out_str("0");
        return;
    }
    out_reserve(n * 8 + 2);
    if (sz < 0) out_str("-");
    out_fmt("%" PRIx32, a->d[n - 1]);
    for (size_t i = n - 1; i-- > 0;) out_fmt("%08" PRIx32, a->d[i]);
}

static const char *err_name(pync_mp_err e) {
    switch (e) {
    case PYNC_MP_OK: return "OK";
    case PYNC_MP_ENOMEM: return "ENOMEM";
    case PYNC_MP_EZERODIV: return "EZERODIV";
    case PYNC_MP_ENEGSHIFT: return "ENEGSHIFT";
    case PYNC_MP_EFLOAT: return "EFLOAT";
    case PYNC_MP_ENOTINVERTIBLE: return "ENOTINVERTIBLE";
    case PYNC_MP_EZEROMOD: return "EZEROMOD";
    case PYNC_MP_ENEGEXP: return "ENEGEXP";
    case PYNC_MP_ENEGSQRT: return "ENEGSQRT";
    case PYNC_MP_EINVALID: return "EINVALID";
    case PYNC_MP_EBASE: return "EBASE";
    case PYNC_MP_EDIGITLIMIT: return "EDIGITLIMIT";
    case PYNC_MP_ETOOBIG: return "ETOOBIG";
    case PYNC_MP_ENEGUNSIGNED: return "ENEGUNSIGNED";
    case PYNC_MP_EBUFFER: return "EBUFFER";
    }
    return "E?";
}

static void out_err(pync_mp_err e) {
    out_str("ERR:");
    out_str(err_name(e));
}

static void out_double(double x) {
    uint64_t u;
    memcpy(&u, &x, 8);
    out_fmt("%016" PRIx64, u);
}

static double parse_double(const char *s) {
    uint64_t u = strtoull(s, NULL, 16);
    double x;
    memcpy(&x, &u, 8);
    return x;
}

/* ---- cases ----------------------------------------------------------------------------- */

#define MAXARGS 8

static void run_case(char **av, int ac) {
    const char *op = av[0];
    pync_mp *A = ac > 1 && strcmp(op, "fromstr") && strcmp(op, "frombytes") && strcmp(op, "fromdbl") &&
                         strcmp(op, "i64") && strcmp(op, "u64") && strcmp(op, "view")
                     ? parse_int(av[1])
                     : NULL;
    pync_mp *B = NULL;
    pync_mp *r = NULL, *r2 = NULL;
    pync_mp_err e;
#define NEEDB() (B = parse_int(av[2]))
    if (!strcmp(op, "add")) out_int(pync_mp_add(A, NEEDB()));
    else if (!strcmp(op, "sub")) out_int(pync_mp_sub(A, NEEDB()));
    else if (!strcmp(op, "mul")) out_int(pync_mp_mul(A, NEEDB()));
    else if (!strcmp(op, "and")) out_int(pync_mp_and(A, NEEDB()));
    else if (!strcmp(op, "or")) out_int(pync_mp_or(A, NEEDB()));
    else if (!strcmp(op, "xor")) out_int(pync_mp_xor(A, NEEDB()));
    else if (!strcmp(op, "gcd")) out_int(pync_mp_gcd(A, NEEDB()));
    else if (!strcmp(op, "neg")) out_int(pync_mp_neg(A));
    else if (!strcmp(op, "abs")) out_int(pync_mp_abs(A));
    else if (!strcmp(op, "inv")) out_int(pync_mp_invert(A));
    else if (!strcmp(op, "copy")) out_int(pync_mp_copy(A));
    else if (!strcmp(op, "sqr")) out_int(pync_mp_mul(A, A));
    else if (!strcmp(op, "fdiv") || !strcmp(op, "mod") || !strcmp(op, "divmod")) {
        NEEDB();
        if (!strcmp(op, "fdiv")) e = pync_mp_floordiv(&r, A, B);
        else if (!strcmp(op, "mod")) e = pync_mp_mod(&r, A, B);
        else e = pync_mp_divmod(&r, &r2, A, B);
        if (e) out_err(e);
        else {
            out_int(r);
            if (r2) {
                out_str(" ");
                out_int(r2);
            }
        }
    } else if (!strcmp(op, "tdiv")) {
        double x;
        e = pync_mp_truediv(A, NEEDB(), &x);
        if (e) out_err(e);
        else out_double(x);
    } else if (!strcmp(op, "pow")) {
        e = pync_mp_pow(&r, A, NEEDB());
        if (e) out_err(e);
        else out_int(r);
    } else if (!strcmp(op, "powm")) {
        e = pync_mp_powmod(&r, A, NEEDB(), parse_int(av[3]));
        if (e) out_err(e);
        else out_int(r);
    } else if (!strcmp(op, "isqrt")) {
        e = pync_mp_isqrt(&r, A);
        if (e) out_err(e);
        else out_int(r);
    } else if (!strcmp(op, "lsh") || !strcmp(op, "rsh")) {
        NEEDB();
        e = !strcmp(op, "lsh") ? pync_mp_lshift(&r, A, B) : pync_mp_rshift(&r, A, B);
        if (e) out_err(e);
        else out_int(r);
    } else if (!strcmp(op, "lshi") || !strcmp(op, "rshi")) {
        int64_t n = strtoll(av[2], NULL, 10);
        e = !strcmp(op, "lshi") ? pync_mp_lshift_i64(&r, A, n) : pync_mp_rshift_i64(&r, A, n);
        if (e) out_err(e);
        else out_int(r);
    } else if (!strcmp(op, "cmp")) out_fmt("%d", pync_mp_cmp(A, NEEDB()));
    else if (!strcmp(op, "cmpi")) out_fmt("%d", pync_mp_cmp_i64(A, strtoll(av[2], NULL, 10)));
    else if (!strcmp(op, "hash")) out_fmt("%" PRId64, pync_mp_hash(A));
    else if (!strcmp(op, "bitlen")) out_fmt("%" PRIu64, pync_mp_bit_length(A));
    else if (!strcmp(op, "bitcnt")) out_fmt("%" PRIu64, pync_mp_bit_count(A));
    else if (!strcmp(op, "sign")) out_fmt("%d %d", pync_mp_sign(A), pync_mp_is_zero(A));
    else if (!strcmp(op, "toi64")) {
        int64_t v;
        if (pync_mp_get_i64(A, &v)) out_fmt("%" PRId64, v);
        else out_str("no");
        if (pync_mp_fits_i64(A) != (pync_mp_get_i64(A, &v))) out_str(" MISMATCH");
        out_fmt(" %" PRIx64, (uint64_t)pync_mp_to_i64(A));
    } else if (!strcmp(op, "todbl")) {
        double x;
        e = pync_mp_to_double(A, &x);
        if (e) out_err(e);
        else out_double(x);
    } else if (!strcmp(op, "fromdbl")) out_int(pync_mp_from_double(parse_double(av[1])));
    else if (!strcmp(op, "i64")) out_int(pync_mp_from_i64(strtoll(av[1], NULL, 10)));
    else if (!strcmp(op, "u64")) out_int(pync_mp_from_u64(strtoull(av[1], NULL, 10)));
    else if (!strcmp(op, "view")) {
        /* view OP a i64: arithmetic with a stack operand */
        pync_mp_buf64 buf;
        const pync_mp *V = pync_mp_view_i64(&buf, strtoll(av[3], NULL, 10));
        A = parse_int(av[2]);
        const char *o = av[1];
        if (!strcmp(o, "add")) out_int(pync_mp_add(A, V));
        else if (!strcmp(o, "sub")) out_int(pync_mp_sub(V, A));
        else if (!strcmp(o, "mul")) out_int(pync_mp_mul(A, V));
        else if (!strcmp(o, "fdiv") || !strcmp(o, "mod")) {
            e = !strcmp(o, "fdiv") ? pync_mp_floordiv(&r, A, V) : pync_mp_mod(&r, A, V);
            if (e) out_err(e);
            else out_int(r);
        } else out_str("BADOP");
    } else if (!strcmp(op, "tobytes")) {
        size_t n = strtoul(av[2], NULL, 10);
        unsigned char *buf = malloc(n + 1);
        e = pync_mp_to_bytes(A, buf, n, av[3][0] == 'l', av[4][0] == 's');
        if (e) out_err(e);
        else if (n == 0) out_str("-");
        else
            for (size_t i = 0; i < n; i++) out_fmt("%02x", buf[i]);
        free(buf);
    } else if (!strcmp(op, "frombytes")) {
        unsigned char *bytes;
        size_t n = parse_bytes(av[1], &bytes);
        out_int(pync_mp_from_bytes(bytes, n, av[2][0] == 'l', av[3][0] == 's'));
        free(bytes);
    } else if (!strcmp(op, "str")) {
        /* str a base [prefix] */
        unsigned base = (unsigned)strtoul(av[2], NULL, 10);
        const char *prefix = ac > 3 ? av[3] : NULL;
        size_t bound = pync_mp_to_str_bound(A, base);
        size_t cap = bound + (prefix ? strlen(prefix) : 0);
        char *buf = malloc(cap + 1);
        size_t len = 0;
        e = pync_mp_to_str(A, base, prefix, buf, cap, &len);
        if (e) out_err(e);
        else {
            buf[len] = 0;
            out_str(buf);
            if (base == 10 && len + 1 < cap) out_str(" LOOSEBOUND");
            if (cap > 0) {
                /* one byte too small must be refused cleanly */
                size_t l2;
                if (pync_mp_to_str(A, base, prefix, buf, cap - 1, &l2) != PYNC_MP_EBUFFER) out_str(" NOEBUFFER");
            }
        }
        free(buf);
    } else if (!strcmp(op, "ndig")) {
        size_t nd;
        e = pync_mp_decimal_digits(A, &nd);
        if (e) out_err(e);
        else out_fmt("%zu", nd);
    } else if (!strcmp(op, "chk")) {
        e = pync_mp_check_str_digits(A, strtoul(av[2], NULL, 10));
        out_str(e ? err_name(e) : "OK");
    } else if (!strcmp(op, "fromstr")) {
        /* fromstr base max_digits hexbytes */
        unsigned char *bytes;
        size_t n = parse_bytes(av[3], &bytes);
        size_t nd = 0;
        e = pync_mp_from_str(&r, (const char *)bytes, n, atoi(av[1]), strtoul(av[2], NULL, 10), &nd);
        if (e == PYNC_MP_EDIGITLIMIT) out_fmt("ERR:EDIGITLIMIT %zu", nd);
        else if (e) out_err(e);
        else out_int(r);
        free(bytes);
    } else {
        out_str("BADOP ");
        out_str(op);
    }
    free(A);
    free(B);
}

static void run_line(char *line) {
    char *av[MAXARGS];
    int ac = 0;
    for (char *t = strtok(line, " "); t && ac < MAXARGS; t = strtok(NULL, " ")) av[ac++] = t;
    if (ac == 0) return;
    outlen = 0;
    out_reserve(64);
    outbuf[0] = 0;
    run_case(av, ac);
}

static uint64_t perf_hash_str(const pync_mp *x) {
    size_t cap = pync_mp_to_str_bound(x, 10);
    char *buf = malloc(cap);
    size_t len;
    if (pync_mp_to_str(x, 10, NULL, buf, cap, &len) != PYNC_MP_OK) return 0;
    /* FNV-1a of the text */
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)buf[i]) * 1099511628211u;
    free(buf);
    return h ^ len;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void perf(int verbose) {
    pync_mp_buf64 b1, b2, b3;
    pync_mp *p3, *p7, *x, *y;
    pync_mp_pow(&p3, pync_mp_view_i64(&b1, 3), pync_mp_view_i64(&b2, 50000));
    pync_mp_pow(&p7, pync_mp_view_i64(&b1, 7), pync_mp_view_i64(&b2, 40000));
    double t0 = now();
    uint64_t hs = perf_hash_str(p3);
    double t1 = now();
    x = pync_mp_mul(p3, p7);
    double t2 = now();
    pync_mp *q, *r;
    pync_mp_divmod(&q, &r, x, p7);
    double t3 = now();
    /* str(3**100000) */
    pync_mp *big;
    pync_mp_pow(&big, pync_mp_view_i64(&b1, 3), pync_mp_view_i64(&b3, 100000));
    double t4 = now();
    uint64_t hb = perf_hash_str(big);
    double t5 = now();
    /* parse it back */
    size_t cap = pync_mp_to_str_bound(big, 10), len;
    char *buf = malloc(cap);
    pync_mp_to_str(big, 10, NULL, buf, cap, &len);
    double t6 = now();
    pync_mp_from_str(&y, buf, len, 10, 0, NULL);
    double t7 = now();
    free(buf);
    printf("%" PRIu64 " %" PRId64 " %" PRId64 " %d %" PRIu64 " %d\n", hs, pync_mp_hash(x), pync_mp_hash(q),
           pync_mp_sign(r), hb, pync_mp_cmp(y, big));
    if (verbose)
        fprintf(stderr,
                "perf: str(3**50000) %.1f ms; 3**50000 * 7**40000 %.2f ms; divmod by 7**40000 %.2f ms; "
                "str(3**100000) %.1f ms; int(str(3**100000)) %.1f ms\n",
                (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (t5 - t4) * 1e3, (t7 - t6) * 1e3);
}

int main(int argc, char **argv) {
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) verbose = 1;
        if (!strcmp(argv[i], "-m")) separate_blocks = 1;
    }
    static char line[1 << 20];
    static char copy[sizeof line];
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (!strcmp(line, "perf")) {
            perf(verbose);
            arena_reset();
            continue;
        }
        if (!strncmp(line, "oom ", 4)) {
            /* every run with a failing hook must fail cleanly; then the real answer */
            for (long k = 0;; k++) {
                memcpy(copy, line + 4, n - 3);
                fail_after = k;
                alloc_calls = 0;
                run_line(copy);
                fail_after = -1;
                arena_reset();
                int failed = strstr(outbuf, "ENOMEM") != NULL;
                if (!failed) break;
                if (k > 100000) {
                    strcpy(outbuf, "OOM-LOOP");
                    break;
                }
            }
        } else {
            run_line(line);
            arena_reset();
        }
        fputs(outbuf, stdout);
        fputc('\n', stdout);
    }
    return 0;
}
