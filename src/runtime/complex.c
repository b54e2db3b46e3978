/* complex.c — the complex type, with CPython 3.11's arithmetic (Smith's division, repeated
 * squaring for small integral exponents, polar form otherwise), repr, hash, parsing and
 * messages. Operands may be int, float or complex; // and % are not defined for complex (the
 * generic TypeError), and only == and != compare. __format__ is in format_spec.c. */
#include "numeric.h"
#include "lib/dtoa.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

typedef struct cval {
    double real, imag;
} cval;

pv pync_complex_new(double real, double imag) {
    pync_complex *c = pync_gc_alloc(sizeof(pync_complex), &pync_complex_type);
    if (!c) return 0;
    c->real = real;
    c->imag = imag;
    return (pv)c;
}

static pv complex_new_of(const pync_type *type, double real, double imag) {
    if (type == &pync_complex_type) return pync_complex_new(real, imag);
    size_t size = type->basicsize > sizeof(pync_complex) ? type->basicsize : sizeof(pync_complex);
    pync_complex *c = pync_gc_alloc(size, type);
    if (!c) return 0;
    c->real = real;
    c->imag = imag;
    return (pv)c;
}

static inline cval value_of(pv v) {
    const pync_complex *c = (const pync_complex *)v;
    return (cval){c->real, c->imag};
}
static pv from_cval(cval c) { return pync_complex_new(c.real, c.imag); }

/* ---- the elementary operations (CPython's _Py_c_*) ------------------------------------------------ */

