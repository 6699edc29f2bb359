/* ia32 trap record: the order in which the stub stores the signal context into mbox.regs[].
 * Shared by the stub (i686) and the kernel backend (host). */
#ifndef UMOL4_X86_TRAPREGS_H
#define UMOL4_X86_TRAPREGS_H
enum x86_trapreg {
	X86_EAX, X86_ECX, X86_EDX, X86_EBX, X86_ESP, X86_EBP, X86_ESI, X86_EDI,
	X86_EIP, X86_EFLAGS, X86_NREGS
};
#endif
