/* System-call dispatch and the calls small enough to live here (reference §2.3-2.8). */
#include "core/syscall.h"
#include "core/clan.h"
#include "core/devtrap.h"
#include "core/fmt.h"
#include "core/ipc.h"
#include "core/kdebug.h"
#include "core/kip.h"
#include "core/map.h"
#include "core/plat.h"
#include "core/report.h"
#include "core/sched.h"
#include "core/schedule.h"
#include "core/task.h"
#include "core/tasknew.h"
#include "core/trace.h"

static word_t slot(const struct thread *t, unsigned s)
{
	return t->task->arch->get_slot(t->regs, s);
}

static void set(struct thread *t, unsigned s, word_t v)
{
	t->task->arch->set_slot(t->regs, s, v);
}

static void set_id(struct thread *t, unsigned s_lo, l4id_t id)
{
	set(t, s_lo, id.lo);
	set(t, s_lo + 1, id.hi);
}

/* id_nearest (reference §2.3, §5): nil asks for the caller's own id; otherwise the partner a
 * message to dest would physically reach, with the clan relation as the type. */
static void sys_id_nearest(struct kernel *k, struct thread *t)
{
	l4id_t dest = {slot(t, S5), slot(t, S6)}, near;
	if (id_is_nil(dest)) {
		set(t, S0, NC_SAME_CLAN);
		set_id(t, S5, t->id);
		return;
	}
	unsigned type = clan_nearest(k, t->task, dest, &near);
	struct thread *d = thread_lookup(k, near);
	set(t, S0, type);
	set_id(t, S5, d ? d->id : near);
}

/* lthread_ex_regs on a thread of the caller's own task (reference §2.7). */
static void sys_lthread_ex_regs(struct kernel *k, struct thread *t)
{
	const struct arch *a = t->task->arch;
	unsigned lt = slot(t, S0) & 0x7fu;
	word_t sp = slot(t, S1), ip = slot(t, S2);
	l4id_t preempter = {slot(t, S3), slot(t, S4)}, pager = {slot(t, S5), slot(t, S6)};
	struct thread *d = t->task->threads[lt];
	bool fresh = !d || d->state == TS_DEAD;
	if (!d && !(d = thread_create(k, t->task, lt))) {
		set(t, S0, 0xffffffffu);
		return;
	}
	if (fresh) {
		/* a new thread inherits the creator's scheduling parameters (Fiasco) */
		d->prio = t->prio;
		d->mcp = t->mcp;
		d->timeslice = d->slice_left = t->timeslice;
		d->ts_man = t->ts_man;
		d->ts_exp = t->ts_exp;
		d->pager = t->pager;
		set(t, S0, 0);
	} else {
		word_t old_flags = a->get_flags(d->regs), old_sp = a->get_sp(d->regs),
		       old_ip = a->get_ip(d->regs);
		l4id_t old_pre = d->preempter, old_pager = d->pager;
		set(t, S0, old_flags);
		set(t, S1, old_sp);
		set(t, S2, old_ip);
		set_id(t, S3, old_pre);
		set_id(t, S5, old_pager);
	}
	if (!id_is_invalid(pager))
		d->pager = pager;
	if (!id_is_invalid(preempter))
		d->preempter = preempter;
	if (fresh) {
		if (ip != 0xffffffffu && sp != 0xffffffffu)
			thread_start(k, d, ip, sp, d->pager);
		return;
	}
	if (ip != 0xffffffffu) {
		ipc_cancel(k, d);
		a->set_ip(d->regs, ip);
	}
	if (sp != 0xffffffffu)
		a->set_sp(d->regs, sp);
	if (d->state == TS_KILLED && ip != 0xffffffffu)
		sched_ready(k, d, false);
}

static void sys_thread_switch(struct kernel *k, struct thread *t)
{
	l4id_t dest = {slot(t, S5), slot(t, S6)};
	struct thread *d = thread_lookup(k, dest);
	sched_rotate(k, t);
	if (d && d != t && d->state == TS_READY && d->prio == t->prio) {
		/* donate: the destination runs next */
		sched_unready(k, d);
		sched_ready(k, d, true);
	}
}

static void syscall(struct kernel *k, struct thread *t, enum syscall_nr nr)
{
	switch (nr) {
	case SYS_IPC:
		ipc_syscall(k, t);
		break;
	case SYS_ID_NEAREST:
		sys_id_nearest(k, t);
		break;
	case SYS_LTHREAD_EX_REGS:
		sys_lthread_ex_regs(k, t);
		break;
	case SYS_THREAD_SWITCH:
		sys_thread_switch(k, t);
		break;
	case SYS_KERNEL_INTERFACE:
		set(t, S0, t->task->idempotent ? kip_phys_for(k, t->task) : t->task->arch->kip_addr);
		break;
	case SYS_EXC_TABLE:
		t->exc_table = slot(t, S0);
		break;
	case SYS_THREAD_SCHEDULE:
		sys_thread_schedule(k, t);
		break;
	case SYS_TASK_NEW:
		sys_task_new(k, t);
		break;
	case SYS_FPAGE_UNMAP:
		sys_fpage_unmap(k, t->task, slot(t, S0), slot(t, S1));
		break;
	default:
		report_exception(k, t, "unknown system call");
		break;
	}
}

/* The V2 exception model (reference §4.3): a thread with a handler table gets its exceptions
 * there; without one (or with an empty entry) the instance reports it and ends. */
