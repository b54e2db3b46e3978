/* mod_math.c — the math module, following CPython 3.11's Modules/mathmodule.c.
 *
 * The elementary functions are the C library's (libm on Linux, newlib on boards), wrapped with
 * CPython's error rules: a NaN result from a non-NaN argument is "math domain error"
 * (ValueError); an infinite result from a finite argument is "math range error" (OverflowError)
 * for functions that can overflow and a domain error (a singularity) otherwise. Where CPython has
 * its own algorithm (gamma/lgamma's Lanczos approximation, hypot/dist's compensated vector norm,
 * fsum's exact partials, remainder, the special cases of pow/atan2/log/fmod, logarithms of huge
 * ints) this file follows it, so results match bit for bit whenever libm agrees. */
#include "numeric.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

static const double PI = 3.141592653589793238462643383279502884197;
static const double LOGPI = 1.144729885849400174143427351353058711647;

static pv domain_error(void) { return pync_raise_fmt(&pync_ValueError_type, "math domain error"); }
static pv range_error(void) { return pync_raise_fmt(&pync_OverflowError_type, "math range error"); }

static int arg_double(pv v, double *out) {
    if (!pv_is_small(v) && pv_type(v) == &pync_float_type) {
        *out = pync_float_value(v);
        return 0;
    }
    return pync_as_double(v, out);
}

/* math_1: f(x) with the NaN/infinity checks */
static pv math_1(const char *name, pv *args, size_t nargs, pv kwnames, double (*f)(double), bool can_overflow) {
    if (pync_check_args(name, nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    double r = f(x);
    if (pync_isnan(r) && !pync_isnan(x)) return domain_error();
    if (pync_isinf(r) && pync_isfinite(x)) return can_overflow ? range_error() : domain_error();
    return pync_float_new(r);
}

/* math_2: f(x, y); a NaN from non-NaNs is a domain error, an infinity from finites a range error */
static pv math_2(const char *name, pv *args, size_t nargs, pv kwnames, double (*f)(double, double)) {
    if (pync_check_args(name, nargs, kwnames, 2, 2) < 0) return 0;
    double x, y;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return 0;
    double r = f(x, y);
    if (pync_isnan(r) && !pync_isnan(x) && !pync_isnan(y)) return domain_error();
    if (pync_isinf(r) && pync_isfinite(x) && pync_isfinite(y)) return range_error();
    return pync_float_new(r);
}

#define FUNC1(NAME, F, OVERFLOW)                                                                       \
    static pv math_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                               \
        (void)self;                                                                                    \
        return math_1(#NAME, args, nargs, kwnames, F, OVERFLOW);                                       \
    }

static double c_fabs(double x) { return pync_fabs(x); }
static double c_log1p(double x) { return x == 0.0 ? x : log1p(x); }

FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, c_fabs, false)
FUNC1(log1p, c_log1p, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, sqrt, false)
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)

/* ---- gamma, lgamma (Lanczos, N = 13, g = 6.024680040776729583740234375) ------------------------------- */

enum { M_OK, M_EDOM, M_ERANGE };

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

/* sin(pi * x) for finite x, exact at integers and half-integers */
static double m_sinpi(double x) {
    double y = fmod(pync_fabs(x), 2.0), r;
    int n = (int)pync_round_half_away(2.0 * y);
    switch (n) {
    case 0: r = sin(PI * y); break;
    case 1: r = cos(PI * (y - 0.5)); break;
    case 2: r = sin(PI * (1.0 - y)); break;
    case 3: r = -cos(PI * (y - 1.5)); break;
    default: r = sin(PI * (y - 2.0)); break;
    }
    return pync_copysign(1.0, x) * r;
}

static double m_tgamma(double x, int *err) {
    double absx, r, y, z, sqrtpow;
    if (!pync_isfinite(x)) {
        if (pync_isnan(x) || x > 0.0) return x;
        *err = M_EDOM;
        return PYNC_NAN;
    }
    if (x == 0.0) {
        *err = M_EDOM;
        return pync_copysign(PYNC_INF, x);
    }
    if (x == pync_floor(x)) {
        if (x < 0.0) {
            *err = M_EDOM;
            return PYNC_NAN;
        }
        if (x <= NGAMMA_INTEGRAL) return gamma_integral[(int)x - 1];
    }
    absx = pync_fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (pync_isinf(r)) *err = M_ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / m_sinpi(x);
        *err = M_ERANGE;
        return PYNC_INF;
    }
    y = absx + lanczos_g_minus_half;
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -PI / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (pync_isinf(r)) *err = M_ERANGE;
    return r;
}

