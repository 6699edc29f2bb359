/* Host baselines, measured in the same run as the L4 figures: the primitives umol4 is built from
 * (a system call, a futex or pipe hand-off between two processes, a signal round trip, memcpy)
 * and the one Fiasco-UX was built from (a ptrace stop round trip). */
#include "umol4_bench.h"

#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

const struct baseline_info baselines[B_COUNT] = {
    [B_GETPID] = {"getpid", "getpid system call"},
    [B_INT80] = {"getpid_int80", "getpid through int $0x80 (ia32 entry)"},
    [B_FUTEX_SAME] = {"futex_rt_same_cpu", "futex round trip, same CPU"},
    [B_FUTEX_CROSS] = {"futex_rt_cross_cpu", "futex round trip, across CPUs"},
    [B_SPIN] = {"spin_rt_cross_cpu", "spinning round trip, across CPUs"},
    [B_PIPE] = {"pipe_rt", "pipe round trip, same CPU"},
    [B_PTRACE] = {"ptrace_rt", "ptrace stop round trip (SYSEMU+GET/SETREGS)"},
    [B_SIGNAL] = {"signal_rt", "int $0x30 -> SIGSEGV -> sigreturn, 64-bit"},
    [B_MEMCPY] = {"memcpy_64k", "memcpy 64 KiB (hot cache)", 65536},
    [B_MEMCPY_1M] = {"memcpy_1m", "memcpy 1 MiB (hot cache)", 1 << 20},
    [B_MEMCPY_4M] = {"memcpy_4m", "memcpy 4 MiB (hot cache)", 4 << 20},
    [B_TOUCH] = {"memfd_touch", "first write to a memfd page, per page"},
    [B_MMAP] = {"mmap_page", "mmap of one memfd page (MAP_FIXED)"},
    [B_MMAP_CHECKED] = {"mmap_page_checked", "the same mmap checked by a seccomp supervisor"},
};

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static void pin(int cpu)
{
	cpu_set_t s;
	CPU_ZERO(&s);
	CPU_SET(cpu, &s);
	sched_setaffinity(0, sizeof s, &s);
}

static long futex(volatile int *w, int op, int v)
{
	return syscall(SYS_futex, w, op, v, NULL, NULL, 0);
}

static void reap(pid_t p)
{
	int st;
	while (waitpid(p, &st, 0) < 0 && errno == EINTR)
		;
}

static double b_getpid(int partner, long n)
{
	(void)partner;
	double t = now_ns();
	for (long i = 0; i < n; i++)
		syscall(SYS_getpid);
	return (now_ns() - t) / n;
}

/* The entry a native ia32 task's stub uses for its system calls (futex, rt_sigreturn). Measured
 * in a child: without ia32 emulation in the host kernel, int $0x80 kills the process. */
static double b_int80(int partner, long n)
{
	(void)partner;
	int fd[2];
	double t = -1;
	if (pipe(fd))
		return -1;
	pid_t p = fork();
	if (!p) {
		t = now_ns();
		for (long i = 0; i < n; i++) {
			long r;
			__asm__ __volatile__("int $0x80" : "=a"(r) : "a"(20L) : "memory");
		}
		t = (now_ns() - t) / n;
		_exit(write(fd[1], &t, sizeof t) == sizeof t ? 0 : 1);
	}
	close(fd[1]);
	if (p < 0 || read(fd[0], &t, sizeof t) != sizeof t)
		t = -1;
	close(fd[0]);
	if (p > 0)
		reap(p);
	return t;
}

/* Ping-pong between two processes on a shared word: 0 -> 1 hands over to the child, 1 -> 0 back
 * to the parent; sleeping in FUTEX_WAIT, or busy-waiting (what umol4 would get by spinning:
 * kernel and task on two CPUs). Round 0 is the warm-up. Given up (n/a) after 5 s: a preempted
 * spinner can make every hop take a time slice. */
static void wait_while(volatile int *w, int v, bool sleep)
{
	while (__atomic_load_n(w, __ATOMIC_ACQUIRE) == v) {
		if (sleep)
			futex(w, FUTEX_WAIT, v);
		else
			__builtin_ia32_pause();
	}
}

