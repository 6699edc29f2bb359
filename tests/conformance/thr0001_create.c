/* THR0001: lthread_ex_regs creates threads: all 127 further lthreads of the task start on their
 * own stacks, see their own ids with l4_myself and reach their creator by IPC. */
#define ID "THR0001"
#include "conf.h"

static l4_umword_t answers[CONF_THREADS];

/* Calls main with its lthread number and its view of its own id; keeps main's answer. */
static void child(void)
{
	l4_threadid_t me = l4_myself();
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	if (!l4_ipc_call(conf_id(0), SHORT, me.lh.low, me.lh.high, SHORT, &w0, &w1, NEVER, &dope))
		answers[me.id.lthread] = w0;
}

int main(void)
{
	l4_threadid_t me = l4_myself();
	for (unsigned n = 1; n < CONF_THREADS; n++)
		conf_spawn(n, child);
	unsigned count = 0, right = 0, seen[CONF_THREADS] = {0};
	for (unsigned i = 1; i < CONF_THREADS; i++) {
		l4_threadid_t src, claimed;
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		if (l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope))
			break;
		count++;
		claimed.lh.low = w0;
		claimed.lh.high = w1;
		right += l4_thread_equal(src, claimed) && l4_task_equal(src, me) &&
			 src.id.lthread != 0 && !seen[src.id.lthread]++;
		l4_ipc_send(src, SHORT, src.id.lthread * 2, 0, NEVER, &dope);
	}
	say("messages: %u, from distinct lthreads 1..127 of my task that know their ids: %u",
	    count, right);
	for (unsigned n = 1; n < CONF_THREADS; n++)
		l4_thread_switch(conf_id(n)); /* each child takes its answer */
	unsigned answered = 0;
	for (unsigned n = 1; n < CONF_THREADS; n++)
		answered += answers[n] == 2 * n;
	say("answers received: %u", answered);
	return 0;
}