static cval c_prod(cval a, cval b) {
    return (cval){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Smith's algorithm; *zerodiv set when b == 0 */
static cval c_quot(cval a, cval b, bool *zerodiv) {
    cval r;
    double abs_breal = b.real < 0 ? -b.real : b.real;
    double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            *zerodiv = true;
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
        r.real = r.imag = PYNC_NAN; /* a NaN in b */
    }
    return r;
}

static cval c_pow(cval a, cval b, bool *zerodiv) {
    cval r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) *zerodiv = true;
        r.real = 0.0;
        r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        /* cos/sin of an infinite phase set errno to EDOM in the C library, which CPython reports
           as ZeroDivisionError */
        if (pync_isinf(phase)) *zerodiv = true;
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static cval c_powu(cval x, long n) {
    cval r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static cval c_powi(cval x, long n, bool *zerodiv) {
    if (n > 0) return c_powu(x, n);
    return c_quot((cval){1.0, 0.0}, c_powu(x, -n), zerodiv);
}

static double c_abs(cval z, bool *overflow) {
    *overflow = false;
    if (!pync_isfinite(z.real) || !pync_isfinite(z.imag)) {
        if (pync_isinf(z.real)) return pync_fabs(z.real);
        if (pync_isinf(z.imag)) return pync_fabs(z.imag);
        return PYNC_NAN;
    }
    double r = hypot(z.real, z.imag);
    if (!pync_isfinite(r)) *overflow = true;
    return r;
}

/* CPython formats complex parts in 'r' mode without float's added ".0" ('(1+2j)'); with '#'
   the point stays ('(1.+2.j)'). lib/dtoa's 'r' always adds ".0" to integral values. */
size_t pync_complex_strip_dot0(const char *t, size_t n, bool alt) {
    if (n >= 2 && t[n - 2] == '.' && t[n - 1] == '0') return alt ? n - 1 : n - 2;
    return n;
}

/* ---- repr, hash ---------------------------------------------------------------------------------------- */

static pv complex_repr(pv self) {
    cval c = value_of(self);
    char re[40], im[40], out[96];
    size_t n = 0;
    if (c.real == 0.0 && pync_copysign(1.0, c.real) == 1.0) {
        size_t k = pync_complex_strip_dot0(im, (size_t)pync_dtoa_format(c.imag, 'r', 0, 0, im, sizeof im), false);
        pync_memcpy(out, im, k);
        n = k;
        out[n++] = 'j';
    } else {
        size_t kr = pync_complex_strip_dot0(re, (size_t)pync_dtoa_format(c.real, 'r', 0, 0, re, sizeof re), false);
        size_t ki = pync_complex_strip_dot0(im, (size_t)pync_dtoa_format(c.imag, 'r', 0, PYNC_DTOA_SIGN_PLUS, im, sizeof im), false);
        out[n++] = '(';
        pync_memcpy(out + n, re, kr);
        n += kr;
        pync_memcpy(out + n, im, ki);
        n += ki;
        out[n++] = 'j';
        out[n++] = ')';
    }
    return pync_str_ascii(out, n);
}

static int complex_hash(pv self, int64_t *out) {
    cval c = value_of(self);
    uint64_t hr = (uint64_t)pync_hash_double(c.real, self);
    uint64_t hi = (uint64_t)pync_hash_double(c.imag, self);
    uint64_t combined = hr + 1000003u * hi;
    int64_t h = (int64_t)combined;
    *out = h == -1 ? -2 : h;
    return 0;
}

/* ---- arithmetic ---------------------------------------------------------------------------------------- */

/* 1 with *out set, 0 NotImplemented, -1 error */
static int operand(pv v, cval *out) {
    if (pync_is_complex(v)) {
        *out = value_of(v);
        return 1;
    }
    out->imag = 0.0;
    if (pv_is_small(v)) {
        out->real = (double)pv_small(v);
        return 1;
    }
    if (pync_is_float(v)) {
        out->real = pync_float_value(v);
        return 1;
    }
    if (pync_is_int(v)) return pync_int_to_double(v, &out->real) < 0 ? -1 : 1;
    return 0;
}

#define OPERANDS(a, b, x, y)                                                                           \
    cval x, y;                                                                                         \
    do {                                                                                               \
        int ra_ = operand(a, &x);                                                                      \
        if (ra_ <= 0) return ra_ < 0 ? 0 : pync_NotImplemented;                                        \
        int rb_ = operand(b, &y);                                                                      \
        if (rb_ <= 0) return rb_ < 0 ? 0 : pync_NotImplemented;                                        \
    } while (0)

static pv complex_add(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pync_complex_new(x.real + y.real, x.imag + y.imag);
}
static pv complex_sub(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pync_complex_new(x.real - y.real, x.imag - y.imag);
}
static pv complex_mul(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return from_cval(c_prod(x, y));
}
static pv complex_truediv(pv a, pv b) {
    OPERANDS(a, b, x, y);
    bool zerodiv = false;
    cval q = c_quot(x, y, &zerodiv);
    if (zerodiv) return pync_raise_fmt(&pync_ZeroDivisionError_type, "complex division by zero");
    return from_cval(q);
}

static pv pow_values(cval a, cval b) {
    bool zerodiv = false;
    cval p;
    if (b.imag == 0.0 && b.real == pync_floor(b.real) && pync_fabs(b.real) <= 100.0) {
        p = c_powi(a, (long)b.real, &zerodiv);
    } else {
        p = c_pow(a, b, &zerodiv);
    }
    if (zerodiv) return pync_raise_fmt(&pync_ZeroDivisionError_type, "0.0 to a negative or complex power");
    if (pync_isinf(p.real) || pync_isinf(p.imag)) {
        return pync_raise_fmt(&pync_OverflowError_type, "complex exponentiation");
    }
    return from_cval(p);
}

pv pync_complex_pow_values(double ar, double ai, double br, double bi) {
    return pow_values((cval){ar, ai}, (cval){br, bi});
}

static pv complex_pow(pv a, pv b) {
    OPERANDS(a, b, x, y);
    return pow_values(x, y);
}

static pv complex_neg(pv a) {
    cval c = value_of(a);
    return pync_complex_new(-c.real, -c.imag);
}
static pv complex_pos(pv a) { return pv_type(a) == &pync_complex_type ? a : from_cval(value_of(a)); }
static pv complex_abs(pv a) {
    bool overflow;
    double r = c_abs(value_of(a), &overflow);
    if (overflow) return pync_raise_fmt(&pync_OverflowError_type, "absolute value too large");
    return pync_float_new(r);
}

static int complex_truth(pv self) {
    cval c = value_of(self);
    return c.real != 0.0 || c.imag != 0.0;
}

static pv complex_richcompare(pv a, pv b, pync_cmpop op) {
    if (op != PYNC_EQ && op != PYNC_NE) return pync_NotImplemented;
    cval i = value_of(a);
    bool equal;
    if (pync_is_int(b)) {
        if (i.imag == 0.0) {
            pv j = pync_float_new(i.real);
            return j ? pync_compare(j, b, op) : 0;
        }
        equal = false;
    } else if (pync_is_float(b)) {
        equal = i.real == pync_float_value(b) && i.imag == 0.0;
    } else if (pync_is_complex(b)) {
        cval j = value_of(b);
        equal = i.real == j.real && i.imag == j.imag;
    } else {
        return pync_NotImplemented;
    }
    return pync_bool(equal == (op == PYNC_EQ));
}

/* ---- construction ------------------------------------------------------------------------------------- */

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static bool match_ci(const char *s, const char *end, const char *w) {
    for (; *w; w++, s++) {
        if (s >= end) return false;
        char c = *s;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != *w) return false;
    }
    return true;
}

/* The length of the longest float at s (CPython's PyOS_string_to_double prefix rules), 0 if
   there is none. */
static size_t float_prefix(const char *s, const char *end) {
    const char *p = s;
    if (p < end && (*p == '+' || *p == '-')) p++;
    const char *digits = p;
    size_t nd = 0;
    while (p < end && *p >= '0' && *p <= '9') p++, nd++;
    if (p < end && *p == '.') {
        p++;
        while (p < end && *p >= '0' && *p <= '9') p++, nd++;
    }
    if (nd > 0) {
        if (p < end && (*p == 'e' || *p == 'E')) {
            const char *q = p + 1;
            if (q < end && (*q == '+' || *q == '-')) q++;
            const char *e0 = q;
            while (q < end && *q >= '0' && *q <= '9') q++;
            if (q > e0) p = q;
        }
        return (size_t)(p - s);
    }
    p = digits;
    if (match_ci(p, end, "inf")) {
        p += 3;
        if (match_ci(p, end, "inity")) p += 5;
        return (size_t)(p - s);
    }
    if (match_ci(p, end, "nan")) return (size_t)(p + 3 - s);
    return 0;
}

static double parse_prefix(const char *s, size_t n) {
    double d = 0;
    pync_parse_float(s, n, &d);
    return d;
}

/* complex(str): 0 and *out set, or -1 (malformed) */
static int parse_complex(const char *s, size_t len, cval *out) {
    const char *end = s + len, *p = s;
    double x = 0.0, y = 0.0;
    bool bracket = false;
    while (p < end && is_space(*p)) p++;
    if (p < end && *p == '(') {
        bracket = true;
        p++;
        while (p < end && is_space(*p)) p++;
    }
    size_t n = float_prefix(p, end);
    if (n) {
        double z = parse_prefix(p, n);
        p += n;
        if (p < end && (*p == '+' || *p == '-')) {
            x = z;
            size_t m = float_prefix(p, end);
            if (m) {
                y = parse_prefix(p, m);
                p += m;
            } else {
                y = *p == '+' ? 1.0 : -1.0;
                p++;
            }
            if (!(p < end && (*p == 'j' || *p == 'J'))) return -1;
            p++;
        } else if (p < end && (*p == 'j' || *p == 'J')) {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (p < end && (*p == '+' || *p == '-')) {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        } else {
            y = 1.0;
        }
        if (!(p < end && (*p == 'j' || *p == 'J'))) return -1;
        p++;
    }
    while (p < end && is_space(*p)) p++;
    if (bracket) {
        if (!(p < end && *p == ')')) return -1;
        p++;
        while (p < end && is_space(*p)) p++;
    }
    if (p != end) return -1;
    out->real = x;
    out->imag = y;
    return 0;
}

static pv complex_from_string(const pync_type *type, pv v) {
    size_t len;
    pync_rawbuf *rb = pync_numeric_ascii(v, &len);
    if (!rb) return 0;
    char *s = (char *)rb->data;
    /* underscores: only between digits; removed before parsing */
    bool has_us = false;
    for (size_t i = 0; i < len; i++) has_us |= s[i] == '_';
    if (has_us) {
        char prev = 0;
        size_t k = 0;
        bool bad = false;
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            if (c == '_') {
                if (!(prev >= '0' && prev <= '9')) bad = true;
            } else {
                if (prev == '_' && !(c >= '0' && c <= '9')) bad = true;
                s[k++] = c;
            }
            prev = c;
        }
        if (prev == '_') bad = true;
        if (bad) return pync_raise_fmt(&pync_ValueError_type, "could not convert string to complex: %R", v);
        len = k;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] == 0) return pync_raise_fmt(&pync_ValueError_type, "complex() arg is a malformed string");
    }
    cval c;
    if (parse_complex(s, len, &c) < 0) return pync_raise_fmt(&pync_ValueError_type, "complex() arg is a malformed string");
    return complex_new_of(type, c.real, c.imag);
}

