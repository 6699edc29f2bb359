/* IPC, page-fault RPC, timeouts and the scheduler, driven through the core's entry points with
 * the ia32 register roles (no processes involved). */
#include "core/ipc.h"
#include "core/map.h"
#include "core/report.h"
#include "core/sched.h"
#include "core/task.h"
#include "tests/unit/check.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

static struct kernel K;
static uint8_t *phys;
#define PHYS_SIZE (16u << 20)

void unit_kernel_setup(void)
{
	fake_reset();
	kernel_destroy(&K);
	free(phys);
	phys = calloc(1, PHYS_SIZE);
	kernel_init(&K, phys, PHYS_SIZE);
}

struct kernel *unit_kernel(void) { return &K; }

struct thread *unit_thread(unsigned task, unsigned lt, const struct arch *a)
{
	struct task *t = K.tasks[task];
	if (!t)
		t = task_create(&K, task, 4, 1, a, "test");
	struct thread *th = thread_create(&K, t, lt);
	thread_start(&K, th, 0x1000, 0x2000, L4ID_NIL);
	return th;
}

static word_t S(struct thread *t, unsigned s) { return t->task->arch->get_slot(t->regs, s); }

static void ipc(struct thread *t, word_t snd, word_t rcv, l4id_t dest, word_t w0, word_t w1,
		word_t timeout)
{
	const struct arch *a = t->task->arch;
	a->set_slot(t->regs, S0, snd);
	a->set_slot(t->regs, S1, timeout);
	a->set_slot(t->regs, S2, w0);
	a->set_slot(t->regs, S3, w1);
	a->set_slot(t->regs, S4, rcv);
	a->set_slot(t->regs, S5, dest.lo);
	a->set_slot(t->regs, S6, dest.hi);
	ipc_syscall(&K, t);
}

#define NEVER 0u
#define SND0_RCV_NEVER 0x00000010u /* snd exp 1, mantissa 0: zero; rcv infinite */
#define RCV0 0x00000001u

static void test_call_reply(void)
{
	unit_kernel_setup();
	struct thread *a = unit_thread(5, 0, &arch_x86), *b = unit_thread(6, 0, &arch_x86);
	ipc(b, IPC_NIL_DESC, 1, L4ID_NIL, 0, 0, NEVER); /* wait */
	CHECK_EQ(b->state, TS_RECV_WAIT);
	ipc(a, 0, 0, b->id, 11, 22, NEVER); /* call */
	CHECK_EQ(b->state, TS_READY);
	CHECK_EQ(S(b, S0), DOPE(2, 0));
	CHECK_EQ(S(b, S2), 11);
	CHECK_EQ(S(b, S3), 22);
	CHECK_EQ(S(b, S5), a->id.lo);
	CHECK_EQ(S(b, S6), a->id.hi);
	CHECK_EQ(a->state, TS_RECV_WAIT);
	CHECK(sched_pick(&K) == b);
	/* reply_and_wait with send timeout 0: the caller is already waiting (atomic transition) */
	ipc(b, 0, 1, a->id, 33, 44, SND0_RCV_NEVER);
	CHECK_EQ(a->state, TS_READY);
	CHECK_EQ(S(a, S0), DOPE(2, 0));
	CHECK_EQ(S(a, S2), 33);
	CHECK_EQ(S(a, S3), 44);
	CHECK_EQ(S(a, S5), b->id.lo);
	CHECK_EQ(b->state, TS_RECV_WAIT);
	CHECK(sched_pick(&K) == a);
}

