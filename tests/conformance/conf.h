/*
 * Shared helpers of the conformance programs (tests/conformance, docs/conformance.md): threads
 * of the own task on their own stacks, a user-level pager thread, a long-IPC sender thread, the
 * KIP clock and one-line check output. A program defines ID ("IPC0001") before including it.
 * Everything printed must be the same on every ISA: codes, counts, words, task.lthread numbers.
 */
#ifndef CONF_H
#define CONF_H

#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>
#include <string.h>

#ifndef ID
#error "define ID before including conf.h"
#endif

/* say("send to nil: 0x%02x", err) prints "IPC0003 send to nil: 0x10". */
#define say(...)     (printf(ID " " __VA_ARGS__), putchar('\n'))
#define okfail(cond) ((cond) ? "ok" : "fail")

#define CONF_THREADS	128
#define CONF_STACK_SIZE 8192
#define NEVER		L4_IPC_NEVER
#define SHORT		L4_IPC_SHORT_MSG
#define ALL_ONES	((l4_umword_t)~0UL)

/* A timeout of m * 4^(15-e) us for send (s) and receive (r), page-fault timeouts infinite. */
#define TIMEOUT(sm, se, rm, re) L4_IPC_TIMEOUT(sm, se, rm, re, 0, 0)
#define RCV_MS(ms)		TIMEOUT(0, 0, ms, 10) /* ms * 1024 us, ms < 256 */
#define SND_MS(ms)		TIMEOUT(ms, 10, 0, 0)

static unsigned char conf_stacks[CONF_THREADS][CONF_STACK_SIZE] __attribute__((aligned(4096)));
static void (*conf_fns[CONF_THREADS])(void);

/* Lthread n of the calling task. */
static inline l4_threadid_t conf_id(unsigned n)
{
	l4_threadid_t t = l4_myself();
	t.id.lthread = n;
	return t;
}

static inline unsigned lthread_of(l4_threadid_t t)
{
	return t.id.lthread;
}

/* lthread_ex_regs on lthread n; *pager in: the new pager or invalid, out: the old one. */
static inline void conf_ex_regs(unsigned n, l4_umword_t ip, l4_umword_t sp, l4_threadid_t *pager,
				l4_umword_t *old_ip, l4_umword_t *old_sp)
{
	l4_threadid_t preempter = L4_INVALID_ID;
	l4_umword_t flags;
	l4_thread_ex_regs(conf_id(n), ip, sp, &preempter, pager, &flags, old_ip, old_sp);
}

/* The pager of lthread n, read without changing anything. */
static inline l4_threadid_t conf_pager_of(unsigned n)
{
	l4_threadid_t pager = L4_INVALID_ID;
	l4_umword_t ip, sp;
	conf_ex_regs(n, ALL_ONES, ALL_ONES, &pager, &ip, &sp);
	return pager;
}

static inline void conf_set_pager(unsigned n, l4_threadid_t pager)
{
	l4_umword_t ip, sp;
	conf_ex_regs(n, ALL_ONES, ALL_ONES, &pager, &ip, &sp);
}

/* Blocks the calling thread for good (a receive from nil without timeout). */
static inline void conf_park(void)
{
	for (;;)
		l4_ipc_sleep(NEVER);
}

static void conf_entry(void)
{
	conf_fns[l4_myself().id.lthread]();
	conf_park();
}

static inline l4_umword_t conf_stack_top(unsigned n)
{
	return (l4_umword_t)(conf_stacks[n] + CONF_STACK_SIZE - 16);
}

/* Starts lthread n at fn (which may return) with the given pager. The stack pages are touched
 * first, so a thread whose pager does not answer still starts. */
static inline void conf_spawn_paged(unsigned n, void (*fn)(void), l4_threadid_t pager)
{
	for (unsigned off = 0; off < CONF_STACK_SIZE; off += 4096)
		((volatile unsigned char *)conf_stacks[n])[off] = 0;
	conf_fns[n] = fn;
	l4_umword_t ip, sp;
	conf_ex_regs(n, (l4_umword_t)conf_entry, conf_stack_top(n), &pager, &ip, &sp);
}

/* Gives lthread n a timeslice of 255 * 4^14 us (about 19 hours) at its priority, so it runs until
 * it blocks or yields (thread_schedule): for programs about the order of equal-priority threads,
 * which timeslice preemption would otherwise make depend on the host's timing. */