static void exc_raise(struct kernel *k, struct thread *t, const struct trap *tr)
{
	const struct arch *a = t->task->arch;
	uint8_t gate[8];
	word_t handler = 0, push[4];
	if (!t->exc_table || !user_read(k, t->task, t->exc_table + tr->vector * a->gate_size, gate,
					a->gate_size) ||
	    !(handler = a->gate_handler(gate))) {
		report_exception(k, t, tr->what ? tr->what : "exception");
		if (k->stop.thread == t)
			k->stop.vector = tr->vector;
		return;
	}
	TRACE(k, .kind = TR_EXCEPTION, .thread = t, .name = tr->what, .n = {tr->vector}, .nn = 1);
	unsigned n = a->exc_enter(t->regs, tr, handler, push);
	word_t sp = a->get_sp(t->regs), where;
	for (unsigned i = 0; i < n; i++) {
		word_t raw = task_word(t->task, push[i]);
		if (!user_write(k, t->task, sp + 4 * i, &raw, 4, &where)) {
			report_fault(k, t, "exception frame cannot be pushed", where, true);
			return;
		}
	}
}

/* Sigma0 owns physical memory idempotently: its own faults are resolved 1:1 by the kernel. */
static void sigma0_fault(struct kernel *k, struct thread *t, word_t addr, bool write)
{
	if (addr >= k->phys_size || addr < PAGE_SIZE) {
		report_fault(k, t, "page fault outside physical memory", addr, write);
		return;
	}
	if (!map_kernel_page(t->task, addr, addr & ~(PAGE_SIZE - 1), true))
		report_fault(k, t, "page fault: out of kernel memory", addr, write);
}

/* Host mappings mirror the L4 page table lazily and may be dropped (host mapping limits): a
 * fault on a page the L4 page table grants just re-mirrors it. A second fault on the same page
 * right after a re-mirror means the host cannot map it; that goes to the pager as usual. */
static bool host_mapping_stale(struct kernel *k, struct thread *t, const struct trap *tr)
{
	word_t pa, vp = tr->addr >> PAGE_SHIFT;
	if (!task_translate(k, t->task, tr->addr, tr->write, &pa) || t->task->idempotent)
		return false;
	if (t->remirror_page == vp + 1)
		return false;
	t->remirror_page = vp + 1;
	task_mark_dirty(t->task, vp, vp);
	return true;
}

void kernel_trap(struct kernel *k, struct thread *t, const struct hw_event *ev)
{
	const struct arch *a = t->task->arch;
	struct trap tr = {0};
	kip_tick(k, plat_now_us());
	struct task_mem cx = {k, t->task};
	char what[80];
	if (ev->kind == HWEV_HOSTSYS) {
		/* A Linux system call from L4 code, refused by the host (docs/security.md): on every
		 * ISA what ia32 hardware does for an int $0x80 whose gate the kernel does not open,
		 * a #GP with the gate's selector as error code, as Fiasco-UX had it. */
		char name[48];
		kfmt(what, sizeof what, "host system call %s",
		     plat_hostsys_name(ev->trapno, ev->err, name, sizeof name));
		tr.kind = TRAP_EXCEPTION;
		tr.vector = 13;
		tr.err_code = 0x80u * 8u + 2u;
		tr.has_err = true;
		tr.what = what;
	} else if (ev->kind == HWEV_CALL) {
		if (ev->trapno >= a->call_nsys) {
			report_exception(k, t, "call entry of no system call");
			return;
		}
		tr.kind = TRAP_SYSCALL; /* the ip is the return address already */
		tr.nr = (enum syscall_nr)ev->trapno;
	} else if (!a->decode(ev, t->regs, &tr, task_mem_read, &cx)) {
		report_exception(k, t, "unexpected trap");
		return;
	}
	if (tr.kind != TRAP_PAGEFAULT)
		t->remirror_page = 0;
	switch (tr.kind) {
	case TRAP_SYSCALL:
		trace_syscall(k, t, tr.nr);
		syscall(k, t, tr.nr);
		break;
	case TRAP_PAGEFAULT:
		if (tr.addr >= a->user_end) {
			report_fault(k, t, "access outside the L4 user range", tr.addr, tr.write);
			break;
		}
		switch (devtrap_mmio(k, t, tr.addr)) {
		case DEVTRAP_DONE:
			return;
		case DEVTRAP_BADINSN:
			tr.kind = TRAP_EXCEPTION;
			tr.vector = 13;
			tr.what = "device access by an instruction umol4 does not perform";
			exc_raise(k, t, &tr);
			return;
		case DEVTRAP_NONE:
			break;
		}
		if (host_mapping_stale(k, t, &tr))
			break; /* the L4 page table grants it: only the host mapping was missing */
		else if (t->task->idempotent)
			sigma0_fault(k, t, tr.addr, tr.write);
		else
			ipc_pagefault(k, t, tr.addr, tr.write);
		break;
	case TRAP_KDEBUG:
		kdebug(k, t, &tr);
		break;
	case TRAP_EXCEPTION:
		exc_raise(k, t, &tr);
		break;
	case TRAP_EXC_TABLE: /* ia32 lidt: traced like the other ISAs' exception_table call */
		TRACE(k, .kind = TR_SYSCALL, .thread = t, .name = "exception_table", .addr = tr.addr,
		      .has_addr = true);
		t->exc_table = tr.addr;
		break;
	case TRAP_IO:
		if (devtrap_io(k, t, &tr) == DEVTRAP_BADINSN) {
			tr.kind = TRAP_EXCEPTION;
			tr.vector = 13;
			tr.what = "string I/O with a device window as its memory operand";
			exc_raise(k, t, &tr);
		}
		break;
	case TRAP_PREEMPT:
		TRACE(k, .kind = TR_PREEMPT, .thread = t);
		/* the run loop already charged the time; timeouts fire in the next pick */
		break;
	}
}
