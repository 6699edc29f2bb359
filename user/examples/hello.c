/* The smallest L4 program: one printf line, exit status 0. */
#include <stdio.h>

int main(void)
{
	printf("Hello, world!\n");
	return 0;
}
