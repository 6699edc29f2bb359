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

	.bss
	.balign	16
stub_boot_stack:
	.space	8192
stub_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
