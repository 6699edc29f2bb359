#include <stdio.h>

#include "internal.h"

int fputc(int c, FILE *f)
{
	(void)f;
	__umol4_console_putc((char)c);
	return (unsigned char)c;
}
