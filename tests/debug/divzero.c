/* Integer division by zero, two calls deep: the report names the function and line of the
 * division and its callers on every ISA (tests/debug/register.cmake). */
#include <stdio.h>

volatile int zero;

__attribute__((noipa)) static int divide(int a, int b)
{
	return a / b;
} /* line 7 */

__attribute__((noipa)) static int average(int sum, int n)
{
	return divide(sum, n) + 1; /* line 11 */
}

int main(void)
{
	printf("dividing by zero\n");
	int r = average(42, zero); /* line 17 */
	printf("not reached: %d\n", r);
	return r;
}
