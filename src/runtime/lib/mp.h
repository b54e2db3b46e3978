/* mp.h — arbitrary-precision integers behind Python's int, with CPython 3.11's exact results.
 *
 * Freestanding C11: no libc, only clang's own headers and pync_lib.h. Values are immutable
 * sign-magnitude numbers in base 2^32. The library never frees: every result (and every
 * temporary) comes from pync_mp_alloc(), which the runtime implements on top of its garbage
 * collector. When the hook returns NULL, functions return NULL or PYNC_MP_ENOMEM; nothing crashes.
 *
 * Inputs are `const pync_mp *` and may point to short-lived stack values (see pync_mp_buf64);
 * results never alias inputs and the library keeps no pointer to any input.
 *
 * Conventions: functions that can only fail by running out of memory return `pync_mp *` (NULL
 * means MemoryError). Functions with other failure modes return a pync_mp_err and write their
 * result through an out-parameter, which is left untouched on failure. */
#ifndef PYNC_MP_H
#define PYNC_MP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t pync_digit; /* base 2^32, little-endian */

typedef struct pync_mp {
    int32_t size;     /* sign * number of digits; 0 for zero; no leading zero digits */
    pync_digit d[];
} pync_mp;

/* Implemented by the runtime (and by the test driver): returns storage for a pync_mp with room for
   `ndigits` digits (size field uninitialised), or NULL when memory is exhausted. */
pync_mp *pync_mp_alloc(size_t ndigits);

/* Error codes; the comment names the Python exception the caller raises. */
typedef enum pync_mp_err {
    PYNC_MP_OK = 0,
    PYNC_MP_ENOMEM,         /* MemoryError: the allocation hook returned NULL, or the result would
                               need more than INT32_MAX digits */
    PYNC_MP_EZERODIV,       /* ZeroDivisionError: "integer division or modulo by zero" (//, %, divmod)
                               or "division by zero" (/) */
    PYNC_MP_ENEGSHIFT,      /* ValueError: "negative shift count" */
    PYNC_MP_EFLOAT,         /* OverflowError: "int too large to convert to float" (to_double) or
                               "integer division result too large for a float" (truediv) */
    PYNC_MP_ENOTINVERTIBLE, /* ValueError: "base is not invertible for the given modulus" */
    PYNC_MP_EZEROMOD,       /* ValueError: "pow() 3rd argument cannot be 0" */
    PYNC_MP_ENEGEXP,        /* pow(a, b) with b < 0 and no modulus: not an error in Python, the
                               caller computes float(a) ** float(b) */
    PYNC_MP_ENEGSQRT,       /* ValueError: "isqrt() argument must be nonnegative" */
    PYNC_MP_EINVALID,       /* ValueError: "invalid literal for int() with base %d: %R" */
    PYNC_MP_EBASE,          /* ValueError: "int() base must be >= 2 and <= 36, or 0"; also an
                               unsupported output base for pync_mp_to_str */
    PYNC_MP_EDIGITLIMIT,    /* ValueError: "Exceeds the limit (%d digits) for integer string
                               conversion..." (sys.set_int_max_str_digits) */
    PYNC_MP_ETOOBIG,        /* OverflowError: "int too big to convert" (to_bytes) */
    PYNC_MP_ENEGUNSIGNED,   /* OverflowError: "can't convert negative int to unsigned" (to_bytes) */
    PYNC_MP_EBUFFER         /* the caller's output buffer is too small (a caller bug) */
} pync_mp_err;

/* A stack value for a machine integer, usable wherever a `const pync_mp *` is expected. */
typedef union pync_mp_buf64 {
    pync_mp mp;
    uint32_t words[3];
} pync_mp_buf64;

/* ---- construction ---------------------------------------------------------------------- */
/* Fills *buf with v and returns it as a pync_mp view (no allocation). */
const pync_mp *pync_mp_view_i64(pync_mp_buf64 *buf, int64_t v);
/* New int equal to v. */
pync_mp *pync_mp_from_i64(int64_t v);
/* New int equal to v. */
pync_mp *pync_mp_from_u64(uint64_t v);
/* int(x) for finite x: truncates toward zero. The caller rejects inf and nan. */
pync_mp *pync_mp_from_double(double x);
/* int.from_bytes(bytes[0:n], 'little' if little_endian else 'big', signed=is_signed). */
pync_mp *pync_mp_from_bytes(const uint8_t *bytes, size_t n, bool little_endian, bool is_signed);
/* int.to_bytes(n, ...) into out[0:n]: PYNC_MP_ETOOBIG or PYNC_MP_ENEGUNSIGNED on overflow. */
pync_mp_err pync_mp_to_bytes(const pync_mp *a, uint8_t *out, size_t n, bool little_endian,
                             bool is_signed);
