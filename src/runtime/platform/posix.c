/* platform/posix.c — the platform layer on Linux, over the C library (glibc).
 *
 * The code is shared with macOS (posix_common.h); this file gives it Linux's facts: the flag and
 * clock and open() flag values of Linux's ABI (the same on every Linux architecture pync targets), errno through
 * glibc's __errno_location, and random bytes from getrandom(2). */
#include <stddef.h>

int *__errno_location(void);
long getrandom(void *buf, size_t n, unsigned flags);

#define PYNC_MAP_ANONYMOUS 0x20
#define PYNC_CLOCK_MONOTONIC 1
/* open(2)'s flags (asm-generic's values, which every Linux architecture pync targets uses) */
#define PYNC_O_CREAT 0x40
#define PYNC_O_EXCL 0x80
#define PYNC_O_TRUNC 0x200
#define PYNC_O_APPEND 0x400
#define PYNC_O_CLOEXEC 0x80000
#define pync_errno() (*__errno_location())

/* getrandom returns up to 256 bytes in one call without being interrupted. */
static int pync_os_random(void *buf, size_t n) { return getrandom(buf, n, 0) == (long)n ? 0 : -1; }

#include "posix_common.h"
