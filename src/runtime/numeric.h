/* numeric.h — what the numeric types (int.c, float.c, complex.c), their formatting
 * (format_spec.c) and the math/random modules share, beyond pync.h and internal.h.
 *
 * Layouts: an int is a tagged small int, one of the static objects True/False (bool, value 1/0),
 * or a pync_long (sign-magnitude base-2^32 digits, lib/mp.h's pync_mp in place); instances of
 * int subclasses share pync_long's layout. float and complex instances (and instances of their
 * subclasses) hold their doubles right after the header:
 *
 *   pync_long     +------+------+--------+--------+---
 *                 | type | size | d[0]   | d[1]   | ...     size = sign * digit count
 *                 +------+------+--------+--------+---
 *   pync_float    | type | value (double) |
 *   pync_complex  | type | real (double) | imag (double) |
 *
 * The C library's math functions are declared here (the runtime includes no libc headers); they
 * come from libm on Linux and newlib on boards. */
#ifndef PYNC_NUMERIC_H
#define PYNC_NUMERIC_H

#include "pync.h"
#include "internal.h"
#include "lib/mp.h"

/* ---- the C library's math functions ------------------------------------------------------------ */

double pow(double, double);
double sqrt(double);
double exp(double);
double exp2(double);
double expm1(double);
double log(double);
double log2(double);
double log10(double);
double log1p(double);
double sin(double);
double cos(double);
double tan(double);
double asin(double);
double acos(double);
double atan(double);
double atan2(double, double);
double sinh(double);
double cosh(double);
double tanh(double);
double asinh(double);
double acosh(double);
double atanh(double);
double hypot(double, double);
double fmod(double, double);
double erf(double);
double erfc(double);
double cbrt(double);
double ldexp(double, int);
double nextafter(double, double);

/* Exact operations the compiler turns into instructions where the target has them. */
static inline double pync_fabs(double x) { return __builtin_fabs(x); }
static inline double pync_floor(double x) { return __builtin_floor(x); }
static inline double pync_ceil(double x) { return __builtin_ceil(x); }
static inline double pync_trunc(double x) { return __builtin_trunc(x); }
static inline double pync_copysign(double x, double y) { return __builtin_copysign(x, y); }
static inline bool pync_isnan(double x) { return x != x; }
static inline bool pync_isinf(double x) { return x == __builtin_inf() || x == -__builtin_inf(); }
static inline bool pync_isfinite(double x) { return !pync_isnan(x) && !pync_isinf(x); }
#define PYNC_INF __builtin_inf()
#define PYNC_NAN __builtin_nan("")
static inline uint64_t pync_double_bits(double x) {
    uint64_t b;
    pync_memcpy(&b, &x, sizeof b);
    return b;
}
static inline double pync_bits_double(uint64_t b) {
    double x;
    pync_memcpy(&x, &b, sizeof x);
    return x;
}
/* C's round(): half away from zero, exactly. */
static inline double pync_round_half_away(double x) {
    double t = pync_trunc(x);
    if (pync_fabs(x - t) >= 0.5) t += pync_copysign(1.0, x);
    return t;
}
/* frexp without the C library: x = m * 2**e with 0.5 <= |m| < 1 (x finite and nonzero). */
double pync_frexp(double x, int *e);

/* ---- int (int.c) ---------------------------------------------------------------------------------- */

/* int, bool, or an instance of an int subclass. */
static inline bool pync_is_int(pv v) {
    if (pv_is_small(v)) return true;
    const pync_type *t = pv_obj(v)->type;
    return t == &pync_int_type || t == &pync_bool_type || (t->flags & PYNC_TF_INT_SUBCLASS);
}
/* The value of an int-like v as an mp view (buf holds small values). */
const pync_mp *pync_int_mp(pv v, pync_mp_buf64 *buf);
/* An int from an mp result; NULL means out of memory (raises MemoryError if nothing is set). */
pv pync_int_wrap(pync_mp *m);
/* Raises the exception an mp error code stands for; `zerodiv` is the ZeroDivisionError text. */
pv pync_mp_error(pync_mp_err e, const char *zerodiv);
/* float(v) for an int-like value with CPython's OverflowError. 0 or -1. */
int pync_int_to_double(pv v, double *out);
/* The plain int with v's value (int subclasses and bools become int). */
pv pync_int_exact(pv v);
/* int → str in base 2, 8, 10, 16 with an optional prefix ("0x"); base 10 honours the
   sys.set_int_max_str_digits limit. */
