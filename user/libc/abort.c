#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

void abort(void)
{
	__umol4_console_write("abort()\n");
	exit(134);
}