static double m_lgamma(double x, int *err) {
    double r, absx;
    if (!pync_isfinite(x)) {
        if (pync_isnan(x)) return x;
        return PYNC_INF;
    }
    if (x == pync_floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            *err = M_EDOM;
            return PYNC_INF;
        }
        return 0.0;
    }
    absx = pync_fabs(x);
    if (absx < 1e-20) return -log(absx);
    r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = LOGPI - log(pync_fabs(m_sinpi(absx))) - log(absx) - r;
    if (pync_isinf(r)) *err = M_ERANGE;
    return r;
}

/* math_1a: errors from the function's own error flag (is_error) */
static pv math_1a(const char *name, pv *args, size_t nargs, pv kwnames, double (*f)(double, int *)) {
    if (pync_check_args(name, nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    int err = M_OK;
    double r = f(x, &err);
    if (err == M_EDOM) return domain_error();
    if (err == M_ERANGE && pync_fabs(r) >= 1.5) return range_error();
    return pync_float_new(r);
}

static pv math_gamma(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_1a("gamma", args, nargs, kwnames, m_tgamma);
}
static pv math_lgamma(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_1a("lgamma", args, nargs, kwnames, m_lgamma);
}
static double c_erf(double x, int *err) {
    (void)err;
    return erf(x);
}
static double c_erfc(double x, int *err) {
    (void)err;
    return erfc(x);
}
static pv math_erf(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_1a("erf", args, nargs, kwnames, c_erf);
}
static pv math_erfc(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_1a("erfc", args, nargs, kwnames, c_erfc);
}

/* ---- two-argument functions ---------------------------------------------------------------------------- */

static double m_atan2(double y, double x) {
    if (pync_isnan(x) || pync_isnan(y)) return PYNC_NAN;
    if (pync_isinf(y)) {
        if (pync_isinf(x)) {
            if (pync_copysign(1.0, x) == 1.0) return pync_copysign(0.25 * PI, y);
            return pync_copysign(0.75 * PI, y);
        }
        return pync_copysign(0.5 * PI, y);
    }
    if (pync_isinf(x) || y == 0.0) {
        if (pync_copysign(1.0, x) == 1.0) return pync_copysign(0.0, y);
        return pync_copysign(PI, y);
    }
    return atan2(y, x);
}

static double m_remainder(double x, double y) {
    if (pync_isfinite(x) && pync_isfinite(y)) {
        if (y == 0.0) return PYNC_NAN;
        double absx = pync_fabs(x), absy = pync_fabs(y);
        double m = fmod(absx, absy);
        double c = absy - m, r;
        if (m < c) r = m;
        else if (m > c) r = -c;
        else r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return pync_copysign(1.0, x) * r;
    }
    if (pync_isnan(x)) return x;
    if (pync_isnan(y)) return y;
    if (pync_isinf(x)) return PYNC_NAN;
    return x;
}

static double c_copysign(double x, double y) { return pync_copysign(x, y); }

static pv math_atan2(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_2("atan2", args, nargs, kwnames, m_atan2);
}
static pv math_remainder(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_2("remainder", args, nargs, kwnames, m_remainder);
}
static pv math_copysign(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return math_2("copysign", args, nargs, kwnames, c_copysign);
}

static pv math_fmod(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("fmod", nargs, kwnames, 2, 2) < 0) return 0;
    double x, y;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return 0;
    if (pync_isinf(y) && pync_isfinite(x)) return pync_float_new(x);
    double r = fmod(x, y);
    if (pync_isnan(r) && !pync_isnan(x) && !pync_isnan(y)) return domain_error();
    return pync_float_new(r);
}

static pv math_pow(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("pow", nargs, kwnames, 2, 2) < 0) return 0;
    double x, y, r = 0.0;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return 0;
    int err = M_OK;
    if (!pync_isfinite(x) || !pync_isfinite(y)) {
        if (pync_isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        } else if (pync_isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        } else if (pync_isinf(x)) {
            bool odd_y = pync_isfinite(y) && fmod(pync_fabs(y), 2.0) == 1.0;
            if (y > 0.0) r = odd_y ? x : pync_fabs(x);
            else if (y == 0.0) r = 1.0;
            else r = odd_y ? pync_copysign(0.0, x) : 0.0;
        } else {
            if (pync_fabs(x) == 1.0) r = 1.0;
            else if (y > 0.0 && pync_fabs(x) > 1.0) r = y;
            else if (y < 0.0 && pync_fabs(x) < 1.0) r = -y;
            else r = 0.0;
        }
    } else {
        r = pow(x, y);
        if (!pync_isfinite(r)) {
            if (pync_isnan(r)) err = M_EDOM;
            else if (x == 0.0) err = M_EDOM;
            else err = M_ERANGE;
        }
    }
    if (err == M_EDOM) return domain_error();
    if (err == M_ERANGE && pync_fabs(r) >= 1.5) return range_error();
    return pync_float_new(r);
}

