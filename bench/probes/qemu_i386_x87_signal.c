/*
 * qemu-i386 7.2 loses x87 registers across the first signal raised by a faulting instruction.
 * Build and run: i686-linux-gnu-gcc -O2 -static -o x87 qemu_i386_x87_signal.c
 *                ./x87; qemu-i386 ./x87
 * Natively both numbers are ec4d30; under qemu-i386 7.2 (Debian 12) the first is garbage: the
 * values compute() keeps on the x87 stack do not survive the first SIGSEGV from `int $0x33`,
 * which the handler skips. Every ia32 L4 system call is such a fault under `umol4 --emulate`,
 * so floating-point code misbehaves there (THR0007 does not run on x86-emu).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>
static void h(int s, siginfo_t *i, void *u) { (void)s; (void)i; ((ucontext_t *)u)->uc_mcontext.gregs[REG_EIP] += 2; }
static double compute(double seed)
{
	double a = seed, b = seed * 0.5, c = 1.0 / seed;
	for (int i = 0; i < 20; i++) {
		a = a * 1.0001 + b * c;
		b = b * 0.9999 - a * 0.0001;
		c = c + a * 1e-6;
		__asm__ __volatile__("int $0x33" ::: "memory");
	}
	return a + b + c;
}
int main(void)
{
	struct sigaction sa = {0};
	sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, 0);
	volatile double x = compute(3.5), y = compute(3.5);
	printf("%x %x\n", (unsigned)(x * 1e6), (unsigned)(y * 1e6));
	return 0;
}
