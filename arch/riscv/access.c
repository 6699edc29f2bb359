/* RISC-V (RV32IMAC) loads and stores on device windows (docs/devices.md): lb, lbu, lh, lhu, lw,
 * sb, sh, sw, and the compressed c.lw, c.sw, c.lwsp, c.swsp. */
#include "arch/riscv/access.h"
#include "arch/riscv/trapregs.h"

bool riscv_decode_access(const word_t *r, word_t addr, struct dev_access *a, umem_read_fn rd,
			 void *cx)
{
	(void)addr;
	word_t pc = r[RV_PC];
	uint8_t b[4];
	if (!rd(cx, pc, b, 2)) /* the first half says how long it is; the rest may be elsewhere */
		return false;
	word_t insn = (word_t)b[0] | (word_t)b[1] << 8;
	*a = (struct dev_access){.reg = ACC_NO_REG, .wb_reg = ACC_NO_REG};
	if ((insn & 3) != 3) { /* compressed */
		unsigned f3 = insn >> 13, q = insn & 3, rdp = ((insn >> 2) & 7) + 8;
		a->width = 4;
		a->next_ip = pc + 2;
		if (q == 0 && f3 == 2) { /* c.lw */
			a->reg = rdp;
		} else if (q == 0 && f3 == 6) { /* c.sw */
			a->write = true;
			a->value = r[rdp];
		} else if (q == 2 && f3 == 2 && ((insn >> 7) & 31)) { /* c.lwsp */
			a->reg = (insn >> 7) & 31;
		} else if (q == 2 && f3 == 6) { /* c.swsp */
			a->write = true;
			a->value = r[(insn >> 2) & 31];
		} else {
			return false;
		}
		return true;
	}
	if (!rd(cx, pc + 2, b + 2, 2))
		return false;
	insn |= (word_t)b[2] << 16 | (word_t)b[3] << 24;
	unsigned op = insn & 0x7f, f3 = (insn >> 12) & 7;
	a->next_ip = pc + 4;
	if (op == 0x03 && f3 != 3 && f3 < 6) { /* lb lh lw lbu lhu */
		a->width = 1u << (f3 & 3);
		a->sign = f3 < 4;
		unsigned rdn = (insn >> 7) & 31;
		a->reg = rdn ? rdn : ACC_NO_REG;
		return true;
	}
	if (op == 0x23 && f3 < 3) { /* sb sh sw */
		a->width = 1u << f3;
		a->write = true;
		a->value = r[(insn >> 20) & 31];
		return true;
	}
	return false;
}
