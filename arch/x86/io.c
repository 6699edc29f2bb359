/* ia32 device accesses (docs/devices.md): in/out and cli/sti, which user mode cannot execute
 * (#GP natively and under qemu-i386), and the mov forms a compiler emits for loads and stores
 * that fault on a device window. */
#include "arch/x86/io.h"
#include "arch/x86/trapregs.h"

#define PREFIX_OPSIZE 0x66u

/* Length of a ModRM operand (ModRM byte, SIB, displacement) at b; 0 if unreadable. */
static unsigned modrm_len(umem_read_fn rd, void *cx, word_t at)
{
	uint8_t m, sib;
	if (!rd(cx, at, &m, 1))
		return 0;
	unsigned mod = m >> 6, rm = m & 7, len = 1;
	if (mod == 3)
		return 0; /* a register operand: no memory access */
	if (rm == 4) {
		if (!rd(cx, at + 1, &sib, 1))
			return 0;
		len++;
		if (mod == 0 && (sib & 7) == 5)
			return len + 4;
	}
	if (mod == 0 && rm == 5)
		return len + 4;
	return len + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
}

/* A general register by its encoding: 32/16-bit ones are the context slots 0-7 in encoding
 * order (trapregs.h); 8-bit encodings 4-7 are ah, ch, dh, bh. */
static void reg_operand(unsigned enc, unsigned width, unsigned *reg, unsigned *shift)
{
	*reg = width == 1 ? (enc & 3) : enc;
	*shift = width == 1 && enc >= 4 ? 8 : 0;
}

static word_t imm(const uint8_t *b, unsigned n)
{
	word_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= (word_t)b[i] << (8 * i);
	return v;
}

#define EFLAGS_DF    0x400u
#define PREFIX_REP   0xf3u
#define PREFIX_REPNE 0xf2u

static bool segment_prefix(uint8_t b)
{
	return b == 0x2e || b == 0x3e || b == 0x26 || b == 0x36; /* flat segments: no effect */
}

/* ins/outs (6C-6F): the port in dx, memory at edi (ins) or esi (outs), ecx with rep. */
static void string_io(const word_t *r, unsigned op, bool rep, struct dev_access *a)
{
	a->string = true;
	a->write = op >= 0x6e; /* outs: memory to the port */
	a->mem_reg = a->write ? X86_ESI : X86_EDI;
	a->count_reg = rep ? X86_ECX : ACC_NO_REG;
	a->down = r[X86_EFLAGS] & EFLAGS_DF;
	a->reg = ACC_NO_REG;
	a->merge = false;
}

bool x86_decode_io(const word_t *r, struct trap *tr, umem_read_fn rd, void *cx)
{
	uint8_t b[3];
	word_t ip = r[X86_EIP];
	unsigned pre = 0;
	bool o16 = false, rep = false;
	for (;; pre++) { /* prefixes: operand size, rep (ins/outs), segments */
		if (pre > 4 || !rd(cx, ip + pre, b, 1))
			return false;
		if (b[0] == PREFIX_OPSIZE)
			o16 = true;
		else if (b[0] == PREFIX_REP || b[0] == PREFIX_REPNE)
			rep = true;
		else if (!segment_prefix(b[0]))
			break;
	}
	struct dev_access *a = &tr->acc;
	*a = (struct dev_access){.reg = X86_EAX, .wb_reg = ACC_NO_REG, .merge = true};
	unsigned op = b[0], len = pre + 1;
	if (op == 0xfa || op == 0xfb) { /* cli, sti */
		a->width = 0;
	} else if (op >= 0xe4 && op <= 0xe7) { /* in/out with an immediate port */
		if (!rd(cx, ip + len, b + 1, 1))
			return false;
		tr->addr = b[1];
		len++;
	} else if ((op >= 0xec && op <= 0xef) || (op >= 0x6c && op <= 0x6f)) { /* port in dx */
		tr->addr = r[X86_EDX] & 0xffffu;
	} else {
		return false;
	}
	if (op != 0xfa && op != 0xfb)
		a->width = (op & 1) ? (o16 ? 2 : 4) : 1;
	if (op >= 0x6c && op <= 0x6f) {
		string_io(r, op, rep, a);
	} else if (a->width) {
		a->write = op & 2;
		a->value = r[X86_EAX];
		a->merge = a->width < 4;
	}
	tr->kind = TRAP_IO;
	a->next_ip = ip + len;
	return true;
}

bool x86_decode_access(const word_t *r, word_t addr, struct dev_access *a, umem_read_fn rd,
		       void *cx)
{
	(void)addr;
	word_t ip = r[X86_EIP];
	uint8_t b[4];
	unsigned pre = 0;
	for (;; pre++) { /* operand size and segment prefixes (flat segments: no effect) */
		if (pre > 4 || !rd(cx, ip + pre, b, 1))
			return false;
		if (b[0] != PREFIX_OPSIZE && !segment_prefix(b[0]))
			break;
	}
	bool o16 = false;
	for (unsigned i = 0; i < pre; i++) {
		uint8_t p;
		if (rd(cx, ip + i, &p, 1) && p == PREFIX_OPSIZE)
			o16 = true;
	}
	unsigned wide = o16 ? 2 : 4, op = b[0], at = pre + 1, ml, enc;
	uint8_t m;
	*a = (struct dev_access){.reg = ACC_NO_REG, .wb_reg = ACC_NO_REG};
	if (op == 0x0f) {
		if (o16 || !rd(cx, ip + at, b + 1, 1) ||
		    (b[1] != 0xb6 && b[1] != 0xb7 && b[1] != 0xbe && b[1] != 0xbf))
			return false;
		at++;
		if (!(ml = modrm_len(rd, cx, ip + at)) || !rd(cx, ip + at, &m, 1))
			return false;
		a->width = (b[1] & 1) ? 2 : 1; /* movzx/movsx from a byte or a word */
		a->sign = b[1] >= 0xbe;
		a->reg = (m >> 3) & 7;
		a->next_ip = ip + at + ml;
		return true;
	}
	if (op >= 0xa0 && op <= 0xa3) { /* mov al/eax <-> moffs32 */
		a->width = (op & 1) ? wide : 1;
		a->write = op & 2;
		a->reg = X86_EAX;
		a->value = r[X86_EAX];
		a->merge = a->width < 4;
		a->next_ip = ip + at + 4;
		return true;
	}
	if (op < 0x88 || (op > 0x8b && op != 0xc6 && op != 0xc7))
		return false;
	if (!(ml = modrm_len(rd, cx, ip + at)) || !rd(cx, ip + at, &m, 1))
		return false;
	enc = (m >> 3) & 7;
	a->width = (op & 1) ? wide : 1;
	a->next_ip = ip + at + ml;
	if (op == 0xc6 || op == 0xc7) { /* mov r/m, imm */
		unsigned n = a->width;
		if (enc != 0 || !rd(cx, a->next_ip, b, n))
			return false;
		a->write = true;
		a->value = imm(b, n);
		a->next_ip += n;
		return true;
	}
	unsigned shift;
	reg_operand(enc, a->width, &a->reg, &shift);
	a->write = op <= 0x89;
	if (a->write) {
		a->value = r[a->reg] >> shift;
		a->reg = ACC_NO_REG;
	} else {
		a->shift = shift;
		a->merge = a->width < 4;
	}
	return true;
}
