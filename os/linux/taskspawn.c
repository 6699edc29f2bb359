/* Starting task processes: fork, confinement, exec of the stub (natively or under qemu-user), and
 * the pool of processes started ahead (docs/architecture.md, "A task process and its stub"). */
#include "core/fmt.h"
#include "os/linux/confine.h"
#include "os/linux/gdbstub.h"
#include "os/linux/guard.h"
#include "os/linux/mapcheck.h"
#include "os/linux/taskexec.h"
#include "os/linux/taskproc_int.h"
#include "os/linux/version.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t tp_task_pgid;

/* Killed task processes not reaped yet: a dying qemu process takes a millisecond or two to
 * tear down its memory, which the kernel need not wait for (a killed process runs no more code).
 * reap() collects them quietly, tp_kill_all() waits for the rest (tp_reap_dying). */
#define MAX_DYING 64
static pid_t dying[MAX_DYING];
static unsigned ndying;

bool tp_forget_dying(pid_t pid)
{
	for (unsigned i = 0; i < ndying; i++)
		if (dying[i] == pid) {
			dying[i] = dying[--ndying];
			return true;
		}
	return false;
}

void tp_reap_dying(void)
{
	while (ndying)
		waitpid(dying[--ndying], 0, 0);
}

static const char *path_of_stub(const struct arch *a, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s/stub", tp_cfg->libdir, a->name);
	return buf;
}

