#include "os/linux/clock.h"
#include "core/kip.h"
#include "core/plat.h"

#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Only L4 threads read the KIP clock between kernel entries, and they run only while a task
 * process runs. So the thread ticks only then: once a whole tick has passed without a task
 * running, it sleeps on `paused` until the kernel resumes a task; the kernel then sets the clock
 * itself before the task runs. An idle instance (every thread blocked in the kernel) does not
 * wake up 1000 times a second. */
static struct kernel *clock_kernel;
static uint32_t paused;	   /* futex word: 1 while the clock thread sleeps */
static int task_running;   /* a task process runs an L4 thread */
static int ran_since_tick; /* a task was resumed since the last tick */

/* The thread only ever writes the clock words of the KIPs, which nothing else reads in the
 * kernel; everything else stays on the kernel's one thread. */
static void *clock_loop(void *arg)
{
	struct kernel *k = arg;
	struct timespec tick = {0, 1000000};
	for (;;) {
		nanosleep(&tick, 0);
		kip_tick(k, plat_now_us());
		if (__atomic_exchange_n(&ran_since_tick, 0, __ATOMIC_RELAXED) ||
		    __atomic_load_n(&task_running, __ATOMIC_RELAXED))
			continue;
		/* with clock_task_running's store and load in the opposite order, sequentially
		 * consistent: either it sees paused set and wakes us, or we see it running */
		__atomic_store_n(&paused, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&task_running, __ATOMIC_SEQ_CST))
			__atomic_store_n(&paused, 0, __ATOMIC_SEQ_CST);
		while (__atomic_load_n(&paused, __ATOMIC_ACQUIRE))
			syscall(SYS_futex, &paused, FUTEX_WAIT_PRIVATE, 1, 0, 0, 0);
	}
	return 0;
}

void clock_task_running(bool on)
{
	if (!on) {
		__atomic_store_n(&task_running, 0, __ATOMIC_RELEASE);
		return;
	}
	__atomic_store_n(&task_running, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&ran_since_tick, 1, __ATOMIC_RELAXED);
	if (__atomic_load_n(&paused, __ATOMIC_SEQ_CST) &&
	    __atomic_exchange_n(&paused, 0, __ATOMIC_SEQ_CST)) {
		/* the clock stood still while nothing ran */
		kip_tick(clock_kernel, plat_now_us());
		syscall(SYS_futex, &paused, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	}
}

bool clock_start(struct kernel *k)
{
	pthread_t th;
	sigset_t all, old;
	clock_kernel = k;
	sigfillset(&all);
	/* signals stay with the kernel's main thread, whose waits they must interrupt */
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int r = pthread_create(&th, 0, clock_loop, k);
	pthread_sigmask(SIG_SETMASK, &old, 0);
	if (r)
		return false;
	pthread_detach(th);
	return true;
}

word_t host_cpu_mhz(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256];
	double mhz = 0;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "cpu MHz : %lf", &mhz) == 1)
			break;
	if (f)
		fclose(f);
	return mhz > 0 ? (word_t)mhz : 1000;
}
