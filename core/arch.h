/* The interface between the core and an ISA backend (arch/<isa>/kern_<isa>.c).
 *
 * The core never names a register: a backend maps the neutral system-call slots S0..S8 onto its
 * registers (docs/abi/<isa>.md), knows where ip/sp live, and turns a host trap into a neutral
 * struct trap. Every task points at the backend of its own ISA, so tasks of different ISAs can
 * share one instance. */
#ifndef UMOL4_CORE_ARCH_H
#define UMOL4_CORE_ARCH_H

#include "core/types.h"

#define ARCH_MAX_REGS 48
#define ARCH_RA_ON_STACK (-1) /* size of a thread's register context (>= every backend's nregs) */
#define CALL_SLOT_SIZE 32u    /* bytes per system call in a call-entry table */

/* Slots: the same number means the same role on every ISA; on ia32 S0..S6 are
 * EAX ECX EDX EBX EBP ESI EDI. S7/S8 carry the deceit virtual sender. */
enum {
	S0, S1, S2, S3, S4, S5, S6, S7, S8, NSLOTS
};

/* Host-level reason the task process entered the kernel (values shared with the mailbox). */
enum hw_event_kind {
	HWEV_START = 1,
	HWEV_SEGV,
	HWEV_ILL,
	HWEV_TRAP,
	HWEV_FPE,
	HWEV_BUS,
	HWEV_PREEMPT,
	HWEV_HOSTSYS, /* a host system call by L4 code, refused; err: its number, trapno: the
			 host's architecture code for it */
	HWEV_CALL,    /* system call trapno through the call entry; the ip is the return address */
};

/* hw_event.sig_code: the cause the host gave with the signal (Linux si_code values as they are). */
#define HWCODE_MAPERR 1u   /* no mapping at the address */
#define HWCODE_ACCERR 2u   /* mapping without the needed right */
#define HWCODE_INTDIV 1u   /* SIGFPE: integer divide */
#define HWCODE_KERNEL 0x80u /* raised by the host kernel itself, e.g. x86 #GP: no address */

struct hw_event {
	enum hw_event_kind kind;
	word_t sig_code, fault_addr, trapno, err;
};

enum syscall_nr {
	SYS_IPC,
	SYS_ID_NEAREST,
	SYS_FPAGE_UNMAP,
	SYS_THREAD_SWITCH,
	SYS_THREAD_SCHEDULE,
	SYS_LTHREAD_EX_REGS,
	SYS_TASK_NEW,
	SYS_KERNEL_INTERFACE, /* umol4: "where is the KIP" (ia32 lock;nop, else a magic address) */
	SYS_EXC_TABLE,        /* umol4 on arm/mips: install the exception table (ia32 uses lidt) */
	NSYSCALLS
};

enum trap_kind {
	TRAP_SYSCALL,   /* nr valid; ip already advanced past the trap */
	TRAP_PAGEFAULT, /* addr, write valid; restart at ip */
	TRAP_KDEBUG,    /* kd_op valid (KD_*); ip already advanced */
	TRAP_EXCEPTION, /* vector (+ err_code if has_err); what: human-readable */
	TRAP_EXC_TABLE, /* ia32 lidt: addr = the new IDT base; ip already advanced */
	TRAP_PREEMPT,
	TRAP_IO, /* ia32 in/out: addr = port, acc = the access; cli/sti: acc.width 0 */
};

/* A device access decoded from the instruction that made it (docs/devices.md): an ia32 in/out,
 * or a load or store whose address lies in a device window. The core performs it and then
 * applies the result to the registers as these fields say, naming slots only by index. */
