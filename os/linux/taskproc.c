/* Task host processes: the mailbox hand-off, mirroring the L4 page table into the process,
 * reaping and process hygiene; starting them is in taskspawn.c. */
#include "core/fmt.h"
#include "core/pagetable.h"
#include "core/plat.h"
#include "core/sched.h"
#include "core/schedule.h"
#include "os/linux/clock.h"
#include "os/linux/guard.h"
#include "os/linux/mapcheck.h"
#include "os/linux/taskproc_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* --spin: how long the kernel busy-waits for a task's next entry before it sleeps. Long enough
 * for a system call's round trip in the task, short enough not to burn a CPU for a task that
 * computes. */
#define KERNEL_SPIN_US 50
/* A task whose last kernel entry took longer than this (starting up, computing, or not getting a
 * CPU on a busy host) is not spun for: it would not come back within the spin anyway. */
#define SLOW_ENTRY_US 1000

const struct instance_cfg *tp_cfg;

/* The host's clock, also under --deterministic (whose virtual clock stands still meanwhile). */
static uint64_t host_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}
struct taskproc *tp_procs;
/* the process whose stub entered the kernel last and waits for its answer (plat_busy) */
struct taskproc *tp_entered;
volatile int tp_stop_signal;
static volatile sig_atomic_t child_died;
/* The ctl word the kernel sleeps on, so a signal handler can end that sleep without a race. */
static uint32_t *volatile waiting_ctl;
/* The signal handlers end that sleep by turning the word from "in task" into "woken" (a value
 * the stub never writes), and only from "in task": a stub that has just entered the kernel keeps
 * its entry, and one that is resumed is never misled. The waiting kernel turns "woken" back into
 * "in task" when the signal asks for nothing (a child stopped or continued: SIGCHLD too). */
#define MBOX_WOKEN 0x574f4b45u
static volatile uint32_t waiting_in_task_raw, waiting_woken_raw;

uint32_t tp_mb_get(const struct taskproc *p, const uint32_t *w)
{
	uint32_t v = __atomic_load_n(w, __ATOMIC_ACQUIRE);
	return p->be ? word_swap(v) : v;
}

void tp_mb_put(const struct taskproc *p, uint32_t *w, uint32_t v)
{
	__atomic_store_n(w, p->be ? word_swap(v) : v, __ATOMIC_RELEASE);
}

volatile sig_atomic_t tp_console_signal;
static volatile pid_t running_pid;

static void on_signal(int sig)
{
	if (sig == SIGIO) {
		/* console input: make the running task trap so the kernel sees it promptly */
		tp_console_signal = 1;
		if (running_pid)
			kill(running_pid, SIGALRM);
		return;
	}
	if (sig == SIGCHLD)
		child_died = 1;
	else
		tp_stop_signal = sig;
	uint32_t *w = waiting_ctl;
	if (w) {
		uint32_t expect = waiting_in_task_raw;
		__atomic_compare_exchange_n(w, &expect, waiting_woken_raw, false, __ATOMIC_SEQ_CST,
					    __ATOMIC_SEQ_CST);
		syscall(SYS_futex, w, FUTEX_WAKE, 1, 0, 0, 0);
	}
}

void tp_setup(const struct instance_cfg *c)
{
	tp_cfg = c;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	/* no SA_RESTART: a blocking wait must notice */
	sigaction(SIGCHLD, &sa, 0);
	sigaction(SIGINT, &sa, 0);
	sigaction(SIGTERM, &sa, 0);
	sigaction(SIGHUP, &sa, 0);
	sigaction(SIGIO, &sa, 0);
	signal(SIGPIPE, SIG_IGN);
}

static struct taskproc *proc_of(struct task *t)
{
	return t->host;
}

