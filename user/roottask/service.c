/*
 * lthread 1, the thread clients know as rmgr_id: receives each request (two words and at most one
 * string), hands it to lthread 0 with a call, and answers as lthread 0 decided, with send timeout
 * 0 as RMGR does: a client that does not wait for its answer loses it.
 */
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/server.h>

#include "frames.h"
#include "roottask.h"

#define STR_MAX 1024 /* RMGR's receive buffer for strings */

static unsigned char stack[8192] __attribute__((aligned(16)));
static char str[STR_MAX + 1];
/* The request lthread 0 is handling: lthread 1 waits in its call meanwhile. Handed over in
 * memory rather than as an address in the message so that the trace stays the same on every
 * ISA (docs/tracing.md). */
static struct request *pending;

struct request *service_pending(void)
{
	return pending;
}

struct msg {
	l4_fpage_t fp;
	l4_msgdope_t size, send;
	l4_umword_t dw[2];
	l4_strdope_t str;
};

static void arm(struct msg *m)
{
	m->fp.fpage = 0;
	m->size = L4_IPC_DOPE(2, 1);
	m->send = L4_IPC_DOPE(2, 1);
	m->str.rcv_str = (l4_umword_t)str;
	m->str.rcv_size = STR_MAX;
	m->str.snd_size = 0;
}

/* Resources go to the sender, or to the chief that deceited on its behalf (RMGR's rule). */
static unsigned owner_of(l4_threadid_t src, l4_msgdope_t dope)
{
	l4_threadid_t near;
	if (!(dope.msgdope & L4_IPC_DECEIT_MASK))
		return src.id.task;
	l4_nchief(src, &near);
	return near.id.task;
}

static void serve(void)
{
	l4_threadid_t pager = loader_thread(0), src;
	struct msg m;
	struct request r;
	l4_msgdope_t dope;
	l4_umword_t w0, w1, a, b;
	arm(&m);
	int err = l4_ipc_wait(&src, &m, &w0, &w1, UMOL4_SERVER_STRING_WAIT, &dope);
	for (;;) {
		if (err) {
			arm(&m);
			err = l4_ipc_wait(&src, &m, &w0, &w1, UMOL4_SERVER_STRING_WAIT, &dope);
			continue;
		}
		l4_size_t len = dope.md.strings ? m.str.snd_size : 0;
		if (len > STR_MAX)
			len = STR_MAX;
		str[len] = 0;
		r = (struct request){.src = src,
				     .owner = owner_of(src, dope),
				     .w0 = w0,
				     .w1 = w1,
				     .str = dope.md.strings ? str : 0,
				     .len = len};
		pending = &r;
		l4_ipc_call(pager, L4_IPC_SHORT_MSG, 0, REQUEST_MAGIC, L4_IPC_SHORT_MSG, &a, &b,
			    L4_IPC_NEVER, &dope);
		arm(&m);
		if (!r.reply) {
			err = l4_ipc_wait(&src, &m, &w0, &w1, UMOL4_SERVER_STRING_WAIT, &dope);
			continue;
		}
		err = l4_ipc_reply_and_wait(r.src, L4_IPC_SHORT_MSG, r.r0, r.r1, &src, &m, &w0, &w1,
					    UMOL4_SERVER_STRING_REPLY_AND_WAIT, &dope);
	}
}

extern const char __l4_image_start[], _etext[]; /* l4.ld */

void service_start(void)
{
	l4_threadid_t me = loader_thread(1), pager = L4_NIL_ID, preempter = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	/* Whether a code page is mapped yet when lthread 1 first runs would depend on the ISA's
	 * code layout, and a page fault then decides which thread runs next: an order the cross-ISA
	 * trace matrix compares. So the loader's code and lthread 1's stack are mapped first. */
	for (const volatile char *p = __l4_image_start; p < _etext; p += PAGE_SIZE)
		(void)*p;
	for (unsigned i = 0; i < sizeof stack; i += PAGE_SIZE)
		((volatile unsigned char *)stack)[i] = 0;
	((volatile unsigned char *)stack)[sizeof stack - 1] = 0;
	pager.id.task = 2; /* sigma0 pages the loader's own threads */
	l4_thread_ex_regs(me, (l4_umword_t)serve, (l4_umword_t)(stack + sizeof stack - 16),
			  &preempter, &pager, &flags, &ip, &sp);
}
