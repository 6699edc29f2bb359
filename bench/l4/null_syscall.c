/* Null system call: l4_myself (id_nearest with the nil id), the cheapest kernel entry and exit. */
#include "bench.h"

#include <l4/sys/syscalls.h>

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 20000);
	l4_umword_t sum = 0;
	for (unsigned i = 0; i < 100; i++) /* warm-up */
		sum += l4_myself().lh.low;
	l4_uint64_t t0 = bench_now_us();
	for (unsigned i = 0; i < n; i++)
		sum += l4_myself().lh.low;
	l4_uint64_t t1 = bench_now_us();
	if (sum != l4_myself().lh.low * (n + 100))
		return bench_error("null_syscall", "l4_myself changed", n, 0);
	bench_result("null_syscall", n, t1 - t0);
	return 0;
}
