/* umol4 extension: a chief names a task it created, for the kernel's reports and traces
 * (kdebug function 0x61 with a pointer to {task number, name}; docs/abi/<isa>.md). */
#ifndef __L4_UMOL4_NAME_H__
#define __L4_UMOL4_NAME_H__

#include <l4/sys/compiler.h>
#include <l4/sys/kdebug.h>
#include <l4/sys/types.h>

struct umol4_task_name {
	l4_umword_t task;
	char name[28]; /* NUL-terminated; longer names are cut */
};

L4_INLINE void umol4_name_task(l4_taskid_t task, const char *name)
{
	struct umol4_task_name n = {task.id.task, {0}};
	for (unsigned i = 0; name[i] && i + 1 < sizeof n.name; i++)
		n.name[i] = name[i];
	l4_umword_t arg = (l4_umword_t)&n;
	__L4_KDEBUG(L4_KDEBUG_UMOL4_NAME, arg);
}

#endif
