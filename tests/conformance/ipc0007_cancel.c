/* IPC0007: lthread_ex_regs setting the ip of a thread blocked in IPC cancels it: RECANCELED
 * (0x40) in a receive, SECANCELED (0x50) in a send; reading the registers (ip = ~0) does not;
 * a cancelled receive's timeout does not fire later. */
#define ID "IPC0007"
#include "conf.h"

static volatile int results[8];
static volatile unsigned nresults;

static void note(int err)
{
	results[nresults++] = err;
}

/* Each victim blocks in one kind of IPC and records its result. */
static void in_receive(void)
{
	note(conf_recv(conf_id(0), 0, 0, NEVER));
}

static void in_wait(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	note(l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope));
}

static void in_send(void)
{
	note(conf_send(conf_id(0), 1, 2, NEVER));
}

/* Takes one message from anyone and never answers it. */
static void sink(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
}

/* Calls lthread 1, which never answers: blocked in the receive phase. */
static void in_call_receive(void)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	note(l4_ipc_call(conf_id(1), SHORT, 0, 0, SHORT, &w0, &w1, NEVER, &dope));
}

/* Calls main, which is not receiving: blocked in the send phase. */
static void in_call_send(void)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	note(l4_ipc_call(conf_id(0), SHORT, 0, 0, SHORT, &w0, &w1, NEVER, &dope));
}

/* Sleeps 50 ms; once cancelled, waits for main without a timeout. */
static void in_sleep(void)
{
	note(l4_ipc_sleep(RCV_MS(50)));
	note(conf_recv(conf_id(0), 0, 0, NEVER));
}

/* Runs fn in lthread n until it blocks, cancels it, and reports what its IPC returned. */
static void try(const char *what, unsigned n, void (*fn)(void))
{
	nresults = 0;
	l4_thread_switch(conf_spawn(n, fn));
	conf_cancel(n);
	l4_thread_switch(conf_id(n));
	say("%s: %s0x%02x", what, nresults == 1 ? "" : "(not resumed) ", results[0]);
}

int main(void)
{
	/* lthread 1 blocks in a receive from main. Reading its registers leaves it there. */
	l4_thread_switch(conf_spawn(1, in_receive));
	l4_threadid_t pager = L4_INVALID_ID;
	l4_umword_t ip, sp;
	conf_ex_regs(1, ALL_ONES, ALL_ONES, &pager, &ip, &sp);
	l4_thread_switch(conf_id(1));
	say("after reading the registers: %u results", nresults);
	int err = conf_send(conf_id(1), 0, 0, L4_IPC_SEND_TIMEOUT_0);
	l4_thread_switch(conf_id(1));
	say("it still receives: send 0x%02x, its result 0x%02x", err, results[0]);

	try("receive cancelled", 2, in_receive);
	try("open wait cancelled", 3, in_wait);
	try("send cancelled", 4, in_send);
	l4_thread_switch(conf_spawn(1, sink)); /* restarted: a callee that never answers */
	try("call cancelled in the receive phase", 5, in_call_receive);
	try("call cancelled in the send phase", 6, in_call_send);

	nresults = 0;
	l4_thread_switch(conf_spawn(7, in_sleep));
	conf_cancel(7);
	l4_thread_switch(conf_id(7));
	say("sleep cancelled: 0x%02x", results[0]);
	l4_ipc_sleep(RCV_MS(100)); /* the old 50 ms timeout must not hit the new receive */
	err = conf_send(conf_id(7), 0, 0, L4_IPC_SEND_TIMEOUT_0);
	l4_thread_switch(conf_id(7));
	say("100 ms later it still waits for main: send 0x%02x, its result 0x%02x (%u results)",
	    err, results[1], nresults);
	return 0;
}
