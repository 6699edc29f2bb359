/* IPC: an optional send phase, then an optional receive phase, with no gap between them
 * (reference §2.2). A phase that cannot complete blocks the thread; the partner that later
 * completes it also continues the blocked thread's operation, so every transition happens
 * inside one kernel entry and the send->receive switch is atomic. */
#include "core/ipc.h"
#include "core/clan.h"
#include "core/irq.h"
#include "core/map.h"
#include "core/msg.h"
#include "core/plat.h"
#include "core/report.h"
#include "core/sched.h"
#include "core/task.h"
#include "core/trace.h"

#include <string.h>

#define INFINITE UINT64_MAX

uint64_t ipc_timeout_us(unsigned man, unsigned exp)
{
	if (exp == 0)
		return INFINITE;
	if (man == 0)
		return 0;
	return (uint64_t)man << (2 * (15 - exp));
}

static uint64_t snd_timeout(word_t to) { return ipc_timeout_us((to >> 16) & 0xff, (to >> 4) & 0xf); }
static uint64_t rcv_timeout(word_t to) { return ipc_timeout_us(to >> 24, to & 0xf); }

static void set_slot(struct thread *t, unsigned slot, word_t v)
{
	t->task->arch->set_slot(t->regs, slot, v);
}

static void pf_complete(struct kernel *k, struct thread *t, word_t dope);
static void kpf_complete(struct kernel *k, struct thread *f, word_t dope);

/* The end of t's IPC operation: its result goes into S0 and it may run again. */
static void finish(struct kernel *k, struct thread *t, word_t dope)
{
	trace_ipc_done(k, t, dope);
	timeout_disarm(k, t);
	t->ipc.partner = 0;
	if (t->in_kpf) {
		kpf_complete(k, t, dope);
		return;
	}
	if (t->ipc.pagefault) {
		pf_complete(k, t, dope);
		return;
	}
	set_slot(t, S0, dope);
	sched_ready(k, t, false);
}

static void block(struct kernel *k, struct thread *t, enum thread_state st, uint64_t us)
{
	t->state = st;
	sched_unready(k, t);
	if (us != INFINITE)
		timeout_arm(k, t, plat_now_us() + us);
}

static void sendq_add(struct thread *r, struct thread *s)
{
	s->sq_next = 0;
	if (!r->sendq_head) {
		r->sendq_head = s;
		s->sq_prev = s;
	} else {
		struct thread *tail = r->sendq_head->sq_prev;
		tail->sq_next = s;
		s->sq_prev = tail;
		r->sendq_head->sq_prev = s;
	}
}

static void sendq_remove(struct thread *r, struct thread *s)
{
	if (r->sendq_head == s) {
		r->sendq_head = s->sq_next;
		if (s->sq_next)
			s->sq_next->sq_prev = s->sq_prev;
	} else {
		s->sq_prev->sq_next = s->sq_next;
		if (s->sq_next)
			s->sq_next->sq_prev = s->sq_prev;
		else
			r->sendq_head->sq_prev = s->sq_prev;
	}
	s->sq_next = s->sq_prev = 0;
}

static void receive_phase(struct kernel *k, struct thread *t);
static void send_phase(struct kernel *k, struct thread *t);

static void send_done(struct kernel *k, struct thread *s, word_t serr)
{
	if (serr)
		finish(k, s, serr);
	else
		receive_phase(k, s);
}

/* V2 page-fault timeout p (4 bits) as a full IPC timeout word for the pager RPC. */
static word_t pf_timeout_word(unsigned p)
{
	unsigned man = p == 15 ? 0 : 1, exp = p == 15 ? 1 : p; /* p == 0: exp 0, infinite */
	return (man << 24) | (man << 16) | (exp << 4) | exp;
}

static void xfer_fault(struct kernel *k, struct thread *s, struct thread *r,
		       const struct xfer *x);

/* Moves s's message into r. On success r's receive completes and s goes on to its receive
 * phase; on a missing buffer page the pair waits for that page (xfer_fault). */
