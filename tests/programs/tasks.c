/* L4P0013: tasks, clans and chiefs. The root task (4) creates task 5 with task_new, kills and
 * recreates it, hands task number 6 to 5, which creates 6 inside its clan. 6's message to the
 * root is redirected to its chief 5 (redirected + inner-clan bits, intended destination 4);
 * 5 forwards it deceiting as 6; id_nearest answers for each relation; killing 5 kills 6. Each task
 * pages its children from its own space through a pager thread (lthread 1). */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

#define STACK 8192
static unsigned char stacks[8][2][STACK] __attribute__((aligned(16)));

static l4_threadid_t thread(unsigned task, unsigned lt)
{
	l4_threadid_t t = L4_NIL_ID;
	t.id.task = task;
	t.id.lthread = lt;
	return t;
}

static l4_umword_t stack_top(unsigned task, unsigned lt)
{
	return (l4_umword_t)(stacks[task][lt] + STACK - 16);
}

/* Maps whatever a child faults on from our own space (the library's own-space pager). */
static void pager(void)
{
	loader_serve(loader_own_page);
}

static void start_pager(void)
{
	l4_threadid_t me = l4_myself(), p = me, pg = L4_INVALID_ID, pre = L4_INVALID_ID;
	l4_umword_t f, ip, sp;
	p.id.lthread = 1;
	l4_thread_ex_regs(p, (l4_umword_t)pager, stack_top(me.id.task, 1), &pre, &pg, &f, &ip, &sp);
}

static l4_taskid_t new_task(unsigned nr, void (*entry)(void))
{
	l4_threadid_t me = l4_myself();
	return l4_task_new(thread(nr, 0), 255, stack_top(nr, 0), (l4_umword_t)entry,
			   thread(me.id.task, 1));
}

static void kill_task(unsigned nr)
{
	l4_task_new(thread(nr, 0), l4_myself().lh.low, 0, 0, L4_NIL_ID);
}

static void sleep_forever(void)
{
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	for (;;)
		l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
}

static int call(l4_threadid_t to, l4_umword_t w, l4_umword_t *r)
{
	l4_umword_t r1;
	l4_msgdope_t d;
	return l4_ipc_call(to, L4_IPC_SHORT_MSG, w, 0, L4_IPC_SHORT_MSG, r, &r1, L4_IPC_NEVER, &d);
}

static void report_nearest(const char *who, l4_threadid_t dest)
{
	l4_threadid_t n;
	int type = l4_nchief(dest, &n);
	printf("%s: id_nearest(%x.%02x) = %x.%02x type 0x%02x\n", who, dest.id.task, dest.id.lthread,
	       n.id.task, n.id.lthread, type);
}

/* task 6, in 5's clan: talks to the root (4), which is outside */
static void task6(void)
{
	report_nearest("6", thread(4, 0));
	report_nearest("6", thread(5, 0));
	l4_umword_t r;
	int err = call(thread(4, 0), 0x66, &r);
	printf("6: call to 4: 0x%x, answer 0x%lx\n", err, (unsigned long)r);
	sleep_forever();
}

static void run_until_blocked(void);

/* task 5: chief of 6; forwards 6's message to the root deceiting as 6. It runs until it blocks,
 * like the root: the start of task 6's process must not preempt it before it prints. */
static void task5(void)
{
	run_until_blocked();
	start_pager();
	report_nearest("5", thread(4, 0));
	report_nearest("5", thread(6, 0));
	l4_taskid_t t6 = new_task(6, task6);
	printf("5: created task %x (chief %x)\n", t6.id.task, t6.id.chief);
	l4_threadid_t src, real;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	l4_ipc_chief_wait(&src, &real, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("5: got 0x%lx from %x.%02x for %x.%02x, redirected %d, from inner clan %d\n",
	       (unsigned long)w0, src.id.task, src.id.lthread, real.id.task, real.id.lthread,
	       (d.msgdope & L4_IPC_REDIRECT_MASK) != 0, (d.msgdope & L4_IPC_SRC_MASK) != 0);
	l4_ipc_deceit_ids_t ids = {.true_src = src, .dest = real};
	/* the root runs on at once and never blocks again: 5 would print nothing after this */
	l4_ipc_send_deceiting(ids, L4_IPC_SHORT_MSG, w0, w1, L4_IPC_NEVER, &d);
	sleep_forever();
}

static void task5_simple(void)
{
	l4_umword_t r;
	call(thread(4, 0), 5, &r);
	sleep_forever();
}

/* The longest timeslice: the root runs on until it blocks, so the tasks it creates (at its
 * priority) start only then, whatever the host's load; the order of everything printed and the
 * hand-over of task number 6 before task 5 asks for it rely on that. */
static void run_until_blocked(void)
{
	l4_threadid_t ext = L4_INVALID_ID, partner;
	l4_sched_param_t old, p = {.sched_param = 0};
	l4_thread_schedule(l4_myself(), L4_INVALID_SCHED_PARAM, &ext, &partner, &old);
	p.sp.prio = old.sp.prio;
	p.sp.time_man = 255;
	p.sp.time_exp = 1;
	l4_thread_schedule(l4_myself(), p, &ext, &partner, &old);
}

int main(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1, r;
	l4_msgdope_t d;
	run_until_blocked();
	start_pager();

	l4_taskid_t t = new_task(5, task5_simple);
	printf("4: created task %x, chief %x\n", t.id.task, t.id.chief);
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("4: task %x says %lu\n", src.id.task, (unsigned long)w0);
	l4_ipc_send(src, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_NEVER, &d);
	unsigned v1 = t.id.version_low;
	kill_task(5);
	int err = l4_ipc_send(thread(5, 0), L4_IPC_SHORT_MSG, 0, 0, L4_IPC_NEVER, &d);
	printf("4: send to killed task: 0x%x\n", err);
	printf("4: create task 4, whose chief it is not: %s\n",
	       l4_is_nil_id(l4_task_new(thread(4, 0), 255, 0, 0, thread(4, 1))) ? "refused"
										: "allowed");

	/* hand number 6 to task 5, recreate 5 as the chief of a clan */
	t = new_task(5, task5);
	printf("4: recreated task 5, new version: %s\n", t.id.version_low != v1 ? "yes" : "no");
	l4_task_new(thread(6, 0), t.lh.low, 0, 0, L4_NIL_ID);
	err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("4: got 0x%lx from %x.%02x, deceited %d\n", (unsigned long)w0, src.id.task,
	       src.id.lthread, (d.msgdope & L4_IPC_DECEIT_MASK) != 0);
	report_nearest("4", thread(6, 0));
	report_nearest("4", thread(5, 0));
	/* answer 6 directly? 6 is in an inner clan: the reply goes to 5, which does not wait */
	err = l4_ipc_send(src, L4_IPC_SHORT_MSG, 0x44, 0, L4_IPC_SEND_TIMEOUT_0, &d);
	printf("4: reply to 6 (reaches chief 5, busy): 0x%x\n", err);

	kill_task(5); /* and with it 6 */
	err = call(thread(6, 0), 1, &r);
	printf("4: call to 6 after killing 5: 0x%x\n", err);
	return 0;
}
