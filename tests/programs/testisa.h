/* The few things a test program must do in ISA-specific ways (deliberate bad instructions). */
#ifndef UMOL4_TESTISA_H
#define UMOL4_TESTISA_H

static inline void illegal_instruction(void)
{
#if defined(__i386__)
	__asm__ __volatile__("ud2");
#elif defined(__arm__)
	__asm__ __volatile__(".word 0xe7f000f0"); /* udf #0 */
#elif defined(__mips__)
	__asm__ __volatile__(".word 0x0000003f"); /* dsra32: reserved on MIPS32 */
#elif defined(__riscv)
	__asm__ __volatile__(".word 0"); /* all zeros: defined illegal */
#else
#error "unknown ISA"
#endif
}

#endif
