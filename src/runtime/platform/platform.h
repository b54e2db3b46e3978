/* platform/platform.h — what the runtime needs from the system it runs on.
 *
 * One implementation per platform: posix.c (Linux, via the C library), darwin.c (macOS, via
 * libSystem; both share posix_common.h) and baremetal.c (boards: semihosting or a UART, a static
 * heap). Nothing above this layer knows
 * which one it is running on. */
#ifndef PYNC_PLATFORM_H
#define PYNC_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* Memory for the heap: `size` bytes aligned to `align` (a power of two), zeroed, or NULL. */
void *pync_platform_chunk_alloc(size_t size, size_t align);
void pync_platform_chunk_free(void *p, size_t size);
/* All the memory chunk_alloc can ever hand out (a board's static heap), or 0 when it is not
   bounded in advance: the collector sizes its thresholds to it. */
size_t pync_platform_heap_limit(void);

/* Unbuffered I/O on file descriptors (0, 1, 2 and open()ed files). Return bytes transferred;
   a failed write returns -errno (open()'s convention), a failed read -1. */
long pync_platform_write(int fd, const void *buf, size_t n);
long pync_platform_read(int fd, void *buf, size_t n);

/* Files (open()): flags are PYNC_OPEN_* (each platform maps them to its own); the mode of a
   created file is 0666 less the umask. A descriptor, or -errno. */
enum {
    PYNC_OPEN_READ = 1, PYNC_OPEN_WRITE = 2, PYNC_OPEN_CREATE = 4, PYNC_OPEN_TRUNCATE = 8,
    PYNC_OPEN_APPEND = 16, PYNC_OPEN_EXCLUSIVE = 32,
};
int pync_platform_open(const char *path, int flags);
/* 0, or -errno */
int pync_platform_close(int fd);
/* The C library's message for errno `err` (OSError's strerror), never NULL. */
const char *pync_platform_strerror(int err);

/* Ends the process. */
_Noreturn void pync_platform_exit(int status);

/* Seconds since the epoch (time.time) and a monotonic clock (time.perf_counter). */
double pync_platform_time(void);
double pync_platform_monotonic(void);
/* Sleeps (time.sleep); returns 0. */
int pync_platform_sleep(double seconds);

/* The path of a source file's line, for tracebacks: reads the file if it can (0 length if not). */
size_t pync_platform_read_file(const char *path, char *buf, size_t cap);

/* Random bytes for seeding (random.seed() with no argument); 0 or -1. */
int pync_platform_random_bytes(void *buf, size_t n);

#endif
