/* ia32 string I/O, ins and outs (docs/devices.md), booted as the root task. The root takes the
 * UART's and the test device's ports from sigma0 and runs every form on them: rep outsb of a
 * string to the UART prints it, outsb one byte at a time, rep outsb with the direction flag set
 * prints backwards; in the UART's loopback rep insb reads back what rep outsb sent, into two
 * fresh pages (page faults in the middle of the instruction); words and dwords on the test
 * device. Then a child task whose pager is the root's lthread 1 runs rep outsb and rep insw on
 * ports it does not hold (I/O faults first, then the page fault on the memory operand), and
 * outsb on a port nobody gives it: the pager ends it. */
#include <l4/loader/loader.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/devices.h>
#include <stdio.h>
#include <string.h>

#define UART	0x3f8 /* docs/devices.md */
#define TESTDEV 0x500
#define MCR	4
#define FCR	2
#define STACK	8192

#define OUTS(insn, port, src, n)                                                                   \
	__asm__ __volatile__(insn : "+S"(src), "+c"(n) : "d"(port) : "memory")
#define INS(insn, port, dst, n)                                                                    \
	__asm__ __volatile__(insn : "+D"(dst), "+c"(n) : "d"(port) : "memory")

#define thread(nr, lt) ((l4_threadid_t){.id = {.lthread = (lt), .task = (nr)}})

static unsigned char stacks[2][STACK] __attribute__((aligned(16)));
static char fresh[2 * 4096] __attribute__((aligned(4096))); /* untouched until rep insb */
static char child_buf[4096] __attribute__((aligned(4096))); /* the child's, untouched */

static int take(unsigned port, unsigned log2)
{
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	int err = l4_ipc_call(thread(2, 0), L4_IPC_SHORT_MSG, l4_iofpage(port, log2, 0).fpage, 0,
			      L4_IPC_IOMAPMSG(0, L4_WHOLE_IOADDRESS_SPACE), &w0, &w1, L4_IPC_NEVER,
			      &dope);
	return !err && l4_ipc_fpage_received(dope);
}

static void root_string_io(void)
{
	static const char hello[] = "uart: rep outsb prints this line\n";
	const char *s = hello;
	unsigned long n = sizeof hello - 1;
	OUTS("rep outsb", UART, s, n);
	printf("root: after rep outsb: esi moved %d, ecx %lu\n", (int)(s - hello), n);

	static const char one[] = "uart: outsb, one byte at a time\n";
	s = one;
	for (unsigned i = 0; i < sizeof one - 1; i++)
		OUTS("outsb", UART, s, n);
	printf("root: after %u outsb: esi moved %d\n", (unsigned)sizeof one - 1, (int)(s - one));

	static const char back[] = "\ndrawkcab ,bstuo per :trau";
	s = back + sizeof back - 2;
	n = sizeof back - 1;
	OUTS("std; rep outsb; cld", UART, s, n);
	printf("root: after std; rep outsb: esi moved %d\n", (int)(s - (back + sizeof back - 2)));

	/* loopback: what the transmitter sends, the receiver gets (16-byte FIFO) */
	umol4_outb(UART + FCR, 0x07);
	umol4_outb(UART + MCR, 0x10);
	static const char loop[] = "loopback";
	s = loop;
	n = 8;
	OUTS("rep outsb", UART, s, n);
	char *d = fresh + 4096 - 3; /* 3 bytes on the first fresh page, 5 on the second */
	n = 8;
	INS("rep insb", UART, d, n);
	umol4_outb(UART + MCR, 0);
	printf("root: rep insb across two fresh pages: \"%.8s\", edi moved %d, ecx %lu\n",
	       fresh + 4096 - 3, (int)(d - (fresh + 4096 - 3)), n);

	static const unsigned dwords[2] = {0x11223344, 0x55667788};
	const unsigned *sd = dwords;
	n = 2;
	OUTS("rep outsl", TESTDEV, sd, n);
	static const unsigned short words[3] = {0xaaaa, 0xbbbb, 0xcccc};
	const unsigned short *sw = words;
	n = 3;
	OUTS("rep outsw", TESTDEV + 8, sw, n);
	printf("root: rep outsl, rep outsw: inl 0x%x = 0x%08x, inl 0x%x = 0x%08x\n", TESTDEV,
	       umol4_inl(TESTDEV), TESTDEV + 8, umol4_inl(TESTDEV + 8));
	unsigned got[3] = {0};
	unsigned *dd = got + 2;
	n = 3;
	umol4_outl(TESTDEV + 4, 0xfeedf00d);
	INS("std; rep insl; cld", TESTDEV + 4, dd, n);
	unsigned short gw[2] = {0};
	unsigned short *dw = gw;
	INS("insw", TESTDEV + 2, dw, n);
	printf("root: std; rep insl: 0x%08x 0x%08x 0x%08x, edi at %d; insw: 0x%04x\n", got[0],
	       got[1], got[2], (int)(dd - got), gw[0]);
}

