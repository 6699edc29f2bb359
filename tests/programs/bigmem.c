/* L4P0014: 512 MiB in 4 KiB pages, each asked from sigma0 on its own into a receive window (so
 * the frames are scattered and the host cannot merge the mappings): twice the host's limit of
 * ~65530 mappings per process. The kernel drops host mappings when the limit is hit and brings
 * each back on access; every page keeps its contents. Run with --mem=768. */
#include <l4/sys/ipc.h>
#include <stdio.h>

#define BASE 0x40000000UL
#define PAGES (512UL * 256)

int main(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	sigma0.id.task = 2;
	unsigned long got = 0;
	for (unsigned long i = 0; i < PAGES; i++) {
		l4_umword_t va = BASE + i * 4096, w0, w1;
		l4_msgdope_t d;
		int err = l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 0xfffffffc, 0,
				      (void *)L4_IPC_MAPMSG(va, 12), &w0, &w1, L4_IPC_NEVER, &d);
		if (err || !l4_ipc_fpage_received(d))
			break;
		*(volatile unsigned long *)va = i ^ 0x5a5a5a5aUL;
		got++;
	}
	printf("mapped %lu pages of 4 KiB one by one\n", got);
	unsigned long bad = 0;
	for (unsigned long i = 0; i < got; i++)
		bad += *(volatile unsigned long *)(BASE + i * 4096) != (i ^ 0x5a5a5a5aUL);
	printf("contents after re-mirroring: %s\n", bad ? "CORRUPT" : "ok");
	return bad != 0 || got != PAGES;
}
