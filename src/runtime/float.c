/* float.c — the float type: an IEEE double with CPython 3.11's results and messages.
 *
 * repr/str, parsing, round(x, n), hex/fromhex come from lib/dtoa (CPython-exact, no libc).
 * Arithmetic accepts float and int operands (ints are converted exactly-rounded, with
 * "int too large to convert to float"), otherwise returns NotImplemented. Comparisons with ints
 * are exact, like CPython's float_richcompare (1e300 == 10**300 is False, 2**53 + 1 > 2.0**53).
 * ** calls the C library's pow() after CPython's own special cases (float_pow); a negative base
 * with a fractional exponent gives a complex result. __format__ is in format_spec.c. */
#include "numeric.h"
#include "containers.h"
#include "lib/dtoa.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

/* ---- representation --------------------------------------------------------------------------- */

pv pync_float_new(double v) {
    _Static_assert(sizeof(pync_float) == 16, "a float is one 16-byte slot of the bump region");
    pync_float *f = pync_gc_alloc_bump16(&pync_float_type);
    if (!f) return 0;
    f->value = v;
    return (pv)f;
}

pv pync_float_new_of(const pync_type *type, double v) {
    if (type == &pync_float_type) return pync_float_new(v);
    size_t size = type->basicsize > sizeof(pync_float) ? type->basicsize : sizeof(pync_float);
    pync_float *f = pync_gc_alloc(size, type);
    if (!f) return 0;
    f->value = v;
    return (pv)f;
}

double pync_frexp(double x, int *e) {
    if (x == 0.0 || !pync_isfinite(x)) {
        *e = 0;
        return x;
    }
    uint64_t b = pync_double_bits(x);
    int ex = (int)((b >> 52) & 0x7ff);
    if (ex == 0) { /* subnormal: scale up by 2**64 first */
        x *= 18446744073709551616.0;
        b = pync_double_bits(x);
        ex = (int)((b >> 52) & 0x7ff) - 64;
        b = (b & ~((uint64_t)0x7ff << 52)) | ((uint64_t)1022 << 52);
        *e = ex - 1022;
        return pync_bits_double(b);
    }
    *e = ex - 1022;
    b = (b & ~((uint64_t)0x7ff << 52)) | ((uint64_t)1022 << 52);
    return pync_bits_double(b);
}

pv pync_float_repr_str(double v) {
    char buf[PYNC_DTOA_REPR_BUFSIZE];
    int n = pync_dtoa_repr(v, buf);
    return pync_str_ascii(buf, (size_t)n);
}

static pv float_repr(pv self) { return pync_float_repr_str(pync_float_value(self)); }

/* An operand of float arithmetic: 1 with *out set, 0 for NotImplemented, -1 on error. */
static int operand(pv v, double *out) {
    if (pv_is_small(v)) {
        *out = (double)pv_small(v);
        return 1;
    }
    if (pync_is_float(v)) {
        *out = pync_float_value(v);
        return 1;
    }
    if (pync_is_int(v)) return pync_int_to_double(v, out) < 0 ? -1 : 1;
    return 0;
}

#define OPERANDS(a, b, x, y)                                                                           \
    double x, y;                                                                                       \
    do {                                                                                               \
        int ra_ = operand(a, &x);                                                                      \
        if (ra_ <= 0) return ra_ < 0 ? 0 : pync_NotImplemented;                                        \
        int rb_ = operand(b, &y);                                                                      \
        if (rb_ <= 0) return rb_ < 0 ? 0 : pync_NotImplemented;                                        \
    } while (0)

/* ---- arithmetic ---------------------------------------------------------------------------------- */

static pv float_add(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pync_float_new(x + y);
}
static pv float_sub(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pync_float_new(x - y);
}
static pv float_mul(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pync_float_new(x * y);
}
static pv float_truediv(pv a, pv b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float division by zero");
    return pync_float_new(x / y);
}

