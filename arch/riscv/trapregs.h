/* RISC-V RV32 trap record: mbox.regs[] order (x0..x31, then pc), so context slot n is DWARF
 * register n. Shared by the stub and the kernel backend. */
#ifndef UMOL4_RISCV_TRAPREGS_H
#define UMOL4_RISCV_TRAPREGS_H
enum riscv_trapreg {
	RV_ZERO, RV_RA, RV_SP, RV_GP, RV_TP, RV_T0, RV_T1, RV_T2,
	RV_S0, RV_S1, RV_A0, RV_A1, RV_A2, RV_A3, RV_A4, RV_A5,
	RV_A6, RV_A7, RV_S2, RV_S3, RV_S4, RV_S5, RV_S6, RV_S7,
	RV_S8, RV_S9, RV_S10, RV_S11, RV_T3, RV_T4, RV_T5, RV_T6,
	RV_PC, RV_NREGS
};
#endif
