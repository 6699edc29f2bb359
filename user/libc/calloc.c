#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size); /* reused blocks are dirty; fresh pages would be zero */
	return p;
}
