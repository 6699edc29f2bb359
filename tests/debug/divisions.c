/* Integer division and remainder, signed and unsigned, at the edges: the same results on every
 * ISA (ARM divides with umol4's own helpers, arch/arm/user/arm_div.S). */
#include <stdio.h>
volatile int a[] = {7, -7, 100, -100, 2147483647, -2147483647 - 1, 0, 1, 13};
volatile int b[] = {2, 3, -7, 7, 10, 3, 5, -1, 13};
volatile unsigned ua[] = {7u, 4294967295u, 100u, 2147483648u, 0u, 65536u};
volatile unsigned ub[] = {2u, 3u, 4294967295u, 7u, 5u, 255u};
int main(void)
{
	for (unsigned i = 0; i < 9; i++)
		if (!(a[i] == -2147483647 - 1 && b[i] == -1))
			printf("%d / %d = %d r %d\n", a[i], b[i], a[i] / b[i], a[i] % b[i]);
	for (unsigned i = 0; i < 6; i++)
		printf("%u / %u = %u r %u\n", ua[i], ub[i], ua[i] / ub[i], ua[i] % ub[i]);
	return 0;
}
