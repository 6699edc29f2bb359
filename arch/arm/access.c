/* ARM (A32) loads and stores on device windows (docs/devices.md): ldr/str/ldrb/strb with an
 * immediate or shifted-register offset, ldrh/strh/ldrsb/ldrsh, each with pre- or post-indexing
 * and base-register writeback as the instruction says. */
#include "arch/arm/access.h"
#include "arch/arm/trapregs.h"

static word_t reg_value(const word_t *r, unsigned n)
{
	return n == ARM_PC ? r[ARM_PC] + 8 : r[n];
}

/* The scaled register offset of a single data transfer: Rm shifted by an immediate. */
static bool shifted_offset(const word_t *r, word_t insn, word_t *off)
{
	if (insn & 0x10u)
		return false; /* shift by a register: not an addressing mode */
	word_t v = reg_value(r, insn & 0xf);
	unsigned amount = (insn >> 7) & 31, type = (insn >> 5) & 3;
	switch (type) {
	case 0:
		*off = v << amount;
		break;
	case 1:
		*off = amount ? v >> amount : 0;
		break;
	case 2:
		*off = (word_t)((int32_t)v >> (amount ? amount : 31));
		break;
	default:
		if (!amount)
			return false; /* rrx needs the carry flag */
		*off = (v >> amount) | (v << (32 - amount));
		break;
	}
	return true;
}

bool arm_decode_access(const word_t *r, word_t addr, struct dev_access *a, umem_read_fn rd,
		       void *cx)
{
	(void)addr;
	word_t insn, off;
	if (!rd(cx, r[ARM_PC], &insn, 4))
		return false;
	insn = word_bytes(&insn, false);
	bool load = insn & (1u << 20), pre = insn & (1u << 24), up = insn & (1u << 23),
	     wback = insn & (1u << 21);
	unsigned rn = (insn >> 16) & 0xf, rt = (insn >> 12) & 0xf;
	*a = (struct dev_access){.reg = ACC_NO_REG, .wb_reg = ACC_NO_REG};
	if ((insn & 0x0c000000u) == 0x04000000u) { /* ldr, str, ldrb, strb */
		if (insn & (1u << 25)) {
			if (!shifted_offset(r, insn, &off))
				return false;
		} else {
			off = insn & 0xfff;
		}
		a->width = (insn & (1u << 22)) ? 1 : 4;
		if (!pre && wback)
			return false; /* ldrt/strt: user-mode access from a privileged mode */
	} else if ((insn & 0x0e000090u) == 0x00000090u && (insn & 0x60u)) {
		unsigned sh = (insn >> 5) & 3;
		if (!load && sh != 1)
			return false; /* ldrd/strd */
		off = (insn & (1u << 22)) ? ((insn >> 4) & 0xf0u) | (insn & 0xfu)
					  : reg_value(r, insn & 0xf);
		a->width = sh == 2 ? 1 : 2;
		a->sign = sh != 1;
	} else {
		return false;
	}
	if (rt == ARM_PC || ((!pre || wback) && (rn == ARM_PC || (load && rn == rt))))
		return false; /* unpredictable or a branch: not for device registers */
	word_t base = reg_value(r, rn), moved = up ? base + off : base - off;
	a->write = !load;
	if (load)
		a->reg = rt;
	else
		a->value = reg_value(r, rt);
	if (!pre || wback) {
		a->wb_reg = rn;
		a->wb_value = moved;
	}
	a->next_ip = r[ARM_PC] + 4;
	return true;
}