static void do_transfer(struct kernel *k, struct thread *s, struct thread *r)
{
	struct xfer x;
	if (msg_transfer(k, s, r, &x) == XFER_FAULT) {
		xfer_fault(k, s, r, &x);
		return;
	}
	if (s->xfer == r) /* an interrupted transfer completes; a pager RPC leaves links alone */
		s->xfer = r->xfer = 0;
	if (s->ipc.pagefault)
		r->is_pager = true;
	r->trace_src_seq = s->trace_seq;
	if (!r->ipc.pagefault) {
		l4id_t from = s->ipc.deceit ? s->ipc.vsender : s->id;
		set_slot(r, S2, s->ipc.w0);
		set_slot(r, S3, s->ipc.w1);
		set_slot(r, S5, from.lo);
		set_slot(r, S6, from.hi);
		if (s->ipc.clan_dope) { /* the chief learns the intended destination */
			set_slot(r, S1, s->ipc.dest.lo);
			set_slot(r, S4, s->ipc.dest.hi);
		}
		x.rdope |= s->ipc.clan_dope | (s->ipc.deceit ? DOPE_DECEITED : 0);
	}
	finish(k, r, x.rdope);
	/* the receiver runs next among its priority, as Fiasco switches to the receiver */
	if (r->state == TS_READY) {
		sched_unready(k, r);
		sched_ready(k, r, true);
	}
	send_done(k, s, x.serr);
}

/* The fault is resolved "in the kernel" on behalf of the thread whose buffer it is: a call to
 * that thread's pager with w1 = 0xffffffff, bounded by the page-fault timeout (reference §2.2:
 * the sender's snd_pfault for faults in the receiver's space, the receiver's rcv_pfault for
 * faults in the sender's space). */
static void xfer_fault(struct kernel *k, struct thread *s, struct thread *r, const struct xfer *x)
{
	struct thread *f = x->fault_thread;
	s->xfer = r;
	r->xfer = s;
	s->xfer_sender = true;
	r->xfer_sender = false;
	for (struct thread *t = s;; t = r) {
		timeout_disarm(k, t);
		sched_unready(k, t);
		t->state = TS_XFER;
		if (t == r)
			break;
	}
	unsigned p = f == r ? (s->ipc.timeout >> 12) & 0xf : (r->ipc.timeout >> 8) & 0xf;
	if ((f->pf_addr ^ x->fault_addr) >= PAGE_SIZE || f->pf_write != x->fault_write)
		f->pf_repeats = 0;
	f->pf_addr = x->fault_addr;
	f->pf_write = x->fault_write;
	f->saved_ipc = f->ipc;
	f->in_kpf = true;
	memset(&f->ipc, 0, sizeof f->ipc);
	f->ipc.pagefault = true;
	f->ipc.rcv_desc = fpage_make(0, 32, false) | IPC_DESC_RMAP;
	f->ipc.timeout = pf_timeout_word(p);
	f->ipc.w0 = (x->fault_addr & ~3u) | (x->fault_write ? 2u : 0u);
	f->ipc.w1 = 0xffffffffu;
	f->ipc.dest = f->pager;
	send_phase(k, f);
}

/* Ends an interrupted transfer with errors on both sides. */
static void xfer_fail(struct kernel *k, struct thread *t, word_t rerr, word_t serr)
{
	struct thread *p = t->xfer;
	struct thread *s = t->xfer_sender ? t : p, *r = t->xfer_sender ? p : t;
	s->xfer = r->xfer = 0;
	finish(k, r, rerr);
	finish(k, s, serr);
}

/* The pager RPC of an interrupted transfer ended: retry, or fail the transfer. */
static void kpf_complete(struct kernel *k, struct thread *f, word_t dope)
{
	word_t err = dope & 0xf0u, pa;
	f->ipc = f->saved_ipc;
	f->in_kpf = false;
	f->state = TS_XFER;
	struct thread *p = f->xfer;
	struct thread *s = f->xfer_sender ? f : p, *r = f->xfer_sender ? p : f;
	if (!err && !task_translate(k, f->task, f->pf_addr, f->pf_write, &pa) &&
	    ++f->pf_repeats >= 3)
		err = IPC_RETIMEOUT; /* a pager that answers without mapping: give up as a timeout */
	if (err == IPC_RECANCELED || err == IPC_SECANCELED)
		xfer_fail(k, f, IPC_REABORTED, IPC_SEABORTED);
	else if (err)
		xfer_fail(k, f, f == r ? IPC_RESNDPFTO : IPC_RERCVPFTO,
			  f == r ? IPC_SESNDPFTO : IPC_SERCVPFTO);
	else
		do_transfer(k, s, r);
}

static bool accepts(const struct thread *r, const struct thread *s)
{
	return r->state == TS_RECV_WAIT && (r->ipc.open || r->ipc.partner == s);
}

/* Deceit (reference §5): a chief forwarding a message may name a virtual sender, if the
 * direction is preserved; otherwise the message goes out under the chief's own id. */