static void handover(volatile int *w, int to, bool sleep)
{
	__atomic_store_n(w, to, __ATOMIC_RELEASE);
	if (sleep)
		futex(w, FUTEX_WAKE, 1);
	wait_while(w, to, sleep);
}

static double pingpong(int partner, long n, bool sleep)
{
	volatile int *w = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (w == MAP_FAILED)
		return -1;
	*w = 0;
	pid_t p = fork();
	if (!p) {
		pin(partner);
		wait_while(w, 0, sleep);
		for (long i = 0; i < n + 1; i++)
			handover(w, 0, sleep);
		_exit(0);
	}
	double t = 0, start = now_ns();
	bool late = false;
	for (long i = 0; p > 0 && i < n + 1 && !late; i++) {
		if (i == 1)
			t = now_ns();
		handover(w, 1, sleep);
		late = (i & 1023) == 1023 && now_ns() - start > 5e9;
	}
	t = now_ns() - t;
	if (p > 0) {
		if (late)
			kill(p, SIGKILL);
		__atomic_store_n(w, 1, __ATOMIC_RELEASE); /* ends the child's last wait */
		if (sleep)
			futex(w, FUTEX_WAKE, 1);
		reap(p);
	}
	munmap((void *)w, 4096);
	return p > 0 && !late ? t / n : -1;
}

static double b_futex(int partner, long n)
{
	return pingpong(partner, n, true);
}

static double b_spin(int partner, long n)
{
	return pingpong(partner, n, false);
}

