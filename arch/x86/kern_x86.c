/* ia32 backend: Fiasco V2 register roles, int $0x30..0x36 entry, int3 kdebug (docs/abi/x86.md). */
#include "arch/common.h"
#include "arch/x86/io.h"
#include "arch/x86/trapregs.h"
#include "core/arch.h"

#include <string.h>

/* S0..S6 = EAX ECX EDX EBX EBP ESI EDI */
static const unsigned slot_reg[7] = {X86_EAX, X86_ECX, X86_EDX, X86_EBX, X86_EBP, X86_ESI, X86_EDI};

#define X86_USER_FLAGS 0x00000202u /* IF set, as any user thread runs */
#define TRAP_GP	       13
#define PF_WRITE       0x02u /* page-fault error code: the access was a write */
#define PF_FETCH       0x10u /* page-fault error code: the access was an instruction fetch */
#define MAX_INSN_LEN   15u

static void init_regs(word_t *r, word_t ip, word_t sp)
{
	for (unsigned i = 0; i < X86_NREGS; i++)
		r[i] = 0;
	r[X86_EIP] = ip;
	r[X86_ESP] = sp;
	r[X86_EFLAGS] = X86_USER_FLAGS;
}

static void set_entry_args(word_t *r, word_t a, word_t b, word_t c)
{
	r[X86_EAX] = a;
	r[X86_EBX] = b;
	r[X86_ECX] = c;
}

ARCH_IP_SP_ACCESSORS(X86_EIP, X86_ESP)
static word_t get_flags(const word_t *r)
{
	return r[X86_EFLAGS];
}

static word_t get_slot(const word_t *r, unsigned s)
{
	return s < 7 ? r[slot_reg[s]] : 0;
}
static void set_slot(word_t *r, unsigned s, word_t v)
{
	if (s < 7)
		r[slot_reg[s]] = v;
}

/* After int3 the ip points behind it; the next instruction says what the program wants. */
static void decode_kdebug(word_t *r, struct trap *tr, umem_read_fn rd, void *cx)
{
	uint8_t insn[2];
	tr->kind = TRAP_KDEBUG;
	tr->kd_restart = r[X86_EIP] - 1; /* the int3 itself */
	if (!rd(cx, r[X86_EIP], insn, 2)) {
		tr->kd_op = KD_BREAKPOINT;
	} else if (insn[0] == 0x3c) { /* cmpb $N,%al */
		tr->kd_op = insn[1];
	} else if (insn[0] == 0xeb) { /* jmp over the text */
		tr->kd_op = KD_ENTER;
		tr->kd_text = r[X86_EIP] + 2;
		tr->kd_textlen = insn[1];
	} else {
		tr->kd_op = KD_BREAKPOINT;
	}
}

/* lidt m (0F 01 /3) is privileged: it arrives as #GP and is emulated per thread (reference §4.3).
 * The memory operand forms compilers emit are decoded: [reg], [reg+disp8/32], [disp32], and a
 * SIB byte with a base and no index. */
static bool decode_lidt(word_t *r, struct trap *tr, umem_read_fn rd, void *cx)
{
	static const unsigned reg[8] = {X86_EAX, X86_ECX, X86_EDX, X86_EBX,
					X86_ESP, X86_EBP, X86_ESI, X86_EDI};
	uint8_t b[8];
	if (!rd(cx, r[X86_EIP], b, 3) || b[0] != 0x0f || b[1] != 0x01 || ((b[2] >> 3) & 7) != 3)
		return false;
	unsigned mod = b[2] >> 6, rm = b[2] & 7, len = 3;
	word_t ea = 0;
	if (mod == 3)
		return false;
	if (rm == 4) { /* SIB */
		if (!rd(cx, r[X86_EIP] + 3, b + 3, 1) || ((b[3] >> 3) & 7) != 4)
			return false;
		rm = b[3] & 7;
		len = 4;
	}
	if (mod == 0 && rm == 5) {
		mod = 2; /* disp32 without a base */
	} else {
		ea = r[reg[rm]];
	}
	if (mod == 1 || mod == 2) {
		unsigned n = mod == 1 ? 1 : 4;
		uint8_t d[4];
		if (!rd(cx, r[X86_EIP] + len, d, n))
			return false;
		ea += mod == 1 ? (word_t)(int32_t)(int8_t)d[0]
			       : (word_t)d[0] | (word_t)d[1] << 8 | (word_t)d[2] << 16 |
				     (word_t)d[3] << 24;
		len += n;
	}
	uint8_t desc[6]; /* limit (2 bytes), base (4 bytes) */
	if (!rd(cx, ea, desc, 6))
		return false;
	tr->kind = TRAP_EXC_TABLE;
	tr->addr =
	    (word_t)desc[2] | (word_t)desc[3] << 8 | (word_t)desc[4] << 16 | (word_t)desc[5] << 24;
	r[X86_EIP] += len;
	return true;
}

