/*
 * MIPS o32 system-call primitives (docs/abi/mips.md), both byte orders: "li $t9, ADDR; jalr $t9;
 * nop" jumps to a magic address outside the 31-bit guest space; the kernel resumes at $ra.
 * S0..S6 = $a0..$a3,$t0..$t2, deceit virtual sender S7/S8 = $t3/$t4. The sequence itself clobbers
 * $t9 and $ra; the kernel preserves everything else.
 *
 * Contract with <l4/sys/sysentry.h>: see arch/x86/include/l4/arch/syscall.h.
 */
#ifndef __L4_ARCH_SYSCALL_H__
#define __L4_ARCH_SYSCALL_H__

#define __L4_ARCH_SYSCALLS 1

/* For hand-written asm (L4Env style): the trap, whose register contract is the classic one. */
#define IPC_SYSENTER "li $25, 0xfffffff4\n\tjalr $25\n\tnop\n\t"

/*
 * The kernel entry: by default a call to the task stub's call entry for system call n
 * (0x70000400 + 32 * n, announced in the KIP, docs/abi/mips.md "Kernel entry"), which enters
 * the kernel without a host signal; with -DL4_TRAP_ENTRY (umol4-cc --entry=trap) the jump to
 * the magic address 0xfffffff4 - 4n. Same registers either way.
 */
#define L4_CALL_ENTRY 0x70000400u
#ifdef L4_TRAP_ENTRY
#define __L4_MIPS_TARGET(magic, n) #magic
#else
#define __L4_MIPS_TARGET(magic, n) "0x70000400 + 32 * " #n
#endif

/* noreorder: the delay slot must be the nop, not an instruction the assembler moved there. */
#define __L4_MIPS_ENTER(magic, n)                                                                  \
	".set push\n\t"                                                                            \
	".set noreorder\n\t"                                                                       \
	"li $25, " __L4_MIPS_TARGET(magic, n) "\n\t"                                               \
					      "jalr $25\n\t"                                       \
					      "nop\n\t"                                            \
					      ".set pop"

#define __L4_MIPS_LOAD_SLOTS(r)                                                                    \
	register l4_umword_t __a0 __asm__("$4") = (r)->s0;                                         \
	register l4_umword_t __a1 __asm__("$5") = (r)->s1;                                         \
	register l4_umword_t __a2 __asm__("$6") = (r)->s2;                                         \
	register l4_umword_t __a3 __asm__("$7") = (r)->s3;                                         \
	register l4_umword_t __t0 __asm__("$8") = (r)->s4;                                         \
	register l4_umword_t __t1 __asm__("$9") = (r)->s5;                                         \
	register l4_umword_t __t2 __asm__("$10") = (r)->s6

#define __L4_MIPS_SLOT_OPERANDS                                                                    \
	"+r"(__a0), "+r"(__a1), "+r"(__a2), "+r"(__a3), "+r"(__t0), "+r"(__t1), "+r"(__t2)

#define __L4_MIPS_STORE_SLOTS(r)                                                                   \
	do {                                                                                       \
		(r)->s0 = __a0;                                                                    \
		(r)->s1 = __a1;                                                                    \
		(r)->s2 = __a2;                                                                    \
		(r)->s3 = __a3;                                                                    \
		(r)->s4 = __t0;                                                                    \
		(r)->s5 = __t1;                                                                    \
		(r)->s6 = __t2;                                                                    \
	} while (0)

#define __L4_MIPS_SYSCALL(name, addr, n)                                                           \
	static __inline__ void name(struct __l4_slots *__r)                                        \
	{                                                                                          \
		__L4_MIPS_LOAD_SLOTS(__r);                                                         \
		__asm__ __volatile__(__L4_MIPS_ENTER(addr, n)                                      \
				     : __L4_MIPS_SLOT_OPERANDS                                     \
				     :                                                             \
				     : "$25", "$31", "memory");                                    \
		__L4_MIPS_STORE_SLOTS(__r);                                                        \
	}

__L4_MIPS_SYSCALL(__l4_sys_ipc, 0xfffffff4, 0)
__L4_MIPS_SYSCALL(__l4_sys_id_nearest, 0xfffffff0, 1)
__L4_MIPS_SYSCALL(__l4_sys_fpage_unmap, 0xffffffec, 2)
__L4_MIPS_SYSCALL(__l4_sys_thread_switch, 0xffffffe8, 3)
__L4_MIPS_SYSCALL(__l4_sys_thread_schedule, 0xffffffe4, 4)
__L4_MIPS_SYSCALL(__l4_sys_lthread_ex_regs, 0xffffffe0, 5)
__L4_MIPS_SYSCALL(__l4_sys_task_new, 0xffffffdc, 6)

static __inline__ void __l4_sys_ipc_deceit(struct __l4_slots *__r)
{
	__L4_MIPS_LOAD_SLOTS(__r);
	register l4_umword_t __t3 __asm__("$11") = __r->s7;
	register l4_umword_t __t4 __asm__("$12") = __r->s8;

	__asm__ __volatile__(__L4_MIPS_ENTER(0xfffffff4, 0)
			     : __L4_MIPS_SLOT_OPERANDS
			     : "r"(__t3), "r"(__t4)
			     : "$25", "$31", "memory");
	__L4_MIPS_STORE_SLOTS(__r);
}

/* System call 7 (magic address 0xffffffd8): the kernel returns the KIP address in $a0. */
static __inline__ void *__l4_sys_kernel_interface(void)
{
	register void *__a0 __asm__("$4");

	__asm__ __volatile__(__L4_MIPS_ENTER(0xffffffd8, 7) : "=r"(__a0) : : "$25", "$31");
	return __a0;
}

#endif
