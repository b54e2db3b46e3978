/* mod_cmath.c — the cmath module: complex versions of the elementary functions, following
 * CPython 3.11's Modules/cmathmodule.c so results agree bit for bit wherever libm does.
 *
 * Every function takes its argument as CPython's PyComplex_AsCComplex does (complex,
 * __complex__, then float()/__index__), computes with the C library's real functions, and
 * reports errors through a module-level `errno`-like code: DOMAIN becomes ValueError("math
 * domain error"), RANGE OverflowError("math range error"). Arguments with an infinite or NaN
 * part mostly take their result from 7x7 tables indexed by the class of each part (-inf,
 * negative, -0, +0, positive, +inf, nan), as C99 Annex G specifies; the tables below record
 * those values. Huge and tiny arguments are rescaled to avoid spurious overflow/underflow. */
#include "numeric.h"
#include "containers.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

typedef struct cval {
    double real, imag;
} cval;

enum { E_OK, E_DOMAIN, E_RANGE };
static int cm_errno;

#define PI 3.141592653589793238462643383279502884197
#define LN2 0.6931471805599453094 /* natural log of 2 */
#define LN10 2.302585092994045684 /* natural log of 10 */
#define M_E_ 2.718281828459045235360287
#define DBL_MAX_ 0x1.fffffffffffffp+1023
#define DBL_MIN_ 0x1p-1022
#define MANT_DIG 53

/* thresholds beyond which the straightforward formulas could overflow */
#define LARGE_DOUBLE (DBL_MAX_ / 4.)
static double sqrt_large_double, log_large_double, sqrt_dbl_min;
#define SCALE_UP (2 * (MANT_DIG / 2) + 1)
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)

