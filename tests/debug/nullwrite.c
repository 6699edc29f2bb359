/* A write through a NULL pointer, in the second program of an instance: the report names the
 * program, the thread, the function and line of the write, and its caller. */
#include <stdio.h>

__attribute__((noipa)) static void store(int *p, int v)
{
	*p = v; /* line 7 */
}

__attribute__((noipa)) static void fill(int *table)
{
	for (int i = 0; i < 4; i++)
		store(table + i, i); /* line 13 */
}

int main(void)
{
	printf("writing through NULL\n");
	fill((int *)0);
	printf("not reached\n");
	return 0;
}