/* An IDT trap gate: offset in bytes 0-1 and 6-7. */
static word_t gate_handler(const uint8_t *g)
{
	return (word_t)g[0] | (word_t)g[1] << 8 | (word_t)g[6] << 16 | (word_t)g[7] << 24;
}

#define USER_CS 0x23u /* the selector a native 32-bit process runs with */

/* Like the hardware: push EFLAGS, CS, EIP (and the error code), continue at the gate. */
static unsigned exc_enter(word_t *r, const struct trap *tr, word_t handler, word_t push[4])
{
	unsigned n = 0;
	if (tr->has_err)
		push[n++] = tr->err_code;
	push[n++] = r[X86_EIP];
	push[n++] = USER_CS;
	push[n++] = r[X86_EFLAGS];
	r[X86_ESP] -= 4 * n;
	r[X86_EIP] = handler;
	r[X86_EFLAGS] &= ~0x100u; /* TF */
	return n;
}

/* Whether the instruction at insn reads and then writes its memory operand. qemu-i386 reports
 * such a fault as a read (its translation loads first), the CPU as a write; the pager must see
 * the same fault either way. The forms a compiler emits: ALU ops with a memory destination,
 * group 1/2/3/4/5 ops that write, xchg, and the 0F read-modify-write ops. */
static bool insn_modifies_memory(const uint8_t *b, unsigned n)
{
	unsigned i = 0;
	while (i < n - 2 && (b[i] == 0xf0 || b[i] == 0xf2 || b[i] == 0xf3 || b[i] == 0x66 ||
			     b[i] == 0x67 || b[i] == 0x2e || b[i] == 0x36 || b[i] == 0x3e ||
			     b[i] == 0x26 || b[i] == 0x64 || b[i] == 0x65))
		i++;
	unsigned op = b[i], reg = (b[i + 1] >> 3) & 7;
	if (op < 0x40 && op != 0x0f)
		return (op & 6) == 0 && (op & 0x38) != 0x38; /* add..xor r/m, reg; not cmp */
	switch (op) {
	case 0x80:
	case 0x81:
	case 0x83:
		return reg != 7; /* cmp only reads */
	case 0x86:
	case 0x87:
	case 0xc0:
	case 0xc1:
	case 0xd0:
	case 0xd1:
	case 0xd2:
	case 0xd3:
		return true;
	case 0xf6:
	case 0xf7:
		return reg == 2 || reg == 3; /* not, neg */
	case 0xfe:
	case 0xff:
		return reg <= 1; /* inc, dec */
	case 0x0f:
		op = b[i + 1];
		reg = (b[i + 2] >> 3) & 7;
		return op == 0xb0 || op == 0xb1 || op == 0xc0 || op == 0xc1 || op == 0xab ||
		       op == 0xb3 || op == 0xbb || op == 0xa4 || op == 0xa5 || op == 0xac ||
		       op == 0xad || (op == 0xba && reg >= 5) || (op == 0xc7 && reg == 1);
	default:
		return false;
	}
}

