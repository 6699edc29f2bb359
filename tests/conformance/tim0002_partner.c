/* TIM0002: send and receive timeouts with partners: 0x30, 0x20, or the message in time. */
/* A message that comes in time is delivered well before the timeout, and the timeout does not
 * fire later. */
#define ID "TIM0002"
#include "conf.h"

static volatile int late_reply = -1;

/* Waits closed for lthread 3 (so looks busy to main), then answers main's calls w0 ms late,
 * with send timeout 0. */
static void slow(void)
{
	conf_recv(conf_id(3), 0, 0, NEVER);
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
	for (;;) {
		l4_ipc_sleep(RCV_MS(w0));
		late_reply = l4_ipc_reply_and_wait(src, SHORT, w0, 0, &src, SHORT, &w0, &w1,
						   L4_IPC_SEND_TIMEOUT_0, &dope);
		if (late_reply)
			l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
	}
}

/* For every number of milliseconds main sends, sleeps that long and sends it back. */
static void later(void)
{
	for (;;) {
		l4_umword_t ms;
		conf_recv(conf_id(0), &ms, 0, NEVER);
		l4_ipc_sleep(RCV_MS(ms));
		conf_send(conf_id(0), ms, 0, NEVER);
	}
}

int main(void)
{
	conf_spawn(3, conf_park); /* lthread 3 never sends */
	l4_threadid_t slow_id = conf_spawn(1, slow);
	l4_yield();
	l4_cpu_time_t t0 = conf_now();
	int err = conf_send(slow_id, 0, 0, SND_MS(10));
	say("send 10 ms to a busy thread: 0x%02x, %s", err, conf_took(t0, 10240));
	t0 = conf_now();
	err = conf_send(slow_id, 0, 0, SND_MS(40));
	say("send 40 ms to a busy thread: 0x%02x, %s", err, conf_took(t0, 40960));

	conf_cancel(1); /* ends slow's wait for lthread 3 */
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	t0 = conf_now();
	err = l4_ipc_call(slow_id, SHORT, 30, 0, SHORT, &w0, &w1, RCV_MS(10), &dope);
	say("call, answer after 30 ms, receive timeout 10 ms: 0x%02x, %s", err,
	    conf_took(t0, 10240));
	l4_ipc_sleep(RCV_MS(100)); /* slow answers after 30 ms, while main sleeps */
	say("the late answer: 0x%02x", late_reply);
	t0 = conf_now();
	err = l4_ipc_call(slow_id, SHORT, 10, 0, SHORT, &w0, &w1, RCV_MS(100), &dope);
	say("call, answer after 10 ms, receive timeout 100 ms: 0x%02x, answer %u, %s", err, w0,
	    conf_took(t0, 10240));
	t0 = conf_now();
	err = l4_ipc_call(slow_id, SHORT, 10, 0, SHORT, &w0, &w1, TIMEOUT(0, 1, 100, 10), &dope);
	say("the same with send timeout 0 (server waiting): 0x%02x, %s", err, conf_took(t0, 10240));

	conf_spawn(2, later);
	t0 = conf_now();
	conf_send(conf_id(2), 10, 0, NEVER);
	err = conf_recv(conf_id(2), &w0, 0, RCV_MS(100));
	say("receive 100 ms, message after 10 ms: 0x%02x, %s", err, conf_took(t0, 10240));
	t0 = conf_now();
	conf_send(conf_id(2), 150, 0, NEVER);
	err = conf_recv(conf_id(2), &w0, 0, NEVER);
	say("then receive, no timeout, message after 150 ms: 0x%02x, %s", err,
	    conf_took(t0, 153600));
	return 0;
}
