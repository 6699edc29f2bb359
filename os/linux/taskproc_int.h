/* What taskproc.c (the hand-off, mirroring, reaping) and taskspawn.c (starting task processes,
 * the pool) share; nothing else includes this. */
#ifndef UMOL4_OS_TASKPROC_INT_H
#define UMOL4_OS_TASKPROC_INT_H

#include "os/linux/taskproc.h"

extern const struct instance_cfg *tp_cfg;
extern struct taskproc *tp_procs; /* every task process, pooled ones (task == NULL) too */
/* the process whose stub entered the kernel last and waits for its answer (plat_busy) */
extern struct taskproc *tp_entered;
extern pid_t tp_task_pgid; /* the process group of every task process; 0 before the first */

/* Mailbox words in the task's byte order. */
uint32_t tp_mb_get(const struct taskproc *p, const uint32_t *w);
void tp_mb_put(const struct taskproc *p, uint32_t *w, uint32_t v);
/* Waits until p's stub hands control to the kernel (deadline: preempt then; 0: never). */
enum tp_result tp_wait_kernel(struct taskproc *p, uint64_t deadline);
/* Passes on what p printed on its stderr. */
void tp_drain_stderr(struct taskproc *p);
/* A killed task process not yet reaped: true (and forgotten) if pid is one. */
bool tp_forget_dying(pid_t pid);
/* Waits for every killed task process not yet reaped. */
void tp_reap_dying(void);

#endif
