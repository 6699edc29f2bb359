/*
 * An L4Env-style program's own crt0: _start in plain .text of the first object on the link line,
 * as L4Env links its crt0.o. It takes the entry registers as they come (docs/abi/<isa>.md
 * "Program entry"), switches to its own stack and calls l4env_start(), which must not return.
 */
#define OWN_STACK 8192

#if defined(__i386__)
	.text
	.globl	_start
_start:
	movl	$own_stack + OWN_STACK, %esp
	call	l4env_start
	ud2
#elif defined(__arm__)
	.arm
	.text
	.globl	_start
_start:
	ldr	sp, =own_stack + OWN_STACK
	bl	l4env_start
	udf	#0
	.ltorg
#elif defined(__mips__)
	.text
	.set	noreorder
	.globl	_start
	.ent	_start
_start:
	la	$sp, own_stack + OWN_STACK - 16
	jal	l4env_start
	nop
	break	0
	.end	_start
#elif defined(__riscv)
	.text
	.globl	_start
_start:
	lla	sp, own_stack + OWN_STACK
	call	l4env_start
	unimp
#else
#error "unknown ISA"
#endif

	.bss
	.balign	16
own_stack:
	.space	OWN_STACK

#if defined(__arm__)
	.section .note.GNU-stack, "", %progbits
#else
	.section .note.GNU-stack, "", @progbits
#endif
