/* Scattered map messages: the root task sends a child task map messages of 256 (send base,
 * fpage) items each, every item one 4 KiB page, placed at every other page of the child's
 * space, so that no two pages the child receives are neighbours and each needs a host mapping
 * of its own. The child answers every message, so its process runs (and its host mappings are
 * brought in line) after each one. The figure is per page; it must not grow with the number of
 * pages the child already has. The pages are the root task's from sigma0's 4 MB superpages (as
 * bulkmap gets them). argv[1] is the number of pages, a multiple of 256. */
#include "bench.h"
#include "child.h"

#include <l4/sys/ipc.h>

#define FIGURE	       "scattermap"
#define FIRST	       0x04000000u /* the root task's pages: superpages from sigma0 */
#define SUPERPAGE_LOG2 22u
#define SUPERPAGE      (1u << SUPERPAGE_LOG2)
#define PAGE	       4096u
#define ITEMS	       256u	   /* map items per message */
#define CHILD_AT       0x10000000u /* where the child gets them: every other page from here */
#define SIGMA0	       ((l4_threadid_t){.id = {.task = 2, .chief = 4}})
#define MAX_PAGES      (40u * 1024u) /* 160 MiB of the default 256 MiB */

struct map_msg {
	l4_fpage_t window; /* the receiver's: the whole space, so a page lands at its send base */
	l4_msgdope_t size, send;
	l4_umword_t dw[2 * ITEMS];
};
static struct map_msg out, in;

static void receive_pages(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	in.window = l4_fpage(0, 32, 0, 0);
	in.size = L4_IPC_DOPE(2 * ITEMS, 0);
	int err = l4_ipc_wait(&src, &in, &w0, &w1, L4_IPC_NEVER, &dope);
	for (;;) {
		/* answers how many of the pages arrived: the fpage bit */
		l4_umword_t got = !err && l4_ipc_fpage_received(dope);
		err = l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, got, 0, &src, &in, &w0, &w1,
					    L4_IPC_SEND_TIMEOUT_0, &dope);
	}
}

static int take_superpages(unsigned n)
{
	for (unsigned k = 0; k < n; k++) {
		l4_umword_t a = FIRST + k * SUPERPAGE, w0, w1;
		l4_msgdope_t dope;
		int r =
		    l4_ipc_call(SIGMA0, L4_IPC_SHORT_MSG, a | 1, SUPERPAGE_LOG2 << 2,
				L4_IPC_MAPMSG(a, SUPERPAGE_LOG2), &w0, &w1, L4_IPC_NEVER, &dope);
		if (BENCH_IPC_FAILED(r, dope) || !l4_ipc_fpage_received(dope))
			return bench_error(FIGURE, "sigma0 did not map a superpage", k,
					   dope.msgdope);
	}
	return 0;
}

/* Sends pages [first, first + ITEMS) of the root task's to the child. */
static int send_pages(l4_taskid_t child, unsigned first)
{
	for (unsigned i = 0; i < ITEMS; i++) {
		out.dw[2 * i] = CHILD_AT + 2 * (first + i) * PAGE;
		out.dw[2 * i + 1] =
		    l4_fpage(FIRST + (first + i) * PAGE, 12, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	}
	out.size = out.send = L4_IPC_DOPE(2 * ITEMS, 0);
	l4_umword_t got, w1;
	l4_msgdope_t dope;
	int r = l4_ipc_call(child, (void *)((l4_umword_t)&out | 2), out.dw[0], out.dw[1],
			    L4_IPC_SHORT_MSG, &got, &w1, L4_IPC_NEVER, &dope);
	if (BENCH_IPC_FAILED(r, dope) || !got)
		return bench_error(FIGURE, "the child got no pages", first / ITEMS, dope.msgdope);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 16384) / ITEMS * ITEMS, warm = ITEMS;
	if (n == 0 || n + warm > MAX_PAGES)
		return bench_error(FIGURE, "page count out of range", n, 0);
	if (take_superpages((n + warm + SUPERPAGE / PAGE - 1) / (SUPERPAGE / PAGE)))
		return 1;
	l4_taskid_t child = child_create(receive_pages);
	if (l4_is_nil_id(child))
		return bench_na(FIGURE, "task_new is not implemented");
	if (send_pages(child, 0)) /* warm-up: the child's process is running */
		return 1;
	l4_uint64_t t0 = bench_now_us();
	for (unsigned first = warm; first < warm + n; first += ITEMS)
		if (send_pages(child, first))
			return 1;
	bench_result(FIGURE, n, bench_now_us() - t0);
	child_delete(child);
	return 0;
}