/* the class of a double, the index into the special-value tables */
enum { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

static int special_type(double d) {
    if (pync_isfinite(d)) {
        if (d != 0) return pync_copysign(1., d) == 1. ? ST_POS : ST_NEG;
        return pync_copysign(1., d) == 1. ? ST_PZERO : ST_NZERO;
    }
    if (pync_isnan(d)) return ST_NAN;
    return pync_copysign(1., d) == 1. ? ST_PINF : ST_NINF;
}

static bool cfinite(cval z) { return pync_isfinite(z.real) && pync_isfinite(z.imag); }

/* ---- the special-value tables ----------------------------------------------------------------------- */

#define INF PYNC_INF
#define N PYNC_NAN
#define P PI
#define P12 (PI / 2)
#define P14 (PI / 4)
#define P34 (3 * PI / 4)
/* rows: the real part's class; columns: the imaginary part's (ST_NINF .. ST_NAN). Entries for
   two finite parts are never used. */
static const cval acos_special[7][7] = {
    {{P34, INF}, {P, INF}, {P, INF}, {P, -INF}, {P, -INF}, {P34, -INF}, {N, INF}},
    {{P12, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {P12, -INF}, {N, N}},
    {{P12, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {P12, -INF}, {N, N}},
    {{P14, INF}, {0, INF}, {0, INF}, {0, -INF}, {0, -INF}, {P14, -INF}, {N, INF}},
    {{N, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {N, -INF}, {N, N}},
};
static const cval acosh_special[7][7] = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0}, {INF, 0}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};
static const cval asinh_special[7][7] = {
    {{-INF, -P14}, {-INF, -0.}, {-INF, -0.}, {-INF, 0}, {-INF, 0}, {-INF, P14}, {-INF, N}},
    {{-INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {-INF, P12}, {N, N}},
    {{-INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {-INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0}, {INF, 0}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, -0.}, {N, 0}, {N, N}, {INF, N}, {N, N}},
};
static const cval atanh_special[7][7] = {
    {{-0., -P12}, {-0., -P12}, {-0., -P12}, {-0., P12}, {-0., P12}, {-0., P12}, {-0., N}},
    {{-0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {-0., P12}, {N, N}},
    {{-0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {-0., P12}, {-0., N}},
    {{0, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0, P12}, {0, N}},
    {{0, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0, P12}, {N, N}},
    {{0, -P12}, {0, -P12}, {0, -P12}, {0, P12}, {0, P12}, {0, P12}, {0, N}},
    {{0, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0, P12}, {N, N}},
};
static const cval cosh_special[7][7] = {
    {{N, N}, {-INF, INF}, {INF, 0}, {INF, -0.}, {-INF, -INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, 0}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, 0}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {-INF, -INF}, {INF, -0.}, {INF, 0}, {-INF, INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0}, {N, 0}, {N, N}, {N, N}, {N, N}},
};
static const cval exp_special[7][7] = {
    {{0, 0}, {-0., -0.}, {0, -0.}, {0, 0}, {-0., 0}, {0, 0}, {0, 0}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {-INF, -INF}, {INF, -0.}, {INF, 0}, {-INF, INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0}, {N, N}, {N, N}, {N, N}},
};
static const cval log_special[7][7] = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0}, {INF, 0}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};
static const cval sinh_special[7][7] = {
    {{N, N}, {INF, -INF}, {-INF, -0.}, {-INF, 0}, {INF, INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {0, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {0, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {-INF, -INF}, {INF, -0.}, {INF, 0}, {-INF, INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0}, {N, N}, {N, N}, {N, N}},
};
static const cval sqrt_special[7][7] = {
    {{INF, -INF}, {0, -INF}, {0, -INF}, {0, INF}, {0, INF}, {INF, INF}, {N, INF}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
    {{INF, -INF}, {INF, -0.}, {INF, -0.}, {INF, 0}, {INF, 0}, {INF, INF}, {INF, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
};
static const cval tanh_special[7][7] = {
    {{-1, 0}, {-1, 0}, {-1, -0.}, {-1, 0}, {-1, -0.}, {-1, 0}, {-1, 0}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{1, 0}, {1, 0}, {1, -0.}, {1, 0}, {1, -0.}, {1, 0}, {1, 0}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0}, {N, N}, {N, N}, {N, N}},
};
static const cval rect_special[7][7] = {
    {{N, N}, {INF, INF}, {-INF, 0}, {-INF, -0.}, {INF, -INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{0, 0}, {N, N}, {N, N}, {N, N}, {N, N}, {0, 0}, {0, 0}},
    {{0, 0}, {N, N}, {N, N}, {N, N}, {N, N}, {0, 0}, {0, 0}},
    {{N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}, {N, N}},
    {{N, N}, {-INF, -INF}, {INF, -0.}, {INF, 0}, {-INF, INF}, {N, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0}, {N, 0}, {N, N}, {N, N}, {N, N}},
};
#undef INF
#undef N
#undef P
#undef P12
#undef P14
#undef P34

static cval special(const cval table[7][7], cval z) {
    cm_errno = E_OK;
    return table[special_type(z.real)][special_type(z.imag)];
}

/* ---- helpers ------------------------------------------------------------------------------------------ */

static cval cneg(cval z) { return (cval){-z.real, -z.imag}; }

/* complex division as CPython's _Py_c_quot (Smith's method); DOMAIN on division by zero */
static cval c_quot(cval a, cval b) {
    cval r;
    double abs_breal = pync_fabs(b.real), abs_bimag = pync_fabs(b.imag);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            cm_errno = E_DOMAIN;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = PYNC_NAN;
    }
    return r;
}

/* |z| as CPython's _Py_c_abs: an infinite part wins over a NaN; RANGE on overflow */
static double c_abs(cval z) {
    if (!cfinite(z)) {
        if (pync_isinf(z.real)) {
            cm_errno = E_OK;
            return pync_fabs(z.real);
        }
        if (pync_isinf(z.imag)) {
            cm_errno = E_OK;
            return pync_fabs(z.imag);
        }
        return PYNC_NAN;
    }
    double r = hypot(z.real, z.imag);
    cm_errno = pync_isfinite(r) ? E_OK : E_RANGE;
    return r;
}

/* the argument of z, with C99's atan2 special cases spelled out */
static double c_atan2(cval z) {
    if (pync_isnan(z.real) || pync_isnan(z.imag)) return PYNC_NAN;
    if (pync_isinf(z.imag)) {
        if (pync_isinf(z.real)) return pync_copysign(pync_copysign(1., z.real) == 1. ? 0.25 * PI : 0.75 * PI, z.imag);
        return pync_copysign(0.5 * PI, z.imag);
    }
    if (pync_isinf(z.real) || z.imag == 0.) {
        return pync_copysign(pync_copysign(1., z.real) == 1. ? 0. : PI, z.imag);
    }
    return atan2(z.imag, z.real);
}

/* ---- the functions ------------------------------------------------------------------------------------ */

static cval c_sqrt(cval z) {
    if (!cfinite(z)) return special(sqrt_special, z);
    cm_errno = E_OK;
    if (z.real == 0. && z.imag == 0.) return (cval){0., z.imag};
    double ax = pync_fabs(z.real), ay = pync_fabs(z.imag), s;
    if (ax < DBL_MIN_ && ay < DBL_MIN_) {
        /* tiny parts: scale up so the square root keeps its precision */
        ax = ldexp(ax, SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.real >= 0.) return (cval){s, pync_copysign(d, z.imag)};
    return (cval){d, pync_copysign(s, z.imag)};
}

static cval c_acos(cval z) {
    if (!cfinite(z)) return special(acos_special, z);
    cval r;
    if (pync_fabs(z.real) > LARGE_DOUBLE || pync_fabs(z.imag) > LARGE_DOUBLE) {
        r.real = atan2(pync_fabs(z.imag), z.real);
        double l = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.imag = z.real < 0 ? -pync_copysign(l, z.imag) : pync_copysign(l, -z.imag);
    } else {
        cval s1 = c_sqrt((cval){1. - z.real, -z.imag});
        cval s2 = c_sqrt((cval){1. + z.real, z.imag});
        r.real = 2. * atan2(s1.real, s2.real);
        r.imag = asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    cm_errno = E_OK;
    return r;
}

static cval c_acosh(cval z) {
    if (!cfinite(z)) return special(acosh_special, z);
    cval r;
    if (pync_fabs(z.real) > LARGE_DOUBLE || pync_fabs(z.imag) > LARGE_DOUBLE) {
        r.real = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.imag = atan2(z.imag, z.real);
    } else {
        cval s1 = c_sqrt((cval){z.real - 1., z.imag});
        cval s2 = c_sqrt((cval){z.real + 1., z.imag});
        r.real = asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * atan2(s1.imag, s2.real);
    }
    cm_errno = E_OK;
    return r;
}

static cval c_asinh(cval z) {
    if (!cfinite(z)) return special(asinh_special, z);
    cval r;
    if (pync_fabs(z.real) > LARGE_DOUBLE || pync_fabs(z.imag) > LARGE_DOUBLE) {
        double l = log(hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.real = z.imag >= 0 ? pync_copysign(l, z.real) : -pync_copysign(l, -z.real);
        r.imag = atan2(z.imag, pync_fabs(z.real));
    } else {
        cval s1 = c_sqrt((cval){1. + z.imag, -z.real});
        cval s2 = c_sqrt((cval){1. - z.imag, z.real});
        r.real = asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    cm_errno = E_OK;
    return r;
}

/* asin(z) = -i asinh(iz) */
static cval c_asin(cval z) {
    cval s = c_asinh((cval){-z.imag, z.real});
    return (cval){s.imag, -s.real};
}

static cval c_atanh(cval z) {
    if (!cfinite(z)) return special(atanh_special, z);
    /* atanh is odd: work with a nonnegative real part */
    if (z.real < 0.) return cneg(c_atanh(cneg(z)));
    cval r;
    double ay = pync_fabs(z.imag);
    if (z.real > sqrt_large_double || ay > sqrt_large_double) {
        /* 1/z is tiny: atanh(z) ~ 1/z + i*pi/2*sign */
        double h = hypot(z.real / 2., z.imag / 2.);
        r.real = z.real / 4. / h / h;
        r.imag = -pync_copysign(PI / 2., -z.imag);
        cm_errno = E_OK;
    } else if (z.real == 1. && ay < sqrt_dbl_min) {
        /* close to the branch point 1 */
        if (ay == 0.) {
            r.real = PYNC_INF;
            r.imag = z.imag;
            cm_errno = E_DOMAIN;
        } else {
            r.real = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.imag = pync_copysign(atan2(2., -ay) / 2, z.imag);
            cm_errno = E_OK;
        }
    } else {
        r.real = log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
        r.imag = -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
        cm_errno = E_OK;
    }
    return r;
}

/* atan(z) = -i atanh(iz) */
static cval c_atan(cval z) {
    cval s = c_atanh((cval){-z.imag, z.real});
    return (cval){s.imag, -s.real};
}

static cval c_cosh(cval z) {
    cval r;
    if (!cfinite(z)) {
        if (pync_isinf(z.real) && pync_isfinite(z.imag) && z.imag != 0.) {
            double c = pync_copysign(PYNC_INF, cos(z.imag)), s = pync_copysign(PYNC_INF, sin(z.imag));
            r = z.real > 0 ? (cval){c, s} : (cval){c, -s};
        } else {
            r = special(cosh_special, z);
        }
        /* cosh(x + inf i) for x not NaN is a domain error */
        cm_errno = pync_isinf(z.imag) && !pync_isnan(z.real) ? E_DOMAIN : E_OK;
        return r;
    }
    if (pync_fabs(z.real) > log_large_double) {
        /* cosh(x) would overflow even where cos(y)*cosh(x) does not */
        double x_minus_one = z.real - pync_copysign(1., z.real);
        r.real = cos(z.imag) * cosh(x_minus_one) * M_E_;
        r.imag = sin(z.imag) * sinh(x_minus_one) * M_E_;
    } else {
        r.real = cos(z.imag) * cosh(z.real);
        r.imag = sin(z.imag) * sinh(z.real);
    }
    cm_errno = pync_isinf(r.real) || pync_isinf(r.imag) ? E_RANGE : E_OK;
    return r;
}

/* cos(z) = cosh(iz) */
static cval c_cos(cval z) { return c_cosh((cval){-z.imag, z.real}); }

static cval c_sinh(cval z) {
    cval r;
    if (!cfinite(z)) {
        if (pync_isinf(z.real) && pync_isfinite(z.imag) && z.imag != 0.) {
            double c = pync_copysign(PYNC_INF, cos(z.imag)), s = pync_copysign(PYNC_INF, sin(z.imag));
            r = z.real > 0 ? (cval){c, s} : (cval){-c, s};
        } else {
            r = special(sinh_special, z);
        }
        cm_errno = pync_isinf(z.imag) && !pync_isnan(z.real) ? E_DOMAIN : E_OK;
        return r;
    }
    if (pync_fabs(z.real) > log_large_double) {
        double x_minus_one = z.real - pync_copysign(1., z.real);
        r.real = cos(z.imag) * sinh(x_minus_one) * M_E_;
        r.imag = sin(z.imag) * cosh(x_minus_one) * M_E_;
    } else {
        r.real = cos(z.imag) * sinh(z.real);
        r.imag = sin(z.imag) * cosh(z.real);
    }
    cm_errno = pync_isinf(r.real) || pync_isinf(r.imag) ? E_RANGE : E_OK;
    return r;
}

/* sin(z) = -i sinh(iz) */
static cval c_sin(cval z) {
    cval s = c_sinh((cval){-z.imag, z.real});
    return (cval){s.imag, -s.real};
}

static cval c_tanh(cval z) {
    cval r;
    if (!cfinite(z)) {
        if (pync_isinf(z.real) && pync_isfinite(z.imag) && z.imag != 0.) {
            double i = pync_copysign(0., 2. * sin(z.imag) * cos(z.imag));
            r = (cval){z.real > 0 ? 1.0 : -1.0, i};
        } else {
            r = special(tanh_special, z);
        }
        cm_errno = pync_isinf(z.imag) && pync_isfinite(z.real) ? E_DOMAIN : E_OK;
        return r;
    }
    if (pync_fabs(z.real) > log_large_double) {
        r.real = pync_copysign(1., z.real);
        r.imag = 4. * sin(z.imag) * cos(z.imag) * exp(-2. * pync_fabs(z.real));
    } else {
        double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
        double txty = tx * ty;
        double denom = 1. + txty * txty;
        r.real = tx * (1. + ty * ty) / denom;
        r.imag = ((ty / denom) * cx) * cx;
    }
    cm_errno = E_OK;
    return r;
}

/* tan(z) = -i tanh(iz) */
static cval c_tan(cval z) {
    cval s = c_tanh((cval){-z.imag, z.real});
    return (cval){s.imag, -s.real};
}

static cval c_exp(cval z) {
    cval r;
    if (!cfinite(z)) {
        if (pync_isinf(z.real) && pync_isfinite(z.imag) && z.imag != 0.) {
            double c = cos(z.imag), s = sin(z.imag);
            r = z.real > 0 ? (cval){pync_copysign(PYNC_INF, c), pync_copysign(PYNC_INF, s)}
                           : (cval){pync_copysign(0., c), pync_copysign(0., s)};
        } else {
            r = special(exp_special, z);
        }
        /* exp(x + inf i) for finite x or x = +inf is a domain error */
        cm_errno = pync_isinf(z.imag) && (pync_isfinite(z.real) || (pync_isinf(z.real) && z.real > 0)) ? E_DOMAIN : E_OK;
        return r;
    }
    if (z.real > log_large_double) {
        double l = exp(z.real - 1.);
        r.real = l * cos(z.imag) * M_E_;
        r.imag = l * sin(z.imag) * M_E_;
    } else {
        double l = exp(z.real);
        r.real = l * cos(z.imag);
        r.imag = l * sin(z.imag);
    }
    cm_errno = pync_isinf(r.real) || pync_isinf(r.imag) ? E_RANGE : E_OK;
    return r;
}

static cval c_log(cval z) {
    if (!cfinite(z)) return special(log_special, z);
    cval r;
    double ax = pync_fabs(z.real), ay = pync_fabs(z.imag);
    if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) {
        r.real = log(hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN_ && ay < DBL_MIN_) {
        if (ax > 0. || ay > 0.) {
            /* subnormal: scale by 2**53 first */
            r.real = log(hypot(ldexp(ax, MANT_DIG), ldexp(ay, MANT_DIG))) - MANT_DIG * LN2;
        } else {
            /* log(0) */
            r.real = -PYNC_INF;
            r.imag = atan2(z.imag, z.real);
            cm_errno = E_DOMAIN;
            return r;
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            /* near the unit circle log1p keeps the precision log(h) would lose */
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.real = log(h);
        }
    }
    r.imag = atan2(z.imag, z.real);
    cm_errno = E_OK;
    return r;
}

static cval c_log10(cval z) {
    cval s = c_log(z);   /* keeps c_log's error */
    return (cval){s.real / LN10, s.imag / LN10};
}

/* ---- arguments and results ------------------------------------------------------------------------------ */

/* PyFloat_AsDouble: __float__, then __index__ (pync_as_double does not try the __index__ of a
   class without __float__) */
static int real_arg(pv v, double *out) {
    const pync_type *t = pv_type(v);
    if ((t->flags & PYNC_TF_HEAPTYPE) && !pync_is_float(v) && !pync_is_int(v) && !pync_type_lookup_cstr(t, "__float__")) {
        if (pync_current_exc) return -1;
        if (pync_type_lookup_cstr(t, "__index__")) {
            pv i = pync_number_index(v);
            if (!i) return -1;
            return pync_int_to_double(i, out);
        }
        if (pync_current_exc) return -1;
    }
    return pync_as_double(v, out);
}

/* PyComplex_AsCComplex: complex, __complex__, then a real number */
static int as_cval(pv v, cval *out) {
    if (pync_is_complex(v)) {
        const pync_complex *c = (const pync_complex *)v;
        *out = (cval){c->real, c->imag};
        return 0;
    }
    if (!pv_is_small(v) && !pync_is_float(v) && !pync_is_int(v)) {
        bool found = false;
        pv c = pync_call_special(v, "__complex__", NULL, 0, &found);
        if (found || pync_current_exc) {
            if (!c) return -1;
            if (!pync_is_complex(c)) {
                pync_raise_fmt(&pync_TypeError_type, "__complex__ returned non-complex (type %T)", c);
                return -1;
            }
            *out = (cval){((const pync_complex *)c)->real, ((const pync_complex *)c)->imag};
            return 0;
        }
    }
    out->imag = 0.;
    return real_arg(v, &out->real);
}

static pv math_error(void) {
    if (cm_errno == E_DOMAIN) return pync_raise_fmt(&pync_ValueError_type, "math domain error");
    return pync_raise_fmt(&pync_OverflowError_type, "math range error");
}

static pv result(cval r) {
    if (cm_errno != E_OK) return math_error();
    return pync_complex_new(r.real, r.imag);
}

static pv func1(const char *qualname, pv *args, size_t nargs, pv kwnames, cval (*f)(cval)) {
    if (pync_check_one_arg(qualname, nargs, kwnames) < 0) return 0;
    cval z;
    if (as_cval(args[0], &z) < 0) return 0;
    cm_errno = E_OK;
    return result(f(z));
}

#define FUNC1(NAME)                                                                                    \
    static pv cm_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                                 \
        (void)self;                                                                                    \
        return func1("cmath." #NAME, args, nargs, kwnames, c_##NAME);                                  \
    }

FUNC1(acos)
FUNC1(acosh)
FUNC1(asin)
FUNC1(asinh)
FUNC1(atan)
FUNC1(atanh)
FUNC1(cos)
FUNC1(cosh)
FUNC1(exp)
FUNC1(log10)
FUNC1(sin)
FUNC1(sinh)
FUNC1(sqrt)
FUNC1(tan)
FUNC1(tanh)

/* log(z[, base]) */
static pv cm_log(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_no_kwargs("cmath.log", kwnames) < 0 || pync_check_positional("log", nargs, 0, 1, 2) < 0) return 0;
    cval x, y;
    if (as_cval(args[0], &x) < 0) return 0;
    cm_errno = E_OK;
    x = c_log(x);
    if (nargs == 2) {
        if (as_cval(args[1], &y) < 0) return 0;
        y = c_log(y);
        x = c_quot(x, y);
    }
    return result(x);
}

static pv cm_phase(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_one_arg("cmath.phase", nargs, kwnames) < 0) return 0;
    cval z;
    if (as_cval(args[0], &z) < 0) return 0;
    double phi = c_atan2(z);
    /* the C library's atan2 reports an underflow to zero as a range error, and CPython's phase
       passes it on */
    if (phi == 0. && z.imag != 0. && pync_isfinite(z.real) && pync_isfinite(z.imag)) {
        cm_errno = E_RANGE;
        return math_error();
    }
    return pync_float_new(phi);
}

static pv cm_polar(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_one_arg("cmath.polar", nargs, kwnames) < 0) return 0;
    cval z;
    if (as_cval(args[0], &z) < 0) return 0;
    cm_errno = E_OK;
    double phi = c_atan2(z);
    double r = c_abs(z);
    if (cm_errno != E_OK) return math_error();
    return pync_tuple_pack(2, pync_float_new(r), pync_float_new(phi));
}

static pv cm_rect(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_no_kwargs("cmath.rect", kwnames) < 0 || pync_check_positional("rect", nargs, 0, 2, 2) < 0) return 0;
    double r, phi;
    if (real_arg(args[0], &r) < 0 || real_arg(args[1], &phi) < 0) return 0;
    cval z;
    if (!pync_isfinite(r) || !pync_isfinite(phi)) {
        if (pync_isinf(r) && pync_isfinite(phi) && phi != 0.) {
            double c = pync_copysign(PYNC_INF, cos(phi)), s = pync_copysign(PYNC_INF, sin(phi));
            z = r > 0 ? (cval){c, s} : (cval){-c, -s};
        } else {
            z = rect_special[special_type(r)][special_type(phi)];
        }
        /* a nonzero modulus with an infinite angle is a domain error */
        cm_errno = r != 0. && !pync_isnan(r) && pync_isinf(phi) ? E_DOMAIN : E_OK;
    } else if (phi == 0.) {
        /* keeps the sign of a zero r in the imaginary part, as r * sin(phi) would not for r < 0 */
        z = (cval){r, r * phi};
        cm_errno = E_OK;
    } else {
        z = (cval){r * cos(phi), r * sin(phi)};
        cm_errno = E_OK;
    }
    return result(z);
}

static pv cm_isfinite(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_one_arg("cmath.isfinite", nargs, kwnames) < 0) return 0;
    cval z;
    if (as_cval(args[0], &z) < 0) return 0;
    return pync_bool(cfinite(z));
}

static pv cm_isnan(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_one_arg("cmath.isnan", nargs, kwnames) < 0) return 0;
    cval z;
    if (as_cval(args[0], &z) < 0) return 0;
    return pync_bool(pync_isnan(z.real) || pync_isnan(z.imag));
}

static pv cm_isinf(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_one_arg("cmath.isinf", nargs, kwnames) < 0) return 0;
    cval z;
    if (as_cval(args[0], &z) < 0) return 0;
    return pync_bool(pync_isinf(z.real) || pync_isinf(z.imag));
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static pv cm_isclose(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    if (nargs > 2) {
        return pync_raise_fmt(&pync_TypeError_type, "isclose() takes exactly 2 positional arguments (%zd given)",
                              (ptrdiff_t)nargs);
    }
    pv a[4];
    if (pync_parse_args("isclose", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "isclose() missing required argument 'a' (pos 1)");
    if (!a[1]) return pync_raise_fmt(&pync_TypeError_type, "isclose() missing required argument 'b' (pos 2)");
    cval x, y;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (as_cval(a[0], &x) < 0 || as_cval(a[1], &y) < 0) return 0;
    if (a[2] && real_arg(a[2], &rel_tol) < 0) return 0;
    if (a[3] && real_arg(a[3], &abs_tol) < 0) return 0;
    if (rel_tol < 0.0 || abs_tol < 0.0) return pync_raise_fmt(&pync_ValueError_type, "tolerances must be non-negative");
    /* exact equality catches two infinities of the same sign */
    if (x.real == y.real && x.imag == y.imag) return pync_True;
    if (pync_isinf(x.real) || pync_isinf(x.imag) || pync_isinf(y.real) || pync_isinf(y.imag)) return pync_False;
    double diff = c_abs((cval){x.real - y.real, x.imag - y.imag});
    return pync_bool((diff <= rel_tol * c_abs(y)) || (diff <= rel_tol * c_abs(x)) || diff <= abs_tol);
}

static const pync_method_def cmath_functions[] = {
    {"acos", cm_acos, 0},
    {"acosh", cm_acosh, 0},
    {"asin", cm_asin, 0},
    {"asinh", cm_asinh, 0},
    {"atan", cm_atan, 0},
    {"atanh", cm_atanh, 0},
    {"cos", cm_cos, 0},
    {"cosh", cm_cosh, 0},
    {"exp", cm_exp, 0},
    {"isclose", cm_isclose, 0},
    {"isfinite", cm_isfinite, 0},
    {"isinf", cm_isinf, 0},
    {"isnan", cm_isnan, 0},
    {"log", cm_log, 0},
    {"log10", cm_log10, 0},
    {"phase", cm_phase, 0},
    {"polar", cm_polar, 0},
    {"rect", cm_rect, 0},
    {"sin", cm_sin, 0},
    {"sinh", cm_sinh, 0},
    {"sqrt", cm_sqrt, 0},
    {"tan", cm_tan, 0},
    {"tanh", cm_tanh, 0},
    {NULL, NULL, 0},
};

static int cmath_init(pv m) {
    sqrt_large_double = sqrt(LARGE_DOUBLE);
    log_large_double = log(LARGE_DOUBLE);
    sqrt_dbl_min = sqrt(DBL_MIN_);
    if (pync_module_add_functions(m, cmath_functions) < 0) return -1;
    if (pync_module_add(m, "pi", pync_float_new(PI)) < 0 || pync_module_add(m, "e", pync_float_new(M_E_)) < 0 ||
        pync_module_add(m, "tau", pync_float_new(2 * PI)) < 0 || pync_module_add(m, "inf", pync_float_new(PYNC_INF)) < 0 ||
        pync_module_add(m, "infj", pync_complex_new(0., PYNC_INF)) < 0 ||
        pync_module_add(m, "nan", pync_float_new(PYNC_NAN)) < 0 ||
        pync_module_add(m, "nanj", pync_complex_new(0., PYNC_NAN)) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_cmath = {"cmath", cmath_init};
