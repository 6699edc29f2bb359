/* Null system calls. argv[2] "myself": l4_myself (id_nearest of nil), the classic null system
 * call, which umol4's stub answers inside the task process; "entry": id_nearest of our own id,
 * the cheapest call that reaches the kernel, i.e. one complete kernel entry and exit. */
#include "bench.h"

#include <l4/sys/syscalls.h>
#include <string.h>

static void myself(void)
{
	l4_threadid_t me = l4_myself();
	__asm__ __volatile__("" : : "r"(me.lh.low) : "memory");
}

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 20000);
	int entry = argc > 2 && !strcmp(argv[2], "entry");
	void (*call)(void) = entry ? bench_kernel_entry : myself;
	for (unsigned i = 0; i < 100; i++) /* warm-up */
		call();
	l4_uint64_t t0 = bench_now_us();
	for (unsigned i = 0; i < n; i++)
		call();
	bench_result(entry ? "kernel_entry" : "null_syscall", n, bench_now_us() - t0);
	return 0;
}