static void proc_free(struct taskproc *p)
{
	for (struct taskproc **pp = &tp_procs; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	if (tp_entered == p)
		tp_entered = 0;
	if (p->pid > 0) {
		kill(p->pid, SIGKILL);
		if (ndying < MAX_DYING)
			dying[ndying++] = p->pid;
		else
			waitpid(p->pid, 0, 0);
	}
	guard_remove(p);
	if (p->errpipe >= 0)
		close(p->errpipe);
	munmap(p->mb, MBOX_SIZE);
	free(p);
}

/* Starts a host process for tasks of ISA a: mailbox, fork, confinement, exec of the stub; the
 * supervisor answers its start-up from here on. Does not wait for the stub to report in. title
 * and name are the process's command line and name; what names it in a log line. NULL (logged)
 * on failure. */
static struct taskproc *proc_start(const struct arch *a, const char *title, const char *name,
				   const char *what)
{
	struct taskproc *p = calloc(1, sizeof *p);
	if (!p)
		return 0;
	p->arch = a;
	p->listener = p->errpipe = -1;
	p->be = a->big_endian;
	p->qemu = a->qemu;
	if (!*p->qemu && tp_cfg->emulate_x86)
		p->qemu = "qemu-i386";
	path_of_stub(a, p->stub, sizeof p->stub);
	if (access(p->stub, X_OK) != 0) {
		klog("cannot run the %s task stub %s: %s", a->name, p->stub, strerror(errno));
		free(p);
		return 0;
	}
	int mfd = memfd_create("umol4-mailbox", MFD_CLOEXEC);
	if (mfd < 0 || ftruncate(mfd, MBOX_SIZE) < 0 ||
	    (p->mb = mmap(0, MBOX_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, 0)) ==
		MAP_FAILED) {
		klog("cannot create a mailbox: %s", strerror(errno));
		if (mfd >= 0)
			close(mfd);
		free(p);
		return 0;
	}
	snprintf(p->mb->name, sizeof p->mb->name, "%s", name);
	tp_mb_put(p, &p->mb->confined, !tp_cfg->unconfined);
	/* the child's stderr, and the socket its seccomp listener comes back through */
	int errp[2] = {-1, -1}, sv[2] = {-1, -1};
	if (pipe2(errp, O_CLOEXEC | O_NONBLOCK) < 0 ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		klog("cannot create a task process's pipes: %s", strerror(errno));
		for (int i = 0; i < 2; i++) {
			if (errp[i] >= 0)
				close(errp[i]);
			if (sv[i] >= 0)
				close(sv[i]);
		}
		close(mfd);
		munmap(p->mb, MBOX_SIZE);
		free(p);
		return 0;
	}
	char libdir[4096], qemu[64] = "";
	snprintf(libdir, sizeof libdir, "%s/%s", tp_cfg->libdir, a->name);
	if (*p->qemu)
		qemu_binary(p->qemu, qemu, sizeof qemu);
	struct task_exec x = {tp_cfg, tp_task_pgid, mfd,	   errp[1],	 sv[1],
			      qemu, p->stub,   (char *)title, libdir};
	pid_t pid = fork();
	if (pid == 0)
		task_exec_child(&x);
	close(mfd);
	close(errp[1]);
	close(sv[1]);
	if (pid < 0) {
		klog("fork failed: %s", strerror(errno));
		close(errp[0]);
		close(sv[0]);
		munmap(p->mb, MBOX_SIZE);
		free(p);
		return 0;
	}
	p->errpipe = errp[0];
	p->listener = tp_cfg->unconfined ? -1 : confine_recv_listener(sv[0]);
	close(sv[0]);
	if (!tp_task_pgid)
		tp_task_pgid = pid;
	setpgid(pid, tp_task_pgid);
	p->pid = pid;
	p->next = tp_procs;
	tp_procs = p;
	if (!tp_cfg->unconfined && (p->listener < 0 || !guard_add(p))) {
		/* the child died before it was confined: its status says at which step */
		int st = 0;
		waitpid(pid, &st, 0);
		p->pid = 0;
		tp_drain_stderr(p);
		klog("%s: cannot confine its host process (%s)", what,
		     WIFEXITED(st) && WEXITSTATUS(st) > 100
			 ? "a confinement step failed, see docs/security.md"
			 : "it ended before");
		proc_free(p);
		return 0;
	}
	return p;
}

/* The pool: once a task of an ISA has been deleted, the instance keeps one process of that ISA
 * started ahead (the stub waits in its start entry, asleep on its futex: no CPU, no wake-ups),
 * and takes it for the next task of the ISA, so that task creation does not wait for qemu's
 * start-up. A pooled process has never run L4 code and serves exactly one task: it is confined
 * like any other (the same proc_start) and killed with its task as ever. Its command line says
 * "pooled" (it cannot change after exec); its name becomes the task's at its first resume. */
#define MAX_POOLED 8 /* kinds of task process (ISAs) the pool keeps one of */
static const struct arch *pool_wanted[MAX_POOLED];

static struct taskproc *pool_find(const struct arch *a)
{
	for (struct taskproc *p = tp_procs; p; p = p->next)
		if (!p->task && p->arch == a)
			return p;
	return 0;
}

/* Set once a pooled process could not be started or died while it waited: from then on every
 * task gets a process started for it, and a broken host is not asked again at every idle. */
static bool pool_off;

static void pool_fill(const struct arch *a)
{
	struct taskproc *p = pool_find(a);
	if (p && p->pid <= 0) {
		proc_free(p); /* it died while waiting (reap() said nothing) */
		pool_off = true;
		return;
	}
	if (p)
		return;
	char title[128], name[16], what[32];
	snprintf(title, sizeof title, "umol4[%d] pooled %s task process", (int)tp_cfg->kernel_pid,
		 a->name);
	snprintf(name, sizeof name, "pool:%s:%d", a->name, (int)tp_cfg->kernel_pid);
	snprintf(what, sizeof what, "a pooled %s process", a->name);
	if (!proc_start(a, title, name, what))
		pool_off = true;
}

enum tp_result tp_spawn(struct task *t)
{
	struct taskproc *p = pool_find(t->arch);
	bool pooled = p && p->pid > 0;
	if (p && !pooled)
		proc_free(p);
	if (!pooled) {
		char title[128], name[16], what[32];
		snprintf(title, sizeof title, "umol4[%d] task %x %s %s", (int)tp_cfg->kernel_pid,
			 t->nr, t->arch->name, t->name);
		snprintf(name, sizeof name, "t%x:%s:%d", t->nr, t->arch->name,
			 (int)tp_cfg->kernel_pid);
		snprintf(what, sizeof what, "task %x", t->nr);
		if (!(p = proc_start(t->arch, title, name, what)))
			return TP_FAILED;
	} else {
		/* the stub takes this name at its first resume */
		snprintf(p->mb->name, sizeof p->mb->name, "t%x:%s:%d", t->nr, t->arch->name,
			 (int)tp_cfg->kernel_pid);
	}
	p->task = t;
	t->host = p;
	enum tp_result r = tp_wait_kernel(p, 0);
	if (r == TP_OK && tp_mb_get(p, &p->mb->event) != MBOX_EV_START) {
		klog("task %x: stub did not start properly (event %u)", t->nr,
		     tp_mb_get(p, &p->mb->event));
		return TP_FAILED;
	}
	/* a stub built for another layout would take calls of L4 code for something else */
	if (r == TP_OK && t->arch->call_entry &&
	    tp_mb_get(p, &p->mb->call_entry) != t->arch->call_entry) {
		klog("task %x: the %s stub's call entries lie at 0x%x, not at 0x%x", t->nr,
		     t->arch->name, tp_mb_get(p, &p->mb->call_entry), t->arch->call_entry);
		return TP_FAILED;
	}
	/* the mailbox's address is read here, before any L4 code ran, and never again */
	if (r == TP_OK && *p->qemu &&
	    !mapcheck_guest_base(p->pid, tp_mb_get(p, &p->mb->mbox_va), &p->guest_base)) {
		klog("task %x: cannot find the task's memory in its host process", t->nr);
		return TP_FAILED;
	}
	p->started = true; /* from here on L4 code may run in it */
	return r;
}

/* A deleted task's process goes quietly: it is taken off the list before it is killed, so its
 * death is not reported as a crash. */
void plat_task_deleted(struct task *t)
{
	gdbstub_task_deleted(t);
	struct taskproc *p = t->host;
	t->host = 0;
	if (!p)
		return;
	proc_free(p);
	/* tasks of this ISA come and go: the next one's process is started ahead when the kernel
	 * is idle (tp_pool_refill), not now: back-to-back creations gain nothing from a start that
	 * competes with them for the CPU */
	for (unsigned i = 0; i < MAX_POOLED; i++)
		if (!pool_wanted[i] || pool_wanted[i] == t->arch) {
			pool_wanted[i] = t->arch;
			break;
		}
}

void tp_pool_refill(void)
{
	for (unsigned i = 0; !pool_off && i < MAX_POOLED && pool_wanted[i]; i++)
		pool_fill(pool_wanted[i]);
}

