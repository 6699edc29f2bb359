/* IPC0004: zero timeouts: SETIMEOUT 0x30 / RETIMEOUT 0x20 unless the partner is ready at once. */
#define ID "IPC0004"
#include "conf.h"

/* Calls main twice: each call says "waiting for you now" (the send->receive switch is atomic)
 * and reports the previous round; the last report is a plain send, then it parks. */
static void receiver(void)
{
	l4_umword_t w0 = 0, w1 = 0;
	l4_msgdope_t dope;
	int err = 0;
	for (int i = 0; i < 2; i++)
		err = l4_ipc_call(conf_id(0), SHORT, (l4_umword_t)err, w0, SHORT, &w0, &w1, NEVER,
				  &dope);
	conf_send(conf_id(0), (l4_umword_t)err, w0, NEVER);
}

/* Sends one message to main. */
static void sender(void)
{
	conf_send(conf_id(0), 77, 0, NEVER);
}

int main(void)
{
	l4_threadid_t t = conf_spawn(1, receiver), src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err;

	conf_recv(t, 0, 0, NEVER); /* t now waits for main */
	err = conf_send(t, 5, 0, L4_IPC_SEND_TIMEOUT_0);
	say("send, timeout 0, partner waiting: 0x%02x", err);
	conf_recv(t, &w0, &w1, NEVER);
	say("partner got: 0x%02x, %u", w0, w1);
	err = l4_ipc_call(t, SHORT, 6, 0, SHORT, &w0, &w1, L4_IPC_BOTH_TIMEOUT_0, &dope);
	say("call, both timeouts 0, partner waiting: 0x%02x (nobody answers at once)", err);
	conf_recv(t, &w0, &w1, NEVER);
	say("partner got: 0x%02x, %u", w0, w1);

	/* Now t is not waiting for main (it runs on or sleeps in a receive from nil). */
	err = conf_send(t, 1, 0, L4_IPC_SEND_TIMEOUT_0);
	say("send, timeout 0, partner not receiving: 0x%02x", err);
	err = l4_ipc_call(t, SHORT, 1, 0, SHORT, &w0, &w1, L4_IPC_SEND_TIMEOUT_0, &dope);
	say("call, send timeout 0, receive never: 0x%02x", err);
	err = l4_ipc_reply_and_wait(t, SHORT, 1, 0, &src, SHORT, &w0, &w1, L4_IPC_SEND_TIMEOUT_0,
				    &dope);
	say("reply_and_wait, send timeout 0: 0x%02x", err);
	err = l4_ipc_call(t, SHORT, 1, 0, SHORT, &w0, &w1, L4_IPC_BOTH_TIMEOUT_0, &dope);
	say("call, both timeouts 0, partner not receiving: 0x%02x", err);
	err = conf_send(l4_myself(), 1, 0, L4_IPC_SEND_TIMEOUT_0);
	say("send to myself, timeout 0: 0x%02x", err);

	err = conf_wait(0, 0, 0, L4_IPC_RECV_TIMEOUT_0);
	say("open wait, timeout 0, no sender: 0x%02x", err);
	err = conf_recv(t, &w0, &w1, L4_IPC_RECV_TIMEOUT_0);
	say("closed receive, timeout 0, partner not sending: 0x%02x", err);
	err = conf_recv(L4_NIL_ID, &w0, &w1, L4_IPC_RECV_TIMEOUT_0);
	say("receive from nil, timeout 0: 0x%02x", err);

	l4_threadid_t s = conf_spawn(2, sender);
	conf_settle(); /* the sender blocks sending to main */
	err = conf_recv(s, &w0, &w1, L4_IPC_RECV_TIMEOUT_0);
	say("closed receive, timeout 0, sender waiting: 0x%02x, %u", err, w0);
	conf_spawn(3, sender);
	conf_settle();
	err = conf_wait(&src, &w0, &w1, L4_IPC_RECV_TIMEOUT_0);
	say("open wait, timeout 0, sender waiting: 0x%02x from lthread %u, %u", err,
	    lthread_of(src), w0);
	return 0;
}
