/* Number parsing (strtoul_parse.c): out-of-range values saturate, as the standard's do. */
#include <limits.h>
#include <stdlib.h>

#include "internal.h"

long strtol(const char *restrict s, char **restrict end, int base)
{
	int neg;
	unsigned long v = __umol4_strtoul_parse(s, end, base, &neg);

	if (neg)
		return v > (unsigned long)LONG_MAX + 1 ? LONG_MIN : (long)(0UL - v);
	return v > (unsigned long)LONG_MAX ? LONG_MAX : (long)v;
}