/* ---- logarithms -------------------------------------------------------------------------------------- */

static double m_log(double x) {
    if (pync_isfinite(x)) {
        if (x > 0.0) return log(x);
        return x == 0.0 ? -PYNC_INF : PYNC_NAN;
    }
    if (pync_isnan(x) || x > 0.0) return x;
    return PYNC_NAN;
}
static double m_log2(double x) {
    if (!pync_isfinite(x)) {
        if (pync_isnan(x) || x > 0.0) return x;
        return PYNC_NAN;
    }
    if (x > 0.0) return log2(x);
    return x == 0.0 ? -PYNC_INF : PYNC_NAN;
}
static double m_log10(double x) {
    if (pync_isfinite(x)) {
        if (x > 0.0) return log10(x);
        return x == 0.0 ? -PYNC_INF : PYNC_NAN;
    }
    if (pync_isnan(x) || x > 0.0) return x;
    return PYNC_NAN;
}

/* |a| ~= x * 2**e with 0.5 <= x < 1, x correctly rounded (CPython's _PyLong_Frexp); only used
   for |a| >= 2**1024, so there are always more than 64 bits */
static double long_frexp(const pync_mp *a, int64_t *e) {
    uint64_t bits = pync_mp_bit_length(a);
    size_t n = (size_t)(a->size < 0 ? -(int64_t)a->size : a->size);
    uint64_t shift = bits - 64; /* top = (|a| >> shift) has exactly 64 bits */
    size_t q = (size_t)(shift / 32);
    unsigned r = (unsigned)(shift % 32);
    uint64_t lo = a->d[q], mid = q + 1 < n ? a->d[q + 1] : 0, hi = q + 2 < n ? a->d[q + 2] : 0;
    uint64_t w = lo | (mid << 32);
    uint64_t top = r ? (w >> r) | (hi << (64 - r)) : w;
    bool sticky = r ? (lo & (((uint64_t)1 << r) - 1)) != 0 : false;
    for (size_t i = 0; i < q && !sticky; i++) sticky = a->d[i] != 0;
    /* round the 64 bits to 53, half to even */
    uint64_t mant = top >> 11, rest = top & 0x7ff;
    if (rest > 0x400 || (rest == 0x400 && (sticky || (mant & 1)))) mant++;
    double x = (double)mant / 9007199254740992.0;
    *e = (int64_t)bits;
    if (x == 1.0) {
        x = 0.5;
        *e += 1;
    }
    return x;
}

static pv loghelper(pv arg, double (*f)(double)) {
    if (pync_is_int(arg)) {
        pync_mp_buf64 buf;
        const pync_mp *m = pync_int_mp(arg, &buf);
        if (pync_mp_sign(m) <= 0) return domain_error();
        double x;
        if (pync_mp_to_double(m, &x) == PYNC_MP_OK) return pync_float_new(f(x));
        int64_t e;
        x = long_frexp(m, &e);
        return pync_float_new(f(x) + f(2.0) * (double)e);
    }
    double x;
    if (arg_double(arg, &x) < 0) return 0;
    double r = f(x);
    if (pync_isnan(r) && !pync_isnan(x)) return domain_error();
    if (pync_isinf(r) && pync_isfinite(x)) return domain_error();
    return pync_float_new(r);
}

static pv math_log(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("log", nargs, kwnames, 1, 2) < 0) return 0;
    pv num = loghelper(args[0], m_log);
    if (!num || nargs == 1) return num;
    pv den = loghelper(args[1], m_log);
    if (!den) return 0;
    return pync_binary(num, den, PYNC_OP_TRUEDIV);
}
static pv math_log2(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("log2", nargs, kwnames, 1, 1) < 0) return 0;
    return loghelper(args[0], m_log2);
}
static pv math_log10(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("log10", nargs, kwnames, 1, 1) < 0) return 0;
    return loghelper(args[0], m_log10);
}

/* ---- hypot, dist: CPython's compensated vector norm ---------------------------------------------------- */

