/* LDR0006: a program under the loader talks to sigma0 directly: sigma0's chief is the root task
 * (Fiasco's initial ids), so the programs the loader starts are sigma0's clan siblings. A message
 * to a task that does not exist crosses the clan's boundary: the kernel redirects it to the
 * loader, the chief, whose attempt to pass it on fails and which reports it in one line. */
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

int main(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID, near, nobody = L4_NIL_ID;
	l4_umword_t w0 = 0x55, w1 = 0x55;
	l4_msgdope_t d;
	sigma0.id.task = 2;
	nobody.id.task = 0x123;
	int type = l4_nchief(sigma0, &near);
	printf("outside: sigma0's nearest partner is %x.%02x, type 0x%02x\n", near.id.task,
	       near.id.lthread, type);
	/* sigma0's kernel-memory query (w0 = 1, w1 = 0): umol4 needs none, the answer is 0, 0 */
	int err = l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 1, 0, L4_IPC_SHORT_MSG, &w0, &w1,
			      L4_IPC_NEVER, &d);
	printf("outside: call to sigma0: error 0x%x, answer %lx %lx\n", err, (unsigned long)w0,
	       (unsigned long)w1);
	type = l4_nchief(nobody, &near);
	printf("outside: nearest partner for task 0x123: %x.%02x, type 0x%02x\n", near.id.task,
	       near.id.lthread, type);
	err = l4_ipc_send(nobody, L4_IPC_SHORT_MSG, 7, 7, L4_IPC_NEVER, &d);
	printf("outside: send to task 0x123: error 0x%x\n", err);
	return 0;
}