static void test_errors(void)
{
	unit_kernel_setup();
	struct thread *a = unit_thread(5, 0, &arch_x86), *b = unit_thread(6, 0, &arch_x86);
	ipc(a, 0, IPC_NIL_DESC, L4ID_NIL, 0, 0, NEVER);
	CHECK_EQ(S(a, S0), IPC_ENOT_EXISTENT);
	ipc(a, 0, IPC_NIL_DESC, id_make(77, 0, 0, 0), 0, 0, NEVER);
	CHECK_EQ(S(a, S0), IPC_ENOT_EXISTENT);
	ipc(a, 0, IPC_NIL_DESC, b->id, 0, 0, SND0_RCV_NEVER); /* b not receiving */
	CHECK_EQ(S(a, S0), IPC_SETIMEOUT);
	ipc(a, IPC_NIL_DESC, 1, L4ID_NIL, 0, 0, RCV0); /* nobody sends */
	CHECK_EQ(S(a, S0), IPC_RETIMEOUT);
	/* a short-fpage send to a receiver without a receive window is cut on both sides */
	ipc(b, IPC_NIL_DESC, 1, L4ID_NIL, 0, 0, NEVER);
	ipc(a, IPC_DESC_MAP, IPC_NIL_DESC, b->id, 0x1000, fpage_make(0x1000, 12, 1), NEVER);
	CHECK_EQ(S(a, S0), IPC_SEMSGCUT);
	CHECK_EQ(S(b, S0) & 0xf0, IPC_REMSGCUT);
}

static void test_timeouts(void)
{
	unit_kernel_setup();
	struct thread *a = unit_thread(5, 0, &arch_x86), *b = unit_thread(6, 0, &arch_x86);
	CHECK_EQ(ipc_timeout_us(1, 10), 1024);
	CHECK_EQ(ipc_timeout_us(0, 0), UINT64_MAX);
	CHECK_EQ(ipc_timeout_us(0, 5), 0);
	CHECK_EQ(ipc_timeout_us(255, 15), 255);
	fake_now = 100;
	ipc(a, IPC_NIL_DESC, 0, L4ID_NIL, 0, 0, (1u << 24) | 10); /* sleep 1024 us */
	CHECK_EQ(a->state, TS_RECV_WAIT);
	CHECK_EQ(timeout_next(&K), 1124);
	fake_now = 1123;
	sched_pick(&K);
	CHECK_EQ(a->state, TS_RECV_WAIT);
	fake_now = 1124;
	sched_pick(&K);
	CHECK_EQ(a->state, TS_READY);
	CHECK_EQ(S(a, S0), IPC_RETIMEOUT);
	/* send timeout: b never receives */
	ipc(a, 0, IPC_NIL_DESC, b->id, 0, 0, (1u << 16) | (10u << 4));
	CHECK_EQ(a->state, TS_SEND_WAIT);
	fake_now += 2000;
	sched_pick(&K);
	CHECK_EQ(S(a, S0), IPC_SETIMEOUT);
	CHECK(b->sendq_head == 0);
}

static void test_closed_wait_busy(void)
{
	unit_kernel_setup();
	struct thread *a = unit_thread(5, 0, &arch_x86), *b = unit_thread(6, 0, &arch_x86),
		      *c = unit_thread(7, 0, &arch_x86);
	ipc(b, IPC_NIL_DESC, 0, a->id, 0, 0, NEVER); /* b receives from a only */
	ipc(c, 0, IPC_NIL_DESC, b->id, 7, 0, NEVER);
	CHECK_EQ(c->state, TS_SEND_WAIT); /* b looks busy to c */
	ipc(a, 0, IPC_NIL_DESC, b->id, 5, 0, NEVER);
	CHECK_EQ(S(a, S0), 0);
	CHECK_EQ(S(b, S2), 5);
	ipc(b, IPC_NIL_DESC, 1, L4ID_NIL, 0, 0, NEVER); /* now open: c's queued message */
	CHECK_EQ(S(b, S2), 7);
	CHECK_EQ(c->state, TS_READY);
	CHECK_EQ(S(c, S0), 0);
}

