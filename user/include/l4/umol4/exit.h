/* umol4 extension: end the calling task (and, for the root program, the umol4 instance) with a
 * status, through kdebug function 0x60 (docs/abi/<isa>.md). */
#ifndef __L4_UMOL4_EXIT_H__
#define __L4_UMOL4_EXIT_H__

#include <l4/sys/compiler.h>
#include <l4/sys/kdebug.h>

L4_INLINE L4_NORETURN void umol4_exit(int status);

/* The kernel never resumes the caller; should it do so anyway, asking again is the only sane
 * continuation. */
L4_INLINE L4_NORETURN void umol4_exit(int status)
{
	for (;;) {
		l4_umword_t w = (l4_umword_t)status;

		__L4_KDEBUG(L4_KDEBUG_UMOL4_EXIT, w);
	}
}

#endif