/* What a stub's exit status says (os/linux/mbox.h), or "". */
static const char *stub_exit_meaning(int status)
{
	static const char *const what[] = {
	    [STUB_EXIT_MBOX - STUB_EXIT_MBOX] = ": the stub could not map its mailbox",
	    [STUB_EXIT_ALTSTACK - STUB_EXIT_MBOX] = ": the stub could not set its signal stack",
	    [STUB_EXIT_SIGACTION - STUB_EXIT_MBOX] = ": the stub could not install its handler",
	    [STUB_EXIT_SIGMASK - STUB_EXIT_MBOX] = ": the stub could not set its signal mask",
	    [STUB_EXIT_UNMAP - STUB_EXIT_MBOX] = ": the stub could not empty the L4 user range",
	    [STUB_EXIT_BADCMD - STUB_EXIT_MBOX] = ": the stub found an unknown command",
	    [STUB_EXIT_FILTER - STUB_EXIT_MBOX] = ": the stub could not install its system-call filter",
	    [STUB_EXIT_CALLFAULT - STUB_EXIT_MBOX] =
		": a fault inside the stub's call entry (L4 code jumped into it or wrote over "
		"its memory)",
	};
	unsigned i = (unsigned)(status - STUB_EXIT_MBOX);
	return i < sizeof what / sizeof what[0] ? what[i] : "";
}

static const char *describe_status(int st, char *buf, size_t n)
{
	if (WIFEXITED(st))
		snprintf(buf, n, "exited with status %d%s", WEXITSTATUS(st),
			 stub_exit_meaning(WEXITSTATUS(st)));
	else if (WIFSIGNALED(st))
		snprintf(buf, n, "killed by signal %d (%s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
	else
		snprintf(buf, n, "stopped");
	return buf;
}

/* Passes on what a task process printed on its stderr (qemu's own messages), line by line and
 * named after the task. The pipe is non-blocking on both ends: a task that floods it only loses
 * its own text. */
void tp_drain_stderr(struct taskproc *p)
{
	char buf[1024];
	ssize_t n;
	while (p->errpipe >= 0 && (n = read(p->errpipe, buf, sizeof buf - 1)) > 0) {
		buf[n] = 0;
		for (char *line = buf, *end; *line; line = end) {
			end = strchr(line, '\n');
			end = end ? (*end = 0, end + 1) : line + strlen(line);
			if (*line && p->task)
				klog("task %x (%s): %s", p->task->nr, p->task->name, line);
			else if (*line)
				klog("pooled %s process: %s", p->arch->name, line);
		}
	}
}

/* Reaps dead children; reports the first task process that died. true if one did. */
static bool reap(void)
{
	bool died = false;
	int st;
	pid_t pid;
	child_died = 0;
	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		if (tp_forget_dying(pid))
			continue;
		for (struct taskproc *p = tp_procs; p; p = p->next) {
			if (p->pid != pid)
				continue;
			if (!p->task) { /* pooled: no task lost; the pool starts another */
				tp_drain_stderr(p);
				p->pid = 0;
				continue;
			}
			char why[160];
			tp_drain_stderr(p);
			klog("task %x (%s, %s): host process %d %s", p->task->nr,
			     p->task->arch->name, p->task->name, (int)pid,
			     describe_status(st, why, sizeof why));
			p->pid = 0;
			died = true;
		}
	}
	return died;
}

/* What ends a wait for a task process besides its entry: a dead child, or a stop request. */
static enum tp_result wait_ended(void)
{
	if (child_died && reap())
		return TP_DIED;
	return tp_stop_signal ? TP_INTERRUPTED : TP_OK;
}

/* Sleeps until the stub hands control to the kernel. A pending kernel timeout preempts the
 * running task (SIGALRM) so the woken thread gets a chance to run; while no entry follows, the
 * signal is sent again every PREEMPT_AGAIN_US (one can arrive where the stub's call entry is
 * about to enter anyway and let it pass, or the task can hold it off). */
