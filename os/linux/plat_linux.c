/* The core's platform hooks on Linux (core/plat.h). */
#include "core/plat.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t boot_ns;

static uint64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void plat_clock_start(void) { boot_ns = mono_ns(); }

void *plat_alloc(size_t size) { return calloc(1, size); }
void plat_free(void *p) { free(p); }
uint64_t plat_now_us(void) { return (mono_ns() - boot_ns) / 1000u; }

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void plat_output(const char *s, size_t n) { write_all(STDOUT_FILENO, s, n); }

void plat_log(const char *line)
{
	char buf[600];
	size_t n = strlen(line);
	if (n > sizeof buf - 10)
		n = sizeof buf - 10;
	memcpy(buf, "umol4: ", 7);
	memcpy(buf + 7, line, n);
	buf[7 + n] = '\n';
	write_all(STDERR_FILENO, buf, n + 8);
}

int plat_inchar(void) { return -1; }
