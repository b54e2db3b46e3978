/* bench/c/codon/mandelbrot.c — mirrors ../shared/corpus/bench/codon/mandelbrot.py: a 120 x 120
 * image, at most 1000 iterations of z = z**2 + c per pixel, each pixel 255 * iteration / MAX
 * truncated, and the sum of the pixels printed. The complex arithmetic is spelled out the way
 * CPython 3.11 does it: z**2 with an integral exponent is c_powi -> c_powu, which squares
 * z and multiplies the result into 1+0j; abs(z) is hypot(). */
#include <math.h>
#include <stdio.h>

#define MAX 1000
#define N 120

typedef struct {
    double real, imag;
} Complex;

static Complex c_prod(Complex a, Complex b) {
    return (Complex){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* CPython's c_powu(x, 2): mask 1 skips, p = x*x, mask 2 multiplies p into r = 1+0j */
static Complex c_square(Complex x) {
    Complex r = {1., 0.};
    Complex p = c_prod(x, x);
    return c_prod(r, p);
}

static double scale(long x, double a, double b) {
    return a + ((double)x / (double)N) * (b - a);
}

static long pixels[N * N];

int main(void) {
    for (long i = 0; i < N; i++) {
        for (long j = 0; j < N; j++) {
            Complex c = {scale(j, -2.00, 0.47), scale(i, -1.12, 1.12)};
            Complex z = {0., 0.};
            long iteration = 0;
            while (hypot(z.real, z.imag) <= 2 && iteration < MAX) {
                Complex sq = c_square(z);
                z = (Complex){sq.real + c.real, sq.imag + c.imag};
                iteration += 1;
            }
            pixels[i * N + j] = (long)((double)(255 * iteration) / (double)MAX);
        }
    }
    long sum = 0;
    for (long k = 0; k < N * N; k++) sum += pixels[k];
    printf("%ld\n", sum);
    return 0;
}