#define ACC_NO_REG 0xffu
struct dev_access {
	unsigned width;	    /* 1, 2 or 4 bytes */
	bool write;
	bool sign;	    /* loads: sign-extend the value */
	word_t value;	    /* stores: the register's value (the low `width` bytes count) */
	unsigned reg;	    /* loads: context slot that receives the value, or ACC_NO_REG */
	unsigned shift;	    /* loads: the value goes to bits shift.. of reg ... */
	bool merge;	    /* ... and the rest of reg stays (ia32 al/ah/ax); else reg = value */
	unsigned wb_reg;    /* address-register writeback (ARM), or ACC_NO_REG */
	word_t wb_value;
	word_t next_ip;	    /* where the thread goes on */
	/* ia32 string I/O (ins, outs): elements of `width` bytes between the port and task memory
	 * at the address in mem_reg, which moves by width after each (down: the direction flag);
	 * with a rep prefix count_reg holds the elements left, else ACC_NO_REG (one element) */
	bool string, down;
	unsigned mem_reg, count_reg;
};

/* kdebug functions (reference §4.4) and umol4's extensions. */
enum kdebug_op {
	KD_OUTCHAR = 0,
	KD_OUTSTRING = 2,
	KD_OUTHEX32 = 5,
	KD_OUTHEX20 = 6,
	KD_OUTHEX16 = 7,
	KD_OUTHEX12 = 8,
	KD_OUTHEX8 = 9,
	KD_OUTDEC = 11,
	KD_INCHAR = 13,
	KD_EXIT = 0x60,      /* umol4: end the program with status S0 */
	KD_NAME = 0x61,      /* umol4: S0 -> {task number, name[28]}: a chief names its task */
	KD_ERRSTRING = 0x62, /* umol4: outstring to the host's standard error */
	KD_ENTER = 0x100,    /* enter_kdebug: text at kd_text (kd_textlen bytes, or NUL-terminated) */
	KD_BREAKPOINT = 0x101, /* a plain breakpoint instruction */
	KD_UNKNOWN = 0x102,
};

struct trap {
	enum trap_kind kind;
	enum syscall_nr nr;
	word_t addr;
	bool write;
	unsigned kd_op;
	word_t kd_text;    /* user address of the enter_kdebug text */
	word_t kd_textlen; /* 0: NUL-terminated */
	word_t kd_restart; /* ip that executes the kdebug trap again (after paging in its string) */
	const char *what;  /* exceptions: "illegal instruction", ... */
	struct dev_access acc; /* TRAP_IO */
	unsigned vector;   /* exceptions: ia32 vector numbers on every ISA (0 #DE, 6 #UD, 13 #GP...) */
	word_t err_code;
	bool has_err;
};

/* One register as a debugger sees it (GDB's remote protocol: the 'g' packet is the registers in
 * table order, each in the task's byte order; the target description names them). */
struct gdb_reg {
	const char *name;    /* gdb's name ("eax", "r0", "pc") */
	unsigned bits;	     /* 32, or 80 for an x87 register */
	int slot;	     /* context slot, or -1: not kept by the kernel (reads as unavailable) */
	const char *type;    /* target-description type: "int32", "code_ptr", "data_ptr", ... */
	const char *feature; /* the target-description feature it belongs to */
};

/* Reads task memory for the decoder (instruction bytes); false if not mapped. */
typedef bool (*umem_read_fn)(void *cx, word_t va, void *buf, word_t len);

struct arch {
	const char *name; /* "x86", "arm", ...: the ISA as tools and lib/umol4/<isa> name it */
	bool big_endian;
	unsigned elf_machine; /* EM_* */
	unsigned nregs;
	word_t user_end;      /* end of the L4 user range (exclusive) */
	word_t kip_addr;      /* where the KIP is auto-mapped */
	const char *qemu;     /* qemu-user binary for this ISA ("" = runs natively) */
	/* The kernel entry by call (docs/architecture.md "Kernel entry by call"): system call n
	 * is a call to call_entry + n * CALL_SLOT_SIZE, n < call_nsys (a table in the task's
	 * stub area, announced in the KIP). */
	word_t call_entry;
	unsigned call_nsys;
	/* Debugging views (fault reports, a debugger): the name of every context slot, and the
	 * DWARF numbering: context slots 0..dwarf_nregs-1 are DWARF registers 0..dwarf_nregs-1.
	 * link_reg: the DWARF register a call leaves the return address in, or ARCH_RA_ON_STACK
	 * when the call pushes it (ia32). */
	const char *const *reg_names;
	unsigned dwarf_nregs;
	int link_reg;
	/* Where call-frame information cannot be used (elfutils 0.188 has no MIPS CFI defaults):
	 * turns regs at pc, in the function starting at entry, into its caller's registers (pc =
	 * the return address) by reading the function's prologue. 0: not needed for this ISA. */
	bool (*caller_by_prologue)(umem_read_fn rd, void *cx, word_t entry, word_t *regs);
	/* A thread stopped in a system call whose binding moved the stack pointer around the trap
	 * without call-frame information (ia32): turns regs into the enclosing function's. */
	void (*frame_before_syscall)(umem_read_fn rd, void *cx, word_t *regs);

