/* bench/c/codon/spectral_norm.c — mirrors ../shared/corpus/bench/codon/spectral_norm.py:
 * bench_spectral_norm(3) with DEFAULT_N = 260 — each loop starts from u = [1.0] * N, applies
 * A^T A twenty times (v = AtA(u); u = AtA(v), ten times), and adds vBv + vv to the total, which is
 * printed with Python's repr. eval_A divides 1.0 by an integer computed with integer arithmetic,
 * as the Python program does. */
#include <stdio.h>
#include <stdlib.h>
#include "../pyfloat.h"

#define DEFAULT_N 260

static double eval_A(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* [part_A_times_u((i, u)) for i in range(n)] */
static void A_times_u(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double partial_sum = 0.;
        for (long j = 0; j < n; j++) partial_sum += eval_A(i, j) * u[j];
        out[i] = partial_sum;
    }
}

/* [part_At_times_u((i, u)) for i in range(n)] */
static void At_times_u(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double partial_sum = 0.;
        for (long j = 0; j < n; j++) partial_sum += eval_A(j, i) * u[j];
        out[i] = partial_sum;
    }
}

/* eval_times_u(part_At_times_u, eval_times_u(part_A_times_u, u)) into out */
static void AtA_times_u(const double *u, double *out, double *tmp, long n) {
    A_times_u(u, tmp, n);
    At_times_u(tmp, out, n);
}

static double bench_spectral_norm(int loops) {
    long n = DEFAULT_N;
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
    double total = 0.;
    for (int loop = 0; loop < loops; loop++) {
        for (long i = 0; i < n; i++) u[i] = 1.;
        for (int dummy = 0; dummy < 10; dummy++) {
            AtA_times_u(u, v, tmp, n);
            AtA_times_u(v, u, tmp, n);
        }
        double vBv = 0., vv = 0.;
        for (long i = 0; i < n; i++) {
            vBv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        total += vBv + vv;
    }
    free(u);
    free(v);
    free(tmp);
    return total;
}

int main(void) {
    char text[32];
    py_float_repr(bench_spectral_norm(3), text);
    puts(text);
    return 0;
}
