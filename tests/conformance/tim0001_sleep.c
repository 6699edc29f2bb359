/* TIM0001: receive timeouts m * 4^(15-e) us: a sleep lasts as asked (KIP clock), 0x20. */
/* No earlier than asked and done within 200 ms; equal durations in different encodings;
 * mantissa 0 is no wait; open waits and closed receives time out the same way. */
#define ID "TIM0001"
#include "conf.h"

static void sleep_for(const char *what, unsigned man, unsigned exp, l4_cpu_time_t us)
{
	l4_cpu_time_t t0 = conf_now();
	int err = l4_ipc_sleep(TIMEOUT(0, 0, man, exp));
	say("%s (m %u, e %u): 0x%02x, %s", what, man, exp, err, conf_took(t0, us));
}

int main(void)
{
	sleep_for("10 ms", 10, 10, 10240);
	sleep_for("10 ms", 40, 11, 10240);
	sleep_for("10 ms", 160, 12, 10240);
	sleep_for("20 ms", 20, 10, 20480);
	sleep_for("50 ms", 200, 11, 51200);
	sleep_for("1 ms", 1, 10, 1024);
	sleep_for("255 us", 255, 15, 255);
	sleep_for("1 us", 1, 15, 1);
	sleep_for("0", 0, 10, 0);
	sleep_for("0", 0, 1, 0);

	/* A receive timeout also ends an open wait and a closed receive from a silent thread. */
	l4_threadid_t silent = conf_spawn(1, conf_park);
	l4_cpu_time_t t0 = conf_now();
	int err = conf_wait(0, 0, 0, RCV_MS(10));
	say("open wait 10 ms: 0x%02x, %s", err, conf_took(t0, 10240));
	t0 = conf_now();
	err = conf_recv(silent, 0, 0, RCV_MS(10));
	say("closed receive 10 ms: 0x%02x, %s", err, conf_took(t0, 10240));
	return 0;
}