static inline void conf_long_slice(unsigned n)
{
	l4_threadid_t ext = L4_INVALID_ID, partner;
	l4_sched_param_t old, p = {.sched_param = 0};
	l4_thread_schedule(conf_id(n), L4_INVALID_SCHED_PARAM, &ext, &partner, &old);
	p.sp.prio = old.sp.prio;
	p.sp.time_man = 255;
	p.sp.time_exp = 1;
	l4_thread_schedule(conf_id(n), p, &ext, &partner, &old);
}

/* Starts lthread n at fn, paged by the creator's pager. */
static inline l4_threadid_t conf_spawn(unsigned n, void (*fn)(void))
{
	conf_spawn_paged(n, fn, conf_pager_of(l4_myself().id.lthread));
	return conf_id(n);
}

/* Lets the other ready threads run until they block: the caller sleeps 50 ms (they need
 * microseconds; the rest is margin for a loaded host). Afterwards a thread that was started to
 * block in an IPC is blocked there. */
static inline void conf_settle(void)
{
	l4_ipc_sleep(RCV_MS(50));
}

/* Sets lthread n's ip to where it is: an IPC it is blocked in is cancelled (or aborted), and
 * the thread goes on after it with the error code as the binding's result. */
static inline void conf_cancel(unsigned n)
{
	l4_threadid_t pager = L4_INVALID_ID;
	l4_umword_t ip, sp, ip2;
	conf_ex_regs(n, ALL_ONES, ALL_ONES, &pager, &ip, &sp);
	conf_ex_regs(n, ip, ALL_ONES, &pager, &ip2, &sp);
}

/* Short IPC shorthands (infinite timeouts unless given). */
static inline int conf_send(l4_threadid_t to, l4_umword_t w0, l4_umword_t w1, l4_timeout_t t)
{
	l4_msgdope_t dope;
	return l4_ipc_send(to, SHORT, w0, w1, t, &dope);
}

static inline int conf_recv(l4_threadid_t from, l4_umword_t *w0, l4_umword_t *w1, l4_timeout_t t)
{
	l4_umword_t d0, d1;
	l4_msgdope_t dope;
	return l4_ipc_receive(from, SHORT, w0 ? w0 : &d0, w1 ? w1 : &d1, t, &dope);
}

/* An open wait; any output pointer may be 0. */
static inline int conf_wait(l4_threadid_t *src, l4_umword_t *w0, l4_umword_t *w1, l4_timeout_t t)
{
	l4_threadid_t s;
	l4_umword_t d0, d1;
	l4_msgdope_t dope;
	return l4_ipc_wait(src ? src : &s, SHORT, w0 ? w0 : &d0, w1 ? w1 : &d1, t, &dope);
}

/* The KIP clock in microseconds, read right after a system call that the kernel handles itself
 * (lthread_ex_regs reading main's pager), which brings it up to date: read at other times,
 * umol4's clock can lag by up to 1 ms (pending/tim0004_kipclock.c). */
static inline l4_cpu_time_t conf_now(void)
{
	static volatile l4_kernel_info_t *kip;
	if (!kip)
		kip = l4_kernel_interface();
	conf_pager_of(0);
	return kip->clock;
}

/* Whether an operation that started at t0 lasted at least us, and less than 200 ms or (for long
 * ones) twice as long: "ok", or "fail" with the time it took. The margin is for a loaded host. */
static inline const char *conf_took(l4_cpu_time_t t0, l4_cpu_time_t us)
{
	static char verdict[48];
	l4_cpu_time_t d = conf_now() - t0;
	if (d >= us && d < (us > 100000 ? 2 * us : 200000))
		return "ok";
	snprintf(verdict, sizeof verdict, "fail (took %lu us)", (unsigned long)d);
	return verdict;
}

/*
 * Long messages: CONF_MSG(name, dwords, strings) declares the V2 buffer layout (receive fpage,
 * size dope, send dope, dwords with dword 0 and 1 in registers, string dopes), conf_msg_init()
 * sets the dopes.
 */
#define CONF_MSG(name, ndw, nstr)                                                                  \
	struct name {                                                                              \
		l4_fpage_t fpage;                                                                  \
		l4_msgdope_t size;                                                                 \
		l4_msgdope_t send;                                                                 \
		l4_umword_t dw[ndw];                                                               \
		l4_strdope_t str[nstr];                                                            \
	}

/* The size dope says what the buffer holds, the send dope what goes out (dwords, strings). */
#define conf_msg_init(m, size_dw, size_str, send_dw, send_str)                                     \
	((m)->fpage.fpage = 0, (m)->size = L4_IPC_DOPE(size_dw, size_str),                         \
	 (m)->send = L4_IPC_DOPE(send_dw, send_str))

