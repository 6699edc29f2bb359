/* ia32 task stub: entry point, raw system call, signal restorer (os/linux/stub/stub.h). */

	.section .text.entry, "ax"
	.globl	_start
_start:
	/* Leave the exec stack (argv, envp, auxv) alone: under qemu-i386 it lies in the L4 range
	 * that stub_main unmaps. The boot stack is part of the stub image. */
	movl	%esp, stub_initial_sp	/* only the value: it tells qemu-i386 from native */
	movl	$stub_boot_stack_top, %esp
	xorl	%ebp, %ebp
	call	stub_main
	hlt				/* not reached */

	.text
/* long stub_syscall(long nr, long a1, ..., long a6): int $0x80, a1..a6 in ebx ecx edx esi edi ebp.
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
	int	$0x80
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
	movl	$173, %eax		/* __NR_rt_sigreturn */
	int	$0x80
	hlt				/* not reached */
	.size	stub_restorer, . - stub_restorer

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
