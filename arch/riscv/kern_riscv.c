/* RISC-V RV32 backend (docs/abi/riscv.md): magic-address entry, a0..a6 slots, ebreak kdebug.
 * The signal context has no cause or fault kind under qemu-riscv32, so read/write is decoded
 * from the faulting instruction (32-bit and compressed forms). */
#include "arch/magic.h"
#include "arch/riscv/access.h"
#include "arch/riscv/trapregs.h"

#define RV_EBREAK    0x00100073u
#define RV_C_EBREAK  0x9002u
#define RV_DIV0_TRAP 0xde00000bu /* custom-0: the trap of umol4's division check (div0.S) */
#define RV_KD_MARK   0x00000013u /* addi x0, x0, imm: the kdebug function behind an ebreak */
#define RV_KD_MASK   0x000fffffu

static void init_regs(word_t *r, word_t ip, word_t sp)
{
	for (unsigned i = 0; i < RV_NREGS; i++)
		r[i] = 0;
	r[RV_PC] = ip;
	r[RV_SP] = sp;
}

static void set_entry_args(word_t *r, word_t a, word_t b, word_t c)
{
	r[RV_A0] = a;
	r[RV_A1] = b;
	r[RV_A2] = c;
}

ARCH_IP_SP_ACCESSORS(RV_PC, RV_SP)
static word_t get_flags(const word_t *r)
{
	(void)r;
	return 0;
}

/* S0..S7 = a0..a7, S8 = t0 */
static unsigned slot_reg(unsigned s)
{
	return s < 8 ? RV_A0 + s : RV_T0;
}
static word_t get_slot(const word_t *r, unsigned s)
{
	return s < NSLOTS ? r[slot_reg(s)] : 0;
}
static void set_slot(word_t *r, unsigned s, word_t v)
{
	if (s < NSLOTS)
		r[slot_reg(s)] = v;
}

/* The instruction at va (little-endian; 16 bits when compressed) and its length, 0 if the
 * memory cannot be read. A 32-bit instruction may straddle a page, so it is read in halves. */
static unsigned fetch(umem_read_fn rd, void *cx, word_t va, word_t *insn)
{
	uint8_t b[4];
	if (!rd(cx, va, b, 2))
		return 0;
	*insn = (word_t)b[0] | (word_t)b[1] << 8;
	if ((*insn & 3) != 3)
		return 2;
	if (!rd(cx, va + 2, b + 2, 2))
		return 0;
	*insn |= (word_t)b[2] << 16 | (word_t)b[3] << 24;
	return 4;
}

static bool is_store(word_t insn, unsigned len)
{
	if (len == 2) {
		/* quadrants 0 and 2, funct3 101/110/111: c.fsd, c.sw, c.fsw and their sp forms */
		unsigned quadrant = insn & 3, funct3 = (insn >> 13) & 7;
		return quadrant != 1 && funct3 >= 5;
	}
	unsigned op = insn & 0x7f;
	if (op == 0x23 || op == 0x27) /* STORE, STORE-FP */
		return true;
	/* AMO: every one writes except lr.w */
	return op == 0x2f && (insn >> 27) != 0x02;
}

static bool is_jump(word_t insn, unsigned len)
{
	if (len == 2) {
		unsigned quadrant = insn & 3, funct3 = (insn >> 13) & 7;
		if (quadrant == 1)
			return funct3 == 1 || funct3 == 5 ||
			       funct3 >= 6; /* c.jal c.j c.beqz c.bnez */
		/* c.jr, c.jalr: funct4 100x, rs1 != 0, rs2 = 0 */
		return quadrant == 2 && funct3 == 4 && ((insn >> 7) & 31) && !((insn >> 2) & 31);
	}
	unsigned op = insn & 0x7f;
	return op == 0x63 || op == 0x67 || op == 0x6f; /* branches, jalr, jal */
}

/* Where the call that left the return address ra starts: a 4-byte jal/jalr with rd = ra, else
 * the compressed c.jal/c.jalr. */
static word_t call_site(umem_read_fn rd, void *cx, word_t ra)
{
	word_t insn;
	if (fetch(rd, cx, ra - 4, &insn) == 4 &&
	    ((insn & 0xfff) == 0x0ef || (insn & 0x7fff) == 0x00e7))
		return ra - 4;
	return ra - 2;
}

/* Exceptions enter the handler with a0 = vector, a1 = error code, a2 = faulting pc,
 * ra = faulting pc (docs/abi/riscv.md). */
