/*
 * ARM kernel-debugger traps (docs/abi/arm.md): "bkpt #(0x100 | N)" calls kdebug function N with its
 * argument and result in r0; "bkpt #0x1ff" is enter_kdebug with r0 pointing to the text.
 *
 * Contract with <l4/sys/kdebug.h>: see arch/x86/include/l4/arch/kdebug.h.
 */
#ifndef __L4_ARCH_KDEBUG_H__
#define __L4_ARCH_KDEBUG_H__

#define __L4_KDEBUG(fn, word)                                                                      \
	do {                                                                                       \
		register l4_umword_t __kd_r0 __asm__("r0") = (word);                               \
		__asm__ __volatile__("bkpt %1" : "+r"(__kd_r0) : "i"(0x100 | (fn)) : "memory");    \
		(word) = __kd_r0;                                                                  \
	} while (0)

#define __L4_ENTER_KDEBUG(text)                                                                    \
	do {                                                                                       \
		register const char *__kd_r0 __asm__("r0") = (text);                               \
		__asm__ __volatile__("bkpt #0x1ff" : "+r"(__kd_r0) : : "memory");                  \
	} while (0)

/* The text sits behind the trap, so r0 is saved on the stack while it points there. */
#define __L4_ASM_ENTER_KDEBUG(text)                                                                \
	"str r0, [sp, #-8]!\n\t"                                                                   \
	"adr r0, 1f\n\t"                                                                           \
	"bkpt #0x1ff\n\t"                                                                          \
	"ldr r0, [sp], #8\n\t"                                                                     \
	"b 2f\n"                                                                                   \
	"1: .asciz \"" text "\"\n\t"                                                               \
	".balign 4\n"                                                                              \
	"2:\n\t"

#endif
