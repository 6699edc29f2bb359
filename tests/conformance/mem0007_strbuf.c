/* MEM0007: long IPC into a receive buffer on pages the receiver's user-level pager supplies. */
/* Task A (4) sends a 6000-byte string to task B (5), whose receive buffer spans two pages B has
 * never touched. Its pager (a thread of A, not sigma0) sees both faults as kernel faults
 * (w1 = 0xffffffff) with the write bit, maps the pages, and the string arrives; it lies in the
 * pages the pager gave. Again: no faults. A string from a page A has never touched faults to
 * A's pager as a read. */
#define ID "MEM0007"
#include "conf.h"

#define A   4
#define B   5
#define LEN 6000
#define BUF (CONF_AREA + 0x10800) /* B's buffer: from the middle of a page into the next */
#define SRC (CONF_AREA + 0x20000) /* a page A has not touched */

CONF_MSG(msg, 2, 1);
static struct msg out, in;
static char text[LEN];

/* In B: receives A's long message into buf; *r1 the string's size. */
static l4_umword_t receive(l4_umword_t buf, l4_umword_t *r1)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	conf_msg_init(&in, 2, 1, 0, 0);
	conf_str(&in.str[0], 0, 0, (void *)buf, LEN);
	int err = l4_ipc_receive(conf_tids[A], &in, &w0, &w1, NEVER, &dope);
	*r1 = in.str[0].snd_size;
	return (l4_umword_t)err;
}

static void round_(const char *what, const char *src, unsigned len)
{
	l4_umword_t berr, size;
	l4_msgdope_t dope;
	conf_nfaults = 0;
	conf_start(B, receive, BUF);
	conf_msg_init(&out, 2, 1, 2, 1);
	conf_str(&out.str[0], src, len, 0, 0);
	int err = l4_ipc_call(conf_tids[B], &out, 0, 0, SHORT, &berr, &size, CONF_CMD_TIME, &dope);
	say("%s: 0x%02x, B 0x%02lx, %lu bytes, in the pager's pages: %s", what, err,
	    (unsigned long)berr, (unsigned long)size, okfail(!memcmp((void *)BUF, src, len)));
	say("  faults: %u; B's buffer, first page: %s", conf_nfaults, conf_faults_text(B, BUF));
	say("  B's buffer, second page: %s", conf_faults_text(B, BUF + 0x1000));
	say("  A's string: %s", conf_faults_text(A, SRC));
}

int main(void)
{
	for (unsigned i = 0; i < LEN; i++)
		text[i] = (char)(i % 251 + 1);
	conf_tasks_init();
	conf_task(B);
	round_("string into fresh pages", text, LEN);
	round_("again", text, LEN);
	round_("from a fresh page of A", (const char *)SRC, 4096);
	return 0;
}
