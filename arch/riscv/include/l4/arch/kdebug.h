/*
 * RISC-V kernel-debugger traps (docs/abi/riscv.md). ebreak has no immediate, so the function
 * number follows it as a hint instruction, as ia32 puts a `cmpb $N, %al` behind its int3:
 * "ebreak; addi x0, x0, 0x100|N" calls kdebug function N with its argument and result in a0;
 * "ebreak; addi x0, x0, 0x1ff" is enter_kdebug with a0 pointing to the text. Both are kept
 * uncompressed (.option norvc) so the kernel finds the marker at pc + 4.
 *
 * Contract with <l4/sys/kdebug.h>: see arch/x86/include/l4/arch/kdebug.h.
 */
#ifndef __L4_ARCH_KDEBUG_H__
#define __L4_ARCH_KDEBUG_H__

#define __L4_RISCV_KDEBUG_TRAP(n)                                                                  \
	".option push\n\t.option norvc\n\tebreak\n\taddi x0, x0, " n "\n\t.option pop\n\t"

#define __L4_KDEBUG(fn, word)                                                                      \
	do {                                                                                       \
		register l4_umword_t __kd_a0 __asm__("a0") = (word);                               \
		__asm__ __volatile__(__L4_RISCV_KDEBUG_TRAP("%1")                                  \
				     : "+r"(__kd_a0)                                               \
				     : "i"(0x100 | (fn))                                           \
				     : "memory");                                                  \
		(word) = __kd_a0;                                                                  \
	} while (0)

#define __L4_ENTER_KDEBUG(text)                                                                    \
	do {                                                                                       \
		register const char *__kd_a0 __asm__("a0") = (text);                               \
		__asm__ __volatile__(__L4_RISCV_KDEBUG_TRAP("0x1ff")                               \
				     : "+r"(__kd_a0)                                               \
				     :                                                             \
				     : "memory");                                                  \
	} while (0)

/* The text goes to .rodata: behind the trap, an odd length would leave code misaligned in a
 * section the linker relaxes. a0 is saved on the stack while it points there. */
#define __L4_ASM_ENTER_KDEBUG(text)                                                                \
	"addi sp, sp, -16\n\t"                                                                     \
	"sw a0, 0(sp)\n\t"                                                                         \
	"lla a0, 1f\n\t" __L4_RISCV_KDEBUG_TRAP("0x1ff") "lw a0, 0(sp)\n\t"                        \
							 "addi sp, sp, 16\n\t"                     \
							 ".pushsection .rodata\n"                  \
							 "1: .asciz \"" text "\"\n\t"              \
							 ".popsection\n\t"

#endif
