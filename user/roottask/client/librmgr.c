/*
 * RMGR client library (reference/l4env-compat.md §2): every request is one call to rmgr_id with
 * the request word in w0; the root task answers w0 = 0 (or a result) / -1 with send timeout 0.
 */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <string.h>

#include "call.h"

int have_rmgr;
l4_threadid_t rmgr_id;
l4_threadid_t rmgr_pager_id;

/* One request to rmgr_id (found first if need be): the IPC error code, answer in *r0, *r1. */
static int request(l4_umword_t w0, l4_umword_t w1, const void *str, l4_umword_t len,
		   l4_umword_t *r0, l4_umword_t *r1)
{
	if (!have_rmgr && !rmgr_init())
		return L4_IPC_ENOT_EXISTENT;
	return __rmgr_call(rmgr_id, w0, w1, str, len, r0, r1);
}

/* The classic result convention: the IPC error, else the root task's w0 (0 or -1). */
static int call(l4_umword_t w0, l4_umword_t w1)
{
	l4_umword_t r0 = ~0UL;
	int err = request(w0, w1, NULL, 0, &r0, NULL);

	return err ? err : (int)r0;
}

int rmgr_init(void)
{
	l4_threadid_t chief;

	/* The loader's programs are its children; the root program itself has no chief. */
	l4_nchief(L4_INVALID_ID, &chief);
	if (l4_is_nil_id(chief) || l4_is_invalid_id(chief) || chief.id.task == 0) {
		chief = L4_NIL_ID;
		chief.id.task = RMGR_TASK_ID;
	}
	rmgr_id = rmgr_pager_id = chief;
	rmgr_id.id.lthread = RMGR_LTHREAD_SUPER;
	rmgr_pager_id.id.lthread = RMGR_LTHREAD_PAGER;

	l4_umword_t r0 = 1, r1 = 0;
	int err = __rmgr_call(rmgr_id, RMGR_RMGR_MSG(RMGR_RMGR_PING, 0xbeef), 0, NULL, 0, &r0, &r1);
	have_rmgr = !err && r0 == 0 && r1 == (l4_umword_t)~0xbeefUL;
	return have_rmgr;
}

static l4_sched_param_t schedule(l4_threadid_t dest, l4_sched_param_t p)
{
	l4_threadid_t preempter = L4_INVALID_ID, partner;
	l4_sched_param_t old;

	l4_thread_schedule(dest, p, &preempter, &partner, &old);
	return old;
}

int rmgr_get_prio(l4_threadid_t dest, int *prio)
{
	l4_sched_param_t p = schedule(dest, L4_INVALID_SCHED_PARAM);

	*prio = l4_is_invalid_sched_param(p) ? 0 : p.sp.prio;
	return l4_is_invalid_sched_param(p);
}

int rmgr_set_prio(l4_threadid_t dest, int prio)
{
	/* directly if the caller's mcp allows it, else through the root task */
	l4_sched_param_t p = schedule(dest, L4_INVALID_SCHED_PARAM);
	if (!l4_is_invalid_sched_param(p)) {
		p.sp.prio = (unsigned)prio;
		p.sp.state = 0;
		if (!l4_is_invalid_sched_param(schedule(dest, p))) {
			int now;
			if (!rmgr_get_prio(dest, &now) && now == prio)
				return 0;
		}
	}
	return call(RMGR_TASK_MSG(RMGR_TASK_SET_PRIO, prio), dest.lh.low);
}

/* umol4 has no small address spaces: nothing to do. */
int rmgr_set_small_space(l4_threadid_t dest, int num)
{
	(void)dest;
	(void)num;
	return 0;
}

int rmgr_get_task(int num)
{
	return call(RMGR_TASK_MSG(RMGR_TASK_GET, num), 0);
}

