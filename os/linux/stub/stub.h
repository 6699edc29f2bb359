/* Interface between the ISA-independent task stub (os/linux/stub/stub.c) and its per-ISA part
 * (arch/<arch>/stub/: stub_arch.h and entry.S). Freestanding: no libc, no host headers.
 *
 * Each arch/<arch>/stub/stub_arch.h (which includes this file) provides:
 *   STUB_USER_END            end of the L4 user range (unmapped at start, never touched by ops)
 *   STUB_SIG*                the ISA's Linux signal numbers (they differ on MIPS)
 *   STUB_SA_SIGINFO, STUB_SA_ONSTACK, STUB_SA_RESTORER (0 where the ABI has none)
 *   STUB_SIG_SETMASK, STUB_SIGSET_BYTES, STUB_SI_CODE_OFF, STUB_SI_ADDR_OFF
 *   STUB_NR_*                system-call numbers
 *   struct stub_sigaction, struct stub_stack   (kernel layouts)
 *   stub_arch_keep()         host-owned pages inside the L4 user range (qemu-i386's GDT/IDT)
 *   stub_arch_emulated()     whether the stub runs under qemu-user
 *   stub_fill_sigaction()    puts handler/restorer/flags into the ISA's layout
 *   stub_save_regs(), stub_load_regs()   ucontext <-> mbox.regs (arch/<arch>/trapregs.h order)
 *   stub_is_myself(), stub_call_is_myself(), stub_answer_myself()  recognise id_nearest(nil)
 *                            in mbox.regs, trapped or called, and write its result (type 0, the
 *                            id in cur_lo/cur_hi, the ip past a trap)
 *   STUB_NREGS               the trapregs.h count
 *   stub_call_resumable()    whether entry.S can load the answer in mbox.regs itself
 *   stub_frame_ip(), stub_clear_step()  a frame's ip; clear a trap flag in it (x86), else 0
 *   stub_raise_resume()      the trap instruction of the call path's slow path
 *   stub_fp_area()           where the frame holds the floating-point state, and its size
 */
#ifndef UMOL4_STUB_H
#define UMOL4_STUB_H

#include "os/linux/mbox.h"
#include <stdint.h>

union stub_mbox {
	struct mbox m;
	char bytes[MBOX_SIZE];
};
extern union stub_mbox stub_mbox;

/* entry.S: the raw system call. Returns the result, or -errno (MIPS: the a3 flag is folded in).
 * A real function rather than inline asm: the per-ISA register constraints (i386 ebp, MIPS stack
 * arguments 5 and 6) stay in a few lines of assembly, and a call is nothing next to a syscall. */
long stub_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* entry.S: the address installed as sa_handler. x86/ARM: stub_handler itself. MIPS: a wrapper
 * that calls stub_handler and then issues rt_sigreturn with $sp = the frame (no sa_restorer). */
void stub_sigentry(int sig, void *info, void *uc);
/* entry.S: sa_restorer (x86, ARM): rt_sigreturn inside the stub image. Unused on MIPS. */
void stub_restorer(void);

/* ipfilter.c: installs the instruction-pointer filter; 0, or -errno of seccomp() */
long stub_install_ip_filter(void);

/* stub.c */
void stub_main(void) __attribute__((noreturn));
void stub_handler(int sig, void *info, void *uc);

/* The kernel entry by call (docs/architecture.md "Kernel entry by call"). entry.S provides
 * STUB_CALL_SLOTS slots of STUB_CALL_SLOT bytes at stub_call_entries (slot n: system call n),
 * all of its call-path code between stub_call_entries and stub_call_code_end (the part that
 * loads the answer from stub_call_return on), and the stack stub_call_stack_top. A slot stores
 * every register of the caller into stub_mbox.regs (the ip: the return address), the call number
 * into stub_call_nr, sets stub_in_call, switches to its stack and calls stub_call. When that
 * returns, entry.S clears stub_in_call, loads every register from stub_mbox.regs and jumps to the
 * ip there. */
#define STUB_SYS_ID_NEAREST 1u /* core/arch.h SYS_ID_NEAREST: the l4_myself fast path */
#define STUB_CALL_SLOT	32u
#define STUB_CALL_SLOTS 9u /* SYS_IPC .. SYS_EXC_TABLE of core/arch.h */
extern char stub_call_entries[], stub_call_return[], stub_call_code_end[];
extern uint32_t stub_call_nr, stub_in_call;
void stub_call(void);

#endif
