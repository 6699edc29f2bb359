/*
 * ia32 program entry (docs/abi/x86.md "Program entry").
 * In:  EAX = 0x2BADB002, EBX = Multiboot information, ECX = KIP address (sigma0 only);
 *      ESP = whatever the starter left, not trusted.
 * Out: the registers saved for C, ESP = top of the 64 KiB .bss stack (l4.ld), __crt0_main called.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	movl	%eax, crt0_multiboot_flag
	movl	%ebx, crt0_multiboot_info
	movl	%ecx, __crt0_kip
	movl	$__l4_stack_top, %esp
	andl	$-16, %esp		/* the i386 psABI wants 16 bytes at every call */
	xorl	%ebp, %ebp		/* end of the frame chain for debuggers */
	call	__crt0_main
	ud2				/* __crt0_main never returns */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
