/* L4P0003: exit(n) from deep inside the program becomes umol4's exit status: 42, or argv[1]. A
 * status of 128 or more is the program's too, not a signal's (umol4 reports none). */
#include <stdio.h>
#include <stdlib.h>

static void leave(int n)
{
	printf("leaving with %d\n", n);
	exit(n);
}

int main(int argc, char **argv)
{
	leave(argc > 1 ? atoi(argv[1]) : 42);
	printf("not reached\n");
	return 0;
}
