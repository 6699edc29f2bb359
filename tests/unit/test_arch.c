/* The ISA backends' trap decoding, from raw events and instruction bytes. */
#include "arch/arm/trapregs.h"
#include "arch/mips/trapregs.h"
#include "arch/x86/trapregs.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static void test_x86(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	struct hw_event ev = {HWEV_SEGV, 0, 0, 13, (0x30u << 3) | 2};
	r[X86_EIP] = FAKEMEM_VA;
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK_EQ(tr.kind, TRAP_SYSCALL);
	CHECK_EQ(tr.nr, SYS_IPC);
	CHECK_EQ(r[X86_EIP], FAKEMEM_VA + 2);
	ev.err = (0x36u << 3) | 2;
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && tr.nr == SYS_TASK_NEW);
	ev = (struct hw_event){HWEV_SEGV, 0, 0x4321, 14, 6};
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_PAGEFAULT && tr.addr == 0x4321 && tr.write);
	ev.err = 4;
	r[X86_EIP] = FAKEMEM_VA;
	memcpy(fakemem, "\x8b\x00", 2); /* mov (%eax),%eax */
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && !tr.write);
	/* qemu-i386 reports read-modify-write instructions as reads: they are writes */
	static const char rmw[][8] = {"\x83\x00\x01", "\x09\x14\x85\0\0\0", "\xf0\x0f\xb1\x11",
				      "\x66\xff\x00", "\xd1\x20"};
	for (unsigned i = 0; i < sizeof rmw / sizeof *rmw; i++) {
		memcpy(fakemem, rmw[i], 8);
		CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && tr.write);
	}
	static const char reads[][8] = {"\x83\x38\x01", "\x3b\x00", "\x0f\xb6\x00",
					"\xf7\x00\1\0\0"};
	for (unsigned i = 0; i < sizeof reads / sizeof *reads; i++) {
		memcpy(fakemem, reads[i], 8);
		CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && !tr.write);
	}
	/* fetching a read-modify-write instruction is a read: natively the error fakemem says so
	 * (fetch bit), under qemu the fault lies at the ip or in the instruction's bytes */
	memcpy(fakemem, rmw[0], 8);
	ev = (struct hw_event){HWEV_SEGV, 0, FAKEMEM_VA, 14, 0x14};
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && tr.addr == FAKEMEM_VA && !tr.write);
	ev.err = 4;
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && !tr.write);
	ev.fault_addr = FAKEMEM_VA + 2;
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && !tr.write);
	ev.fault_addr = 0x4321; /* its memory operand */
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && tr.write);
	/* lock; nop asks for the KIP */
	memcpy(fakemem, "\xf0\x90", 2);
	r[X86_EIP] = FAKEMEM_VA;
	ev = (struct hw_event){HWEV_ILL, 0, 0, 6, 0};
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && tr.nr == SYS_KERNEL_INTERFACE);
	/* int3; cmpb $5,%al = outhex32; int3; jmp +4 "text" = enter_kdebug */
	memcpy(fakemem, "\x3c\x05", 2);
	r[X86_EIP] = FAKEMEM_VA;
	ev = (struct hw_event){HWEV_TRAP, 0, 0, 3, 0};
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_KDEBUG && tr.kd_op == KD_OUTHEX32);
	memcpy(fakemem, "\xeb\x04stop", 6);
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kd_op == KD_ENTER && tr.kd_text == FAKEMEM_VA + 2 && tr.kd_textlen == 4);
	ev.kind = HWEV_ILL;
	memcpy(fakemem, "\x0f\x0b", 2);
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0) && tr.kind == TRAP_EXCEPTION &&
	      tr.vector == 6);
	/* lidt 8(%ecx) traps as #GP and is emulated: the IDT base comes from the descriptor */
	memcpy(fakemem, "\x0f\x01\x59\x08", 4);
	memcpy(fakemem + 0x20 + 8, "\xff\x00\x78\x56\x34\x12", 6);
	r[X86_EIP] = FAKEMEM_VA;
	r[X86_ECX] = FAKEMEM_VA + 0x20;
	ev = (struct hw_event){HWEV_SEGV, HWCODE_KERNEL, 0, 13, 0};
	CHECK(arch_x86.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_EXC_TABLE && tr.addr == 0x12345678 && r[X86_EIP] == FAKEMEM_VA + 4);
	/* delivery pushes EFLAGS, CS, EIP and the error fakemem, and enters the gate */
	uint8_t gate[8] = {0x34, 0x12, 0x23, 0, 0, 0xef, 0x78, 0x56};
	CHECK_EQ(arch_x86.gate_handler(gate), 0x56781234);
	word_t push[4];
	r[X86_ESP] = 0x8000;
	r[X86_EFLAGS] = 0x302;
	tr =
	    (struct trap){.kind = TRAP_EXCEPTION, .vector = 13, .err_code = 0x182, .has_err = true};
	CHECK_EQ(arch_x86.exc_enter(r, &tr, 0x56781234, push), 4);
	CHECK(push[0] == 0x182 && push[1] == FAKEMEM_VA + 4 && push[3] == 0x302);
	CHECK(r[X86_ESP] == 0x8000 - 16 && r[X86_EIP] == 0x56781234 && r[X86_EFLAGS] == 0x202);
}