static unsigned exc_enter(word_t *r, const struct trap *tr, word_t handler, word_t push[4])
{
	(void)push;
	r[RV_A0] = tr->vector;
	r[RV_A1] = tr->err_code;
	r[RV_A2] = r[RV_PC];
	r[RV_RA] = r[RV_PC];
	r[RV_PC] = handler;
	return 0;
}

static bool decode(const struct hw_event *ev, word_t *r, struct trap *tr, umem_read_fn rd, void *cx)
{
	word_t pc = r[RV_PC], insn, mark;
	unsigned len;
	switch (ev->kind) {
	case HWEV_SEGV:
		if (magic_decode_syscall(ev, &r[RV_PC], r[RV_RA], tr))
			return true;
		tr->kind = TRAP_PAGEFAULT;
		tr->addr = ev->fault_addr;
		len = ev->fault_addr != pc ? fetch(rd, cx, pc, &insn) : 0;
		tr->write = len && is_store(insn, len);
		return true;
	case HWEV_TRAP:
		tr->kd_restart = pc;
		len = fetch(rd, cx, pc, &insn);
		if (len == 4 && insn == RV_EBREAK && fetch(rd, cx, pc + 4, &mark) == 4 &&
		    (mark & RV_KD_MASK) == RV_KD_MARK) {
			magic_kdebug(mark >> 20, r[RV_A0], tr);
			r[RV_PC] = pc + 8;
		} else {
			tr->kind = TRAP_KDEBUG;
			tr->kd_op = KD_BREAKPOINT;
			r[RV_PC] = pc + (len ? len : 4); /* past it, as ia32's int3 leaves eip */
		}
		return true;
	case HWEV_ILL:
		if (fetch(rd, cx, pc, &insn) == 4 && insn == RV_DIV0_TRAP) {
			/* the division check calls the trap (user/div0.S): the exception is the
			 * caller's, at its call instruction */
			r[RV_PC] = call_site(rd, cx, r[RV_RA]);
			arch_exception(tr, 0, ARCH_DIV0_TEXT);
			return true;
		}
		return arch_decode_common(ev, tr);
	default:
		return arch_decode_common(ev, tr);
	}
}

static int32_t sext(word_t v, unsigned bits)
{
	return (int32_t)(v << (32 - bits)) >> (32 - bits);
}

/* The stack adjustment of `addi sp, sp, imm`, `c.addi sp, imm` or `c.addi16sp imm`, else 0. */
static int32_t sp_adjust(word_t insn, unsigned len)
{
	if (len == 4)
		return (insn & 0xfffff) == 0x10113u ? sext(insn >> 20, 12) : 0;
	if ((insn & 0xef83u) == 0x0101u) /* c.addi sp */
		return sext(((insn >> 7) & 0x20) | ((insn >> 2) & 0x1f), 6);
	if ((insn & 0xef83u) == 0x6101u) /* c.addi16sp */
		return sext(((insn >> 3) & 0x200) | ((insn << 4) & 0x180) | ((insn << 1) & 0x40) |
				((insn << 3) & 0x20) | ((insn >> 2) & 0x10),
			    10);
	return 0;
}

/* Whether insn is `sw ra, off(sp)` or `c.swsp ra, off`; its offset in *off. */
static bool saves_ra(word_t insn, unsigned len, int32_t *off)
{
	if (len == 4 && (insn & 0x01fff07fu) == 0x00112023u) {
		*off = sext(((insn >> 20) & 0xfe0) | ((insn >> 7) & 0x1f), 12);
		return true;
	}
	if (len == 2 && (insn & 0xe07fu) == 0xc006u) {
		*off = (int32_t)(((insn >> 7) & 0x3c) | ((insn >> 1) & 0xc0));
		return true;
	}
	return false;
}

/* gcc's RV32 prologue: the stack adjustment allocates the frame and `sw ra` saves the return
 * address, both before the first branch; a leaf keeps ra. Only what the thread executed counts:
 * the scan stops at pc. */
