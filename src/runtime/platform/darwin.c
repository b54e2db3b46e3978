/* platform/darwin.c — the platform layer on macOS (11.0 and later), over libSystem.
 *
 * The code is shared with Linux (posix_common.h); this file gives it macOS's facts, from XNU's
 * and libSystem's ABI: MAP_ANON is 0x1000 (MAP_PRIVATE, the PROT_ flags, EINTR and O_RDONLY are
 * as on Linux), CLOCK_MONOTONIC is 6 (CLOCK_REALTIME 0), errno is reached through __error(), and
 * random bytes come from getentropy(2) (at most 256 bytes a call; getrandom does not exist).
 * On 64-bit macOS read, write, open, mmap and nanosleep have no $UNIX2003-style variants, so the
 * plain names are the right symbols. Every libSystem symbol the runtime uses must be listed in
 * the stub scripts/make-macos-sysroot writes; it derives the list from the runtime archive. */
#include <stddef.h>

int *__error(void);
int getentropy(void *buf, size_t n);

#define PYNC_MAP_ANONYMOUS 0x1000
#define PYNC_CLOCK_MONOTONIC 6
/* open(2)'s flags (sys/fcntl.h) */
#define PYNC_O_CREAT 0x200
#define PYNC_O_EXCL 0x800
#define PYNC_O_TRUNC 0x400
#define PYNC_O_APPEND 0x8
#define PYNC_O_CLOEXEC 0x1000000
#define pync_errno() (*__error())

static int pync_os_random(void *buf, size_t n) { return getentropy(buf, n); }

#include "posix_common.h"
