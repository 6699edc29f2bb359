/* MEM0004: recursive fpage_unmap across three spaces A -> B -> C. */
/* Each case builds a fresh chain: task A (4) maps a marked page to B (5), B maps it on to C (6).
 * fpage_unmap at A flushes B's and C's copies (their next accesses fault to their pagers) but
 * keeps A's own; bit 31 removes A's own mapping too; without bit 1 the copies become read-only
 * (only writes fault); a flush at B reaches C only; copies at other addresses go as well; a
 * 4 MiB fpage (base not aligned) covers the page, so does the whole space (B and C lose their
 * code and data too, which their pager gives back); a page B granted to C is still derived from
 * A's; a grant moves the pages derived from the granted one along; deleting B removes C's copy.
 * Refaulted pages come from A at the same address. */
#define ID "MEM0004"
#include "conf.h"

#define A   4
#define B   5
#define C   6
#define TAG 0x464c0000UL

static unsigned k;	  /* the case: page k of the area is A's */
static l4_umword_t shift; /* B has the page at A's address + shift, C at + 2 * shift */

static l4_umword_t at(unsigned nr)
{
	return CONF_AREA + 0x1000 * k + shift * (nr - A);
}

/* A fresh case: A's page, marked; B and C have theirs at A's address + shift and + 2 shift. */
static void start(l4_umword_t elsewhere)
{
	k++;
	shift = elsewhere;
	conf_mark(at(A), 1, TAG + k);
}

/* Task from maps (or grants) its page to task to; 0 if it arrived. */
static int give(unsigned from, unsigned to, unsigned grant)
{
	int got, err = conf_map(from, to, at(from), l4_fpage(at(from), 12, L4_FPAGE_RW, grant),
				L4_IPC_MAPMSG(at(to), 12), &got);
	return err || !got;
}

static void chain(const char *what, unsigned b_to_c, l4_umword_t elsewhere)
{
	start(elsewhere);
	say("%s: chain built: %s", what, okfail(!give(A, B, 0) && !give(B, C, b_to_c)));
}

/* Task nr reads (write = 0) or writes its page; prints the faults and what it read. */
static void access(unsigned nr, int write)
{
	conf_nfaults = 0;
	if (write)
		conf_write(nr, at(nr) + 4, 0x1000 + nr);
	l4_umword_t w = conf_read(nr, at(nr));
	say("  %u %s: %s, word: %s", nr, write ? "writes" : "reads", conf_faults_text(nr, at(nr)),
	    w == TAG + k ? "kept"
	    : w		 ? "other"
			 : "gone");
}

static void all(int write)
{
	for (unsigned nr = A; nr <= C; nr++)
		access(nr, write);
}

static void unmap(unsigned nr, unsigned log2, l4_umword_t mask)
{
	conf_unmap(nr, l4_fpage(at(nr), log2, 0, 0), mask);
}

/* The cases where one task unmaps the page of a fresh chain A -> B -> C: then all three read
 * it, and write it if writes is set. */
static const struct {
	const char *what;
	unsigned nr, log2;
	l4_umword_t mask, elsewhere;
	int writes;
} cases[] = {
    {"A flushes", A, 12, L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES, 0, 0},
    {"A flushes, own space too", A, 12, L4_FP_FLUSH_PAGE | L4_FP_ALL_SPACES, 0, 0},
    {"A remaps read-only", A, 12, L4_FP_REMAP_PAGE | L4_FP_OTHER_SPACES, 0, 1},
    {"B flushes", B, 12, L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES, 0, 0},
    {"B remaps read-only, own space too", B, 12, L4_FP_REMAP_PAGE | L4_FP_ALL_SPACES, 0, 1},
    {"A flushes, B and C have the page elsewhere", A, 12, L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES,
     0x01000000, 0},
    {"A flushes the 4 MiB fpage around the page", A, 22, L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES, 0,
     0},
    {"A flushes its whole space from the other spaces", A, 32,
     L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES, 0, 0},
};

int main(void)
{
	conf_tasks_init();
	conf_task(B);
	conf_task(C);
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		chain(cases[i].what, L4_FPAGE_MAP, cases[i].elsewhere);
		unmap(cases[i].nr, cases[i].log2, cases[i].mask);
		all(0);
		if (cases[i].writes)
			all(1);
	}

	chain("B grants to C, A flushes", L4_FPAGE_GRANT, 0);
	access(B, 0);
	unmap(A, 12, L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES);
	access(C, 0);

	start(0x01000000);
	say("A maps to C, then grants to B, B flushes: %s",
	    okfail(!give(A, C, L4_FPAGE_MAP) && !give(A, B, L4_FPAGE_GRANT)));
	unmap(B, 12, L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES);
	access(B, 0);
	access(C, 0);

	chain("B is deleted", L4_FPAGE_MAP, 0);
	l4_task_new(conf_tids[B], l4_myself().lh.low, 0, 0, L4_NIL_ID);
	access(C, 0);
	access(A, 0);
	return 0;
}
