/* TIM0004 (pending: umol4 bug): the KIP clock read right after a timeout is past it. */
/* umol4 advances the clock at kernel entries and from a 1 kHz host thread, but not when a
 * timeout wakes a thread, so a thread reading it right after a 10 ms sleep can see 9.4 ms.
 * Registered tests use conf_now, which enters the kernel first. */
#define ID "TIM0004"
#include "conf.h"

int main(void)
{
	volatile l4_kernel_info_t *kip = l4_kernel_interface();
	l4_cpu_time_t t0 = kip->clock;
	int err = l4_ipc_sleep(RCV_MS(10));
	l4_cpu_time_t t1 = kip->clock;
	say("sleep 10 ms: 0x%02x, the clock read right after it moved 10 ms: %s", err,
	    okfail(t1 - t0 >= 10240));

	t0 = kip->clock;
	unsigned long spins = 0;
	while (kip->clock - t0 < 10000 && ++spins < 50000000UL)
		;
	say("busy-waiting, the clock passes 10 ms: %s", okfail(kip->clock - t0 >= 10000));
	return 0;
}
