#include <stdio.h>

/* stdout and stderr are the same console. */
int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	(void)f;
	return vprintf(fmt, ap);
}
