/*
 * ARM's 32-bit integer division helpers (the ARM run-time ABI: ARMv7-A has no divide
 * instruction, so gcc calls these). Built for ARM only, first in the link group, so libgcc's are
 * never pulled in: its helpers report a division by zero through raise(SIGFPE), which an L4 task
 * has not got. Here a zero divisor executes the divide trap `udf #0xde0` at the helper's entry,
 * before anything is pushed: the kernel turns it into the integer-division exception (vector 0,
 * as ia32's #DE and MIPS' teq) at the caller's call instruction (docs/abi/arm.md).
 * The 64-bit helpers stay libgcc's; their zero check calls __aeabi_ldiv0, which traps the same way.
 */
	.syntax unified
	.arm
	.text

	.macro	divider name, body
	.globl	\name
	.type	\name, %function
\name:
	.cfi_startproc
	cmp	r1, #0
	beq	__umol4_div0
	b	\body
	.cfi_endproc
	.size	\name, . - \name
	.endm

	divider	__aeabi_idiv, __umol4_sdiv32
	divider	__aeabi_uidiv, __umol4_udiv32
	divider	__aeabi_idivmod, __umol4_sdivmod32
	divider	__aeabi_uidivmod, __umol4_udivmod32

	.globl	__umol4_div0
	.globl	__aeabi_idiv0
	.globl	__aeabi_ldiv0
	.type	__umol4_div0, %function
__umol4_div0:
__aeabi_idiv0:
__aeabi_ldiv0:
	.cfi_startproc
	udf	#0xde0
	bx	lr
	.cfi_endproc
	.size	__umol4_div0, . - __umol4_div0

	.section .note.GNU-stack, "", %progbits
