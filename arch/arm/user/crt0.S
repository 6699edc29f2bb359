/*
 * ARM program entry (docs/abi/arm.md "Program entry").
 * In:  r0 = 0x2BADB002, r1 = Multiboot information, r2 = KIP address (sigma0 only);
 *      sp = whatever the starter left, not trusted.
 *      Or, when r0 is not the magic (task_new starts a task with zeroed registers), the starter's
 *      initial stack holds [sp] = 0x2BADB002, [sp+4] = Multiboot information (docs/loader.md).
 * Out: the registers saved for C, sp = top of the 64 KiB .bss stack (l4.ld), __crt0_main called.
 */
	.syntax unified
	.arm
	.section .text.crt0, "ax"
	.globl	_start
	.type	_start, %function
_start:
	ldr	ip, =0x2BADB002
	cmp	r0, ip
	beq	1f
	cmp	sp, #0			/* no stack at all: no arguments either */
	ldrne	r0, [sp]
	ldrne	r1, [sp, #4]
1:	ldr	ip, =crt0_multiboot_flag
	str	r0, [ip]
	ldr	ip, =crt0_multiboot_info
	str	r1, [ip]
	ldr	ip, =__crt0_kip
	str	r2, [ip]
	ldr	ip, =__l4_stack_top
	bic	sp, ip, #15		/* AAPCS needs 8, keep 16 like every other ISA */
	mov	fp, #0			/* end of the frame chain for debuggers */
	mov	lr, #0
	bl	__crt0_main
	udf	#0			/* __crt0_main never returns */
	.size	_start, . - _start
	.ltorg

	.section .note.GNU-stack, "", %progbits
