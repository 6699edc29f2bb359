/* THR0005: thread_schedule: priorities, state, partner; priorities decide who runs. */
/* The invalid parameter word changes nothing and returns the old one; a raised thread runs at
 * once, a lowered one only when main blocks; a nonexistent thread gives the invalid word. */
#define ID "THR0005"
#include "conf.h"

static char trace[16];
static volatile unsigned ntrace;

static void mark(void)
{
	trace[ntrace++] = (char)('a' + l4_myself().id.lthread);
}

static void wait_main(void)
{
	conf_recv(conf_id(0), 0, 0, NEVER);
}

static void send_main(void)
{
	conf_send(conf_id(0), 0, 0, NEVER);
}

static l4_sched_param_t sched(unsigned n, l4_sched_param_t p, l4_threadid_t *partner)
{
	l4_threadid_t pre = L4_INVALID_ID, dest = conf_id(n);
	l4_sched_param_t old;
	l4_thread_schedule(dest, p, &pre, partner, &old);
	return old;
}

static l4_sched_param_t prio(unsigned prio)
{
	l4_sched_param_t p = {.sched_param = 0};
	p.sp.prio = prio;
	return p;
}

int main(void)
{
	l4_threadid_t partner;
	conf_long_slice(0); /* main runs until it blocks or yields */
	l4_sched_param_t mine = sched(0, L4_INVALID_SCHED_PARAM, &partner);
	say("main's priority: 0x%02x", mine.sp.prio);

	conf_spawn(1, mark);
	l4_sched_param_t p = sched(1, L4_INVALID_SCHED_PARAM, &partner);
	say("new thread inherits it: 0x%02x", p.sp.prio);
	sched(1, prio(mine.sp.prio + 1), &partner);
	trace[ntrace++] = 'a';
	p = sched(1, L4_INVALID_SCHED_PARAM, &partner);
	trace[ntrace] = 0;
	say("raised to 0x%02x, it ran before main went on: %s", p.sp.prio, trace);

	ntrace = 0;
	conf_spawn(2, mark);
	sched(2, prio(mine.sp.prio - 1), &partner);
	l4_yield();
	trace[ntrace++] = 'a';
	conf_settle();
	trace[ntrace] = 0;
	say("lowered thread runs only while main sleeps: %s", trace);

	l4_threadid_t gone = conf_id(0);
	gone.id.task = 100;
	l4_threadid_t pre = L4_INVALID_ID;
	l4_sched_param_t old;
	l4_thread_schedule(gone, prio(1), &pre, &partner, &old);
	say("nonexistent thread: %s", okfail(l4_is_invalid_sched_param(old)));

	conf_spawn(3, wait_main);
	conf_spawn(5, send_main);
	conf_settle();
	p = sched(3, L4_INVALID_SCHED_PARAM, &partner);
	say("thread waiting for a message from main: state 0x%x, partner %x.%02x", p.sp.state,
	    partner.id.task, partner.id.lthread);
	p = sched(5, L4_INVALID_SCHED_PARAM, &partner);
	say("thread waiting to send to main: state 0x%x, partner %x.%02x", p.sp.state,
	    partner.id.task, partner.id.lthread);
	conf_spawn(4, mark); /* ready, not yet run */
	l4_threadid_t ext = L4_INVALID_ID;
	l4_cpu_time_t t =
	    l4_thread_schedule(conf_id(4), L4_INVALID_SCHED_PARAM, &ext, &partner, &p);
	say("ready thread that has not run: state 0x%x, partner invalid: %s, cpu time %u",
	    p.sp.state, okfail(l4_is_invalid_id(partner)), (unsigned)(t & 0xffffffffffffULL));
	return 0;
}
