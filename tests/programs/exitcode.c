/* L4P0003: exit(n) from deep inside the program becomes umol4's exit status. */
#include <stdio.h>
#include <stdlib.h>

static void leave(int n)
{
	printf("leaving with %d\n", n);
	exit(n);
}

int main(void)
{
	leave(42);
	printf("not reached\n");
	return 0;
}
