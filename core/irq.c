#include "core/irq.h"
#include "core/ipc.h"
#include "core/plat.h"
#include "core/sched.h"
#include "core/trace.h"

static void deliver(struct kernel *k, struct thread *t, unsigned n)
{
	const struct arch *a = t->task->arch;
	a->set_slot(t->regs, S2, 0);
	a->set_slot(t->regs, S3, 0);
	a->set_slot(t->regs, S5, n + 1);
	a->set_slot(t->regs, S6, 0);
	TRACE(k, .kind = TR_IRQ, .thread = t, .n = {n}, .nn = 1);
	ipc_complete_receive(k, t, 0); /* interrupts arrive with dope 0 (Fiasco) */
}

static bool waits_for(const struct thread *t, unsigned n)
{
	return t->state == TS_RECV_WAIT && !t->ipc.pagefault && (t->ipc.open || t->ipc.irq == n + 1);
}

void irq_raise(struct kernel *k, unsigned n)
{
	if (n >= NIRQS)
		return;
	struct irq *q = &k->irqs[n];
	if (q->owner && waits_for(q->owner, n)) {
		timeout_disarm(k, q->owner);
		deliver(k, q->owner, n);
	} else {
		q->pending = true;
	}
}

static void attach(struct kernel *k, struct thread *t, unsigned n)
{
	irq_detach_all(k, t);
	k->irqs[n].owner = t;
	if (n == IRQ_TIMER)
		k->irq0_next = plat_now_us() + IRQ0_PERIOD;
	plat_irq_attach(n, true);
}

void irq_detach_all(struct kernel *k, struct thread *t)
{
	for (unsigned n = 0; n < NIRQS; n++) {
		if (k->irqs[n].owner != t)
			continue;
		k->irqs[n].owner = 0;
		k->irqs[n].pending = false;
		if (n == IRQ_TIMER)
			k->irq0_next = 0;
		plat_irq_attach(n, false);
	}
}

bool irq_receive(struct kernel *k, struct thread *t, bool zero_timeout)
{
	l4id_t src = t->ipc.dest;
	if (id_is_nil(src)) {
		if (!zero_timeout)
			return false;
		irq_detach_all(k, t); /* receive from nil with timeout 0 = detach */
		return false;         /* ...and otherwise an ordinary RETIMEOUT */
	}
	if (!id_is_irq(src))
		return false;
	unsigned n = src.lo - 1;
	struct irq *q = n < NIRQS ? &k->irqs[n] : 0;
	if (!q || (q->owner && q->owner != t)) {
		ipc_complete_receive(k, t, IPC_ENOT_EXISTENT);
		return true;
	}
	if (q->owner == t && q->pending) {
		q->pending = false;
		deliver(k, t, n);
		return true;
	}
	if (zero_timeout) {
		if (q->owner != t)
			attach(k, t, n);
		ipc_complete_receive(k, t, IPC_RETIMEOUT);
		return true;
	}
	if (q->owner != t) { /* waiting for an interrupt one is not associated with */
		ipc_complete_receive(k, t, IPC_ENOT_EXISTENT);
		return true;
	}
	t->ipc.irq = n + 1;
	return false; /* the caller blocks the thread as for any closed receive */
}

bool irq_take_pending(struct kernel *k, struct thread *t)
{
	for (unsigned n = 0; n < NIRQS; n++) {
		if (k->irqs[n].owner == t && k->irqs[n].pending) {
			k->irqs[n].pending = false;
			deliver(k, t, n);
			return true;
		}
	}
	return false;
}

bool irq_host_source_attached(const struct kernel *k)
{
	return k->irqs[IRQ_CONSOLE].owner != 0;
}

void irq_timer_fire(struct kernel *k, uint64_t now)
{
	if (!k->irq0_next || now < k->irq0_next)
		return;
	/* a late tick is one interrupt, not a burst: the period restarts from now */
	k->irq0_next = now + IRQ0_PERIOD;
	irq_raise(k, IRQ_TIMER);
}
