/* L4P0015: getchar reads the console (stdin) to its end and then returns EOF, every time it is
 * asked again; a 0xff byte in the input is a character, not EOF. */
#include <stdio.h>

int main(void)
{
	int c, n = 0, ff = 0;
	while ((c = getchar()) != EOF) {
		n++;
		ff += c == 0xff;
	}
	printf("read %d bytes, %d of them 0xff, then EOF\n", n, ff);
	printf("again: %s\n", getchar() == EOF ? "EOF" : "a character");
	return 0;
}
