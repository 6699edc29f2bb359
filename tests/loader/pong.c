/* LDR0001: answers every call with twice its number; 0 ends it with status 3. */
#include <l4/sys/ipc.h>
#include <stdio.h>

int main(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	while (w0) {
		printf("pong: got %lu from task %x\n", (unsigned long)w0, src.id.task);
		l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, 2 * w0, 0, &src, L4_IPC_SHORT_MSG, &w0,
				      &w1, L4_IPC_SEND_TIMEOUT_0, &d);
	}
	printf("pong: bye\n");
	l4_ipc_send(src, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_NEVER, &d);
	return 3;
}