double pync_float_mod_d(double vx, double wx) {
    double mod = fmod(vx, wx);
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = pync_copysign(0.0, wx);
    }
    return mod;
}

void pync_float_div_mod_d(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0.0) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = pync_copysign(0.0, wx);
    }
    if (div != 0.0) {
        *floordiv = pync_floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = pync_copysign(0.0, vx / wx);
    }
    *mod = m;
}

static pv float_mod(pv a, pv b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float modulo");
    return pync_float_new(pync_float_mod_d(x, y));
}

static pv float_floordiv(pv a, pv b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float floor division by zero");
    double q, m;
    pync_float_div_mod_d(x, y, &q, &m);
    return pync_float_new(q);
}

static pv float_divmod(pv a, pv b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float divmod()");
    double q, m;
    pync_float_div_mod_d(x, y, &q, &m);
    pv qv = pync_float_new(q);
    if (!qv) return 0;
    pv mv = pync_float_new(m);
    return mv ? pync_tuple_pack(2, qv, mv) : 0;
}

static bool is_odd_integer(double x) { return fmod(pync_fabs(x), 2.0) == 1.0; }

/* OverflowError(34, 'Numerical result out of range'), as CPython's PyErr_SetFromErrno(ERANGE). */
static pv raise_erange(void) {
    pv args[2] = {pv_from_small(34), pync_str_from_cstr("Numerical result out of range")};
    if (!args[1]) return 0;
    pv exc = pync_call((pv)&pync_OverflowError_type, args, 2, 0);
    return exc ? pync_raise(exc) : 0;
}

/* float ** float on doubles: 0 with *out set, -1 with the exception raised, or 1 when the
   answer is complex (a negative base to a fractional power; *out untouched). */
int pync_float_pow_d(double iv, double iw, double *out) {
    bool negate = false;
    if (iw == 0.0) { *out = 1.0; return 0; }
    if (pync_isnan(iv)) { *out = iv; return 0; }
    if (pync_isnan(iw)) { *out = iv == 1.0 ? 1.0 : iw; return 0; }
    if (pync_isinf(iw)) {
        iv = pync_fabs(iv);
        if (iv == 1.0) *out = 1.0;
        else if ((iw > 0.0) == (iv > 1.0)) *out = pync_fabs(iw);
        else *out = 0.0;
        return 0;
    }
    if (pync_isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) *out = odd ? iv : pync_fabs(iv);
        else *out = odd ? pync_copysign(0.0, iv) : 0.0;
        return 0;
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0) {
            pync_raise_fmt(&pync_ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
            return -1;
        }
        *out = odd ? iv : 0.0;
        return 0;
    }
    if (iv < 0.0) {
        if (iw != pync_floor(iw)) return 1;
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) { *out = negate ? -1.0 : 1.0; return 0; }
    double ix = pow(iv, iw);
    if (pync_isinf(ix)) {
        raise_erange();
        return -1;
    }
    *out = negate ? -ix : ix;
    return 0;
}

pv pync_float_pow_values(double iv, double iw) {
    double r;
    int status = pync_float_pow_d(iv, iw, &r);
    if (status < 0) return 0;
    if (status > 0) return pync_complex_pow_values(iv, 0.0, iw, 0.0);
    return pync_float_new(r);
}

static pv float_pow(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pync_float_pow_values(x, y);
}

static pv float_neg(pv a) { return pync_float_new(-pync_float_value(a)); }
static pv float_pos(pv a) {
    return pv_type(a) == &pync_float_type ? a : pync_float_new(pync_float_value(a));
}
static pv float_abs(pv a) { return pync_float_new(pync_fabs(pync_float_value(a))); }

/* ---- comparison, hash, truth, conversions --------------------------------------------------------- */