	void (*init_regs)(word_t *regs, word_t ip, word_t sp);
	/* Entry arguments of a program: docs/abi "Program entry". */
	void (*set_entry_args)(word_t *regs, word_t a, word_t b, word_t c);
	word_t (*get_ip)(const word_t *regs);
	void (*set_ip)(word_t *regs, word_t ip);
	word_t (*get_sp)(const word_t *regs);
	void (*set_sp)(word_t *regs, word_t sp);
	word_t (*get_flags)(const word_t *regs); /* old eflags/cpsr for lthread_ex_regs */
	word_t (*get_slot)(const word_t *regs, unsigned slot);
	void (*set_slot)(word_t *regs, unsigned slot, word_t v);
	/* ia32 passes the deceit virtual sender on the user stack instead of S7/S8. */
	bool deceit_on_stack;
	/* Exception delivery (docs/abi/<isa>.md "Exceptions"): a handler table entry is gate_size
	 * bytes, decoded by gate_handler (0 = no handler); exc_enter switches regs to the handler
	 * and returns up to 4 words to store at the new sp (lowest address first). */
	unsigned gate_size;
	word_t (*gate_handler)(const uint8_t *gate);
	unsigned (*exc_enter)(word_t *regs, const struct trap *tr, word_t handler, word_t push[4]);
	/* Decodes the load or store at the thread's ip that faulted on a device window at addr;
	 * false: not an instruction umol4 performs on devices (docs/devices.md lists them). */
	bool (*decode_access)(const word_t *regs, word_t addr, struct dev_access *acc,
			      umem_read_fn rd, void *cx);
	/* Decode a host event into tr; may advance ip (syscalls, kdebug). false: not understood. */
	bool (*decode)(const struct hw_event *ev, word_t *regs, struct trap *tr, umem_read_fn rd,
		       void *cx);

	/* The debugger's view (core/gdb.c): gdb's architecture name and registers; the software
	 * breakpoint instruction in the task's byte order and how far past it the ip stands when it
	 * traps; set_single_step arms or disarms a hardware single step in regs (0: none, the
	 * debugger steps by breakpoints); step_trap tells the trap that ends such a step. */
	const char *gdb_arch;
	const struct gdb_reg *gdb_regs;
	unsigned gdb_nregs;
	uint8_t gdb_bkpt[4];
	unsigned gdb_bkpt_len, gdb_bkpt_ip_after;
	/* Where the kernel is entered by a branch to a magic address (arm, mips), the debugger
	 * reads those addresses as this instruction (the task's byte order): a return to the
	 * caller, which is what the kernel entry does, so gdb can step through it. */
	uint8_t gdb_entry_insn[4];
	void (*set_single_step)(word_t *regs, bool on);
	bool (*step_trap)(const struct hw_event *ev);
};

/* Byte order helpers for words stored in a task's byte order. */
/* The 4 bytes at p as a word of the given byte order, whatever the host's byte order. Applied to
 * a host word's own bytes it is the identity or a swap, so it converts in both directions. */
static inline word_t word_bytes(const void *p, bool be)
{
	const uint8_t *b = p;
	return be ? (word_t)b[0] << 24 | (word_t)b[1] << 16 | (word_t)b[2] << 8 | b[3]
		  : (word_t)b[3] << 24 | (word_t)b[2] << 16 | (word_t)b[1] << 8 | b[0];
}

static inline word_t word_swap(word_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}

#endif
