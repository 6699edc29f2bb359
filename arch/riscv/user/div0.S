/*
 * Integer division by zero on RISC-V (docs/abi/riscv.md "Exceptions"). The M extension's div and
 * rem never trap (x / 0 gives -1), so L4 programs are compiled with
 * -fsanitize=integer-divide-by-zero (toolchains/riscv.cmake, umol4-cc): gcc checks every divisor
 * and calls the handler below for a zero one. Its first instruction is a reserved custom-0
 * encoding the kernel turns into exception 0 at the caller's call instruction, as ia32 raises
 * #DE at its idiv. Nothing is pushed first, so the caller's frame is intact.
 */
	.text
	.globl	__ubsan_handle_divrem_overflow
	.type	__ubsan_handle_divrem_overflow, @function
__ubsan_handle_divrem_overflow:
	.word	0xde00000b
	ret
	.size	__ubsan_handle_divrem_overflow, . - __ubsan_handle_divrem_overflow

	.globl	__ubsan_handle_divrem_overflow_abort
	.type	__ubsan_handle_divrem_overflow_abort, @function
__ubsan_handle_divrem_overflow_abort:
	.word	0xde00000b
	unimp
	.size	__ubsan_handle_divrem_overflow_abort, . - __ubsan_handle_divrem_overflow_abort

	.section .note.GNU-stack, "", @progbits
