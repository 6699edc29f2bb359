/* IPC0011: message cut on both sides: REMSGCUT 0xE0 (receiver), SEMSGCUT 0xF0 (sender). */
/* Too many dwords, too few string buffers, a string buffer too small, a long message to a
 * register-only receiver; messages that just fit are not cut. */
#define ID "IPC0011"
#include "conf.h"

CONF_MSG(msg, 8, 2);
static struct msg out[7], in;
static char text[200], buf[2][100];

static const struct {
	const char *what;
	unsigned snd_dw, snd_str, len, rcv_dw, rcv_str, rcv_room;
	int long_buffer;
} cases[] = {
    {"8 dwords into 4", 8, 0, 0, 4, 0, 0, 1},
    {"4 dwords into 4", 4, 0, 0, 4, 0, 0, 1},
    {"2 strings into 1 buffer", 2, 2, 10, 2, 1, 100, 1},
    {"100 bytes into 50", 2, 1, 100, 2, 1, 50, 1},
    {"100 bytes into 100", 2, 1, 100, 2, 1, 100, 1},
    {"4 dwords into registers", 4, 0, 0, 0, 0, 0, 0},
    {"a string into registers", 2, 1, 10, 0, 0, 0, 0},
};

int main(void)
{
	l4_threadid_t s = conf_spawn(1, conf_sender);
	for (unsigned k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		conf_msg_init(&out[k], 8, 2, cases[k].snd_dw, cases[k].snd_str);
		conf_str(&out[k].str[0], text, cases[k].len, 0, 0);
		conf_str(&out[k].str[1], text, cases[k].len, 0, 0);
		conf_rounds[k] = (struct conf_round){&out[k], NEVER};

		/* The receiver's string dopes sit right behind its rcv_dw dwords. */
		conf_msg_init(&in, cases[k].rcv_dw, cases[k].rcv_str, 0, 0);
		l4_strdope_t *sd = (l4_strdope_t *)&in.dw[cases[k].rcv_dw];
		for (unsigned j = 0; j < cases[k].rcv_str; j++)
			conf_str(&sd[j], 0, 0, buf[j], cases[k].rcv_room);
		l4_msgdope_t dope;
		int serr, err = conf_exchange(s, k, cases[k].long_buffer ? &in : SHORT, NEVER,
					      &dope, &serr);
		say("%s: receiver 0x%02x, sender 0x%02x", cases[k].what, err, serr);
	}
	return 0;
}
