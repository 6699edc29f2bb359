/* Task create + delete: l4_task_new of a child that pages in its code and stack through our pager
 * and sends us one message, then its deletion. Host-wise: a task process started (natively or
 * under qemu), a few page faults, and the process ended. With argv[2] = "apart" the cycles are
 * 20 ms apart and only the cycles are timed: what one task creation costs when the kernel had
 * time to start a process ahead (its pool), rather than back-to-back creations, which pay for a
 * whole host process start each. */
#include "bench.h"
#include "child.h"

#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdbool.h>
#include <string.h>

int main(int argc, char **argv)
{
	unsigned n = bench_iters(argc, argv, 30), warm = 2;
	bool apart = argc > 2 && !strcmp(argv[2], "apart");
	const char *figure = apart ? "task_new_delete_apart" : "task_new_delete";
	child_parent = l4_myself();
	l4_uint64_t t0 = 0, slept = 0;
	for (unsigned i = 0; i < warm + n; i++) {
		if (i == warm)
			t0 = bench_now_us();
		if (apart) {
			l4_uint64_t s = bench_now_us();
			l4_ipc_sleep(L4_IPC_TIMEOUT(0, 0, 78, 11, 0, 0)); /* 78 * 4^4 us ~ 20 ms */
			if (i >= warm)
				slept += bench_now_us() - s;
		}
		l4_taskid_t c = child_create(child_say_42);
		if (l4_is_nil_id(c))
			return bench_na(figure, "task_new is not implemented");
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		int r = l4_ipc_receive(c, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
		if (BENCH_IPC_FAILED(r, dope) || w0 != 42)
			return bench_error(figure, "no message from the child", i, dope.msgdope);
		child_delete(c);
	}
	bench_result(figure, n, bench_now_us() - t0 - slept);
	return 0;
}
