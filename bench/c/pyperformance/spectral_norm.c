/* bench/c/pyperformance/spectral_norm.c — mirrors ../shared/corpus/bench/pyperformance/
 * spectral_norm.py's main block: N = 500, u = [1] * N, ten rounds of v = AtA(u); u = AtA(v), then
 * "%.9f" % ((vBv / vv) ** 0.5). The Python sums start as the integer 0 and become floats at the
 * first addition, which gives the same doubles as starting from 0.0; `** 0.5` is pow() as in
 * CPython's float_pow. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_A(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void A_times_u(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double partial_sum = 0;
        for (long j = 0; j < n; j++) partial_sum += eval_A(i, j) * u[j];
        out[i] = partial_sum;
    }
}

static void At_times_u(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double partial_sum = 0;
        for (long j = 0; j < n; j++) partial_sum += eval_A(j, i) * u[j];
        out[i] = partial_sum;
    }
}

static void AtA_times_u(const double *u, double *out, double *tmp, long n) {
    A_times_u(u, tmp, n);
    At_times_u(tmp, out, n);
}

int main(void) {
    long n = 500;
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *tmp = malloc(n * sizeof *tmp);
    for (long i = 0; i < n; i++) u[i] = 1;
    for (int dummy = 0; dummy < 10; dummy++) {
        AtA_times_u(u, v, tmp, n);
        AtA_times_u(v, u, tmp, n);
    }
    double vBv = 0, vv = 0;
    for (long i = 0; i < n; i++) {
        vBv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", pow(vBv / vv, 0.5));
    free(u);
    free(v);
    free(tmp);
    return 0;
}
