/* bench/c/codon/primes.c — mirrors ../shared/corpus/bench/codon/primes.py: counts the primes
 * below 8000 by trial division, is_prime(n) counting every divisor in 2..n-1 (no early exit), and
 * prints the count (1007). */
#include <stdio.h>

static int is_prime(long n) {
    long factors = 0;
    for (long i = 2; i < n; i++)
        if (n % i == 0) factors += 1;
    return factors == 0;
}

int main(void) {
    long limit = 8000;
    long total = 0;
    for (long i = 2; i < limit; i++)
        if (is_prime(i)) total += 1;
    printf("%ld\n", total);
    return 0;
}
