/* LDR0001: started at run time by boss through the loader: shows its arguments, tells boss,
 * and exits with 7, which ends only this task. */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	l4_threadid_t boss;
	l4_msgdope_t d;
	printf("child: task %x, %d arguments:", l4_myself().id.task, argc - 1);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	if (rmgr_get_task_id("boss", &boss) == 0)
		l4_ipc_send(boss, L4_IPC_SHORT_MSG, 99, 0, L4_IPC_NEVER, &d);
	return 7;
}
