/* printf and friends on the console. */
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

struct line {
	char buf[LINE_MAX_STACK + 1];
	size_t len;
	int overflow;
};

static void line_put(void *ctx, char c)
{
	struct line *l = ctx;
	if (l->len < LINE_MAX_STACK)
		l->buf[l->len++] = c;
	else
		l->overflow = 1;
}

int vprintf(const char *fmt, va_list ap)
{
	struct line l = {.len = 0, .overflow = 0};
	va_list again;
	va_copy(again, ap);
	int n = __umol4_vformat(line_put, &l, fmt, again);
	va_end(again);
	if (l.overflow)
		return __umol4_vformat(console_put, NULL, fmt, ap);
	__umol4_console_write_n(l.buf, l.len);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

/* stdout and stderr are the same console. */
int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	(void)f;
	return vprintf(fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}
