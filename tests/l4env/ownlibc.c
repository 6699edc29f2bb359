/* L4E0010a: a program may define its own version of any libc function, as L4Env programs and
 * their own small libraries do, while it uses other functions that umol4's libc keeps next to it
 * in the source: each libc function is an object of its own in libl4, so linking the neighbour
 * does not bring a second definition. The own versions count their calls, so the program sees
 * that the linker chose them, also for calls from inside libl4. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int mine;

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	mine++;
	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

long labs(long x)
{
	mine++;
	return x < 0 ? -x : x;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	unsigned long v = 0;
	(void)base;
	mine++;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	if (end)
		*end = (char *)s;
	return v;
}

int fputc(int c, FILE *f)
{
	(void)f;
	mine++;
	return putchar(c);
}

void *calloc(size_t n, size_t size)
{
	mine++;
	char *p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	mine++;
	va_start(ap, fmt);
	int n = vsnprintf(buf, 64, fmt, ap);
	va_end(ap);
	return n;
}

int main(void)
{
	char buf[64];
	const char *text = "umol4";
	int *z = calloc(4, sizeof(int));
	sprintf(buf, "%d-%ld", abs(-3), labs(-4L));
	fputc('>', stdout);
	fputs(" own libc functions:", stdout);
	printf(" memchr %s, strlen %u, strcmp %d, atoi %d, strtoul %lu, calloc %d, %s\n",
	       (const char *)memchr(text, 'o', strlen(text)), (unsigned)strlen(text),
	       strcmp(text, text), atoi("12"), strtoul("34", NULL, 10), z ? z[3] : -1, buf);
	printf("own definitions called: %d\n", mine);
	return 0;
}
