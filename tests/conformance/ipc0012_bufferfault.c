/* IPC0012: page faults in long-IPC buffers go to the owner's pager; the message arrives. */
/* The pager sees w0 = address | write bit and w1 = 0xffffffff; fresh bss, heap and dword
 * areas, with sigma0 or with user-level pagers. */
#define ID "IPC0012"
#include "conf.h"
#include <stdlib.h>

#define LEN (3 * 4096)
CONF_MSG(smsg, 3000, 1);
CONF_MSG(rmsg, 3000, 1);
static struct smsg out[7];
static struct rmsg in __attribute__((aligned(4096)));
static char text[LEN], buf[LEN];
/* Never touched by the program itself: each is paged in during a transfer. */
static char fresh[6][LEN] __attribute__((aligned(4096)));

static int all(const char *p, unsigned n, int (*ok)(const char *, unsigned))
{
	for (unsigned i = 0; i < n; i++)
		if (!ok(p, i))
			return 0;
	return 1;
}

static int is_text(const char *p, unsigned i)
{
	return p[i] == (char)(i % 251);
}

static int is_zero(const char *p, unsigned i)
{
	return p[i] == 0;
}

/* Round k: the sender's string src (len bytes, plus dwords), main's buffer dst. */
static void round_(l4_threadid_t s, unsigned k, const char *what, const char *src, char *dst,
		   unsigned dwords)
{
	conf_msg_init(&out[k], 3000, 1, dwords, src ? 1 : 0);
	conf_str(&out[k].str[0], src, LEN, 0, 0);
	conf_rounds[k] = (struct conf_round){&out[k], NEVER};
	conf_msg_init(&in, 3000, 1, 0, 0);
	conf_str(&in.str[0], 0, 0, dst, LEN);
	conf_nfaults = 0;
	l4_msgdope_t dope;
	int serr, err = conf_exchange(s, k, &in, NEVER, &dope, &serr);
	say("%s: 0x%02x, sender 0x%02x, %u dwords %u strings", what, err, serr, dope.md.dwords,
	    dope.md.strings);
	if (src)
		say("  %u bytes arrived: %s", in.str[0].snd_size,
		    okfail(all(dst, LEN, src == text ? is_text : is_zero)));
	unsigned right = 0;
	for (unsigned i = 2; i < dwords; i++)
		right += in.dw[i] == out[k].dw[i];
	if (dwords > 2)
		say("  %u of %u dwords arrived", right, dwords - 2);
	for (unsigned pager = 2; pager <= 3; pager++) /* main's pager, then the sender's */
		for (unsigned i = 0; i < conf_nfaults; i++) {
			struct conf_fault *f = &conf_faults[i];
			const char *base = pager == 2 ? dst : src;
			if (f->pager == pager)
				say("  pager %u: fault from lthread %u at page %ld of the %s, %s",
				    pager, f->from, (long)(f->addr - (l4_umword_t)base) / 4096,
				    pager == 2 ? "buffer" : "string", f->write ? "write" : "read");
		}
}

int main(void)
{
	l4_threadid_t s = conf_spawn(1, conf_sender);
	for (unsigned i = 0; i < LEN; i++)
		text[i] = (char)(i % 251);
	for (unsigned i = 0; i < 3000; i++)
		out[0].dw[i] = i * 3;

	/* sigma0 pages: main's and the sender's pager. */
	round_(s, 0, "string into fresh bss", text, fresh[0], 2);
	char *heap = malloc(LEN);
	round_(s, 1, "string into fresh heap", text, heap, 2);
	memset(buf, 0x55, LEN);
	round_(s, 2, "string from fresh bss", fresh[1], buf, 2);
	round_(s, 0, "3000 dwords, partly into fresh pages", 0, 0, 3000);

	/* User-level pagers: lthread 2 pages main, lthread 3 the sender. */
	conf_spawn(2, conf_pager);
	conf_spawn(3, conf_pager);
	conf_set_pager(0, conf_id(2));
	conf_set_pager(1, conf_id(3));
	round_(s, 4, "fresh string into fresh buffer, own pagers", fresh[2], fresh[3], 2);
	round_(s, 5, "string into fresh buffer, own pagers", text, fresh[4], 2);
	memset(buf, 0x55, LEN);
	round_(s, 6, "fresh string into buffer, own pagers", fresh[5], buf, 2);
	return 0;
}