static pv cmp_result(int c, pync_cmpop op) {
    switch (op) {
    case PYNC_LT: return pync_bool(c < 0);
    case PYNC_LE: return pync_bool(c <= 0);
    case PYNC_EQ: return pync_bool(c == 0);
    case PYNC_NE: return pync_bool(c != 0);
    case PYNC_GT: return pync_bool(c > 0);
    default: return pync_bool(c >= 0);
    }
}

/* -1, 0, 1 comparing a finite double with an int, exactly. 2 on error. */
static int compare_with_int(double x, pv w) {
    int64_t i;
    if (pync_int_as_i64(w, &i) && i >= -9007199254740992LL && i <= 9007199254740992LL) {
        double y = (double)i;
        return (x > y) - (x < y);
    }
    double t = pync_trunc(x), frac = x - t;
    pync_mp *mt = pync_mp_from_double(t);
    if (!mt) {
        pync_int_wrap(NULL);
        return 2;
    }
    pync_mp_buf64 buf;
    int c = pync_mp_cmp(mt, pync_int_mp(w, &buf));
    if (c == 0) c = (frac > 0) - (frac < 0);
    return c;
}

static pv float_richcompare(pv a, pv b, pync_cmpop op) {
    double x = pync_float_value(a);
    if (pync_is_float(b)) {
        double y = pync_float_value(b);
        switch (op) {
        case PYNC_LT: return pync_bool(x < y);
        case PYNC_LE: return pync_bool(x <= y);
        case PYNC_EQ: return pync_bool(x == y);
        case PYNC_NE: return pync_bool(x != y);
        case PYNC_GT: return pync_bool(x > y);
        default: return pync_bool(x >= y);
        }
    }
    if (!pync_is_int(b)) return pync_NotImplemented;
    if (pync_isnan(x)) return pync_bool(op == PYNC_NE);
    if (pync_isinf(x)) return cmp_result(x > 0 ? 1 : -1, op);
    int c = compare_with_int(x, b);
    if (c == 2) return 0;
    return cmp_result(c, op);
}

static int float_hash(pv self, int64_t *out) {
    *out = pync_hash_double(pync_float_value(self), self);
    return 0;
}

static int float_truth(pv self) { return pync_float_value(self) != 0.0; }

static pv float_to_int(pv self) { return pync_int_from_double(pync_float_value(self)); }

static pv float_to_float(pv self) { return float_pos(self); }

pv pync_float_floor_int(double x) { return pync_int_from_double(pync_floor(x)); }
pv pync_float_ceil_int(double x) { return pync_int_from_double(pync_ceil(x)); }

/* ---- construction ------------------------------------------------------------------------------- */

static pv float_from_text(pv x) {
    pync_rawbuf *rb;
    size_t n;
    if (pync_isinstance_type(x, &pync_str_type)) {
        rb = pync_numeric_ascii(x, &n);
    } else {
        rb = pync_bytes_copy(x, &n);
    }
    if (!rb) return 0;
    double d;
    bool has_nul = false;
    for (size_t i = 0; i < n; i++) has_nul |= rb->data[i] == 0;
    if (has_nul || pync_parse_float((const char *)rb->data, n, &d) != 0) {
        return pync_raise_fmt(&pync_ValueError_type, "could not convert string to float: %R", x);
    }
    return pync_float_new(d);
}

/* PyNumber_Float */
static pv number_float(pv x) {
    if (pv_is_small(x)) return pync_float_new((double)pv_small(x));
    const pync_type *t = pv_type(x);
    if (t == &pync_float_type) return x;
    if (t->to_float) {
        pv r = t->to_float(x);
        if (!r) return 0;
        if (!pync_is_float(r)) {
            return pync_raise_fmt(&pync_TypeError_type, "%s.__float__ returned non-float (type %T)", t->name, r);
        }
        return pv_type(r) == &pync_float_type ? r : pync_float_new(pync_float_value(r));
    }
    if (pync_has_index(x)) {
        pv i = pync_number_index(x);
        if (!i) return 0;
        double d;
        if (pync_int_to_double(i, &d) < 0) return 0;
        return pync_float_new(d);
    }
    if (pync_is_float(x)) return pync_float_new(pync_float_value(x));
    if (pync_isinstance_type(x, &pync_str_type) || pync_is_bytes_like(x)) return float_from_text(x);
    return pync_raise_fmt(&pync_TypeError_type, "float() argument must be a string or a real number, not '%T'", x);
}

