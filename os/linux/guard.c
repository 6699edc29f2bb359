#include "os/linux/guard.h"
#include "core/pagetable.h"
#include "core/task.h"
#include "os/linux/taskproc.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t kernel_lock = PTHREAD_MUTEX_INITIALIZER;
static int epfd = -1;
static struct seccomp_notif_sizes sizes;

/* Host system calls the supervisor looks at, numbered for both architectures a task process can
 * call with: x86-64 (qemu, and the child before exec) and i386 (the native stub). */
enum {
	G_MMAP,
	G_MMAP2,
	G_MPROTECT,
	G_MREMAP,
	G_KILL,
	G_TKILL,
	G_TGKILL,
	G_SIGQUEUE,
	G_TGSIGQUEUE,
	G_COUNT
};
static const char *const gnames[G_COUNT] = {
    "mmap",  "mmap2",  "mprotect",	  "mremap",	      "kill",
    "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo"};
static int gnr[2][G_COUNT]; /* [0] x86-64, [1] i386; -1: none */

static int which(const struct seccomp_data *d)
{
	int a = d->arch == AUDIT_ARCH_I386;
	for (int g = 0; g < G_COUNT; g++)
		if (gnr[a][g] == d->nr)
			return g;
	return -1;
}

/* Pages [va, va + n) of the task (guest addresses) in its L4 page table: present, and writable
 * where write is asked; with frame >= 0 backed by frames frame, frame+1, ... */
static bool granted(const struct taskproc *p, uint64_t va, uint64_t n, int64_t frame, bool write)
{
	const struct task *t = p->task;
	if (va % PAGE_SIZE || va > t->arch->user_end || n > (t->arch->user_end - va) / PAGE_SIZE)
		return false;
	for (uint64_t i = 0; i < n; i++) {
		pte_t pte = pt_lookup(&t->pt, (word_t)(va / PAGE_SIZE + i));
		/* a device window is never host memory: its accesses must trap */
		if ((pte & (PTE_PRESENT | PTE_DEVICE)) != PTE_PRESENT ||
		    (write && !(pte & PTE_WRITE)) ||
		    (frame >= 0 && PTE_FRAME(pte) != (uint64_t)frame + i))
			return false;
	}
	return true;
}

/* The part of host range [a, a + len) inside the task's L4 range, as guest addresses. */
static bool in_l4_range(const struct taskproc *p, uint64_t a, uint64_t len, uint64_t *va,
			uint64_t *n)
{
	uint64_t lo = p->guest_base, hi = p->guest_base + p->task->arch->user_end;
	uint64_t s = a > lo ? a : lo, e = a + len < a ? UINT64_MAX : a + len;
	if (e > hi)
		e = hi;
	if (s >= e)
		return false;
	s &= ~(uint64_t)(PAGE_SIZE - 1);
	*va = s - lo;
	*n = (e - s + PAGE_SIZE - 1) / PAGE_SIZE;
	return true;
}

static int check_map(const struct taskproc *p, const struct seccomp_data *d)
{
	bool x64 = d->arch == AUDIT_ARCH_X86_64;
	uint64_t addr = d->args[0], len = d->args[1], prot = d->args[2], flags = d->args[3];
	uint64_t off = x64 ? d->args[5] : (uint64_t)(uint32_t)d->args[5] * PAGE_SIZE;
	if ((int)d->args[4] != PHYS_FD || !(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) || !len ||
	    off % PAGE_SIZE || addr < p->guest_base)
		return EPERM;
	/* a private mapping never writes the frame: read access is what it needs */
	bool write = (prot & PROT_WRITE) && (flags & MAP_TYPE) != MAP_PRIVATE;
	return granted(p, addr - p->guest_base, (len + PAGE_SIZE - 1) / PAGE_SIZE,
		       (int64_t)(off / PAGE_SIZE), write)
		   ? 0
		   : EPERM;
}

static int decide(struct taskproc *p, const struct seccomp_data *d)
{
	if (d->arch != AUDIT_ARCH_X86_64 && d->arch != AUDIT_ARCH_I386)
		return EPERM;
	int g = which(d);
	uint64_t va, n;
	switch (g) {
	case G_KILL:
	case G_TKILL:
	case G_TGKILL:
	case G_SIGQUEUE:
	case G_TGSIGQUEUE: /* signals to itself only (qemu queues guest signals so) */
		return (int32_t)d->args[0] == p->pid ? 0 : EPERM;
	default:
		break;
	}
	if (!p->started)
		return 0; /* no L4 code yet: qemu and the stub set up */
	switch (g) {
	case G_MMAP:
	case G_MMAP2:
		return check_map(p, d);
	case G_MPROTECT: /* the filter passes those without PROT_WRITE */
		return !in_l4_range(p, d->args[0], d->args[1], &va, &n) ||
			       granted(p, va, n, -1, true)
			   ? 0
			   : EPERM;
	case G_MREMAP: /* never for L4 memory: growing a mapping would reach other frames */
		return in_l4_range(p, d->args[0], d->args[1], &va, &n) ||
			       ((d->args[3] & MREMAP_FIXED) &&
				in_l4_range(p, d->args[4], d->args[2], &va, &n))
			   ? EPERM
			   : 0;
	default:
		return EPERM;
	}
}