static double vector_norm(size_t n, double *vec, double max, bool found_nan) {
    const double T27 = 134217729.0; /* 2**27 + 1 */
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;
    if (pync_isinf(max)) return max;
    if (found_nan) return PYNC_NAN;
    if (max == 0.0 || n <= 1) return max;
    pync_frexp(max, &max_e);
    if (max_e >= -1023) {
        scale = ldexp(1.0, -max_e);
        for (size_t i = 0; i < n; i++) {
            x = vec[i];
            x *= scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for (size_t i = 0; i < n; i++) {
        x = vec[i] / max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * sqrt(csum - 1.0 + frac1);
}

static double *double_array(size_t n, double *small, size_t nsmall) {
    if (n <= nsmall) return small;
    pync_rawbuf *rb = pync_rawbuf_new(n * sizeof(double));
    return rb ? (double *)rb->data : NULL;
}

static pv math_hypot(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        return pync_raise_fmt(&pync_TypeError_type, "hypot() takes no keyword arguments");
    }
    double small[16];
    double *coords = double_array(nargs, small, 16);
    if (!coords) return 0;
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (arg_double(args[i], &x) < 0) return 0;
        x = pync_fabs(x);
        coords[i] = x;
        found_nan |= pync_isnan(x);
        if (x > max) max = x;
    }
    return pync_float_new(vector_norm(nargs, coords, max, found_nan));
}

/* the items of a tuple or list, or of any iterable (copied into a list) */
static pv as_sequence(pv v, const pv **items, size_t *n) {
    if (pync_isinstance_type(v, &pync_tuple_type)) {
        *items = ((const pync_tuple *)v)->items;
        *n = ((const pync_tuple *)v)->size;
        return v;
    }
    pv l = pync_isinstance_type(v, &pync_list_type) ? v : pync_list_from_iterable(v);
    if (!l) return 0;
    *items = ((const pync_list *)l)->items;
    *n = ((const pync_list *)l)->size;
    return l;
}

static pv math_dist(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("dist", nargs, kwnames, 2, 2) < 0) return 0;
    const pv *p, *q;
    size_t m, n;
    pv ps = as_sequence(args[0], &p, &m);
    if (!ps) return 0;
    pv qs = as_sequence(args[1], &q, &n);
    if (!qs) return 0;
    if (m != n) return pync_raise_fmt(&pync_ValueError_type, "both points must have the same number of dimensions");
    double small[16];
    double *diffs = double_array(n, small, 16);
    if (!diffs) return 0;
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double px, qx;
        if (arg_double(p[i], &px) < 0 || arg_double(q[i], &qx) < 0) return 0;
        double x = pync_fabs(px - qx);
        diffs[i] = x;
        found_nan |= pync_isnan(x);
        if (x > max) max = x;
    }
    (void)ps;
    (void)qs;
    return pync_float_new(vector_norm(n, diffs, max, found_nan));
}

/* ---- fsum: Shewchuk's exact partials, as CPython's msum ------------------------------------------------ */

static pv math_fsum(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("fsum", nargs, kwnames, 1, 1) < 0) return 0;
    pv it = pync_iter(args[0]);
    if (!it) return 0;
    double small[32];
    double *p = small;
    size_t n = 0, m = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    double x, y, t, hi, yr, lo = 0.0;
    for (;;) {
        pv item = pync_next(it);
        if (!item) {
            if (pync_current_exc) return 0;
            break;
        }
        if (arg_double(item, &x) < 0) return 0;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            y = p[j];
            if (pync_fabs(x) < pync_fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!pync_isfinite(x)) {
                if (pync_isfinite(xsave)) {
                    return pync_raise_fmt(&pync_OverflowError_type, "intermediate overflow in fsum");
                }
                if (pync_isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    pync_rawbuf *rb = pync_rawbuf_new(2 * m * sizeof(double));
                    if (!rb) return 0;
                    pync_memcpy(rb->data, p, n * sizeof(double));
                    p = (double *)rb->data;
                    m *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (pync_isnan(inf_sum)) return pync_raise_fmt(&pync_ValueError_type, "-inf + inf in fsum");
        return pync_float_new(special_sum);
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return pync_float_new(hi);
}

/* ---- rounding, decomposition, classification ------------------------------------------------------------ */

static pv math_floor(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("floor", nargs, kwnames, 1, 1) < 0) return 0;
    pv v = args[0];
    if (!pv_is_small(v) && pv_type(v) == &pync_float_type) return pync_float_floor_int(pync_float_value(v));
    if (pync_is_int(v)) return pync_int_exact(v);
    bool found;
    pv r = pync_call_special(v, "__floor__", NULL, 0, &found);
    if (found) return r;
    double x;
    if (arg_double(v, &x) < 0) return 0;
    return pync_float_floor_int(x);
}

static pv math_ceil(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("ceil", nargs, kwnames, 1, 1) < 0) return 0;
    pv v = args[0];
    if (!pv_is_small(v) && pv_type(v) == &pync_float_type) return pync_float_ceil_int(pync_float_value(v));
    if (pync_is_int(v)) return pync_int_exact(v);
    bool found;
    pv r = pync_call_special(v, "__ceil__", NULL, 0, &found);
    if (found) return r;
    double x;
    if (arg_double(v, &x) < 0) return 0;
    return pync_float_ceil_int(x);
}

