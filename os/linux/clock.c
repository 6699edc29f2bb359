#include "os/linux/clock.h"
#include "core/kip.h"
#include "core/plat.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The thread only ever writes the clock words of the KIPs, which nothing else reads in the
 * kernel; everything else stays on the kernel's one thread. */
static void *clock_loop(void *arg)
{
	struct kernel *k = arg;
	struct timespec tick = {0, 1000000};
	for (;;) {
		nanosleep(&tick, 0);
		kip_tick(k, plat_now_us());
	}
	return 0;
}

bool clock_start(struct kernel *k)
{
	pthread_t th;
	sigset_t all, old;
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
