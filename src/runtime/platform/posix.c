/* platform/posix.c — the platform layer on Linux, over the C library (glibc).
 *
 * The code is shared with macOS (posix_common.h); this file gives it Linux's facts: the flag and
 * clock values of Linux's ABI (the same on every Linux architecture pync targets), errno through
 * glibc's __errno_location, and random bytes from getrandom(2). */
#include <stddef.h>

int *__errno_location(void);
long getrandom(void *buf, size_t n, unsigned flags);

#define PYNC_MAP_ANONYMOUS 0x20
#define PYNC_CLOCK_MONOTONIC 1
#define pync_errno() (*__errno_location())

/* getrandom returns up to 256 bytes in one call without being interrupted. */
static int pync_os_random(void *buf, size_t n) { return getrandom(buf, n, 0) == (long)n ? 0 : -1; }

#include "posix_common.h"
