/* L4P0020: the kernel entry by call and the classic trap side by side in one task
 * (docs/architecture.md "Kernel entry by call"). The KIP announces this ISA's call-entry table
 * where the bindings call it. The main thread calls through the call entry; a second thread,
 * compiled with L4_TRAP_ENTRY (callentry_trap.c), answers through the trap: every round trip
 * switches between a thread that entered by call and one that entered by a signal, in both
 * directions, with floating-point work on both sides that must not leak between them. */
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

#include "callentry.h"

#if defined(__i386__)
#define MY_MACHINE 3u /* EM_386 */
#elif defined(__arm__)
#define MY_MACHINE 40u /* EM_ARM */
#elif defined(__mips__)
#define MY_MACHINE 8u /* EM_MIPS */
#elif defined(__riscv)
#define MY_MACHINE 243u /* EM_RISCV */
#else
#error "unknown ISA"
#endif

#define ROUNDS 500

static unsigned char stack[8192] __attribute__((aligned(16)));

/* The KIP's call-entry table: {magic, version, entries, slot size}, {machine, entry, calls, 0}. */
static void check_table(void)
{
	const volatile l4_umword_t *kip = l4_kernel_interface();
	const volatile l4_umword_t *t = kip + 0x300 / 4;
	if (t[0] != 0x4c4c4143u || t[1] != 1 || t[3] != 32) {
		printf("call-entry table: missing (magic %08lx)\n", (unsigned long)t[0]);
		return;
	}
	for (unsigned i = 0; i < t[2] && i < 8; i++) {
		const volatile l4_umword_t *e = t + 4 + 4 * i;
		if (e[0] == MY_MACHINE) {
			printf("call-entry table: this ISA's entry %s the bindings', %s\n",
			       e[1] == L4_CALL_ENTRY ? "is" : "is NOT",
			       e[2] >= 7 ? "every V2 system call" : "calls missing");
			return;
		}
	}
	printf("call-entry table: no entry for this ISA\n");
}

int main(void)
{
	check_table();

	l4_threadid_t me = l4_myself(), server = me, pager = L4_INVALID_ID, pre = L4_INVALID_ID;
	l4_threadid_t by_trap = trap_myself();
	printf("l4_myself: by call and by trap %s\n",
	       l4_thread_equal(me, by_trap) ? "agree" : "DIFFER");

	l4_umword_t f, ip, sp;
	server.id.lthread = 1;
	l4_thread_ex_regs(server, (l4_umword_t)trap_server,
			  (l4_umword_t)(stack + sizeof stack - 16), &pre, &pager, &f, &ip, &sp);

	unsigned right = 0;
	double acc = 0.5;
	for (l4_umword_t i = 1; i <= ROUNDS; i++) {
		l4_umword_t w0, w1;
		l4_msgdope_t dope;
		acc = acc * 1.5 + 0.25;
		int err = l4_ipc_call(server, L4_IPC_SHORT_MSG, i, 3 * i, L4_IPC_SHORT_MSG, &w0,
				      &w1, L4_IPC_NEVER, &dope);
		acc = (acc - 0.25) / 1.5;
		if (!err && w0 == i + 1 && w1 == 3 * i + 1)
			right++;
	}
	l4_umword_t answer, dummy;
	l4_msgdope_t dope;
	l4_ipc_call(server, L4_IPC_SHORT_MSG, 0, 0, L4_IPC_SHORT_MSG, &answer, &dummy, L4_IPC_NEVER,
		    &dope);
	printf("%u of %u calls by call answered right by trap\n", right, ROUNDS);
	printf("floating point: caller's %s, server's %s\n", acc == 0.5 ? "kept" : "LOST",
	       answer ? "kept" : "LOST");
	return 0;
}
