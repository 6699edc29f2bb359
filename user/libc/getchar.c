/* Alone in its file so that a program may define its own getchar (2003 sigma0 does). */
#include <l4/sys/kdebug.h>
#include <stdio.h>

int getchar(void)
{
	/* A prompt printed without a newline must be visible before the task waits for input. */
	fflush(stdout);
	/* The whole word, not kd_inchar's char: the kernel answers ~0 at the end of the input,
	 * which a char cannot tell from the byte 0xff. */
	l4_umword_t w = 0;
	__L4_KDEBUG(L4_KDEBUG_INCHAR, w);
	return w == ~(l4_umword_t)0 ? EOF : (int)(unsigned char)w;
}
