/* L4P0006: a jump to an address no memory backs is reported, not retried forever. */
#include <stdio.h>

int main(void)
{
	printf("jumping to 0x60000000\n");
	((void (*)(void))0x60000000)();
	printf("not reached\n");
	return 0;
}
