/* IPC0010: long messages with strings: scatter into several buffers, sizes written back. */
/* String dopes sit behind the size dope's dwords (at other offsets in sender and receiver);
 * strings across pages, empty strings, fewer strings than buffers. */
#define ID "IPC0010"
#include "conf.h"

CONF_MSG(smsg, 4, 3);  /* sender: 4 dwords, then its string dopes */
CONF_MSG(rmsg, 10, 3); /* receiver: 10 dwords, then its buffers */
static struct smsg out[4];
static struct rmsg in;
static char text[3][70000];
static char buf[3][70000];

static const unsigned lens[4][3] = {{100, 0, 0}, {10, 4000, 1}, {0, 0, 0}, {65536, 3, 0}};
static const unsigned nstr[4] = {1, 3, 1, 2};

int main(void)
{
	l4_threadid_t s = conf_spawn(1, conf_sender);
	for (unsigned j = 0; j < 3; j++)
		for (unsigned i = 0; i < sizeof text[j]; i++)
			text[j][i] = (char)(i * 7 + j * 31 + 1);
	for (unsigned k = 0; k < 4; k++) {
		conf_msg_init(&out[k], 4, 3, 4, nstr[k]);
		out[k].dw[2] = 0xd2;
		out[k].dw[3] = 0xd3;
		for (unsigned j = 0; j < 3; j++)
			conf_str(&out[k].str[j], text[j], lens[k][j], 0, 0);
		conf_rounds[k] = (struct conf_round){&out[k], NEVER};
	}
	for (unsigned k = 0; k < 4; k++) {
		conf_msg_init(&in, 10, 3, 0, 0);
		memset(buf, 0x55, sizeof buf);
		for (unsigned j = 0; j < 3; j++)
			conf_str(&in.str[j], 0, 0x5555, buf[j], sizeof buf[j]);
		l4_msgdope_t dope;
		int serr, err = conf_exchange(s, k, &in, NEVER, &dope, &serr);
		say("round %u, %u strings: 0x%02x, sender 0x%02x, result %u dwords %u strings", k,
		    nstr[k], err, serr, dope.md.dwords, dope.md.strings);
		say("  written back: %u dwords %u strings, dwords %s", in.send.md.dwords,
		    in.send.md.strings, okfail(in.dw[2] == 0xd2 && in.dw[3] == 0xd3));
		for (unsigned j = 0; j < nstr[k]; j++) {
			unsigned n = lens[k][j];
			int same = !memcmp(buf[j], text[j], n), after = buf[j][n] == 0x55;
			say("  string %u: size %u, contents %s, buffer after it %s", j,
			    in.str[j].snd_size, okfail(same), after ? "untouched" : "WRITTEN");
		}
	}
	return 0;
}
