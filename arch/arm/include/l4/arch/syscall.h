/*
 * ARM system-call primitives (docs/abi/arm.md): "mov lr, pc; mvn pc, #K" branches to the unmapped
 * magic address ~K; the kernel resumes at lr. S0..S6 = r0..r6, deceit virtual sender S7/S8 =
 * r7/r8. Only lr is clobbered; the condition flags are declared clobbered as well because nothing
 * in the ABI promises to keep them. Must be compiled as ARM code (docs/abi/arm.md).
 *
 * Contract with <l4/sys/sysentry.h>: see arch/x86/include/l4/arch/syscall.h.
 */
#ifndef __L4_ARCH_SYSCALL_H__
#define __L4_ARCH_SYSCALL_H__

#ifdef __thumb__
#error "L4 programs enter the umol4 kernel from ARM state: compile with -marm"
#endif

#define __L4_ARCH_SYSCALLS 1

/* For hand-written asm (L4Env style): the trap, whose register contract is the classic one. */
#define IPC_SYSENTER "mov lr, pc\n\tmvn pc, #0x0b\n\t"

/*
 * The kernel entry: by default a call to the task stub's call entry for system call n
 * (0xC0000400 + 32 * n, announced in the KIP, docs/abi/arm.md "Kernel entry"), which enters the
 * kernel without a host signal and clobbers r12 as well; with -DL4_TRAP_ENTRY (umol4-cc
 * --entry=trap) the branch to the magic address ~k. "mov lr, pc" reads the address two
 * instructions ahead, i.e. the one after the branch.
 */
#define L4_CALL_ENTRY 0xc0000400u
#ifdef L4_TRAP_ENTRY
#define __L4_ARM_ENTER(k, n) "mov lr, pc\n\tmvn pc, #" #k
#define __L4_ARM_CLOBBERS    "lr"
#else
#define __L4_ARM_ENTER(k, n) "movw r12, #0x0400 + 32 * " #n "\n\tmovt r12, #0xc000\n\tblx r12"
#define __L4_ARM_CLOBBERS    "lr", "r12"
#endif

#define __L4_ARM_LOAD_SLOTS(r)                                                                     \
	register l4_umword_t __r0 __asm__("r0") = (r)->s0;                                         \
	register l4_umword_t __r1 __asm__("r1") = (r)->s1;                                         \
	register l4_umword_t __r2 __asm__("r2") = (r)->s2;                                         \
	register l4_umword_t __r3 __asm__("r3") = (r)->s3;                                         \
	register l4_umword_t __r4 __asm__("r4") = (r)->s4;                                         \
	register l4_umword_t __r5 __asm__("r5") = (r)->s5;                                         \
	register l4_umword_t __r6 __asm__("r6") = (r)->s6

#define __L4_ARM_SLOT_OPERANDS                                                                     \
	"+r"(__r0), "+r"(__r1), "+r"(__r2), "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6)

#define __L4_ARM_STORE_SLOTS(r)                                                                    \
	do {                                                                                       \
		(r)->s0 = __r0;                                                                    \
		(r)->s1 = __r1;                                                                    \
		(r)->s2 = __r2;                                                                    \
		(r)->s3 = __r3;                                                                    \
		(r)->s4 = __r4;                                                                    \
		(r)->s5 = __r5;                                                                    \
		(r)->s6 = __r6;                                                                    \
	} while (0)

#define __L4_ARM_SYSCALL(name, k, n)                                                               \
	static __inline__ void name(struct __l4_slots *__r)                                        \
	{                                                                                          \
		__L4_ARM_LOAD_SLOTS(__r);                                                          \
		__asm__ __volatile__(__L4_ARM_ENTER(k, n)                                          \
				     : __L4_ARM_SLOT_OPERANDS                                      \
				     :                                                             \
				     : __L4_ARM_CLOBBERS, "memory", "cc");                         \
		__L4_ARM_STORE_SLOTS(__r);                                                         \
	}

__L4_ARM_SYSCALL(__l4_sys_ipc, 0x0b, 0)		    /* 0xfffffff4 */
__L4_ARM_SYSCALL(__l4_sys_id_nearest, 0x0f, 1)	    /* 0xfffffff0 */
__L4_ARM_SYSCALL(__l4_sys_fpage_unmap, 0x13, 2)	    /* 0xffffffec */
__L4_ARM_SYSCALL(__l4_sys_thread_switch, 0x17, 3)   /* 0xffffffe8 */
__L4_ARM_SYSCALL(__l4_sys_thread_schedule, 0x1b, 4) /* 0xffffffe4 */
__L4_ARM_SYSCALL(__l4_sys_lthread_ex_regs, 0x1f, 5) /* 0xffffffe0 */
__L4_ARM_SYSCALL(__l4_sys_task_new, 0x23, 6)	    /* 0xffffffdc */

static __inline__ void __l4_sys_ipc_deceit(struct __l4_slots *__r)
{
	__L4_ARM_LOAD_SLOTS(__r);
	register l4_umword_t __r7 __asm__("r7") = __r->s7;
	register l4_umword_t __r8 __asm__("r8") = __r->s8;

	__asm__ __volatile__(__L4_ARM_ENTER(0x0b, 0)
			     : __L4_ARM_SLOT_OPERANDS
			     : "r"(__r7), "r"(__r8)
			     : __L4_ARM_CLOBBERS, "memory", "cc");
	__L4_ARM_STORE_SLOTS(__r);
}

/* System call 7 (magic address 0xffffffd8): the kernel returns the KIP address in r0. */
static __inline__ void *__l4_sys_kernel_interface(void)
{
	register void *__r0 __asm__("r0");

	__asm__ __volatile__(__L4_ARM_ENTER(0x27, 7) : "=r"(__r0) : : __L4_ARM_CLOBBERS);
	return __r0;
}

#endif