static inline void conf_str(l4_strdope_t *s, const void *snd, l4_umword_t snd_size, void *rcv,
			    l4_umword_t rcv_size)
{
	s->snd_str = (l4_umword_t)snd;
	s->snd_size = snd_size;
	s->rcv_str = (l4_umword_t)rcv;
	s->rcv_size = rcv_size;
}

/*
 * The long-IPC sender: for every round number k main sends it, it sends main
 * conf_rounds[k].msg (w0 = k, w1 = ~k) and then reports its own result code.
 */
struct conf_round {
	const void *msg;
	l4_timeout_t timeout;
};
static struct conf_round conf_rounds[16];

static inline void conf_sender(void)
{
	l4_threadid_t boss = conf_id(0);
	for (;;) {
		l4_umword_t k;
		if (conf_recv(boss, &k, 0, NEVER))
			continue;
		l4_msgdope_t dope;
		int err =
		    l4_ipc_send(boss, conf_rounds[k].msg, k, ~k, conf_rounds[k].timeout, &dope);
		conf_send(boss, (l4_umword_t)err, 0, NEVER);
	}
}

/* Main's side of round k: the request and the receive into rcv are one call, so the sender
 * finds main waiting; then the sender's result arrives in *serr. Returns main's result code. */
static inline int conf_exchange(l4_threadid_t sender, unsigned k, void *rcv, l4_timeout_t t,
				l4_msgdope_t *dope, int *serr)
{
	l4_umword_t w0, w1, e;
	int err = l4_ipc_call(sender, SHORT, k, 0, rcv, &w0, &w1, t, dope);
	if (!err && (w0 != k || w1 != ~(l4_umword_t)k))
		say("round %u: wrong register words", k);
	conf_recv(sender, &e, 0, NEVER);
	*serr = (int)e;
	return err;
}

/* One-string rounds: conf_sender sends len bytes from src as round k with snd_to; the returned
 * receive buffer takes them into dst (pass it to conf_exchange). */
CONF_MSG(conf_string_msg, 2, 1);
static inline void *conf_string_round(unsigned k, const char *src, char *dst, l4_umword_t len,
				      l4_timeout_t snd_to)
{
	static struct conf_string_msg out[16], in;
	conf_msg_init(&out[k], 2, 1, 2, 1);
	conf_str(&out[k].str[0], src, len, 0, 0);
	conf_rounds[k] = (struct conf_round){&out[k], snd_to};
	conf_msg_init(&in, 2, 1, 0, 0);
	conf_str(&in.str[0], 0, 0, dst, len);
	return &in;
}

/*
 * A user-level pager thread of the task: it resolves a fault by touching the page itself (its
 * own pager, sigma0, then maps it into the task) and answers with a short message. Faults the
 * kernel raises while copying a long message (w1 = 0xffffffff) are logged; with conf_hold set,
 * it tells main (lthread 0) about such a fault and leaves it unanswered.
 */
struct conf_fault {
	l4_umword_t addr;
	unsigned write, from, pager;
	unsigned task, kernel; /* conf_mem_pager: the faulting task; w1 was 0xffffffff */
};
static struct conf_fault conf_faults[32];
static volatile unsigned conf_nfaults; /* conf_mem_pager counts on beyond the 32 it logs */
static volatile int conf_hold;

static inline void conf_pager(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	unsigned me = l4_myself().id.lthread;
	int err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
	for (;;) {
		if (!err && w1 == ALL_ONES && conf_nfaults < 32)
			conf_faults[conf_nfaults++] = (struct conf_fault){
			    w0 & ~3UL, (w0 & 2) != 0, lthread_of(src), me, src.id.task, 1};
		if (err || (w1 == ALL_ONES && conf_hold)) {
			if (!err)
				conf_send(conf_id(0), w0, lthread_of(src), NEVER);
			err = l4_ipc_wait(&src, SHORT, &w0, &w1, NEVER, &dope);
			continue;
		}
		volatile l4_umword_t *p = (volatile l4_umword_t *)(w0 & ~3UL);
		if (w0 & 2)
			*p = *p;
		else
			(void)*p;
		err = l4_ipc_reply_and_wait(src, SHORT, 0, 0, &src, SHORT, &w0, &w1,
					    L4_IPC_SEND_TIMEOUT_0, &dope);
	}
}

#include "conf_tasks.h"

#endif