static pv math_trunc(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("trunc", nargs, kwnames, 1, 1) < 0) return 0;
    pv v = args[0];
    if (!pv_is_small(v) && pv_type(v) == &pync_float_type) return pync_int_from_double(pync_float_value(v));
    if (pync_is_int(v)) return pync_int_exact(v);
    bool found;
    pv r = pync_call_special(v, "__trunc__", NULL, 0, &found);
    if (found) return r;
    return pync_raise_fmt(&pync_TypeError_type, "type %T doesn't define __trunc__ method", v);
}

static pv math_frexp(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("frexp", nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    int e = 0;
    if (pync_isfinite(x) && x != 0.0) x = pync_frexp(x, &e);
    pv m = pync_float_new(x);
    return m ? pync_tuple_pack(2, m, pv_from_small(e)) : 0;
}

static pv math_ldexp(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("ldexp", nargs, kwnames, 2, 2) < 0) return 0;
    double x, r;
    if (arg_double(args[0], &x) < 0) return 0;
    if (!pync_is_int(args[1])) {
        return pync_raise_fmt(&pync_TypeError_type, "Expected an int as second argument to ldexp.");
    }
    int64_t e;
    if (!pync_int_as_i64(args[1], &e)) {
        pync_mp_buf64 buf;
        e = pync_mp_sign(pync_int_mp(args[1], &buf)) < 0 ? INT64_MIN : INT64_MAX;
    }
    if (x == 0.0 || !pync_isfinite(x)) {
        r = x;
    } else if (e > 2147483647) {
        return range_error();
    } else if (e < -2147483647 - 1) {
        r = pync_copysign(0.0, x);
    } else {
        r = ldexp(x, (int)e);
        if (pync_isinf(r)) return range_error();
    }
    return pync_float_new(r);
}

static pv math_modf(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("modf", nargs, kwnames, 1, 1) < 0) return 0;
    double x, f, i;
    if (arg_double(args[0], &x) < 0) return 0;
    if (pync_isinf(x)) {
        f = pync_copysign(0.0, x);
        i = x;
    } else if (pync_isnan(x)) {
        f = i = x;
    } else {
        i = pync_trunc(x);
        f = pync_copysign(x - i, x);
    }
    pv fv = pync_float_new(f);
    if (!fv) return 0;
    pv iv = pync_float_new(i);
    return iv ? pync_tuple_pack(2, fv, iv) : 0;
}

