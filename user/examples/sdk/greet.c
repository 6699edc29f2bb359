/* The out-of-tree example of docs/sdk.md: an L4 program that names its task and its arguments
 * and exits with the number of arguments, built with the installed umol4 SDK. */
#include <l4/sys/syscalls.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	l4_threadid_t me = l4_myself();
	printf("greetings from task %u", (unsigned)me.id.task);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	return argc - 1;
}