static bool is_number_like(pv v) {
    if (pv_is_small(v) || pync_is_complex(v)) return true;
    const pync_type *t = pv_type(v);
    return t->to_float || t->to_int;
}

/* float(v) for the parts of complex(real, imag) */
static int part_as_double(pv v, double *out) {
    pv f = pync_call1((pv)&pync_float_type, v);
    if (!f) return -1;
    *out = pync_float_value(f);
    return 0;
}

static pv complex_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"real", "imag", NULL};
    pv a[2] = {0, 0};
    if (pync_parse_args("complex", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    pv r = a[0] ? a[0] : pv_from_small(0), i = a[1];
    if (!pv_is_small(r) && pv_type(r) == &pync_complex_type && !i && type == &pync_complex_type) return r;
    if (pync_isinstance_type(r, &pync_str_type)) {
        if (i) return pync_raise_fmt(&pync_TypeError_type, "complex() can't take second arg if first is a string");
        return complex_from_string(type, r);
    }
    if (i && pync_isinstance_type(i, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "complex() second arg can't be a string");
    }
    if (!pync_is_int(r) && !pync_is_float(r)) {
        bool found;
        pv c = pync_call_special(r, "__complex__", NULL, 0, &found);
        if (found) {
            if (!c) return 0;
            if (!pync_is_complex(c)) {
                return pync_raise_fmt(&pync_TypeError_type, "__complex__ returned non-complex (type %T)", c);
            }
            r = c;
        }
    }
    if (!is_number_like(r)) {
        return pync_raise_fmt(&pync_TypeError_type, "complex() first argument must be a string or a number, not '%T'", r);
    }
    if (i && !is_number_like(i)) {
        return pync_raise_fmt(&pync_TypeError_type, "complex() second argument must be a number, not '%T'", i);
    }
    cval cr, ci = {0.0, 0.0};
    bool cr_is_complex = false, ci_is_complex = false;
    if (pync_is_complex(r)) {
        cr = value_of(r);
        cr_is_complex = true;
    } else {
        if (part_as_double(r, &cr.real) < 0) return 0;
        cr.imag = 0.0;
    }
    if (!i) {
        ci.real = cr.imag;
    } else if (pync_is_complex(i)) {
        ci = value_of(i);
        ci_is_complex = true;
    } else if (part_as_double(i, &ci.real) < 0) {
        return 0;
    }
    if (ci_is_complex) cr.real -= ci.imag;
    if (cr_is_complex && i) ci.real += cr.imag;
    return complex_new_of(type, cr.real, ci.real);
}

/* ---- methods ------------------------------------------------------------------------------------------ */

#define NOARGS(NAME)                                                                                   \
    (void)args;                                                                                        \
    if (pync_check_args(NAME, nargs, kwnames, 0, 0) < 0) return 0

static pv meth_conjugate(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("conjugate");
    cval c = value_of(self);
    return pync_complex_new(c.real, -c.imag);
}
static pv meth_getnewargs(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__getnewargs__");
    cval c = value_of(self);
    pv re = pync_float_new(c.real);
    if (!re) return 0;
    pv im = pync_float_new(c.imag);
    return im ? pync_tuple_pack(2, re, im) : 0;
}
static pv meth_complex(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__complex__");
    return complex_pos(self);
}
static pv meth_abs(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__abs__");
    return complex_abs(self);
}
static pv meth_neg(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__neg__");
    return complex_neg(self);
}
static pv meth_pos(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__pos__");
    return complex_pos(self);
}
static pv meth_bool(pv self, pv *args, size_t nargs, pv kwnames) {
    NOARGS("__bool__");
    return pync_bool(complex_truth(self));
}
static pv meth_format(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__format__", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "__format__() argument must be str, not %T", args[0]);
    }
    return pync_complex_format(self, args[0]);
}

