#include "core/schedule.h"
#include "core/ipc.h"
#include "core/plat.h"
#include "core/sched.h"
#include "core/task.h"

#define PARAM_INVALID 0xffffffffu

unsigned timeout_encode(uint64_t us, unsigned *man, unsigned *exp)
{
	/* the finest exponent whose mantissa still fits 8 bits: us ~ man * 4^(15-exp) */
	for (unsigned e = 15; e >= 1; e--) {
		uint64_t m = us >> (2 * (15 - e));
		if (m <= 255) {
			*man = (unsigned)m;
			*exp = e;
			return (unsigned)((m << 4) | e);
		}
	}
	*man = 255;
	*exp = 1;
	return (255u << 4) | 1u;
}

/* V2 thread state nibble for thread_schedule (reference §2.6). */
static unsigned state_code(const struct thread *t)
{
	unsigned k = t->ipc.pagefault ? 1 : 0;
	switch (t->state) {
	case TS_READY:
		return 0 + k;
	case TS_SEND_WAIT:
		return k ? 4 + k : 0xd;
	case TS_RECV_WAIT:
		return k ? 8 + k : 0xc;
	case TS_XFER:
		return t->xfer_sender ? 4 : 8;
	default:
		return 0xf;
	}
}

static word_t param_word(const struct thread *t)
{
	unsigned man = t->timeslice ? t->ts_man : 0, exp = t->timeslice ? t->ts_exp : 0;
	return (t->prio & 0xff) | (t->small_space & 0xff) << 8 | state_code(t) << 16 | exp << 20 |
	       man << 24;
}

void sys_thread_schedule(struct kernel *k, struct thread *t)
{
	const struct arch *a = t->task->arch;
	word_t param = a->get_slot(t->regs, S0);
	l4id_t ext = {a->get_slot(t->regs, S3), a->get_slot(t->regs, S4)};
	l4id_t dest = {a->get_slot(t->regs, S5), a->get_slot(t->regs, S6)};
	struct thread *d = thread_lookup(k, dest);
	if (!d || d->prio > t->mcp) {
		a->set_slot(t->regs, S0, PARAM_INVALID);
		return;
	}
	word_t old = param_word(d);
	l4id_t old_ext = d->ext_preempter;
	l4id_t partner = L4ID_INVALID;
	if ((d->state == TS_SEND_WAIT || d->state == TS_RECV_WAIT) && d->ipc.partner)
		partner = d->ipc.partner->id;
	else if (d->state == TS_XFER && d->xfer)
		partner = d->xfer->id;
	uint64_t T = d->cputime & 0xffffffffffffull;
	unsigned mw = 0, ew = 0;
	if (d->wakeup) {
		uint64_t now = plat_now_us();
		timeout_encode(d->wakeup > now ? d->wakeup - now : 0, &mw, &ew);
	}

	if (param != PARAM_INVALID) {
		unsigned prio = param & 0xff;
		if (prio > t->mcp)
			prio = t->mcp; /* never above the caller's maximum controlled priority */
		if (prio != d->prio) {
			bool was_queued = d->queued;
			sched_unready(k, d);
			d->prio = prio;
			if (was_queued)
				sched_ready(k, d, false);
		}
		unsigned small = (param >> 8) & 0xff;
		if (small != 0 && small != 0xff)
			d->small_space = small;
		unsigned man = param >> 24, exp = (param >> 20) & 0xf;
		d->ts_man = man;
		d->ts_exp = exp;
		d->timeslice = exp ? (uint64_t)man << (2 * (15 - exp)) : 0;
		if (d->timeslice && d->timeslice < 100)
			d->timeslice = 100; /* the kernel's granularity: a host timer round trip */
		d->slice_left = d->timeslice;
	}
	if (!id_is_invalid(ext))
		d->ext_preempter = ext;

	a->set_slot(t->regs, S0, old);
	a->set_slot(t->regs, S1, (word_t)T);
	a->set_slot(t->regs, S2, (mw << 24) | (ew << 20) | (word_t)(T >> 32));
	a->set_slot(t->regs, S3, old_ext.lo);
	a->set_slot(t->regs, S4, old_ext.hi);
	a->set_slot(t->regs, S5, partner.lo);
	a->set_slot(t->regs, S6, partner.hi);
}

void sched_charge(struct kernel *k, struct thread *t, uint64_t us)
{
	t->cputime += us;
	if (!t->timeslice)
		return;
	if (t->slice_left > us) {
		t->slice_left -= us;
		return;
	}
	t->slice_left = t->timeslice;
	sched_rotate(k, t);
}

uint64_t sched_slice_left(const struct thread *t)
{
	return t->timeslice ? t->slice_left : UINT64_MAX;
}
