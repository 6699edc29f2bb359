/* THR0004: thread ids: l4_myself in every thread, id_nearest for nil and own threads. */
#define ID "THR0004"
#include "conf.h"

static l4_threadid_t seen[4];

/* Tells main its id as l4_myself gives it. */
static void who(void)
{
	l4_threadid_t me = l4_myself();
	conf_send(conf_id(0), me.lh.low, me.lh.high, NEVER);
}

int main(void)
{
	l4_threadid_t me = l4_myself(), near;
	say("main: %x.%02x", me.id.task, me.id.lthread);
	for (unsigned n = 1; n < 4; n++) {
		conf_spawn(n, who);
		conf_recv(conf_id(n), &seen[n].lh.low, &seen[n].lh.high, NEVER);
	}
	for (unsigned n = 1; n < 4; n++) {
		l4_threadid_t want = me;
		want.id.lthread = n;
		say("lthread %u sees itself as %x.%02x, main's id but the lthread: %s", n,
		    seen[n].id.task, seen[n].id.lthread, okfail(l4_thread_equal(seen[n], want)));
	}
	say("task_equal(main, lthread 3): %d, thread_equal: %d", l4_task_equal(me, seen[3]),
	    l4_thread_equal(me, seen[3]));
	int type = l4_id_nearest(L4_NIL_ID, &near);
	say("id_nearest(nil): type 0x%02x, myself: %s", type, okfail(l4_thread_equal(near, me)));
	type = l4_id_nearest(seen[2], &near);
	say("id_nearest(lthread 2): type 0x%02x, %x.%02x", type, near.id.task, near.id.lthread);
	say("nil is nil: %d, invalid is invalid: %d, me is neither: %d", l4_is_nil_id(L4_NIL_ID),
	    l4_is_invalid_id(L4_INVALID_ID), !l4_is_nil_id(me) && !l4_is_invalid_id(me));
	return 0;
}
