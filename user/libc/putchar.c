/* Alone in its file so that a program may define its own putchar (2003 sigma0 does). */
#include <stdio.h>

#include "internal.h"

int putchar(int c)
{
	__umol4_console_putc((char)c);
	return (unsigned char)c;
}
