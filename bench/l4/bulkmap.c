/* Bulk map: ask sigma0 for 4 MB superpages (one IPC each, the V2 sigma0 protocol: w0 = address |
 * 1, w1 = 22 << 2, receive window of 4 MB at the same address) and write to each of their 1024
 * pages. The figure is per page: the IPC is amortised, the touch costs what the host charges for
 * a page of the physical-memory file. argv[1] is the number of superpages. */
#include "bench.h"

#include <l4/sys/ipc.h>

#define FIRST	       0x04000000u /* above pagefault's region; 48 superpages fit below 256 MiB */
#define SUPERPAGE_LOG2 22u
#define SUPERPAGE      (1u << SUPERPAGE_LOG2)
#define PAGE	       4096u
#define SIGMA0	       ((l4_threadid_t){.id = {.task = 2, .chief = 4}})

static int map_superpage(unsigned k)
{
	l4_umword_t a = FIRST + k * SUPERPAGE, w0, w1;
	l4_msgdope_t dope;
	int r = l4_ipc_call(SIGMA0, L4_IPC_SHORT_MSG, a | 1, SUPERPAGE_LOG2 << 2,
			    L4_IPC_MAPMSG(a, SUPERPAGE_LOG2), &w0, &w1, L4_IPC_NEVER, &dope);
	if (BENCH_IPC_FAILED(r, dope) || !dope.md.fpage_received)
		return bench_error("bulkmap", "sigma0 did not map the superpage", k, dope.msgdope);
	for (l4_umword_t p = a; p < a + SUPERPAGE; p += PAGE)
		*(volatile unsigned char *)p = 1;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 24);
	if (n + 1 > 48)
		return bench_error("bulkmap", "more superpages than 256 MiB hold", n, 0);
	if (map_superpage(0)) /* warm-up: sigma0's process is running, its code paged in */
		return 1;
	l4_uint64_t t0 = bench_now_us();
	for (unsigned k = 1; k <= n; k++)
		if (map_superpage(k))
			return 1;
	bench_result("bulkmap", n * (SUPERPAGE / PAGE), bench_now_us() - t0);
	return 0;
}
