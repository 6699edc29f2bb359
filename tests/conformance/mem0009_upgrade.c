/* MEM0009: an existing mapping gets more rights only from a mapper it is derived from. */
/* Task A (4) maps a page read-only to B (5) and writable to C (6); C then maps the same frame
 * writable to B, at the address where B has it. B's mapping is no child of C's, so it stays
 * read-only (reference §3.2: same frame -> rights upgrade if the existing mapping is a child of
 * the sender's) and B's dope has no fpage bit, since nothing arrived: B's write faults. Whatever
 * the rule, once C has taken the write right back from everything derived from its copy
 * (fpage_unmap without bit 1), B must not write without a fault. umol4 upgrades B outside the
 * mapping database, and B writes on. */
#define ID "MEM0009"
#include "conf.h"

#define A 4
#define B 5
#define C 6

static void case_(const char *what, l4_umword_t p, int revoke)
{
	int got[3], err[3];
	conf_mark(p, 1, 0x100);
	err[0] = conf_map(A, B, p, l4_fpage(p, 12, L4_FPAGE_RO, 0), L4_IPC_MAPMSG(p, 12), &got[0]);
	err[1] = conf_map(A, C, p, l4_fpage(p, 12, L4_FPAGE_RW, 0), L4_IPC_MAPMSG(p, 12), &got[1]);
	err[2] = conf_map(C, B, p, l4_fpage(p, 12, L4_FPAGE_RW, 0), L4_IPC_MAPMSG(p, 12), &got[2]);
	say("%s: A->B read-only 0x%02x, A->C 0x%02x, C->B writable 0x%02x, fpage bits: %d %d %d",
	    what, err[0], err[1], err[2], got[0], got[1], got[2]);
	if (revoke)
		conf_unmap(C, l4_fpage(p, 12, 0, 0), L4_FP_REMAP_PAGE | L4_FP_OTHER_SPACES);
	conf_nfaults = 0;
	conf_write(B, p + 4, 0xb);
	say("  B writes: %s", conf_faults_text(B, p));
}

int main(void)
{
	conf_tasks_init();
	conf_task(B);
	conf_task(C);
	case_("upgrade by a sibling", CONF_AREA, 0);
	case_("upgrade by a sibling, revoked by it", CONF_AREA + 0x1000, 1);
	return 0;
}