static pv classify(const char *name, pv *args, size_t nargs, pv kwnames, int which) {
    if (pync_check_args(name, nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    return pync_bool(which == 0 ? pync_isfinite(x) : which == 1 ? pync_isinf(x) : pync_isnan(x));
}
static pv math_isfinite(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return classify("isfinite", args, nargs, kwnames, 0);
}
static pv math_isinf(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return classify("isinf", args, nargs, kwnames, 1);
}
static pv math_isnan(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    return classify("isnan", args, nargs, kwnames, 2);
}

static pv math_isclose(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    pv v[4] = {0, 0, 0, 0};
    if (pync_parse_args("isclose", args, nargs, kwnames, names, 0, 2, v) < 0) return 0;
    if (!v[0] || !v[1]) {
        return pync_raise_fmt(&pync_TypeError_type, "isclose() missing required argument '%s' (pos %d)", v[0] ? "b" : "a",
                              v[0] ? 2 : 1);
    }
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (arg_double(v[0], &a) < 0 || arg_double(v[1], &b) < 0) return 0;
    if (v[2] && arg_double(v[2], &rel_tol) < 0) return 0;
    if (v[3] && arg_double(v[3], &abs_tol) < 0) return 0;
    if (rel_tol < 0.0 || abs_tol < 0.0) return pync_raise_fmt(&pync_ValueError_type, "tolerances must be non-negative");
    if (a == b) return pync_True;
    if (pync_isinf(a) || pync_isinf(b)) return pync_False;
    double diff = pync_fabs(b - a);
    return pync_bool(diff <= pync_fabs(rel_tol * b) || diff <= pync_fabs(rel_tol * a) || diff <= abs_tol);
}

static pv math_degrees(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("degrees", nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    return pync_float_new(x * (180.0 / PI));
}
static pv math_radians(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("radians", nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    return pync_float_new(x * (PI / 180.0));
}

static double next_toward(double x, double y) {
    if (pync_isnan(x) || pync_isnan(y)) return x + y;
    if (x == y) return y;
    if (x == 0.0) return pync_copysign(pync_bits_double(1), y);
    uint64_t b = pync_double_bits(x);
    if ((y > x) == (x > 0.0)) b++;
    else b--;
    return pync_bits_double(b);
}

static pv math_nextafter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("nextafter", nargs, kwnames, 2, 2) < 0) return 0;
    double x, y;
    if (arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return 0;
    return pync_float_new(next_toward(x, y));
}

static pv math_ulp(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("ulp", nargs, kwnames, 1, 1) < 0) return 0;
    double x;
    if (arg_double(args[0], &x) < 0) return 0;
    if (pync_isnan(x)) return pync_float_new(x);
    x = pync_fabs(x);
    if (pync_isinf(x)) return pync_float_new(x);
    double x2 = next_toward(x, PYNC_INF);
    if (pync_isinf(x2)) return pync_float_new(x - next_toward(x, -PYNC_INF));
    return pync_float_new(x2 - x);
}

/* ---- integer functions ------------------------------------------------------------------------------------ */

static pv mp_result(pync_mp *m) { return pync_int_wrap(m); }

/* lo * (lo+1) * ... * (lo+count-1), by binary splitting */
static pync_mp *range_product(const pync_mp *lo, uint64_t count) {
    if (count == 1) return pync_mp_copy(lo);
    int64_t l;
    if (count <= 8 && pync_mp_get_i64(lo, &l) && l >= 0 && l < ((int64_t)1 << 40)) {
        /* small factors: multiply in 64 bits while it fits */
        pync_mp_buf64 acc_buf;
        uint64_t acc = 1;
        pync_mp *res = NULL;
        for (uint64_t i = 0; i < count; i++) {
            uint64_t f = (uint64_t)l + i;
            if (f != 0 && acc > UINT64_MAX / f) {
                pync_mp *t = pync_mp_from_u64(acc);
                if (!t) return NULL;
                res = res ? pync_mp_mul(res, t) : t;
                if (!res) return NULL;
                acc = 1;
            }
            acc *= f;
        }
        pync_mp *t = pync_mp_from_u64(acc);
        (void)acc_buf;
        if (!t) return NULL;
        return res ? pync_mp_mul(res, t) : t;
    }
    uint64_t half = count / 2;
    pync_mp *a = range_product(lo, half);
    if (!a) return NULL;
    pync_mp_buf64 hb;
    pync_mp *mid = pync_mp_add(lo, pync_mp_view_i64(&hb, (int64_t)half));
    if (!mid) return NULL;
    pync_mp *b = range_product(mid, count - half);
    if (!b) return NULL;
    return pync_mp_mul(a, b);
}

static pync_mp *factorial_mp(uint64_t n) {
    pync_mp_buf64 one;
    if (n <= 1) return pync_mp_copy(pync_mp_view_i64(&one, 1));
    return range_product(pync_mp_view_i64(&one, 1), n);
}

static pv math_factorial(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("factorial", nargs, kwnames, 1, 1) < 0) return 0;
    pv n = pync_number_index(args[0]);
    if (!n) return 0;
    int64_t x;
    if (!pync_int_as_i64(n, &x)) {
        pync_mp_buf64 buf;
        if (pync_mp_sign(pync_int_mp(n, &buf)) < 0) {
            return pync_raise_fmt(&pync_ValueError_type, "factorial() not defined for negative values");
        }
        return pync_raise_fmt(&pync_OverflowError_type, "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    }
    if (x < 0) return pync_raise_fmt(&pync_ValueError_type, "factorial() not defined for negative values");
    if (x <= 20) {
        /* 20! < 2**63: no big int needed */
        int64_t f = 1;
        for (int64_t i = 2; i <= x; i++) f *= i;
        return pync_int_from_i64(f);
    }
    return mp_result(factorial_mp((uint64_t)x));
}

static pv math_isqrt(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("isqrt", nargs, kwnames, 1, 1) < 0) return 0;
    pv n = pync_number_index(args[0]);
    if (!n) return 0;
    pync_mp_buf64 buf;
    pync_mp *r;
    pync_mp_err e = pync_mp_isqrt(&r, pync_int_mp(n, &buf));
    if (e != PYNC_MP_OK) return pync_mp_error(e, "");
    return pync_int_wrap(r);
}

static pv math_gcd(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        return pync_raise_fmt(&pync_TypeError_type, "gcd() takes no keyword arguments");
    }
    if (nargs == 0) return pv_from_small(0);
    pv res = pync_number_index(args[0]);
    if (!res) return 0;
    pync_mp_buf64 ba, bb;
    pync_mp *g = pync_mp_abs(pync_int_mp(res, &ba));
    if (!g) return pync_int_wrap(NULL);
    for (size_t i = 1; i < nargs; i++) {
        pv x = pync_number_index(args[i]);
        if (!x) return 0;
        if (pync_mp_cmp_i64(g, 1) == 0) continue;
        g = pync_mp_gcd(g, pync_int_mp(x, &bb));
        if (!g) return pync_int_wrap(NULL);
    }
    return pync_int_wrap(g);
}

static pv math_lcm(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        return pync_raise_fmt(&pync_TypeError_type, "lcm() takes no keyword arguments");
    }
    if (nargs == 0) return pv_from_small(1);
    pv res = pync_number_index(args[0]);
    if (!res) return 0;
    pync_mp_buf64 ba, bb;
    pync_mp *l = pync_mp_abs(pync_int_mp(res, &ba));
    if (!l) return pync_int_wrap(NULL);
    for (size_t i = 1; i < nargs; i++) {
        pv x = pync_number_index(args[i]);
        if (!x) return 0;
        if (pync_mp_is_zero(l)) continue;
        const pync_mp *b = pync_int_mp(x, &bb);
        if (pync_mp_is_zero(b)) {
            l = pync_mp_copy(b);
            if (!l) return pync_int_wrap(NULL);
            continue;
        }
        pync_mp *g = pync_mp_gcd(l, b);
        if (!g) return pync_int_wrap(NULL);
        pync_mp *f;
        if (pync_mp_floordiv(&f, l, g) != PYNC_MP_OK) return pync_int_wrap(NULL);
        pync_mp *ab = pync_mp_mul(f, b);
        if (!ab) return pync_int_wrap(NULL);
        l = pync_mp_abs(ab);
        if (!l) return pync_int_wrap(NULL);
    }
    return pync_int_wrap(l);
}

