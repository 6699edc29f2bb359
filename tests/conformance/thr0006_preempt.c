/* THR0006: timeslice preemption: two spinning threads of equal priority both get the CPU. */
/* Each spins without entering the kernel until it sees the other has run; main waits for both
 * with a 2 s timeout. */
#define ID "THR0006"
#include "conf.h"

static volatile unsigned long count[3];

static void spinner(void)
{
	unsigned me = l4_myself().id.lthread, other = 3 - me;
	do
		count[me]++;
	while (!count[other]);
	conf_send(conf_id(0), me, 0, NEVER);
}

int main(void)
{
	conf_spawn(1, spinner);
	conf_spawn(2, spinner);
	l4_cpu_time_t t0 = conf_now();
	for (int i = 0; i < 2; i++) {
		int err = conf_wait(0, 0, 0, TIMEOUT(0, 0, 122, 8) /* 2 s */);
		say("spinner done: 0x%02x", err);
	}
	say("both within 1 s: %s", okfail(conf_now() - t0 < 1000000));
	return 0;
}
