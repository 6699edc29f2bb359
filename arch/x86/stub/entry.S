/* ia32 task stub: entry point, raw system call, signal restorer (os/linux/stub/stub.h). */

	.section .text.entry, "ax"
	.globl	_start
_start:
	/* Leave the exec stack (argv, envp, auxv) alone: under qemu-i386 it lies in the L4 range
	 * that stub_main unmaps. The boot stack is part of the stub image. */
	movl	%esp, stub_initial_sp	/* only the value: it tells qemu-i386 from native */
	/* Natively, make system calls through the vDSO's __kernel_vsyscall (sysenter/syscall):
	 * int $0x80 costs a local-APIC read per call since Linux 6.7, a VM exit in a guest. It lies
	 * above 3 GiB, outside the L4 range the stub unmaps. Under qemu-i386 int $0x80 stays. */
	cmpl	$0xC0000000, %esp
	jb	3f
	movl	(%esp), %eax		/* argc; argv, NULL, envp, NULL, auxv follow */
	leal	8(%esp,%eax,4), %esi
1:	lodsl
	testl	%eax, %eax
	jnz	1b
2:	lodsl				/* auxv: type, value pairs up to AT_NULL */
	movl	%eax, %edx
	lodsl
	testl	%edx, %edx
	jz	3f
	cmpl	$32, %edx		/* AT_SYSINFO */
	jne	2b
	cmpl	$0xC0000000, %eax
	jb	3f
	movl	%eax, stub_vsyscall
3:
	movl	$stub_boot_stack_top, %esp
	xorl	%ebp, %ebp
	call	stub_main
	hlt				/* not reached */

	.text
/* long stub_syscall(long nr, long a1, ..., long a6): a1..a6 in ebx ecx edx esi edi ebp.
 * Returns -errno on failure as the kernel does. */
	.globl	stub_syscall
	.type	stub_syscall, @function
stub_syscall:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	call	*stub_vsyscall
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	stub_syscall, . - stub_syscall

/* sa_handler: straight on to the C handler, which returns through stub_restorer. */
	.globl	stub_sigentry
	.type	stub_sigentry, @function
stub_sigentry:
	jmp	stub_handler
	.size	stub_sigentry, . - stub_sigentry

/* sa_restorer: the handler's `ret` lands here with %esp just above the frame's pretcode, which is
 * where rt_sigreturn (Linux and qemu alike) expects it. Inside the stub so that it survives the
 * unmapping of the L4 range. */
	.globl	stub_restorer
	.type	stub_restorer, @function
stub_restorer:
	addl	$16, %esp		/* the return address and 3 registers stub_vsyscall pushes */
	movl	$173, %eax		/* __NR_rt_sigreturn */
	call	*stub_vsyscall
	hlt				/* not reached */
	.size	stub_restorer, . - stub_restorer

/* The fallback with __kernel_vsyscall's stack layout, so that the restorer works with both. */
stub_int80:
	pushl	%ecx
	pushl	%edx
	pushl	%ebp
	int	$0x80
	popl	%ebp
	popl	%edx
	popl	%ecx
	ret

/* The kernel entry by call (os/linux/stub/stub.h, docs/abi/x86.md "Kernel entry"): the binding
 * does `call 0xC0000400 + 32 * n`, so [esp] is the return address and every register is the
 * caller's. Slot n pops the return address (a fault there is the caller's own: nothing is
 * changed yet), notes n and goes on to the common part. */
#include "os/linux/stub/callentry.inc"
#define MREG(i) stub_mbox + STUB_MREG(i) /* mbox.regs[i], arch/x86/trapregs.h order */
	stub_call_table
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8
	.balign	32
	popl	stub_call_ret
	movl	$\n, stub_call_nr
	jmp	stub_call_common
	.endr

stub_call_common:
	movl	%eax, MREG(0)
	movl	%ecx, MREG(1)
	movl	%edx, MREG(2)
	movl	%ebx, MREG(3)
	movl	%esp, MREG(4)
	movl	%ebp, MREG(5)
	movl	%esi, MREG(6)
	movl	%edi, MREG(7)
	movl	stub_call_ret, %eax
	movl	%eax, MREG(8)
	movl	$stub_call_stack_top, %esp
	pushfl
	popl	MREG(9)
	movl	$1, stub_in_call
	cld				/* the C code's ABI; the caller's DF is in MREG(9) */
	call	stub_call
	.globl	stub_call_return
stub_call_return:
	/* the answer: the caller again (stub_call returned only then) */
	movl	$0, stub_in_call
	pushl	MREG(9)
	popfl
	movl	MREG(0), %eax
	movl	MREG(1), %ecx
	movl	MREG(2), %edx
	movl	MREG(3), %ebx
	movl	MREG(5), %ebp
	movl	MREG(6), %esi
	movl	MREG(7), %edi
	movl	MREG(4), %esp
	jmp	*MREG(8)
	.globl	stub_call_code_end
stub_call_code_end:

	.data
	.balign	4
	.globl	stub_vsyscall
stub_vsyscall:
	.long	stub_int80

	stub_call_data
	.bss
	.globl	stub_initial_sp
	.balign	4
stub_initial_sp:
	.space	4
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
