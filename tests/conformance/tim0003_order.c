/* TIM0003: several sleepers wake in deadline order; pending timeouts do not block others. */
#define ID "TIM0003"
#include "conf.h"

static const unsigned units[4] = {0, 75, 25, 50}; /* of 4096 us: 307, 102, 204 ms */
static volatile unsigned pings;

/* lthread n sleeps units[n] * 4096 us (mantissa units[n], exponent 9), then tells main. */
static void sleeper(void)
{
	unsigned n = l4_myself().id.lthread;
	l4_ipc_sleep(TIMEOUT(0, 0, units[n], 9));
	conf_send(conf_id(0), n, 0, NEVER);
}

/* Answers calls until main stops calling. */
static void echo(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	conf_wait(&src, &w0, &w1, NEVER);
	for (;;) {
		pings++;
		l4_ipc_reply_and_wait(src, SHORT, w0, w1, &src, SHORT, &w0, &w1, NEVER, &dope);
	}
}

int main(void)
{
	l4_cpu_time_t t0 = conf_now();
	for (unsigned n = 1; n <= 3; n++)
		l4_thread_switch(conf_spawn(n, sleeper)); /* each starts its sleep at once */
	l4_threadid_t e = conf_spawn(4, echo);
	for (l4_umword_t i = 0; i < 100; i++) {
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		l4_ipc_call(e, SHORT, i, 0, SHORT, &w0, &w1, NEVER, &dope);
	}
	say("100 calls while three threads sleep: %u answered", pings);
	for (unsigned i = 0; i < 3; i++) {
		l4_threadid_t src;
		l4_umword_t w0, w1;
		int err = conf_wait(&src, &w0, &w1, NEVER);
		say("woke: 0x%02x lthread %u (slept %u us), %s", err, lthread_of(src),
		    units[w0] * 4096, conf_took(t0, units[w0] * 4096));
	}
	return 0;
}
