/* IPC0005: call's send->receive switch is atomic: replies with send timeout 0 always arrive. */
#define ID "IPC0005"
#include "conf.h"

#define ROUNDS 200

/* Replies with send timeout 0. When a reply fails, lthread 2 learns the error code. */
static void server(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
	for (;;) {
		err = l4_ipc_reply_and_wait(src, SHORT, w0 * 2, 0, &src, SHORT, &w0, &w1,
					    L4_IPC_SEND_TIMEOUT_0, &dope);
		if (err) {
			conf_send(conf_id(2), (l4_umword_t)err, 0, NEVER);
			err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
		}
	}
}

/* Passes what the server tells it on to main. */
static void relay(void)
{
	for (;;) {
		l4_umword_t w0;
		conf_recv(conf_id(1), &w0, 0, NEVER);
		conf_send(conf_id(0), w0, 0, NEVER);
	}
}

int main(void)
{
	l4_threadid_t srv = conf_spawn(1, server), rel = conf_spawn(2, relay);
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	unsigned ok = 0;
	for (l4_umword_t i = 0; i < ROUNDS; i++)
		ok += !l4_ipc_call(srv, SHORT, i, 0, SHORT, &w0, &w1, NEVER, &dope) && w0 == 2 * i;
	say("call, replies with send timeout 0: %u of %u answered", ok, ROUNDS);

	/* A send and a receive in two system calls: in between main waits for the relay, so the
	 * server's reply cannot arrive. */
	int err = conf_send(srv, 21, 0, NEVER);
	say("plain send: 0x%02x", err);
	err = conf_recv(rel, &w0, 0, NEVER);
	say("the server's reply with send timeout 0 failed: 0x%02x, relayed 0x%02x", err, w0);

	err = l4_ipc_call(srv, SHORT, 21, 0, SHORT, &w0, &w1, NEVER, &dope);
	say("call again: 0x%02x, answer %u", err, w0);
	return 0;
}