static void test_pagefault_rpc(void)
{
	unit_kernel_setup();
	struct thread *p = unit_thread(2, 0, &arch_x86), *f = unit_thread(5, 0, &arch_x86);
	p->task->idempotent = true;
	f->pager = p->id;
	arch_x86.set_ip(f->regs, 0x4242);
	arch_x86.set_slot(f->regs, S2, 0xdead);
	ipc(p, IPC_NIL_DESC, 1, L4ID_NIL, 0, 0, NEVER);
	ipc_pagefault(&K, f, 0x12345, true);
	CHECK_EQ(S(p, S2), 0x12346);
	CHECK_EQ(S(p, S3), 0x4242);
	CHECK_EQ(S(p, S5), f->id.lo);
	CHECK_EQ(f->state, TS_RECV_WAIT);
	ipc(p, IPC_DESC_MAP, 1, f->id, 0x12000, fpage_make(0x12000, 12, true), SND0_RCV_NEVER);
	CHECK_EQ(S(p, S0) & 0xf0, 0);
	CHECK_EQ(f->state, TS_READY);
	CHECK_EQ(S(f, S2), 0xdead); /* the faulting thread's registers stay untouched */
	CHECK_EQ(pt_lookup(&f->task->pt, 0x12), (0x12u << 12) | PTE_PRESENT | PTE_WRITE);
	word_t first, last;
	CHECK(pt_take_stale(&f->task->pt, &first, &last) && first == 0x12 && last == 0x12);
	CHECK(!pt_take_stale(&f->task->pt, &first, &last));
	/* a pager that keeps answering without mapping is reported instead of looping */
	for (int i = 0; i < 3; i++) {
		ipc_pagefault(&K, f, 0x50000, false);
		ipc(p, 0, 1, f->id, 0, 0, SND0_RCV_NEVER);
	}
	CHECK_EQ(f->state, TS_KILLED);
	CHECK_EQ(K.run, RUN_FATAL);
	CHECK(strstr(fake_log, "not resolved by the pager") != 0);
}

static void test_no_pager(void)
{
	unit_kernel_setup();
	struct thread *f = unit_thread(5, 0, &arch_x86);
	ipc_pagefault(&K, f, 0x1000, false);
	CHECK_EQ(f->state, TS_KILLED);
	CHECK(strstr(fake_log, "no pager") != 0);
}

static void test_sched(void)
{
	unit_kernel_setup();
	struct thread *a = unit_thread(5, 0, &arch_x86), *b = unit_thread(5, 1, &arch_x86);
	CHECK(sched_pick(&K) == a);
	sched_rotate(&K, a);
	CHECK(sched_pick(&K) == b);
	sched_rotate(&K, b);
	CHECK(sched_pick(&K) == a);
	struct thread *h = unit_thread(6, 0, &arch_x86);
	sched_unready(&K, h);
	h->prio = 200;
	sched_ready(&K, h, false);
	CHECK(sched_pick(&K) == h);
	sched_unready(&K, h);
	CHECK(sched_pick(&K) == a);
}

static void test_deadlock_report(void)
{
	unit_kernel_setup();
	struct thread *a = unit_thread(5, 0, &arch_x86), *b = unit_thread(6, 0, &arch_x86);
	ipc(a, IPC_NIL_DESC, 0, b->id, 0, 0, NEVER);
	ipc(b, IPC_NIL_DESC, 0, a->id, 0, 0, NEVER);
	CHECK(sched_pick(&K) == 0);
	CHECK_EQ(timeout_next(&K), 0);
	report_deadlock(&K);
	CHECK_EQ(K.run, RUN_DEADLOCK);
	CHECK(strstr(fake_log, "thread 5.00 (x86, test): waiting for a message from 6.00") != 0);
	CHECK(strstr(fake_log, "thread 6.00 (x86, test): waiting for a message from 5.00") != 0);
}

const struct unit_test ipc_tests[] = {
	{"ipc call/wait/reply", test_call_reply},
	{"ipc error codes", test_errors},
	{"ipc timeouts", test_timeouts},
	{"ipc closed wait looks busy", test_closed_wait_busy},
	{"page-fault rpc", test_pagefault_rpc},
	{"page fault without pager", test_no_pager},
	{"scheduler priorities and round robin", test_sched},
	{"deadlock report", test_deadlock_report},
	{0, 0},
};
