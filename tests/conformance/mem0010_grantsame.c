/* MEM0010: a grant onto the receiver's mapping of the same frame is no "map failed" error. */
/* Task A (4) maps a page to B (5), then grants the same page to B at the same place. B already
 * has that frame there (a child of A's mapping), so there is nothing to allocate: the IPC
 * succeeds with the fpage bit (reference §2.2: REMAPFAILED/SEMAPFAILED mean no page tables or
 * mapping-database memory; §3.2), and B still has A's word. umol4 fails it with 0x70 (A) and
 * 0x60 (B, which then sees no message). */
#define ID "MEM0010"
#include "conf.h"

#define A 4
#define B 5

int main(void)
{
	l4_umword_t p = CONF_AREA, w = CONF_AREA + 0x1000;
	int got;
	conf_tasks_init();
	conf_task(B);
	conf_mark(p, 1, 0x100);
	int err = conf_map(A, B, p, l4_fpage(p, 12, L4_FPAGE_RW, L4_FPAGE_MAP),
			   L4_IPC_MAPMSG(w, 12), &got);
	say("map: 0x%02x, fpage received: %s", err, got ? "yes" : "no");
	err = conf_map(A, B, p, l4_fpage(p, 12, L4_FPAGE_RW, L4_FPAGE_GRANT), L4_IPC_MAPMSG(w, 12),
		       &got);
	say("grant onto the same frame: 0x%02x, fpage received: %s", err, got ? "yes" : "no");
	say("B's word: %s", okfail(conf_read(B, w) == 0x100));
	return 0;
}
