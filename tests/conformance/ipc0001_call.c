/* IPC0001: call and reply_and_wait with register messages: both words, ids and result dopes. */
#define ID "IPC0001"
#include "conf.h"

#define ROUNDS 500
static l4_threadid_t seen;
static unsigned served;

/* Answers every call with w0 + 1 and w1 inverted, replying with send timeout 0. */
static void server(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
	while (!err) {
		seen = src;
		served++;
		err = l4_ipc_reply_and_wait(src, SHORT, w0 + 1, ~w1, &src, SHORT, &w0, &w1,
					    L4_IPC_SEND_TIMEOUT_0, &dope);
	}
	say("server stopped: 0x%02x", err);
}

/* A second client: calls the server 100 times, then tells main how many answers were right. */
static void client2(void)
{
	l4_umword_t right = 0, w0, w1;
	l4_msgdope_t dope;
	for (l4_umword_t i = 0; i < 100; i++)
		right += !l4_ipc_call(conf_id(1), SHORT, i, i, SHORT, &w0, &w1, NEVER, &dope) &&
			 w0 == i + 1 && w1 == ~i;
	conf_send(conf_id(0), right, 0, NEVER);
}

static int call(l4_umword_t a, l4_umword_t b, l4_umword_t *w0, l4_umword_t *w1, l4_msgdope_t *dope)
{
	return l4_ipc_call(conf_id(1), SHORT, a, b, SHORT, w0, w1, NEVER, dope);
}

int main(void)
{
	l4_threadid_t me = l4_myself(), srv = conf_spawn(1, server);
	say("client %x.%02x, server %x.%02x", me.id.task, me.id.lthread, srv.id.task,
	    srv.id.lthread);

	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = call(41, 0x0f0f0f0f, &w0, &w1, &dope);
	say("call: 0x%02x, answer 0x%x 0x%x", err, w0, w1);
	say("result dope of a register message: 0x%x", dope.msgdope);
	say("server saw client %x.%02x", seen.id.task, seen.id.lthread);
	say("same task: %s", okfail(l4_task_equal(seen, srv)));

	err = call(ALL_ONES, 0, &w0, &w1, &dope);
	say("all-ones words: 0x%02x, answer 0x%x 0x%x", err, w0, w1);
	err = call(0x7fffffff, 0x80000000, &w0, &w1, &dope);
	say("sign bits: 0x%02x, answer 0x%x 0x%x", err, w0, w1);

	unsigned wrong = 0;
	for (l4_umword_t i = 0; i < ROUNDS; i++) {
		l4_umword_t a = i * 0x9e3779b9UL, b = a ^ 0x5a5a5a5aUL;
		wrong += call(a, b, &w0, &w1, &dope) || w0 != a + 1 || w1 != ~b ||
			 dope.msgdope != 0x4000;
	}
	say("%u round trips, %u wrong", ROUNDS, wrong);

	conf_spawn(2, client2);
	l4_umword_t right;
	err = conf_recv(conf_id(2), &right, 0, NEVER);
	say("second client: 0x%02x, %u of 100 answers right", err, right);
	say("server saw client %x.%02x", seen.id.task, seen.id.lthread);
	say("calls served: %u", served);
	return 0;
}
