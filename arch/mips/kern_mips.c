/* MIPS o32 backend for both byte orders (docs/abi/mips.md): magic-address entry, $a0..$t2
 * slots, break kdebug. The o32 signal context has no BadVAddr or cause, so read/write is decoded
 * from the faulting instruction (looking into the delay slot when pc holds a branch). */
#include "arch/magic.h"
#include "arch/mips/access.h"
#include "arch/mips/trapregs.h"

static void init_regs(word_t *r, word_t ip, word_t sp)
{
	for (unsigned i = 0; i < MIPS_NREGS; i++)
		r[i] = 0;
	r[MIPS_PC] = ip;
	r[MIPS_SP] = sp;
	r[MIPS_T9] = ip; /* o32 convention: t9 holds the called function's address */
}

static void set_entry_args(word_t *r, word_t a, word_t b, word_t c)
{
	r[MIPS_A0] = a;
	r[MIPS_A1] = b;
	r[MIPS_A2] = c;
}

ARCH_IP_SP_ACCESSORS(MIPS_PC, MIPS_SP)
static word_t get_flags(const word_t *r) { (void)r; return 0; }
/* S0..S8 = $a0..$a3, $t0..$t4 ($4..$12) */
static word_t get_slot(const word_t *r, unsigned s) { return s < NSLOTS ? r[MIPS_A0 + s] : 0; }
static void set_slot(word_t *r, unsigned s, word_t v)
{
	if (s < NSLOTS)
		r[MIPS_A0 + s] = v;
}

static bool fetch(umem_read_fn rd, void *cx, bool be, word_t va, word_t *insn)
{
	if (!rd(cx, va, insn, 4))
		return false;
	*insn = word_bytes(insn, be);
	return true;
}

static bool is_branch(word_t insn)
{
	unsigned op = insn >> 26, funct = insn & 0x3f;
	if (op == 0)
		return funct == 0x08 || funct == 0x09; /* jr, jalr */
	if (op == 1)
		return true; /* regimm: bltz, bgez, ... */
	return op == 2 || op == 3 || (op >= 4 && op <= 7) || (op >= 0x14 && op <= 0x17) ||
	       op == 0x11; /* j, jal, beq..bgtz, likely forms, cop1 branches */
}

#define MIPS_BRK_DIVZERO 7u /* the code of a divide-by-zero trap (Linux's asm/break.h) */

/* tge, tgeu, tlt, tltu, teq, tne: register traps carrying a 10-bit code */
static bool is_trap(word_t insn)
{
	unsigned funct = insn & 0x3f;
	return insn >> 26 == 0 && funct >= 0x30 && funct <= 0x36 && funct != 0x35;
}

static bool is_store(word_t insn)
{
	unsigned op = insn >> 26;
	/* sb sh swl sw swr sc swc1 sdc1 */
	return (op >= 0x28 && op <= 0x2b) || op == 0x2e || op == 0x38 || op == 0x39 ||
	       op == 0x3d;
}

/* Exceptions enter the handler with a0 = vector, a1 = error code, a2 = faulting pc,
 * ra = faulting pc, t9 = handler (docs/abi/mips.md). */
static unsigned exc_enter(word_t *r, const struct trap *tr, word_t handler, word_t push[4])
{
	(void)push;
	r[MIPS_A0] = tr->vector;
	r[MIPS_A1] = tr->err_code;
	r[MIPS_A2] = r[MIPS_PC];
	r[MIPS_RA] = r[MIPS_PC];
	r[MIPS_T9] = handler;
	r[MIPS_PC] = handler;
	return 0;
}

