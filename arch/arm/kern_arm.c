/* ARM backend (docs/abi/arm.md): magic-address entry, r0..r6 slots, bkpt kdebug. qemu-arm does
 * not report fault write/read, so the faulting instruction is decoded here. */
#include "arch/arm/access.h"
#include "arch/arm/trapregs.h"
#include "arch/magic.h"

#define CPSR_USER 0x10u /* user mode, ARM state */
#define ARM_UDF_DIV0 0xe7f0def0u /* udf #0xde0: the divide trap of umol4's division helpers */

static void init_regs(word_t *r, word_t ip, word_t sp)
{
	for (unsigned i = 0; i < ARM_NREGS; i++)
		r[i] = 0;
	r[ARM_PC] = ip;
	r[ARM_SP] = sp;
	r[ARM_CPSR] = CPSR_USER;
}

static void set_entry_args(word_t *r, word_t a, word_t b, word_t c)
{
	r[ARM_R0] = a;
	r[ARM_R1] = b;
	r[ARM_R2] = c;
}

ARCH_IP_SP_ACCESSORS(ARM_PC, ARM_SP)
static word_t get_flags(const word_t *r) { return r[ARM_CPSR]; }
/* S0..S8 = r0..r8 */
static word_t get_slot(const word_t *r, unsigned s) { return s < NSLOTS ? r[ARM_R0 + s] : 0; }
static void set_slot(word_t *r, unsigned s, word_t v)
{
	if (s < NSLOTS)
		r[ARM_R0 + s] = v;
}

/* Does this A32 instruction write memory? Loads have L (bit 20) set in every family used. */
static bool arm_insn_writes(word_t insn)
{
	unsigned op = (insn >> 25) & 7;
	switch (op) {
	case 0:
		if ((insn & 0x0fb00ff0u) == 0x01000090u)
			return true; /* swp/swpb read and write */
		if ((insn & 0x0f800ff0u) == 0x01800f90u)
			return !(insn & (1u << 20)); /* ldrex/strex */
		if ((insn & 0x0e000090u) == 0x00000090u && (insn & 0x60u)) {
			/* extra load/store; with L clear, SH=10 is ldrd and SH=11 strd */
			if (insn & (1u << 20))
				return false;
			return (insn & 0x60u) != 0x40u;
		}
		return false;
	case 2: /* ldr/str immediate */
	case 3: /* ldr/str register */
	case 4: /* ldm/stm */
	case 6: /* coprocessor / VFP load-store */
		return !(insn & (1u << 20));
	default:
		return false;
	}
}

/* Exceptions enter the handler with r0 = vector, r1 = error code, r2 = faulting pc,
 * lr = faulting pc (docs/abi/arm.md). */
static unsigned exc_enter(word_t *r, const struct trap *tr, word_t handler, word_t push[4])
{
	(void)push;
	r[ARM_R0] = tr->vector;
	r[ARM_R1] = tr->err_code;
	r[ARM_R2] = r[ARM_PC];
	r[ARM_LR] = r[ARM_PC];
	r[ARM_PC] = handler;
	return 0;
}

static bool decode(const struct hw_event *ev, word_t *r, struct trap *tr, umem_read_fn rd,
		   void *cx)
{
	word_t pc = r[ARM_PC], insn;
	switch (ev->kind) {
	case HWEV_SEGV: {
		if (magic_decode_syscall(ev, &r[ARM_PC], r[ARM_LR], tr))
			return true;
		tr->kind = TRAP_PAGEFAULT;
		tr->addr = ev->fault_addr;
		tr->write = ev->fault_addr != pc && rd(cx, pc, &insn, 4) &&
			    arm_insn_writes(word_bytes(&insn, false));
		return true;
	}
	case HWEV_TRAP:
		tr->kd_restart = pc;
		if (rd(cx, pc, &insn, 4) &&
		    ((insn = word_bytes(&insn, false)) & 0xfff000f0u) == 0xe1200070u) {
			magic_kdebug(((insn >> 4) & 0xfff0u) | (insn & 0xfu), r[ARM_R0], tr);
			r[ARM_PC] = pc + 4;
		} else {
			tr->kind = TRAP_KDEBUG;
			tr->kd_op = KD_BREAKPOINT;
			r[ARM_PC] = pc + 4; /* past it, as ia32's int3 leaves eip */
		}
		return true;
	case HWEV_ILL:
		if (rd(cx, pc, &insn, 4) && word_bytes(&insn, false) == ARM_UDF_DIV0) {
			/* the division helpers trap at their entry (arch/arm/user/arm_div.S): the
			 * exception is the caller's, at its call instruction */
			r[ARM_PC] = r[ARM_LR] - 4;
			arch_exception(tr, 0, ARCH_DIV0_TEXT);
			return true;
		}
		return arch_decode_common(ev, tr);
	default:
		return arch_decode_common(ev, tr);
	}
}

