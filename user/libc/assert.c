#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void __umol4_assert_fail(const char *expr, const char *file, int line, const char *func)
{
	printf("%s:%d: %s: assertion `%s' failed.\n", file, line, func, expr);
	abort();
}