#define PREEMPT_AGAIN_US 20000u
/* The longest sleep without a look at ctl (see kernel_sleeps in os/linux/mbox.h). */
#define SLEEP_MAX_US 200000u
enum tp_result tp_wait_kernel(struct taskproc *p, uint64_t deadline)
{
	uint32_t in_task_raw = p->be ? word_swap(MBOX_IN_TASK) : MBOX_IN_TASK;
	uint32_t woken_raw = p->be ? word_swap(MBOX_WOKEN) : MBOX_WOKEN;
	waiting_in_task_raw = in_task_raw;
	waiting_woken_raw = woken_raw;
	waiting_ctl = &p->mb->ctl;
	enum tp_result res = TP_OK;
	bool preempted = false;
	guard_unlock(); /* the supervisor may answer the task's calls meanwhile */
	/* --spin: the task runs on another CPU; most kernel entries come within µs. Adaptive: after
	 * a slow entry (SLOW_ENTRY_US) the next wait sleeps at once, until one is quick again. */
	uint64_t start = tp_cfg->spin ? host_now_us() : 0;
	uint64_t until = start && !p->slow ? start + KERNEL_SPIN_US : 0;
	for (unsigned i = 1; until && __atomic_load_n(&p->mb->ctl, __ATOMIC_ACQUIRE) == in_task_raw;
	     i++) {
		/* no pause: in a VM a pause loop exits to the hypervisor */
		__asm__ __volatile__("" ::: "memory");
		if (!(i % 1024) && (host_now_us() > until || child_died || tp_stop_signal))
			break;
	}
	for (;;) {
		uint32_t ctl = __atomic_load_n(&p->mb->ctl, __ATOMIC_ACQUIRE);
		if (ctl == woken_raw) {
			/* a signal: a death or a stop request ends the wait, anything else not */
			if ((res = wait_ended()) != TP_OK)
				break;
			__atomic_compare_exchange_n(&p->mb->ctl, &ctl, in_task_raw, false,
						    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
			continue;
		}
		if (ctl != in_task_raw)
			break; /* the stub entered the kernel */
		struct timespec ts;
		uint64_t now = plat_now_us(), next = deadline;
		if (next && preempted) /* the stub answers SIGALRM with an entry; ask again */
			next = now + PREEMPT_AGAIN_US;
		/* the task's code can clear kernel_sleeps, and then its stub does not wake us */
		bool bounded = !next || next - now > SLEEP_MAX_US;
		uint64_t d = bounded ? SLEEP_MAX_US : next > now ? next - now : 0;
		ts.tv_sec = (time_t)(d / 1000000);
		ts.tv_nsec = (long)(d % 1000000) * 1000;
		tp_mb_put(p, &p->mb->kernel_sleeps, 1);
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		long r = __atomic_load_n(&p->mb->ctl, __ATOMIC_SEQ_CST) != in_task_raw
			     ? 0
			     : syscall(SYS_futex, &p->mb->ctl, FUTEX_WAIT, in_task_raw, &ts, 0, 0);
		tp_mb_put(p, &p->mb->kernel_sleeps, 0);
		if (r < 0 && errno == ETIMEDOUT && p->pid && !bounded) {
			kill(p->pid, SIGALRM);
			preempted = true;
		}
		if ((res = wait_ended()) != TP_OK)
			break;
	}
	uint64_t entered_ns = plat_clock_cache(true); /* the time of this entry, for all of it */
	if (start)
		p->slow = entered_ns / 1000u - start > SLOW_ENTRY_US;
	guard_lock();
	waiting_ctl = 0;
	if (res == TP_OK && child_died && reap())
		res = TP_DIED;
	else if (res == TP_OK && tp_stop_signal)
		res = TP_INTERRUPTED;
	return res;
}

/* The stub sets task_sleeps before it sleeps and looks at ctl once more: with ctl stored first,
 * one of the two sees the other. A stale 1 costs a needless wake, nothing more. */
static void wake_task(struct taskproc *p, uint32_t cmd)
{
	plat_clock_cache(false);
	tp_mb_put(p, &p->mb->cmd, cmd);
	tp_mb_put(p, &p->mb->ctl, MBOX_IN_TASK);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (tp_mb_get(p, &p->mb->task_sleeps))
		syscall(SYS_futex, &p->mb->ctl, FUTEX_WAKE, 1, 0, 0, 0);
}

static void queue_op(struct taskproc *p, uint32_t kind, word_t vpage, word_t npages, word_t pfn,
		     word_t prot);
static void drop_host_mappings(struct taskproc *p);

/* What the host maps for a page: device windows are holes, so that every access traps. */
static pte_t host_pte(const struct pagetable *pt, word_t vpage)
{
	pte_t pte = pt_lookup(pt, vpage);
	return pte & PTE_DEVICE ? 0 : pte;
}

/* Puts the host mappings of one dirty range in line with the L4 page table: runs of pages
 * backed by consecutive frames with equal rights become one mmap, runs of holes one munmap. */
static void sync_range(struct taskproc *p, word_t first, word_t last)
{
	const struct pagetable *pt = &p->task->pt;
	word_t v = first;
	while (v <= last) {
		pte_t pte = host_pte(pt, v);
		word_t n = 1;
		if (pte & PTE_PRESENT) {
			while (v + n <= last) {
				pte_t q = host_pte(pt, v + n);
				if (!(q & PTE_PRESENT) || PTE_FRAME(q) != PTE_FRAME(pte) + n ||
				    (q & PTE_WRITE) != (pte & PTE_WRITE))
					break;
				n++;
			}
			p->maps_since_drop++;
			queue_op(p, MBOX_OP_MAP, v, n, PTE_FRAME(pte),
				 MBOX_PROT_R | MBOX_PROT_X | ((pte & PTE_WRITE) ? MBOX_PROT_W : 0));
		} else {
			while (v + n <= last && !(host_pte(pt, v + n) & PTE_PRESENT))
				n++;
			/* fault injection for the test of --check-mappings: forget to unmap */
			if (!tp_cfg->inject_stale)
				queue_op(p, MBOX_OP_UNMAP, v, n, 0, 0);
		}
		v += n;
	}
}

static void flush_ops(struct taskproc *p)
{
	/* the stub applies a full queue and hands straight back */
	wake_task(p, MBOX_CMD_OPS_ONLY);
	tp_wait_kernel(p, 0);
	p->nops = 0;
}

static void queue_op(struct taskproc *p, uint32_t kind, word_t vpage, word_t npages, word_t pfn,
		     word_t prot)
{
	/* the count in the mailbox is the task's to scribble over: the kernel keeps its own */
	uint32_t n = p->nops;
	if (n >= MBOX_MAX_OPS) {
		flush_ops(p);
		n = 0;
	}
	struct mbox_op *op = &p->mb->ops[n];
	tp_mb_put(p, &op->kind, kind);
	tp_mb_put(p, &op->vaddr, vpage << PAGE_SHIFT);
	tp_mb_put(p, &op->npages, npages);
	tp_mb_put(p, &op->pfn, pfn);
	tp_mb_put(p, &op->prot, prot);
	p->nops = n + 1;
	p->queued++;
	tp_mb_put(p, &p->mb->nops, n + 1);
}

/* Every MAP op may add a host mapping (two when it splits one). Under qemu the drop itself is an
 * mmap(PROT_NONE) that Linux refuses once the limit is reached, so drop well before it. */
#define MAPS_BEFORE_DROP 30000u

static void drop_host_mappings(struct taskproc *p)
{
	struct task *t = p->task;
	p->drops++;
	p->maps_since_drop = 0;
	pt_clear_stale(&t->pt);
	queue_op(p, MBOX_OP_UNMAP, 0, t->arch->user_end >> PAGE_SHIFT, 0, 0);
}

/* Only the pages that changed since the task last ran, each once: the cost follows the
 * changes, not the size of the space. */
static void sync_mappings(struct taskproc *p)
{
	struct pagetable *pt = &p->task->pt;
	if (p->maps_since_drop >= MAPS_BEFORE_DROP)
		drop_host_mappings(p);
	word_t first, last;
	while (pt_take_stale(pt, &first, &last))
		sync_range(p, first, last);
}

enum tp_result tp_run(struct thread *th, struct hw_event *ev)
{
	struct task *t = th->task;
	if (!t->host) {
		enum tp_result r = tp_spawn(t);
		if (r != TP_OK)
			return r;
	}
	struct taskproc *p = proc_of(t);
	unsigned nregs = t->arch->nregs;
	for (unsigned i = 0; i < nregs; i++)
		tp_mb_put(p, &p->mb->regs[i], th->regs[i]);
	p->loaded = th;
	tp_mb_put(p, &p->mb->cur_lo, th->id.lo);
	tp_mb_put(p, &p->mb->cur_hi, th->id.hi);
	/* failures are counted from here, among the ops queued from here */
	tp_mb_put(p, &p->mb->op_errors, 0);
	p->queued = 0;
	/* traces and the virtual clock count every system call: no shortcut then */
	tp_mb_put(p, &p->mb->fast_myself, !tp_cfg->kernel->tracing && !clock_is_virtual());
	tp_mb_put(p, &p->mb->spin, tp_cfg->spin);
	sync_mappings(p);
	/* whatever the task wrote there: the stub applies exactly the ops queued now */
	tp_mb_put(p, &p->mb->nops, p->nops);
	/* preempt at the next kernel timeout or at the end of the thread's timeslice */
	uint64_t deadline = timeout_next(tp_cfg->kernel), left = sched_slice_left(th);
	if (left != UINT64_MAX && (!deadline || plat_now_us() + left < deadline))
		deadline = plat_now_us() + left;
	if (clock_is_virtual())
		deadline = 0; /* in virtual time nothing expires while a thread runs */
	/* the process that waits for its answer may spin on the CPU this one needs */
	struct taskproc *waiting = tp_entered;
	if (waiting && waiting != p && waiting->pid)
		tp_mb_put(waiting, &waiting->mb->leave_cpu, 1);
	running_pid = p->pid;
	clock_task_running(true);
	wake_task(p, MBOX_CMD_RESUME);
	tp_entered = 0;
	enum tp_result r = tp_wait_kernel(p, deadline);
	clock_task_running(false);
	running_pid = 0;
	tp_entered = r == TP_OK ? p : 0;
	p->nops = 0; /* the stub applied them before it ran L4 code */
	if (r != TP_OK)
		return r;
	/* more failures than ops queued: the task wrote the count itself; nothing to act on */
	uint32_t op_errors =
	    tp_mb_get(p, &p->mb->op_errors); /* read once: the task can change it */
	if (op_errors && op_errors <= p->queued) {
		if (tp_mb_get(p, &p->mb->first_err) == ENOMEM) {
			/* vm.max_map_count reached: drop every host mapping of the task; the L4
			 * page table stays, and each page comes back on its next access (a host
			 * fault on an L4-mapped page only re-mirrors it) */
			drop_host_mappings(p);
		} else {
			klog("task %x: the host refused %u mapping operation(s) (errno %u)", t->nr,
			     op_errors, tp_mb_get(p, &p->mb->first_err));
		}
		tp_mb_put(p, &p->mb->op_errors, 0);
	}
	if (tp_cfg->check_mappings && !mapcheck_task(t, p->pid, p->guest_base))
		return TP_FAILED;
	for (unsigned i = 0; i < nregs; i++)
		th->regs[i] = tp_mb_get(p, &p->mb->regs[i]);
	uint32_t kind = tp_mb_get(p, &p->mb->event);
	/* any other value is the task's scribbling: the decoder reports it as an unexpected trap */
	ev->kind = kind > MBOX_EV_START && kind <= MBOX_EV_CALL ? (enum hw_event_kind)kind : 0;
	ev->sig_code = tp_mb_get(p, &p->mb->sig_code);
	ev->fault_addr = tp_mb_get(p, &p->mb->fault_addr);
	ev->trapno = tp_mb_get(p, &p->mb->trapno);
	ev->err = tp_mb_get(p, &p->mb->err);
	if (p->hostsys_pending) {
		/* the supervisor's record, not what the task says */
		ev->kind = HWEV_HOSTSYS;
		ev->err = (word_t)p->hostsys_nr;
		ev->trapno = p->hostsys_arch;
		p->hostsys_pending = false;
	}
	return TP_OK;
}

void plat_busy(void)
{
	plat_clock_cache(false); /* long work: the clock moves on */
	if (tp_entered)
		__atomic_fetch_add(&tp_entered->mb->progress, 1, __ATOMIC_RELAXED);
}

struct taskproc *tp_by_listener(int fd)
{
	for (struct taskproc *p = tp_procs; p; p = p->next)
		if (p->listener == fd)
			return p;
	return 0;
}

bool tp_reap_dead(void)
{
	return child_died && reap();
}

void tp_kill_all(void)
{
	for (struct taskproc *p = tp_procs; p; p = p->next)
		if (p->pid > 0)
			kill(p->pid, SIGKILL);
	for (struct taskproc *p = tp_procs; p; p = p->next) {
		if (p->pid > 0)
			waitpid(p->pid, 0, 0);
		p->pid = 0;
	}
	tp_reap_dying();
}

void tp_request_stop(int sig)
{
	on_signal(sig);
}

void tp_preempt_running(void)
{
	pid_t pid = running_pid;
	if (pid)
		kill(pid, SIGALRM);
}
