/* RISC-V RV32 task stub: entry point, raw system call, signal entry/return
 * (os/linux/stub/stub.h). */
	.section .text.entry, "ax"
	.globl	_start
_start:
	/* Leave the exec stack (argv, envp, auxv) alone: qemu-riscv32 puts it into the L4 range
	 * that stub_main unmaps. The boot stack is part of the stub image. */
	lla	sp, stub_boot_stack_top
	li	s0, 0
	call	stub_main
	unimp				/* not reached */

	.text
/* long stub_syscall(long nr, long a1, ..., long a6): ecall with the number in a7 and a1..a6 in
 * a0..a5. Returns -errno on failure as the kernel does. */
	.globl	stub_syscall
	.type	stub_syscall, @function
stub_syscall:
	mv	a7, a0
	mv	a0, a1
	mv	a1, a2
	mv	a2, a3
	mv	a3, a4
	mv	a4, a5
	mv	a5, a6
	ecall
	ret
	.size	stub_syscall, . - stub_syscall

/* sa_handler. RISC-V Linux has no sa_restorer: the kernel (the vDSO) or qemu (its sigtramp page,
 * which lies in the L4 range we unmapped) sets ra to its own return path. So the stub returns
 * itself: rt_sigreturn reads the frame at sp, which on entry here is exactly the frame. Keep it
 * in s1 (callee-saved across stub_handler; the frame restores the real s1 anyway), call the C
 * handler with a0..a2 untouched, put sp back and do rt_sigreturn. */
	.globl	stub_sigentry
	.type	stub_sigentry, @function
stub_sigentry:
	mv	s1, sp
	call	stub_handler
	mv	sp, s1
	li	a7, 139			/* __NR_rt_sigreturn */
	ecall
	unimp				/* not reached */
	.size	stub_sigentry, . - stub_sigentry

/* Declared in stub.h for all ISAs; never installed on RISC-V. */
	.globl	stub_restorer
stub_restorer:
	unimp

	.bss
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
