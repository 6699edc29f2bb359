/* MEM0011: the receiver's fpage bit (m, dope 0x02) means "fpage(s) received": it is set only
 * when a page was really mapped into the receiver. */
/* Task A (4) sends task B (5) map messages, short (B receives with a register-only rmap
 * descriptor) and long (B's window at +0 of its buffer): fpages of pages A holds, of pages it
 * does not hold, and into a receive window smaller than a page. B shows its dope's m bit and
 * what it got in its window. */
#define ID "MEM0011"
#include "conf.h"

#define A      4
#define B      5
#define HELD   (CONF_AREA + 0x10000)  /* 4 pages A holds, page i marked TAG + i */
#define EMPTY  (CONF_AREA + 0x100000) /* 16 pages nobody ever touched */
#define WINDOW (CONF_AREA + 0x08000000)
#define TAG    0x4d4d0000UL

CONF_MSG(msg, 4, 0);
static struct msg out, in;
static int berr;
static l4_msgdope_t bdope;

/* In B: one receive from A, register-only into the rmap window rcv (an L4_IPC_MAPMSG), or
 * into the long buffer whose window is the fpage word win when rcv is 0. */
static l4_umword_t receive_in_b(l4_umword_t rcv, l4_umword_t *r1)
{
	l4_umword_t w0, w1;
	(void)r1;
	conf_msg_init(&in, 4, 0, 0, 0);
	in.fpage.fpage = conf_arg.a;
	berr =
	    l4_ipc_receive(conf_tids[A], rcv ? (void *)rcv : (void *)&in, &w0, &w1, NEVER, &bdope);
	return 0;
}

static l4_umword_t fpage_of(l4_umword_t addr, unsigned log2)
{
	return l4_fpage(addr, log2, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
}

/* Sends fp (send base 0) to B, short into rmap window (addr, log2), or as the first of the
 * pairs of a long message when second is not ~0 (second: the fpage of the second pair). */
static void send(const char *what, l4_umword_t fp, l4_umword_t second, unsigned log2, unsigned k)
{
	l4_umword_t w0, w1, slot = WINDOW + 0x10000 * k;
	l4_msgdope_t dope;
	int err;
	if (second == ALL_ONES) {
		conf_start(B, receive_in_b, (l4_umword_t)L4_IPC_MAPMSG(slot, log2));
		err = l4_ipc_call(conf_tids[B], L4_IPC_SHORT_FPAGE, 0, fp, SHORT, &w0, &w1,
				  CONF_CMD_TIME, &dope);
	} else {
		conf_arg.a = l4_fpage(slot, log2, 0, 0).fpage;
		conf_start(B, receive_in_b, 0);
		out.size = L4_IPC_DOPE(4, 0);
		out.send = L4_IPC_DOPE(4, 0);
		out.dw[0] = 0;
		out.dw[1] = fp;
		out.dw[2] = 0x2000;
		out.dw[3] = second;
		err = l4_ipc_call(conf_tids[B], (void *)((l4_umword_t)&out | 2), out.dw[0],
				  out.dw[1], SHORT, &w0, &w1, CONF_CMD_TIME, &dope);
	}
	const char *pages = conf_pages(B, slot, 4, TAG); /* B has finished */
	say("%s: A 0x%02x, B 0x%02x, B's m %u; window:%s", what, err, berr,
	    l4_ipc_fpage_received(bdope), pages);
}

int main(void)
{
	conf_tasks_init();
	conf_task(B);
	conf_mark(HELD, 4, TAG);
	send("short, a page A holds", fpage_of(HELD, 12), ALL_ONES, 16, 0);
	send("short, a page A does not hold", fpage_of(EMPTY, 12), ALL_ONES, 16, 1);
	send("short, 16 pages A does not hold", fpage_of(EMPTY, 16), ALL_ONES, 16, 2);
	send("short, a page A holds, window of size 0", fpage_of(HELD + 0x1000, 12), ALL_ONES, 0,
	     3);
	send("short, a page A holds, window of 2 KiB", fpage_of(HELD + 0x1000, 12), ALL_ONES, 11,
	     4);
	send("long, two fpages A does not hold", fpage_of(EMPTY, 12), fpage_of(EMPTY + 0x1000, 12),
	     16, 5);
	send("long, one A does not hold, one it holds", fpage_of(EMPTY, 12),
	     fpage_of(HELD + 0x2000, 12), 16, 6);
	send("long, a page A holds, window of size 0", fpage_of(HELD + 0x3000, 12),
	     fpage_of(EMPTY, 12), 0, 7);
	return 0;
}
