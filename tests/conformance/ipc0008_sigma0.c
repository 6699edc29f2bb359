/* IPC0008: short fpage replies (sigma0 protocol): frames mapped into receive windows. */
/* A call to sigma0 with a receive fpage maps the asked-for frame there (dope bit m, 0x02);
 * frames are shared between windows and placed by the hot spot in a larger window; the KIP
 * comes read-only; refusals are plain 0-word replies. */
#define ID "IPC0008"
#include "conf.h"

#define FRAME  0x06003000UL /* a free physical frame (96 MiB + 12 KiB) */
#define WINDOW 0x40000000UL /* an unused part of the address space on every ISA */
#define ANY    0xfffffffcUL

static l4_threadid_t sigma0;

/* Asks sigma0 for w0/w1 with the receive window (base, log2 size); prints the reply. */
static l4_fpage_t ask(const char *what, l4_umword_t w0, l4_umword_t w1, l4_umword_t base,
		      unsigned log2)
{
	l4_umword_t r0, r1;
	l4_msgdope_t dope;
	int err =
	    l4_ipc_call(sigma0, SHORT, w0, w1, L4_IPC_MAPMSG(base, log2), &r0, &r1, NEVER, &dope);
	l4_fpage_t fp = {.fpage = r1};
	say("%s: 0x%02x, fpage received %s, fpage size %u write %u", what, err,
	    l4_ipc_fpage_received(dope) ? "yes" : "no", fp.fp.size, fp.fp.write);
	if (!(w0 & ~L4_PAGEMASK)) /* a frame request */
		say("  snd_base is the frame asked for: %s",
		    okfail(r0 == (l4_ipc_fpage_received(dope) ? w0 : 0)));
	return fp;
}

int main(void)
{
	sigma0 = conf_pager_of(0);
	say("pager of main: %x.%02x", sigma0.id.task, sigma0.id.lthread);
	l4_kernel_info_t *kip = l4_kernel_interface();

	ask("frame at the window", FRAME, 0, WINDOW, 12);
	volatile l4_umword_t *a = (l4_umword_t *)WINDOW;
	a[0] = 0x600dcafe;
	a[1023] = 0x12345678;
	ask("same frame again, second window", FRAME, 0, WINDOW + 0x1000, 12);
	volatile l4_umword_t *b = (l4_umword_t *)(WINDOW + 0x1000);
	say("second window shows the first one's words: %s",
	    okfail(b[0] == 0x600dcafe && b[1023] == 0x12345678));
	b[1] = 0xbeef;
	say("and the first shows writes to the second: %s", okfail(a[1] == 0xbeef));

	/* A 64 KiB window: the 4 KiB frame lands at window + (frame mod 64 KiB). */
	ask("same frame into a 64 KiB window", FRAME, 0, WINDOW + 0x10000, 16);
	volatile l4_umword_t *c = (l4_umword_t *)(WINDOW + 0x10000 + (FRAME & 0xffff));
	say("hot spot placement: %s", okfail(c[0] == 0x600dcafe));

	ask("the KIP (w0 = 1, w1 = 1)", 1, 1, WINDOW + 0x20000, 12);
	l4_kernel_info_t *k2 = (l4_kernel_info_t *)(WINDOW + 0x20000);
	say("KIP magic there: %s, the same as the auto-mapped KIP up to the clock: %s",
	    okfail(k2->magic == L4_KERNEL_INFO_MAGIC),
	    okfail(!memcmp(k2, kip, __builtin_offsetof(l4_kernel_info_t, clock))));

	l4_fpage_t fp = ask("any free page", ANY, 0, WINDOW + 0x30000, 12);
	volatile l4_umword_t *d = (l4_umword_t *)(WINDOW + 0x30000);
	d[5] = 55;
	say("it is memory: %s, page-aligned frame below the memory end: %s", okfail(d[5] == 55),
	    okfail((fp.fpage & L4_PAGEMASK) < kip->main_memory.high));

	ask("a frame of sigma0's own", kip->sigma0_memory.low, 0, WINDOW + 0x40000, 12);
	ask("a frame beyond the memory", kip->main_memory.high + 0x100000, 0, WINDOW + 0x40000, 12);
	return 0;
}