static void test_arm(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	r[ARM_PC] = 0xfffffff4;
	r[ARM_LR] = 0x8004;
	struct hw_event ev = {HWEV_SEGV, 0, 0xfffffff4, 0, 0};
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_SYSCALL && tr.nr == SYS_IPC && r[ARM_PC] == 0x8004);
	r[ARM_PC] = 0xffffffd8;
	ev.fault_addr = 0xffffffd8;
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0) && tr.nr == SYS_KERNEL_INTERFACE);
	/* str r1,[r0] writes; ldr r1,[r0] reads; strd writes; ldrd reads; stm writes */
	const word_t insns[][2] = {{0xe5801000u, 1}, {0xe5901000u, 0}, {0xe1c020f0u, 1},
				   {0xe1c020d0u, 0}, {0xe8800006u, 1}, {0xe1d010b0u, 0},
				   {0xe1c010b0u, 1}, {0xe1800f91u, 1}, {0xed801b00u, 1}};
	for (unsigned i = 0; i < sizeof insns / sizeof insns[0]; i++) {
		fakemem_put_word(0, insns[i][0], false);
		r[ARM_PC] = FAKEMEM_VA;
		ev = (struct hw_event){HWEV_SEGV, 0, 0x5000, 0, 0};
		CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0));
		CHECK(tr.kind == TRAP_PAGEFAULT && tr.addr == 0x5000);
		if (tr.write != insns[i][1])
			printf("  insn %08x: write=%d\n", insns[i][0], tr.write);
		CHECK_EQ(tr.write, insns[i][1]);
	}
	/* fetch fault: read */
	r[ARM_PC] = 0x9000;
	ev.fault_addr = 0x9000;
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0) && tr.kind == TRAP_PAGEFAULT &&
	      !tr.write);
	/* bkpt #0x102 = outstring; bkpt #0x1ff = enter_kdebug(r0); bkpt #0 = breakpoint */
	fakemem_put_word(0, 0xe1201072u, false);
	r[ARM_PC] = FAKEMEM_VA;
	ev = (struct hw_event){HWEV_TRAP, 0, 0, 0, 0};
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_KDEBUG && tr.kd_op == KD_OUTSTRING && r[ARM_PC] == FAKEMEM_VA + 4);
	fakemem_put_word(0, 0xe1201f7fu, false);
	r[ARM_PC] = FAKEMEM_VA;
	r[ARM_R0] = 0x777;
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0) && tr.kd_op == KD_ENTER &&
	      tr.kd_text == 0x777);
	fakemem_put_word(0, 0xe1200070u, false);
	r[ARM_PC] = FAKEMEM_VA;
	CHECK(arch_arm.decode(&ev, r, &tr, fakemem_read, 0) && tr.kd_op == KD_BREAKPOINT);
}

static void mips_case(const struct arch *a, bool be)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	r[MIPS_PC] = 0xfffffff0;
	r[MIPS_RA] = 0x400008;
	struct hw_event ev = {HWEV_SEGV, 0, 0xfffffff0, 0, 0};
	CHECK(a->decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_SYSCALL && tr.nr == SYS_ID_NEAREST && r[MIPS_PC] == 0x400008);
	/* sw v0,0(a0) writes, lw reads, a store in a branch delay slot writes */
	fakemem_put_word(0, 0xac820000u, be);
	r[MIPS_PC] = FAKEMEM_VA;
	ev = (struct hw_event){HWEV_SEGV, 0, 0x6000, 0, 0};
	CHECK(a->decode(&ev, r, &tr, fakemem_read, 0) && tr.kind == TRAP_PAGEFAULT && tr.write);
	fakemem_put_word(0, 0x8c820000u, be);
	CHECK(a->decode(&ev, r, &tr, fakemem_read, 0) && !tr.write);
	fakemem_put_word(0, 0x10000003u, be); /* beq zero,zero */
	fakemem_put_word(4, 0xa0820000u, be); /* sb in the delay slot */
	CHECK(a->decode(&ev, r, &tr, fakemem_read, 0) && tr.write);
	/* break 0x102 = outstring */
	fakemem_put_word(0, 0x0102000du, be);
	r[MIPS_PC] = FAKEMEM_VA;
	ev = (struct hw_event){HWEV_TRAP, 0, 0, 0, 0};
	CHECK(a->decode(&ev, r, &tr, fakemem_read, 0));
	CHECK(tr.kind == TRAP_KDEBUG && tr.kd_op == KD_OUTSTRING && r[MIPS_PC] == FAKEMEM_VA + 4);
}

static void test_mips(void)
{
	mips_case(&arch_mips, true);
	mips_case(&arch_mipsel, false);
}

static void test_slots(void)
{
	for (const struct arch *const *all = arch_isas; *all; all++) {
		const struct arch *a = *all;
		word_t r[ARCH_MAX_REGS] = {0};
		CHECK(a->nregs <= ARCH_MAX_REGS);
		for (unsigned s = S0; s <= S6; s++)
			a->set_slot(r, s, 0x100 + s);
		for (unsigned s = S0; s <= S6; s++)
			CHECK_EQ(a->get_slot(r, s), 0x100 + s);
		a->init_regs(r, 0x1234, 0x5678);
		CHECK_EQ(a->get_ip(r), 0x1234);
		CHECK_EQ(a->get_sp(r), 0x5678);
	}
}

const struct unit_test arch_tests[] = {
    {"x86 trap decoding", test_x86},
    {"arm trap decoding and write detection", test_arm},
    {"mips/mipsel trap decoding and write detection", test_mips},
    {"register slots of every ISA", test_slots},
    {0, 0},
};