/* perm(n, k) and comb(n, k) for n >= k >= 0 */
static pv perm_comb(pv n, pv k, bool comb) {
    pync_mp_buf64 bn, bk;
    const pync_mp *mn = pync_int_mp(n, &bn), *mk = pync_int_mp(k, &bk);
    if (pync_mp_sign(mn) < 0) return pync_raise_fmt(&pync_ValueError_type, "n must be a non-negative integer");
    if (pync_mp_sign(mk) < 0) return pync_raise_fmt(&pync_ValueError_type, "k must be a non-negative integer");
    if (pync_mp_cmp(mk, mn) > 0) return pv_from_small(0);
    pync_mp *nk = pync_mp_sub(mn, mk);
    if (!nk) return pync_int_wrap(NULL);
    int64_t kk;
    if (comb) {
        /* k = min(k, n - k) */
        if (pync_mp_cmp(nk, mk) < 0) {
            const pync_mp *t = nk;
            nk = pync_mp_sub(mn, t);
            if (!nk) return pync_int_wrap(NULL);
            mk = t;
        }
        if (!pync_mp_get_i64(mk, &kk)) {
            return pync_raise_fmt(&pync_OverflowError_type, "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
        }
    } else if (!pync_mp_get_i64(mk, &kk)) {
        return pync_raise_fmt(&pync_OverflowError_type, "k must not exceed %lld", (long long)INT64_MAX);
    }
    if (kk == 0) return pv_from_small(1);
    pync_mp_buf64 one;
    pync_mp *lo = pync_mp_add(nk, pync_mp_view_i64(&one, 1)); /* n - k + 1 */
    if (!lo) return pync_int_wrap(NULL);
    pync_mp *p = range_product(lo, (uint64_t)kk);
    if (!p) return pync_int_wrap(NULL);
    if (!comb) return pync_int_wrap(p);
    pync_mp *f = factorial_mp((uint64_t)kk);
    if (!f) return pync_int_wrap(NULL);
    pync_mp *q;
    if (pync_mp_floordiv(&q, p, f) != PYNC_MP_OK) return pync_int_wrap(NULL);
    return pync_int_wrap(q);
}

static pv math_comb(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("comb", nargs, kwnames, 2, 2) < 0) return 0;
    pv n = pync_number_index(args[0]);
    if (!n) return 0;
    pv k = pync_number_index(args[1]);
    if (!k) return 0;
    return perm_comb(n, k, true);
}

