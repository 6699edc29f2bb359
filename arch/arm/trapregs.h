/* ARM trap record: mbox.regs[] order. Shared by the stub and the kernel backend. */
#ifndef UMOL4_ARM_TRAPREGS_H
#define UMOL4_ARM_TRAPREGS_H
enum arm_trapreg {
	ARM_R0, ARM_R1, ARM_R2, ARM_R3, ARM_R4, ARM_R5, ARM_R6, ARM_R7, ARM_R8, ARM_R9, ARM_R10,
	ARM_FP, ARM_IP, ARM_SP, ARM_LR, ARM_PC, ARM_CPSR, ARM_NREGS
};
#endif
