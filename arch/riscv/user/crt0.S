/*
 * RISC-V RV32 program entry (docs/abi/riscv.md "Program entry").
 * In:  a0 = 0x2BADB002, a1 = Multiboot information, a2 = KIP address (sigma0 only);
 *      sp = whatever the starter left, not trusted.
 *      Or, when a0 is not the magic (task_new starts a task with zeroed registers), the starter's
 *      initial stack holds [sp] = 0x2BADB002, [sp+4] = Multiboot information (docs/loader.md).
 * Out: the registers saved for C, sp = top of the 64 KiB .bss stack (l4.ld), __crt0_main called.
 */
	.section .text.crt0, "ax"
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined ra		/* the outermost frame */
	/* gp stays 0: nothing is linked gp-relative (l4.ld defines no __global_pointer$) */
	li	t0, 0x2BADB002
	beq	a0, t0, 1f
	beqz	sp, 1f			/* no stack at all: no arguments either */
	lw	a0, 0(sp)
	lw	a1, 4(sp)
1:	lla	t0, crt0_multiboot_flag
	sw	a0, 0(t0)
	lla	t0, crt0_multiboot_info
	sw	a1, 0(t0)
	lla	t0, __crt0_kip
	sw	a2, 0(t0)
	lla	t0, __l4_stack_top
	andi	sp, t0, -16		/* the psABI's 16-byte alignment */
	li	s0, 0			/* end of the frame chain for debuggers */
	li	ra, 0
	call	__crt0_main
	unimp				/* __crt0_main never returns */
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
