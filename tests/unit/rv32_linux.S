/* Entry of the core unit tests under qemu-riscv32 (rv32_linux.c): picolibc's code addresses
 * small data through gp and errno through tp, so both are set up as its own crt0 would, on a
 * stack of our own (qemu's lies where picolibc's linker script does not expect it). */
	.text
	.globl	_start
_start:
	.option	push
	.option	norelax
	lla	gp, __global_pointer$
	.option	pop
	lla	sp, rv32_stack_top
	lla	tp, __tls_base
	call	rv32_linux_start
	unimp

	.bss
	.balign	16
	.space	256 << 10
rv32_stack_top:

	.section .note.GNU-stack, "", @progbits
