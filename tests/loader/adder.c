/* LDR0009: a client of the counter service: adds its first argument, prints the total and
 * exits with its second argument as status; with a third argument "hang" it then waits for a
 * message from the counter, which never sends one (a deadlock the services do not hide). */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	l4_threadid_t counter;
	l4_umword_t total, w1;
	l4_msgdope_t d;
	if (argc < 3 || rmgr_init() != 1 || rmgr_get_task_id("counter", &counter)) {
		printf("adder: no counter service\n");
		return 99;
	}
	long n = strtol(argv[1], 0, 10);
	int err = l4_ipc_call(counter, L4_IPC_SHORT_MSG, (l4_umword_t)n, 0, L4_IPC_SHORT_MSG,
			      &total, &w1, L4_IPC_NEVER, &d);
	printf("adder: add %ld -> total %lu (error %d)\n", n, (unsigned long)total, err);
	if (argc > 3 && !strcmp(argv[3], "hang"))
		l4_ipc_receive(counter, L4_IPC_SHORT_MSG, &total, &w1, L4_IPC_NEVER, &d);
	return (int)strtol(argv[2], 0, 10);
}
