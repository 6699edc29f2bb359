/* What the backends give the debugging views: the same division-by-zero exception on every ISA,
 * breakpoints that do not loop, register names and DWARF numbering, and the two unwinding hooks
 * (ia32 system-call bindings, MIPS prologues). */
#include "arch/arm/trapregs.h"
#include "arch/mips/trapregs.h"
#include "arch/x86/trapregs.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static void test_division_by_zero(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	/* ia32: #DE arrives as SIGFPE with FPE_INTDIV */
	struct hw_event ev = {HWEV_FPE, HWCODE_INTDIV, 0, 0, 0};
	r[X86_EIP] = FAKEMEM_VA;
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_EXCEPTION && tr.vector == 0);
	CHECK(strcmp(tr.what, "integer division by zero") == 0);
	/* ARM: the helpers' udf #0xde0 is the caller's exception, at its call instruction */
	memset(r, 0, sizeof r);
	fakemem_put_word(0, 0xe7f0def0u, false);
	r[ARM_PC] = FAKEMEM_VA;
	r[ARM_LR] = 0x01000104u;
	ev = (struct hw_event){HWEV_ILL, 0, 0, 0, 0};
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_EXCEPTION && tr.vector == 0 && r[ARM_PC] == 0x01000100u);
	CHECK(strcmp(tr.what, "integer division by zero") == 0);
	/* any other undefined instruction stays an illegal instruction */
	fakemem_put_word(0, 0xe7f000f0u, false);
	r[ARM_PC] = FAKEMEM_VA;
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0) && tr.vector == 6 &&
	      r[ARM_PC] == FAKEMEM_VA);
	/* MIPS: teq a1, zero, 7 (SIGTRAP under qemu) at the trap; another code is vector 6 */
	const struct arch *mips[] = {&arch_mips, &arch_mipsel};
	for (unsigned i = 0; i < 2; i++) {
		bool be = mips[i]->big_endian;
		memset(r, 0, sizeof r);
		fakemem_put_word(0, 0x00a001f4u, be);
		r[MIPS_PC] = FAKEMEM_VA;
		ev = (struct hw_event){HWEV_TRAP, 0, 0, 0, 0};
		CHECK(mips[i]->decode(&ev, r, &tr, fakemem_read, 0));
		CHECK(tr.kind == TRAP_EXCEPTION && tr.vector == 0 && r[MIPS_PC] == FAKEMEM_VA);
		CHECK(strcmp(tr.what, "integer division by zero") == 0);
		fakemem_put_word(0, 0x00a00034u | (3u << 6), be); /* teq a1, zero, 3 */
		CHECK(mips[i]->decode(&ev, r, &tr, fakemem_read, 0) && tr.vector == 6);
		/* break 7 arrives as SIGFPE */
		ev = (struct hw_event){HWEV_FPE, HWCODE_INTDIV, 0, 0, 0};
		CHECK(mips[i]->decode(&ev, r, &tr, fakemem_read, 0) && tr.vector == 0);
	}
}

/* A breakpoint that is no kdebug call moves past itself, as int3 does, so --kdebug=continue
 * cannot loop on it. */
static void test_breakpoints_advance(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	struct hw_event ev = {HWEV_TRAP, 0, 0, 0, 0};
	fakemem_put_word(0, 0xe1200070u, false); /* bkpt #0 */
	r[ARM_PC] = FAKEMEM_VA;
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kd_op == KD_BREAKPOINT && r[ARM_PC] == FAKEMEM_VA + 4);
	fakemem_put_word(0, 0x0000000fu, true); /* sync: not a break */
	memset(r, 0, sizeof r);
	r[MIPS_PC] = FAKEMEM_VA;
	CHECK(arch_mips.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kd_op == KD_BREAKPOINT && r[MIPS_PC] == FAKEMEM_VA + 4);
}

