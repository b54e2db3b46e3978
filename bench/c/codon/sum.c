/* bench/c/codon/sum.c — mirrors ../shared/corpus/bench/codon/sum.py: adds the 20,000,000 numbers
 * of range(20000000) one at a time and prints "Sum of 20000000 numbers is :  199999990000000".
 * The empty asm statement makes the running sum opaque to the optimizer, so clang really does the
 * 20 million additions instead of replacing the loop with n * (n - 1) / 2 (or vectorizing it). */
#include <stdio.h>

int main(void) {
    long sum = 0;
    for (long k = 0; k < 20000000; k++) {
        sum = sum + k;
        __asm__ volatile("" : "+r"(sum));
    }
    printf("Sum of 20000000 numbers is :  %ld\n", sum);
    return 0;
}
