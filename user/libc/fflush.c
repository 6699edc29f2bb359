#include <stdio.h>

#include "internal.h"

int fflush(FILE *f)
{
	(void)f;
	__umol4_console_flush();
	return 0;
}
