/* Long IPC: a call carrying one indirect string of SIZE bytes (argv[2], default 4096, at most the
 * 4 MiB V2 allows) to another thread of the task, answered with a short reply. Both buffers are
 * touched beforehand, so the figure is the kernel's copy plus one short round trip, without page
 * faults. */
#include "bench.h"

#include <l4/sys/ipc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIZE (4u << 20)

/* A message buffer with the two register words and one string dope (reference §2.2). */
struct string_msg {
	l4_fpage_t rcv_fpage;
	l4_msgdope_t size_dope;
	l4_msgdope_t send_dope;
	l4_umword_t dword[2];
	l4_strdope_t str;
};

static unsigned char src_buf[MAX_SIZE] __attribute__((aligned(4096)));
static unsigned char dst_buf[MAX_SIZE] __attribute__((aligned(4096)));
static unsigned size;

static void init_msg(struct string_msg *m)
{
	memset(m, 0, sizeof *m);
	m->size_dope = L4_IPC_DOPE(2, 1);
	m->send_dope = L4_IPC_DOPE(2, 1);
}

/* Receives strings into dst_buf; answers with the received length and the last byte. */
static void sink(void)
{
	static struct string_msg rcv;
	init_msg(&rcv);
	rcv.str.rcv_size = size;
	rcv.str.rcv_str = (l4_umword_t)dst_buf;
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int r = l4_ipc_wait(&src, &rcv, &w0, &w1, L4_IPC_NEVER, &dope);
	for (;;) {
		l4_umword_t got = r ? 0 : rcv.str.snd_size;
		r = l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, got, dst_buf[size - 1], &src, &rcv,
					  &w0, &w1, L4_IPC_SEND_TIMEOUT_0, &dope);
	}
}

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 2000), warm = 20;
	size = argc > 2 ? (unsigned)strtoul(argv[2], 0, 10) : 4096;
	char figure[32];
	if (size >= (1u << 20) && !(size & ((1u << 20) - 1)))
		snprintf(figure, sizeof figure, "ipc_long_%um", size >> 20);
	else
		snprintf(figure, sizeof figure, "ipc_long_%uk", size >> 10);
	if (size == 0 || size > MAX_SIZE)
		return bench_error(figure, "size out of range", 0, 0);
	memset(src_buf, 0xa5, size); /* the pages a run uses, no more */
	memset(dst_buf, 0, size);
	static struct string_msg snd;
	init_msg(&snd);
	snd.str.snd_size = size;
	snd.str.snd_str = (l4_umword_t)src_buf;
	l4_threadid_t peer = bench_thread(1, sink);
	l4_uint64_t t0 = 0;
	for (unsigned i = 0; i < warm + n; i++) {
		if (i == warm)
			t0 = bench_now_us();
		src_buf[size - 1] = (unsigned char)i;
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		int r =
		    l4_ipc_call(peer, &snd, i, 0, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
		if (BENCH_IPC_FAILED(r, dope) || w0 != size || w1 != (unsigned char)i)
			return bench_error(figure, "string not delivered", i, dope.msgdope);
	}
	bench_result(figure, n, bench_now_us() - t0);
	return 0;
}
