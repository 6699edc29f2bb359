/* ARM (EABI, ARM state) task stub: entry point, raw system call, signal restorer
 * (os/linux/stub/stub.h). */
	.syntax	unified
	.arm

	.section .text.entry, "ax"
	.globl	_start
_start:
	/* Leave the exec stack (argv, envp, auxv) alone: qemu-arm may have put it into the L4 range
	 * that stub_main unmaps. The boot stack is part of the stub image. */
	ldr	sp, =stub_boot_stack_top
	mov	fp, #0
	bl	stub_main
	udf	#0			/* not reached */
	.ltorg

	.text
/* long stub_syscall(long nr, long a1, ..., long a6): svc #0 with the number in r7 and a1..a6 in
 * r0..r5 (a4..a6 arrive on the stack). Returns -errno on failure as the kernel does. */
	.globl	stub_syscall
	.type	stub_syscall, %function
stub_syscall:
	push	{r4, r5, r7, lr}
	mov	r7, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
	ldr	r3, [sp, #16]
	ldr	r4, [sp, #20]
	ldr	r5, [sp, #24]
	svc	#0
	pop	{r4, r5, r7, pc}
	.size	stub_syscall, . - stub_syscall

/* sa_handler: straight on to the C handler, which returns through lr = stub_restorer. */
	.globl	stub_sigentry
	.type	stub_sigentry, %function
stub_sigentry:
	b	stub_handler
	.size	stub_sigentry, . - stub_sigentry

/* sa_restorer: reached with sp = the frame qemu built, which is where rt_sigreturn expects it.
 * Inside the stub: qemu's own sigtramp page may lie in the unmapped L4 range. */
	.globl	stub_restorer
	.type	stub_restorer, %function
stub_restorer:
	mov	r7, #173		/* __NR_rt_sigreturn */
	svc	#0
	udf	#0			/* not reached */
	.size	stub_restorer, . - stub_restorer

	.bss
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", %progbits
