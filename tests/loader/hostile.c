/* LDR0010: no client can block sigma0 or the loader. A thread whose pager never receives (or
 * receives and never answers) sends each server a long message from a page that is not mapped:
 * the transfer needs that pager, so the server's page-fault timeout must end it (the attacker
 * sees SERCVPFTO, 0xB0) instead of the server waiting for the page for ever. Afterwards sigma0,
 * rmgr_id and rmgr_pager_id still answer, and the loader starts a second program ("victim"),
 * which sigma0 and the loader serve. */
#include <l4/loader/loader.h>
#include <l4/rmgr/librmgr.h>
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STACK	   4096
#define SECONDS(n) L4_IPC_TIMEOUT(n, 5, n, 5, 0, 0) /* n * 4^10 us, send and receive */

static unsigned char stacks[4][STACK] __attribute__((aligned(4096)));
/* Never touched by anyone: the attacker's "message" lies in its second page. */
static l4_umword_t untouched[2048] __attribute__((aligned(4096)));
static l4_threadid_t main_thread;

static l4_threadid_t lthread(unsigned n)
{
	l4_threadid_t t = l4_myself();
	t.id.lthread = n;
	return t;
}

/* Sets (pager not invalid) or reads lthread n's pager, leaving ip, sp and any IPC alone. */
static l4_threadid_t pager_of(unsigned n, l4_threadid_t pager)
{
	l4_threadid_t preempter = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	l4_thread_ex_regs(lthread(n), ~0u, ~0u, &preempter, &pager, &flags, &ip, &sp);
	return pager;
}

static void start(unsigned n, void (*fn)(void), l4_threadid_t pager)
{
	for (unsigned o = 0; o < STACK; o += 1024)
		stacks[n][o] = 0; /* its stack must not need a pager */
	l4_threadid_t preempter = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	l4_thread_ex_regs(lthread(n), (l4_umword_t)fn, (l4_umword_t)(stacks[n] + STACK - 16),
			  &preempter, &pager, &flags, &ip, &sp);
}

/* lthread 2: never receives the page fault. */
static void silent_pager(void)
{
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}

/* lthread 3: receives every page fault and never answers one. */
static void deaf_pager(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t d;
	for (;;)
		l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, L4_IPC_NEVER, &d);
}

/* lthread 1: sends each target main names a long message from the untouched page. */
static void attacker(void)
{
	l4_umword_t lo, hi;
	l4_msgdope_t d;
	for (;;) {
		if (l4_ipc_receive(main_thread, L4_IPC_SHORT_MSG, &lo, &hi, L4_IPC_NEVER, &d))
			continue;
		l4_threadid_t target = {.lh = {.low = lo, .high = hi}};
		int err = l4_ipc_send(target, &untouched[1024], 1, 2, SECONDS(1), &d);
		l4_ipc_send(main_thread, L4_IPC_SHORT_MSG, (l4_umword_t)err, 0, L4_IPC_NEVER, &d);
	}
}

static void attack(const char *name, l4_threadid_t target, const char *kind, unsigned pager)
{
	l4_umword_t err, dummy;
	l4_msgdope_t d;
	pager_of(1, lthread(pager));
	int e = l4_ipc_send(lthread(1), L4_IPC_SHORT_MSG, target.lh.low, target.lh.high, SECONDS(2),
			    &d);
	if (!e)
		e = l4_ipc_receive(lthread(1), L4_IPC_SHORT_MSG, &err, &dummy, SECONDS(4), &d);
	if (e)
		printf("hostile: %s, pager that %s: the attacker is stuck (0x%x)\n", name, kind, e);
	else
		printf("hostile: %s, pager that %s: attacker's send 0x%x\n", name, kind,
		       err & 0xf0);
}

static void probe(void)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	l4_umword_t w0 = 7, w1 = 7;
	l4_msgdope_t d;
	sigma0.id.task = 2;
	int e =
	    l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 1, 0, L4_IPC_SHORT_MSG, &w0, &w1, SECONDS(2), &d);
	printf("hostile: sigma0 answers the kernel-memory query: 0x%x, %x %x\n", e, w0, w1);
	e = l4_ipc_call(rmgr_id, L4_IPC_SHORT_MSG, 0x00F3BEEF, 0, L4_IPC_SHORT_MSG, &w0, &w1,
			SECONDS(2), &d);
	printf("hostile: rmgr_id answers a ping: 0x%x, %x %x\n", e, w0, w1);
	e = l4_ipc_call(rmgr_pager_id, L4_IPC_SHORT_MSG, 1, 1, L4_IPC_MAPMSG(0x20000000, 12), &w0,
			&w1, SECONDS(2), &d);
	printf("hostile: rmgr_pager_id maps the KIP: 0x%x, %s\n", e,
	       l4_ipc_fpage_received(d) ? "yes" : "no");
}

/* The second program: what it needs from sigma0 and the loader still works. */
static int victim(const char *boss)
{
	l4_threadid_t sigma0 = L4_NIL_ID, to = L4_NIL_ID;
	l4_umword_t w0 = 7, w1 = 7;
	l4_msgdope_t d;
	sigma0.id.task = 2;
	to.id.task = (unsigned)strtoul(boss, NULL, 16);
	/* sigma0 serves only the loader, which claimed it, but anybody gets the KIP */
	int e = l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 1, 1, L4_IPC_MAPMSG(0x20000000, 12), &w0, &w1,
			    SECONDS(2), &d);
	int got = !e && l4_ipc_fpage_received(d);
	unsigned char *heap = malloc(64 * 1024);
	if (heap)
		memset(heap, 0x5a, 64 * 1024);
	printf("victim: the KIP from sigma0: %s; 64 KiB of heap paged by the loader: %s\n",
	       got ? "yes" : "no", heap && heap[64 * 1024 - 1] == 0x5a ? "yes" : "no");
	l4_ipc_send(to, L4_IPC_SHORT_MSG, 1, 0, SECONDS(2), &d);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 2 && !strcmp(argv[1], "victim"))
		return victim(argv[2]);
	main_thread = l4_myself();
	if (!rmgr_init()) {
		printf("hostile: no RMGR\n");
		return 1;
	}
	l4_threadid_t sigma0 = L4_NIL_ID, loader_pager = pager_of(0, L4_INVALID_ID);
	sigma0.id.task = 2;
	start(2, silent_pager, loader_pager);
	start(3, deaf_pager, loader_pager);
	start(1, attacker, loader_pager);
	l4_ipc_sleep(L4_IPC_TIMEOUT(0, 0, 50, 10, 0, 0)); /* they are up and waiting */

	const struct {
		const char *name;
		l4_threadid_t id;
	} targets[] = {{"sigma0", sigma0}, {"rmgr_id", rmgr_id}, {"rmgr_pager_id", rmgr_pager_id}};
	for (unsigned i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		attack(targets[i].name, targets[i].id, "never receives", 2);
		attack(targets[i].name, targets[i].id, "never answers", 3);
	}
	probe();

	char args[16];
	l4_taskid_t v;
	snprintf(args, sizeof args, "victim %x", main_thread.id.task);
	int e = loader_start("hostile", args, &v);
	l4_umword_t w0 = 0, w1;
	l4_msgdope_t d;
	if (!e)
		e = l4_ipc_receive(v, L4_IPC_SHORT_MSG, &w0, &w1, SECONDS(10), &d);
	printf("hostile: the loader started the victim, which finished: 0x%x, %x\n", e, w0);
	return 0;
}
