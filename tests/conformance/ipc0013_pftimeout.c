/* IPC0013: page-fault timeouts of long IPC: 0x80/0x90 and 0xA0/0xB0, from the right field. */
/* A fault in the receiver's buffer is bounded by the sender's snd_pfault (RESNDPFTO 0x80 /
 * SESNDPFTO 0x90), one in the sender's string by the receiver's rcv_pfault (RERCVPFTO 0xA0 /
 * SERCVPFTO 0xB0); 15 means 0, 0 infinite. */
#define ID "IPC0013"
#include "conf.h"

#define LEN (2 * 4096)
static char text[LEN], buf[LEN];
static char fresh[8][LEN] __attribute__((aligned(4096))); /* never touched by the program */

/* A timeout word with infinite send/receive timeouts and page-fault timeouts spf/rpf. */
#define PF(spf, rpf) L4_IPC_TIMEOUT(0, 0, 0, 0, spf, rpf)

/* Round k: the sender's string src goes to main's buffer dst; who (if not nil) pages the
 * thread whose buffer is fresh for the duration of the round. */
static void round_(l4_threadid_t s, unsigned k, const char *what, const char *src, char *dst,
		   l4_timeout_t snd_to, l4_timeout_t rcv_to, unsigned who, l4_threadid_t pager)
{
	void *in = conf_string_round(k, src, dst, LEN, snd_to);
	l4_threadid_t old = conf_pager_of(who);
	if (!l4_is_nil_id(pager))
		conf_set_pager(who, pager);
	l4_cpu_time_t t0 = conf_now();
	l4_msgdope_t dope;
	int serr, err = conf_exchange(s, k, in, rcv_to, &dope, &serr);
	conf_set_pager(who, old);
	say("%s: receiver 0x%02x, sender 0x%02x", what, err, serr);
	if (!l4_is_nil_id(pager))
		say("  it took at least 1 ms: %s", conf_took(t0, 1024));
}

int main(void)
{
	l4_threadid_t s = conf_spawn(1, conf_sender), busy = conf_spawn(2, conf_park);
	l4_threadid_t none = L4_NIL_ID;
	for (unsigned i = 0; i < LEN; i++)
		text[i] = (char)i;
	memset(buf, 0x55, LEN);

	round_(s, 0, "fault in the receiver's buffer, sender's snd_pfault 0", text, fresh[0],
	       PF(15, 0), PF(0, 0), 0, none);
	round_(s, 1, "fault in the sender's string, receiver's rcv_pfault 0", fresh[1], buf,
	       PF(0, 0), PF(0, 15), 1, none);
	round_(s, 2, "fault in the receiver's buffer, receiver's rcv_pfault 0", text, fresh[2],
	       PF(0, 15), PF(15, 15) /* main's snd_pfault does not count either */, 0, none);
	say("  data arrived: %s", okfail(!memcmp(fresh[2], text, LEN)));
	round_(s, 3, "fault in the sender's string, sender's snd_pfault 0", fresh[3], buf,
	       PF(15, 15), PF(0, 0), 1, none);
	say("  data arrived: %s", okfail(!memcmp(buf, fresh[3], LEN)));
	round_(s, 4, "receiver's pager busy, sender's snd_pfault 1 ms", text, fresh[4], PF(10, 0),
	       PF(0, 0), 0, busy);
	round_(s, 5, "sender's pager busy, receiver's rcv_pfault 1 ms", fresh[5], buf, PF(0, 0),
	       PF(0, 10), 1, busy);
	round_(s, 6, "again with infinite page-fault timeouts", text, fresh[0], NEVER, NEVER, 0,
	       none);
	say("  data arrived: %s", okfail(!memcmp(fresh[0], text, LEN)));
	return 0;
}
