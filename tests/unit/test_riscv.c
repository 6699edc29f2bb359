/* The RISC-V backend: magic-address entry, write detection for 32-bit and compressed
 * instructions, the kdebug marker behind ebreak, the division check's trap, exception entry and
 * the prologue reader. */
#include "arch/riscv/trapregs.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static void put_half(unsigned off, unsigned h)
{
	fakemem[off] = (uint8_t)h;
	fakemem[off + 1] = (uint8_t)(h >> 8);
}

static bool decode(struct hw_event ev, word_t *r, struct trap *tr)
{
	return arch_riscv.decode(&ev, r, tr, fakemem_read, 0);
}

static void test_entry_and_faults(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	r[RV_PC] = 0xfffffff4;
	r[RV_RA] = 0x8004;
	CHECK(decode((struct hw_event){HWEV_SEGV, 1, 0xfffffff4, 0, 0}, r, &tr));
	CHECK(tr.kind == TRAP_SYSCALL && tr.nr == SYS_IPC && r[RV_PC] == 0x8004);
	r[RV_PC] = 0xffffffd4;
	CHECK(decode((struct hw_event){HWEV_SEGV, 1, 0xffffffd4, 0, 0}, r, &tr));
	CHECK(tr.kind == TRAP_SYSCALL && tr.nr == SYS_EXC_TABLE);
	/* sw, lw, amoswap.w, lr.w, sc.w, fsw */
	const word_t insns[][2] = {{0x00b52023u, 1}, {0x00052583u, 0}, {0x08b525afu, 1},
				   {0x100525afu, 0}, {0x18b5262fu, 1}, {0x00b52027u, 1}};
	for (unsigned i = 0; i < sizeof insns / sizeof insns[0]; i++) {
		fakemem_put_word(0, insns[i][0], false);
		r[RV_PC] = FAKEMEM_VA;
		CHECK(decode((struct hw_event){HWEV_SEGV, 1, 0x5000, 0, 0}, r, &tr));
		CHECK(tr.kind == TRAP_PAGEFAULT && tr.addr == 0x5000);
		CHECK_EQ(tr.write, insns[i][1]);
	}
	/* c.sw, c.lw, c.swsp, c.lwsp: 16 bits, whatever follows */
	const word_t compressed[][2] = {{0xc10c, 1}, {0x410c, 0}, {0xc42e, 1}, {0x45a2, 0}};
	for (unsigned i = 0; i < sizeof compressed / sizeof compressed[0]; i++) {
		fakemem_put_word(0, 0xffffffffu, false);
		put_half(0, compressed[i][0]);
		r[RV_PC] = FAKEMEM_VA;
		CHECK(decode((struct hw_event){HWEV_SEGV, 1, 0x5000, 0, 0}, r, &tr));
		CHECK_EQ(tr.write, compressed[i][1]);
	}
	/* slots: a0..a6, the deceit sender in a7 and t0 */
	arch_riscv.set_slot(r, S7, 0x77);
	arch_riscv.set_slot(r, S8, 0x88);
	CHECK(r[RV_A7] == 0x77 && r[RV_T0] == 0x88 && arch_riscv.get_slot(r, S5) == r[RV_A5]);
	/* a fetch is a read */
	r[RV_PC] = 0x9000;
	CHECK(decode((struct hw_event){HWEV_SEGV, 1, 0x9000, 0, 0}, r, &tr));
	CHECK(tr.kind == TRAP_PAGEFAULT && !tr.write);
}

static void test_kdebug(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	const struct hw_event trap = {HWEV_TRAP, 0, 0, 0, 0};
	/* ebreak; addi x0, x0, 0x102 = outstring, resumed behind the marker */
	fakemem_put_word(0, 0x00100073u, false);
	fakemem_put_word(4, 0x10200013u, false);
	r[RV_PC] = FAKEMEM_VA;
	CHECK(decode(trap, r, &tr));
	CHECK(tr.kind == TRAP_KDEBUG && tr.kd_op == KD_OUTSTRING && r[RV_PC] == FAKEMEM_VA + 8);
	CHECK_EQ(tr.kd_restart, FAKEMEM_VA);
	/* ebreak; addi x0, x0, 0x1ff = enter_kdebug(a0) */
	fakemem_put_word(4, 0x1ff00013u, false);
	r[RV_PC] = FAKEMEM_VA;
	r[RV_A0] = 0x777;
	CHECK(decode(trap, r, &tr) && tr.kd_op == KD_ENTER && tr.kd_text == 0x777);
	/* ebreak followed by anything else, and c.ebreak: breakpoints that move past themselves */
	fakemem_put_word(4, 0x00052583u, false);
	r[RV_PC] = FAKEMEM_VA;
	CHECK(decode(trap, r, &tr) && tr.kd_op == KD_BREAKPOINT && r[RV_PC] == FAKEMEM_VA + 4);
	put_half(0, 0x9002);
	r[RV_PC] = FAKEMEM_VA;
	CHECK(decode(trap, r, &tr) && tr.kd_op == KD_BREAKPOINT && r[RV_PC] == FAKEMEM_VA + 2);
	CHECK(memcmp(arch_riscv.gdb_bkpt, fakemem, arch_riscv.gdb_bkpt_len) == 0);
}

