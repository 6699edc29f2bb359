/* L4P0007: waiting for a message from sigma0, which never sends, while sigma0 waits for
 * requests: the kernel reports the deadlock with every thread's state. */
#include <l4/sys/ipc.h>
#include <stdio.h>

int main(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	sigma0.id.task = 2;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	printf("waiting for sigma0 to send\n");
	l4_ipc_receive(sigma0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("not reached\n");
	return 0;
}
