/* MIPS o32 trap record: mbox.regs[] order (gpr 0..31, then pc, hi, lo). Shared by the stub and
 * the kernel backend. Words are in the task's byte order like the whole mailbox. */
#ifndef UMOL4_MIPS_TRAPREGS_H
#define UMOL4_MIPS_TRAPREGS_H
enum mips_trapreg {
	MIPS_ZERO, MIPS_AT, MIPS_V0, MIPS_V1, MIPS_A0, MIPS_A1, MIPS_A2, MIPS_A3,
	MIPS_T0, MIPS_T1, MIPS_T2, MIPS_T3, MIPS_T4, MIPS_T5, MIPS_T6, MIPS_T7,
	MIPS_S0, MIPS_S1, MIPS_S2, MIPS_S3, MIPS_S4, MIPS_S5, MIPS_S6, MIPS_S7,
	MIPS_T8, MIPS_T9, MIPS_K0, MIPS_K1, MIPS_GP, MIPS_SP, MIPS_FP, MIPS_RA,
	MIPS_PC, MIPS_HI, MIPS_LO, MIPS_NREGS
};
#endif