static void take_deceit(struct kernel *k, struct thread *t)
{
	const struct arch *a = t->task->arch;
	l4id_t v;
	if (a->deceit_on_stack) {
		word_t raw[2];
		if (!user_read(k, t->task, a->get_sp(t->regs), raw, 8))
			return;
		v.lo = task_word(t->task, raw[0]);
		v.hi = task_word(t->task, raw[1]);
	} else {
		v.lo = a->get_slot(t->regs, S7);
		v.hi = a->get_slot(t->regs, S8);
	}
	if (clan_deceit_ok(k, t->task, t->ipc.dest, v)) {
		t->ipc.deceit = true;
		t->ipc.vsender = v;
	}
}

static void send_phase(struct kernel *k, struct thread *t)
{
	if (id_is_nil(t->ipc.dest)) {
		finish(k, t, IPC_ENOT_EXISTENT);
		return;
	}
	if (!t->ipc.pagefault && (t->ipc.snd_desc & IPC_DESC_DECEIT))
		take_deceit(k, t);
	/* a message crossing a clan boundary goes to the nearest chief on the path, which sees
	 * "redirected", plus "from my inner clan" when it is the sender's own chief */
	l4id_t near;
	struct thread *d;
	if (clan_nearest(k, t->task, t->ipc.dest, &near) == NC_SAME_CLAN) {
		t->ipc.clan_dope = 0;
		d = thread_lookup(k, t->ipc.dest);
	} else {
		t->ipc.clan_dope = DOPE_REDIRECTED |
				   (id_task(near) == t->task->chief ? DOPE_INNER : 0);
		d = thread_lookup(k, near);
	}
	if (!d) {
		finish(k, t, IPC_ENOT_EXISTENT);
		return;
	}
	t->ipc.partner = d;
	if (accepts(d, t)) {
		timeout_disarm(k, d);
		do_transfer(k, t, d);
		return;
	}
	uint64_t us = snd_timeout(t->ipc.timeout);
	if (us == 0) {
		finish(k, t, IPC_SETIMEOUT);
		return;
	}
	sendq_add(d, t);
	block(k, t, TS_SEND_WAIT, us);
}

static void receive_phase(struct kernel *k, struct thread *t)
{
	word_t rd = t->ipc.rcv_desc;
	if (rd == IPC_NIL_DESC) {
		finish(k, t, 0);
		return;
	}
	t->ipc.open = rd & IPC_DESC_OPEN;
	t->ipc.rcv_window = (rd & IPC_DESC_RMAP) ? (rd & ~3u) : 0;
	t->ipc.partner = 0;
	uint64_t us = rcv_timeout(t->ipc.timeout);
	struct thread *from = 0;
	if (t->ipc.open) {
		if (irq_take_pending(k, t))
			return;
		from = t->sendq_head;
	} else if (irq_receive(k, t, us == 0)) {
		return;
	} else if (t->ipc.irq) {
		/* waits for its interrupt below */
	} else if (!id_is_nil(t->ipc.dest)) {
		/* a message from outside the clan physically comes from the nearest chief */
		l4id_t near;
		clan_nearest(k, t->task, t->ipc.dest, &near);
		struct thread *src = thread_lookup(k, near);
		if (!src) {
			finish(k, t, IPC_ENOT_EXISTENT);
			return;
		}
		t->ipc.partner = src;
		if (src->state == TS_SEND_WAIT && src->ipc.partner == t)
			from = src;
	}
	if (from) {
		sendq_remove(t, from);
		timeout_disarm(k, from);
		do_transfer(k, from, t);
		return;
	}
	if (us == 0) {
		finish(k, t, IPC_RETIMEOUT);
		return;
	}
	block(k, t, TS_RECV_WAIT, us);
}

void ipc_complete_receive(struct kernel *k, struct thread *t, word_t dope)
{
	bool was_blocked = t->state != TS_READY;
	finish(k, t, dope);
	if (was_blocked && t->state == TS_READY) {
		sched_unready(k, t);
		sched_ready(k, t, true);
	}
}

void ipc_syscall(struct kernel *k, struct thread *t)
{
	const struct arch *a = t->task->arch;
	memset(&t->ipc, 0, sizeof t->ipc);
	t->ipc.snd_desc = a->get_slot(t->regs, S0);
	t->ipc.timeout = a->get_slot(t->regs, S1);
	t->ipc.w0 = a->get_slot(t->regs, S2);
	t->ipc.w1 = a->get_slot(t->regs, S3);
	t->ipc.rcv_desc = a->get_slot(t->regs, S4);
	t->ipc.dest.lo = a->get_slot(t->regs, S5);
	t->ipc.dest.hi = a->get_slot(t->regs, S6);
	if (t->ipc.snd_desc != IPC_NIL_DESC)
		send_phase(k, t);
	else
		receive_phase(k, t);
}