/* A heap copy of a (e.g. of a stack view). */
pync_mp *pync_mp_copy(const pync_mp *a);

/* ---- queries and conversions ----------------------------------------------------------- */
/* -1, 0 or 1. */
int pync_mp_sign(const pync_mp *a);
/* a == 0. */
bool pync_mp_is_zero(const pync_mp *a);
/* -2^63 <= a < 2^63. */
bool pync_mp_fits_i64(const pync_mp *a);
/* a as int64 when it fits; otherwise the low 64 bits of its two's complement. */
int64_t pync_mp_to_i64(const pync_mp *a);
/* Stores a in *out and returns true when it fits in int64; returns false otherwise. */
bool pync_mp_get_i64(const pync_mp *a, int64_t *out);
/* int.bit_length(). */
uint64_t pync_mp_bit_length(const pync_mp *a);
/* int.bit_count(): number of one bits in |a|. */
uint64_t pync_mp_bit_count(const pync_mp *a);
/* float(a), correctly rounded half-even; PYNC_MP_EFLOAT when it rounds to >= 2^1024. */
pync_mp_err pync_mp_to_double(const pync_mp *a, double *out);
/* -1, 0 or 1 as a <, ==, > b. */
int pync_mp_cmp(const pync_mp *a, const pync_mp *b);
/* -1, 0 or 1 as a <, ==, > b. */
int pync_mp_cmp_i64(const pync_mp *a, int64_t b);
/* hash(a) as CPython on 64-bit builds: sign * (|a| mod (2^61 - 1)), with -1 mapped to -2. */
int64_t pync_mp_hash(const pync_mp *a);

/* ---- arithmetic (NULL only when out of memory) ----------------------------------------- */
pync_mp *pync_mp_add(const pync_mp *a, const pync_mp *b);    /* a + b */
pync_mp *pync_mp_sub(const pync_mp *a, const pync_mp *b);    /* a - b */
pync_mp *pync_mp_mul(const pync_mp *a, const pync_mp *b);    /* a * b (Karatsuba when large) */
pync_mp *pync_mp_neg(const pync_mp *a);                      /* -a */
pync_mp *pync_mp_abs(const pync_mp *a);                      /* abs(a) */
pync_mp *pync_mp_and(const pync_mp *a, const pync_mp *b);    /* a & b (two's complement) */
pync_mp *pync_mp_or(const pync_mp *a, const pync_mp *b);     /* a | b (two's complement) */
pync_mp *pync_mp_xor(const pync_mp *a, const pync_mp *b);    /* a ^ b (two's complement) */
pync_mp *pync_mp_invert(const pync_mp *a);                   /* ~a == -(a + 1) */
pync_mp *pync_mp_gcd(const pync_mp *a, const pync_mp *b);    /* math.gcd(a, b) >= 0 */

/* ---- arithmetic with domain errors ----------------------------------------------------- */
/* a // b (floor); PYNC_MP_EZERODIV when b == 0. */
pync_mp_err pync_mp_floordiv(pync_mp **q, const pync_mp *a, const pync_mp *b);
/* a % b (result has the sign of b); PYNC_MP_EZERODIV when b == 0. */
pync_mp_err pync_mp_mod(pync_mp **r, const pync_mp *a, const pync_mp *b);
/* divmod(a, b); PYNC_MP_EZERODIV when b == 0. */
pync_mp_err pync_mp_divmod(pync_mp **q, pync_mp **r, const pync_mp *a, const pync_mp *b);
/* a / b correctly rounded like CPython (-0.0 for negative underflow); PYNC_MP_EZERODIV, PYNC_MP_EFLOAT. */
pync_mp_err pync_mp_truediv(const pync_mp *a, const pync_mp *b, double *out);
/* a ** b for b >= 0; PYNC_MP_ENEGEXP when b < 0, PYNC_MP_ENOMEM when the result is too big. */
pync_mp_err pync_mp_pow(pync_mp **out, const pync_mp *a, const pync_mp *b);
/* pow(a, b, m) with Python semantics: result has the sign of m; b < 0 uses the inverse of a;
   PYNC_MP_EZEROMOD when m == 0, PYNC_MP_ENOTINVERTIBLE when the inverse does not exist. */
