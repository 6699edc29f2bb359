/* The KIP clock: µs since boot, advanced by a 1 kHz host thread while a task runs, so that a
 * program reading it in a loop sees it move without entering the kernel; and the host
 * processor's frequency. */
#ifndef UMOL4_OS_CLOCK_H
#define UMOL4_OS_CLOCK_H

#include "core/kernel.h"

bool clock_start(struct kernel *k);
/* Around every resumption of an L4 thread (taskproc.c): the clock thread ticks only while a task
 * runs, and the clock is brought up to date before a task runs after a pause. */
void clock_task_running(bool on);
/* Deterministic mode (plat_linux.c): plat_now_us counts kernel entries instead of time. */
void clock_make_virtual(void);
bool clock_is_virtual(void);
/* One kernel entry (until = 0), or jump to `until` when nothing can run before it. */
void clock_virtual_step(uint64_t until);
/* One reading of the host clock per kernel entry (plat_linux.c): on = read it now and let every
 * plat_now_us of this thread return that reading until off (the task runs again, the kernel
 * idles or works long); it returns the reading in ns (CLOCK_MONOTONIC). A clock read costs
 * 0.1 µs and more in a VM, and the kernel's path through an entry would make half a dozen. */
uint64_t plat_clock_cache(bool on);
/* "cpu MHz" of /proc/cpuinfo, 1000 if unknown. */
word_t host_cpu_mhz(void);

#endif