static void test_register_views(void)
{
	for (const struct arch *const *all = arch_isas; *all; all++) {
		const struct arch *a = *all;
		CHECK(a->dwarf_nregs <= a->nregs);
		for (unsigned n = 0; n < a->nregs; n++)
			CHECK(a->reg_names[n] && *a->reg_names[n]);
		CHECK(a->link_reg == ARCH_RA_ON_STACK || (unsigned)a->link_reg < a->dwarf_nregs);
	}
	/* slot n is DWARF register n: ia32 esp is 4, ARM sp 13, MIPS $sp 29 */
	CHECK(strcmp(arch_x86.reg_names[4], "esp") == 0 &&
	      strcmp(arch_arm.reg_names[13], "sp") == 0);
	CHECK(strcmp(arch_mips.reg_names[29], "sp") == 0 && arch_mips.link_reg == 31);
}

/* ia32: a thread stopped after the bindings' int $0x30 gets back EBP, EBX and ESP from before
 * the binding's pushes. */
static void test_x86_syscall_frame(void)
{
	static const uint8_t binding[] = {0x55, 0x53, 0x8b, 0x6b, 0x04, 0x8b, 0x1b, 0xcd, 0x30};
	memset(fakemem, 0, sizeof fakemem);
	memcpy(fakemem, binding, sizeof binding);
	fakemem_put_word(32, 0x01014f00u, false); /* [esp] = the block address */
	fakemem_put_word(36, 0x01014fd8u, false); /* [esp+4] = the function's EBP */
	word_t r[ARCH_MAX_REGS] = {0};
	r[X86_EIP] = FAKEMEM_VA + sizeof binding;
	r[X86_ESP] = FAKEMEM_VA + 32;
	r[X86_EBP] = 0x1234; /* S4 of the system call */
	arch_x86.frame_before_syscall(fakemem_read, 0, r);
	CHECK(r[X86_ESP] == FAKEMEM_VA + 40 && r[X86_EBP] == 0x01014fd8u &&
	      r[X86_EBX] == 0x01014f00u);
	/* anywhere else nothing changes */
	r[X86_EIP] = FAKEMEM_VA + 3;
	arch_x86.frame_before_syscall(fakemem_read, 0, r);
	CHECK(r[X86_ESP] == FAKEMEM_VA + 40);
}

/* MIPS: the caller of a function stopped after its prologue (addiu sp, sp, -24; sw ra, 20(sp)). */
static void test_mips_prologue(void)
{
	const struct arch *mips[] = {&arch_mips, &arch_mipsel};
	for (unsigned i = 0; i < 2; i++) {
		bool be = mips[i]->big_endian;
		memset(fakemem, 0, sizeof fakemem);
		fakemem_put_word(0, 0x27bdffe8u, be);
		fakemem_put_word(4, 0xafbf0014u, be);
		fakemem_put_word(8, 0x00000000u, be);
		fakemem_put_word(32 + 20, 0x01000098u, be);
		word_t r[ARCH_MAX_REGS] = {0};
		r[MIPS_PC] = FAKEMEM_VA + 12;
		r[MIPS_SP] = FAKEMEM_VA + 32;
		r[MIPS_RA] = 0x0badc0deu;
		CHECK(mips[i]->caller_by_prologue(fakemem_read, 0, FAKEMEM_VA, r));
		CHECK(r[MIPS_PC] == 0x01000098u && r[MIPS_SP] == FAKEMEM_VA + 56);
		/* stopped at the entry: nothing allocated or saved yet, the caller is in $ra */
		r[MIPS_PC] = FAKEMEM_VA;
		r[MIPS_SP] = FAKEMEM_VA + 32;
		r[MIPS_RA] = 0x01000200u;
		CHECK(mips[i]->caller_by_prologue(fakemem_read, 0, FAKEMEM_VA, r));
		CHECK(r[MIPS_PC] == 0x01000200u && r[MIPS_SP] == FAKEMEM_VA + 32);
	}
}

const struct unit_test debug_tests[] = {
    {"integer division by zero is exception 0 on every ISA", test_division_by_zero},
    {"plain breakpoints move past themselves", test_breakpoints_advance},
    {"register names and DWARF numbering", test_register_views},
    {"ia32 backtraces start before the bindings' pushes", test_x86_syscall_frame},
    {"MIPS callers from the prologue", test_mips_prologue},
    {0, 0},
};