static bool decode(bool be, const struct hw_event *ev, word_t *r, struct trap *tr,
		   umem_read_fn rd, void *cx)
{
	word_t pc = r[MIPS_PC], insn;
	switch (ev->kind) {
	case HWEV_SEGV: {
		if (magic_decode_syscall(ev, &r[MIPS_PC], r[MIPS_RA], tr))
			return true;
		tr->kind = TRAP_PAGEFAULT;
		tr->addr = ev->fault_addr;
		tr->write = false;
		if (ev->fault_addr != pc && fetch(rd, cx, be, pc, &insn)) {
			if (is_branch(insn) && !fetch(rd, cx, be, pc + 4, &insn))
				insn = 0;
			tr->write = is_store(insn);
		}
		return true;
	}
	case HWEV_TRAP:
		tr->kd_restart = pc;
		if (fetch(rd, cx, be, pc, &insn) && (insn & 0xfc00003fu) == 0x0000000du) {
			magic_kdebug((insn >> 16) & 0x3ffu, r[MIPS_A0], tr);
			r[MIPS_PC] = pc + 4;
		} else if (fetch(rd, cx, be, pc, &insn) && is_trap(insn)) {
			/* gcc checks every division with `teq divisor, $zero, 7` */
			bool div0 = ((insn >> 6) & 0x3ffu) == MIPS_BRK_DIVZERO;
			arch_exception(tr, div0 ? 0 : 6, div0 ? ARCH_DIV0_TEXT : "trap instruction");
		} else {
			tr->kind = TRAP_KDEBUG;
			tr->kd_op = KD_BREAKPOINT;
			r[MIPS_PC] = pc + 4; /* past it, as ia32's int3 leaves eip */
		}
		return true;
	default:
		return arch_decode_common(ev, tr);
	}
}

static bool decode_be(const struct hw_event *ev, word_t *r, struct trap *tr, umem_read_fn rd,
		      void *cx)
{
	return decode(true, ev, r, tr, rd, cx);
}

static bool decode_le(const struct hw_event *ev, word_t *r, struct trap *tr, umem_read_fn rd,
		      void *cx)
{
	return decode(false, ev, r, tr, rd, cx);
}

/* gcc's o32 prologue: `addiu $sp, $sp, -N` allocates the frame and `sw $ra, off($sp)` saves the
 * return address, both before the first branch; a leaf keeps $ra. Only what the thread executed
 * counts: the scan stops at pc. */
static bool caller_by_prologue(umem_read_fn rd, void *cx, word_t entry, word_t *r, bool be)
{
	word_t pc = r[MIPS_PC], sp = r[MIPS_SP], frame = 0, ra = r[MIPS_RA], insn;
	bool ra_saved = false;
	for (word_t a = entry; a < pc && a < entry + 64 * 4; a += 4) {
		if (!fetch(rd, cx, be, a, &insn))
			return false;
		if (is_branch(insn))
			break; /* the prologue is over: what follows may run or not */
		if ((insn & 0xffff8000u) == 0x27bd8000u) /* addiu sp, sp, -N */
			frame = (word_t)(-(int16_t)(insn & 0xffff));
		else if ((insn & 0xffff0000u) == 0xafbf0000u && !ra_saved) { /* sw ra, off(sp) */
			if (!rd(cx, sp + (word_t)(int16_t)(insn & 0xffff), &ra, 4))
				return false;
			ra = word_bytes(&ra, be);
			ra_saved = true;
		}
	}
	r[MIPS_PC] = ra;
	r[MIPS_RA] = ra;
	r[MIPS_SP] = sp + frame;
	return true;
}

static bool caller_by_prologue_be(umem_read_fn rd, void *cx, word_t entry, word_t *r)
{
	return caller_by_prologue(rd, cx, entry, r, true);
}

static bool caller_by_prologue_le(umem_read_fn rd, void *cx, word_t entry, word_t *r)
{
	return caller_by_prologue(rd, cx, entry, r, false);
}

static const char *const reg_names[MIPS_NREGS] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3",
	"t4",	"t5", "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8",	"t9", "k0", "k1", "gp", "sp", "fp", "ra", "pc", "hi", "lo"};

/* gdb's classic MIPS numbering (what its target descriptions keep): r0..r31, status, lo, hi,
 * badvaddr, cause, pc, then the FPU, whose registers (and cp0's) the kernel does not keep. */