#define BINOP_METHODS(NAME, FN)                                                                        \
    static pv meth_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                               \
        if (pync_check_args("__" #NAME "__", nargs, kwnames, 1, 1) < 0) return 0;                      \
        return FN(self, args[0]);                                                                      \
    }                                                                                                  \
    static pv meth_r##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                              \
        if (pync_check_args("__r" #NAME "__", nargs, kwnames, 1, 1) < 0) return 0;                     \
        return FN(args[0], self);                                                                      \
    }
BINOP_METHODS(add, complex_add)
BINOP_METHODS(sub, complex_sub)
BINOP_METHODS(mul, complex_mul)
BINOP_METHODS(truediv, complex_truediv)

static pv meth_pow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__pow__", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && args[1] != pync_None) return pync_raise_fmt(&pync_ValueError_type, "complex modulo");
    return complex_pow(self, args[0]);
}
static pv meth_rpow(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__rpow__", nargs, kwnames, 1, 2) < 0) return 0;
    if (nargs == 2 && args[1] != pync_None) return pync_raise_fmt(&pync_ValueError_type, "complex modulo");
    return complex_pow(args[0], self);
}

PYNC_METHOD(complex, conjugate, meth_conjugate, 0);
PYNC_METHOD(complex, __getnewargs__, meth_getnewargs, 0);
PYNC_METHOD(complex, __complex__, meth_complex, 0);
PYNC_METHOD(complex, __format__, meth_format, 0);
PYNC_METHOD(complex, __abs__, meth_abs, 0);
PYNC_METHOD(complex, __neg__, meth_neg, 0);
PYNC_METHOD(complex, __pos__, meth_pos, 0);
PYNC_METHOD(complex, __bool__, meth_bool, 0);
PYNC_METHOD(complex, __add__, meth_add, 0);
PYNC_METHOD(complex, __radd__, meth_radd, 0);
PYNC_METHOD(complex, __sub__, meth_sub, 0);
PYNC_METHOD(complex, __rsub__, meth_rsub, 0);
PYNC_METHOD(complex, __mul__, meth_mul, 0);
PYNC_METHOD(complex, __rmul__, meth_rmul, 0);
PYNC_METHOD(complex, __truediv__, meth_truediv, 0);
PYNC_METHOD(complex, __rtruediv__, meth_rtruediv, 0);
PYNC_METHOD(complex, __pow__, meth_pow, 0);
PYNC_METHOD(complex, __rpow__, meth_rpow, 0);

static pv complex_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "real")) return pync_float_new(value_of(self).real);
    if (pync_str_eq_cstr(name, "imag")) return pync_float_new(value_of(self).imag);
    return pync_generic_getattr(self, name);
}

