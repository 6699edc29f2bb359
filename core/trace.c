#include "core/trace.h"

static const char *const sysname[NSYSCALLS] = {
	"ipc",	       "id_nearest",	   "fpage_unmap", "thread_switch", "thread_schedule",
	"lthread_ex_regs", "task_new", "kernel_interface", "exception_table",
};

/* Descriptors carry a buffer address on long IPC: keep only what means the same everywhere. */
static word_t desc_kind(word_t d)
{
	return d == IPC_NIL_DESC ? d : (d & ~3u) ? 0x10u | (d & 3u) : d;
}

/* Messages to and from sigma0 (an idempotent space) hand out physical memory: how many of them
 * a task sends follows the sizes and layouts of programs, so the ISA (the loader asks for one
 * frame per page of a program's image). They count as paging traffic. */
static bool with_sigma0(const struct kernel *k, l4id_t id)
{
	unsigned nr = id_task(id);
	const struct task *p = nr < L4_TASKS ? k->tasks[nr] : 0;
	return p && p->idempotent;
}

void trace_syscall(struct kernel *k, const struct thread *t, enum syscall_nr nr)
{
	if (!k->tracing)
		return;
	const struct arch *a = t->task->arch;
	word_t s[NSLOTS];
	for (unsigned i = 0; i < NSLOTS; i++)
		s[i] = a->get_slot(t->regs, i);
	struct trace_ev e = {.kind = TR_SYSCALL, .thread = t, .name = sysname[nr]};
	switch (nr) {
	case SYS_IPC: /* snd, rcv, timeout, w0, w1 neutral; buffer addresses not */
		e = (struct trace_ev){.kind = TR_SYSCALL, .thread = t, .name = sysname[nr],
				      .n = {desc_kind(s[S0]), desc_kind(s[S4]), s[S1], s[S2], s[S3]},
				      .nn = 5, .peer = {s[S5], s[S6]}, .has_peer = true,
				      .isa_n = {s[S0], s[S4]}, .isa_nn = 2};
		break;
	case SYS_ID_NEAREST:
	case SYS_THREAD_SWITCH:
		e.peer = (l4id_t){s[S5], s[S6]};
		e.has_peer = true;
		break;
	case SYS_FPAGE_UNMAP:
		e.n[0] = fpage_log2(s[S0]);
		e.n[1] = s[S1];
		e.nn = 2;
		e.isa_n[0] = s[S0];
		e.isa_nn = 1;
		break;
	case SYS_THREAD_SCHEDULE:
		e.n[0] = s[S0];
		e.nn = 1;
		e.peer = (l4id_t){s[S5], s[S6]};
		e.has_peer = true;
		break;
	case SYS_LTHREAD_EX_REGS: /* lthread neutral; ip/sp are code and stack addresses */
		e.n[0] = s[S0];
		e.nn = 1;
		e.isa_n[0] = s[S2];
		e.isa_n[1] = s[S1];
		e.isa_nn = 2;
		break;
	case SYS_TASK_NEW:
		e.n[0] = s[S0];
		e.nn = 1;
		e.peer = (l4id_t){s[S5], s[S6]};
		e.has_peer = true;
		e.isa_n[0] = s[S2];
		e.isa_n[1] = s[S1];
		e.isa_nn = 2;
		break;
	default:
		break;
	}
	/* a pager's work follows others' layouts */
	e.mem = t->is_pager || t->task->idempotent || (nr == SYS_IPC && with_sigma0(k, e.peer));
	if (nr == SYS_EXC_TABLE) { /* the same event as ia32's lidt: the table address is ISA's */
		e.addr = s[S0];
		e.has_addr = true;
	}
	((struct thread *)t)->trace_seq = plat_trace(&e);
}

void trace_ipc_done(struct kernel *k, const struct thread *t, word_t dope)
{
	if (!k->tracing)
		return;
	const struct arch *a = t->task->arch;
	struct trace_ev e = {.kind = TR_IPC_DONE, .thread = t, .n = {dope}, .nn = 1,
			     .mem = t->ipc.pagefault || t->is_pager || t->task->idempotent};
	bool received = t->ipc.rcv_desc != IPC_NIL_DESC && !(dope & 0xf0u) && !t->ipc.pagefault;
	if (received) {
		e.n[1] = a->get_slot(t->regs, S2);
		e.n[2] = a->get_slot(t->regs, S3);
		e.nn = 3;
		e.peer = (l4id_t){a->get_slot(t->regs, S5), a->get_slot(t->regs, S6)};
		e.has_peer = true;
		e.src_seq = t->trace_src_seq;
		e.mem = e.mem || with_sigma0(k, e.peer);
	}
	plat_trace(&e);
}

void trace_run(struct kernel *k, const struct thread *t)
{
	/* pagers run as often as others fault: only switches between the others are neutral */
	if (!k->tracing || k->last_run == t || t->is_pager || t->task->idempotent)
		return;
	k->last_run = t;
	struct trace_ev e = {.kind = TR_RUN, .thread = t};
	plat_trace(&e);
}

void trace_end(struct kernel *k, const char *how, int status, const struct thread *t, word_t addr,
	       bool has_addr, const char *where)
{
	TRACE(k, .kind = TR_EXIT, .name = how, .n = {(word_t)status}, .nn = 1, .thread = t,
	      .addr = addr, .has_addr = has_addr, .where = where && *where ? where : 0);
}
