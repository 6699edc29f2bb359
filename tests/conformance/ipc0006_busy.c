/* IPC0006: a thread waiting closed for another partner looks busy to other senders. */
#define ID "IPC0006"
#include "conf.h"

static l4_umword_t got[4];
static unsigned ngot;

/* Waits closed for lthread 2, then openly for two more; records the first words and tells
 * main when done. */
static void picky(void)
{
	l4_umword_t w0;
	if (!conf_recv(conf_id(2), &w0, 0, NEVER))
		got[ngot++] = w0;
	while (ngot < 3 && !conf_wait(0, &w0, 0, NEVER))
		got[ngot++] = w0;
	conf_send(conf_id(0), 0, 0, NEVER);
}

/* Lthread 2 sends only after main asks it to. */
static void late(void)
{
	conf_recv(conf_id(0), 0, 0, NEVER);
	conf_send(conf_id(1), 200, 0, NEVER);
	conf_send(conf_id(0), 0, 0, NEVER);
}

/* Lthread 3 sends to picky while it is still waiting for lthread 2. */
static void early(void)
{
	conf_send(conf_id(1), 300, 0, NEVER);
}

int main(void)
{
	conf_spawn(2, late); /* before picky: it must exist when picky waits for it */
	l4_threadid_t p = conf_spawn(1, picky);
	l4_yield();
	l4_cpu_time_t t0 = conf_now();
	int err = conf_send(p, 100, 0, SND_MS(10));
	say("send with timeout 10 ms to a thread waiting for another: 0x%02x", err);
	say("it took at least 10 ms: %s", conf_took(t0, 10000));
	err = conf_send(p, 100, 0, L4_IPC_SEND_TIMEOUT_0);
	say("the same with timeout 0: 0x%02x", err);
	err = conf_send(p, 100, 0, TIMEOUT(1, 15, 0, 0));
	say("the same with timeout 1 us: 0x%02x", err);

	conf_spawn(3, early);
	conf_settle();				  /* lthread 3 blocks sending to picky */
	err = conf_send(conf_id(2), 0, 0, NEVER); /* lets lthread 2 send */
	say("released lthread 2: 0x%02x", err);
	err = conf_send(p, 100, 0, NEVER); /* blocks until picky waits openly */
	say("send without timeout: 0x%02x", err);
	conf_recv(p, 0, 0, NEVER);
	say("picky received %u messages: first %u, then %u and %u", ngot, got[0],
	    got[1] < got[2] ? got[1] : got[2], got[1] < got[2] ? got[2] : got[1]);
	return 0;
}
