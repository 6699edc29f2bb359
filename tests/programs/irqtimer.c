/* L4P0009: interrupt 0 is a periodic timer: associate with receive-from-irq and timeout 0
 * (RETIMEOUT), receive ten ticks from the interrupt id (dope 0, source = irq id), take ~1 ms each
 * by the KIP clock, detach with a receive from nil and timeout 0, and a busy interrupt id. */
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

int main(void)
{
	l4_kernel_info_t *kip = l4_kernel_interface();
	l4_threadid_t irq0, irq5, src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_make_taskid_from_irq(0, &irq0);
	l4_make_taskid_from_irq(5, &irq5);
	int err = l4_ipc_receive(irq0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	printf("associate irq 0: 0x%x\n", err);
	l4_cpu_time_t t0 = kip->clock;
	int ok = 1;
	for (int i = 0; i < 10; i++) {
		err = l4_ipc_receive(irq0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
		ok &= err == 0 && dope.msgdope == 0;
	}
	l4_cpu_time_t us = kip->clock - t0;
	printf("10 ticks: %s\n", ok ? "ok" : "FAILED");
	printf("took 8..500 ms: %s\n", us >= 8000 && us < 500000 ? "ok" : "FAILED");
	err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("open wait gets a tick: 0x%x from irq %d\n", err, (int)src.lh.low - 1);
	err = l4_ipc_receive(irq5, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("wait on an unassociated irq: 0x%x\n", err);
	err = l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &dope);
	printf("detach: 0x%x\n", err);
	err = l4_ipc_receive(irq0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("wait after detach: 0x%x\n", err);
	return 0;
}