pv pync_int_to_base(pv v, int base, const char *prefix);
/* divmod(a, b) with CPython's per-type results and messages (int: "integer division or modulo by
   zero"; float: "float divmod()"), then __divmod__/__rdivmod__; and pow(a, b, m) (CPython's
   ternary_op over int/float/complex, "pow() 3rd argument not allowed unless all arguments are
   integers", "complex modulo"). For builtins.c. */
pv pync_number_divmod(pv a, pv b);
pv pync_int_powmod(pv a, pv b, pv m);
pv pync_number_pow3(pv a, pv b, pv m);
/* abs(), round(x[, n]) of any number, as the builtins do them (through __abs__/__round__ for
   other types). */
pv pync_number_abs(pv v);
pv pync_number_round(pv v, pv ndigits /* 0: absent */);
/* The current limit for int<->str conversions in decimal: sys.set_int_max_str_digits sets it
   (default 4300; 0 disables it). */
extern int64_t pync_int_max_str_digits;
/* Maps non-ASCII decimal digits to ASCII and Unicode white space to ' ' (other non-ASCII
   characters to '?'), as CPython does before parsing numbers; returns a rawbuf (NUL-terminated)
   and its length in *len, or NULL (MemoryError). */
pync_rawbuf *pync_numeric_ascii(pv str, size_t *len);
/* The bytes of a bytes/bytearray object (copied into a rawbuf); NULL with TypeError if v is
   not one. */
pync_rawbuf *pync_bytes_copy(pv v, size_t *len);
bool pync_is_bytes_like(pv v);

/* ---- float (float.c) ------------------------------------------------------------------------------- */

static inline bool pync_is_float(pv v) {
    if (pv_is_small(v)) return false;
    const pync_type *t = pv_obj(v)->type;
    return t == &pync_float_type || (t != &pync_int_type && pync_is_subtype(t, &pync_float_type));
}
/* float ** float as CPython's float_pow (libm pow with its special cases); negative bases with
   fractional exponents give complex results. */
pv pync_float_pow_values(double x, double y);
/* The same on doubles: 0 (*out set), -1 (raised), 1 (the answer is complex). */
int pync_float_pow_d(double x, double y, double *out);
/* x % y and (x // y, x % y) of floats as CPython computes them (y != 0). */
double pync_float_mod_d(double x, double y);
void pync_float_div_mod_d(double x, double y, double *floordiv, double *mod);
/* a float from a finite double's floor/ceil/trunc as an int (raises for inf/nan) */
pv pync_float_floor_int(double x);
pv pync_float_ceil_int(double x);
/* A new instance of float or of a subclass of it. */
pv pync_float_new_of(const pync_type *type, double v);
/* divmod() of two reals (float's slot: "float divmod()") */
pv pync_float_divmod(pv a, pv b);

/* ---- complex (complex.c) --------------------------------------------------------------------------- */

typedef struct pync_complex {
    pync_object ob;
    double real, imag;
} pync_complex;
static inline bool pync_is_complex(pv v) {
    if (pv_is_small(v)) return false;
    const pync_type *t = pv_obj(v)->type;
    return t == &pync_complex_type || (t != &pync_int_type && pync_is_subtype(t, &pync_complex_type));
}
/* The length of a complex part's 'r'-mode text without lib/dtoa's added ".0". */
size_t pync_complex_strip_dot0(const char *t, size_t n, bool alt);
/* complex ** complex (CPython's complex_pow, without a modulus). */
pv pync_complex_pow_values(double ar, double ai, double br, double bi);

/* ---- formatting (format_spec.c) ---------------------------------------------------------------------- */

/* pync_format_spec_parse with the type whose value is formatted (for the error messages),
   its default presentation type and default alignment. */
int pync_format_spec_parse_for(pv spec, const char *type_name, char default_type, pync_format_spec *out);
pv pync_int_format(pv self, pv spec);
pv pync_float_format(pv self, pv spec);
pv pync_complex_format(pv self, pv spec);
/* repr of a double (CPython's float repr) as a str */
pv pync_float_repr_str(double v);

/* ---- small helpers ------------------------------------------------------------------------------------ */

/* A str from ASCII bytes. */
static inline pv pync_str_ascii(const char *s, size_t n) { return pync_str_from_utf8(s, n); }
/* Looks a special method up on v's type and calls it with v (and args); *found is set to false
   (and 0 returned without an exception) when the type has no such method. */
pv pync_call_special(pv v, const char *name, pv *args, size_t nargs, bool *found);

#endif