static bool decode(const struct hw_event *ev, word_t *r, struct trap *tr, umem_read_fn rd, void *cx)
{
	switch (ev->kind) {
	case HWEV_SEGV:
		/* Native Linux reports the trap number, qemu-i386 does not: tell #GP from #PF by
		 * the cause, and take the vector from the #GP error code (vector*8 + 2). */
		if (ev->sig_code == HWCODE_KERNEL || ev->trapno == TRAP_GP) {
			unsigned vec = ev->err >> 3;
			if ((ev->err & 7) == 2 && vec >= 0x30 && vec <= 0x36) {
				tr->kind = TRAP_SYSCALL;
				tr->nr = (enum syscall_nr)(vec - 0x30);
				r[X86_EIP] += 2;
				return true;
			}
			if (decode_lidt(r, tr, rd, cx) || x86_decode_io(r, tr, rd, cx))
				return true;
			arch_exception(tr, 13, "general protection fault");
			tr->has_err = true;
			tr->err_code = ev->err;
			return true;
		}
		tr->kind = TRAP_PAGEFAULT;
		tr->addr = ev->fault_addr;
		tr->write = ev->err & PF_WRITE;
		/* Fetching the instruction is a read, whatever the instruction would do with
		 * memory next. The CPU says so in the error code; qemu-i386 may not, but a fault
		 * inside the instruction's own bytes can only be its fetch. */
		bool fetch = (ev->err & PF_FETCH) || ev->fault_addr - r[X86_EIP] < MAX_INSN_LEN;
		uint8_t insn[8];
		if (!tr->write && !fetch && rd(cx, r[X86_EIP], insn, sizeof insn))
			tr->write = insn_modifies_memory(insn, sizeof insn);
		return true;
	case HWEV_ILL: {
		uint8_t insn[2];
		if (rd(cx, r[X86_EIP], insn, 2) && insn[0] == 0xf0 && insn[1] == 0x90) {
			tr->kind = TRAP_SYSCALL; /* lock; nop: where is the KIP */
			tr->nr = SYS_KERNEL_INTERFACE;
			r[X86_EIP] += 2;
			return true;
		}
		return arch_decode_common(ev, tr);
	}
	case HWEV_TRAP:
		decode_kdebug(r, tr, rd, cx);
		return true;
	default:
		return arch_decode_common(ev, tr);
	}
}

#define X86_CALL_ENTRY 0xc0000400u
#define X86_CALL_NSYS  (SYS_KERNEL_INTERFACE + 1)

/* The system call whose trap instruction ends right before ip: int $0x3n (2 bytes) or a call to
 * its call entry (5 bytes); *len 0: neither. */
static unsigned syscall_before(umem_read_fn rd, void *cx, word_t ip, unsigned *len)
{
	uint8_t b[5];
	*len = 0;
	if (rd(cx, ip - 5, b, 5) && b[0] == 0xe8) {
		word_t slot = ip + word_bytes(b + 1, false) - X86_CALL_ENTRY;
		if (slot < CALL_SLOT_SIZE * X86_CALL_NSYS && !(slot % CALL_SLOT_SIZE)) {
			*len = 5;
			return slot / CALL_SLOT_SIZE;
		}
	}
	if (rd(cx, ip - 2, b, 2) && b[0] == 0xcd && b[1] >= 0x30 && b[1] <= 0x36) {
		*len = 2;
		return b[1] - 0x30u;
	}
	return 0;
}

/* The bindings' inline asm (arch/x86/include/l4/arch/syscall.h) pushes EBP and the block address
 * (and for deceit S7/S8) before the int and pops them after it; a thread stopped in the kernel
 * is in between. The enclosing function's call-frame information describes the registers before
 * the pushes, so a backtrace starts from those. */
static void frame_before_syscall(umem_read_fn rd, void *cx, word_t *r)
{
	static const uint8_t plain[] = {0x55, 0x53, 0x8b, 0x6b, 0x04, 0x8b, 0x1b};
	static const uint8_t deceit[] = {0x55, 0x53, 0xff, 0x73, 0x0c, 0xff, 0x73,
					 0x08, 0x8b, 0x6b, 0x04, 0x8b, 0x1b};
	uint8_t code[sizeof deceit];
	unsigned len, nr = syscall_before(rd, cx, r[X86_EIP], &len);
	word_t at = r[X86_EIP] - len, pushed = 0;
	if (!len)
		return;
	if (rd(cx, at - sizeof plain, code, sizeof plain) && !memcmp(code, plain, sizeof plain))
		pushed = 8;
	else if (nr == SYS_IPC && rd(cx, at - sizeof deceit, code, sizeof deceit) &&
		 !memcmp(code, deceit, sizeof deceit))
		pushed = 16;
	word_t saved[2]; /* the block address, then EBP */
	if (!pushed || !rd(cx, r[X86_ESP] + pushed - 8, saved, sizeof saved))
		return;
	r[X86_EBX] = word_bytes(&saved[0], false);
	r[X86_EBP] = word_bytes(&saved[1], false);
	r[X86_ESP] += pushed;
}

static const char *const reg_names[X86_NREGS] = {"eax", "ecx", "edx", "ebx", "esp",
						 "ebp", "esi", "edi", "eip", "eflags"};

