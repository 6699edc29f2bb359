#include <limits.h>
#include <stdlib.h>

#include "internal.h"

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	int neg;
	unsigned long v = __umol4_strtoul_parse(s, end, base, &neg);

	return neg && v != ULONG_MAX ? 0UL - v : v;
}
