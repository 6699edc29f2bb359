/* Long IPC: dwords, strings, message cut, and page faults inside the partner's buffer that the
 * kernel resolves through that thread's pager while the transfer waits. */
#include "core/ipc.h"
#include "core/map.h"
#include "core/sched.h"
#include "core/task.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static struct kernel *K;
static word_t next_frame = 0x100;

/* Gives task t a fresh frame at va; returns the kernel's pointer to it. */
static uint8_t *page(struct thread *t, word_t va)
{
	word_t pa = next_frame++ << 12;
	map_kernel_page(t->task, va, pa, true);
	return K->phys + pa + (va & 0xfff);
}

/* Word idx of a buffer of the (little-endian) x86 tasks, byte by byte: the host running these
 * tests may be of either byte order. */
static void put(uint8_t *p, unsigned idx, word_t v)
{
	for (unsigned i = 0; i < 4; i++)
		p[4 * idx + i] = (uint8_t)(v >> (8 * i));
}
static word_t get(const uint8_t *p, unsigned idx)
{
	word_t v = 0;
	for (unsigned i = 0; i < 4; i++)
		v |= (word_t)p[4 * idx + i] << (8 * i);
	return v;
}
static word_t S(struct thread *t, unsigned s) { return arch_x86.get_slot(t->regs, s); }

static void ipcw(struct thread *t, word_t snd, word_t rcv, l4id_t dest, word_t w0, word_t w1,
		 word_t timeout)
{
	arch_x86.set_slot(t->regs, S0, snd);
	arch_x86.set_slot(t->regs, S1, timeout);
	arch_x86.set_slot(t->regs, S2, w0);
	arch_x86.set_slot(t->regs, S3, w1);
	arch_x86.set_slot(t->regs, S4, rcv);
	arch_x86.set_slot(t->regs, S5, dest.lo);
	arch_x86.set_slot(t->regs, S6, dest.hi);
	ipc_syscall(K, t);
}

static void ipc(struct thread *t, word_t snd, word_t rcv, l4id_t dest, word_t timeout)
{
	ipcw(t, snd, rcv, dest, 0x11, 0x22, timeout);
}

struct pair {
	struct thread *a, *b;
	uint8_t *sbuf, *rbuf;
};

/* a's message at 0x10000: 4 dwords, 1 string "hello world" at 0x11000; b's buffer at 0x20000:
 * `rdw` dwords, 1 string buffer of `room` bytes at 0x21000 (mapped only if `map_rstr`). */
static struct pair setup(word_t rdw, word_t room, bool map_rstr)
{
	unit_kernel_setup();
	K = unit_kernel();
	next_frame = 0x100;
	struct pair p;
	p.a = unit_thread(5, 0, &arch_x86);
	p.b = unit_thread(6, 0, &arch_x86);
	p.sbuf = page(p.a, 0x10000);
	memcpy(page(p.a, 0x11000), "hello world", 11);
	put(p.sbuf, 1, DOPE(4, 1));
	put(p.sbuf, 2, DOPE(4, 1));
	put(p.sbuf, 5, 0xd2);
	put(p.sbuf, 6, 0xd3);
	put(p.sbuf, 7, 11);
	put(p.sbuf, 8, 0x11000);
	p.rbuf = page(p.b, 0x20000);
	put(p.rbuf, 1, DOPE(rdw, 1));
	put(p.rbuf, 3 + rdw + 2, room);
	put(p.rbuf, 3 + rdw + 3, 0x21000);
	if (map_rstr)
		page(p.b, 0x21000);
	return p;
}

static void test_long_message(void)
{
	struct pair p = setup(4, 64, true);
	ipc(p.b, IPC_NIL_DESC, 0x20000 | 1, L4ID_NIL, 0);
	ipc(p.a, 0x10000, IPC_NIL_DESC, p.b->id, 0);
	CHECK_EQ(S(p.a, S0), 0);
	CHECK_EQ(S(p.b, S0), DOPE(4, 1));
	CHECK_EQ(S(p.b, S2), 0x11);
	CHECK_EQ(get(p.rbuf, 5), 0xd2);
	CHECK_EQ(get(p.rbuf, 6), 0xd3);
	CHECK_EQ(get(p.rbuf, 2), DOPE(4, 1));   /* what was received */
	CHECK_EQ(get(p.rbuf, 7), 11);           /* received string length */
	word_t pa;
	CHECK(task_translate(K, p.b->task, 0x21000, false, &pa));
	CHECK(memcmp(K->phys + pa, "hello world", 11) == 0);
}

