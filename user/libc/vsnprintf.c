/* Formatting into memory. */
#include <stdint.h>
#include <stdio.h>

#include "internal.h"

struct strbuf {
	char *p;
	size_t room; /* characters that still fit before the terminating NUL */
};

static void buf_put(void *ctx, char c)
{
	struct strbuf *b = ctx;

	if (b->room) {
		*b->p++ = c;
		b->room--;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct strbuf b = {buf, size ? size - 1 : 0};
	int n = __umol4_vformat(buf_put, &b, fmt, ap);

	if (size)
		*b.p = '\0';
	return n;
}
