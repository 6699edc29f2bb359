/* IPC0009: long messages with dwords: V2 buffer layout, copied dwords, dope written back. */
/* Size dope and send dope, dword 0 and 1 in registers and never in memory, dwords 2.. up to
 * the send dope's count; register messages into long buffers, short long messages into
 * register-only receivers. */
#define ID "IPC0009"
#include "conf.h"

CONF_MSG(msg, 16, 1);
static struct msg out[4], in;

static void fill(struct msg *m, unsigned k, unsigned send_dw)
{
	conf_msg_init(m, 16, 0, send_dw, 0);
	for (unsigned i = 0; i < 16; i++)
		m->dw[i] = 0x1000 * (k + 1) + i;
}

/* Receives round k into the long buffer (or register-only) and prints what arrived. */
static void round_(l4_threadid_t s, unsigned k, const char *what, int long_buffer)
{
	conf_msg_init(&in, 16, 0, 0, 0);
	for (unsigned i = 0; i < 16; i++)
		in.dw[i] = 0xaaaa;
	l4_msgdope_t dope;
	int serr, err = conf_exchange(s, k, long_buffer ? &in : SHORT, NEVER, &dope, &serr);
	say("%s: 0x%02x, sender 0x%02x, result dope %u dwords %u strings", what, err, serr,
	    dope.md.dwords, dope.md.strings);
	if (!long_buffer)
		return;
	say("  written back: %u dwords %u strings; size dope kept: %s", in.send.md.dwords,
	    in.send.md.strings, okfail(in.size.md.dwords == 16 && in.size.md.strings == 0));
	unsigned arrived = 0, untouched = 0;
	for (unsigned i = 0; i < 16; i++) {
		arrived += in.dw[i] == 0x1000 * (k + 1) + i;
		untouched += in.dw[i] == 0xaaaa;
	}
	say("  dwords in memory: %u arrived, %u untouched (dword 0 and 1 %s)", arrived, untouched,
	    in.dw[0] == 0xaaaa && in.dw[1] == 0xaaaa ? "untouched" : "WRITTEN");
}

int main(void)
{
	l4_threadid_t s = conf_spawn(1, conf_sender);
	fill(&out[0], 0, 8);
	fill(&out[1], 1, 16);
	fill(&out[3], 3, 2);
	conf_rounds[0] = (struct conf_round){&out[0], NEVER};
	conf_rounds[1] = (struct conf_round){&out[1], NEVER};
	conf_rounds[2] = (struct conf_round){SHORT, NEVER};
	conf_rounds[3] = (struct conf_round){&out[3], NEVER};
	round_(s, 0, "8 dwords into 16", 1);
	round_(s, 1, "16 dwords into 16", 1);
	round_(s, 2, "register message into a long buffer", 1);
	round_(s, 3, "long message of 2 dwords into registers", 0);
	round_(s, 3, "long message of 2 dwords into a long buffer", 1);
	return 0;
}
