/*
 * MIPS kernel-debugger traps (docs/abi/mips.md): "break 0x100|N" (code in bits 16-25) calls kdebug
 * function N with its argument and result in $a0; "break 0x1ff" is enter_kdebug with $a0 pointing
 * to the text. Codes 6 and 7 are never used: qemu turns them into SIGFPE.
 *
 * Contract with <l4/sys/kdebug.h>: see arch/x86/include/l4/arch/kdebug.h.
 */
#ifndef __L4_ARCH_KDEBUG_H__
#define __L4_ARCH_KDEBUG_H__

#define __L4_KDEBUG(fn, word)                                                                      \
	do {                                                                                       \
		register l4_umword_t __kd_a0 __asm__("$4") = (word);                               \
		__asm__ __volatile__("break %1" : "+r"(__kd_a0) : "i"(0x100 | (fn)) : "memory");   \
		(word) = __kd_a0;                                                                  \
	} while (0)

#define __L4_ENTER_KDEBUG(text)                                                                    \
	do {                                                                                       \
		register const char *__kd_a0 __asm__("$4") = (text);                               \
		__asm__ __volatile__("break 0x1ff" : "+r"(__kd_a0) : : "memory");                  \
	} while (0)

/* The text sits behind the trap, so $a0 is saved on the stack while it points there. */
#define __L4_ASM_ENTER_KDEBUG(text)                                                                \
	".set push\n\t"                                                                            \
	".set noreorder\n\t"                                                                       \
	"addiu $sp, $sp, -8\n\t"                                                                   \
	"sw $4, 0($sp)\n\t"                                                                        \
	"la $4, 1f\n\t"                                                                            \
	"break 0x1ff\n\t"                                                                          \
	"lw $4, 0($sp)\n\t"                                                                        \
	"b 2f\n\t"                                                                                 \
	"addiu $sp, $sp, 8\n"                                                                      \
	"1: .asciz \"" text "\"\n\t"                                                               \
	".balign 4\n"                                                                              \
	"2:\n\t"                                                                                   \
	".set pop\n\t"

#endif
