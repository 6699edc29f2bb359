/*
 * L4E0012: a program written the way L4Env programs of 2003 are, from their conventions alone:
 * its own crt0 (crt0_own.S: _start first in .text, no main), 2003 types (unsigned int message
 * words), its own definition of a libc function (strrchr) next to ones from libl4, a write-touch
 * of [_etext, _end) like l4_touch_rw, the RMGR pager's 4 MB superpage request, and an
 * L4Env-style pager: it runs a child task on its own image and maps the child's faults from its
 * own space, read-only inside [_stext, _etext) and writable inside [_etext, _end), refusing
 * anything else. Built with -Werror=incompatible-pointer-types on every ISA.
 */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/consts.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHILD_TASK     0x60
#define SUPERPAGE_ADDR 0x0c000000u
#define STACK	       4096

extern char _stext[], _etext[], _edata[], _end[];
void _start(void);
__attribute__((__noreturn__)) void l4env_start(void);

static unsigned char pager_stack[STACK] __attribute__((aligned(16)));
static unsigned char child_stack[STACK] __attribute__((aligned(16)));
static const unsigned squares[8] = {0, 1, 4, 9, 16, 25, 36, 49}; /* read-only data */
static volatile unsigned child_sum;				 /* written by the child */
static l4_threadid_t parent;
static unsigned text_faults, text_writes, data_faults, refused;

/* Ours instead of libl4's: the program must still link, and libl4 must keep its strlen. */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	for (; *s; s++)
		if (*s == (char)c)
			last = s;
	return (char *)(c ? last : s);
}

/* An address the compiler cannot reason about: it would take two distinct symbols to differ. */
static l4_addr_t address(const void *p)
{
	l4_addr_t a = (l4_addr_t)p;
	__asm__("" : "+r"(a));
	return a;
}

/* L4Env's l4_touch_rw: one write per page, from the page the range begins in. */
static void l4_touch_rw(const void *addr, unsigned size)
{
	for (l4_addr_t a = l4_trunc_page(address(addr)); a < address(addr) + size; a += L4_PAGESIZE)
		__asm__ __volatile__("" : : "r"(*(volatile char *)a = *(volatile char *)a));
}

/* The child task: runs on our image through our pager, sums read-only data into our data. */
static void child(void)
{
	unsigned sum = 0;
	l4_msgdope_t d;
	for (unsigned i = 0; i < 8; i++)
		sum += squares[i];
	child_sum = sum;
	l4_ipc_send(parent, L4_IPC_SHORT_MSG, sum, 0, L4_IPC_NEVER, &d);
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}

/* lthread 1: the child's pager. Our own pages back its faults, with the rights the link
 * symbols give them. */
static void pager(void)
{
	l4_threadid_t src;
	unsigned int w0, w1;
	l4_msgdope_t d;
	int err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	for (;;) {
		l4_addr_t page = l4_trunc_page(w0), text = address(_stext), etext = address(_etext);
		int write = (w0 & 2) != 0;
		const void *desc = L4_IPC_SHORT_FPAGE;
		unsigned int fp = 0;
		if (err) {
			err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
			continue;
		}
		if (page >= text && page < etext && !write) {
			(void)*(volatile char *)page;
			fp = l4_fpage(page, L4_LOG2_PAGESIZE, L4_FPAGE_RO, L4_FPAGE_MAP).fpage;
			text_faults++;
		} else if (page >= etext && page < address(_end)) {
			*(volatile char *)page = *(volatile char *)page;
			fp = l4_fpage(page, L4_LOG2_PAGESIZE, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
			data_faults++;
		} else {
			text_writes += page >= text && page < etext;
			refused++;
			desc = L4_IPC_SHORT_MSG;
			page = 0;
		}
		err = l4_ipc_reply_and_wait(src, desc, page, fp, &src, L4_IPC_SHORT_MSG, &w0, &w1,
					    L4_IPC_SEND_TIMEOUT_0, &d);
	}
}

static void run_child(void)
{
	l4_threadid_t me = l4_myself(), preempter = L4_INVALID_ID, p = L4_INVALID_ID;
	l4_taskid_t t = L4_NIL_ID;
	unsigned int flags, ip, sp, sum = 0, dummy;
	l4_msgdope_t d;
	parent = me;
	me.id.lthread = 1;
	l4_thread_ex_regs(me, (l4_umword_t)pager, (l4_umword_t)(pager_stack + STACK - 16),
			  &preempter, &p, &flags, &ip, &sp);
	t.id.task = CHILD_TASK;
	if (rmgr_get_task(CHILD_TASK)) {
		printf("l4env: no task number for the child\n");
		return;
	}
	t = l4_task_new(t, 255, (l4_umword_t)(child_stack + STACK - 16), (l4_umword_t)child, me);
	int err = l4_ipc_receive(t, L4_IPC_SHORT_MSG, &sum, &dummy, L4_IPC_NEVER, &d);
	printf("l4env: child task says 0x%x: sum %u, in our data %u\n", err, sum, child_sum);
	printf("l4env: its pager mapped text read-only: %s, data writable: %s, refused %u "
	       "(writes to text %u)\n",
	       text_faults ? "yes" : "no", data_faults ? "yes" : "no", refused, text_writes);
	l4_task_new(t, parent.lh.low, 0, 0, L4_NIL_ID);
	rmgr_free_task(CHILD_TASK);
}

static void superpage(void)
{
	unsigned int w0 = 0, w1 = 0;
	l4_msgdope_t d;
	int err = l4_ipc_call(
	    rmgr_pager_id, L4_IPC_SHORT_MSG, SUPERPAGE_ADDR | 1, L4_LOG2_SUPERPAGESIZE << 2,
	    L4_IPC_MAPMSG(SUPERPAGE_ADDR, L4_LOG2_SUPERPAGESIZE), &w0, &w1, L4_IPC_NEVER, &d);
	l4_fpage_t fp = {.fpage = w1};
	volatile unsigned *last = (volatile unsigned *)(SUPERPAGE_ADDR + L4_SUPERPAGESIZE - 4);
	*last = 0x4e4e;
	printf("l4env: 4 MB from rmgr_pager_id: 0x%x, fpage %s, log2 size %u, last word %x\n", err,
	       l4_ipc_fpage_received(d) ? "received" : "missing", fp.fp.size, *last);
}

void l4env_start(void)
{
	const char *name = "l4/pkg/example";
	printf("l4env: own crt0, _start first: %s; own strrchr: %s, strlen %u\n",
	       address((const void *)_start) == address(_stext) ? "yes" : "no",
	       strrchr(name, '/') + 1, (unsigned)strlen(name));
	l4_touch_rw(_etext, (unsigned)(address(_end) - address(_etext)));
	printf("l4env: touched [_etext, _end) for writing\n");
	if (!rmgr_init()) {
		printf("l4env: no RMGR\n");
		exit(1);
	}
	superpage();
	run_child();
	exit(0);
}
