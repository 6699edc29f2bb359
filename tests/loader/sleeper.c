/* LDR0001: waits for a message that never comes, until the loader kills it. */
#include <l4/sys/ipc.h>

int main(void)
{
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}
