/* task_new (reference §2.8): create, delete (recursively) and hand over tasks. */
#ifndef UMOL4_CORE_TASKNEW_H
#define UMOL4_CORE_TASKNEW_H

#include "core/kernel.h"

void sys_task_new(struct kernel *k, struct thread *t);
/* Deletes task and, first, every task it is chief of; numbers it owned go to `heir`. */
void task_delete(struct kernel *k, struct task *task, unsigned heir);

#endif
