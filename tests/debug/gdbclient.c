/* The first task of the gdb tests (tests/debug/gdb_test.sh): asks gdbserver (the second task)
 * three times and ends with status 7. */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <stdio.h>

/* read by the debugger before the task touched their pages: from the program image */
int answer = 42;
int calls;

int main(void)
{
	l4_threadid_t server;
	l4_umword_t r0, r1;
	l4_msgdope_t d;
	if (rmgr_get_task_id("gdbserver", &server)) {
		printf("gdbclient: no server\n");
		return 1;
	}
	for (l4_umword_t i = 1; i <= 3; i++) {
		l4_ipc_call(server, L4_IPC_SHORT_MSG, i, 0, L4_IPC_SHORT_MSG, &r0, &r1,
			    L4_IPC_NEVER, &d);
		calls++;
		printf("gdbclient: %lu -> %lu\n", (unsigned long)i, (unsigned long)r0);
	}
	l4_ipc_call(server, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_SHORT_MSG, &r0, &r1, L4_IPC_NEVER, &d);
	return 7;
}
