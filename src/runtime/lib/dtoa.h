/* dtoa.h — conversions between doubles and text with exactly CPython 3.11's results.
 *
 * Freestanding C11: no libc, no allocation, bounded stack use (< 4 KiB per call).
 *   - repr/str: shortest round-trip digits (Ryu-style, table driven, integer arithmetic only).
 *   - fixed precision ('e', 'f', 'g', '%', round()): for up to 19 digits a table product whose
 *     error bound proves the rounding; otherwise (ties, long outputs) the exact decimal expansion
 *     of the binary value from a bounded big number, then round-half-even on the exact digits.
 *   - parsing: Clinger's exact fast path, then a 64x125-bit product against the power-of-5 tables
 *     that decides unless too close to a halfway point, then exact big-number division; inputs of
 *     any length are correctly rounded (digits past the 800th only matter as a sticky bit).
 * Sources: dtoa.c (layout, front ends), dtoa_big.c (big numbers, exact digits, parsing core),
 * dtoa_ryu.c (shortest digits, fixed-precision fast path), dtoa_tables.c (generated power-of-5
 * tables, ~10 KiB of read-only data). */
#ifndef PYNC_DTOA_H
#define PYNC_DTOA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Flags for pync_dtoa_format. */
#define PYNC_DTOA_ALT 1u          /* '#': keep the point and trailing zeros */
#define PYNC_DTOA_SIGN_PLUS 2u    /* '+': '+' before non-negative numbers (and nan) */
#define PYNC_DTOA_SIGN_SPACE 4u   /* ' ': ' ' before non-negative numbers (and nan) */
#define PYNC_DTOA_UPPER 8u        /* same as passing 'E'/'F'/'G': 'E', 'INF', 'NAN' */
#define PYNC_DTOA_NO_NEG_ZERO 16u /* 'z': a result that rounds to zero loses its '-' */

/* Buffer size always enough for pync_dtoa_repr and pync_double_hex. */
#define PYNC_DTOA_REPR_BUFSIZE 32

/* repr(x) / str(x) of a Python float: shortest round-trip digits, CPython's layout:
   '1.0', '0.1', '1e+16', '1e-05', '1.5e-07', '123456789012345.0', '-0.0', 'inf', '-inf', 'nan'.
   Writes a NUL-terminated string, returns its length (at most 24). buf must hold 32 bytes. */
int pync_dtoa_repr(double x, char *buf);

/* The numeric part of float.__format__, '%'-formatting and str.format (no width/fill/align/grouping):
   type: 'e','E','f','F','g','G','n' (= 'g'),'%', 'r' (repr; precision ignored), 's' (= 'r'),
         or 0 for a spec with no type letter (no precision: str(x); with precision: 'g'-like but
         keeps a '.0' on integers and switches to exponent at decpt > precision-1).
   precision: -1 when absent (6 for e/f/g/%; 'g' treats 0 as 1).
   flags: PYNC_DTOA_* above. The sign is written ('-', or '+'/' ' when asked; nan never gets '-').
   Returns the length written (NUL-terminated), or -1 if cap is too small, or -2 for an unknown type.
   Results are correctly rounded, round-half-even on the exact binary value, for any precision.
   '%'-formatting: '%e' etc. pass the conversion letter, '%r'/'%s' pass 'r'; '%' formatting's
   own sign flags map to the same PYNC_DTOA_SIGN_* flags. */
int pync_dtoa_format(double x, int type, int precision, unsigned flags, char *buf, size_t cap);

/* Exact length pync_dtoa_format would return (excluding the NUL), or -2 for an unknown type. */
int pync_dtoa_format_len(double x, int type, int precision, unsigned flags);

/* Python's float(str) rules on a byte string: optional surrounding whitespace (' ', \t, \n, \v, \f,
   \r), sign, digits with single underscores between digits, '.', exponent, 'inf'/'infinity'/'nan'
   in any case. Correctly rounded (round-half-even) for any length; overflow gives +-inf, underflow
   +-0.0. Returns 0 and stores the value, or -1 if the text is not a valid float literal.
   (Python first maps non-ASCII Unicode digits/spaces to ASCII; callers that need that do it first.) */
int pync_parse_float(const char *s, size_t len, double *out);

/* The same for a Python source literal body ('1_000.5e-3', '1.', '.5'): no whitespace, no sign,
   no inf/nan; underscores between digits allowed; a point or an exponent is required (digits
   alone are an int literal). Returns 0 or -1. */
int pync_parse_float_literal(const char *s, size_t len, double *out);

/* round(x, ndigits) as CPython's float.__round__ with ndigits given: exact decimal rounding,
   half-even on the exact value; nan/inf returned unchanged. Returns 0, or -1 on overflow
   (OverflowError: rounded value too large to represent). */
int pync_round_double(double x, int ndigits, double *out);

/* float.hex(): '0x1.8000000000000p+1', '-0x0.0p+0', 'inf', 'nan'. buf must hold 32 bytes.
   Returns the length. */
int pync_double_hex(double x, char *buf);

/* float.fromhex(): whitespace, sign, optional '0x', hex digits with an optional point, optional
   'p' exponent; 'inf'/'infinity'/'nan'. Rounds half-even. Returns 0, -1 for invalid text
   (ValueError: invalid hexadecimal floating-point string), -2 on overflow
   (OverflowError: hexadecimal value too large to represent as a float). */
int pync_double_fromhex(const char *s, size_t len, double *out);

/* ---- Lower-level pieces, for the runtime's other formatters ---- */

/* Decimal digits of |x| (x finite): value = 0.D1D2...Dn * 10^decpt. Digits are ASCII, not
   NUL-terminated, trailing zeros stripped; zero gives "0" with decpt 1.
   mode 0: shortest round-trip (repr); ndigits ignored.
   mode 2: max(ndigits,1) significant digits, correctly rounded.
   mode 3: ndigits digits after the decimal point (may be negative); a result that rounds to zero
           gives no digits and decpt = -ndigits.
   dig must hold PYNC_DTOA_DIGITS_MAX bytes. Returns the number of digits. */
#define PYNC_DTOA_DIGITS_MAX 800
int pync_dtoa_digits(double x, int mode, int ndigits, char *dig, int *decpt);

/* ---- Internal (shared between the dtoa_*.c files) ---- */
#ifdef PYNC_DTOA_INTERNAL
/* Shortest digits of a positive finite double given by its bits; returns count, sets *decpt. */
int pync_dtoa__shortest(uint64_t bits, char *dig, int *decpt);
/* Digits for pync_dtoa_digits mode 2/3 (nd >= 1 for mode 2) by a table product when that is
   decidable, else -1. */
int pync_dtoa__fixed_fast(uint64_t bits, int mode, int nd, char *dig, int *decpt);
/* All exact digits of a positive finite double (at most 767 significant). */
int pync_dtoa__exact(uint64_t bits, char *dig, int *decpt);
/* Nearest double to 0.D1..Dn * 10^dexp (digits ASCII, first digit nonzero, n <= 801), as bits
   without sign; gives +inf bits on overflow. */
uint64_t pync_dtoa__decimal_to_bits(const char *dig, int n, long dexp);
extern const uint64_t pync_dtoa__pow5_split[][2];
extern const uint64_t pync_dtoa__pow5_inv_split[][2];
#define PYNC_DTOA_POW5_SPLIT_LEN 326
#define PYNC_DTOA_POW5_INV_SPLIT_LEN 343
#endif

#endif
