/* GCC emits calls to memcpy, memmove, memset and memcmp by itself; each sits in its own file so
 * that a program defining one of them does not collide with the library's copy. The build turns
 * off the loop-to-library-call transformation for these files, which would make them recursive. */
#include <string.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}
