/* LDR0009: a service that never ends by itself: adds every call's number to a total and
 * answers with it, for as long as anyone calls. */
#include <l4/sys/ipc.h>
#include <stdio.h>

int main(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1, total = 0;
	l4_msgdope_t d;
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	for (;;) {
		total += w0;
		printf("counter: add %lu from task %x, total %lu\n", (unsigned long)w0, src.id.task,
		       (unsigned long)total);
		l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, total, 0, &src, L4_IPC_SHORT_MSG, &w0,
				      &w1, L4_IPC_NEVER, &d);
	}
}