static pv float_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        return pync_raise_fmt(&pync_TypeError_type, "float() takes no keyword arguments");
    }
    if (nargs > 1) return pync_raise_fmt(&pync_TypeError_type, "float expected at most 1 argument, got %zd", (ptrdiff_t)nargs);
    pv r = nargs ? number_float(args[0]) : pync_float_new(0.0);
    if (!r || type == &pync_float_type) return r;
    return pync_float_new_of(type, pync_float_value(r));
}

/* ---- methods -------------------------------------------------------------------------------------- */

#define NOARGS(NAME)                                                                                   \
    (void)args;                                                                                        \
    if (pync_check_args(NAME, nargs, kwnames, 0, 0) < 0) return 0

static pv meth_is_integer(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("is_integer");
    double x = pync_float_value(self);
    return pync_bool(pync_isfinite(x) && pync_floor(x) == x);
}

static pv meth_as_integer_ratio(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("as_integer_ratio");
    double x = pync_float_value(self);
    if (pync_isinf(x)) return pync_raise_fmt(&pync_OverflowError_type, "cannot convert Infinity to integer ratio");
    if (pync_isnan(x)) return pync_raise_fmt(&pync_ValueError_type, "cannot convert NaN to integer ratio");
    uint64_t b = pync_double_bits(x);
    int ex = (int)((b >> 52) & 0x7ff);
    uint64_t mant = b & (((uint64_t)1 << 52) - 1);
    if (ex) mant |= (uint64_t)1 << 52;
    else ex = 1;
    int64_t e = ex - 1075;
    if (mant == 0) return pync_tuple_pack(2, pv_from_small(0), pv_from_small(1));
    while (!(mant & 1) && e < 0) {
        mant >>= 1;
        e++;
    }
    pync_mp_buf64 bm;
    const pync_mp *m = pync_mp_view_i64(&bm, (b >> 63) ? -(int64_t)mant : (int64_t)mant);
    pync_mp_buf64 bone;
    const pync_mp *one = pync_mp_view_i64(&bone, 1);
    pync_mp *num, *den;
    if (e >= 0) {
        if (pync_mp_lshift_i64(&num, m, e) != PYNC_MP_OK) return pync_int_wrap(NULL);
        den = pync_mp_copy(one);
    } else {
        num = pync_mp_copy(m);
        if (pync_mp_lshift_i64(&den, one, -e) != PYNC_MP_OK) return pync_int_wrap(NULL);
    }
    pv n = pync_int_wrap(num);
    if (!n) return 0;
    pv d = pync_int_wrap(den);
    return d ? pync_tuple_pack(2, n, d) : 0;
}

static pv meth_hex(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("hex");
    char buf[PYNC_DTOA_REPR_BUFSIZE];
    int n = pync_double_hex(pync_float_value(self), buf);
    return pync_str_ascii(buf, (size_t)n);
}

static pv meth_fromhex(pv cls, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("fromhex", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "fromhex() argument must be str, not %T", args[0]);
    }
    size_t n;
    pync_rawbuf *rb = pync_numeric_ascii(args[0], &n);
    if (!rb) return 0;
    double d;
    int r = pync_double_fromhex((const char *)rb->data, n, &d);
    if (r == -1) return pync_raise_fmt(&pync_ValueError_type, "invalid hexadecimal floating-point string");
    if (r == -2) return pync_raise_fmt(&pync_OverflowError_type, "hexadecimal value too large to represent as a float");
    pv f = pync_float_new(d);
    if (!f || !cls || cls == (pv)&pync_float_type) return f;
    return pync_call1(cls, f);
}

