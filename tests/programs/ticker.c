/* L4P0015: prints ten ticks 100 ms apart, for tests that do things to a running instance from
 * outside (tests/stopcont_test.sh: SIGSTOP and SIGCONT of its processes must be harmless). */
#include <l4/sys/ipc.h>
#include <stdio.h>

int main(void)
{
	for (int i = 1; i <= 10; i++) {
		l4_ipc_sleep(L4_IPC_TIMEOUT(0, 0, 100, 10, 0, 0)); /* 100 * 4^5 us ~ 0.1 s */
		printf("tick %d\n", i);
	}
	return 0;
}
