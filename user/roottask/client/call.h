/* Internal interfaces of the RMGR and loader client libraries. */
#ifndef UMOL4_ROOTTASK_CLIENT_CALL_H
#define UMOL4_ROOTTASK_CLIENT_CALL_H

#include <l4/sys/types.h>

/* Calls to with w0, w1 and, when str is not NULL, one string of len bytes (a long message of two
 * dwords and one string, the form the root task accepts); the answer's two words go to *r0, *r1.
 * Returns the IPC error code (0 on success). */
int __rmgr_call(l4_threadid_t to, l4_umword_t w0, l4_umword_t w1, const void *str, l4_umword_t len,
		l4_umword_t *r0, l4_umword_t *r1);

/* The loader named in our Multiboot information (loader_exit.c): 1 and *loader if a loader
 * started this program, else 0. */
int __loader_from_mbi(l4_threadid_t *loader);

#endif
