/* umol4 extension: a line for the host's standard error instead of the console (kdebug function
 * 0x62 with a NUL-terminated string, as outstring; docs/abi/<isa>.md). umol4's loader reports
 * its refusals this way, so they reach the user's stderr as umol4's own do. */
#ifndef __L4_UMOL4_ERROUT_H__
#define __L4_UMOL4_ERROUT_H__

#include <l4/sys/compiler.h>
#include <l4/sys/kdebug.h>

L4_INLINE void umol4_errstring(const char *text)
{
	l4_umword_t arg = (l4_umword_t)text;
	__L4_KDEBUG(L4_KDEBUG_UMOL4_ERRSTRING, arg);
}

#endif
