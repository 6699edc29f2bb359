/*
 * RISC-V RV32 system-call primitives (docs/abi/riscv.md): "jalr ra, -K(zero)" jumps to the
 * unmapped magic address 0 - K, one instruction; the kernel resumes at ra. S0..S6 = a0..a6,
 * deceit virtual sender S7/S8 = a7/t0. Only ra is clobbered; the kernel preserves everything
 * else. `ecall` cannot be used: qemu-riscv32 always executes it as a Linux system call.
 *
 * Contract with <l4/sys/sysentry.h>: see arch/x86/include/l4/arch/syscall.h.
 */
#ifndef __L4_ARCH_SYSCALL_H__
#define __L4_ARCH_SYSCALL_H__

#define __L4_ARCH_SYSCALLS 1

/* For hand-written asm (L4Env style): the trap, whose register contract is the classic one. */
#define IPC_SYSENTER "jalr ra, -12(zero)\n\t"

/*
 * The kernel entry: by default a call to the task stub's call entry for system call n
 * (0xC0000400 + 32 * n, announced in the KIP, docs/abi/riscv.md "Kernel entry"), which enters
 * the kernel without a host signal and clobbers t6 as well; with -DL4_TRAP_ENTRY (umol4-cc
 * --entry=trap) the jump to the magic address 0 - k.
 */
#define L4_CALL_ENTRY 0xc0000400u
#ifdef L4_TRAP_ENTRY
#define __L4_RISCV_ENTER(k, n) "jalr ra, -" #k "(zero)"
#define __L4_RISCV_CLOBBERS    "ra"
#else
#define __L4_RISCV_ENTER(k, n) "lui t6, 0xc0000\n\tjalr ra, (0x400 + 32 * " #n ")(t6)"
#define __L4_RISCV_CLOBBERS    "ra", "t6"
#endif

#define __L4_RISCV_LOAD_SLOTS(r)                                                                   \
	register l4_umword_t __a0 __asm__("a0") = (r)->s0;                                         \
	register l4_umword_t __a1 __asm__("a1") = (r)->s1;                                         \
	register l4_umword_t __a2 __asm__("a2") = (r)->s2;                                         \
	register l4_umword_t __a3 __asm__("a3") = (r)->s3;                                         \
	register l4_umword_t __a4 __asm__("a4") = (r)->s4;                                         \
	register l4_umword_t __a5 __asm__("a5") = (r)->s5;                                         \
	register l4_umword_t __a6 __asm__("a6") = (r)->s6

#define __L4_RISCV_SLOT_OPERANDS                                                                   \
	"+r"(__a0), "+r"(__a1), "+r"(__a2), "+r"(__a3), "+r"(__a4), "+r"(__a5), "+r"(__a6)

#define __L4_RISCV_STORE_SLOTS(r)                                                                  \
	do {                                                                                       \
		(r)->s0 = __a0;                                                                    \
		(r)->s1 = __a1;                                                                    \
		(r)->s2 = __a2;                                                                    \
		(r)->s3 = __a3;                                                                    \
		(r)->s4 = __a4;                                                                    \
		(r)->s5 = __a5;                                                                    \
		(r)->s6 = __a6;                                                                    \
	} while (0)

#define __L4_RISCV_SYSCALL(name, k, n)                                                             \
	static __inline__ void name(struct __l4_slots *__r)                                        \
	{                                                                                          \
		__L4_RISCV_LOAD_SLOTS(__r);                                                        \
		__asm__ __volatile__(__L4_RISCV_ENTER(k, n)                                        \
				     : __L4_RISCV_SLOT_OPERANDS                                    \
				     :                                                             \
				     : __L4_RISCV_CLOBBERS, "memory");                             \
		__L4_RISCV_STORE_SLOTS(__r);                                                       \
	}

__L4_RISCV_SYSCALL(__l4_sys_ipc, 12, 0)		    /* 0xfffffff4 */
__L4_RISCV_SYSCALL(__l4_sys_id_nearest, 16, 1)	    /* 0xfffffff0 */
__L4_RISCV_SYSCALL(__l4_sys_fpage_unmap, 20, 2)	    /* 0xffffffec */
__L4_RISCV_SYSCALL(__l4_sys_thread_switch, 24, 3)   /* 0xffffffe8 */
__L4_RISCV_SYSCALL(__l4_sys_thread_schedule, 28, 4) /* 0xffffffe4 */
__L4_RISCV_SYSCALL(__l4_sys_lthread_ex_regs, 32, 5) /* 0xffffffe0 */
__L4_RISCV_SYSCALL(__l4_sys_task_new, 36, 6)	    /* 0xffffffdc */

static __inline__ void __l4_sys_ipc_deceit(struct __l4_slots *__r)
{
	__L4_RISCV_LOAD_SLOTS(__r);
	register l4_umword_t __a7 __asm__("a7") = __r->s7;
	register l4_umword_t __t0 __asm__("t0") = __r->s8;

	__asm__ __volatile__(__L4_RISCV_ENTER(12, 0)
			     : __L4_RISCV_SLOT_OPERANDS
			     : "r"(__a7), "r"(__t0)
			     : __L4_RISCV_CLOBBERS, "memory");
	__L4_RISCV_STORE_SLOTS(__r);
}

/* System call 7 (magic address 0xffffffd8): the kernel returns the KIP address in a0. */
static __inline__ void *__l4_sys_kernel_interface(void)
{
	register void *__a0 __asm__("a0");

	__asm__ __volatile__(__L4_RISCV_ENTER(40, 7) : "=r"(__a0) : : __L4_RISCV_CLOBBERS);
	return __a0;
}

#endif