void ipc_pagefault(struct kernel *k, struct thread *t, word_t addr, bool write)
{
	memset(&t->ipc, 0, sizeof t->ipc);
	t->ipc.pagefault = true;
	t->ipc.snd_desc = 0;
	t->ipc.rcv_desc = fpage_make(0, 32, false) | IPC_DESC_RMAP;
	t->ipc.timeout = 0; /* all infinite */
	t->ipc.w0 = (addr & ~3u) | (write ? 2u : 0u);
	t->ipc.w1 = t->task->arch->get_ip(t->regs);
	t->ipc.dest = t->pager;
	if ((t->pf_addr ^ addr) >= PAGE_SIZE || t->pf_ip != t->ipc.w1 || t->pf_write != write)
		t->pf_repeats = 0;
	t->pf_addr = addr;
	t->pf_ip = t->ipc.w1;
	t->pf_write = write;
	if (k->tracing) {
		struct trace_ev e = {.kind = TR_PAGEFAULT, .thread = t, .n = {write}, .nn = 1,
				     .peer = t->pager, .has_peer = true, .mem = true, .addr = addr,
				     .has_addr = true};
		t->trace_seq = plat_trace(&e);
	}
	send_phase(k, t);
}

/* The pager answered (or the RPC failed): restart the faulting instruction, unless the pager
 * evidently cannot resolve this fault, which would otherwise loop forever. */
static void pf_complete(struct kernel *k, struct thread *t, word_t dope)
{
	word_t err = dope & 0xf0u;
	t->ipc.pagefault = false;
	if (err == IPC_RECANCELED || err == IPC_SECANCELED) {
		sched_ready(k, t, false);
		return;
	}
	if (err == IPC_ENOT_EXISTENT) {
		report_fault(k, t, "page fault: no pager", t->pf_addr, t->pf_write);
		return;
	}
	if (!err && task_holds(k, t->task, t->pf_addr, t->pf_write)) {
		t->pf_repeats = 0;
	} else if (++t->pf_repeats >= 3) {
		report_fault(k, t, "page fault not resolved by the pager", t->pf_addr,
			     t->pf_write);
		return;
	}
	sched_ready(k, t, false);
}

void ipc_timeout(struct kernel *k, struct thread *t)
{
	if (t->state == TS_SEND_WAIT) {
		sendq_remove(t->ipc.partner, t);
		finish(k, t, IPC_SETIMEOUT);
	} else if (t->state == TS_RECV_WAIT) {
		finish(k, t, IPC_RETIMEOUT);
	}
}

/* Stops whatever IPC t is in: a blocked send or receive is cancelled; a transfer in progress
 * (waiting for a page fault) is aborted on both sides (reference §2.7). */
void ipc_cancel(struct kernel *k, struct thread *t)
{
	struct thread *f = t->state == TS_XFER && t->xfer && t->xfer->in_kpf ? t->xfer : t;
	if (f->in_kpf) {
		/* unwind the pager RPC first; its partner thread learns nothing of it */
		if (f->state == TS_SEND_WAIT)
			sendq_remove(f->ipc.partner, f);
		timeout_disarm(k, f);
		f->ipc = f->saved_ipc;
		f->in_kpf = false;
		f->state = TS_XFER;
		xfer_fail(k, f, IPC_REABORTED, IPC_SEABORTED);
	} else if (t->state == TS_XFER) {
		xfer_fail(k, t, IPC_REABORTED, IPC_SEABORTED);
	} else if (t->state == TS_SEND_WAIT) {
		timeout_disarm(k, t);
		sendq_remove(t->ipc.partner, t);
		finish(k, t, IPC_SECANCELED);
	} else if (t->state == TS_RECV_WAIT) {
		timeout_disarm(k, t);
		finish(k, t, IPC_RECANCELED);
	}
}

void ipc_thread_gone(struct kernel *k, struct thread *t)
{
	ipc_cancel(k, t);
	while (t->sendq_head) {
		struct thread *s = t->sendq_head;
		sendq_remove(t, s);
		timeout_disarm(k, s);
		finish(k, s, IPC_ENOT_EXISTENT);
	}
	/* closed receivers waiting for t, and pager RPCs addressed to it */
	for (unsigned i = 0; i < L4_TASKS; i++) {
		struct task *task = k->tasks[i];
		for (unsigned l = 0; task && l < L4_LTHREADS; l++) {
			struct thread *w = task->threads[l];
			if (w && w != t && w->state == TS_RECV_WAIT && w->ipc.partner == t) {
				timeout_disarm(k, w);
				finish(k, w, IPC_ENOT_EXISTENT);
			}
		}
	}
	timeout_disarm(k, t);
	sched_unready(k, t);
	t->state = TS_DEAD;
}
