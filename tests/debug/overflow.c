/* Unbounded recursion: the stack runs into its guard page, which the report calls a stack
 * overflow, in the recursing function. */
#include <stdio.h>

volatile int forever = 1; /* gcc refuses a recursion it can see never ends */

__attribute__((noipa)) static int recurse(int depth)
{
	volatile char frame[200];
	frame[0] = (char)depth;
	return forever ? recurse(depth + 1) + frame[0] : 0; /* line 11 */
}

int main(void)
{
	printf("recursing\n");
	int r = recurse(0);
	printf("not reached: %d\n", r);
	return r;
}
