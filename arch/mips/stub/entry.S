/* MIPS o32 task stub (both byte orders): entry point, raw system call, signal entry/return
 * (os/linux/stub/stub.h). */
	.set	noreorder
	.set	noat

	.section .text.entry, "ax"
	.globl	__start
	.globl	_start
__start:
_start:
	/* Leave the exec stack (argv, envp, auxv) alone: qemu-mips may have put it into the L4
	 * range that stub_main unmaps. The boot stack is part of the stub image; 16 bytes below
	 * its top are the o32 argument save area the caller provides. */
	la	$sp, stub_boot_stack_top - 16
	move	$fp, $zero
	jal	stub_main
	nop
	break				/* not reached */

/* The kernel entry by call (os/linux/stub/stub.h, docs/abi/mips.md "Kernel entry"): the binding
 * does `li $t9, 0x70000400 + 32 * n; jalr $t9; nop`, so $ra is the return address, $t9 is
 * clobbered and every other register is the caller's. Slot n frees $at into the mailbox, notes
 * n in it and goes on to the common part. */
#include "os/linux/stub/callentry.inc"
#define MREG(i) STUB_MREG(i) /* mbox.regs[i] from stub_mbox, arch/mips/trapregs.h order */
	stub_call_table
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8
	.balign	32
	lui	$25, %hi(stub_mbox)
	addiu	$25, $25, %lo(stub_mbox)
	sw	$1, MREG(1)($25)
	b	stub_call_common
	li	$1, \n			/* delay slot */
	.endr

stub_call_common:
	.irp	r, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31
	sw	$\r, MREG(\r)($25)
	.endr
	sw	$0, MREG(0)($25)
	sw	$31, MREG(25)($25)	/* $t9 was clobbered by the binding; see stub_qemu.h */
	sw	$31, MREG(32)($25)	/* pc: the return address */
	mfhi	$2
	sw	$2, MREG(33)($25)
	mflo	$2
	sw	$2, MREG(34)($25)
	lui	$2, %hi(stub_call_nr)
	addiu	$2, $2, %lo(stub_call_nr)
	sw	$1, 0($2)
	li	$3, 1
	sw	$3, 4($2)		/* stub_in_call */
	lui	$sp, %hi(stub_call_stack_top - 16)
	addiu	$sp, $sp, %lo(stub_call_stack_top - 16)
	jal	stub_call
	nop
	.globl	stub_call_return
stub_call_return:
	/* the answer: the caller again (stub_call returned only then) */
	lui	$2, %hi(stub_call_nr)
	addiu	$2, $2, %lo(stub_call_nr)
	sw	$0, 4($2)		/* stub_in_call */
	lui	$25, %hi(stub_mbox)
	addiu	$25, $25, %lo(stub_mbox)
	lw	$2, MREG(33)($25)
	mthi	$2
	lw	$2, MREG(34)($25)
	mtlo	$2
	.irp	r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31
	lw	$\r, MREG(\r)($25)
	.endr
	lw	$25, MREG(32)($25)
	jr	$25
	nop
	.globl	stub_call_code_end
stub_call_code_end:

	.text
/* long stub_syscall(long nr, long a1, ..., long a6): `syscall` with the number in v0, a1..a4 in
 * a0..a3 and a5, a6 at 16/20($sp) of the syscall's caller. The C caller passed nr, a1..a3 in
 * a0..a3 and a4..a6 at 16/20/24($sp). The kernel reports failure as a3 != 0 with v0 = errno;
 * turn that into -errno like the other ISAs. */
	.globl	stub_syscall
	.type	stub_syscall, @function
	.ent	stub_syscall
stub_syscall:
	move	$v0, $a0
	move	$a0, $a1
	move	$a1, $a2
	move	$a2, $a3
	lw	$a3, 16($sp)
	lw	$t0, 20($sp)
	lw	$t1, 24($sp)
	addiu	$sp, $sp, -32
	sw	$t0, 16($sp)
	sw	$t1, 20($sp)
	syscall
	addiu	$sp, $sp, 32
	beqz	$a3, 1f
	nop
	subu	$v0, $zero, $v0
1:	jr	$ra
	nop
	.end	stub_syscall
	.size	stub_syscall, . - stub_syscall

/* sa_handler. MIPS has no sa_restorer: the kernel/qemu sets $ra to its own trampoline, and
 * qemu's sigtramp page may lie in the L4 range we unmapped. So the stub returns itself:
 * do_rt_sigreturn (Linux and qemu linux-user/mips/signal.c) reads the frame at $sp, which on
 * entry here is exactly the frame. Keep it in $s0 (callee-saved across stub_handler; the frame
 * restores the real $s0 anyway), call the C handler with a0..a2 untouched, put $sp back and do
 * rt_sigreturn. */
	.globl	stub_sigentry
	.type	stub_sigentry, @function
	.ent	stub_sigentry
stub_sigentry:
	move	$s0, $sp
	addiu	$sp, $sp, -32		/* o32 argument save area (+ keep 8-byte alignment) */
	jal	stub_handler
	nop
	move	$sp, $s0
	li	$v0, 4193		/* __NR_rt_sigreturn (4000 + 193) */
	syscall
	break				/* not reached */
	.end	stub_sigentry
	.size	stub_sigentry, . - stub_sigentry

/* Declared in stub.h for all ISAs; never installed on MIPS. */
	.globl	stub_restorer
stub_restorer:
	break

	stub_call_data
	.bss
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