static pv meth_conjugate(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("conjugate");
    return float_pos(self);
}

static pv float_round(pv self, pv ndigits) {
    double x = pync_float_value(self);
    if (!ndigits || ndigits == pync_None) {
        double r = pync_round_half_away(x);
        if (pync_fabs(x - r) == 0.5) r = 2.0 * pync_round_half_away(x / 2.0);
        return pync_int_from_double(r);
    }
    pv nd = pync_number_index(ndigits);
    if (!nd) return 0;
    int64_t n;
    if (!pync_int_as_i64(nd, &n)) {
        pync_mp_buf64 buf;
        n = pync_mp_sign(pync_int_mp(nd, &buf)) < 0 ? INT64_MIN : INT64_MAX;
    }
    if (!pync_isfinite(x)) return pync_float_new(x);
    if (n > 323) return pync_float_new(x);
    if (n < -308) return pync_float_new(0.0 * x);
    double r;
    if (pync_round_double(x, (int)n, &r) < 0) {
        return pync_raise_fmt(&pync_OverflowError_type, "rounded value too large to represent");
    }
    return pync_float_new(r);
}

static pv meth_round(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__round__", nargs, kwnames, 0, 1) < 0) return 0;
    return float_round(self, nargs ? args[0] : 0);
}

static pv meth_trunc(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__trunc__");
    return pync_int_from_double(pync_float_value(self));
}
static pv meth_floor(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__floor__");
    return pync_float_floor_int(pync_float_value(self));
}
static pv meth_ceil(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__ceil__");
    return pync_float_ceil_int(pync_float_value(self));
}
static pv meth_int(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__int__");
    return pync_int_from_double(pync_float_value(self));
}
static pv meth_float(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__float__");
    return float_pos(self);
}
static pv meth_abs(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__abs__");
    return float_abs(self);
}
static pv meth_neg(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__neg__");
    return float_neg(self);
}
static pv meth_pos(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__pos__");
    return float_pos(self);
}
static pv meth_bool(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__bool__");
    return pync_bool(float_truth(self));
}
static pv meth_getnewargs(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__getnewargs__");
    pv v = float_pos(self);
    return v ? pync_tuple_pack(1, v) : 0;
}

static pv meth_getformat(pv cls, pv *args, size_t nargs, pv kwnames) {
    (void)cls;
    if (pync_check_args("__getformat__", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__getformat__() argument must be str, not %T", args[0]);
    }
    if (!pync_str_eq_cstr(args[0], "double") && !pync_str_eq_cstr(args[0], "float")) {
        return pync_raise_fmt(&pync_ValueError_type, "__getformat__() argument 1 must be 'double' or 'float'");
    }
    return pync_str_from_cstr("IEEE, little-endian");
}

static pv meth_format(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__format__", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__format__() argument must be str, not %T", args[0]);
    }
    return pync_float_format(self, args[0]);
}

pv pync_float_divmod(pv a, pv b) { return float_divmod(a, b); }

