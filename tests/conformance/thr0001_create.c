/* THR0001: lthread_ex_regs starts all 127 further lthreads; each knows its id and calls main. */
#define ID "THR0001"
#include "conf.h"

/* Calls main with its own id as it sees it, then tells main whether the answer was right. */
static void child(void)
{
	l4_threadid_t me = l4_myself();
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err =
	    l4_ipc_call(conf_id(0), SHORT, me.lh.low, me.lh.high, SHORT, &w0, &w1, NEVER, &dope);
	conf_send(conf_id(0), !err && w0 == 2u * me.id.lthread, 0, NEVER);
}

int main(void)
{
	l4_threadid_t me = l4_myself();
	for (unsigned n = 1; n < CONF_THREADS; n++)
		conf_spawn(n, child);
	unsigned count = 0, right = 0, seen[CONF_THREADS] = {0};
	l4_threadid_t callers[CONF_THREADS];
	for (unsigned i = 1; i < CONF_THREADS; i++) {
		l4_threadid_t src, claimed;
		l4_umword_t w0, w1;
		if (conf_wait(&src, &w0, &w1, NEVER))
			break;
		callers[count++] = src;
		claimed.lh.low = w0;
		claimed.lh.high = w1;
		right += l4_thread_equal(src, claimed) && l4_task_equal(src, me) &&
			 src.id.lthread != 0 && !seen[src.id.lthread]++;
	}
	say("calls: %u, from distinct lthreads 1..127 of my task that know their ids: %u", count,
	    right);
	/* Each caller waits for its answer; then it says whether the answer was right. */
	unsigned answered = 0;
	for (unsigned i = 0; i < count; i++) {
		l4_umword_t ok;
		int err = conf_send(callers[i], callers[i].id.lthread * 2, 0, NEVER);
		answered += !err && !conf_recv(callers[i], &ok, 0, NEVER) && ok;
	}
	say("children that got the right answer: %u", answered);
	return 0;
}
