/* MEM0005: a pager that maps pages of a pool it got from sigma0 for its children's faults. */
/* Task A (4) fills a pool with "any free page" requests to sigma0 and marks page i of it. Its
 * pager thread answers each fault of tasks B (5) and C (6) in the area with the next pool page
 * (send base = the faulting address, so it lands there, whatever its address in A): each
 * fault comes once, from user mode, with the write bit for writes; B's pages are the pool's in
 * order, with B's words in A's pool; C gets pages of its own; after A flushes a pool page, B's
 * next access faults again and gets a fresh one. */
#define ID "MEM0005"
#include "conf.h"

#define A      4
#define B      5
#define C      6
#define POOL   (CONF_AREA + 0x1000000)
#define POOL_N 8
#define TAG    0x504f0000UL

static unsigned next_page;

static l4_umword_t pool_page(l4_umword_t page)
{
	(void)page;
	return next_page < POOL_N ? POOL + 0x1000 * next_page++ : 0;
}

/* Where task nr's page at addr comes from: "pool page i" */
static const char *which(unsigned nr, l4_umword_t addr)
{
	static char text[32];
	l4_umword_t w = conf_read(nr, addr);
	if (w - TAG >= POOL_N)
		return "not from the pool";
	snprintf(text, sizeof text, "pool page %lu", (unsigned long)(w - TAG));
	return text;
}

/* Task nr writes to (or reads) the page at addr: its faults and the page it has now. */
static void touch(unsigned nr, l4_umword_t addr, int write)
{
	conf_nfaults = 0;
	if (write)
		conf_write(nr, addr + 4, 0x1000 + nr);
	else
		conf_read(nr, addr + 4);
	say("  %u %s: %s, %s", nr, write ? "writes" : "reads", conf_faults_text(nr, addr),
	    which(nr, addr));
}

int main(void)
{
	conf_tasks_init();
	unsigned got = 0;
	for (unsigned i = 0; i < POOL_N; i++)
		got += conf_sigma0(CONF_ANY_PAGE, 0, L4_IPC_MAPMSG(POOL + 0x1000 * i, 12), 0) != 0;
	conf_mark(POOL, POOL_N, TAG);
	say("pool pages from sigma0: %u", got);
	conf_area_page = pool_page;
	conf_task(B);
	conf_task(C);

	l4_umword_t at[4] = {CONF_AREA, CONF_AREA + 0x5000, CONF_AREA + 0x123000,
			     CONF_AREA + 0x8fff000};
	say("B writes to four fresh pages");
	for (unsigned i = 0; i < 4; i++)
		touch(B, at[i], 1);
	unsigned words = 0;
	for (unsigned i = 0; i < 4; i++)
		words += conf_read(A, POOL + 0x1000 * i + 4) == 0x1000 + B;
	say("A sees B's words in its pool pages: %u of 4", words);
	say("B again");
	touch(B, at[0], 1);
	say("C reads two of the addresses");
	touch(C, at[0], 0);
	touch(C, at[3], 0);
	say("A flushes pool page 1 from the other spaces");
	conf_unmap(A, l4_fpage(POOL + 0x1000, 12, 0, 0), L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES);
	touch(B, at[1], 0);
	touch(B, at[2], 0);
	return 0;
}
