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
		l4_threadid_t src;
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		int err =
		    l4_ipc_wait(&src, SHORT, &w0, &w1, TIMEOUT(0, 0, 122, 8) /* 2 s */, &dope);
		say("spinner done: 0x%02x", err);
	}
	say("both within 1 s: %s", okfail(conf_now() - t0 < 1000000));
	return 0;
}
