/* Probe for docs/performance.md: what a native ia32 task's kernel entry costs the host, with the
 * stub's system calls made through int $0x80 (as the stub does) or through the vDSO's
 * __kernel_vsyscall (sysenter/syscall). A 32-bit host program, not part of the build:
 *
 *   i686-linux-gnu-gcc -O2 -static -o /tmp/ia32_signal bench/probes/ia32_signal.c
 *   taskset -c 1 /tmp/ia32_signal
 *
 * Each trap is the stub's: int $0x30 raises #GP, SIGSEGV is delivered on an alternate stack,
 * the handler skips the instruction, and the restorer issues rt_sigreturn. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define N 50000

void *vsyscall; /* AT_SYSINFO: __kernel_vsyscall, above 3 GiB, so it survives the stub's unmap */
static char altstack[65536];
static unsigned long frame_bytes;

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static void skip_int(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	char here;
	uc->uc_mcontext.gregs[REG_EIP] += 2;
	if (!frame_bytes)
		frame_bytes = (unsigned long)(altstack + sizeof altstack) - (unsigned long)&here;
	(void)sig;
	(void)si;
}

/* Restorers. Through __kernel_vsyscall, which pushes a return address and three registers, the
 * stack pointer must first move 16 bytes up so that rt_sigreturn finds the frame where int $0x80
 * would (the words it overwrites, sig/pinfo/puc/si_signo, are not read back). */
extern void restore_int80(void), restore_vsyscall(void);
__asm__(".text\n"
	"restore_int80: movl $173, %eax\n int $0x80\n hlt\n"
	"restore_vsyscall: addl $16, %esp\n movl $173, %eax\n call *vsyscall\n hlt\n");

struct kernel_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask[2];
};

static void install(void *restorer)
{
	struct kernel_sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.handler = (void *)skip_int;
	sa.flags = SA_SIGINFO | SA_ONSTACK | 0x04000000 /* SA_RESTORER */;
	sa.restorer = restorer;
	if (syscall(SYS_rt_sigaction, SIGSEGV, &sa, 0, 8))
		perror("rt_sigaction");
}

static void trap_rt(const char *how, void *restorer)
{
	install(restorer);
	__asm__ __volatile__("int $0x30" ::: "memory");
	double t = now_ns();
	for (int i = 0; i < N; i++)
		__asm__ __volatile__("int $0x30" ::: "memory");
	printf("int $0x30 -> SIGSEGV -> rt_sigreturn through %-18s %6.0f ns\n", how,
	       (now_ns() - t) / N);
}

static void getpid_rt(void)
{
	double t = now_ns();
	for (int i = 0; i < N; i++) {
		long r;
		__asm__ __volatile__("int $0x80" : "=a"(r) : "a"(20L) : "memory");
	}
	printf("getpid through int $0x80:          %6.0f ns\n", (now_ns() - t) / N);
	t = now_ns();
	for (int i = 0; i < N; i++) {
		long r;
		__asm__ __volatile__("call *%1"
				     : "=a"(r)
				     : "r"(vsyscall), "a"(20L)
				     : "memory", "ecx", "edx");
	}
	printf("getpid through __kernel_vsyscall:  %6.0f ns\n", (now_ns() - t) / N);
}

int main(void)
{
	vsyscall = (void *)getauxval(AT_SYSINFO);
	stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
	if (!vsyscall || sigaltstack(&ss, 0)) {
		fprintf(stderr, "no AT_SYSINFO or no sigaltstack\n");
		return 1;
	}
	for (int round = 0; round < 2; round++) {
		trap_rt("int $0x80:", (void *)restore_int80);
		trap_rt("__kernel_vsyscall:", (void *)restore_vsyscall);
	}
	printf("signal frame + handler stack: %lu bytes\n", frame_bytes);
	getpid_rt();
	return 0;
}
