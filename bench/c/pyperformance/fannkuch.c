/* bench/c/pyperformance/fannkuch.c — mirrors ../shared/corpus/bench/pyperformance/fannkuch.py:
 * fannkuch(10) with the same permutation order (count[], perm1.insert(r, perm1.pop(0)) as a
 * rotation of the first r + 1 elements), the same skip of permutations with 0 first or m last,
 * and perm[:k + 1] = perm[k::-1] as an in-place reversal. Prints "Pfannkuchen(10) = 38". */
#include <stdio.h>
#include <string.h>

static long fannkuch(long n) {
    long count[16], perm1[16], perm[16];
    for (long i = 0; i < n; i++) count[i] = i + 1;
    long max_flips = 0;
    long m = n - 1;
    long r = n;
    for (long i = 0; i < n; i++) perm1[i] = perm[i] = i;

    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r -= 1;
        }

        if (perm1[0] != 0 && perm1[m] != m) {
            memcpy(perm, perm1, n * sizeof *perm);
            long flips_count = 0;
            long k = perm[0];
            while (k) {
                for (long lo = 0, hi = k; lo < hi; lo++, hi--) {
                    long t = perm[lo];
                    perm[lo] = perm[hi];
                    perm[hi] = t;
                }
                flips_count += 1;
                k = perm[0];
            }
            if (flips_count > max_flips) max_flips = flips_count;
        }

        int broke = 0;
        while (r != n) {
            long first = perm1[0];
            memmove(perm1, perm1 + 1, r * sizeof *perm1);
            perm1[r] = first;
            count[r] -= 1;
            if (count[r] > 0) {
                broke = 1;
                break;
            }
            r += 1;
        }
        if (!broke) return max_flips; /* the while loop's else */
    }
}

int main(void) {
    long n = 10;
    printf("Pfannkuchen(%ld) = %ld\n", n, fannkuch(n));
    return 0;
}
