/* Loader demo: the server, a counter. It answers whoever asks; that the client's requests
 * really come through the chief shows in the "deceited" bit: the chief forwards them in the
 * client's name. */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <stdio.h>
#include <stdlib.h>

#include "counter.h"

static l4_umword_t total;

static const void *count(l4_threadid_t src, l4_msgdope_t d, l4_umword_t *w0, l4_umword_t *w1)
{
	if (*w0 == OP_ADD)
		total += *w1;
	else if (*w0 == OP_RESET)
		total = 0;
	printf("server: %s from task %x%s, total %lu\n", OP_NAME(*w0), src.id.task,
	       L4_IPC_MSG_DECEITED(d) ? " (forwarded by its chief)" : "", (unsigned long)total);
	if (*w0 == OP_QUIT) {
		l4_ipc_send(src, L4_IPC_SHORT_MSG, total, 0, L4_IPC_NEVER, &d);
		exit(0);
	}
	*w0 = total;
	*w1 = 0;
	return L4_IPC_SHORT_MSG;
}

int main(void)
{
	loader_serve(count);
}