const pync_type pync_complex_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "complex",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_LEAF,
    .basicsize = sizeof(pync_complex),
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .truth = complex_truth,
    .getattr = complex_getattr,
    .construct = complex_construct,
    .binop = {
        [PYNC_OP_ADD] = complex_add, [PYNC_OP_SUB] = complex_sub, [PYNC_OP_MUL] = complex_mul,
        [PYNC_OP_TRUEDIV] = complex_truediv, [PYNC_OP_POW] = complex_pow,
    },
    .unop = {[PYNC_OP_NEG] = complex_neg, [PYNC_OP_POS] = complex_pos, [PYNC_OP_ABS] = complex_abs},
    .method_list = pync_methods__complex,
    .format = pync_complex_format,
};

/* ---- on doubles, for compiled code (typed complex values are pairs of doubles) -------------------- */

/* The imaginary part of the last result of the functions below (their return value is the real
   part): compiled code reads it right after the call. */
double pync_complex_imag_out;

static double result_of(cval c) {
    pync_complex_imag_out = c.imag;
    return c.real;
}

double pync_c_quot_d(double ar, double ai, double br, double bi) {
    bool zerodiv = false;
    cval q = c_quot((cval){ar, ai}, (cval){br, bi}, &zerodiv);
    if (zerodiv) pync_raise_fmt(&pync_ZeroDivisionError_type, "complex division by zero");
    return result_of(q);
}

double pync_c_pow_d(double ar, double ai, double br, double bi) {
    cval a = {ar, ai}, b = {br, bi};
    bool zerodiv = false;
    cval p;
    if (b.imag == 0.0 && b.real == pync_floor(b.real) && pync_fabs(b.real) <= 100.0) {
        p = c_powi(a, (long)b.real, &zerodiv);
    } else {
        p = c_pow(a, b, &zerodiv);
    }
    if (zerodiv) {
        pync_raise_fmt(&pync_ZeroDivisionError_type, "0.0 to a negative or complex power");
    } else if (pync_isinf(p.real) || pync_isinf(p.imag)) {
        pync_raise_fmt(&pync_OverflowError_type, "complex exponentiation");
    }
    return result_of(p);
}

double pync_c_abs_d(double re, double im) {
    bool overflow;
    double r = c_abs((cval){re, im}, &overflow);
    if (overflow) pync_raise_fmt(&pync_OverflowError_type, "absolute value too large");
    return r;
}
