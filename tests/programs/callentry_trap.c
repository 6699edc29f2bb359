/* The trap half of callentry.c: these bindings enter the kernel by the classic trap. */
#define L4_TRAP_ENTRY 1
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>

#include "callentry.h"

l4_threadid_t trap_myself(void)
{
	return l4_myself();
}

void trap_server(void)
{
	l4_threadid_t client;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	double acc = 2.0;
	l4_ipc_wait(&client, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	while (w0) {
		acc = acc * 3.0 - 1.0;
		l4_umword_t a = w0 + 1, b = w1 + 1;
		acc = (acc + 1.0) / 3.0;
		l4_ipc_reply_and_wait(client, L4_IPC_SHORT_MSG, a, b, &client, L4_IPC_SHORT_MSG,
				      &w0, &w1, L4_IPC_NEVER, &dope);
	}
	l4_ipc_send(client, L4_IPC_SHORT_MSG, acc == 2.0, 0, L4_IPC_NEVER, &dope);
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}
