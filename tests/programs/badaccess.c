/* L4P0004: a write to page 0, which no pager will give out, is reported with task, address and
 * ip, and ends the instance with the fault status. */
#include <stdio.h>

/* volatile: the compiler must not see (and warn about) the constant address */
static volatile unsigned long target = 0x10;

int main(void)
{
	printf("writing to address 0x10\n");
	*(volatile int *)target = 1;
	printf("not reached\n");
	return 0;
}