/* The division check's trap is exception 0 at the caller's call: jal (4 bytes) or c.jal (2). */
static void test_division_by_zero(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	const struct hw_event ill = {HWEV_ILL, 0, 0, 0, 0};
	fakemem_put_word(0, 0xde00000bu, false);
	fakemem_put_word(16, 0x010000efu, false); /* jal ra, +16 */
	r[RV_PC] = FAKEMEM_VA;
	r[RV_RA] = FAKEMEM_VA + 20;
	CHECK(decode(ill, r, &tr));
	CHECK(tr.kind == TRAP_EXCEPTION && tr.vector == 0 && r[RV_PC] == FAKEMEM_VA + 16);
	CHECK(strcmp(tr.what, "integer division by zero") == 0);
	fakemem_put_word(16, 0x00002801u, false); /* c.jal, then a c.nop-sized zero */
	r[RV_PC] = FAKEMEM_VA;
	r[RV_RA] = FAKEMEM_VA + 18;
	CHECK(decode(ill, r, &tr) && tr.vector == 0 && r[RV_PC] == FAKEMEM_VA + 16);
	/* any other illegal instruction stays one */
	fakemem_put_word(0, 0, false);
	r[RV_PC] = FAKEMEM_VA;
	CHECK(decode(ill, r, &tr) && tr.vector == 6 && r[RV_PC] == FAKEMEM_VA);
	/* the handler gets vector, error code and the faulting pc; ra too */
	tr = (struct trap){.kind = TRAP_EXCEPTION, .vector = 13, .err_code = 0x402};
	word_t push[4];
	CHECK_EQ(arch_riscv.exc_enter(r, &tr, 0x4000, push), 0);
	CHECK(r[RV_A0] == 13 && r[RV_A1] == 0x402 && r[RV_A2] == FAKEMEM_VA &&
	      r[RV_RA] == FAKEMEM_VA && r[RV_PC] == 0x4000);
}

/* The caller of a function stopped after its prologue, 32-bit and compressed forms. */
static void test_prologue(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	memset(fakemem, 0, sizeof fakemem);
	fakemem_put_word(0, 0xfe010113u, false); /* addi sp, sp, -32 */
	fakemem_put_word(4, 0x00112e23u, false); /* sw ra, 28(sp) */
	fakemem_put_word(16 + 28, 0x01000444u, false);
	r[RV_PC] = FAKEMEM_VA + 8;
	r[RV_SP] = FAKEMEM_VA + 16;
	r[RV_RA] = 0x0badc0deu;
	CHECK(arch_riscv.caller_by_prologue(fakemem_read, 0, FAKEMEM_VA, r));
	CHECK(r[RV_PC] == 0x01000444u && r[RV_SP] == FAKEMEM_VA + 48);
	put_half(0, 0x1141); /* c.addi sp, -16 */
	put_half(2, 0xc606); /* c.swsp ra, 12(sp) */
	fakemem_put_word(32 + 12, 0x01000888u, false);
	r[RV_PC] = FAKEMEM_VA + 4;
	r[RV_SP] = FAKEMEM_VA + 32;
	CHECK(arch_riscv.caller_by_prologue(fakemem_read, 0, FAKEMEM_VA, r));
	CHECK(r[RV_PC] == 0x01000888u && r[RV_SP] == FAKEMEM_VA + 48);
	/* c.addi16sp sp, -64 in a leaf: the caller is in ra */
	put_half(0, 0x7139);
	r[RV_PC] = FAKEMEM_VA + 2;
	r[RV_SP] = FAKEMEM_VA;
	r[RV_RA] = 0x01000200u;
	CHECK(arch_riscv.caller_by_prologue(fakemem_read, 0, FAKEMEM_VA, r));
	CHECK(r[RV_PC] == 0x01000200u && r[RV_SP] == FAKEMEM_VA + 64);
}

const struct unit_test riscv_tests[] = {
    {"riscv entry and write detection", test_entry_and_faults},
    {"riscv kdebug markers and breakpoints", test_kdebug},
    {"riscv division by zero and exception entry", test_division_by_zero},
    {"riscv prologue reading", test_prologue},
    {0, 0},
};
