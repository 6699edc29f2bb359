/* Child tasks for the inter-AS figures: task 5, created by the root task with l4_task_new, runs
 * this program's code at the same addresses, paged by a pager thread of the root task that maps
 * its own pages (bench_pager). Needs task_new in the kernel; without it the figure is n/a. */
#ifndef UMOL4_BENCH_CHILD_H
#define UMOL4_BENCH_CHILD_H

#include <l4/sys/types.h>

/* Starts the pager thread (lthread n) once; later calls return the same id. */
l4_threadid_t child_pager(unsigned n);

/* Creates the child task running fn; nil if the kernel cannot create tasks. */
l4_taskid_t child_create(void (*fn)(void));

/* Deletes it (task_new with a nil pager hands it back to us, inactive). */
void child_delete(l4_taskid_t child);

/* A child's code that sends 42 to child_parent (set it first) and then sleeps for good. */
extern l4_threadid_t child_parent;
void child_say_42(void);

#endif
