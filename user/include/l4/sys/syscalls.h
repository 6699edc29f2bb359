/*
 * L4 V2 system calls other than IPC (2003 <l4/sys/syscalls.h> names; reference/l4-v2-abi.md
 * §2.3-2.8). Slot roles as in docs/abi/x86.md: S0=EAX's role, S1=ECX's, ... S6=EDI's.
 */
#ifndef __L4_SYS_SYSCALLS_H__
#define __L4_SYS_SYSCALLS_H__

#include <l4/sys/compiler.h>
#include <l4/sys/kdebug.h>
#include <l4/sys/sysentry.h>
#include <l4/sys/types.h>

/* l4_fpage_unmap map mask */
#define L4_FP_REMAP_PAGE   0x00 /* downgrade to read-only */
#define L4_FP_FLUSH_PAGE   0x02 /* unmap completely */
#define L4_FP_OTHER_SPACES 0x00
#define L4_FP_ALL_SPACES   0x80000000U /* the caller's own space too */

/* l4_nchief / l4_id_nearest results */
#define L4_NC_SAME_CLAN	 0x00
#define L4_NC_INNER_CLAN 0x0C
#define L4_NC_OUTER_CLAN 0x04

L4_INLINE void l4_fpage_unmap(l4_fpage_t fpage, l4_umword_t map_mask);
L4_INLINE l4_threadid_t l4_myself(void);
L4_INLINE int l4_nchief(l4_threadid_t destination, l4_threadid_t *next_chief);
L4_INLINE int l4_id_nearest(l4_threadid_t destination, l4_threadid_t *nearest);
L4_INLINE void l4_thread_ex_regs(l4_threadid_t destination, l4_umword_t eip, l4_umword_t esp,
				 l4_threadid_t *preempter, l4_threadid_t *pager,
				 l4_umword_t *old_eflags, l4_umword_t *old_eip,
				 l4_umword_t *old_esp);
L4_INLINE void l4_thread_switch(l4_threadid_t destination);
L4_INLINE void l4_yield(void);
L4_INLINE l4_cpu_time_t l4_thread_schedule(l4_threadid_t dest, l4_sched_param_t param,
					   l4_threadid_t *ext_preempter, l4_threadid_t *partner,
					   l4_sched_param_t *old_param);
L4_INLINE l4_taskid_t l4_task_new(l4_taskid_t destination, l4_umword_t mcp_or_new_chief,
				  l4_umword_t esp, l4_umword_t eip, l4_threadid_t pager);
L4_INLINE void *l4_kernel_interface(void);

L4_INLINE l4_threadid_t __l4_slot_id(l4_umword_t low, l4_umword_t high)
{
	l4_threadid_t id = {.lh = {.low = low, .high = high}};
	return id;
}

L4_INLINE void l4_fpage_unmap(l4_fpage_t fpage, l4_umword_t map_mask)
{
	struct __l4_slots r = {.s0 = fpage.fpage, .s1 = map_mask};

	__l4_sys_fpage_unmap(&r);
}

/* The nearest partner of dest (the clan rules of reference §5) and the kind of path to it. */
L4_INLINE int l4_id_nearest(l4_threadid_t destination, l4_threadid_t *nearest)
{
	struct __l4_slots r = {.s5 = destination.lh.low, .s6 = destination.lh.high};

	__l4_sys_id_nearest(&r);
	*nearest = __l4_slot_id(r.s5, r.s6);
	return (int)r.s0;
}

L4_INLINE int l4_nchief(l4_threadid_t destination, l4_threadid_t *next_chief)
{
	return l4_id_nearest(destination, next_chief);
}

/* id_nearest(nil) answers the caller's own id. */
L4_INLINE l4_threadid_t l4_myself(void)
{
	l4_threadid_t me;

	l4_id_nearest(L4_NIL_ID, &me);
	return me;
}

/*
 * Acts on lthread destination.id.lthread of the caller's task. eip/esp of ~0 and invalid ids leave
 * the old values; *preempter and *pager are replaced by the old ones.
 */
L4_INLINE void l4_thread_ex_regs(l4_threadid_t destination, l4_umword_t eip, l4_umword_t esp,
				 l4_threadid_t *preempter, l4_threadid_t *pager,
				 l4_umword_t *old_eflags, l4_umword_t *old_eip,
				 l4_umword_t *old_esp)
{
	struct __l4_slots r = {.s0 = destination.id.lthread,
			       .s1 = esp,
			       .s2 = eip,
			       .s3 = preempter->lh.low,
			       .s4 = preempter->lh.high,
			       .s5 = pager->lh.low,
			       .s6 = pager->lh.high};

	__l4_sys_lthread_ex_regs(&r);
	*old_eflags = r.s0;
	*old_esp = r.s1;
	*old_eip = r.s2;
	*preempter = __l4_slot_id(r.s3, r.s4);
	*pager = __l4_slot_id(r.s5, r.s6);
}

L4_INLINE void l4_thread_switch(l4_threadid_t destination)
{
	struct __l4_slots r = {.s5 = destination.lh.low, .s6 = destination.lh.high};

	__l4_sys_thread_switch(&r);
}

L4_INLINE void l4_yield(void)
{
	l4_thread_switch(L4_NIL_ID);
}

/* Returns the destination's time word (high << 32 | low): cpu time in us in bits 0-47. */
L4_INLINE l4_cpu_time_t l4_thread_schedule(l4_threadid_t dest, l4_sched_param_t param,
					   l4_threadid_t *ext_preempter, l4_threadid_t *partner,
					   l4_sched_param_t *old_param)
{
	struct __l4_slots r = {.s0 = param.sched_param,
			       .s3 = ext_preempter->lh.low,
			       .s4 = ext_preempter->lh.high,
			       .s5 = dest.lh.low,
			       .s6 = dest.lh.high};

	__l4_sys_thread_schedule(&r);
	old_param->sched_param = r.s0;
	*ext_preempter = __l4_slot_id(r.s3, r.s4);
	*partner = __l4_slot_id(r.s5, r.s6);
	return (l4_cpu_time_t)r.s2 << 32 | r.s1;
}

/* pager != nil creates an active task (mcp_or_new_chief = mcp), nil makes it inactive and hands
 * it to the chief whose low id word is mcp_or_new_chief. Returns the new id, nil on failure. */
L4_INLINE l4_taskid_t l4_task_new(l4_taskid_t destination, l4_umword_t mcp_or_new_chief,
				  l4_umword_t esp, l4_umword_t eip, l4_threadid_t pager)
{
	struct __l4_slots r = {.s0 = mcp_or_new_chief,
			       .s1 = esp,
			       .s2 = eip,
			       .s3 = pager.lh.low,
			       .s4 = pager.lh.high,
			       .s5 = destination.lh.low,
			       .s6 = destination.lh.high};

	__l4_sys_task_new(&r);
	return __l4_slot_id(r.s5, r.s6);
}

L4_INLINE void *l4_kernel_interface(void)
{
	return __l4_sys_kernel_interface();
}

#endif
