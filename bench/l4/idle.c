/* The program of `umol4-bench --instances`: says it is up, then waits in an L4 receive for good,
 * so that its instance (sigma0, the loader, this program) is as idle as an L4 system can be.
 *
 * The receive has the longest finite V2 timeout (255 * 4^14 us, 19 hours) and repeats: a receive
 * with L4_IPC_NEVER would leave no thread that anything could ever wake, which umol4 reports as a
 * deadlock (exit status 121). With a timeout pending the kernel simply sleeps until it. */
#include <l4/sys/ipc.h>
#include <stdio.h>

int main(void)
{
	printf("idle: ready\n");
	fflush(stdout);
	for (;;) {
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &w0, &w1,
			       L4_IPC_TIMEOUT(0, 0, 255, 1, 0, 0), &dope);
	}
}
