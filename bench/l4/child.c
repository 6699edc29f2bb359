/* Child tasks of the benchmark programs (child.h). */
#include "child.h"
#include "bench.h"

#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>

#define CHILD_TASK 5u
#define STACK_SIZE 8192u
static unsigned char child_stack[STACK_SIZE] __attribute__((aligned(16)));
static l4_threadid_t pager;

l4_threadid_t child_pager(unsigned n)
{
	if (l4_is_nil_id(pager))
		pager = bench_thread(n, bench_pager);
	return pager;
}

l4_taskid_t child_create(void (*fn)(void))
{
	l4_threadid_t dest = L4_NIL_ID;
	/* the stack's frames are ours before they can be mapped on to the child */
	for (unsigned i = 0; i < STACK_SIZE; i += 4096)
		child_stack[i] = 0;
	dest.id.task = CHILD_TASK;
	return l4_task_new(dest, 255, (l4_umword_t)(child_stack + STACK_SIZE - 16), (l4_umword_t)fn,
			   child_pager(1));
}

void child_delete(l4_taskid_t child)
{
	l4_task_new(child, l4_myself().lh.low, 0, 0, L4_NIL_ID);
}

l4_threadid_t child_parent;

void child_say_42(void)
{
	l4_msgdope_t dope;
	l4_ipc_send(child_parent, L4_IPC_SHORT_MSG, 42, 0, L4_IPC_NEVER, &dope);
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}
