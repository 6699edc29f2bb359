/* L4E0008: the RMGR pager's 4 MB superpage request, as RMGR and sigma0 answer it: w0 = address
 * | 1, w1 = 22 << 2, receive window L4_IPC_MAPMSG(address, 22). The answer is one 4 MB fpage of
 * the physical superpage at that address, which lands 1:1 in the window: all 1024 pages usable
 * at once, no further page faults needed; asking again for a superpage the program already has
 * answers it again. */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/consts.h>
#include <l4/sys/ipc.h>
#include <l4/sys/types.h>
#include <stdio.h>

#define SUPERPAGE_ADDR 0x08000000u /* 128 MiB: inside umol4's default 256 MiB, nobody's yet */

static void ask(l4_addr_t addr)
{
	l4_umword_t w0 = 0, w1 = 0;
	l4_msgdope_t dope;
	int err =
	    l4_ipc_call(rmgr_pager_id, L4_IPC_SHORT_MSG, addr | 1, L4_LOG2_SUPERPAGESIZE << 2,
			L4_IPC_MAPMSG(addr, L4_LOG2_SUPERPAGESIZE), &w0, &w1, L4_IPC_NEVER, &dope);
	l4_fpage_t fp = {.fpage = w1};
	printf("superpage: error 0x%x, fpage received %s, base 0x%08x, log2 size %u, writable %u\n",
	       err, l4_ipc_fpage_received(dope) ? "yes" : "no", w0, fp.fp.size, fp.fp.write);
}

int main(void)
{
	if (!rmgr_init()) {
		printf("superpage: no RMGR\n");
		return 1;
	}
	ask(SUPERPAGE_ADDR);
	/* The kernel maps the whole fpage at once: writes to each page fault no more. */
	volatile l4_uint32_t *p = (volatile l4_uint32_t *)SUPERPAGE_ADDR;
	unsigned pages = L4_SUPERPAGESIZE / L4_PAGESIZE, good = 0;
	for (unsigned i = 0; i < pages; i++)
		p[i * L4_PAGESIZE / 4] = i ^ 0x5a5a;
	for (unsigned i = 0; i < pages; i++)
		good += p[i * L4_PAGESIZE / 4] == (i ^ 0x5a5a);
	printf("superpage: %u of %u pages written and read back\n", good, pages);
	ask(SUPERPAGE_ADDR); /* again: the same superpage */
	return 0;
}
