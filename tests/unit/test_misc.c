/* Ids, the KIP in both byte orders, kdebug output and exit, the kernel formatter. */
#include "core/fmt.h"
#include "core/kdebug.h"
#include "core/kip.h"
#include "core/map.h"
#include "core/task.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static void test_ids(void)
{
	l4id_t id = id_make(4, 3, 2, 1);
	CHECK_EQ(id.lo, (4u << 17) | (3u << 10));
	CHECK_EQ(id.hi, (2u << 17) | (1u << 28));
	CHECK_EQ(id_task(id), 4);
	CHECK_EQ(id_lthread(id), 3);
	CHECK_EQ(id_chief(id), 2);
	CHECK(id_is_nil(L4ID_NIL) && id_is_invalid(L4ID_INVALID));
	CHECK(id_is_irq((l4id_t){1, 0}) && !id_is_irq(id));
}

static word_t rd32(const uint8_t *p, bool be)
{
	return be ? (word_t)p[0] << 24 | (word_t)p[1] << 16 | (word_t)p[2] << 8 | p[3]
		  : (word_t)p[3] << 24 | (word_t)p[2] << 16 | (word_t)p[1] << 8 | p[0];
}

static void test_kip(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	kip_init(k);
	kip_tick(k, 0x123456789ull);
	for (int be = 0; be < 2; be++) {
		const uint8_t *kip = k->phys + k->kip_phys[be];
		CHECK_EQ(rd32(kip, be), KIP_MAGIC);
		CHECK_EQ(rd32(kip + KIP_OFF_MAIN_MEMORY + 4, be), k->phys_size);
		/* the 64-bit clock reads as one integer in the KIP's byte order */
		uint64_t clk = be ? (uint64_t)rd32(kip + 0xa0, be) << 32 | rd32(kip + 0xa4, be)
				  : (uint64_t)rd32(kip + 0xa4, be) << 32 | rd32(kip + 0xa0, be);
		CHECK_EQ(clk, 0x123456789ull);
		CHECK(strcmp((const char *)kip + 0xe0, "umol4 user-mode L4 V2 kernel") == 0);
	}
	struct thread *t = unit_thread(4, 0, &arch_mips);
	struct boot_module m = {0x100000, 0x100200, "mod x"};
	bootinfo_write(k, t->task, "prog a b", &m, 1);
	CHECK_EQ(rd32(k->phys + PHYS_BOOTINFO + 20, true), 1);
	word_t mt = rd32(k->phys + PHYS_BOOTINFO + 24, true);
	CHECK_EQ(rd32(k->phys + mt + 4, true), 0x100200);
	CHECK(strcmp((const char *)k->phys + rd32(k->phys + mt + 8, true), "mod x") == 0);
	CHECK_EQ(rd32(k->phys + PHYS_BOOTINFO, true), MULTIBOOT_CMDLINE | MULTIBOOT_MODS);
	CHECK(strcmp((const char *)k->phys + rd32(k->phys + PHYS_BOOTINFO + 16, true), "prog a b") ==
	      0);
}

static void test_kdebug(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	struct thread *t = unit_thread(4, 0, &arch_arm);
	memcpy(k->phys + 0x5010, "hello", 6);
	map_kernel_page(t->task, 0x20000, 0x5000, false);
	struct trap tr = {.kind = TRAP_KDEBUG, .kd_op = KD_OUTSTRING};
	arch_arm.set_slot(t->regs, S0, 0x20010);
	kdebug(k, t, &tr);
	tr.kd_op = KD_OUTHEX16;
	arch_arm.set_slot(t->regs, S0, 0xbeef);
	kdebug(k, t, &tr);
	tr.kd_op = KD_OUTDEC;
	arch_arm.set_slot(t->regs, S0, (word_t)-42);
	kdebug(k, t, &tr);
	CHECK(strcmp(fake_out, "hellobeef-42") == 0);
	tr.kd_op = KD_ERRSTRING;
	arch_arm.set_slot(t->regs, S0, 0x20010);
	kdebug(k, t, &tr);
	CHECK(strcmp(fake_err, "hello") == 0 && strcmp(fake_out, "hellobeef-42") == 0);
	tr.kd_op = KD_ENTER;
	tr.kd_text = 0x20010;
	kdebug(k, t, &tr);
	CHECK(strstr(fake_log, "enter_kdebug \"hello\"") != 0);
	/* by default enter_kdebug stops the instance, with the thread list */
	CHECK_EQ(k->run, RUN_KDEBUG);
	CHECK(k->stop.reason == STOP_KDEBUG && k->stop.thread == t);
	CHECK(strcmp(k->stop.what, "enter_kdebug \"hello\"") == 0);
	CHECK(strstr(fake_log, "threads at the stop:") != 0);
	/* --kdebug=continue: the line, and the program goes on */
	k->run = RUN_ACTIVE;
	k->kdebug_continue = true;
	kdebug(k, t, &tr);
	CHECK_EQ(k->run, RUN_ACTIVE);
	tr.kd_op = KD_EXIT;
	arch_arm.set_slot(t->regs, S0, 7);
	kdebug(k, t, &tr);
	CHECK_EQ(k->run, RUN_EXITED);
	CHECK_EQ(k->exit_status, 7);
}

static void test_fmt(void)
{
	char buf[64];
	CHECK_EQ(kfmt(buf, sizeof buf, "%08x|%d|%u|%s|%c|%x", 0xbeefu, -5, 7u, "s", 'c', 0u), 19);
	CHECK(strcmp(buf, "0000beef|-5|7|s|c|0") == 0);
	kfmt(buf, 8, "%s", "truncated!");
	CHECK(strcmp(buf, "truncat") == 0);
}

/* A name given to a task number before task_new is the created task's; others keep the name
 * they inherit, and a name is used once. */
static void test_prename(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	task_prename(k, 7, "seven.elf");
	struct task *t = task_create(k, 7, 4, 1, &arch_x86, "inherited");
	task_take_prename(k, t);
	CHECK(t && !strcmp(t->name, "seven.elf"));
	struct task *u = task_create(k, 8, 4, 1, &arch_x86, "inherited");
	task_take_prename(k, u);
	CHECK(u && !strcmp(u->name, "inherited"));
	for (unsigned i = 0; i < 8; i++)
		CHECK(k->prenamed[i].nr == 0);
}

const struct unit_test misc_tests[] = {
	{"names given before task_new", test_prename},
	{"thread ids", test_ids},
	{"kip in both byte orders, boot info", test_kip},
	{"kdebug console and exit", test_kdebug},
	{"kernel formatter", test_fmt},
	{0, 0},
};
