/* The kernel's run loop (os/linux/runloop.h). */
#include "os/linux/runloop.h"
#include "core/irq.h"
#include "core/plat.h"
#include "core/report.h"
#include "core/sched.h"
#include "core/schedule.h"
#include "core/syscall.h"
#include "core/trace.h"
#include "os/linux/clock.h"
#include "os/linux/gdbstub.h"
#include "os/linux/guard.h"
#include "os/linux/hostdev.h"
#include "os/linux/taskproc.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

/* SIGQUIT asks for the thread list; --timeout ran out. */
static volatile sig_atomic_t view_requested, timed_out;

/* Console input becomes interrupt IRQ_CONSOLE for its associated thread; a SIGQUIT comes the
 * same way (tp_console_signal), so the run loop tests one flag for both. */
static void poll_console(struct kernel *k, int timeout_ms)
{
	tp_console_signal = 0;
	if (view_requested) {
		view_requested = 0;
		report_threads(k, "threads (SIGQUIT; the instance goes on):");
		/* the test of the crash report (tests/debug): a kernel bug on demand */
		if (getenv("UMOL4_INJECT_CRASH"))
			raise(SIGSEGV);
	}
	if (timeout_ms)
		guard_unlock(); /* a task process starting ahead (the pool) needs the supervisor */
	unsigned input = hostdev_wait(timeout_ms);
	if (timeout_ms)
		guard_lock();
	hostdev_deliver(k, input);
}

static void on_quit(int sig)
{
	(void)sig;
	view_requested = 1;
	tp_console_signal = 1;
	tp_preempt_running(); /* a computing task enters the kernel, which then prints */
}

static void on_timeout(int sig)
{
	timed_out = 1;
	tp_request_stop(sig);
}

/* SIGQUIT, and --timeout as a SIGALRM to the kernel process (its task processes get their own
 * SIGALRMs as preemptions, never this one). */
bool runloop_views(double timeout)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigfillset(&sa.sa_mask);
	sa.sa_handler = on_quit;
	sigaction(SIGQUIT, &sa, 0);
	if (!timeout)
		return true;
	sa.sa_handler = on_timeout;
	sigaction(SIGALRM, &sa, 0);
	struct itimerval it = {{0, 0},
			       {(time_t)timeout, (long)((timeout - (time_t)timeout) * 1e6)}};
	if (!it.it_value.tv_sec && !it.it_value.tv_usec)
		it.it_value.tv_usec = 1;
	return setitimer(ITIMER_REAL, &it, 0) == 0;
}

/* Nothing can run: sleep until the next timeout or console input; false if nothing can ever
 * wake a thread again (deadlock). */
static bool idle(struct kernel *k)
{
	plat_clock_cache(false); /* the time of the last entry is past */
	uint64_t next = timeout_next(k);
	bool console = hostdev_live();
	if (!next && !console)
		return false;
	uint64_t now = plat_now_us();
	int ms = !next ? -1 : next > now ? (int)((next - now + 999) / 1000) : 0;
	if (clock_is_virtual() && next) {
		clock_virtual_step(next); /* nothing runs until then: skip the wait */
		return true;
	}
	tp_pool_refill();
	if (console) {
		poll_console(k, ms);
	} else if (next > now) {
		struct timespec ts = {(time_t)((next - now) / 1000000),
				      (long)((next - now) % 1000000) * 1000};
		guard_unlock(); /* a task process starting ahead (the pool) needs the supervisor */
		nanosleep(&ts, 0);
		guard_lock();
	}
	return true;
}

/* One turn of the run loop: the next thread runs until it enters the kernel. false when the
 * loop must return *status. */
static bool run_one(struct kernel *k, bool *signalled, int *status)
{
	bool debug = gdbstub_active();
	if (tp_console_signal) {
		poll_console(k, 0);
		if (debug)
			gdbstub_poll(k);
	}
	struct thread *t = sched_pick(k);
	if (!t) {
		if (!idle(k)) {
			if (debug && gdbstub_holding())
				gdbstub_wait(k);
			else
				report_deadlock(k);
			return true;
		}
		if (tp_stop_signal) {
			*signalled = true;
			*status = EXIT_SIGNAL_BASE + tp_stop_signal;
			return false;
		}
		if (tp_reap_dead()) {
			*status = EXIT_TASK_DIED;
			return false;
		}
		return true;
	}
	if (debug && !gdbstub_before_run(k, t))
		return true;
	struct hw_event ev;
	trace_run(k, t);
	if (clock_is_virtual())
		clock_virtual_step(0);
	word_t ip = debug ? t->task->arch->get_ip(t->regs) : 0;
	uint64_t t0 = plat_now_us();
	enum tp_result r = tp_run(t, &ev);
	sched_charge(k, t, plat_now_us() - t0);
	switch (r) {
	case TP_OK:
		break;
	case TP_DIED: /* the reports name the thread that was running */
		k->current = t;
		*status = EXIT_TASK_DIED;
		return false;
	case TP_INTERRUPTED:
		k->current = t;
		*signalled = true;
		*status = EXIT_SIGNAL_BASE + tp_stop_signal;
		return false;
	case TP_FAILED:
		*status = EXIT_INTERNAL;
		return false;
	}
	if (debug && gdbstub_after_event(k, t, &ev))
		return true;
	kernel_trap(k, t, &ev);
	if (debug)
		gdbstub_after_trap(k, t, ip);
	return true;
}

int runloop_run(struct kernel *k, bool *signalled)
{
	int status;
	do {
		while (k->run == RUN_ACTIVE)
			if (!run_one(k, signalled, &status))
				return timed_out && *signalled ? EXIT_TIMEOUT : status;
		/* with a debugger, a stop of the instance is its stop first */
	} while (gdbstub_at_end(k));
	if (gdbstub_killed())
		return k->exit_status;
	switch (k->run) {
	case RUN_EXITED:
		return k->exit_status;
	case RUN_DEADLOCK:
		return EXIT_DEADLOCK;
	case RUN_KDEBUG:
		return EXIT_KDEBUG;
	default:
		return EXIT_L4_FAULT;
	}
}
