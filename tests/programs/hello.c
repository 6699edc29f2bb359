/* L4P0001: a program boots as the root task, prints through kdebug, sees its id and arguments. */
#include <l4/sys/syscalls.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	l4_threadid_t me = l4_myself();
	printf("Hello from an L4 task!\n");
	printf("I am thread %x.%02x\n", me.id.task, me.id.lthread);
	for (int i = 1; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	return 0;
}
