/* The shared part of the L4 benchmark programs (bench.h). */
#include "bench.h"
#include <l4/loader/loader.h>

#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>
#include <stdlib.h>

#define STACK_SIZE  16384u
#define MAX_THREADS 4u
static unsigned char stacks[MAX_THREADS][STACK_SIZE] __attribute__((aligned(16)));

unsigned bench_iters(int argc, char **argv, unsigned dflt)
{
	if (argc < 2)
		return dflt;
	unsigned long n = strtoul(argv[1], 0, 10);
	return n ? (unsigned)n : dflt;
}

void bench_kernel_entry(void)
{
	static l4_threadid_t me;
	l4_threadid_t nearest;
	if (l4_is_nil_id(me))
		me = l4_myself();
	l4_id_nearest(me, &nearest);
}

l4_uint64_t bench_now_us(void)
{
	static volatile l4_cpu_time_t *clock;
	if (!clock)
		clock = &((l4_kernel_info_t *)l4_kernel_interface())->clock;
	bench_kernel_entry();
	/* two equal reads: a 32-bit ISA reads the 64-bit clock in two halves, and the kernel's
	 * clock thread may advance it in between */
	l4_cpu_time_t a, b;
	do {
		a = *clock;
		b = *clock;
	} while (a != b);
	return a;
}

l4_threadid_t bench_thread(unsigned n, void (*fn)(void))
{
	l4_threadid_t t = l4_myself(), pager = L4_INVALID_ID, preempter = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	unsigned char *top = stacks[(n - 1) % MAX_THREADS] + STACK_SIZE - 16;
	/* the stack is ours before the thread runs: its page faults are not part of any figure */
	for (unsigned char *p = top - STACK_SIZE + 16; p < top; p += 4096)
		*(volatile unsigned char *)p = 0;
	t.id.lthread = n;
	l4_thread_ex_regs(t, (l4_umword_t)fn, (l4_umword_t)top, &preempter, &pager, &flags, &ip,
			  &sp);
	return t;
}

void bench_echo(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	for (;;)
		l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, w0 + 1, w1, &src, L4_IPC_SHORT_MSG,
				      &w0, &w1, L4_IPC_SEND_TIMEOUT_0, &dope);
}

int bench_calls(const char *figure, l4_threadid_t peer, unsigned n)
{
	unsigned warm = 100;
	l4_uint64_t t0 = 0;
	for (unsigned i = 0; i < warm + n; i++) {
		if (i == warm)
			t0 = bench_now_us();
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		int r = l4_ipc_call(peer, L4_IPC_SHORT_MSG, i, 0, L4_IPC_SHORT_MSG, &w0, &w1,
				    L4_IPC_NEVER, &dope);
		if (BENCH_IPC_FAILED(r, dope) || w0 != i + 1)
			return bench_error(figure, "call failed", i, dope.msgdope);
	}
	bench_result(figure, n, bench_now_us() - t0);
	return 0;
}

void bench_pager(void)
{
	loader_serve(loader_own_page);
}

void bench_result(const char *figure, unsigned ops, l4_uint64_t us)
{
	printf("BENCH %s %u %llu\n", figure, ops, (unsigned long long)us);
}

int bench_na(const char *figure, const char *why)
{
	printf("BENCH %s n/a %s\n", figure, why);
	return 0;
}

int bench_error(const char *figure, const char *what, unsigned round, l4_umword_t dope)
{
	printf("BENCH %s error %s (round %u, dope 0x%lx)\n", figure, what, round,
	       (unsigned long)dope);
	return 1;
}
