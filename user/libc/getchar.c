/* Alone in its file so that a program may define its own getchar (2003 sigma0 does). */
#include <l4/sys/kdebug.h>
#include <stdio.h>

int getchar(void)
{
	/* A prompt printed without a newline must be visible before the task waits for input. */
	fflush(stdout);
	return (unsigned char)kd_inchar();
}
