/* THR0002: lthread_ex_regs reads (ip/sp ~0, invalid ids) and changes ip, sp, pager, preempter. */
#define ID "THR0002"
#include "conf.h"

static volatile unsigned where;

static void first(void)
{
	where = 1;
	conf_recv(conf_id(0), 0, 0, NEVER);
}

/* Entered directly by lthread_ex_regs, not through conf_spawn: must not return. */
static void second(void)
{
	where = 2;
	conf_send(conf_id(0), 2, 0, NEVER);
	conf_park();
}

static void show(const char *what, l4_threadid_t t)
{
	say("%s: %x.%02x", what, t.id.task, t.id.lthread);
}

/* lthread_ex_regs on lthread 1 with the preempter and pager given; prints the old pager and
 * returns the old preempter. */
static l4_threadid_t ex(const char *what, l4_umword_t ip, l4_umword_t sp, l4_threadid_t preempter,
			l4_threadid_t pager, l4_umword_t *old_ip, l4_umword_t *old_sp)
{
	l4_umword_t flags;
	l4_thread_ex_regs(conf_id(1), ip, sp, &preempter, &pager, &flags, old_ip, old_sp);
	say("%s: old pager %x.%02x", what, pager.id.task, pager.id.lthread);
	return preempter;
}

int main(void)
{
	l4_threadid_t sigma0 = conf_pager_of(0), inv = L4_INVALID_ID;
	show("main's pager", sigma0);
	conf_spawn(1, first);
	conf_settle(); /* it runs into its receive and stays there */
	l4_umword_t ip, sp, ip2, sp2;
	ex("read the new thread", ALL_ONES, ALL_ONES, inv, inv, &ip, &sp);
	say("  it ran: %s; sp inside its stack: %s, ip not its start: %s", okfail(where == 1),
	    okfail(sp > (l4_umword_t)conf_stacks[1] && sp < conf_stack_top(1)),
	    okfail(ip != (l4_umword_t)conf_entry));

	ex("set pager 4.05, preempter nil", ALL_ONES, ALL_ONES, L4_NIL_ID, conf_id(5), &ip2, &sp2);
	l4_threadid_t pre = ex("read again", ALL_ONES, ALL_ONES, inv, inv, &ip2, &sp2);
	say("  old preempter nil: %s", okfail(l4_is_nil_id(pre)));
	ex("set preempter 4.03 and pager 2.00", ALL_ONES, ALL_ONES, conf_id(3), sigma0, &ip2, &sp2);
	pre = ex("read again", ALL_ONES, ALL_ONES, inv, inv, &ip2, &sp2);
	show("  old preempter", pre);
	say("  ip and sp unchanged by all that: %s", okfail(ip2 == ip && sp2 == sp));
	int err = conf_send(conf_id(1), 0, 0, L4_IPC_SEND_TIMEOUT_0);
	say("  and it still waits for main: 0x%02x", err);

	conf_spawn(1, first);
	conf_settle();
	ex("read it blocked again", ALL_ONES, ALL_ONES, inv, inv, &ip, &sp);
	l4_umword_t new_sp = conf_stack_top(1) - 64;
	ex("restart at a new ip and sp", (l4_umword_t)second, new_sp, inv, inv, &ip2, &sp2);
	say("  returned the blocked ip and sp: %s", okfail(ip2 == ip && sp2 == sp));
	l4_umword_t w0;
	err = conf_recv(conf_id(1), &w0, 0, NEVER);
	say("  it runs the new code: 0x%02x, %u, where %u", err, w0, where);
	ex("read it parked in the new code", ALL_ONES, ALL_ONES, inv, inv, &ip, &sp);
	say("  sp below the new one: %s", okfail(sp < new_sp && sp > (l4_umword_t)conf_stacks[1]));

	int local;
	l4_threadid_t p0 = inv;
	conf_ex_regs(0, ALL_ONES, ALL_ONES, &p0, &ip, &sp);
	show("main reads itself: pager", p0);
	say("  its sp is near its locals: %s",
	    okfail(sp < (l4_umword_t)&local + 4096 && sp + 4096 > (l4_umword_t)&local));
	return 0;
}
