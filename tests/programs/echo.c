/* L4P0010: interrupt-driven console: associate with interrupt 1 (the host's standard input),
 * and on each interrupt read every available character with kd_inchar and echo it, until 'q'. */
#include <l4/sys/ipc.h>
#include <l4/sys/kdebug.h>
#include <stdio.h>

int main(void)
{
	l4_threadid_t irq1;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_make_taskid_from_irq(1, &irq1);
	l4_ipc_receive(irq1, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	printf("echo ready\n");
	unsigned interrupts = 0;
	for (;;) {
		if (l4_ipc_receive(irq1, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope))
			return 1;
		interrupts++;
		for (;;) {
			int c = (unsigned char)kd_inchar();
			if (c == 0xff) /* nothing more for now */
				break;
			outchar((char)c);
			if (c == 'q') {
				printf("\nbye after %s interrupts\n", interrupts ? "some" : "no");
				return 0;
			}
		}
	}
}
