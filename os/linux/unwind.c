/* The backtrace of an L4 thread: its registers, the call-frame information of its program
 * (libdw's CFI interface) and its stack as the thread sees it, read through its L4 page table.
 * ISA-neutral: context slot n is DWARF register n on every ISA (struct arch, dwarf_nregs). */
#include "os/linux/unwind.h"
#include "core/task.h"
#include "os/linux/symbolize.h"

#include <dwarf.h>
#include <stdlib.h>

struct regset {
	word_t v[ARCH_MAX_REGS];
	bool known[ARCH_MAX_REGS];
};

static bool read_word(const struct kernel *k, const struct task *task, word_t va, word_t *w)
{
	word_t raw;
	if (!user_read(k, task, va, &raw, 4))
		return false;
	*w = task_word(task, raw);
	return true;
}

/* Evaluates the few DWARF operations call-frame information uses (register plus offset, the
 * CFA, arithmetic, dereference). *is_value: the result is the register's value itself (a
 * register rule or DW_OP_stack_value), else its location in memory. */
static bool eval(const struct kernel *k, const struct task *task, const Dwarf_Op *ops, size_t nops,
		 const struct regset *rs, unsigned nregs, word_t cfa, word_t *out, bool *is_value)
{
	word_t stack[8];
	unsigned sp = 0;
	*is_value = false;
#define PUSH(x)                                                                                    \
	do {                                                                                       \
		if (sp == 8)                                                                       \
			return false;                                                              \
		stack[sp++] = (x);                                                                 \
	} while (0)
#define NEED(n)                                                                                    \
	do {                                                                                       \
		if (sp < (n))                                                                      \
			return false;                                                              \
	} while (0)
	for (size_t i = 0; i < nops; i++) {
		const Dwarf_Op *op = &ops[i];
		unsigned atom = op->atom, reg;
		if (atom >= DW_OP_breg0 && atom <= DW_OP_breg31) {
			reg = atom - DW_OP_breg0;
			if (reg >= nregs || !rs->known[reg])
				return false;
			PUSH(rs->v[reg] + (word_t)op->number);
		} else if (atom >= DW_OP_reg0 && atom <= DW_OP_reg31) {
			reg = atom - DW_OP_reg0;
			if (reg >= nregs || !rs->known[reg] || nops != 1)
				return false;
			*out = rs->v[reg];
			*is_value = true;
			return true;
		} else if (atom >= DW_OP_lit0 && atom <= DW_OP_lit31) {
			PUSH(atom - DW_OP_lit0);
		} else {
			switch (atom) {
			case DW_OP_bregx:
				if (op->number >= nregs || !rs->known[op->number])
					return false;
				PUSH(rs->v[op->number] + (word_t)op->number2);
				break;
			case DW_OP_call_frame_cfa:
				PUSH(cfa);
				break;
			case DW_OP_plus_uconst:
				NEED(1);
				stack[sp - 1] += (word_t)op->number;
				break;
			case DW_OP_const1u:
			case DW_OP_const2u:
			case DW_OP_const4u:
			case DW_OP_constu:
			case DW_OP_const1s:
			case DW_OP_const2s:
			case DW_OP_const4s:
			case DW_OP_consts:
				PUSH((word_t)op->number);
				break;
			case DW_OP_plus:
			case DW_OP_minus:
			case DW_OP_and:
				NEED(2);
				sp--;
				stack[sp - 1] = atom == DW_OP_plus    ? stack[sp - 1] + stack[sp]
						: atom == DW_OP_minus ? stack[sp - 1] - stack[sp]
								      : stack[sp - 1] & stack[sp];
				break;
			case DW_OP_deref:
				NEED(1);
				if (!read_word(k, task, stack[sp - 1], &stack[sp - 1]))
					return false;
				break;
			case DW_OP_stack_value:
				*is_value = true;
				break;
			default:
				return false;
			}
		}
	}
	NEED(1);
#undef PUSH
#undef NEED
	*out = stack[sp - 1];
	return true;
}

/* The context slot that holds the stack pointer. */
static unsigned sp_slot(const struct arch *a)
{
	word_t probe[ARCH_MAX_REGS] = {0};
	a->set_sp(probe, 1);
	unsigned r = 0;
	while (r < ARCH_MAX_REGS - 1 && !probe[r])
		r++;
	return r;
}

/* One step up the call chain by the CFI covering `lookup`; rs becomes the caller's registers
 * (its pc in *ret). */
