/* The supervisor of confined task processes (docs/security.md): a thread of the kernel process
 * that answers the system calls the seccomp filter of a task process does not decide itself
 * (os/linux/confine.h).
 *
 * Before a task process's stub has reported in, no L4 code exists in it: every call goes through
 * (qemu loads its libraries, the stub sets up). Afterwards only a mapping of physical memory that
 * the task's L4 page table grants (frame, address and rights), a write-enabling mprotect of pages
 * it may write, and signals to itself pass; anything else fails with EPERM and is raised as an L4
 * exception of the running thread ("host system call"): the supervisor sends SIGSYS to the process
 * before it answers, so the stub traps into the kernel right after the call.
 *
 * The supervisor reads the kernel's page tables. It takes the kernel lock for that, which the main
 * thread holds all the time except while it waits for a task process (wait_kernel): the only time
 * a task process runs and makes calls. */
#ifndef UMOL4_OS_GUARD_H
#define UMOL4_OS_GUARD_H

#include <stdbool.h>

struct taskproc;

/* Starts the supervisor thread; the calling (main) thread then holds the kernel lock. */
bool guard_start(int kernel_cpu);
void guard_lock(void);
void guard_unlock(void);
/* Supervise p's process through its listener (p->listener). */
bool guard_add(struct taskproc *p);
/* Stops supervising p and closes its listener (kernel lock held). */
void guard_remove(struct taskproc *p);

#endif
