#include "core/report.h"
#include "core/fmt.h"
#include "core/sched.h"
#include "core/task.h"

static void stop(struct kernel *k, struct thread *t)
{
	timeout_disarm(k, t);
	sched_unready(k, t);
	t->state = TS_KILLED;
	if (k->run == RUN_ACTIVE)
		k->run = RUN_FATAL;
}

void report_fault(struct kernel *k, struct thread *t, const char *what, word_t addr, bool write)
{
	char n[16];
	klog("task %s (%s, %s): %s at address 0x%08x (%s), ip 0x%08x", thread_name(t, n),
	     t->task->arch->name, t->task->name, what, addr, write ? "write" : "read",
	     t->task->arch->get_ip(t->regs));
	stop(k, t);
}

void report_exception(struct kernel *k, struct thread *t, const char *what)
{
	char n[16];
	klog("task %s (%s, %s): %s at ip 0x%08x", thread_name(t, n), t->task->arch->name,
	     t->task->name, what, t->task->arch->get_ip(t->regs));
	stop(k, t);
}

const char *thread_state_desc(const struct thread *t, char *buf, size_t size)
{
	char p[16];
	const struct thread *q = t->ipc.partner;
	switch (t->state) {
	case TS_READY:
		kfmt(buf, size, "ready");
		break;
	case TS_SEND_WAIT:
		kfmt(buf, size, "%s to %s", t->ipc.pagefault ? "sending a page fault" : "sending",
		     q ? thread_name(q, p) : "?");
		break;
	case TS_RECV_WAIT:
		if (t->ipc.pagefault)
			kfmt(buf, size, "waiting for its pager %s to resolve a page fault",
			     q ? thread_name(q, p) : "?");
		else if (t->ipc.open)
			kfmt(buf, size, "waiting for a message from anyone");
		else if (q)
			kfmt(buf, size, "waiting for a message from %s", thread_name(q, p));
		else
			kfmt(buf, size, "sleeping forever (receive from nil)");
		break;
	case TS_XFER:
		kfmt(buf, size, "in a long IPC with %s, waiting for a buffer page",
		     t->xfer ? thread_name(t->xfer, p) : "?");
		break;
	case TS_KILLED:
		kfmt(buf, size, "killed");
		break;
	default:
		kfmt(buf, size, "dead");
		break;
	}
	return buf;
}

void report_deadlock(struct kernel *k)
{
	klog("deadlock: no thread can run and no timeout is pending");
	for (unsigned i = 0; i < L4_TASKS; i++) {
		struct task *task = k->tasks[i];
		if (!task)
			continue;
		for (unsigned l = 0; l < L4_LTHREADS; l++) {
			struct thread *t = task->threads[l];
			if (!t || t->state == TS_DEAD)
				continue;
			char n[16], d[96];
			klog("  thread %s (%s, %s): %s, ip 0x%08x", thread_name(t, n), task->arch->name,
			     task->name, thread_state_desc(t, d, sizeof d),
			     task->arch->get_ip(t->regs));
		}
	}
	k->run = RUN_DEADLOCK;
}
