/* L4P0016: no hostile pager needed: a program sends sigma0 a long message from a page it has not
 * mapped yet. The transfer needs the program's own pager, which is sigma0 itself when the
 * program is the root task (--no-loader), or the loader: sigma0 takes only register messages, so
 * its page-fault timeout 0 ends the transfer (SERCVPFTO, 0xB0) instead of sigma0 waiting for
 * itself for ever, and sigma0 answers the next request. */
#include <l4/sys/ipc.h>
#include <stdio.h>

static l4_umword_t untouched[2048] __attribute__((aligned(4096)));

int main(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	l4_umword_t w0 = 7, w1 = 7;
	l4_msgdope_t d;
	sigma0.id.task = 2;
	int err = l4_ipc_send(sigma0, &untouched[1024], 1, 2, L4_IPC_NEVER, &d);
	printf("long message from an unmapped page to sigma0: 0x%x\n", err);
	err = l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 1, 0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER,
			  &d);
	printf("sigma0 answers the kernel-memory query: 0x%x, %x %x\n", err, w0, w1);
	return 0;
}
