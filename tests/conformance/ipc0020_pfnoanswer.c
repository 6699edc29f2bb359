/* IPC0020: page-fault timeouts bound a pager that receives the fault and never answers, on both
 * sides (IPC0013 has one that never receives): the kernel's page-fault RPC waits for the reply
 * only as long as the page-fault timeout, then ends the transfer with RESNDPFTO/SESNDPFTO (fault
 * in the receiver's buffer, sender's snd_pfault) or RERCVPFTO/SERCVPFTO (fault in the sender's
 * string, receiver's rcv_pfault); 15 means at once. The pager did receive every fault. */
#define ID "IPC0020"
#include "conf.h"

#define LEN 4096
static char text[LEN], buf[LEN];
static char fresh[4][LEN] __attribute__((aligned(4096))); /* never touched by the program */
static volatile unsigned received;

/* lthread 2: takes every page fault and answers none. */
static void deaf_pager(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	for (;;)
		if (!l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope) && w1 == ALL_ONES)
			received++;
}

/* Round k: src goes to dst; lthread who (0: main, the receiver; 1: the sender) is paged by the
 * deaf pager meanwhile, if deaf. */
static void round_(l4_threadid_t sender, unsigned k, const char *what, const char *src, char *dst,
		   l4_timeout_t snd_to, l4_timeout_t rcv_to, unsigned who, int deaf,
		   l4_cpu_time_t least)
{
	void *in = conf_string_round(k, src, dst, LEN, snd_to);
	l4_threadid_t old = conf_pager_of(who);
	conf_set_pager(who, deaf ? conf_id(2) : old);
	l4_cpu_time_t t0 = conf_now();
	l4_msgdope_t dope;
	int serr, err = conf_exchange(sender, k, in, rcv_to, &dope, &serr);
	const char *took = conf_took(t0, least);
	conf_set_pager(who, old);
	say("%s: receiver 0x%02x, sender 0x%02x, in time: %s", what, err, serr, took);
}

int main(void)
{
	l4_threadid_t s = conf_spawn(1, conf_sender);
	conf_spawn(2, deaf_pager);
	for (unsigned i = 0; i < LEN; i++)
		text[i] = (char)i;
	/* every page main and the sender need is theirs after this, so that only the buffers fault
	 */
	round_(s, 4, "warm-up with the ordinary pager", text, buf, NEVER, NEVER, 0, 0, 0);
	round_(s, 0, "fault in the receiver's buffer, sender's snd_pfault 1 ms", text, fresh[0],
	       L4_IPC_TIMEOUT(0, 0, 0, 0, 10, 0), NEVER, 0, 1, 1024);
	round_(s, 1, "fault in the sender's string, receiver's rcv_pfault 1 ms", fresh[1], buf,
	       NEVER, L4_IPC_TIMEOUT(0, 0, 0, 0, 0, 10), 1, 1, 1024);
	round_(s, 2, "fault in the receiver's buffer, sender's snd_pfault 0", text, fresh[2],
	       L4_IPC_TIMEOUT(0, 0, 0, 0, 15, 0), NEVER, 0, 1, 0);
	round_(s, 3, "fault in the sender's string, receiver's rcv_pfault 0", fresh[3], buf, NEVER,
	       L4_IPC_TIMEOUT(0, 0, 0, 0, 0, 15), 1, 1, 0);
	conf_settle();
	say("the pager received %u faults", received);
	return 0;
}
