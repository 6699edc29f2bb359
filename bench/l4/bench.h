/* What every L4 benchmark program shares: its iteration count from the command line, the KIP
 * clock, a second thread, a pager for child tasks, and the result lines umol4-bench parses:
 *
 *   BENCH <figure> <operations> <microseconds>   operations timed, KIP-clock time they took
 *   BENCH <figure> n/a <reason>                   the kernel lacks what the figure needs
 *   BENCH <figure> error <what>                   the benchmark went wrong (exit status 1)
 *
 * Timing is done inside the program with the KIP clock, which the kernel sets to its monotonic
 * microseconds at every kernel entry; umol4-bench never sees the boot, the warm-up or the exit.
 * A program may print several figures; umol4-bench picks the line of the one it asked for. */
#ifndef UMOL4_BENCH_H
#define UMOL4_BENCH_H

#include <l4/sys/types.h>

/* argv[1] as a positive count, else dflt. */
unsigned bench_iters(int argc, char **argv, unsigned dflt);

/* The cheapest system call that always enters the kernel: id_nearest of our own id. (l4_myself,
 * id_nearest of nil, is answered by the task's stub without a kernel entry.) */
void bench_kernel_entry(void);

/* The KIP clock (µs), made current by one kernel entry just before it is read. */
l4_uint64_t bench_now_us(void);

/* Starts lthread n of this task at fn on a stack of its own. */
l4_threadid_t bench_thread(unsigned n, void (*fn)(void));

/* Answers every short message with w0 + 1 and the same w1. Started as a thread or child task. */
void bench_echo(void);

/* Times n short calls to peer, a bench_echo, after a warm-up and prints the result line.
 * Returns the exit status. */
int bench_calls(const char *figure, l4_threadid_t peer, unsigned n);

/* Answers page faults of other tasks by mapping the same page of this task (pagers a child task
 * that runs this program's code at the same addresses). Started as bench_thread(n, bench_pager). */
void bench_pager(void);

void bench_result(const char *figure, unsigned ops, l4_uint64_t us);
/* Both return the program's exit status: 0 for n/a, 1 for an error. */
int bench_na(const char *figure, const char *why);
int bench_error(const char *figure, const char *what, unsigned round, l4_umword_t dope);

/* l4_ipc_* results in one word: 0 unless the IPC failed */
#define BENCH_IPC_FAILED(ret, dope) ((ret) != 0 || L4_IPC_IS_ERROR(dope))

#endif
