/* MEM0008: map messages: several fpages in a long message, receive windows, message cut. */
/* Task A (4) sends task B (5) map messages (send descriptor bit 1): the (send base, fpage)
 * pairs lead the message, w0/w1 first, and mapping stops at the first invalid fpage; all the
 * words arrive as data too. B's window is the fpage at +0 of its long buffer; without a window
 * (0 there, or a register-only receive without rmap) the message is cut: B 0xE0, A 0xF0. */
#define ID "MEM0008"
#include "conf.h"

#define A      4
#define B      5
#define REGION (CONF_AREA + 0x10000) /* 64 KiB, page i marked TAG + i */
#define WINDOW (CONF_AREA + 0x08000000)
#define TAG    0x4d4d0000UL

CONF_MSG(msg, 10, 0);
static struct msg out, in;

static l4_umword_t pair(unsigned first, unsigned log2)
{
	return l4_fpage(REGION + first * 4096, log2, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
}

static void put(unsigned i, l4_umword_t snd_base, l4_umword_t fpage)
{
	out.dw[i] = snd_base;
	out.dw[i + 1] = fpage;
}

static int berr;
static l4_msgdope_t bdope;

/* In B: receives A's message into the long buffer with receive window win (0: none). */
static l4_umword_t receive(l4_umword_t win, l4_umword_t *r1)
{
	l4_umword_t w0, w1;
	(void)r1;
	conf_msg_init(&in, 10, 0, 0, 0);
	in.fpage.fpage = win;
	memset(in.dw, 0, sizeof in.dw);
	berr = l4_ipc_receive(conf_tids[A], &in, &w0, &w1, NEVER, &bdope);
	return 0;
}

/* Sends the message (dwords words of out, w0/w1 = the first pair) as a map message to B's
 * receive(win), where win is slot k or 0; shows B's slot k. */
static void send_map(const char *what, unsigned dwords, int win, unsigned k)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_umword_t slot = WINDOW + 0x10000 * k;
	out.size = L4_IPC_DOPE(10, 0);
	out.send = L4_IPC_DOPE(dwords, 0);
	conf_start(B, receive, win ? l4_fpage(slot, 16, 0, 0).fpage : 0);
	int err = l4_ipc_call(conf_tids[B], (void *)((l4_umword_t)&out | 2), out.dw[0], out.dw[1],
			      SHORT, &w0, &w1, CONF_CMD_TIME, &dope);
	const char *pages = conf_pages(B, slot, 16, TAG); /* B has finished */
	unsigned same = 0;
	for (unsigned i = 2; i < dwords; i++)
		same += in.dw[i] == out.dw[i];
	say("%s: A 0x%02x, B 0x%02x", what, err, berr);
	if (!err) /* which parts of a cut message arrive is undefined */
		say("  B's dope: m %u, %u dwords, %u of them data as sent",
		    l4_ipc_fpage_received(bdope), bdope.md.dwords, same);
	say("  window:%s", pages);
}

int main(void)
{
	conf_tasks_init();
	conf_task(B);
	conf_mark(REGION, 16, TAG);
	put(0, 0x1000, pair(1, 12)); /* page 1 to window + 0x1000 */
	put(2, 0x8000, pair(2, 13)); /* pages 2-3 to window + 0x8000 */
	put(4, 0x5000, 0);	     /* invalid: mapping stops here */
	put(6, 0xf000, pair(7, 12)); /* not mapped any more */
	put(8, 0x600d, 0xcafe);	     /* data */
	send_map("pages 1, 2-3, an invalid fpage, page 7", 10, 1, 0);

	put(4, 0xc000, pair(12, 12));
	send_map("the same with page 12 instead of the invalid fpage, 9 dwords", 9, 1, 1);

	put(0, 0x4000, pair(4, 14));
	send_map("pages 4-7 only, 2 dwords", 2, 1, 2);
	send_map("to a long buffer without a window", 10, 0, 3);

	int got, err = conf_map(A, B, 0x4000, (l4_fpage_t){.fpage = pair(4, 14)}, SHORT, &got);
	say("short map message to a register-only receive: 0x%02x", err);
	return 0;
}