static void serve(struct taskproc *p)
{
	/* epoll may report a listener whose process just died, or an event already served */
	struct pollfd pf = {p->listener, POLLIN, 0};
	if (poll(&pf, 1, 0) != 1 || !(pf.revents & POLLIN))
		return;
	union {
		struct seccomp_notif n;
		char space[512];
	} req;
	union {
		struct seccomp_notif_resp r;
		char space[512];
	} resp;
	memset(&req, 0, sizeof req);
	memset(&resp, 0, sizeof resp);
	if (ioctl(p->listener, SECCOMP_IOCTL_NOTIF_RECV, &req) != 0)
		return;
	int err = decide(p, &req.n.data);
	resp.r.id = req.n.id;
	if (err) {
		resp.r.error = -err;
		if (p->started) {
			/* raised as an L4 exception at the next kernel entry, which SIGSYS makes
			 * happen right after this call returns */
			p->hostsys_pending = true;
			p->hostsys_nr = req.n.data.nr;
			p->hostsys_arch = req.n.data.arch;
			syscall(SYS_tgkill, req.n.pid, req.n.pid, SIGSYS);
		}
	} else {
		resp.r.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	}
	ioctl(p->listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

static void *guard_loop(void *arg)
{
	(void)arg;
	struct epoll_event ev[16];
	for (;;) {
		int n = epoll_wait(epfd, ev, 16, -1);
		for (int i = 0; i < n; i++) {
			pthread_mutex_lock(&kernel_lock);
			/* a listener's number is reused once closed: the serial tells an event
			 * of a process gone meanwhile from one of its successor's */
			struct taskproc *p = tp_by_listener((int)(uint32_t)ev[i].data.u64);
			if (p && p->guard_serial != (uint32_t)(ev[i].data.u64 >> 32))
				p = 0;
			if (p && (ev[i].events & EPOLLIN))
				serve(p);
			else if (p) /* its process is gone: the main thread reaps it */
				epoll_ctl(epfd, EPOLL_CTL_DEL, p->listener, 0);
			pthread_mutex_unlock(&kernel_lock);
		}
	}
	return 0;
}

bool guard_start(int kernel_cpu)
{
	if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0 ||
	    sizes.seccomp_notif > 512 || sizes.seccomp_notif_resp > 512)
		return false;
	for (int g = 0; g < G_COUNT; g++) {
		gnr[0][g] = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, gnames[g]);
		gnr[1][g] = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86, gnames[g]);
		for (int a = 0; a < 2; a++)
			if (gnr[a][g] < 0)
				gnr[a][g] = -1;
	}
	epfd = epoll_create1(EPOLL_CLOEXEC);
	if (epfd < 0)
		return false;
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_t th;
	int r = pthread_create(&th, 0, guard_loop, 0);
	pthread_sigmask(SIG_SETMASK, &old, 0);
	if (r)
		return false;
	/* The task processes run on the CPUs the kernel leaves them; a task waiting for an answer
	 * hands its CPU straight to the supervisor there (with a spinning kernel on its own CPU,
	 * the supervisor would wait for the kernel's spin to end). */
	cpu_set_t others;
	CPU_ZERO(&others);
	for (long c = 0; kernel_cpu >= 0 && c < sysconf(_SC_NPROCESSORS_ONLN) && c < CPU_SETSIZE;
	     c++)
		if (c != kernel_cpu)
			CPU_SET(c, &others);
	if (CPU_COUNT(&others))
		pthread_setaffinity_np(th, sizeof others, &others);
	pthread_detach(th);
	pthread_mutex_lock(&kernel_lock);
	return true;
}

void guard_lock(void)
{
	if (epfd >= 0)
		pthread_mutex_lock(&kernel_lock);
}

void guard_unlock(void)
{
	if (epfd >= 0)
		pthread_mutex_unlock(&kernel_lock);
}

bool guard_add(struct taskproc *p)
{
	/* Linux >= 6.6: the woken supervisor runs on the caller's CPU at once (best effort) */
	uint64_t sync_wake = 1; /* SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP */
	ioctl(p->listener, SECCOMP_IOW(4, uint64_t), &sync_wake);
	static uint32_t serial;
	p->guard_serial = ++serial;
	struct epoll_event ev = {.events = EPOLLIN,
				 .data.u64 = (uint64_t)p->guard_serial << 32 | (uint32_t)p->listener};
	return epoll_ctl(epfd, EPOLL_CTL_ADD, p->listener, &ev) == 0;
}

void guard_remove(struct taskproc *p)
{
	if (p->listener < 0)
		return;
	epoll_ctl(epfd, EPOLL_CTL_DEL, p->listener, 0);
	close(p->listener);
	p->listener = -1;
}
