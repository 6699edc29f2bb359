/*
 * ia32 system-call primitives (docs/abi/x86.md): Fiasco V2 vectors int $0x30..0x36,
 * S0=EAX S1=ECX S2=EDX S3=EBX S4=EBP S5=ESI S6=EDI, deceit virtual sender at [ESP],[ESP+4].
 *
 * Contract with <l4/sys/sysentry.h> (every port provides the same names):
 *   __l4_sys_ipc, __l4_sys_ipc_deceit, __l4_sys_id_nearest, __l4_sys_fpage_unmap,
 *   __l4_sys_thread_switch, __l4_sys_thread_schedule, __l4_sys_lthread_ex_regs,
 *   __l4_sys_task_new: void (struct __l4_slots *), S0..S6 in and out, S7/S8 in (deceit only);
 *   __l4_sys_kernel_interface: void *(void); IPC_SYSENTER: the ipc entry as an asm string.
 */
#ifndef __L4_ARCH_SYSCALL_H__
#define __L4_ARCH_SYSCALL_H__

#define __L4_ARCH_SYSCALLS 1

/* The 2003 ia32 API spelled the IPC calls l4_i386_ipc_*; <l4/sys/ipc.h> adds those aliases. */
#define __L4_ARCH_I386_NAMES 1

/* For hand-written asm (L4Env style): the trap, whose register contract is the classic one. */
#define IPC_SYSENTER "int $0x30\n\t"

/*
 * The kernel entry: by default a call to the task stub's call entry for system call n
 * (0xC0000400 + 32 * n, announced in the KIP, docs/abi/x86.md "Kernel entry"), which enters the
 * kernel without a host signal; with -DL4_TRAP_ENTRY (umol4-cc --entry=trap) the classic
 * int $0x30 + n, as any Fiasco V2 binary does. Both leave the same registers.
 */
#define L4_CALL_ENTRY 0xc0000400u
#ifdef L4_TRAP_ENTRY
#define __L4_X86_TRAP(n) "int $0x3" #n
#else
#define __L4_X86_TRAP(n) "call 0xc0000400 + 32 * " #n
#endif

/*
 * EBP is the frame pointer at -O0 and cannot be an asm operand, and all six other registers are
 * slots, so S3 and S4 travel through a two-word block whose address is the EBX input: EBP and the
 * block address are saved on the stack around the trap, and EBX holds the block address again
 * afterwards, so the compiler sees EBX unchanged. The deceit variant pushes S7/S8 right below.
 */
#define __L4_X86_ENTER(deceit_push, trap, deceit_pop)                                              \
	"pushl %%ebp\n\t"                                                                          \
	"pushl %%ebx\n\t" deceit_push "movl 4(%%ebx), %%ebp\n\t"                                   \
	"movl (%%ebx), %%ebx\n\t" trap "\n\t" deceit_pop "xchgl %%ebx, (%%esp)\n\t"                \
	"movl %%ebp, 4(%%ebx)\n\t"                                                                 \
	"popl (%%ebx)\n\t"                                                                         \
	"popl %%ebp"

#define __L4_X86_SYSCALL(name, trap, deceit_push, deceit_pop)                                      \
	static __inline__ void name(struct __l4_slots *__r)                                        \
	{                                                                                          \
		l4_umword_t __a = __r->s0, __c = __r->s1, __d = __r->s2;                           \
		l4_umword_t __S = __r->s5, __D = __r->s6;                                          \
		l4_umword_t __blk[4] = {__r->s3, __r->s4, __r->s7, __r->s8};                       \
		__asm__ __volatile__(__L4_X86_ENTER(deceit_push, trap, deceit_pop)                 \
				     : "+a"(__a), "+c"(__c), "+d"(__d), "+S"(__S), "+D"(__D)       \
				     : "b"(__blk)                                                  \
				     : "memory", "cc");                                            \
		__r->s0 = __a;                                                                     \
		__r->s1 = __c;                                                                     \
		__r->s2 = __d;                                                                     \
		__r->s3 = __blk[0];                                                                \
		__r->s4 = __blk[1];                                                                \
		__r->s5 = __S;                                                                     \
		__r->s6 = __D;                                                                     \
	}

/* [ESP] = virtual sender low (S7), [ESP+4] = high (S8) at the int; removed again after it. */
#define __L4_X86_PUSH_VSENDER "pushl 12(%%ebx)\n\tpushl 8(%%ebx)\n\t"
#define __L4_X86_DROP_VSENDER "leal 8(%%esp), %%esp\n\t"

__L4_X86_SYSCALL(__l4_sys_ipc, __L4_X86_TRAP(0), "", "")
__L4_X86_SYSCALL(__l4_sys_ipc_deceit, __L4_X86_TRAP(0), __L4_X86_PUSH_VSENDER,
		 __L4_X86_DROP_VSENDER)
__L4_X86_SYSCALL(__l4_sys_id_nearest, __L4_X86_TRAP(1), "", "")
__L4_X86_SYSCALL(__l4_sys_fpage_unmap, __L4_X86_TRAP(2), "", "")
__L4_X86_SYSCALL(__l4_sys_thread_switch, __L4_X86_TRAP(3), "", "")
__L4_X86_SYSCALL(__l4_sys_thread_schedule, __L4_X86_TRAP(4), "", "")
__L4_X86_SYSCALL(__l4_sys_lthread_ex_regs, __L4_X86_TRAP(5), "", "")
__L4_X86_SYSCALL(__l4_sys_task_new, __L4_X86_TRAP(6), "", "")

/* "lock; nop" (F0 90) raises #UD; the kernel returns the KIP address in EAX. Emitted as bytes
 * because gas rejects a lock prefix on nop. */
static __inline__ void *__l4_sys_kernel_interface(void)
{
	void *kip;

	__asm__ __volatile__(".byte 0xf0, 0x90" : "=a"(kip));
	return kip;
}

#endif
