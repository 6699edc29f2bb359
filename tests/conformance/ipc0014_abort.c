/* IPC0014: lthread_ex_regs during a long IPC's page fault aborts both sides: 0xC0 / 0xD0. */
/* Either partner may be the one changed, the fault may be in either buffer; a pager that takes
 * the fault and never answers lets the page-fault timeout expire instead. */
#define ID "IPC0014"
#include "conf.h"

#define LEN (2 * 4096)
CONF_MSG(msg, 2, 1);
static struct msg out, in;
/* The faulting addresses go into the pager's messages, which the trace matrix compares across
 * ISAs: on a 1 MiB boundary they do not depend on how long each ISA's code is. */
static struct {
	char fresh[8][LEN]; /* never touched by the program */
	char buf[LEN];
} mem __attribute__((aligned(0x100000)));
#define fresh mem.fresh
#define buf   mem.buf
static char text[LEN];

static const struct {
	const char *what;
	int fault_in_sender;
	int cancel_sender; /* -1: no cancel, the page-fault timeout is 1 ms */
} rounds[] = {
    {"fault in the receiver's buffer, receiver cancelled", 0, 0},
    {"fault in the receiver's buffer, sender cancelled", 0, 1},
    {"fault in the sender's string, receiver cancelled", 1, 0},
    {"fault in the sender's string, sender cancelled", 1, 1},
    {"fault in the receiver's buffer, pager holds it 1 ms", 0, -1},
    {"fault in the sender's string, pager holds it 1 ms", 1, -1},
};
static unsigned cur;

/* lthread 10 + 2k receives round k (openly: 11 + 2k may not exist yet when it starts) from
 * 11 + 2k, which sends; both report to main. */
static void receiver(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	conf_msg_init(&in, 2, 1, 0, 0);
	conf_str(&in.str[0], 0, 0, rounds[cur].fault_in_sender ? buf : fresh[cur], LEN);
	int err = l4_ipc_wait(&src, &in, &w0, &w1,
			      L4_IPC_TIMEOUT(0, 0, 0, 0, 0, rounds[cur].cancel_sender < 0 ? 10 : 0),
			      &dope);
	conf_send(conf_id(0), (l4_umword_t)err, 0, NEVER);
}

static void sender(void)
{
	l4_msgdope_t dope;
	conf_msg_init(&out, 2, 1, 2, 1);
	conf_str(&out.str[0], rounds[cur].fault_in_sender ? fresh[cur] : text, LEN, 0, 0);
	int err = l4_ipc_send(conf_id(l4_myself().id.lthread - 1), &out, 0, 0,
			      L4_IPC_TIMEOUT(0, 0, 0, 0, rounds[cur].cancel_sender < 0 ? 10 : 0, 0),
			      &dope);
	conf_send(conf_id(0), (l4_umword_t)err, 0, NEVER);
}

int main(void)
{
	memset(buf, 0x55, LEN);
	memset(text, 0x66, LEN);
	l4_threadid_t holder = conf_spawn(2, conf_pager);
	conf_hold = 1;
	for (cur = 0; cur < sizeof rounds / sizeof rounds[0]; cur++) {
		unsigned r = 10 + 2 * cur, s = r + 1;
		conf_spawn_paged(r, receiver, holder);
		conf_spawn_paged(s, sender, holder);
		l4_umword_t addr, from, rerr, serr;
		conf_recv(holder, &addr, &from, NEVER); /* the pager got the fault */
		say("%s:", rounds[cur].what);
		unsigned owner = rounds[cur].fault_in_sender ? s : r;
		say("  the pager got it from the buffer's owner: %s, as a %s fault",
		    okfail(from == owner), addr & 2 ? "write" : "read");
		if (rounds[cur].cancel_sender >= 0)
			conf_cancel(rounds[cur].cancel_sender ? s : r);
		conf_recv(conf_id(r), &rerr, 0, NEVER);
		conf_recv(conf_id(s), &serr, 0, NEVER);
		say("  receiver 0x%02x, sender 0x%02x", rerr, serr);
	}
	return 0;
}
