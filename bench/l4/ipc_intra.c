/* Intra-AS short IPC: a call/reply_and_wait round trip between two threads of one task. */
#include "bench.h"

#include <l4/sys/ipc.h>

static void echo(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	for (;;)
		l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, w0 + 1, w1, &src, L4_IPC_SHORT_MSG, &w0,
				      &w1, L4_IPC_SEND_TIMEOUT_0, &dope);
}

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 10000), warm = 100;
	l4_threadid_t peer = bench_thread(1, echo);
	l4_uint64_t t0 = 0;
	for (unsigned i = 0; i < warm + n; i++) {
		if (i == warm)
			t0 = bench_now_us();
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		int r = l4_ipc_call(peer, L4_IPC_SHORT_MSG, i, 0, L4_IPC_SHORT_MSG, &w0, &w1,
				    L4_IPC_NEVER, &dope);
		if (BENCH_IPC_FAILED(r, dope) || w0 != i + 1)
			return bench_error("ipc_intra", "call failed", i, dope.msgdope);
	}
	bench_result("ipc_intra", n, bench_now_us() - t0);
	return 0;
}
