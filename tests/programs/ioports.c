/* ia32 I/O ports the V2 way (reference §3.1, §4.1; docs/devices.md), booted as the root task.
 * The root takes the test device's 16 ports from sigma0 with an I/O fault message, starts a
 * child task whose pager is the root's lthread 1, and that pager sees the child's I/O faults
 * (the I/O fpage of the accessed ports, with the write bit) and answers them: a map of the four
 * ports the fault names, a grant of the upper eight. The root then flushes its ports from the
 * other spaces: the mapped ones are gone (the child's next access faults again, and the pager
 * ends the child), the granted ones stayed (granting took them out of the root's subtree). */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/devices.h>
#include <stdio.h>

#define STACK 8192
#define PORT  0x500 /* the test device (docs/devices.md) */
static unsigned char stacks[2][STACK] __attribute__((aligned(16)));
static int faults;

#define thread(nr, lt) ((l4_threadid_t){.id = {.lthread = (lt), .task = (nr)}})

static int call(l4_threadid_t to, l4_umword_t w)
{
	l4_umword_t r0, r1;
	l4_msgdope_t d;
	return l4_ipc_call(to, L4_IPC_SHORT_MSG, w, 0, L4_IPC_SHORT_MSG, &r0, &r1, L4_IPC_NEVER,
			   &d);
}

/* The child's pager: I/O faults answered as the test wants, memory from our own space. */
static const void *handle(l4_threadid_t src, l4_msgdope_t dope, l4_umword_t *w0, l4_umword_t *w1)
{
	if ((*w0 >> 28) != 0xf || src.id.task != 5)
		return loader_own_page(src, dope, w0, w1);
	unsigned port = (*w0 >> 12) & 0xffff, log2 = (*w0 >> 2) & 0x3f;
	printf("pager: I/O fault %u: fpage 0x%08x (ports 0x%x, %u, %s)\n", ++faults,
	       (unsigned)(*w0 & ~3UL), port, 1u << log2, *w0 & 2 ? "write" : "read");
	if (faults == 1) { /* map what the fault names */
		*w1 = l4_iofpage(port, log2, L4_FPAGE_MAP).fpage;
	} else if (faults == 2) { /* grant eight ports around it */
		*w1 = l4_iofpage(port & ~7u, 3, L4_FPAGE_GRANT).fpage;
	} else { /* no more: end the child and tell the root */
		l4_task_new(thread(5, 0), l4_myself().lh.low, 0, 0, L4_NIL_ID);
		call(thread(4, 0), 0);
		return LOADER_NO_REPLY;
	}
	*w0 = 0;
	return L4_IPC_SHORT_FPAGE;
}

static void pager(void)
{
	loader_serve(handle);
}

static void child(void)
{
	umol4_outl(PORT, 0x11223344);	   /* fault 1: write, 4 ports */
	unsigned b = umol4_inb(PORT + 1);  /* held: no fault */
	unsigned w = umol4_inw(PORT + 10); /* fault 2: read, 2 ports */
	printf("child: inb 0x%x = 0x%02x, inw 0x%x = 0x%04x\n", PORT + 1, b, PORT + 10, w);
	call(thread(4, 0), 1); /* the root flushes */
	printf("child: granted port 0x%x after the flush: 0x%02x\n", PORT + 9,
	       umol4_inb(PORT + 9)); /* no fault */
	umol4_inb(PORT);	     /* fault 3: the pager ends us */
	printf("child: FAILED: in after the flush worked\n");
	for (;;)
		call(thread(4, 0), 2);
}

int main(void)
{
	l4_threadid_t sigma0 = thread(2, 0), src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, l4_iofpage(PORT, 4, 0).fpage, 0,
			      L4_IPC_IOMAPMSG(0, L4_WHOLE_IOADDRESS_SPACE), &w0, &w1, L4_IPC_NEVER,
			      &dope);
	printf("sigma0 gave 16 ports: %s (fpage 0x%08x)\n",
	       !err && l4_ipc_fpage_received(dope) ? "ok" : "FAILED", (unsigned)w1);
	umol4_outw(PORT + 10, 0xbeef);
	printf("root: inw 0x%x = 0x%04x\n", PORT + 10, umol4_inw(PORT + 10));

	l4_threadid_t pre = L4_INVALID_ID, pg = L4_INVALID_ID;
	l4_umword_t f, ip, sp;
	l4_thread_ex_regs(thread(4, 1), (l4_umword_t)pager, (l4_umword_t)(stacks[0] + STACK - 16),
			  &pre, &pg, &f, &ip, &sp);
	l4_task_new(thread(5, 0), 255, (l4_umword_t)(stacks[1] + STACK - 16), (l4_umword_t)child,
		    thread(4, 1));
	err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("root: the child wrote 0x%08x\n", (unsigned)umol4_inl(PORT));
	l4_fpage_unmap(l4_iofpage(PORT, 4, 0), L4_FP_FLUSH_PAGE | L4_FP_OTHER_SPACES);
	printf("root: flushed ports 0x%x..0x%x from the other spaces; still mine: 0x%02x\n", PORT,
	       PORT + 15, umol4_inb(PORT));
	l4_ipc_send(src, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_NEVER, &dope);
	err = l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("root: the pager ended the child after %d I/O faults\n", faults);
	return 0;
}