static double b_pipe(int partner, long n)
{
	(void)partner;
	int a[2], b[2];
	char c = 0;
	if (pipe(a) || pipe(b))
		return -1;
	pid_t p = fork();
	if (!p) {
		for (long i = 0; i < n + 1; i++)
			if (read(a[0], &c, 1) != 1 || write(b[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	double t = 0;
	for (long i = 0; i < n + 1; i++) {
		if (i == 1)
			t = now_ns();
		if (write(a[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
			break;
	}
	t = now_ns() - t;
	reap(p);
	for (int i = 0; i < 2; i++) {
		close(a[i]);
		close(b[i]);
	}
	return t / n;
}

#ifdef PT_SYSEMU
#define STOP_REQUEST PTRACE_SYSEMU /* Fiasco-UX and UML: stop at the system call, skip it */
#else
#define STOP_REQUEST PTRACE_SYSCALL
#endif

/* The tracee loops on getpid; every stop: GETREGS, a result written with SETREGS, resume. */
static double b_ptrace(int partner, long n)
{
	(void)partner;
	pid_t p = fork();
	if (p < 0)
		return -1;
	if (!p) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0))
			_exit(1);
		raise(SIGSTOP);
		for (;;)
			syscall(SYS_getpid);
	}
	int st;
	double t = -1;
	if (waitpid(p, &st, 0) != p || !WIFSTOPPED(st) ||
	    ptrace(PTRACE_SETOPTIONS, p, 0, PTRACE_O_EXITKILL))
		goto out;
	struct user_regs_struct r;
	for (long i = 0; i < n + 1; i++) {
		if (i == 1)
			t = now_ns();
		if (ptrace(STOP_REQUEST, p, 0, 0) || waitpid(p, &st, 0) != p || !WIFSTOPPED(st) ||
		    ptrace(PTRACE_GETREGS, p, 0, &r)) {
			t = -1;
			goto out;
		}
		r.rax = 1234;
		ptrace(PTRACE_SETREGS, p, 0, &r);
	}
	t = (now_ns() - t) / n;
out:
	kill(p, SIGKILL);
	reap(p);
	return t;
}

/* The x86 kernel entry of a native task, in a 64-bit process: int $0x30 raises #GP, the kernel
 * delivers SIGSEGV, the handler skips the 2-byte instruction, rt_sigreturn resumes. */
static void skip_int(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	uc->uc_mcontext.gregs[REG_RIP] += 2;
	(void)sig;
	(void)si;
}

static double b_signal(int partner, long n)
{
	(void)partner;
	struct sigaction sa = {0}, old;
	sa.sa_sigaction = skip_int;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, &old);
	__asm__ __volatile__("int $0x30" ::: "memory");
	double t = now_ns();
	for (long i = 0; i < n; i++)
		__asm__ __volatile__("int $0x30" ::: "memory");
	t = (now_ns() - t) / n;
	sigaction(SIGSEGV, &old, 0);
	return t;
}

/* The fastest of 10 blocks: one preemption would otherwise dominate a short hot-cache figure. */
static double memcpy_best(size_t size, long n)
{
	char *a = aligned_alloc(4096, size), *b = aligned_alloc(4096, size);
	double best = -1;
	if (a && b) {
		memset(a, 1, size);
		memset(b, 2, size);
		for (int block = 0; block < 10; block++) {
			double t = now_ns();
			for (long i = 0; i < n / 10; i++) {
				memcpy(i & 1 ? a : b, i & 1 ? b : a, size);
				__asm__ __volatile__("" : : "r"(a), "r"(b) : "memory");
			}
			t = (now_ns() - t) / (n / 10);
			if (best < 0 || t < best)
				best = t;
		}
	}
	free(a);
	free(b);
	return best;
}

static double b_memcpy(int partner, long n)
{
	(void)partner;
	return memcpy_best((size_t)baselines[B_MEMCPY].bytes, n);
}

static double b_memcpy_1m(int partner, long n)
{
	(void)partner;
	return memcpy_best((size_t)baselines[B_MEMCPY_1M].bytes, n);
}

static double b_memcpy_4m(int partner, long n)
{
	(void)partner;
	return memcpy_best((size_t)baselines[B_MEMCPY_4M].bytes, n);
}

/* What bulkmap's touches cost the host: a fresh page of a shared memfd mapping (like umol4's
 * physical memory) allocated, zeroed and mapped on its first write. */
static double b_touch(int partner, long pages)
{
	(void)partner;
	size_t size = (size_t)pages * 4096;
	int fd = memfd_create("umol4-bench", 0);
	if (fd < 0 || ftruncate(fd, (off_t)size)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	char *m = mmap(0, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	double t = -1;
	if (m != MAP_FAILED) {
		t = now_ns();
		for (size_t o = 0; o < size; o += 4096)
			*(volatile char *)(m + o) = 1;
		t = (now_ns() - t) / pages;
		munmap(m, size);
	}
	close(fd);
	return t;
}

/* How each baseline is measured: partner is the CPU of the second process (the same CPU unless
 * cross), n the operations of a full run. */
static const struct {
	double (*run)(int partner, long n);
	long n;
	bool cross;
} how[B_COUNT] = {
    [B_GETPID] = {b_getpid, 1000000, false},   [B_INT80] = {b_int80, 50000, false},
    [B_FUTEX_SAME] = {b_futex, 50000, false},  [B_FUTEX_CROSS] = {b_futex, 5000, true},
    [B_SPIN] = {b_spin, 200000, true},	       [B_PIPE] = {b_pipe, 50000, false},
    [B_PTRACE] = {b_ptrace, 20000, false},     [B_SIGNAL] = {b_signal, 100000, false},
    [B_MEMCPY] = {b_memcpy, 50000, false},     [B_MEMCPY_1M] = {b_memcpy_1m, 2000, false},
    [B_MEMCPY_4M] = {b_memcpy_4m, 300, false}, [B_TOUCH] = {b_touch, 16384, false},
    [B_MMAP] = {b_mmap_page, 16384, false},    [B_MMAP_CHECKED] = {b_mmap_checked, 8192, false},
};

double baseline_measure(enum baseline b, int cpu, int other, bool quick)
{
	if (how[b].cross && other < 0)
		return -1;
	cpu_set_t saved;
	sched_getaffinity(0, sizeof saved, &saved);
	pin(cpu);
	double v = how[b].run(how[b].cross ? other : cpu, how[b].n / (quick ? 10 : 1));
	sched_setaffinity(0, sizeof saved, &saved);
	return v;
}
