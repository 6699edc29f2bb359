/*
 * The injected divergence of the trace matrix (tests/matrix, docs/testing.md): the word this
 * program sends is the first byte of 0x11223344 in memory, 0x44 on a little-endian ISA and 0x11
 * on big-endian mips. Everything else, the printed line included, is the same everywhere, so its
 * trace agrees with x86's on x86-emu, arm and mipsel, and must differ on mips at exactly one
 * event: the ipc syscall of that send (w0 is n[3]). matrix_diverge_mips asserts that umol4-trace
 * diff finds and names it.
 */
#include <l4/sys/ipc.h>
#include <l4/sys/syscalls.h>
#include <stdio.h>

static const union {
	l4_umword_t word;
	unsigned char byte[sizeof(l4_umword_t)];
} probe = {.word = 0x11223344};

int main(void)
{
	l4_threadid_t idle = l4_myself();
	idle.id.lthread = 5; /* never started: the send fails at once */
	l4_msgdope_t dope;
	int err = l4_ipc_send(idle, L4_IPC_SHORT_MSG, probe.byte[0], 0, L4_IPC_SEND_TIMEOUT_0, &dope);
	printf("sent the first byte of 0x11223344 to an idle thread: 0x%02x\n", err);
	return 0;
}
