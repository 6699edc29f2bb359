/*
 * MIPS o32 program entry, both byte orders (docs/abi/mips.md "Program entry").
 * In:  $a0 = 0x2BADB002, $a1 = Multiboot information, $a2 = KIP address (sigma0 only);
 *      $sp = whatever the starter left, not trusted.
 * Out: the registers saved for C, $sp = top of the 64 KiB .bss stack (l4.ld) minus the 16-byte
 *      argument save area o32 callers provide, __crt0_main called.
 */
	.text
	.set	noreorder
	.globl	_start
	.type	_start, @function
	.ent	_start
_start:
	la	$t0, crt0_multiboot_flag
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
