/* IPC0007: lthread_ex_regs with a new ip cancels a blocked IPC: RECANCELED 0x40, SECANCELED 0x50.
 */
#define ID "IPC0007"
#include "conf.h"

/* Each victim blocks in one kind of IPC and then reports its result to main. */
static void report(int err)
{
	conf_send(conf_id(0), (l4_umword_t)err, 0, NEVER);
}

static int call(unsigned n)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	return l4_ipc_call(conf_id(n), SHORT, 0, 0, SHORT, &w0, &w1, NEVER, &dope);
}

static void in_receive(void)
{
	report(conf_recv(conf_id(0), 0, 0, NEVER));
}

static void in_wait(void)
{
	report(conf_wait(0, 0, 0, NEVER));
}

static void in_send(void)
{
	report(conf_send(conf_id(0), 1, 2, NEVER));
}

/* Takes one message and never answers it: callers stay in their receive phase. */
static void sink(void)
{
	conf_wait(0, 0, 0, NEVER);
}

static void in_call_receive(void)
{
	report(call(1));
}

/* Main does not receive while it sleeps: the call stays in its send phase. */
static void in_call_send(void)
{
	report(call(0));
}

/* Sleeps 200 ms; once cancelled, waits for main without a timeout. */
static void in_sleep(void)
{
	report(l4_ipc_sleep(RCV_MS(200)));
	report(conf_recv(conf_id(0), 0, 0, NEVER));
}

static l4_umword_t result(unsigned n)
{
	l4_umword_t err;
	conf_recv(conf_id(n), &err, 0, NEVER);
	return err;
}

/* Lets fn block in lthread n, cancels it, and prints what its IPC returned. */
static void try(const char *what, unsigned n, void (*fn)(void))
{
	conf_spawn(n, fn);
	conf_settle();
	conf_cancel(n);
	say("%s: 0x%02x", what, result(n));
}

int main(void)
{
	/* Reading the registers of a thread blocked in a receive leaves it there. */
	conf_spawn(1, in_receive);
	conf_settle();
	l4_threadid_t pager = L4_INVALID_ID;
	l4_umword_t ip, sp;
	conf_ex_regs(1, ALL_ONES, ALL_ONES, &pager, &ip, &sp);
	int err = conf_send(conf_id(1), 0, 0, L4_IPC_SEND_TIMEOUT_0);
	say("after reading its registers it still receives: send 0x%02x, its result 0x%02x", err,
	    result(1));

	try("receive cancelled", 2, in_receive);
	try("open wait cancelled", 3, in_wait);
	try("send cancelled", 4, in_send);
	conf_spawn(1, sink); /* restarted as a callee that never answers */
	try("call cancelled in the receive phase", 5, in_call_receive);
	try("call cancelled in the send phase", 6, in_call_send);

	try("sleep cancelled", 7, in_sleep);
	l4_ipc_sleep(RCV_MS(250)); /* the old 200 ms timeout must not end the new receive */
	err = conf_send(conf_id(7), 0, 0, L4_IPC_SEND_TIMEOUT_0);
	say("250 ms later it still waits for main: send 0x%02x, its result 0x%02x", err,
	    result(7));
	return 0;
}
