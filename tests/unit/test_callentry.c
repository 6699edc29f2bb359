/* The kernel entry by call in the core (docs/architecture.md "Kernel entry by call"): the event
 * is a system call with the ip already at the return, a number beyond the ISA's table is an
 * exception, the KIP announces each ISA's table once, and a debugger's breakpoint on a slot stops
 * the thread before the kernel acts, with the call taken back. */
#include "arch/arm/trapregs.h"
#include "arch/x86/trapregs.h"
#include "core/gdb.h"
#include "core/kip.h"
#include "core/syscall.h"
#include "core/task.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static word_t kip_word(const struct kernel *k, bool be, word_t off)
{
	return word_bytes(k->phys + k->kip_phys[be] + off, be);
}

static void test_call_event(void)
{
	unit_kernel_setup();
	fake_reset();
	struct kernel *k = unit_kernel();
	struct thread *t = unit_thread(5, 1, &arch_x86);
	t->regs[X86_EIP] = 0x1234;
	t->regs[X86_ESI] = t->regs[X86_EDI] = 0; /* id_nearest(nil): the caller's own id */
	t->regs[X86_EAX] = 99;
	struct hw_event ev = {HWEV_CALL, 0, 0, SYS_ID_NEAREST, 0};
	kernel_trap(k, t, &ev);
	CHECK_EQ(t->regs[X86_EAX], 0u);
	CHECK_EQ(t->regs[X86_ESI], t->id.lo);
	CHECK_EQ(t->regs[X86_EDI], t->id.hi);
	CHECK_EQ(t->regs[X86_EIP], 0x1234u); /* the return address, as the stub recorded it */
	/* ia32 has no exception-table call (lidt is): slot 8 is no system call there */
	ev.trapno = SYS_EXC_TABLE;
	kernel_trap(k, t, &ev);
	CHECK(strstr(fake_log, "task 5.01 (x86, ") &&
	      strstr(fake_log, "call entry of no system call at ip 0x00001234"));
}

static void test_kip_table(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	kip_set_call_entries(k, arch_isas);
	for (int be = 0; be < 2; be++) {
		CHECK_EQ(kip_word(k, be, KIP_OFF_CALL_ENTRIES), KIP_CALL_MAGIC);
		CHECK_EQ(kip_word(k, be, KIP_OFF_CALL_ENTRIES + 4), 1u);
		CHECK_EQ(kip_word(k, be, KIP_OFF_CALL_ENTRIES + 8), 4u); /* mips, mipsel: one */
		CHECK_EQ(kip_word(k, be, KIP_OFF_CALL_ENTRIES + 12), CALL_SLOT_SIZE);
		unsigned seen = 0;
		for (word_t i = 0; i < 4; i++) {
			word_t e = KIP_OFF_CALL_ENTRIES + 16 + 16 * i;
			word_t machine = kip_word(k, be, e), entry = kip_word(k, be, e + 4);
			for (const struct arch *const *a = arch_isas; *a; a++)
				if ((*a)->elf_machine == machine && (*a)->call_entry == entry &&
				    (*a)->call_nsys == kip_word(k, be, e + 8))
					seen |= 1u << i;
		}
		CHECK_EQ(seen, 0xfu);
	}
}

static bool no_image(const struct task *t, word_t va, void *buf, word_t len)
{
	(void)t, (void)va, (void)buf, (void)len;
	return false;
}

static void test_breakpoint_on_slot(void)
{
	static struct gdb g;
	static char out[GDB_PACKET_MAX + 1];
	static const struct gdb_ops ops = {no_image, 0, 0, 0};
	for (int x86 = 0; x86 < 2; x86++) {
		const struct arch *a = x86 ? &arch_x86 : &arch_arm;
		unit_kernel_setup();
		struct thread *t = unit_thread(5, 0, a);
		gdb_init(&g, unit_kernel(), &ops, a, 5);
		gdb_before_run(&g, t);
		word_t slot = a->call_entry + SYS_IPC * CALL_SLOT_SIZE;
		char z[40];
		snprintf(z, sizeof z, "Z0,%x,%u", (unsigned)slot, a->gdb_bkpt_len);
		CHECK(gdb_packet(&g, z, strlen(z), out) == GDB_REPLY && !strcmp(out, "OK"));
		/* the slot reads as a return to the caller */
		snprintf(z, sizeof z, "m%x,1", (unsigned)slot);
		CHECK(gdb_packet(&g, z, strlen(z), out) == GDB_REPLY);
		CHECK(!strcmp(out, x86 ? "c3" : "1e"));
		a->set_ip(t->regs, 0x1000100);
		a->set_sp(t->regs, 0x2000);
		struct hw_event ev = {HWEV_CALL, 0, 0, SYS_ID_NEAREST, 0};
		CHECK(!gdb_after_event(&g, t, &ev)); /* another slot: no stop */
		ev.trapno = SYS_IPC;
		CHECK(gdb_after_event(&g, t, &ev));
		CHECK_EQ(a->get_ip(t->regs), slot);
		CHECK_EQ(a->get_sp(t->regs),
			 x86 ? 0x1ffcu : 0x2000u); /* ia32: the return address */
		gdb_release(&g);
	}
}

const struct unit_test callentry_tests[] = {
    {"call entry: a system call at the return address, a bad number an exception", test_call_event},
    {"call entry: the KIP table, once per ISA, in both byte orders", test_kip_table},
    {"call entry: a breakpoint on a slot stops before the call", test_breakpoint_on_slot},
    {0, 0},
};
