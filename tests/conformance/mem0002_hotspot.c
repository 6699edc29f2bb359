/* MEM0002: the hot spot: send fpages smaller than, as large as and larger than the window. */
/* Task A (4) sends parts of its marked 64 KiB region and of a 4 MiB superpage to task B (5),
 * each into a fresh window. Liedtke's rule (reference §3.3): a smaller fpage lands at
 * window + (send base mod window size), rounded down to its own size; of a larger one only the
 * window-sized, aligned part that holds (send base mod fpage size) is mapped, at the window.
 * Only pages A has are mapped; a page that would land on another frame B has is skipped.
 * Each line shows B's window page by page: the index of A's page found there, or '-'. */
#define ID "MEM0002"
#include "conf.h"

#define A      4
#define B      5
#define REGION (CONF_AREA + 0x10000)  /* 64 KiB, page i marked TAG + i */
#define HOLES  (CONF_AREA + 0x20000)  /* 64 KiB, only pages 1, 6 and 7 there */
#define SUPER  (CONF_AREA + 0x400000) /* 4 MiB, page i marked TAG + i */
#define TAG    0x4d450000UL

static unsigned slot; /* a fresh slot for each window */

/* B's 4 MiB slot k for windows. */
static l4_umword_t window(unsigned k)
{
	return CONF_AREA + 0x08000000 + 0x400000 * k;
}

/* Sends (snd_base, fpage of log2 at addr) into window (slot k, log2 wlog2) and shows window
 * pages first .. first + n - 1. */
static void place_at(const char *what, l4_umword_t addr, unsigned log2, l4_umword_t snd_base,
		     unsigned k, unsigned wlog2, unsigned first, unsigned n)
{
	int got, err = conf_map(A, B, snd_base, l4_fpage(addr, log2, L4_FPAGE_RW, L4_FPAGE_MAP),
				L4_IPC_MAPMSG(window(k), wlog2), &got);
	say("%s: 0x%02x %s", what, err, got ? "m" : "-");
	say("  window pages %u-%u:%s", first, first + n - 1,
	    conf_pages(B, window(k) + first * 4096, n, TAG));
}

static void place(const char *what, l4_umword_t addr, unsigned log2, l4_umword_t snd_base,
		  unsigned wlog2, unsigned first, unsigned n)
{
	place_at(what, addr, log2, snd_base, slot++, wlog2, first, n);
}

int main(void)
{
	conf_tasks_init();
	conf_task(B);
	conf_mark(REGION, 16, TAG);
	conf_mark(HOLES + 0x1000, 1, TAG + 1);
	conf_mark(HOLES + 0x6000, 2, TAG + 6);
	l4_fpage_t fp = {.fpage =
			     conf_sigma0(0x04000000 | 1, 22 << 2, L4_IPC_MAPMSG(SUPER, 22), 0)};
	say("sigma0's superpage: fpage size %u", fp.fp.size);
	conf_mark(SUPER, 1024, TAG);

	place("4 KiB (page 5), send base 0x3000, 64 KiB window", REGION + 0x5000, 12, 0x3000, 16, 0,
	      16);
	place("4 KiB (page 5), send base 0x12345000, 64 KiB window", REGION + 0x5000, 12,
	      0x12345000, 16, 0, 16);
	place("16 KiB (pages 4-7), send base 0x8000, 64 KiB window", REGION + 0x4000, 14, 0x8000,
	      16, 0, 16);
	place("16 KiB (pages 4-7), send base 0x9000, 64 KiB window", REGION + 0x4000, 14, 0x9000,
	      16, 0, 16);
	place("64 KiB, send base 0x7000, 4 MiB window", REGION, 16, 0x7000, 22, 0, 20);
	place("64 KiB, send base 0x230000, 4 MiB window", REGION, 16, 0x230000, 22, 558, 20);
	place("4 KiB (page 5), send base 0x3ff000, 4 MiB window", REGION + 0x5000, 12, 0x3ff000, 22,
	      1020, 4);

	place("4 KiB (page 5), send base 0x5000, 4 KiB window", REGION + 0x5000, 12, 0x5000, 12, 0,
	      1);
	place("64 KiB, send base 0x7000, 64 KiB window", REGION, 16, 0x7000, 16, 0, 16);
	place("4 MiB, send base 0x123000, 4 MiB window", SUPER, 22, 0x123000, 22, 0, 3);

	place("64 KiB, send base 0x9000, 16 KiB window", REGION, 16, 0x9000, 14, 0, 4);
	place("64 KiB, send base 0x12345e00, 4 KiB window", REGION, 16, 0x12345e00, 12, 0, 1);
	place("4 MiB, send base 0x123000, 64 KiB window", SUPER, 22, 0x123000, 16, 0, 16);
	place("4 MiB, send base 0x3f0000, 64 KiB window", SUPER, 22, 0x3f0000, 16, 0, 16);
	place("the whole space, send base at page 300 of the superpage, 64 KiB window", 0, 32,
	      SUPER + 0x12c000, 16, 0, 16);

	place("64 KiB with holes (A has pages 1, 6, 7), 64 KiB window", HOLES, 16, 0, 16, 0, 16);
	place_at("16 KiB (pages 8-11) onto the first window, where B has page 5 at 3",
		 REGION + 0x8000, 14, 0, 0, 16, 0, 16);
	return 0;
}
