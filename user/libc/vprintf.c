/* vprintf: the console end of printf and friends. */
#include <stdio.h>

#include "internal.h"

static void console_put(void *ctx, char c)
{
	(void)ctx;
	__umol4_console_putc(c);
}

/* A printf call is formatted on the caller's stack first, so that a whole line goes out in one
 * outstring without touching the shared line buffer: threads, and tasks that share this
 * library's data pages (children paged from their creator's space), cannot mix up or repeat
 * each other's lines. Longer or partial lines take the buffer. */
#define LINE_MAX_STACK 256

int vprintf(const char *fmt, va_list ap)
{
	char line[LINE_MAX_STACK + 1];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(line, sizeof line, fmt, again);
	va_end(again);
	if (n < 0 || (size_t)n >= sizeof line)
		return __umol4_vformat(console_put, NULL, fmt, ap);
	__umol4_console_write_n(line, (size_t)n);
	return n;
}
