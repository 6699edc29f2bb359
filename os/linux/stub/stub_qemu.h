/* The part of stub_arch.h that is the same for every ISA umol4 only ever runs under qemu-user
 * (arm, mips, riscv): arch/<isa>/stub/stub_arch.h includes it. */
#ifndef UMOL4_STUB_QEMU_H
#define UMOL4_STUB_QEMU_H

#include <stdint.h>

/* Pages inside the L4 user range the host needs kept: none (qemu-user keeps nothing there that
 * it uses after startup; its sigtramp page is bypassed by the stub's own return). */
static inline unsigned stub_arch_keep(uint32_t keep[2][2])
{
	(void)keep;
	return 0;
}

/* Whether the stub runs under qemu-user: always, umol4 runs on x86-64 hosts. */
static inline int stub_arch_emulated(void)
{
	return 1;
}

/* No instruction-pointer filter: under qemu-user every host system call is made by qemu, and a
 * guest cannot install host seccomp filters. The supervisor confines the process instead
 * (docs/security.md). */
#define STUB_AUDIT_ARCH 0u
#define STUB_NR_seccomp 0
static inline unsigned stub_arch_syscall_ips(uint32_t r[2][2])
{
	(void)r;
	return 0;
}

#endif
