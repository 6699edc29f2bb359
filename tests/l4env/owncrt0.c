/* L4E0010b: a program with its own crt0 (crt0_own.S, _start first in .text) and no main():
 * exit() and assert() work without pulling in umol4's crt0 or demanding a main. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

extern char _stext[];
void _start(void);
__attribute__((__noreturn__)) void l4env_start(void);

/* An address the compiler cannot reason about: it would take two distinct symbols to differ. */
static unsigned long address(const void *p)
{
	unsigned long a = (unsigned long)p;
	__asm__("" : "+r"(a));
	return a;
}

void l4env_start(void)
{
	printf("own crt0: _start is the first code: %s\n",
	       address((const void *)_start) == address(_stext) ? "yes" : "no");
	assert(_stext != NULL);
	exit(7);
}
