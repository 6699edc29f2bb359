/* IPC0016: interrupts as IPC: associating IRQ 0 (timer), its messages, busy and nonexistent irqs.
 */
/* A receive from irq+1 with timeout 0 associates (RETIMEOUT 0x20); then the interrupt arrives as
 * a message with source irq+1, words 0, dope 0, in closed and open receives; a busy or
 * nonexistent irq gives ENOT_EXISTENT (0x10); a receive from nil with timeout 0 detaches. */
#define ID "IPC0016"
#include "conf.h"

static l4_threadid_t irq(int n)
{
	l4_threadid_t t;
	l4_make_taskid_from_irq(n, &t);
	return t;
}

/* Tries IRQ 0 while main has it, then again once main has let it go. */
static void other(void)
{
	int busy = conf_recv(irq(0), 0, 0, L4_IPC_RECV_TIMEOUT_0);
	conf_send(conf_id(0), (l4_umword_t)busy, 0, NEVER);
	conf_recv(conf_id(0), 0, 0, NEVER);
	int assoc = conf_recv(irq(0), 0, 0, L4_IPC_RECV_TIMEOUT_0);
	int got = conf_recv(irq(0), 0, 0, RCV_MS(100));
	conf_send(conf_id(0), (l4_umword_t)assoc, (l4_umword_t)got, NEVER);
}

int main(void)
{
	int err = conf_recv(irq(200), 0, 0, L4_IPC_RECV_TIMEOUT_0);
	say("associate with the nonexistent IRQ 200: 0x%02x", err);
	err = conf_recv(irq(0), 0, 0, L4_IPC_RECV_TIMEOUT_0);
	say("associate with IRQ 0: 0x%02x", err);

	l4_cpu_time_t t0 = conf_now();
	unsigned got = 0;
	l4_umword_t w0 = 1, w1 = 1;
	for (int i = 0; i < 10; i++)
		got += !conf_recv(irq(0), &w0, &w1, RCV_MS(100)) && !w0 && !w1;
	say("10 closed receives from IRQ 0: %u interrupts with words 0, at least 5 ms: %s", got,
	    conf_took(t0, 5000));
	l4_threadid_t src;
	err = conf_wait(&src, &w0, &w1, RCV_MS(100));
	say("open wait: 0x%02x, source is IRQ 0's id: %s", err,
	    okfail(src.lh.low == 1 && src.lh.high == 0));

	l4_threadid_t o = conf_spawn(1, other);
	l4_umword_t r0, r1;
	conf_recv(o, &r0, 0, NEVER);
	say("another thread asks for IRQ 0 while main has it: 0x%02x", r0);
	err = conf_recv(L4_NIL_ID, 0, 0, L4_IPC_RECV_TIMEOUT_0);
	say("detach (receive from nil, timeout 0): 0x%02x", err);
	conf_send(o, 0, 0, NEVER);
	conf_recv(o, &r0, &r1, NEVER);
	say("then it associates: 0x%02x, and gets an interrupt: 0x%02x", r0, r1);
	err = conf_recv(irq(0), 0, 0, RCV_MS(20));
	say("main waits for IRQ 0, now the other thread's: 0x%02x", err);
	return 0;
}
