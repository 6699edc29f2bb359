/* Runs until stopped: for SIGQUIT, Ctrl-C and --timeout. Prints once, so the test knows it ran. */
#include <stdio.h>

volatile unsigned counter;

int main(void)
{
	printf("spinning\n");
	for (;;)
		counter++;
}
