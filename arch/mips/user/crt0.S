/*
 * MIPS o32 program entry, both byte orders (docs/abi/mips.md "Program entry").
 * In:  $a0 = 0x2BADB002, $a1 = Multiboot information, $a2 = KIP address (sigma0 only);
 *      $sp = whatever the starter left, not trusted.
 *      Or, when $a0 is not the magic (task_new starts a task with zeroed registers), the starter's
 *      initial stack holds [$sp] = 0x2BADB002, [$sp+4] = Multiboot information (docs/loader.md).
 * Out: the registers saved for C, $sp = top of the 64 KiB .bss stack (l4.ld) minus the 16-byte
 *      argument save area o32 callers provide, __crt0_main called.
 */
	.section .text.crt0, "ax"
	.set	noreorder
	.globl	_start
	.type	_start, @function
	.ent	_start
_start:
	li	$t0, 0x2BADB002
	beq	$a0, $t0, 1f
	nop
	beq	$sp, $zero, 1f		/* no stack at all: no arguments either */
	nop
	lw	$a0, 0($sp)
	lw	$a1, 4($sp)
1:	la	$t0, crt0_multiboot_flag
	sw	$a0, 0($t0)
	la	$t0, crt0_multiboot_info
	sw	$a1, 0($t0)
	la	$t0, __crt0_kip
	sw	$a2, 0($t0)
	la	$t0, __l4_stack_top
	li	$t1, -16
	and	$sp, $t0, $t1
	addiu	$sp, $sp, -16
	move	$fp, $zero		/* end of the frame chain for debuggers */
	jal	__crt0_main
	nop
	break	0			/* __crt0_main never returns */
	.end	_start
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