static bool step_cfi(const struct kernel *k, const struct task *task, word_t lookup,
		     struct regset *rs, word_t *ret)
{
	const struct arch *a = task->arch;
	Dwarf_Frame *frame;
	if (!sym_frame(task, lookup, &frame))
		return false;
	bool ok = false, is_value;
	Dwarf_Op *ops, mem[3];
	size_t nops;
	word_t cfa;
	int ra = dwarf_frame_info(frame, 0, 0, 0);
	if (ra < 0 || (unsigned)ra >= a->dwarf_nregs || dwarf_frame_cfa(frame, &ops, &nops) != 0 ||
	    !nops || !eval(k, task, ops, nops, rs, a->dwarf_nregs, 0, &cfa, &is_value))
		goto out;
	struct regset caller = {0};
	for (unsigned r = 0; r < a->dwarf_nregs; r++) {
		if (dwarf_frame_register(frame, (int)r, mem, &ops, &nops) != 0)
			continue;
		if (!nops) {
			if (!ops) { /* same value */
				caller.v[r] = rs->v[r];
				caller.known[r] = rs->known[r];
			}
			continue;
		}
		word_t v;
		if (!eval(k, task, ops, nops, rs, a->dwarf_nregs, cfa, &v, &is_value))
			continue;
		caller.known[r] = is_value || read_word(k, task, v, &v);
		caller.v[r] = v;
	}
	if (!caller.known[ra])
		goto out;
	*ret = caller.v[ra];
	/* the caller's stack pointer is the CFA by definition */
	caller.v[sp_slot(a)] = cfa;
	caller.known[sp_slot(a)] = true;
	*rs = caller;
	ok = true;
out:
	free(frame);
	return ok;
}

/* Without CFI at the innermost frame (a jump to a wild address, code without unwind tables):
 * the return address is where a call leaves it, in the link register or on top of the stack. */
static bool step_call(const struct kernel *k, const struct task *task, struct regset *rs,
		      word_t *ret)
{
	const struct arch *a = task->arch;
	if (a->link_reg != ARCH_RA_ON_STACK) {
		*ret = rs->v[a->link_reg];
		rs->known[a->link_reg] = false;
		return true;
	}
	word_t sp = a->get_sp(rs->v);
	if (!read_word(k, task, sp, ret))
		return false;
	a->set_sp(rs->v, sp + 4);
	return true;
}

/* The ISA's prologue reading, for the function the symbol table says pc is in. */
static bool step_prologue(const struct kernel *k, const struct task *task, word_t lookup,
			  struct regset *rs, word_t *ret)
{
	const struct arch *a = task->arch;
	struct sym_loc loc;
	if (!a->caller_by_prologue || !sym_lookup(task, lookup, &loc) || !loc.function)
		return false;
	struct task_mem m = {k, task};
	if (!a->caller_by_prologue(task_mem_read, &m, lookup - loc.offset, rs->v))
		return false;
	*ret = a->get_ip(rs->v);
	return true;
}

/* A return address must lie in a function of the program, where its symbols say so: a stack
 * the call-frame information does not describe (an inline system call that pushes without CFI)
 * otherwise yields data addresses as callers. */
static bool returns_to_code(const struct task *task, word_t ret)
{
	struct sym_loc loc;
	return !sym_program_path(task) || (sym_lookup(task, ret - 1, &loc) && loc.code);
}

unsigned unwind_thread(const struct kernel *k, const struct thread *t, word_t *pcs, unsigned max)
{
	const struct task *task = t->task;
	const struct arch *a = task->arch;
	struct regset rs = {0};
	for (unsigned r = 0; r < a->nregs; r++) {
		rs.v[r] = t->regs[r];
		rs.known[r] = r < a->dwarf_nregs;
	}
	if (a->frame_before_syscall) {
		struct task_mem m = {k, task};
		a->frame_before_syscall(task_mem_read, &m, rs.v);
	}
	word_t pc = a->get_ip(t->regs);
	unsigned n = 0;
	while (n < max) {
		pcs[n] = pc;
		word_t sp = a->get_sp(rs.v), ret;
		/* a return address is the instruction after the call: look up the call itself */
		word_t lookup = n ? pc - 1 : pc;
		bool ok = step_cfi(k, task, lookup, &rs, &ret) ||
			  step_prologue(k, task, lookup, &rs, &ret) ||
			  (n == 0 && step_call(k, task, &rs, &ret));
		n++;
		if (!ok)
			break;
		if (a->link_reg != ARCH_RA_ON_STACK)
			ret &= ~1u; /* the Thumb / microMIPS bit */
		/* the outermost frame (crt0 clears the return address), or a stack going nowhere */
		if (!ret || (n > 1 && a->get_sp(rs.v) <= sp) || !returns_to_code(task, ret))
			break;
		pc = ret;
		a->set_ip(rs.v, pc);
	}
	return n;
}
