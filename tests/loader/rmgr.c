/* LDR0002: the RMGR client library against the loader: ping, rmgr_id, task ids by module name,
 * an inactive task number moved to us and created in our clan (and given back), a task the
 * loader creates for us (its chief is the loader), interrupts, priorities, reserved physical
 * memory, the sigma0 protocol spoken to rmgr_pager_id, a page given back. */
#include <l4/loader/loader.h>
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

#define NR    0x50 /* task numbers asked for */
#define STACK 4096
static unsigned char stacks[3][STACK] __attribute__((aligned(16)));

static unsigned char scratch[4096] __attribute__((aligned(4096)));
static l4_threadid_t parent; /* shared with the children, which run on our pages */

static l4_umword_t top(int i)
{
	return (l4_umword_t)(stacks[i] + STACK - 16);
}

/* Runs in the child tasks: tells us who it is and how it sees us, then waits to be killed. */
static void child(void)
{
	l4_threadid_t me = l4_myself(), near;
	l4_msgdope_t d;
	int type = l4_id_nearest(parent, &near);
	l4_ipc_send(parent, L4_IPC_SHORT_MSG, me.id.chief, (l4_umword_t)type, L4_IPC_NEVER, &d);
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}

static void hear_from(l4_threadid_t t, const char *what)
{
	l4_umword_t chief, type;
	l4_msgdope_t d;
	int err = l4_ipc_receive(t, L4_IPC_SHORT_MSG, &chief, &type, L4_IPC_NEVER, &d);
	printf("%s: task %x says 0x%x: chief %lx, we are its type-0x%02lx partner\n", what,
	       t.id.task, err, (unsigned long)chief, (unsigned long)type);
}

static l4_taskid_t number(unsigned nr)
{
	l4_taskid_t t = L4_NIL_ID;
	t.id.task = nr;
	return t;
}

static const char *ok(l4_taskid_t t)
{
	return l4_is_nil_id(t) ? "failed" : "ok";
}

static void tasks(l4_threadid_t pager)
{
	printf("get task 0x%x: %d\n", NR, rmgr_get_task(NR));
	printf("get it again: %d\n", rmgr_get_task(NR));
	l4_taskid_t t = l4_task_new(number(NR), 255, top(0), (l4_umword_t)child, pager);
	printf("created task %x, chief %x\n", t.id.task, t.id.chief);
	hear_from(t, "own child");
	l4_task_new(t, l4_myself().lh.low, 0, 0, L4_NIL_ID); /* kill it, keep the number */
	printf("give it back: %d\n", rmgr_free_task(NR));
	printf("get it again: %d\n", rmgr_get_task(NR));

	t = rmgr_task_new(number(NR + 1), 255, top(1), (l4_umword_t)child, pager);
	printf("rmgr_task_new: task %x, chief %x\n", t.id.task, t.id.chief);
	hear_from(t, "loader's child");
	printf("rmgr kills it: %s\n", ok(rmgr_task_new(t, 0, 0, 0, L4_NIL_ID)));
	printf("kills it again: %s\n", ok(rmgr_task_new(t, 0, 0, 0, L4_NIL_ID)));
	/* NR is ours now, not the loader's to create */
	t = rmgr_task_new(number(NR), 255, top(2), (l4_umword_t)child, pager);
	printf("rmgr_task_new of task 0x%x: %s\n", NR, ok(t));
}

