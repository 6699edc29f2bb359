/*
 * Loader demo: the chief. It takes a task number from the loader (rmgr_get_task) and creates the
 * client in its own clan, running code and pages of this program. The server is the chief's
 * sibling, outside that clan, so every message between client and server is redirected to the
 * chief by the kernel: the chief passes requests on in the client's name (deceit), returns the
 * answers in the server's name, and answers "reset" itself with a refusal.
 */
#include <l4/loader/loader.h>
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/server.h>
#include <stdio.h>

#include "counter.h"

#define FIRST_NR 0x20
#define STACK	 4096
static unsigned char client_stack[STACK] __attribute__((aligned(16)));
static unsigned char pager_stack[STACK] __attribute__((aligned(16)));

/* The client shares this program's pages, so it finds these set by the chief. */
static l4_threadid_t chief, server;

static void request(unsigned op, l4_umword_t arg)
{
	l4_umword_t r0, r1;
	l4_msgdope_t d;
	l4_ipc_call(server, L4_IPC_SHORT_MSG, op, arg, L4_IPC_SHORT_MSG, &r0, &r1, L4_IPC_NEVER,
		    &d);
	if (r0 == ~0UL)
		printf("client: %s refused\n", OP_NAME(op));
	else if (op == OP_ADD)
		printf("client: add %lu -> total %lu\n", (unsigned long)arg, (unsigned long)r0);
	else
		printf("client: %s -> total %lu\n", OP_NAME(op), (unsigned long)r0);
}

static void client(void)
{
	l4_msgdope_t d;
	request(OP_ADD, 5);
	request(OP_ADD, 7);
	request(OP_RESET, 0);
	request(OP_GET, 0);
	l4_ipc_send(chief, L4_IPC_SHORT_MSG, OP_DONE, 0, L4_IPC_NEVER, &d);
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}

/* One message the kernel redirected to us: pass it on, or refuse it. */
static void filter(l4_threadid_t src, l4_threadid_t dest, l4_umword_t w0, l4_umword_t w1)
{
	l4_threadid_t real;
	l4_umword_t r0, r1;
	l4_msgdope_t d;
	if (w0 == OP_RESET) {
		printf("chief: refuses %s from task %x\n", OP_NAME(w0), src.id.task);
		l4_ipc_send(src, L4_IPC_SHORT_MSG, ~0UL, 0, L4_IPC_NEVER, &d);
		return;
	}
	printf("chief: passes %s from task %x to task %x\n", OP_NAME(w0), src.id.task,
	       dest.id.task);
	l4_ipc_chief_call(dest, src, L4_IPC_SHORT_MSG, w0, w1, &real, L4_IPC_SHORT_MSG, &r0, &r1,
			  L4_IPC_NEVER, &d);
	l4_ipc_chief_send(src, dest, L4_IPC_SHORT_MSG, r0, r1, L4_IPC_NEVER, &d);
}

int main(void)
{
	chief = l4_myself();
	if (rmgr_get_task_id("server", &server)) {
		printf("chief: no server\n");
		return 1;
	}
	unsigned nr = FIRST_NR;
	while (rmgr_get_task((int)nr))
		nr++;
	l4_taskid_t c = L4_NIL_ID;
	c.id.task = nr;
	c = l4_task_new(c, 255, (l4_umword_t)(client_stack + STACK - 16), (l4_umword_t)client,
			loader_self_pager(1, pager_stack, STACK));
	printf("chief: task %x; server: task %x; client: task %x, in my clan\n", chief.id.task,
	       server.id.task, c.id.task);

	l4_threadid_t src, dest;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	for (;;) {
		if (l4_ipc_chief_wait(&src, &dest, L4_IPC_SHORT_MSG, &w0, &w1, UMOL4_SERVER_WAIT,
				      &d))
			continue;
		if (L4_IPC_MSG_REDIRECTED(d))
			filter(src, dest, w0, w1);
		else if (l4_task_equal(src, c) && w0 == OP_DONE)
			break;
	}
	l4_task_new(c, chief.lh.low, 0, 0, L4_NIL_ID); /* kill the client... */
	rmgr_free_task((int)nr);		       /* ...and give its number back */
	l4_ipc_call(server, L4_IPC_SHORT_MSG, OP_QUIT, 0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER,
		    &d);
	printf("chief: client gone, server ended with total %lu\n", (unsigned long)w0);
	return 0;
}
