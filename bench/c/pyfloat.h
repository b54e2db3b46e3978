/* bench/c/pyfloat.h — prints a double the way Python's repr() (and str(), f"{x}", "%s" % x) does.
 *
 * Python writes the shortest decimal string that reads back as the same double, in fixed notation
 * when the decimal point falls within the first 16 digits (or at most 4 zeros after it), else in
 * exponent notation with at least two exponent digits; a whole number keeps a ".0".
 * The shortest string is found by asking printf for 1, 2, ... 17 significant digits (printf
 * rounds correctly) and keeping the first that strtod turns back into the same value. */
#ifndef BENCH_PYFLOAT_H
#define BENCH_PYFLOAT_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes repr(x) into out (at least 32 bytes). */
static void py_float_repr(double x, char *out) {
    if (isnan(x)) { strcpy(out, "nan"); return; }
    if (isinf(x)) { strcpy(out, x > 0 ? "inf" : "-inf"); return; }

    char sci[40];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(sci, sizeof sci, "%.*e", precision - 1, x);
        if (strtod(sci, NULL) == x) break;
    }

    /* sci is [-]D[.DDD]e(+|-)XX: split it into sign, digits and exponent */
    const char *s = sci;
    int negative = 0;
    if (*s == '-') { negative = 1; s++; }
    char digits[24];
    int count = 0;
    for (; *s != 'e'; s++)
        if (*s != '.') digits[count++] = *s;
    int exponent = atoi(s + 1);
    while (count > 1 && digits[count - 1] == '0') count--;
    int point = exponent + 1; /* the value is 0.DIGITS times 10**point */

    char *o = out;
    if (negative) *o++ = '-';
    if (point > -4 && point <= 16) {
        if (point <= 0) {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -point; i++) *o++ = '0';
            for (int i = 0; i < count; i++) *o++ = digits[i];
        } else if (point >= count) {
            for (int i = 0; i < count; i++) *o++ = digits[i];
            for (int i = count; i < point; i++) *o++ = '0';
            *o++ = '.';
            *o++ = '0';
        } else {
            for (int i = 0; i < count; i++) {
                if (i == point) *o++ = '.';
                *o++ = digits[i];
            }
        }
        *o = '\0';
    } else {
        *o++ = digits[0];
        if (count > 1) {
            *o++ = '.';
            for (int i = 1; i < count; i++) *o++ = digits[i];
        }
        sprintf(o, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
    }
}

#endif