pync_mp_err pync_mp_powmod(pync_mp **out, const pync_mp *a, const pync_mp *b, const pync_mp *m);
/* math.isqrt(a); PYNC_MP_ENEGSQRT when a < 0. */
pync_mp_err pync_mp_isqrt(pync_mp **out, const pync_mp *a);
/* a << n; PYNC_MP_ENEGSHIFT when n < 0, PYNC_MP_ENOMEM when the result is too big. */
pync_mp_err pync_mp_lshift(pync_mp **out, const pync_mp *a, const pync_mp *n);
/* a << n for a machine count. */
pync_mp_err pync_mp_lshift_i64(pync_mp **out, const pync_mp *a, int64_t n);
/* a >> n (floor, so -1 for negative a and huge n); PYNC_MP_ENEGSHIFT when n < 0. */
pync_mp_err pync_mp_rshift(pync_mp **out, const pync_mp *a, const pync_mp *n);
/* a >> n for a machine count. */
pync_mp_err pync_mp_rshift_i64(pync_mp **out, const pync_mp *a, int64_t n);

/* ---- text ------------------------------------------------------------------------------ */
/* Upper bound on the characters pync_mp_to_str writes for base (sign and digits, no prefix):
   exact for power-of-two bases; for base 10 at most one more than needed (a few more only past a
   billion digits). 0 for an unsupported base. */
size_t pync_mp_to_str_bound(const pync_mp *a, unsigned base);
/* Writes '-' (if a < 0), then prefix (may be NULL, e.g. "0x"), then the digits of |a| in base
   2, 4, 8, 10, 16 or 32 (lowercase), into buf[0:cap] without a terminating NUL; *len gets the
   length. Base 10 is subquadratic for large values. cap must be at least
   pync_mp_to_str_bound(a, base) + strlen(prefix) (the digits are produced in place at full
   width), else PYNC_MP_EBUFFER. Other errors: PYNC_MP_EBASE, PYNC_MP_ENOMEM. */
pync_mp_err pync_mp_to_str(const pync_mp *a, unsigned base, const char *prefix, char *buf,
                           size_t cap, size_t *len);
/* Exact number of decimal digits of |a| (1 for zero) into *out; may allocate (PYNC_MP_ENOMEM). */
pync_mp_err pync_mp_decimal_digits(const pync_mp *a, size_t *out);
/* CPython 3.11's str()/repr() limit: PYNC_MP_EDIGITLIMIT when max_digits > 0 and |a| has more than
   max_digits decimal digits, else PYNC_MP_OK (or PYNC_MP_ENOMEM). Cheap unless close to the limit. */
pync_mp_err pync_mp_check_str_digits(const pync_mp *a, size_t max_digits);
/* int(s[0:len], base) with Python's rules: base 0 or 2..36, surrounding ASCII whitespace, sign,
   0x/0o/0b prefixes, single underscores between digits, no leading zeros for non-zero base-0
   decimals. The caller maps non-ASCII digits and spaces to ASCII first, as CPython does.
   Errors: PYNC_MP_EBASE, PYNC_MP_EINVALID, PYNC_MP_EDIGITLIMIT (only for bases that are not
   powers of two, when max_digits > 0 and the digit count exceeds it; *ndigits, if not NULL, gets
   that count for the message), PYNC_MP_ENOMEM. */
pync_mp_err pync_mp_from_str(pync_mp **out, const char *s, size_t len, int base, size_t max_digits,
                             size_t *ndigits);

/* ---- internals shared by the mp_*.c files (not part of the API) ------------------------ */
#ifdef PYNC_MP_INTERNAL
#include "pync_lib.h"

#ifndef PYNC_MP_KARATSUBA_THRESHOLD
#define PYNC_MP_KARATSUBA_THRESHOLD 40 /* digits of the smaller operand */
#endif
#ifndef PYNC_MP_KARATSUBA_SQR_THRESHOLD
#define PYNC_MP_KARATSUBA_SQR_THRESHOLD 64
#endif
#ifndef PYNC_MP_BZ_THRESHOLD
#define PYNC_MP_BZ_THRESHOLD 80 /* divisor and quotient digits before recursive division */
#endif
#ifndef PYNC_MP_STR_DC_THRESHOLD
#define PYNC_MP_STR_DC_THRESHOLD 60 /* digits before divide-and-conquer base conversion */
#endif

/* Largest number of digits of any value or temporary: INT32_MAX, but on 32-bit targets small enough
   (2^26 digits, 256 MiB) that every scratch-size computation (at most ~40 times an operand) fits. */
#define PYNC_MP_MAX_DIGITS (SIZE_MAX / 64 < (size_t)INT32_MAX ? SIZE_MAX / 64 : (size_t)INT32_MAX)