static void test_cut(void)
{
	struct pair p = setup(3, 64, true); /* room for 3 dwords only */
	ipc(p.b, IPC_NIL_DESC, 0x20000 | 1, L4ID_NIL, 0);
	ipc(p.a, 0x10000, IPC_NIL_DESC, p.b->id, 0);
	CHECK_EQ(S(p.a, S0), IPC_SEMSGCUT);
	CHECK_EQ(S(p.b, S0) & 0xf0, IPC_REMSGCUT);
	struct pair q = setup(4, 5, true); /* string buffer too small */
	ipc(q.b, IPC_NIL_DESC, 0x20000 | 1, L4ID_NIL, 0);
	ipc(q.a, 0x10000, IPC_NIL_DESC, q.b->id, 0);
	CHECK_EQ(S(q.a, S0), IPC_SEMSGCUT);
	CHECK_EQ(S(q.b, S0) & 0xf0, IPC_REMSGCUT);
	/* a register-only receiver gets the two words and a cut */
	struct pair r = setup(4, 64, true);
	ipc(r.b, IPC_NIL_DESC, 1, L4ID_NIL, 0);
	ipc(r.a, 0x10000, IPC_NIL_DESC, r.b->id, 0);
	CHECK_EQ(S(r.b, S0), DOPE(2, 0) | IPC_REMSGCUT);
	CHECK_EQ(S(r.b, S2), 0x11);
}

static void test_fault_in_receiver_buffer(void)
{
	struct pair p = setup(4, 64, false);
	struct thread *pager = unit_thread(2, 0, &arch_x86);
	pager->task->idempotent = true;
	p.b->pager = pager->id;
	ipc(pager, IPC_NIL_DESC, 1, L4ID_NIL, 0);
	ipc(p.b, IPC_NIL_DESC, 0x20000 | 1, L4ID_NIL, 0);
	ipc(p.a, 0x10000, IPC_NIL_DESC, p.b->id, 0);
	/* the pager got b's fault: the string buffer, a write, ip 0xffffffff */
	CHECK_EQ(S(pager, S2), 0x21002);
	CHECK_EQ(S(pager, S3), 0xffffffffu);
	CHECK_EQ(S(pager, S5), p.b->id.lo);
	CHECK_EQ(p.a->state, TS_XFER);
	CHECK_EQ(p.b->state, TS_RECV_WAIT); /* b waits for its pager on its own behalf */
	/* map a page there; the transfer completes */
	ipcw(pager, IPC_DESC_MAP, 1, p.b->id, 0x21000, fpage_make(0x300000, 12, true), 0x10);
	CHECK_EQ(S(p.a, S0), 0);
	CHECK_EQ(S(p.b, S0), DOPE(4, 1));
	CHECK(memcmp(K->phys + 0x300000, "hello world", 11) == 0);
	CHECK_EQ(p.a->state, TS_READY);
	CHECK_EQ(p.b->state, TS_READY);
}

static void test_fault_timeout_and_abort(void)
{
	struct pair p = setup(4, 64, false);
	struct thread *pager = unit_thread(2, 0, &arch_x86);
	p.b->pager = pager->id;
	ipc(p.b, IPC_NIL_DESC, 0x20000 | 1, L4ID_NIL, 0);
	/* the sender's snd_pfault = 14: 4 us; the pager never answers */
	ipc(p.a, 0x10000, IPC_NIL_DESC, p.b->id, 14u << 12);
	CHECK_EQ(p.a->state, TS_XFER);
	fake_now += 10;
	sched_pick(K);
	CHECK_EQ(S(p.b, S0), IPC_RESNDPFTO);
	CHECK_EQ(S(p.a, S0), IPC_SESNDPFTO);
	CHECK(pager->sendq_head == 0);

	struct pair q = setup(4, 64, false);
	pager = unit_thread(2, 0, &arch_x86);
	q.b->pager = pager->id;
	ipc(q.b, IPC_NIL_DESC, 0x20000 | 1, L4ID_NIL, 0);
	ipc(q.a, 0x10000, IPC_NIL_DESC, q.b->id, 0);
	ipc_cancel(K, q.a); /* lthread_ex_regs on the sender during the transfer */
	CHECK_EQ(S(q.a, S0), IPC_SEABORTED);
	CHECK_EQ(S(q.b, S0), IPC_REABORTED);
	CHECK(pager->sendq_head == 0);
}

const struct unit_test longipc_tests[] = {
	{"long ipc: dwords and strings", test_long_message},
	{"long ipc: message cut", test_cut},
	{"long ipc: fault in receiver buffer paged in", test_fault_in_receiver_buffer},
	{"long ipc: page-fault timeout and abort", test_fault_timeout_and_abort},
	{0, 0},
};