static const char *const reg_names[ARM_NREGS] = {"r0", "r1", "r2", "r3", "r4",	"r5",
						 "r6", "r7", "r8", "r9", "r10", "fp",
						 "ip", "sp", "lr", "pc", "cpsr"};

#define ARM_CORE "org.gnu.gdb.arm.core"
#define ARM_GDB_REG(n, slot, type) {n, 32, slot, type, ARM_CORE}
/* gdb's classic ARM layout keeps the FPA registers between pc and cpsr, and gdb lays out the
 * registers of every task it learns of after connecting that way (it reads the target
 * description once): they stay in the 'g' packet, unavailable. */
#define ARM_FPA(n) {n, 96, -1, "arm_fpa_ext", "org.gnu.gdb.arm.fpa"}
static const struct gdb_reg gdb_regs[] = {
    ARM_GDB_REG("r0", ARM_R0, "uint32"),   ARM_GDB_REG("r1", ARM_R1, "uint32"),
    ARM_GDB_REG("r2", ARM_R2, "uint32"),   ARM_GDB_REG("r3", ARM_R3, "uint32"),
    ARM_GDB_REG("r4", ARM_R4, "uint32"),   ARM_GDB_REG("r5", ARM_R5, "uint32"),
    ARM_GDB_REG("r6", ARM_R6, "uint32"),   ARM_GDB_REG("r7", ARM_R7, "uint32"),
    ARM_GDB_REG("r8", ARM_R8, "uint32"),   ARM_GDB_REG("r9", ARM_R9, "uint32"),
    ARM_GDB_REG("r10", ARM_R10, "uint32"), ARM_GDB_REG("r11", ARM_FP, "uint32"),
    ARM_GDB_REG("r12", ARM_IP, "uint32"),  ARM_GDB_REG("sp", ARM_SP, "data_ptr"),
    ARM_GDB_REG("lr", ARM_LR, "int"),	   ARM_GDB_REG("pc", ARM_PC, "code_ptr"),
    ARM_FPA("f0"), ARM_FPA("f1"), ARM_FPA("f2"), ARM_FPA("f3"),
    ARM_FPA("f4"), ARM_FPA("f5"), ARM_FPA("f6"), ARM_FPA("f7"),
    {"fps", 32, -1, "int", "org.gnu.gdb.arm.fpa"},
    ARM_GDB_REG("cpsr", ARM_CPSR, "int"),
};

const struct arch arch_arm = {
	.name = "arm",
	.big_endian = false,
	.elf_machine = 40, /* EM_ARM */
	.nregs = ARM_NREGS,
	.user_end = 0xc0000000u,
	.kip_addr = 0xbfff0000u,
	.qemu = "qemu-arm",
	.call_entry = 0xc0000400u,
	.call_nsys = NSYSCALLS,
	.reg_names = reg_names,
	.dwarf_nregs = ARM_PC + 1,
	.link_reg = ARM_LR,
	ARCH_OPS,
	.deceit_on_stack = false,
	.gate_size = 4,
	.gate_handler = magic_gate_le,
	.decode_access = arm_decode_access,
	.decode = decode,
	.gdb_arch = "arm",
	.gdb_regs = gdb_regs,
	.gdb_nregs = sizeof gdb_regs / sizeof gdb_regs[0],
	.gdb_bkpt = {0x7e, 0xde, 0x2f, 0xe1}, /* bkpt #0xfdee: no kdebug function */
	.gdb_bkpt_len = 4,
	.gdb_bkpt_ip_after = 0, /* qemu-arm reports the bkpt's own address */
	.gdb_entry_insn = {0x1e, 0xff, 0x2f, 0xe1}, /* bx lr */
};
