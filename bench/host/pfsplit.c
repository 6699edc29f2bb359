/* Where a page fault's time goes, from figures and baselines of the same run: the fault is a trap
 * into the stub, the hand-offs to the kernel and back, the page-fault IPC to sigma0 and its map
 * reply, the host mmap of the page with its supervisor check, and the first touch of the fresh
 * page; whatever the sum leaves is umol4's own bookkeeping (docs/performance.md). */
#include "umol4_bench.h"

#include <stdio.h>
#include <string.h>

enum part { P_TRAP, P_HANDOFF, P_PAGER, P_MMAP, P_CHECK, P_TOUCH, P_REST, P_COUNT };
static const char *const part_key[P_COUNT] = {"trap",	   "handoffs",	  "pager_ipc", "host_mmap",
					      "mmap_check", "first_touch", "rest"};
static const char *const part_label[P_COUNT] = {
    "trap", "hand-offs", "pager IPC", "host mmap", "supervisor check", "first touch", "rest"};

static double fig(const struct isa_run *i, const char *key)
{
	for (int f = 0; f < F_COUNT; f++)
		if (!strcmp(figures[f].key, key))
			return i->res[f].outcome == OUT_OK && i->res[f].st.n ? i->res[f].st.median : -1;
	return -1;
}

static double base(const struct report *r, enum baseline b)
{
	return r->base[b].n ? r->base[b].median : -1;
}

/* ns per part; false if a figure or baseline it needs is missing */
static bool split(const struct report *r, const struct isa_run *i, double part[P_COUNT],
		  double *total)
{
	double null = fig(i, "null_syscall"), entry = fig(i, "kernel_entry");
	double inter = fig(i, "ipc_inter_as"), pf = fig(i, "pagefault");
	double map = base(r, B_MMAP), checked = base(r, B_MMAP_CHECKED), touch = base(r, B_TOUCH);
	if (null < 0 || entry < 0 || inter < 0 || pf < 0 || map < 0 || checked < 0 || touch < 0)
		return false;
	part[P_TRAP] = null;		  /* the signal round trip the stub answers itself */
	part[P_HANDOFF] = entry - null;	  /* to the kernel and back, and its decode */
	part[P_PAGER] = inter - entry;	  /* sigma0's half of an inter-AS round trip */
	part[P_MMAP] = map;		  /* the host's own: the mapping ... */
	part[P_CHECK] = checked - map;	  /* confinement's */
	part[P_TOUCH] = touch;		  /* the host's own: a fresh page */
	part[P_REST] = pf - inter - checked - touch; /* what none of the others explains */
	*total = pf;
	return true;
}

void pf_split_table(const struct report *r, const struct isa_run *i)
{
	double part[P_COUNT], total;
	if (!split(r, i, part, &total))
		return;
	printf("  page fault, where the time goes (us):");
	for (int p = 0; p < P_COUNT; p++)
		printf("%s %s %.2f", p ? "," : "", part_label[p], part[p] / 1000);
	double host = part[P_MMAP] + part[P_TOUCH];
	printf(" = %.2f; the host's own (mmap + first touch) %.2f = %.0f%%\n", total / 1000,
	       host / 1000, 100 * host / total);
}

void pf_split_json(FILE *o, const struct report *r, const struct isa_run *i)
{
	double part[P_COUNT], total;
	if (!split(r, i, part, &total))
		return;
	fprintf(o, ",\n      \"pagefault_split\": {\"unit\": \"ns\"");
	for (int p = 0; p < P_COUNT; p++) /* a part may come out negative in a noisy run */
		fprintf(o, ", \"%s\": %.6g", part_key[p], part[p]);
	fprintf(o, ", \"total\": %.6g, \"host_share\": %.4g}", total,
		(part[P_MMAP] + part[P_TOUCH]) / total);
}
