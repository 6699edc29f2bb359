/* Task host processes: spawning the per-ISA stub (natively or under qemu-user), the mailbox
 * futex hand-off, mirroring the L4 page table into the process, and process hygiene. */
#ifndef UMOL4_OS_TASKPROC_H
#define UMOL4_OS_TASKPROC_H

#include "core/kernel.h"
#include "os/linux/mbox.h"

#include <signal.h>
#include <sys/types.h>

struct taskproc {
	struct task *task; /* NULL: a pooled process, started ahead for the next task of arch */
	const struct arch *arch;
	pid_t pid;
	struct mbox *mb;
	bool be;		     /* mailbox words are big-endian */
	const struct thread *loaded; /* whose registers the mailbox holds */
	unsigned drops;		     /* times its host mappings were dropped (mapping limit) */
	unsigned maps_since_drop;
	char stub[4096];  /* stub executable */
	const char *qemu; /* "" = native */
	bool slow;	  /* its last kernel entry took longer than the kernel spins */
	uint32_t nops;	  /* mapping ops queued in the mailbox: the kernel's count, never read back */
	uint32_t queued;  /* ops queued since the last resume (failures beyond are the task's) */
	/* Confinement (os/linux/confine.h, guard.h): the seccomp listener the supervisor answers
	 * on, whether the stub has reported in (from then on L4 code may run), where the task's
	 * address 0 lies in the process (qemu's guest base; 0 natively), and the last host system
	 * call the supervisor refused, to be raised as an exception. */
	int listener;
	uint32_t guard_serial; /* tells this listener's epoll events from a predecessor's */
	int errpipe; /* read end of the process's stderr (what qemu prints) */
	bool started;
	uint64_t guest_base;
	bool hostsys_pending;
	int hostsys_nr;
	unsigned hostsys_arch;
	struct taskproc *next;
};

struct instance_cfg {
	struct kernel *kernel;
	const char *libdir; /* build/lib/umol4 */
	int phys_fd;
	bool emulate_x86;    /* run ia32 tasks under qemu-i386 */
	bool check_mappings; /* verify host mappings against the L4 page tables (mapcheck.h) */
	bool inject_stale;   /* test of the check: never unmap (UMOL4_INJECT_STALE_MAPPINGS=1) */
	pid_t kernel_pid;
	const char *progname;
	/* --spin: hand-off by busy waiting, the kernel on kernel_cpu and the task processes on the
	 * other CPUs; spin is how often a stub yields before it sleeps (0: sleep at once) */
	unsigned spin;
	int kernel_cpu;
	bool unconfined; /* --unconfined: no seccomp/Landlock/capability confinement (debugging) */
};

enum tp_result {
	TP_OK,
	TP_DIED,	/* the task process is gone (reported) */
	TP_INTERRUPTED, /* the kernel was asked to stop (SIGINT/SIGTERM) */
	TP_FAILED,	/* host failure (reported) */
};

void tp_setup(const struct instance_cfg *cfg);
/* Starts t's host process and waits until its stub reports in. */
enum tp_result tp_spawn(struct task *t);
/* Runs thread th until it next enters the kernel; fills ev and th->regs. */
enum tp_result tp_run(struct thread *th, struct hw_event *ev);
/* Reaps and reports task processes that died while no task ran; true if one did. */
bool tp_reap_dead(void);
/* The task process whose seccomp listener is fd (the supervisor's lookup), or NULL. */
struct taskproc *tp_by_listener(int fd);
/* The kernel is idle: start a task process ahead for every ISA whose tasks come and go (one
 * of each; none before a task of the ISA was deleted). */
void tp_pool_refill(void);
/* Kills every task process and reaps them. */
void tp_kill_all(void);
/* From a signal handler: stop the instance as the stop signal sig would (the run loop returns
 * TP_INTERRUPTED / 128 + sig); make the running task process enter the kernel (a preemption). */
void tp_request_stop(int sig);
void tp_preempt_running(void);
/* Set by signal handlers; the run loop checks it. */
extern volatile int tp_stop_signal;
/* Set by SIGIO: console input may have arrived. */
extern volatile sig_atomic_t tp_console_signal;

#endif
