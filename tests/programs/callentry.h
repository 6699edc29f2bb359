/* callentry.c's trap half (callentry_trap.c, compiled with L4_TRAP_ENTRY). */
#ifndef CALLENTRY_H
#define CALLENTRY_H

#include <l4/sys/types.h>

l4_threadid_t trap_myself(void);
/* Answers calls with (w0 + 1, w1 + 1) until w0 is 0, then with whether its own floating-point
 * work came out right. */
void trap_server(void);

#endif