/* The child's pager: I/O faults and faults on child_buf reported, ports mapped from our own. */
static const void *handle(l4_threadid_t src, l4_msgdope_t dope, l4_umword_t *w0, l4_umword_t *w1)
{
	if ((*w0 >> 28) != 0xf) {
		l4_umword_t a = *w0 & ~3UL;
		if (a >= (l4_umword_t)child_buf && a < (l4_umword_t)child_buf + sizeof child_buf)
			printf("pager: page fault at child_buf + %u (%s)\n",
			       (unsigned)(a - (l4_umword_t)child_buf), *w0 & 2 ? "write" : "read");
		return loader_own_page(src, dope, w0, w1);
	}
	unsigned port = (*w0 >> 12) & 0xffff, log2 = (*w0 >> 2) & 0x3f;
	printf("pager: I/O fault: ports 0x%x, %u, %s\n", port, 1u << log2,
	       *w0 & 2 ? "write" : "read");
	unsigned base = port & ~7u, log2_all = 3;
	if (port >= TESTDEV && port < TESTDEV + 16) {
		base = TESTDEV;
		log2_all = 4;
	} else if (base != UART) { /* nobody gives that one: end the child */
		l4_task_new(thread(5, 0), l4_myself().lh.low, 0, 0, L4_NIL_ID);
		l4_msgdope_t d;
		l4_ipc_send(thread(4, 0), L4_IPC_SHORT_MSG, 0, 0, L4_IPC_NEVER, &d);
		return LOADER_NO_REPLY;
	}
	*w1 = l4_iofpage(base, log2_all, L4_FPAGE_MAP).fpage; /* the whole device's ports */
	*w0 = 0;
	return L4_IPC_SHORT_FPAGE;
}

static void pager(void)
{
	loader_serve(handle);
}

static void child(void)
{
	static const char line[] = "uart: the child's rep outsb, after its I/O fault\n";
	const char *s = line;
	unsigned long n = sizeof line - 1;
	OUTS("rep outsb", UART, s, n);
	char *d = child_buf;
	n = 2;
	INS("rep insw", TESTDEV + 2, d, n);
	printf("child: rep insw into child_buf: 0x%02x 0x%02x 0x%02x 0x%02x\n",
	       (unsigned char)child_buf[0], (unsigned char)child_buf[1],
	       (unsigned char)child_buf[2], (unsigned char)child_buf[3]);
	s = line;
	OUTS("outsb", 0x2f8, s, n); /* the pager ends us */
	printf("child: FAILED: outsb to a port nobody gave worked\n");
}

int main(void)
{
	printf("sigma0 gave the UART's 8 ports: %s, the test device's 16: %s\n",
	       take(UART, 3) ? "ok" : "FAILED", take(TESTDEV, 4) ? "ok" : "FAILED");
	root_string_io();
	l4_threadid_t pre = L4_INVALID_ID, pg = L4_INVALID_ID, src;
	l4_umword_t f, ip, sp, w0, w1;
	l4_msgdope_t dope;
	l4_thread_ex_regs(thread(4, 1), (l4_umword_t)pager, (l4_umword_t)(stacks[0] + STACK - 16),
			  &pre, &pg, &f, &ip, &sp);
	l4_task_new(thread(5, 0), 255, (l4_umword_t)(stacks[1] + STACK - 16), (l4_umword_t)child,
		    thread(4, 1));
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &dope);
	printf("root: the pager ended the child\n");
	return 0;
}
