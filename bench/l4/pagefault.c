/* Page-fault round trip: write to fresh pages, each one faulting to sigma0, which maps the frame
 * of the same address (the root task's memory comes from sigma0 1:1). One fault is a trap, a
 * page-fault IPC to sigma0's task, its map reply, and the mapping applied before the resume. */
#include "bench.h"

/* Fresh pages: above the heap (which ends 16 MiB above the program) and below the superpages
 * that bulkmap uses, so one region of 24 MiB of the default 256 MiB. */
#define REGION	   0x02800000u
#define REGION_END 0x04000000u
#define PAGE	   4096u

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 4096), warm = 16;
	if (n > (REGION_END - REGION) / PAGE - warm)
		return bench_error("pagefault", "more pages than the region has", n, 0);
	volatile unsigned char *p = (volatile unsigned char *)REGION;
	for (unsigned i = 0; i < warm; i++, p += PAGE)
		*p = 1;
	l4_uint64_t t0 = bench_now_us();
	for (unsigned i = 0; i < n; i++, p += PAGE)
		*p = 1;
	bench_result("pagefault", n, bench_now_us() - t0);
	return 0;
}
