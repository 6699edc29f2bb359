/* The umol4 demo: a tiny L4 system on whatever ISA it was built for. The root task starts a
 * second thread, and the two play IPC ping-pong; pages come from sigma0 on first touch. */
#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/server.h>
#include <stdio.h>

#if defined(__i386__)
#define ISA "ia32"
#elif defined(__arm__)
#define ISA "ARM"
#elif defined(__mips__) && defined(__MIPSEB__)
#define ISA "MIPS (big-endian)"
#elif defined(__riscv)
#define ISA "RISC-V (RV32)"
#else
#define ISA "MIPS (little-endian)"
#endif

#define ROUNDS 1000
static unsigned char pong_stack[16384] __attribute__((aligned(16)));

/* Thread 1: answers every message with its first word plus one. */
static void pong(void)
{
	l4_threadid_t src;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	l4_ipc_wait(&src, L4_IPC_SHORT_MSG, &w0, &w1, UMOL4_SERVER_WAIT, &dope);
	for (;;)
		l4_ipc_reply_and_wait(src, L4_IPC_SHORT_MSG, w0 + 1, w1, &src, L4_IPC_SHORT_MSG,
				      &w0, &w1, UMOL4_SERVER_REPLY_AND_WAIT, &dope);
}

int main(void)
{
	l4_threadid_t me = l4_myself();
	l4_kernel_info_t *kip = l4_kernel_interface();
	printf("Hello from L4 task %x.%02x on %s\n", me.id.task, me.id.lthread, ISA);
	printf("kernel: %s\n", (const char *)kip + kip->offset_version_strings * 16);

	l4_threadid_t peer = me, pager = L4_INVALID_ID, preempter = L4_INVALID_ID;
	l4_umword_t flags, ip, sp;
	peer.id.lthread = 1;
	l4_thread_ex_regs(peer, (l4_umword_t)pong,
			  (l4_umword_t)(pong_stack + sizeof pong_stack - 16), &preempter, &pager,
			  &flags, &ip, &sp);
	printf("started thread %x.%02x\n", peer.id.task, peer.id.lthread);

	l4_cpu_time_t t0 = kip->clock;
	l4_umword_t w0 = 0, w1 = 0;
	for (unsigned i = 0; i < ROUNDS; i++) {
		l4_msgdope_t dope;
		if (l4_ipc_call(peer, L4_IPC_SHORT_MSG, i, 0, L4_IPC_SHORT_MSG, &w0, &w1,
				L4_IPC_NEVER, &dope) ||
		    w0 != i + 1) {
			printf("ping-pong failed in round %u\n", i);
			return 1;
		}
	}
	l4_cpu_time_t t1 = kip->clock;
	printf("%u IPC round trips with thread %x.%02x: %u us each\n", ROUNDS, peer.id.task,
	       peer.id.lthread, (unsigned)((t1 - t0) / ROUNDS));
	return 0;
}
