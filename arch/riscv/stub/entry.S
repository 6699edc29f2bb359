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

/* The kernel entry by call (os/linux/stub/stub.h, docs/abi/riscv.md "Kernel entry"): the
 * binding does `lui t6, %hi(E); jalr ra, %lo(E)(t6)` with E = 0xC0000400 + 32 * n, so ra is the
 * return address, t6 is clobbered and every other register is the caller's. Slot n frees t5 into
 * the mailbox, notes n in it and goes on to the common part. */
#include "os/linux/stub/callentry.inc"
#define MREG(i) STUB_MREG(i) /* mbox.regs[i] from stub_mbox, arch/riscv/trapregs.h order */
	stub_call_table
	.option	push
	.option	norvc
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8
	.balign	32
	lui	t6, %hi(stub_mbox)
	addi	t6, t6, %lo(stub_mbox)
	sw	t5, MREG(30)(t6)
	li	t5, \n
	j	stub_call_common
	.endr

stub_call_common:
	.irp	r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29
	sw	x\r, MREG(\r)(t6)
	.endr
	sw	zero, MREG(0)(t6)
	sw	ra, MREG(31)(t6)	/* t6 was clobbered by the binding; see stub_qemu.h */
	sw	ra, MREG(32)(t6)	/* pc: the return address */
	lui	t4, %hi(stub_call_nr)
	addi	t4, t4, %lo(stub_call_nr)
	sw	t5, 0(t4)
	li	t3, 1
	sw	t3, 4(t4)		/* stub_in_call */
	lui	sp, %hi(stub_call_stack_top)
	addi	sp, sp, %lo(stub_call_stack_top)
	call	stub_call
	.globl	stub_call_return
stub_call_return:
	/* the answer: the caller again (stub_call returned only then) */
	lui	t4, %hi(stub_call_nr)
	addi	t4, t4, %lo(stub_call_nr)
	sw	zero, 4(t4)		/* stub_in_call */
	lui	t6, %hi(stub_mbox)
	addi	t6, t6, %lo(stub_mbox)
	.irp	r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
	lw	x\r, MREG(\r)(t6)
	.endr
	lw	t6, MREG(32)(t6)
	jr	t6
	.globl	stub_call_code_end
stub_call_code_end:
	.option	pop

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

	stub_call_data
	.bss
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
