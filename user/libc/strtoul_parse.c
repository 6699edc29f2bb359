/* Number parsing. There is no errno: out-of-range values saturate, as the standard's do. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>

#include "internal.h"

/* Parses an optionally signed number in base (0 = by prefix); returns its magnitude, saturated
 * at ULONG_MAX, and its sign. */
unsigned long __umol4_strtoul_parse(const char *s, char **end, int base, int *neg)
{
	const char *p = s;
	unsigned long v = 0;
	int any = 0, over = 0;

	while (isspace((unsigned char)*p))
		p++;
	*neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (;; p++) {
		int d;

		if (isdigit((unsigned char)*p))
			d = *p - '0';
		else if (isalpha((unsigned char)*p))
			d = tolower((unsigned char)*p) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		any = 1;
		if (v > (ULONG_MAX - (unsigned long)d) / (unsigned long)base)
			over = 1;
		else
			v = v * (unsigned long)base + (unsigned long)d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	return over ? ULONG_MAX : v;
}