static void irqs(void)
{
	l4_threadid_t irq;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	l4_make_taskid_from_irq(0, &irq);
	printf("get irq 0: %d\n", rmgr_get_irq(0));
	int err = l4_ipc_receive(irq, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &d);
	printf("associate: 0x%x\n", err);
	err = l4_ipc_receive(irq, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
	printf("a tick: 0x%x\n", err);
	l4_ipc_receive(L4_NIL_ID, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_RECV_TIMEOUT_0, &d);
	printf("free irq 0: %d\n", rmgr_free_irq(0));
	printf("free it again: %d\n", rmgr_free_irq(0));
	printf("get irq 16: %d\n", rmgr_get_irq(16));
}

/* Asks rmgr_pager_id as one would ask sigma0, with a one-page receive window at win. */
static int sigma0_call(l4_umword_t w0, l4_umword_t w1, l4_addr_t win, const char *what)
{
	l4_umword_t a, b;
	l4_msgdope_t d;
	int err = l4_ipc_call(rmgr_pager_id, L4_IPC_SHORT_MSG, w0, w1,
			      L4_IPC_MAPMSG(win, L4_LOG2_PAGESIZE), &a, &b, L4_IPC_NEVER, &d);
	printf("%s: error 0x%x, %s\n", what, err,
	       l4_ipc_fpage_received(d) ? "a page"
	       : a || b			? "no page, not a 0-reply"
					: "0-reply");
	return !err && l4_ipc_fpage_received(d);
}

static void memory(void)
{
	/* RMGR's memory is physical and 1:1: a reservation appears at its address */
	l4_addr_t a = rmgr_reserve_mem(0x4000, 14, 0, 0x04000000, 0x05000000);
	int in = a != ~0UL && a >= 0x04000000 && !(a & 0x3fff) && a + 0x4000 <= 0x05000000;
	printf("reserve 16 KiB, 16 KiB aligned, in [0x04000000, 0x05000000]: %s\n",
	       in ? "ok" : "failed");
	if (in) {
		volatile l4_umword_t *p = (l4_umword_t *)a;
		p[0] = 7;
		p[0xffc] = 9;
		printf("it holds what we write: %lu %lu\n", (unsigned long)p[0],
		       (unsigned long)p[0xffc]);
		printf("free_page of a reserved page: %d\n", rmgr_free_page(a + 0x1000));
	}
	printf("reserve beyond memory: %s\n",
	       rmgr_reserve_mem(0x4000, 12, 0, 0xa0000000, 0xa0100000) == ~0UL ? "refused"
									       : "granted");
	if (sigma0_call(0xfffffffc, 0, 0x06000000, "any page")) {
		*(volatile l4_umword_t *)0x06000000 = 5;
		printf("  usable: %lu\n", (unsigned long)*(volatile l4_umword_t *)0x06000000);
	}
	if (sigma0_call(1, 1, 0x06001000, "the KIP"))
		printf("  magic ok: %d\n",
		       ((l4_kernel_info_t *)0x06001000)->magic == L4_KERNEL_INFO_MAGIC);
	sigma0_call(1, 0, 0x06002000, "kernel memory");
}

int main(void)
{
	l4_threadid_t me = l4_myself(), id;
	parent = me;
	printf("rmgr_init: %d\n", rmgr_init());
	printf("rmgr_id %x.%02x, rmgr_pager_id %x.%02x\n", rmgr_id.id.task, rmgr_id.id.lthread,
	       rmgr_pager_id.id.task, rmgr_pager_id.id.lthread);
	int err = rmgr_get_task_id("rmgr.elf", &id);
	printf("task id of rmgr.elf: %d, is me: %d\n", err, l4_task_equal(id, me));
	err = rmgr_get_task_id("nothere", &id);
	printf("task id of nothere: %d, invalid: %d\n", err, l4_is_invalid_id(id));

	tasks(loader_self_pager(1, stacks[2], STACK));
	irqs();

	int prio;
	rmgr_get_prio(me, &prio);
	printf("set my priority 0x%x: %d\n", prio + 1, rmgr_set_prio(me, prio + 1));
	rmgr_get_prio(me, &prio);
	printf("my priority: 0x%x\n", prio);
	memory();
	scratch[0] = 42;
	printf("free_page of a page of mine: %d\n", rmgr_free_page((l4_umword_t)scratch));
	printf("it comes back fresh: %d\n", scratch[0]);
	printf("free_page of a page not mine: %d\n", rmgr_free_page(0x60000000));
	return 0;
}
