/* The pool of pre-started task processes (tests/pool_test.sh): task 5 is created and deleted,
 * the kernel idles 0.3 s (when it starts a process ahead), task 5 is created again and sends a
 * message; then the program says "ready" and waits 2 s, so that the test can look at the task
 * processes: the second task must run in the pooled process, confined like any other. */
#include "bench.h"
#include "child.h"

#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdbool.h>
#include <stdio.h>

static int one_child(bool keep)
{
	l4_taskid_t c = child_create(child_say_42);
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	if (l4_is_nil_id(c) || l4_ipc_receive(c, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope) ||
	    w0 != 42)
		return 1;
	if (!keep)
		child_delete(c);
	return 0;
}

int main(void)
{
	child_parent = l4_myself();
	if (one_child(false))
		return 1;
	l4_ipc_sleep(L4_IPC_TIMEOUT(0, 0, 73, 9, 0, 0)); /* 73 * 4^6 us ~ 0.3 s */
	if (one_child(true))
		return 2;
	printf("pool_probe: ready\n");
	fflush(stdout);
	l4_ipc_sleep(L4_IPC_TIMEOUT(0, 0, 122, 8, 0, 0)); /* 122 * 4^7 us ~ 2 s */
	return 0;
}
