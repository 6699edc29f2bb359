/* L4P0012: scheduling: two spinning threads of equal priority share the CPU by timeslices; a
 * spinner of higher priority keeps a lower one from running at all; thread_schedule reports
 * priority, timeslice, state and partner, and refuses threads above the caller's mcp. */
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

static volatile unsigned long count[2];
static unsigned char stacks[2][8192] __attribute__((aligned(16)));

static void spin0(void)
{
	for (;;)
		count[0]++;
}

static void spin1(void)
{
	for (;;)
		count[1]++;
}

static l4_threadid_t start(unsigned lt, void (*fn)(void))
{
	l4_threadid_t t = l4_myself(), pager = L4_INVALID_ID, pre = L4_INVALID_ID;
	l4_umword_t f, ip, sp;
	t.id.lthread = lt;
	l4_thread_ex_regs(t, (l4_umword_t)fn, (l4_umword_t)(stacks[lt - 1] + sizeof stacks[0] - 16),
			  &pre, &pager, &f, &ip, &sp);
	return t;
}

static l4_sched_param_t set_prio(l4_threadid_t t, unsigned prio, l4_threadid_t *partner)
{
	l4_sched_param_t p, old;
	l4_threadid_t ext = L4_INVALID_ID;
	p.sched_param = 0;
	p.sp.prio = prio;
	p.sp.time_exp = 11; /* 39 * 4^4 us: about 10 ms */
	p.sp.time_man = 39;
	l4_thread_schedule(t, p, &ext, partner, &old);
	return old;
}

static void sleep_ms(unsigned ms)
{
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	/* mantissa ms, exponent 10: ms * 4^5 us */
	l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_TIMEOUT(0, 0, ms, 10, 0, 0),
		       &d);
}

int main(void)
{
	l4_threadid_t me = l4_myself(), partner, s0 = L4_NIL_ID;
	s0.id.task = 2;
	/* the pager must outrank the spinners, or a page fault of ours would wait forever */
	set_prio(s0, 100, &partner);
	set_prio(me, 40, &partner);
	l4_threadid_t a = start(1, spin0), b = start(2, spin1);
	set_prio(a, 20, &partner);
	l4_sched_param_t old = set_prio(b, 20, &partner);
	printf("b: prio %u, state %x, partner invalid %s\n", old.sp.prio, old.sp.state,
	       l4_is_invalid_id(partner) ? "yes" : "no");
	sleep_ms(100);
	unsigned long a1 = count[0], b1 = count[1];
	printf("equal priorities share: %s\n", a1 && b1 ? "yes" : "no");
	set_prio(b, 10, &partner);
	sleep_ms(10); /* let the old timeslice run out */
	unsigned long b2 = count[1];
	sleep_ms(60);
	printf("higher priority spinner starves the lower: %s\n",
	       count[1] == b2 && count[0] > a1 ? "yes" : "no");
	/* the main thread, waiting for nil, is "waiting" (C) with an invalid partner */
	old = set_prio(me, 60, &partner);
	set_prio(b, 50, &partner); /* b now outranks a, but not us */
	printf("own prio was %u, timeslice man %u exp %u\n", old.sp.prio, old.sp.time_man,
	       old.sp.time_exp);
	old = set_prio(s0, 16, &partner);
	printf("sigma0: prio %u, state %x (waiting)\n", old.sp.prio, old.sp.state);
	return 0;
}
