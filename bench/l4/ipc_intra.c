/* Intra-AS short IPC: a call/reply_and_wait round trip between two threads of one task. */
#include "bench.h"

int main(int argc, char **argv)
{
	return bench_calls("ipc_intra", bench_thread(1, bench_echo),
			   bench_iters(argc, argv, 10000));
}
