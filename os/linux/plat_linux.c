/* The core's platform hooks on Linux (core/plat.h). */
#include "core/kernel.h"
#include "core/plat.h"

#include "core/fmt.h"
#include "os/linux/hostdev.h"
#include "os/linux/confine.h"
#include "os/linux/console.h"

#include <linux/audit.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t boot_ns;
/* --deterministic: time is the count of kernel entries, jumping ahead to the next timeout when
 * nothing runs, so two runs of a program see the same clock at the same events. */
static bool virtual_time;
static uint64_t virtual_us;

void clock_make_virtual(void) { virtual_time = true; }
bool clock_is_virtual(void) { return virtual_time; }

void clock_virtual_step(uint64_t until)
{
	if (until > virtual_us)
		virtual_us = until;
	else
		virtual_us++;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void plat_clock_start(void) { boot_ns = mono_ns(); }

/* While a debugger holds the instance stopped, L4 time stands still: the time spent stopped is
 * taken out of the clock when it goes on. */
/* plat_clock_cache: the kernel thread's; the clock thread and others read the clock itself */
static __thread uint64_t entry_ns;

void plat_clock_hold(bool on)
{
	static uint64_t held_at;
	entry_ns = 0;
	if (on && !held_at)
		held_at = mono_ns();
	else if (!on && held_at) {
		boot_ns += mono_ns() - held_at;
		held_at = 0;
	}
}

void *plat_alloc(size_t size) { return calloc(1, size); }
void plat_free(void *p) { free(p); }
uint64_t plat_clock_cache(bool on)
{
	entry_ns = on ? mono_ns() : 0;
	return entry_ns;
}

uint64_t plat_now_us(void)
{
	return virtual_time ? virtual_us : ((entry_ns ? entry_ns : mono_ns()) - boot_ns) / 1000u;
}

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
void plat_error_output(const char *s, size_t n)
{
	write_all(STDERR_FILENO, s, n);
}

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

/* The console: the host's standard input, interrupt IRQ_CONSOLE when a thread is associated. */
static bool console_attached, console_eof;
static int console_flags = -1;

int plat_inchar(bool nonblock)
{
	if (console_eof)
		return -1;
	struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
	if (nonblock && poll(&pfd, 1, 0) <= 0)
		return -1;
	unsigned char c;
	ssize_t n;
	do
		n = read(STDIN_FILENO, &c, 1);
	while (n < 0 && errno == EINTR);
	if (n == 1)
		return c;
	console_eof = n == 0;
	return -1;
}

void plat_irq_attach(unsigned irq, bool on)
{
	if (irq != IRQ_CONSOLE)
		return;
	console_attached = on;
	/* SIGIO tells the kernel about input while a task runs (see taskproc.c) */
	if (on && console_flags < 0 && (console_flags = fcntl(STDIN_FILENO, F_GETFL)) >= 0) {
		fcntl(STDIN_FILENO, F_SETOWN, getpid());
		fcntl(STDIN_FILENO, F_SETFL, console_flags | O_ASYNC);
	}
}

void console_restore(void)
{
	hostdev_restore();
	if (console_flags >= 0)
		fcntl(STDIN_FILENO, F_SETFL, console_flags);
}

int console_state(int timeout_ms)
{
	if (!console_attached || console_eof)
		return CONSOLE_DEAD;
	struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
	int r = poll(&pfd, 1, timeout_ms);
	if (r <= 0)
		return CONSOLE_IDLE;
	int avail = 0;
	if (!(pfd.revents & POLLIN) || (ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail == 0)) {
		console_eof = true; /* readable but empty: end of input */
		return CONSOLE_DEAD;
	}
	return CONSOLE_INPUT;
}

const char *plat_hostsys_name(word_t arch, word_t nr, char *buf, size_t n)
{
	const char *name = confine_syscall_name(arch, (int)nr);
	const char *abi = arch == AUDIT_ARCH_X86_64 ? "x86_64" : arch == AUDIT_ARCH_I386 ? "i386" : "?";
	kfmt(buf, n, "%s (%s #%u)", name ? name : "?", abi, nr);
	return buf;
}
