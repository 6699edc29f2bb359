/* printf and friends on the console. */
#include <stdio.h>

#include "internal.h"

static void console_put(void *ctx, char c)
{
	(void)ctx;
	__umol4_console_putc(c);
}

int vprintf(const char *fmt, va_list ap)
{
	return __umol4_vformat(console_put, NULL, fmt, ap);
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
