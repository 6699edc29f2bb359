/* Inter-AS short IPC: a call/reply_and_wait round trip between the root task and a child task
 * (two host processes, so each direction is a switch between them). */
#include "bench.h"
#include "child.h"

int main(int argc, char **argv)
{
	l4_taskid_t peer = child_create(bench_echo);
	if (l4_is_nil_id(peer))
		return bench_na("ipc_inter_as", "task_new is not implemented");
	int r = bench_calls("ipc_inter_as", peer, bench_iters(argc, argv, 10000));
	child_delete(peer);
	return r;
}