typedef pync_digit dig;

static inline size_t pync_mp__len(const pync_mp *a) { return (size_t)(a->size < 0 ? -(int64_t)a->size : a->size); }
static inline bool pync_mp__neg(const pync_mp *a) { return a->size < 0; }
static inline size_t pync_mpn_norm(const dig *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

/* Allocation helpers. */
pync_mp *pync_mp__new(size_t ndigits);                    /* NULL when too big or OOM */
dig *pync_mp__scratch(size_t ndigits);                    /* temporary digits, NULL on OOM */
pync_mp *pync_mp__finish(pync_mp *r, size_t n, bool neg); /* normalise length, set sign */
pync_mp *pync_mp__from_nat(const dig *a, size_t n, bool neg);

/* Natural-number ("mpn") kernels on little-endian digit arrays. Unless stated, r may equal a. */
dig pync_mpn_add(dig *r, const dig *a, size_t an, const dig *b, size_t bn); /* an >= bn; carry */
dig pync_mpn_sub(dig *r, const dig *a, size_t an, const dig *b, size_t bn); /* an >= bn; borrow */
dig pync_mpn_add_1(dig *r, const dig *a, size_t n, dig b);
dig pync_mpn_sub_1(dig *r, const dig *a, size_t n, dig b);
int pync_mpn_cmp(const dig *a, const dig *b, size_t n);
dig pync_mpn_mul_1(dig *r, const dig *a, size_t n, dig m);    /* r = a * m; returns the high digit */
dig pync_mpn_addmul_1(dig *r, const dig *a, size_t n, dig m); /* r += a * m; returns the carry */
dig pync_mpn_submul_1(dig *r, const dig *a, size_t n, dig m); /* r -= a * m; returns the borrow */
dig pync_mpn_lshift(dig *r, const dig *a, size_t n, unsigned s); /* 0 < s < 32; out bits returned; r >= a ok */
dig pync_mpn_rshift(dig *r, const dig *a, size_t n, unsigned s); /* 0 < s < 32; r <= a ok */
unsigned pync_mpn_clz(dig x);                                    /* x != 0 */
uint64_t pync_mpn_bitlen(const dig *a, size_t n);

/* r[0:an+bn] = a * b, an >= bn >= 1, r disjoint from a and b; scratch has
   pync_mpn_mul_scratch(an) digits (only needed when bn >= the Karatsuba threshold). */
void pync_mpn_mul(dig *r, const dig *a, size_t an, const dig *b, size_t bn, dig *scratch);
void pync_mpn_sqr(dig *r, const dig *a, size_t n, dig *scratch); /* r[0:2n] = a^2 */
size_t pync_mpn_mul_scratch(size_t an);
/* a * b with scratch from the hook; false on OOM. */
bool pync_mpn_mul_alloc(dig *r, const dig *a, size_t an, const dig *b, size_t bn);

/* Division: q[0:an-bn+1] = a / b, r[0:bn] = a % b, with an >= bn >= 1, b[bn-1] != 0. q and/or r
   may be NULL. No aliasing with a or b. Scratch from the hook; false on OOM. */
bool pync_mpn_divrem(dig *q, dig *r, const dig *a, size_t an, const dig *b, size_t bn);
dig pync_mpn_divrem_1(dig *q, const dig *a, size_t n, dig b); /* q may equal a; returns remainder */

/* Repeated reduction modulo m[0:n] (m[n-1] != 0) of values with at most max_xn digits, with all
   scratch allocated once by init (false on OOM). m must stay alive while the context is used. */
typedef struct pync_mpn_modctx {
    const dig *m;
    size_t n, pad;
    unsigned s;
    dig *v, *u, *q, *bzs;
} pync_mpn_modctx;
bool pync_mpn_modctx_init(pync_mpn_modctx *c, const dig *m, size_t n, size_t max_xn);
void pync_mpn_modctx_reduce(const pync_mpn_modctx *c, dig *r, const dig *x, size_t xn); /* r[0:n] = x mod m */

/* Rounds (q + f) * 2^exp2 (0 <= f < 1, f != 0 iff sticky; q != 0, and q >= 2^54 when sticky) to
   the nearest double, ties to even, subnormals included; PYNC_MP_EFLOAT at >= 2^1024. */
pync_mp_err pync_mp__make_double(uint64_t q, bool sticky, int64_t exp2, bool neg, double *out);

/* Natural power of ten table used by the decimal conversions: 10^(9 * 2^k). */
#endif /* PYNC_MP_INTERNAL */

#endif