static bool caller_by_prologue(umem_read_fn rd, void *cx, word_t entry, word_t *r)
{
	word_t pc = r[RV_PC], sp = r[RV_SP], ra = r[RV_RA], insn;
	int32_t frame = 0, off;
	bool ra_saved = false;
	unsigned len;
	for (word_t a = entry; a < pc && a < entry + 64 * 4; a += len) {
		if (!(len = fetch(rd, cx, a, &insn)))
			return false;
		if (is_jump(insn, len))
			break; /* the prologue is over: what follows may run or not */
		frame -= sp_adjust(insn, len);
		if (!ra_saved && saves_ra(insn, len, &off)) {
			uint8_t b[4];
			if (!rd(cx, sp + (word_t)off, b, 4))
				return false;
			ra = word_bytes(b, false);
			ra_saved = true;
		}
	}
	r[RV_PC] = ra;
	r[RV_RA] = ra;
	r[RV_SP] = sp + (word_t)frame;
	return true;
}

static const char *const reg_names[RV_NREGS] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6", "pc"};

/* gdb's riscv:rv32 target description: x0..x31 under their ABI names, then pc. */
#define RV_CPU "org.gnu.gdb.riscv.cpu"
#define RV_GDB_REG(n, slot, type)                                                                  \
	{                                                                                          \
		n, 32, slot, type, RV_CPU                                                          \
	}
static const struct gdb_reg gdb_regs[] = {
    RV_GDB_REG("zero", RV_ZERO, "int"),	 RV_GDB_REG("ra", RV_RA, "code_ptr"),
    RV_GDB_REG("sp", RV_SP, "data_ptr"), RV_GDB_REG("gp", RV_GP, "data_ptr"),
    RV_GDB_REG("tp", RV_TP, "data_ptr"), RV_GDB_REG("t0", RV_T0, "int"),
    RV_GDB_REG("t1", RV_T1, "int"),	 RV_GDB_REG("t2", RV_T2, "int"),
    RV_GDB_REG("fp", RV_S0, "data_ptr"), RV_GDB_REG("s1", RV_S1, "int"),
    RV_GDB_REG("a0", RV_A0, "int"),	 RV_GDB_REG("a1", RV_A1, "int"),
    RV_GDB_REG("a2", RV_A2, "int"),	 RV_GDB_REG("a3", RV_A3, "int"),
    RV_GDB_REG("a4", RV_A4, "int"),	 RV_GDB_REG("a5", RV_A5, "int"),
    RV_GDB_REG("a6", RV_A6, "int"),	 RV_GDB_REG("a7", RV_A7, "int"),
    RV_GDB_REG("s2", RV_S2, "int"),	 RV_GDB_REG("s3", RV_S3, "int"),
    RV_GDB_REG("s4", RV_S4, "int"),	 RV_GDB_REG("s5", RV_S5, "int"),
    RV_GDB_REG("s6", RV_S6, "int"),	 RV_GDB_REG("s7", RV_S7, "int"),
    RV_GDB_REG("s8", RV_S8, "int"),	 RV_GDB_REG("s9", RV_S9, "int"),
    RV_GDB_REG("s10", RV_S10, "int"),	 RV_GDB_REG("s11", RV_S11, "int"),
    RV_GDB_REG("t3", RV_T3, "int"),	 RV_GDB_REG("t4", RV_T4, "int"),
    RV_GDB_REG("t5", RV_T5, "int"),	 RV_GDB_REG("t6", RV_T6, "int"),
    RV_GDB_REG("pc", RV_PC, "code_ptr"),
};

const struct arch arch_riscv = {
    .name = "riscv",
    .big_endian = false,
    .elf_machine = 243, /* EM_RISCV */
    .nregs = RV_NREGS,
    .user_end = 0xc0000000u,
    .kip_addr = 0xbfff0000u,
    .qemu = "qemu-riscv32",
    .call_entry = 0xc0000400u,
    .call_nsys = NSYSCALLS,
    .reg_names = reg_names,
    .dwarf_nregs = RV_PC,
    .link_reg = RV_RA,
    .caller_by_prologue = caller_by_prologue,
    ARCH_OPS,
    .deceit_on_stack = false,
    .gate_size = 4,
    .gate_handler = magic_gate_le,
    .decode_access = riscv_decode_access,
    .decode = decode,
    .gdb_arch = "riscv:rv32",
    .gdb_regs = gdb_regs,
    .gdb_nregs = sizeof gdb_regs / sizeof gdb_regs[0],
    /* c.ebreak: fits every instruction, compressed or not; not followed by a kdebug marker */
    .gdb_bkpt = {0x02, 0x90},
    .gdb_bkpt_len = 2,
    .gdb_bkpt_ip_after = 0, /* qemu-riscv32 reports the ebreak's own address */
    .gdb_entry_insn = {0x67, 0x80, 0x00, 0x00}, /* ret: jalr zero, 0(ra) */
};
