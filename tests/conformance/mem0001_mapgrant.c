/* MEM0001: map and grant of 4 KiB, 64 KiB and 4 MiB fpages between two tasks. */
/* The root task A (4) maps its pages to task B (5): B sees A's words, A sees B's writes. Then A
 * grants pages: B has them, and A's next accesses fault to A's pager (which logs them and gives
 * A fresh pages). The 4 MiB pages are superpages from sigma0. */
#define ID "MEM0001"
#include "conf.h"

#define A    4
#define B    5
#define TAG  0x4d450000UL
#define TO_B 0x08000000UL /* B's window is A's pages' address + TO_B */

/* Asks sigma0 for the 4 MiB superpage at physical address phys, into A at at. */
static void superpage(l4_umword_t at, l4_umword_t phys)
{
	l4_umword_t base;
	l4_fpage_t fp = {.fpage = conf_sigma0(phys | 1, 22 << 2, L4_IPC_MAPMSG(at, 22), &base)};
	say("sigma0's superpage: fpage size %u, write %u, send base the superpage: %s", fp.fp.size,
	    fp.fp.write, okfail(base == phys));
}

static void transfer(const char *what, l4_umword_t a, unsigned log2, int grant)
{
	unsigned pages = 1u << (log2 - 12);
	l4_umword_t b = a + TO_B, last = (pages - 1) * 4096;
	conf_mark(a, pages, TAG);
	conf_nfaults = 0;
	int got, err = conf_map(A, B, a, l4_fpage(a, log2, L4_FPAGE_RW, grant),
				L4_IPC_MAPMSG(b, log2), &got);
	say("%s %s: 0x%02x, fpage received: %s", grant ? "grant" : "map", what, err,
	    got ? "yes" : "no");
	say("  B sees A's words on %u of %u pages", conf_marked(B, b, pages, TAG), pages);
	conf_write(B, b + last + 8, 0xb0b);
	if (!grant) {
		say("  A sees B's write: %s, faults: %u",
		    okfail(conf_read(A, a + last + 8) == 0xb0b), conf_nfaults);
		return;
	}
	conf_write(A, a + 12, 0xa0a);
	struct conf_count f = conf_faults_at(A, a);
	unsigned marked = conf_marked(A, a, pages, TAG);
	say("  A's accesses fault to its pager: %u of %u pages, the first a user-mode write: %s",
	    conf_nfaults, pages, okfail(f.n == 1 && f.writes == 1 && !f.kernel));
	say("  A's words are gone: %s, B keeps its pages: %s, with its write: %s",
	    okfail(marked == 0), okfail(conf_marked(B, b, pages, TAG) == pages),
	    okfail(conf_read(B, b + last + 8) == 0xb0b && conf_read(B, b + 12) == 0));
}

int main(void)
{
	conf_tasks_init();
	conf_task(B);
	transfer("4 KiB", CONF_AREA, 12, 0);
	transfer("64 KiB", CONF_AREA + 0x10000, 16, 0);
	superpage(CONF_AREA + 0x400000, 0x04000000);
	transfer("4 MiB", CONF_AREA + 0x400000, 22, 0);

	transfer("4 KiB", CONF_AREA + 0x800000, 12, 1);
	transfer("64 KiB", CONF_AREA + 0x810000, 16, 1);
	superpage(CONF_AREA + 0xc00000, 0x04400000);
	transfer("4 MiB", CONF_AREA + 0xc00000, 22, 1);
	return 0;
}
