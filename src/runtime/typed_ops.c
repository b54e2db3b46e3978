/* typed_ops.c — the operations compiled code calls on unboxed values (floats as doubles), when
 * the type inference has proved their types: float arithmetic with CPython's errors, the math
 * functions on doubles, int<->float conversions, and the error raised when a dynamic call does
 * not fit a function compiled for other argument types.
 *
 * Functions returning a double signal an error by raising (pync_current_exc is set); compiled
 * code tests pync_current_exc after the call. */
#include "pync.h"
#include "internal.h"
#include "numeric.h"

/* ---- conversions -------------------------------------------------------------------------------- */

/* A value the inference typed as int (usually a big int here: small ones convert inline) as a
   double; other numbers (a float where an int was expected cannot happen, but a bool can)
   convert as float() would. */
double pync_typed_to_double(pv v) {
    double d = 0.0;
    if (pv_is_small(v)) return (double)pv_small(v);
    if (pync_isinstance_type(v, &pync_int_type)) {
        if (pync_int_to_double(v, &d) < 0) return -1.0;
        return d;
    }
    if (pync_as_double(v, &d) < 0) return -1.0;
    return d;
}

/* int(x) of a double: OverflowError/ValueError for infinities and NaN, as int() raises them. */
pv pync_typed_float_to_int(double x) { return pync_int_from_double(x); }

/* ---- float arithmetic ------------------------------------------------------------------------------ */

double pync_f_div(double x, double y) {
    if (y == 0.0) {
        pync_raise_fmt(&pync_ZeroDivisionError_type, "float division by zero");
        return -1.0;
    }
    return x / y;
}

double pync_f_floordiv(double x, double y) {
    if (y == 0.0) {
        pync_raise_fmt(&pync_ZeroDivisionError_type, "float floor division by zero");
        return -1.0;
    }
    double q, m;
    pync_float_div_mod_d(x, y, &q, &m);
    return q;
}

double pync_f_mod(double x, double y) {
    if (y == 0.0) {
        pync_raise_fmt(&pync_ZeroDivisionError_type, "float modulo");
        return -1.0;
    }
    return pync_float_mod_d(x, y);
}

/* x ** y where the inference proved the answer is a float (a base that is never negative, or an
   int exponent); were it complex after all, that is a compiler bug: SystemError, not a wrong
   value. */
double pync_f_pow(double x, double y) {
    double r;
    int status = pync_float_pow_d(x, y, &r);
    if (status == 0) return r;
    if (status > 0) pync_bad_internal_call("float ** float gave a complex number where a float was inferred");
    return -1.0;
}

/* int / int as CPython's true division (correctly rounded, "division by zero") */
double pync_int_truediv(pv a, pv b) {
    pv r = pync_binary(a, b, PYNC_OP_TRUEDIV);
    if (!r) return -1.0;
    if (!pv_is_small(r) && pv_type(r) == &pync_float_type) return pync_float_value(r);
    double d;
    if (pync_as_double(r, &d) < 0) return -1.0;
    return d;
}

/* ---- math on doubles ----------------------------------------------------------------------------- */

enum { M_SQRT, M_SIN, M_COS, M_TAN, M_EXP, M_LOG, M_ATAN, M_ASIN, M_ACOS, M_FABS, M_SINH, M_COSH, M_TANH, M_LOG10, M_LOG2 };

/* math.<f>(x) with the checks of mod_math.c: a NaN from a non-NaN is a domain error, an
   infinity from a finite a range error (for functions that can overflow) */
double pync_math_1(int which, double x) {
    double r;
    bool can_overflow = false;
    switch (which) {
    case M_SQRT: r = sqrt(x); break;
    case M_SIN: r = sin(x); break;
    case M_COS: r = cos(x); break;
    case M_TAN: r = tan(x); break;
    case M_EXP: r = exp(x); can_overflow = true; break;
    case M_LOG:
        if (x <= 0.0) {
            pync_raise_fmt(&pync_ValueError_type, "math domain error");
            return -1.0;
        }
        r = log(x);
        break;
    case M_ATAN: r = atan(x); break;
    case M_ASIN: r = asin(x); break;
    case M_ACOS: r = acos(x); break;
    case M_FABS: return pync_fabs(x);
    case M_SINH: r = sinh(x); can_overflow = true; break;
    case M_COSH: r = cosh(x); can_overflow = true; break;
    case M_TANH: r = tanh(x); break;
    case M_LOG10:
        if (x <= 0.0) {
            pync_raise_fmt(&pync_ValueError_type, "math domain error");
            return -1.0;
        }
        r = log10(x);
        break;
    case M_LOG2:
        if (x <= 0.0) {
            pync_raise_fmt(&pync_ValueError_type, "math domain error");
            return -1.0;
        }
        r = log2(x);
        break;
    default:
        pync_bad_internal_call("pync_math_1");
        return -1.0;
    }
    if (pync_isnan(r) && !pync_isnan(x)) {
        pync_raise_fmt(&pync_ValueError_type, "math domain error");
        return -1.0;
    }
    if (pync_isinf(r) && pync_isfinite(x)) {
        if (can_overflow) pync_raise_fmt(&pync_OverflowError_type, "math range error");
        else pync_raise_fmt(&pync_ValueError_type, "math domain error");
        return -1.0;
    }
    return r;
}

/* ---- calls ------------------------------------------------------------------------------------------ */

/* A dynamic call of a function compiled only for the argument types the program passes it
   (no generic version exists): the inference missed a caller. A TypeError, never a crash. */
pv pync_raise_entry_mismatch(const pync_code *code) {
    return pync_raise_fmt(&pync_TypeError_type, "%s() was called with arguments of types pync did not compile it for",
                          code->qualname);
}

/* The instance a typed constructor call fills with its __init__: the plain allocation of a
   class whose layout is object's (the compiler checked the class has no __new__). */
pv pync_instance_new(pv cls) {
    const pync_type *t = (const pync_type *)cls;
    return (pv)pync_gc_alloc(t->basicsize, t);
}

/* `__init__` returned something else than None */
int pync_check_init_result(pv r) {
    if (r == pync_None) return 0;
    pync_raise_fmt(&pync_TypeError_type, "__init__() should return None, not '%T'", r);
    return -1;
}