#define MIPS_CPU "org.gnu.gdb.mips.cpu"
#define MIPS_CP0 "org.gnu.gdb.mips.cp0"
#define MIPS_FPU "org.gnu.gdb.mips.fpu"
#define MIPS_R(n) {"r" #n, 32, MIPS_ZERO + n, "int", MIPS_CPU}
#define MIPS_F(n) {"f" #n, 32, -1, "ieee_single", MIPS_FPU}
static const struct gdb_reg gdb_regs[] = {
    MIPS_R(0),	MIPS_R(1),  MIPS_R(2),	MIPS_R(3),  MIPS_R(4),	MIPS_R(5),  MIPS_R(6),  MIPS_R(7),
    MIPS_R(8),	MIPS_R(9),  MIPS_R(10), MIPS_R(11), MIPS_R(12), MIPS_R(13), MIPS_R(14), MIPS_R(15),
    MIPS_R(16), MIPS_R(17), MIPS_R(18), MIPS_R(19), MIPS_R(20), MIPS_R(21), MIPS_R(22), MIPS_R(23),
    MIPS_R(24), MIPS_R(25), MIPS_R(26), MIPS_R(27), MIPS_R(28), MIPS_R(29), MIPS_R(30), MIPS_R(31),
    {"status", 32, -1, "int", MIPS_CP0},
    {"lo", 32, MIPS_LO, "int", MIPS_CPU},
    {"hi", 32, MIPS_HI, "int", MIPS_CPU},
    {"badvaddr", 32, -1, "int", MIPS_CP0},
    {"cause", 32, -1, "int", MIPS_CP0},
    {"pc", 32, MIPS_PC, "code_ptr", MIPS_CPU},
    MIPS_F(0),	MIPS_F(1),  MIPS_F(2),	MIPS_F(3),  MIPS_F(4),	MIPS_F(5),  MIPS_F(6),  MIPS_F(7),
    MIPS_F(8),	MIPS_F(9),  MIPS_F(10), MIPS_F(11), MIPS_F(12), MIPS_F(13), MIPS_F(14), MIPS_F(15),
    MIPS_F(16), MIPS_F(17), MIPS_F(18), MIPS_F(19), MIPS_F(20), MIPS_F(21), MIPS_F(22), MIPS_F(23),
    MIPS_F(24), MIPS_F(25), MIPS_F(26), MIPS_F(27), MIPS_F(28), MIPS_F(29), MIPS_F(30), MIPS_F(31),
    {"fcsr", 32, -1, "int", MIPS_FPU},
    {"fir", 32, -1, "int", MIPS_FPU},
};

#define MIPS_ARCH_COMMON                                                                          \
	.elf_machine = 8, /* EM_MIPS */                                                           \
		.nregs = MIPS_NREGS, .user_end = 0x70000000u, .kip_addr = 0x6fff0000u,             \
		.call_entry = 0x70000400u, .call_nsys = NSYSCALLS,             \
		ARCH_OPS, .deceit_on_stack = false, .gate_size = 4, .reg_names = reg_names,     \
		.dwarf_nregs = MIPS_RA + 1, .link_reg = MIPS_RA, .gdb_arch = "mips",             \
		.gdb_regs = gdb_regs, .gdb_nregs = sizeof gdb_regs / sizeof gdb_regs[0],          \
		.gdb_bkpt_len = 4, .gdb_bkpt_ip_after = 0

const struct arch arch_mips = {
	.name = "mips",
	.big_endian = true,
	.qemu = "qemu-mips",
	.decode = decode_be,
	.decode_access = mips_decode_access_be,
	.caller_by_prologue = caller_by_prologue_be,
	.gate_handler = magic_gate_be,
	.gdb_bkpt = {0x03, 0xff, 0x00, 0x0d}, /* break 0x3ff: no kdebug function */
	.gdb_entry_insn = {0x03, 0xe0, 0x00, 0x08}, /* jr ra */
	MIPS_ARCH_COMMON,
};

const struct arch arch_mipsel = {
	.name = "mipsel",
	.big_endian = false,
	.qemu = "qemu-mipsel",
	.decode = decode_le,
	.decode_access = mips_decode_access_le,
	.caller_by_prologue = caller_by_prologue_le,
	.gate_handler = magic_gate_le,
	.gdb_bkpt = {0x0d, 0x00, 0xff, 0x03},
	.gdb_entry_insn = {0x08, 0x00, 0xe0, 0x03},
	MIPS_ARCH_COMMON,
};
