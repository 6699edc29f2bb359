#include "core/tasknew.h"
#include "core/clan.h"
#include "core/ipc.h"
#include "core/ioport.h"
#include "core/irq.h"
#include "core/kip.h"
#include "core/map.h"
#include "core/mapdb.h"
#include "core/plat.h"
#include "core/task.h"
#include "core/trace.h"

void task_delete(struct kernel *k, struct task *task, unsigned heir)
{
	unsigned nr = task->nr;
	for (unsigned i = 0; i < L4_TASKS; i++)
		if (k->tasks[i] && k->tasks[i] != task && k->tasks[i]->chief == nr)
			task_delete(k, k->tasks[i], heir);
	for (unsigned i = 0; i < L4_TASKS; i++)
		if (!k->tasks[i] && k->owner[i] == nr)
			k->owner[i] = (uint16_t)heir;
	for (unsigned l = 0; l < L4_LTHREADS; l++) {
		struct thread *t = task->threads[l];
		if (!t)
			continue;
		ipc_thread_gone(k, t);
		irq_detach_all(k, t);
		if (k->current == t)
			k->current = 0;
	}
	TRACE(k, .kind = TR_TASK_DEL, .peer = id_make(nr, 0, task->chief, task->nest),
	      .has_peer = true);
	mapdb_flush_space(task); /* pages derived from this space go everywhere */
	ioport_flush_task(k, task);
	plat_task_deleted(task);
	for (unsigned l = 0; l < L4_LTHREADS; l++)
		plat_free(task->threads[l]);
	pt_destroy(&task->pt);
	k->tasks[nr] = 0;
	plat_free(task);
}

static void fail(struct thread *t)
{
	const struct arch *a = t->task->arch;
	a->set_slot(t->regs, S0, 0xffffffffu);
	a->set_slot(t->regs, S5, 0);
	a->set_slot(t->regs, S6, 0);
}

void sys_task_new(struct kernel *k, struct thread *t)
{
	const struct arch *a = t->task->arch;
	word_t mcp_or_chief = a->get_slot(t->regs, S0), sp = a->get_slot(t->regs, S1),
	       ip = a->get_slot(t->regs, S2);
	l4id_t pager = {a->get_slot(t->regs, S3), a->get_slot(t->regs, S4)};
	l4id_t dest = {a->get_slot(t->regs, S5), a->get_slot(t->regs, S6)};
	unsigned nr = id_task(dest);
	/* only the chief of a task number (active or not) may create or delete it */
	if (nr == 0 || k->owner[nr] != t->task->nr) {
		fail(t);
		return;
	}
	if (k->tasks[nr])
		task_delete(k, k->tasks[nr], t->task->nr);
	l4id_t id;
	if (id_is_nil(pager)) {
		/* stays inactive; the right to create it moves to the named chief */
		unsigned chief = id_task((l4id_t){mcp_or_chief, 0});
		k->owner[nr] = (uint16_t)chief;
		const struct task *c = k->tasks[chief];
		id = id_make(nr, 0, chief, c ? c->nest + 1 : 0);
	} else {
		const struct task *me = t->task;
		unsigned nest = me->nest < 15 ? me->nest + 1 : 15;
		struct task *n = task_create(k, nr, me->nr, nest, me->arch, me->name);
		if (n)
			task_take_prename(k, n);
		struct thread *th = n ? thread_create(k, n, 0) : 0;
		if (!th || !map_kernel_page(n, n->arch->kip_addr, kip_phys_for(k, n), false)) {
			if (n)
				task_delete(k, n, me->nr);
			fail(t);
			return;
		}
		n->depth = me->depth + 1;
		n->version = ++k->version[nr] & 0x3ffu;
		th->id = task_id(k, nr);
		th->prio = t->prio;
		th->mcp = mcp_or_chief < t->mcp ? mcp_or_chief : t->mcp;
		thread_start(k, th, ip, sp, pager);
		id = th->id;
	}
	TRACE(k, .kind = TR_TASK_NEW, .thread = t, .peer = id, .has_peer = true,
	      .n = {!id_is_nil(pager)}, .nn = 1);
	a->set_slot(t->regs, S0, 0);
	a->set_slot(t->regs, S5, id.lo);
	a->set_slot(t->regs, S6, id.hi);
}
