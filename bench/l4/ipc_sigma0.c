/* Inter-AS short IPC without task_new: a call to sigma0 (another task, so another host process)
 * that it answers with a short, empty reply: the V2 sigma0 protocol's kernel-memory query
 * (w0 = 1, w1 = 0), for which umol4's kernel needs no memory. Sigma0's own work per request is
 * a few compares, so this is an inter-AS round trip in all but name. */
#include "bench.h"

int main(int argc, char **argv)
{
	return bench_calls("ipc_sigma0", BENCH_SIGMA0, bench_iters(argc, argv, 10000), 0);
}
