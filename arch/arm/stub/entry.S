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

/* The kernel entry by call (os/linux/stub/stub.h, docs/abi/arm.md "Kernel entry"): the binding
 * does `movw/movt r12, 0xC0000400 + 32 * n; blx r12`, so lr is the return address, r12 is
 * clobbered and every other register is the caller's. Slot n frees r0 into the mailbox, notes
 * n in it and goes on to the common part. */
#include "os/linux/stub/callentry.inc"
#define MREG(i) STUB_MREG(i) /* mbox.regs[i] from stub_mbox, arch/arm/trapregs.h order */
	stub_call_table
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8
	.balign	32
	movw	r12, #:lower16:stub_mbox
	movt	r12, #:upper16:stub_mbox
	str	r0, [r12, #MREG(0)]
	mov	r0, #\n
	b	stub_call_common
	.endr

stub_call_common:
	add	r12, r12, #MREG(1)
	stmia	r12, {r1-r11}
	sub	r12, r12, #MREG(1)
	str	sp, [r12, #MREG(13)]
	str	lr, [r12, #MREG(14)]
	str	lr, [r12, #MREG(15)]	/* pc: the return address */
	str	lr, [r12, #MREG(12)]	/* r12 was clobbered by the binding; see stub_qemu.h */
	mrs	r1, APSR
	str	r1, [r12, #MREG(16)]
	movw	r1, #:lower16:stub_call_nr
	movt	r1, #:upper16:stub_call_nr
	str	r0, [r1]
	mov	r0, #1
	str	r0, [r1, #4]		/* stub_in_call */
	movw	sp, #:lower16:stub_call_stack_top
	movt	sp, #:upper16:stub_call_stack_top
	bl	stub_call
	.globl	stub_call_return
stub_call_return:
	/* the answer: the caller again (stub_call returned only then) */
	movw	r1, #:lower16:stub_call_nr
	movt	r1, #:upper16:stub_call_nr
	mov	r0, #0
	str	r0, [r1, #4]		/* stub_in_call */
	movw	r12, #:lower16:stub_mbox
	movt	r12, #:upper16:stub_mbox
	ldr	r0, [r12, #MREG(16)]
	msr	APSR_nzcvqg, r0
	ldr	sp, [r12, #MREG(13)]
	ldr	lr, [r12, #MREG(14)]
	ldr	r0, [r12, #MREG(12)]
	ldr	r2, [r12, #MREG(15)]
	str	r0, [r1, #8]		/* stub_call_ret: r12, pc for the last load */
	str	r2, [r1, #12]
	add	r12, r12, #MREG(0)
	ldmia	r12, {r0-r11}
	movw	r12, #:lower16:stub_call_ret
	movt	r12, #:upper16:stub_call_ret
	ldmia	r12, {r12, pc}
	.globl	stub_call_code_end
stub_call_code_end:

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

	stub_call_data
	.bss
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", %progbits
