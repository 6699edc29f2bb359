/*
 * ia32 kernel-debugger traps (docs/abi/x86.md): "int3; cmpb $N, %al" calls kdebug function N with
 * its argument and result in EAX; "int3; jmp 1f; .ascii text; 1:" is enter_kdebug(text), the kernel
 * reading the text behind the jump.
 *
 * Contract with <l4/sys/kdebug.h> (every port provides the same names):
 *   __L4_KDEBUG(fn, word)       statement; fn an integer constant, word an l4_umword_t lvalue
 *                               holding the argument before and the result after the trap;
 *   __L4_ENTER_KDEBUG(text)     statement; text a string literal on this ISA;
 *   __L4_ASM_ENTER_KDEBUG(text) the same as an asm string that preserves all registers.
 */
#ifndef __L4_ARCH_KDEBUG_H__
#define __L4_ARCH_KDEBUG_H__

#define __L4_KDEBUG(fn, word)                                                                      \
	__asm__ __volatile__("int3\n\tcmpb %1, %%al" : "+a"(word) : "i"(fn) : "memory", "cc")

#define __L4_ASM_ENTER_KDEBUG(text)                                                                \
	"int3\n\t"                                                                                 \
	"jmp 1f\n\t"                                                                               \
	".ascii \"" text "\"\n"                                                                    \
	"1:\n\t"

#define __L4_ENTER_KDEBUG(text) __asm__ __volatile__(__L4_ASM_ENTER_KDEBUG(text) : : : "memory")

#endif
