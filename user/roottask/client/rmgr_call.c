/* The IPC helper of the RMGR and loader client libraries (call.h), in an object of its own: exit()
 * needs it to reach the loader, and must not bring the rest of the RMGR library along, which a
 * program may have in a version of its own. */
#include <l4/sys/ipc.h>

#include "call.h"

int __rmgr_call(l4_threadid_t to, l4_umword_t w0, l4_umword_t w1, const void *str, l4_umword_t len,
		l4_umword_t *r0, l4_umword_t *r1)
{
	struct {
		l4_fpage_t fp;
		l4_msgdope_t size, send;
		l4_umword_t dw[2];
		l4_strdope_t str;
	} msg = {.size = L4_IPC_DOPE(2, 1), .send = L4_IPC_DOPE(2, 1), .dw = {w0, w1}};
	l4_umword_t a = 0, b = 0;
	l4_msgdope_t dope;

	msg.str.snd_str = (l4_umword_t)str;
	msg.str.snd_size = len;
	int err = l4_ipc_call(to, str ? (const void *)&msg : L4_IPC_SHORT_MSG, w0, w1,
			      L4_IPC_SHORT_MSG, &a, &b, L4_IPC_NEVER, &dope);
	if (r0)
		*r0 = a;
	if (r1)
		*r1 = b;
	return err;
}