static pv math_perm(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("perm", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 1 || args[1] == pync_None) return math_factorial(self, args, 1, 0);
    pv n = pync_number_index(args[0]);
    if (!n) return 0;
    pv k = pync_number_index(args[1]);
    if (!k) return 0;
    return perm_comb(n, k, false);
}

static pv math_prod(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"", "start", NULL};
    pv v[2] = {0, 0};
    if (pync_parse_args("prod", args, nargs, kwnames, names, 1, 1, v) < 0) return 0;
    if (!v[0]) return pync_raise_fmt(&pync_TypeError_type, "prod() missing required argument 'iterable' (pos 1)");
    pv acc = v[1] ? v[1] : pv_from_small(1);
    pv it = pync_iter(v[0]);
    if (!it) return 0;
    for (;;) {
        pv item = pync_next(it);
        if (!item) return pync_current_exc ? 0 : acc;
        acc = pync_binary(acc, item, PYNC_OP_MUL);
        if (!acc) return 0;
    }
}

/* ---- the module ----------------------------------------------------------------------------------------- */

static const pync_method_def math_functions[] = {
    {"acos", math_acos, 0},         {"acosh", math_acosh, 0},       {"asin", math_asin, 0},
    {"asinh", math_asinh, 0},       {"atan", math_atan, 0},         {"atan2", math_atan2, 0},
    {"atanh", math_atanh, 0},       {"cbrt", math_cbrt, 0},         {"ceil", math_ceil, 0},
    {"comb", math_comb, 0},         {"copysign", math_copysign, 0}, {"cos", math_cos, 0},
    {"cosh", math_cosh, 0},         {"degrees", math_degrees, 0},   {"dist", math_dist, 0},
    {"erf", math_erf, 0},           {"erfc", math_erfc, 0},         {"exp", math_exp, 0},
    {"exp2", math_exp2, 0},         {"expm1", math_expm1, 0},       {"fabs", math_fabs, 0},
    {"factorial", math_factorial, 0}, {"floor", math_floor, 0},     {"fmod", math_fmod, 0},
    {"frexp", math_frexp, 0},       {"fsum", math_fsum, 0},         {"gamma", math_gamma, 0},
    {"gcd", math_gcd, 0},           {"hypot", math_hypot, 0},       {"isclose", math_isclose, 0},
    {"isfinite", math_isfinite, 0}, {"isinf", math_isinf, 0},       {"isnan", math_isnan, 0},
    {"isqrt", math_isqrt, 0},       {"lcm", math_lcm, 0},           {"ldexp", math_ldexp, 0},
    {"lgamma", math_lgamma, 0},     {"log", math_log, 0},           {"log10", math_log10, 0},
    {"log1p", math_log1p, 0},       {"log2", math_log2, 0},         {"modf", math_modf, 0},
    {"nextafter", math_nextafter, 0}, {"perm", math_perm, 0},       {"pow", math_pow, 0},
    {"prod", math_prod, 0},         {"radians", math_radians, 0},   {"remainder", math_remainder, 0},
    {"sin", math_sin, 0},           {"sinh", math_sinh, 0},         {"sqrt", math_sqrt, 0},
    {"tan", math_tan, 0},           {"tanh", math_tanh, 0},         {"trunc", math_trunc, 0},
    {"ulp", math_ulp, 0},           {NULL, NULL, 0},
};

static int math_init(pv module) {
    struct { const char *name; double value; } consts[] = {
        {"pi", PI}, {"e", 2.718281828459045235360287471352662498}, {"tau", 2.0 * PI},
        {"inf", PYNC_INF}, {"nan", PYNC_NAN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        pv v = pync_float_new(consts[i].value);
        if (!v || pync_module_add(module, consts[i].name, v) < 0) return -1;
    }
    return pync_module_add_functions(module, math_functions);
}

const pync_builtin_module pync_mod_math = {"math", math_init};
