/* MIPS loads and stores on device windows (docs/devices.md): lb, lbu, lh, lhu, lw, sb, sh, sw,
 * also in the delay slot of a branch, which is then carried out as well: qemu reports a fault in
 * a delay slot at the branch. */
#include "arch/mips/access.h"
#include "arch/mips/trapregs.h"

static int32_t simm(word_t insn)
{
	return (int16_t)(insn & 0xffff);
}

/* The branch or jump at pc: where it goes (with the registers before it) and which register it
 * links; false if it is none umol4 carries out. */
static bool branch(const word_t *r, word_t pc, word_t insn, word_t *next, unsigned *link)
{
	unsigned op = insn >> 26, rs = (insn >> 21) & 31, rt = (insn >> 16) & 31;
	int32_t s = (int32_t)r[rs], t = (int32_t)r[rt];
	word_t taken = pc + 4 + ((word_t)simm(insn) << 2);
	bool cond;
	*link = ACC_NO_REG;
	switch (op) {
	case 0:
		if ((insn & 0x3f) != 0x08 && (insn & 0x3f) != 0x09)
			return false;
		if ((insn & 0x3f) == 0x09)
			*link = (insn >> 11) & 31; /* jalr */
		*next = r[rs];
		return true;
	case 1:
		if (rt & ~0x13u)
			return false; /* bltz, bgez, their likely and linking forms only */
		cond = (rt & 1) ? s >= 0 : s < 0;
		if (rt & 0x10)
			*link = MIPS_RA; /* bltzal, bgezal link whether taken or not */
		break;
	case 2:
	case 3:
		*next = ((pc + 4) & 0xf0000000u) | ((insn & 0x03ffffffu) << 2);
		if (op == 3)
			*link = MIPS_RA;
		return true;
	case 4:
	case 0x14:
		cond = s == t;
		break;
	case 5:
	case 0x15:
		cond = s != t;
		break;
	case 6:
	case 0x16:
		cond = s <= 0;
		break;
	case 7:
	case 0x17:
		cond = s > 0;
		break;
	default:
		return false;
	}
	*next = cond ? taken : pc + 8;
	return true;
}

static bool decode_access(bool be, const word_t *r, struct dev_access *a, umem_read_fn rd, void *cx)
{
	word_t pc = r[MIPS_PC], insn, next = pc + 4;
	unsigned link = ACC_NO_REG;
	if (!rd(cx, pc, &insn, 4))
		return false;
	insn = word_bytes(&insn, be);
	unsigned op = insn >> 26;
	if (op < 0x20) { /* not a load or store: a branch whose delay slot made the access */
		if (!branch(r, pc, insn, &next, &link) || !rd(cx, pc + 4, &insn, 4))
			return false;
		insn = word_bytes(&insn, be);
		op = insn >> 26;
	}
	unsigned rt = (insn >> 16) & 31;
	*a = (struct dev_access){.reg = ACC_NO_REG, .wb_reg = link, .wb_value = pc + 8};
	switch (op) {
	case 0x20: /* lb */
	case 0x24: /* lbu */
		a->width = 1;
		break;
	case 0x21: /* lh */
	case 0x25: /* lhu */
		a->width = 2;
		break;
	case 0x23: /* lw */
		a->width = 4;
		break;
	case 0x28: /* sb */
	case 0x29: /* sh */
	case 0x2b: /* sw */
		a->width = op == 0x2b ? 4 : op - 0x27;
		a->write = true;
		/* a store of the link register in the delay slot stores the linked address */
		a->value = rt == link ? pc + 8 : r[rt];
		a->next_ip = next;
		return true;
	default:
		return false;
	}
	a->sign = op < 0x24;
	a->reg = rt ? rt : ACC_NO_REG;
	if (rt && rt == link)
		a->wb_reg = ACC_NO_REG; /* the load comes after the link and wins */
	a->next_ip = next;
	return true;
}

bool mips_decode_access_be(const word_t *r, word_t addr, struct dev_access *a, umem_read_fn rd,
			   void *cx)
{
	(void)addr;
	return decode_access(true, r, a, rd, cx);
}

bool mips_decode_access_le(const word_t *r, word_t addr, struct dev_access *a, umem_read_fn rd,
			   void *cx)
{
	(void)addr;
	return decode_access(false, r, a, rd, cx);
}
