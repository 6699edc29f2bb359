/* The FILE-taking output functions; stdout and stderr are the same console. */
#include <stdio.h>

#include "internal.h"

int fputs(const char *s, FILE *f)
{
	(void)f;
	__umol4_console_write(s);
	return 0;
}

int fputc(int c, FILE *f)
{
	(void)f;
	__umol4_console_putc((char)c);
	return (unsigned char)c;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}
