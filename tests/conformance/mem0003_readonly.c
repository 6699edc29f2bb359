/* MEM0003: read-only mappings: reads work, writes fault with the write bit, remaps upgrade. */
/* Task A (4) maps marked pages to task B (5) without the write bit, at the same address: B
 * reads them without a fault; B's write faults to B's pager with bit 1 set in w0, from user
 * mode; the pager's answer (A's page, writable) lets the write through to A's page. A writable
 * map after a read-only one lets B write without a fault. Rights never exceed the mapper's: B
 * maps its read-only page writable on to task C (6), and C's writes fault as well. */
#define ID "MEM0003"
#include "conf.h"

#define A   4
#define B   5
#define C   6
#define TAG 0x524f0000UL

/* Maps A's marked page at addr from task `from` to task `to` at the same address. */
static void map(unsigned from, unsigned to, l4_umword_t addr, int write, unsigned k)
{
	conf_mark(addr, 1, TAG + k);
	int got, err = conf_map(from, to, addr, l4_fpage(addr, 12, write, L4_FPAGE_MAP),
				L4_IPC_MAPMSG(addr, 12), &got);
	say("%u maps page %u to %u %s: 0x%02x, fpage received: %s", from, k, to,
	    write ? "writable" : "read-only", err, got ? "yes" : "no");
}

static void reads(unsigned nr, l4_umword_t addr, unsigned k)
{
	conf_nfaults = 0;
	say("  %u reads the page: %s, %s", nr, okfail(conf_read(nr, addr) == TAG + k),
	    conf_faults_text(nr, addr));
}

/* Task nr writes to the page: the faults this raises, and whether A sees the word. */
static void writes(unsigned nr, l4_umword_t addr)
{
	conf_nfaults = 0;
	l4_umword_t word = 0x1000 + nr + conf_read(A, addr + 4);
	conf_write(nr, addr + 4, word);
	say("  %u writes: %s, A sees the word: %s", nr, conf_faults_text(nr, addr),
	    okfail(conf_read(A, addr + 4) == word));
}

int main(void)
{
	l4_umword_t p0 = CONF_AREA, p1 = CONF_AREA + 0x1000, p2 = CONF_AREA + 0x2000;
	conf_tasks_init();
	conf_task(B);
	conf_task(C);

	map(A, B, p0, L4_FPAGE_RO, 0);
	reads(B, p0, 0);
	writes(B, p0);
	writes(B, p0);

	map(A, B, p1, L4_FPAGE_RO, 1);
	reads(B, p1, 1);
	map(A, B, p1, L4_FPAGE_RW, 1);
	writes(B, p1);

	map(A, B, p2, L4_FPAGE_RO, 2);
	map(B, C, p2, L4_FPAGE_RW, 2);
	reads(C, p2, 2);
	writes(C, p2);
	writes(B, p2);
	return 0;
}
