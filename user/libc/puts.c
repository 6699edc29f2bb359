#include <stdio.h>

#include "internal.h"

int puts(const char *s)
{
	__umol4_console_write(s);
	__umol4_console_putc('\n');
	return 0;
}
