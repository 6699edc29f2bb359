/* The console: one line buffer for stdout and stderr, emptied through kdebug outstring. */
#include <l4/sys/kdebug.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Long enough for any ordinary line, so a printed line costs one kernel entry. */
#define CONSOLE_BUF_SIZE 512

struct __umol4_file {
	int unused;
};

static struct __umol4_file console_file;
FILE *const stdout = &console_file;
FILE *const stderr = &console_file;

static char buf[CONSOLE_BUF_SIZE];
static size_t len;

void __umol4_console_flush(void)
{
	if (len == 0)
		return;
	buf[len] = '\0';
	outstring(buf);
	len = 0;
}

void __umol4_console_putc(char c)
{
	/* outstring stops at NUL, so a NUL byte goes out on its own. */
	if (c == '\0') {
		__umol4_console_flush();
		outchar(c);
		return;
	}
	buf[len++] = c;
	if (c == '\n' || len == sizeof(buf) - 1)
		__umol4_console_flush();
}

void __umol4_console_write_n(char *s, size_t n)
{
	if (len == 0 && n && s[n - 1] == '\n' && !memchr(s, '\0', n)) {
		s[n] = '\0';
		outstring(s);
		return;
	}
	for (size_t i = 0; i < n; i++)
		__umol4_console_putc(s[i]);
}

void __umol4_console_write(const char *s)
{
	while (*s)
		__umol4_console_putc(*s++);
}
