#include "core/sched.h"
#include "core/ipc.h"
#include "core/irq.h"
#include "core/kip.h"
#include "core/plat.h"

void sched_ready(struct kernel *k, struct thread *t, bool front)
{
	t->state = TS_READY;
	if (t->queued)
		return;
	struct thread **head = &k->rq[t->prio];
	if (!*head) {
		t->rq_next = t->rq_prev = t;
		*head = t;
		k->rq_bitmap[t->prio / 32] |= 1u << (t->prio % 32);
	} else {
		t->rq_next = *head;
		t->rq_prev = (*head)->rq_prev;
		t->rq_prev->rq_next = t;
		(*head)->rq_prev = t;
		if (front)
			*head = t;
	}
	t->queued = true;
}

void sched_unready(struct kernel *k, struct thread *t)
{
	if (!t->queued)
		return;
	struct thread **head = &k->rq[t->prio];
	if (t->rq_next == t) {
		*head = 0;
		k->rq_bitmap[t->prio / 32] &= ~(1u << (t->prio % 32));
	} else {
		t->rq_prev->rq_next = t->rq_next;
		t->rq_next->rq_prev = t->rq_prev;
		if (*head == t)
			*head = t->rq_next;
	}
	t->rq_next = t->rq_prev = 0;
	t->queued = false;
}

void sched_rotate(struct kernel *k, struct thread *t)
{
	if (t->queued && k->rq[t->prio] == t)
		k->rq[t->prio] = t->rq_next;
}

struct thread *sched_pick(struct kernel *k)
{
	if (k->timeouts || k->irq0_next) {
		uint64_t now = plat_now_us();
		if (timeout_next(k) <= now)
			kip_tick(k, now); /* a thread woken by its timeout sees the clock past it */
		timeout_fire(k, now);
	}
	for (int w = 7; w >= 0; w--) {
		if (!k->rq_bitmap[w])
			continue;
		unsigned prio = (unsigned)w * 32 + 31 - (unsigned)__builtin_clz(k->rq_bitmap[w]);
		return k->rq[prio];
	}
	return 0;
}

void timeout_arm(struct kernel *k, struct thread *t, uint64_t wakeup)
{
	timeout_disarm(k, t);
	t->wakeup = wakeup ? wakeup : 1;
	struct thread **p = &k->timeouts;
	while (*p && (*p)->wakeup <= t->wakeup)
		p = &(*p)->to_next;
	t->to_next = *p;
	*p = t;
}

void timeout_disarm(struct kernel *k, struct thread *t)
{
	if (!t->wakeup)
		return;
	for (struct thread **p = &k->timeouts; *p; p = &(*p)->to_next) {
		if (*p == t) {
			*p = t->to_next;
			break;
		}
	}
	t->wakeup = 0;
	t->to_next = 0;
}

uint64_t timeout_next(const struct kernel *k)
{
	uint64_t t = k->timeouts ? k->timeouts->wakeup : 0;
	if (k->irq0_next && (!t || k->irq0_next < t))
		t = k->irq0_next;
	return t;
}

void timeout_fire(struct kernel *k, uint64_t now)
{
	irq_timer_fire(k, now);
	while (k->timeouts && k->timeouts->wakeup <= now) {
		struct thread *t = k->timeouts;
		timeout_disarm(k, t);
		ipc_timeout(k, t);
	}
}