/* Giving the right back is a task_new of our own (l4env-compat §2.2). */
int rmgr_free_task(int num)
{
	l4_taskid_t t = L4_NIL_ID;

	if (!have_rmgr && !rmgr_init())
		return L4_IPC_ENOT_EXISTENT;
	t.id.task = (unsigned)num;
	return l4_is_nil_id(l4_task_new(t, rmgr_id.lh.low, 0, 0, L4_NIL_ID)) ? -1 : 0;
}

int rmgr_get_irq(int irq)
{
	return call(RMGR_IRQ_MSG(RMGR_IRQ_GET, irq), 0);
}

int rmgr_free_irq(int irq)
{
	return call(RMGR_IRQ_MSG(RMGR_IRQ_FREE, irq), 0);
}

int rmgr_free_page(l4_umword_t address)
{
	return call(RMGR_MEM_MSG(RMGR_MEM_FREE), address);
}

int rmgr_free_fpage(l4_fpage_t fp)
{
	return call(RMGR_MEM_MSG(RMGR_MEM_FREE_FP), fp.fpage);
}

int rmgr_get_task_id(const char *module_name, l4_threadid_t *id)
{
	l4_umword_t lo = ~0UL, hi = ~0UL;
	int err = request(RMGR_TASK_MSG(RMGR_TASK_GET_ID, 0), 0, module_name,
			  strlen(module_name) + 1, &lo, &hi);

	/* the answer is the id itself: invalid when no such task runs */
	*id = err ? L4_INVALID_ID : (l4_threadid_t){.lh = {.low = lo, .high = hi}};
	return err ? err : l4_is_invalid_id(*id) ? -1 : 0;
}

static l4_taskid_t task_call(l4_taskid_t dest, int action, l4_umword_t mcp, const l4_umword_t *w,
			     unsigned nw, l4_threadid_t pager)
{
	l4_umword_t r0 = ~0UL, r1 = ~0UL;

	if (l4_is_nil_id(pager)) {
		if (call(RMGR_TASK_MSG(RMGR_TASK_DELETE, dest.id.task), 0))
			return L4_NIL_ID;
		dest.id.lthread = 0;
		return dest;
	}
	if (request(RMGR_TASK_MSG(action, mcp), dest.lh.low, w, nw * sizeof *w, &r0, &r1) ||
	    r0 == ~0UL)
		return L4_NIL_ID;
	return (l4_taskid_t){.lh = {.low = r0, .high = r1}};
}

l4_taskid_t rmgr_task_new(l4_taskid_t dest, l4_umword_t mcp_or_new_chief, l4_umword_t esp,
			  l4_umword_t eip, l4_threadid_t pager)
{
	const l4_umword_t w[4] = {esp, eip, pager.lh.low, pager.lh.high};

	return task_call(dest, RMGR_TASK_CREATE, mcp_or_new_chief, w, 4, pager);
}

l4_taskid_t rmgr_task_new_with_prio(l4_taskid_t dest, l4_umword_t mcp_or_new_chief, l4_umword_t esp,
				    l4_umword_t eip, l4_threadid_t pager,
				    l4_sched_param_t sched_param)
{
	const l4_umword_t w[5] = {esp, eip, pager.lh.low, pager.lh.high, sched_param.sched_param};

	return task_call(dest, RMGR_TASK_CREATE_WITH_PRIO, mcp_or_new_chief, w, 5, pager);
}

l4_addr_t rmgr_reserve_mem(l4_size_t size, int align, int flags, l4_addr_t low, l4_addr_t high)
{
	const l4_umword_t range[2] = {low, high};
	l4_umword_t r0 = ~0UL;
	l4_umword_t w1 = (size & ~0xfffUL) | ((l4_umword_t)flags & RMGR_MEM_RES_FLAGS_MASK) |
			 ((l4_umword_t)align & 0x3f);

	return request(RMGR_MEM_MSG(RMGR_MEM_RESERVE), w1, range, sizeof range, &r0, NULL) ? ~0UL
											   : r0;
}