#define BINOP_METHODS(NAME, FN)                                                                        \
    static pv meth_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                               \
        if (pync_check_args("__" #NAME "__", nargs, kwnames, 1, 1) < 0) return 0;                      \
        return FN(self, args[0]);                                                                      \
    }                                                                                                  \
    static pv meth_r##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                              \
        if (pync_check_args("__r" #NAME "__", nargs, kwnames, 1, 1) < 0) return 0;                     \
        return FN(args[0], self);                                                                      \
    }
BINOP_METHODS(add, float_add)
BINOP_METHODS(sub, float_sub)
BINOP_METHODS(mul, float_mul)
BINOP_METHODS(truediv, float_truediv)
BINOP_METHODS(floordiv, float_floordiv)
BINOP_METHODS(mod, float_mod)
BINOP_METHODS(divmod, float_divmod)

static pv meth_pow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__pow__", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && args[1] != pync_None) {
        return pync_raise_fmt(&pync_TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return float_pow(self, args[0]);
}
static pv meth_rpow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__rpow__", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && args[1] != pync_None) {
        return pync_raise_fmt(&pync_TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return float_pow(args[0], self);
}

PYNC_METHOD(float, is_integer, meth_is_integer, 0);
PYNC_METHOD(float, as_integer_ratio, meth_as_integer_ratio, 0);
PYNC_METHOD(float, hex, meth_hex, 0);
PYNC_METHOD(float, fromhex, meth_fromhex, PYNC_METH_CLASS);
PYNC_METHOD(float, conjugate, meth_conjugate, 0);
PYNC_METHOD(float, __round__, meth_round, 0);
PYNC_METHOD(float, __trunc__, meth_trunc, 0);
PYNC_METHOD(float, __floor__, meth_floor, 0);
PYNC_METHOD(float, __ceil__, meth_ceil, 0);
PYNC_METHOD(float, __int__, meth_int, 0);
PYNC_METHOD(float, __float__, meth_float, 0);
PYNC_METHOD(float, __abs__, meth_abs, 0);
PYNC_METHOD(float, __neg__, meth_neg, 0);
PYNC_METHOD(float, __pos__, meth_pos, 0);
PYNC_METHOD(float, __bool__, meth_bool, 0);
PYNC_METHOD(float, __getnewargs__, meth_getnewargs, 0);
PYNC_METHOD(float, __getformat__, meth_getformat, PYNC_METH_CLASS);
PYNC_METHOD(float, __format__, meth_format, 0);
PYNC_METHOD(float, __add__, meth_add, 0);
PYNC_METHOD(float, __radd__, meth_radd, 0);
PYNC_METHOD(float, __sub__, meth_sub, 0);
PYNC_METHOD(float, __rsub__, meth_rsub, 0);
PYNC_METHOD(float, __mul__, meth_mul, 0);
PYNC_METHOD(float, __rmul__, meth_rmul, 0);
PYNC_METHOD(float, __truediv__, meth_truediv, 0);
PYNC_METHOD(float, __rtruediv__, meth_rtruediv, 0);
PYNC_METHOD(float, __floordiv__, meth_floordiv, 0);
PYNC_METHOD(float, __rfloordiv__, meth_rfloordiv, 0);
PYNC_METHOD(float, __mod__, meth_mod, 0);
PYNC_METHOD(float, __rmod__, meth_rmod, 0);
PYNC_METHOD(float, __divmod__, meth_divmod, 0);
PYNC_METHOD(float, __rdivmod__, meth_rdivmod, 0);
PYNC_METHOD(float, __pow__, meth_pow, 0);
PYNC_METHOD(float, __rpow__, meth_rpow, 0);

static pv float_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "real")) return float_pos(self);
    if (pync_str_eq_cstr(name, "imag")) return pync_float_new(0.0);
    return pync_generic_getattr(self, name);
}

const pync_type pync_float_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "float",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_LEAF,
    .basicsize = sizeof(pync_float),
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .truth = float_truth,
    .getattr = float_getattr,
    .construct = float_construct,
    .binop = {
        [PYNC_OP_ADD] = float_add, [PYNC_OP_SUB] = float_sub, [PYNC_OP_MUL] = float_mul,
        [PYNC_OP_TRUEDIV] = float_truediv, [PYNC_OP_FLOORDIV] = float_floordiv, [PYNC_OP_MOD] = float_mod,
        [PYNC_OP_POW] = float_pow,
    },
    .unop = {[PYNC_OP_NEG] = float_neg, [PYNC_OP_POS] = float_pos, [PYNC_OP_ABS] = float_abs},
    .to_int = float_to_int,
    .to_float = float_to_float,
    .method_list = pync_methods__float,
    .format = pync_float_format,
};
