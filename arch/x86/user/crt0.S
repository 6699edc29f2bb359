/*
 * ia32 program entry (docs/abi/x86.md "Program entry").
 * In:  EAX = 0x2BADB002, EBX = Multiboot information, ECX = KIP address (sigma0 only);
 *      ESP = whatever the starter left, not trusted.
 *      Or, when EAX is not the magic (task_new starts a task with zeroed registers), the starter's
 *      initial stack holds [ESP] = 0x2BADB002, [ESP+4] = Multiboot information (docs/loader.md).
 * Out: the registers saved for C, ESP = top of the 64 KiB .bss stack (l4.ld), __crt0_main called.
 */
	.section .text.crt0, "ax"
	.globl	_start
	.type	_start, @function
_start:
	cmpl	$0x2BADB002, %eax
	je	1f
	testl	%esp, %esp		/* no stack at all: no arguments either */
	jz	1f
	movl	(%esp), %eax
	movl	4(%esp), %ebx
1:	movl	%eax, crt0_multiboot_flag
	movl	%ebx, crt0_multiboot_info
	movl	%ecx, __crt0_kip
	movl	$__l4_stack_top, %esp
	andl	$-16, %esp		/* the i386 psABI wants 16 bytes at every call */
	xorl	%ebp, %ebp		/* end of the frame chain for debuggers */
	call	__crt0_main
	ud2				/* __crt0_main never returns */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
