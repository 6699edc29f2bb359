/* The one IPC helper the RMGR and loader client libraries share. */
#ifndef UMOL4_ROOTTASK_CLIENT_CALL_H
#define UMOL4_ROOTTASK_CLIENT_CALL_H

#include <l4/sys/types.h>

/* Calls to with w0, w1 and, when str is not NULL, one string of len bytes (a long message of two
 * dwords and one string, the form the root task accepts); the answer's two words go to *r0, *r1.
 * Returns the IPC error code (0 on success). */
int __rmgr_call(l4_threadid_t to, l4_umword_t w0, l4_umword_t w1, const void *str, l4_umword_t len,
		l4_umword_t *r0, l4_umword_t *r1);

#endif
