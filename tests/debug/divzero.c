/* Integer division by zero, two calls deep: the report names the function and line of the
 * division and its callers on every ISA (tests/debug/register.cmake). divide() stays on one line,
 * so that every ISA's division instructions (and MIPS' teq) belong to the same line. */
#include <stdio.h>

volatile int zero;
/* clang-format off */
__attribute__((noipa)) static int divide(int a, int b) { return a / b; } /* line 8 */
/* clang-format on */
__attribute__((noipa)) static int average(int sum, int n)
{
	return divide(sum, n) + 1; /* line 12 */
}

int main(void)
{
	printf("dividing by zero\n");
	int r = average(42, zero); /* line 18 */
	printf("not reached: %d\n", r);
	return r;
}
