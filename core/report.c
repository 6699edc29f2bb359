#include "core/report.h"
#include "core/fmt.h"
#include "core/plat.h"
#include "core/sched.h"
#include "core/task.h"

#include <string.h>

static void note_stop(struct kernel *k, struct thread *t, enum stop_reason why, const char *what,
		      word_t addr, bool has_addr)
{
	if (k->run != RUN_ACTIVE)
		return;
	k->stop.reason = why;
	k->stop.thread = t;
	kfmt(k->stop.what, sizeof k->stop.what, "%s", what);
	k->stop.addr = addr;
	k->stop.has_addr = has_addr;
	k->stop.vector = 13; /* #GP unless the exception says which (syscall.c) */
}

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
	char n[16], where[160];
	const char *cause = plat_fault_cause(k, t, addr);
	klog("task %s (%s, %s): %s%s%s at address 0x%08x (%s), ip 0x%08x%s", thread_name(t, n),
	     t->task->arch->name, t->task->name, cause ? cause : "", cause ? ": " : "", what, addr,
	     write ? "write" : "read", t->task->arch->get_ip(t->regs),
	     plat_thread_where(t, where, sizeof where));
	plat_thread_details(k, t, true);
	note_stop(k, t, STOP_FAULT, cause ? cause : what, addr, true);
	stop(k, t);
}

void report_exception(struct kernel *k, struct thread *t, const char *what)
{
	char n[16], where[160];
	klog("task %s (%s, %s): %s at ip 0x%08x%s", thread_name(t, n), t->task->arch->name,
	     t->task->name, what, t->task->arch->get_ip(t->regs),
	     plat_thread_where(t, where, sizeof where));
	plat_thread_details(k, t, true);
	note_stop(k, t, STOP_EXCEPTION, what, 0, false);
	stop(k, t);
}

bool report_kdebug_stop(struct kernel *k, struct thread *t, const char *what)
{
	if (k->kdebug_continue || k->run != RUN_ACTIVE)
		return false;
	plat_thread_details(k, t, true);
	report_threads(k, "threads at the stop:");
	note_stop(k, t, STOP_KDEBUG, what, 0, false);
	k->run = RUN_KDEBUG;
	return true;
}

const char *thread_state_desc(const struct kernel *k, const struct thread *t, char *buf,
			      size_t size)
{
	char p[16];
	const struct thread *q = t->ipc.partner;
	size_t n = 0;
	if (k->current == t) {
		kfmt(buf, size, "running");
		return buf;
	}
	switch (t->state) {
	case TS_READY:
		n = kfmt(buf, size, "ready");
		break;
	case TS_SEND_WAIT:
		n = kfmt(buf, size, "%s to %s",
			 t->ipc.pagefault ? "sending a page fault" : "sending",
			 q ? thread_name(q, p) : "?");
		break;
	case TS_RECV_WAIT:
		if (t->ipc.pagefault)
			n = kfmt(buf, size, "waiting for its pager %s to resolve a page fault",
				 q ? thread_name(q, p) : "?");
		else if (t->ipc.open)
			n = kfmt(buf, size, "waiting for a message from anyone");
		else if (q)
			n = kfmt(buf, size, "waiting for a message from %s", thread_name(q, p));
		else
			n = kfmt(buf, size, "sleeping%s",
				 t->wakeup ? "" : " forever (receive from nil)");
		break;
	case TS_XFER:
		n = kfmt(buf, size, "in a long IPC with %s, waiting for a buffer page",
			 t->xfer ? thread_name(t->xfer, p) : "?");
		break;
	case TS_KILLED:
		n = kfmt(buf, size, "killed");
		break;
	default:
		n = kfmt(buf, size, "dead");
		break;
	}
	if (t->wakeup && n < size) {
		uint64_t now = plat_now_us();
		uint64_t left = t->wakeup > now ? t->wakeup - now : 0;
		kfmt(buf + n, size - n, ", timeout in %u.%03u ms", (unsigned)(left / 1000),
		     (unsigned)(left % 1000));
	}
	return buf;
}

void report_threads(const struct kernel *k, const char *title)
{
	klog("%s", title);
	for (unsigned i = 0; i < L4_TASKS; i++) {
		const struct task *task = k->tasks[i];
		if (!task)
			continue;
		for (unsigned l = 0; l < L4_LTHREADS; l++) {
			const struct thread *t = task->threads[l];
			if (!t || t->state == TS_DEAD)
				continue;
			char n[16], d[96], where[160];
			klog("  thread %s (%s, %s): %s, ip 0x%08x%s", thread_name(t, n),
			     task->arch->name, task->name, thread_state_desc(k, t, d, sizeof d),
			     task->arch->get_ip(t->regs),
			     plat_thread_where(t, where, sizeof where));
		}
	}
}

void report_deadlock(struct kernel *k)
{
	report_threads(k, "deadlock: no thread can run and no timeout is pending");
	for (unsigned i = 0; i < L4_TASKS; i++)
		for (unsigned l = 0; k->tasks[i] && l < L4_LTHREADS; l++) {
			const struct thread *t = k->tasks[i]->threads[l];
			if (t && t->state != TS_DEAD)
				plat_thread_details(k, t, false);
		}
	k->run = RUN_DEADLOCK;
}
