/* IPC0002: send, open wait and closed receive: results, sender ids, closed receive selects. */
#define ID "IPC0002"
#include "conf.h"

/* Sends its lthread number and a marker to main. */
static void sender(void)
{
	l4_umword_t n = l4_myself().id.lthread;
	conf_send(conf_id(0), n, 0x100 + n, NEVER);
}

/* Receives closed from main, then openly; reports each with a send. */
static void echo(void)
{
	l4_umword_t w0, w1;
	l4_threadid_t src;
	int err = conf_recv(conf_id(0), &w0, &w1, NEVER);
	conf_send(conf_id(0), (l4_umword_t)err, w0 + w1, NEVER);
	err = conf_wait(&src, &w0, &w1, NEVER);
	conf_send(conf_id(0), (l4_umword_t)err, src.id.lthread, NEVER);
}

int main(void)
{
	l4_threadid_t e = conf_spawn(1, echo);
	l4_msgdope_t dope;
	int err = l4_ipc_send(e, SHORT, 30, 12, NEVER, &dope);
	say("send to a closed receiver: 0x%02x, result dope 0x%x", err, dope.msgdope);
	l4_umword_t w0, w1;
	err = conf_recv(e, &w0, &w1, NEVER);
	say("its receive: 0x%02x, words summed %u", w0, w1);
	err = conf_send(e, 0, 0, NEVER);
	say("send to an open waiter: 0x%02x", err);
	err = conf_recv(e, &w0, &w1, NEVER);
	say("its wait: 0x%02x, source lthread %u", w0, w1);

	/* Three senders block on main while it sleeps; a closed receive takes the middle one. */
	for (unsigned n = 2; n <= 4; n++)
		conf_spawn(n, sender);
	conf_settle();
	err = conf_recv(conf_id(3), &w0, &w1, NEVER);
	say("closed receive from 3 of three waiting senders: 0x%02x, words 0x%x 0x%x", err, w0,
	    w1);
	unsigned got = 0;
	for (unsigned i = 0; i < 2; i++) {
		l4_threadid_t src;
		err = conf_wait(&src, &w0, &w1, NEVER);
		if (!err && l4_task_equal(src, e) && w0 == src.id.lthread && w1 == 0x100 + w0)
			got |= 1u << w0;
	}
	say("two open waits: from lthreads 2 and 4 with their words: %s", okfail(got == 0x14));
	return 0;
}
