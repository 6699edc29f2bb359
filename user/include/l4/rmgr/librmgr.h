/*
 * Client library of the RMGR (root task) protocol, hand-coded generation (2003 names; the
 * constants of RMGR's proto.h, reference/l4env-compat.md §2). umol4's root task, the loader
 * (user/roottask, docs/loader.md), answers it on every ISA.
 */
#ifndef __L4_RMGR_LIBRMGR_H__
#define __L4_RMGR_LIBRMGR_H__

#include <l4/sys/types.h>

#define RMGR_TASK_ID	   4 /* the root task */
#define RMGR_LTHREAD_PAGER 0 /* its pager thread (rmgr_pager_id) */
#define RMGR_LTHREAD_SUPER 1 /* the thread that answers this protocol (rmgr_id) */

/* Request word: proto << 24 | action << 16 | 16-bit parameter. */
#define L4_PROTO_MSG(proto, action, param)                                                         \
	((((l4_umword_t)(proto)) << 24) | (((l4_umword_t)(action)) << 16) |                        \
	 ((l4_umword_t)(param)&0xffffU))

#define RMGR_RMGR      0
#define RMGR_RMGR_PING 0xf3 /* answers w0 = 0, w1 = ~param */

#define RMGR_MEM	   1
#define RMGR_MEM_FREE	   1 /* w1 = page address */
#define RMGR_MEM_FREE_FP   2 /* w1 = fpage (not supported: answers -1) */
#define RMGR_MEM_DUMP	   3 /* (not supported: answers -1) */
#define RMGR_MEM_RESERVE   4 /* w1 = size | flags | log2(align), string {low, high} */
#define RMGR_MEM_GET_PAGE0 5 /* (not supported: answers -1) */

#define RMGR_MEM_RES_FLAGS_MASK 0x0FC0
#define RMGR_MEM_RES_DMA_ABLE	0x40
#define RMGR_MEM_RES_UPWARDS	0x80

#define RMGR_TASK		   2
#define RMGR_TASK_GET		   2 /* param = task number: the inactive task moves to the caller */
#define RMGR_TASK_CREATE	   4 /* param = mcp, w1 = dest low, string {esp, eip, pager} */
#define RMGR_TASK_DELETE	   5 /* param = task number */
#define RMGR_TASK_SET_SMALL	   6
#define RMGR_TASK_SET_PRIO	   7 /* param = priority, w1 = thread low */
#define RMGR_TASK_GET_ID	   8 /* string = module name: answers the task id */
#define RMGR_TASK_CREATE_WITH_PRIO 9 /* as CREATE, string {esp, eip, pager, sched param} */
#define RMGR_TASK_SET_ID	   10

#define RMGR_IRQ      3
#define RMGR_IRQ_GET  2 /* param = interrupt number */
#define RMGR_IRQ_FREE 3

#define RMGR_RMGR_MSG(action, param) L4_PROTO_MSG(RMGR_RMGR, action, param)
#define RMGR_MEM_MSG(action)	     L4_PROTO_MSG(RMGR_MEM, action, 0)
#define RMGR_TASK_MSG(action, param) L4_PROTO_MSG(RMGR_TASK, action, param)
#define RMGR_IRQ_MSG(action, param)  L4_PROTO_MSG(RMGR_IRQ, action, param)

extern int have_rmgr;		    /* rmgr_init succeeded */
extern l4_threadid_t rmgr_id;	    /* the root task's lthread 1 */
extern l4_threadid_t rmgr_pager_id; /* the root task's lthread 0 */

/* Finds the root task (the caller's chief, else task 4) and pings it: 1 if it answers, else 0. */
int rmgr_init(void);

/* The functions below return 0 on success and non-zero otherwise (-1 from the root task, or an
 * IPC error code), like the 2003 library. */
int rmgr_set_prio(l4_threadid_t dest, int prio);
int rmgr_get_prio(l4_threadid_t dest, int *prio);
int rmgr_set_small_space(l4_threadid_t dest, int num);
/* Moves the inactive task number num to the caller, who may then l4_task_new it. */
int rmgr_get_task(int num);
/* Gives task number num back to the root task (it must be inactive and the caller's). */
int rmgr_free_task(int num);
int rmgr_get_irq(int irq);
int rmgr_free_irq(int irq);
int rmgr_free_page(l4_umword_t address);
int rmgr_free_fpage(l4_fpage_t fp);
/* *id = the task started from the boot module named module_name (basename), else invalid. */
int rmgr_get_task_id(const char *module_name, l4_threadid_t *id);
/* l4_task_new through the root task: the new task's chief is the root task. pager nil kills a task
 * the caller had created this way. Returns the new id, nil on failure. */
l4_taskid_t rmgr_task_new(l4_taskid_t dest, l4_umword_t mcp_or_new_chief, l4_umword_t esp,
			  l4_umword_t eip, l4_threadid_t pager);
l4_taskid_t rmgr_task_new_with_prio(l4_taskid_t dest, l4_umword_t mcp_or_new_chief, l4_umword_t esp,
				    l4_umword_t eip, l4_threadid_t pager,
				    l4_sched_param_t sched_param);
/* Physical memory reservation: the address of size bytes of physical memory, 2^align aligned,
 * within [low, high], which then appear 1:1 in the caller (docs/loader.md); (l4_addr_t)-1 if
 * no such range is free. */
l4_addr_t rmgr_reserve_mem(l4_size_t size, int align, int flags, l4_addr_t low, l4_addr_t high);

#endif