/* gdb's i386 core feature: the general registers, then segment and x87 registers, which live in
 * the task process's signal frame, not in the kernel (unavailable to the debugger). */
#define X86_CORE "org.gnu.gdb.i386.core"
#define X86_NOREG(n, bits, type) {n, bits, -1, type, X86_CORE}
static const struct gdb_reg gdb_regs[] = {
    {"eax", 32, X86_EAX, "int32", X86_CORE},	  {"ecx", 32, X86_ECX, "int32", X86_CORE},
    {"edx", 32, X86_EDX, "int32", X86_CORE},	  {"ebx", 32, X86_EBX, "int32", X86_CORE},
    {"esp", 32, X86_ESP, "data_ptr", X86_CORE},	  {"ebp", 32, X86_EBP, "data_ptr", X86_CORE},
    {"esi", 32, X86_ESI, "int32", X86_CORE},	  {"edi", 32, X86_EDI, "int32", X86_CORE},
    {"eip", 32, X86_EIP, "code_ptr", X86_CORE},	  {"eflags", 32, X86_EFLAGS, "int32", X86_CORE},
    X86_NOREG("cs", 32, "int32"),		  X86_NOREG("ss", 32, "int32"),
    X86_NOREG("ds", 32, "int32"),		  X86_NOREG("es", 32, "int32"),
    X86_NOREG("fs", 32, "int32"),		  X86_NOREG("gs", 32, "int32"),
    X86_NOREG("st0", 80, "i387_ext"),		  X86_NOREG("st1", 80, "i387_ext"),
    X86_NOREG("st2", 80, "i387_ext"),		  X86_NOREG("st3", 80, "i387_ext"),
    X86_NOREG("st4", 80, "i387_ext"),		  X86_NOREG("st5", 80, "i387_ext"),
    X86_NOREG("st6", 80, "i387_ext"),		  X86_NOREG("st7", 80, "i387_ext"),
    X86_NOREG("fctrl", 32, "int"),		  X86_NOREG("fstat", 32, "int"),
    X86_NOREG("ftag", 32, "int"),		  X86_NOREG("fiseg", 32, "int"),
    X86_NOREG("fioff", 32, "int"),		  X86_NOREG("foseg", 32, "int"),
    X86_NOREG("fooff", 32, "int"),		  X86_NOREG("fop", 32, "int"),
};

#define X86_TF 0x100u /* eflags' trap flag: a debug trap after the next instruction */
static void set_single_step(word_t *r, bool on)
{
	r[X86_EFLAGS] = on ? r[X86_EFLAGS] | X86_TF : r[X86_EFLAGS] & ~X86_TF;
}

/* The host reports a trap-flag step as SIGTRAP with TRAP_TRACE (2); qemu-i386 as TRAP_BRKPT (1).
 * int3 arrives with SI_KERNEL natively and under qemu. */
static bool step_trap(const struct hw_event *ev)
{
	return ev->kind == HWEV_TRAP && (ev->sig_code == 1 || ev->sig_code == 2);
}

const struct arch arch_x86 = {
    .name = "x86",
    .big_endian = false,
    .elf_machine = 3, /* EM_386 */
    .nregs = X86_NREGS,
    .user_end = 0xc0000000u,
    .kip_addr = 0xbfff0000u,
    .qemu = "",
    .call_entry = X86_CALL_ENTRY,
    .call_nsys = X86_CALL_NSYS, /* not the exception table: that is lidt's */
    .reg_names = reg_names,
    .dwarf_nregs = X86_EIP + 1,
    .link_reg = ARCH_RA_ON_STACK,
    .frame_before_syscall = frame_before_syscall,
    ARCH_OPS,
    .deceit_on_stack = true,
    .gate_size = 8,
    .gate_handler = gate_handler,
    .decode_access = x86_decode_access,
    .decode = decode,
    .gdb_arch = "i386",
    .gdb_regs = gdb_regs,
    .gdb_nregs = sizeof gdb_regs / sizeof gdb_regs[0],
    .gdb_bkpt = {0xcc}, /* int3 */
    .gdb_bkpt_len = 1,
    .gdb_bkpt_ip_after = 1,
    .gdb_entry_insn = {0xc3, 0xc3, 0xc3, 0xc3}, /* ret: what a call entry does for the caller */
    .set_single_step = set_single_step,
    .step_trap = step_trap,
};
