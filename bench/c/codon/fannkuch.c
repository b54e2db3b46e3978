/* bench/c/codon/fannkuch.c — mirrors ../shared/corpus/bench/codon/fannkuch.py: for every index
 * of the 9! permutations of 0..8, builds the permutation from the index (factorial number system,
 * as perm() does), counts the prefix reversals until 0 comes first, and prints the maximum as
 * "Pfannkuchen(9) = 30". math.factorial of a small number is a table lookup in CPython; so here. */
#include <stdio.h>

static const long factorials[] = {1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800};

static long fact(long n) {
    return factorials[n];
}

static void perm(long n, long i, long *p) {
    for (long k = 0; k < n; k++) p[k] = 0;
    for (long k = 0; k < n; k++) {
        long f = fact(n - 1 - k);
        p[k] = i / f;
        i = i % f;
    }
    for (long k = n - 1; k > -1; k--)
        for (long j = k - 1; j > -1; j--)
            if (p[j] <= p[k]) p[k] += 1;
}

int main(void) {
    long n = 9;
    long max_flips = 0;
    long p[16];
    for (long idx = 0; idx < fact(n); idx++) {
        perm(n, idx, p);
        long flips = 0;
        long k = p[0];
        while (k) {
            long i = 0, j = k;
            while (i < j) {
                long t = p[i];
                p[i] = p[j];
                p[j] = t;
                i += 1;
                j -= 1;
            }
            k = p[0];
            flips += 1;
        }
        max_flips = flips > max_flips ? flips : max_flips;
    }
    printf("Pfannkuchen(%ld) = %ld\n", n, max_flips);
    return 0;
}
