/* Devices (docs/devices.md): the ports' mapping database, the device table and windows, the
 * per-ISA decoding of device accesses, a whole trap on a device window, and the UART model. */
#include "arch/arm/trapregs.h"
#include "arch/isas.h"
#include "arch/mips/trapregs.h"
#include "arch/riscv/trapregs.h"
#include "arch/x86/trapregs.h"
#include "core/devtrap.h"
#include "core/ioport.h"
#include "core/kip.h"
#include "core/map.h"
#include "core/task.h"
#include "devices/testdev.h"
#include "devices/uart16550.h"
#include "tests/unit/fakeplat.h"
#include "tests/unit/unit.h"

#include <string.h>

static const word_t whole = 32u << 2; /* the whole address space as receive window */

static struct task *sigma0_task(void)
{
	struct task *s = unit_thread(2, 0, &arch_x86)->task;
	s->idempotent = true;
	return s;
}

static void test_ioports(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	struct task *s = sigma0_task(), *b = unit_thread(5, 0, &arch_x86)->task,
		    *c = unit_thread(6, 0, &arch_x86)->task;
	CHECK_EQ(ioport_map(k, s, b, io_fpage_make(0x500, 4), whole), 16);
	CHECK(ioport_holds(b, 0x500, 16) && !ioport_holds(b, 0x4ff, 1) &&
	      !ioport_holds(b, 0x50f, 2));
	/* a smaller memory window receives no ports; an I/O window takes the intersection */
	CHECK_EQ(ioport_map(k, s, c, io_fpage_make(0x600, 0), fpage_make(0x1000, 12, false)), 0);
	CHECK_EQ(ioport_map(k, b, c, io_fpage_make(0x500, 4), io_fpage_make(0x504, 2)), 4);
	CHECK(ioport_holds(c, 0x504, 4) && !ioport_holds(c, 0x503, 1) &&
	      !ioport_holds(c, 0x508, 1));
	/* a port the mapper lacks is not passed on; held again from the same mapper counts */
	CHECK_EQ(ioport_map(k, b, c, io_fpage_make(0x510, 0), whole), 0);
	CHECK_EQ(ioport_map(k, b, c, io_fpage_make(0x504, 0), whole), 1);
	/* grant: the ports move, out of b's subtree */
	CHECK_EQ(ioport_map(k, b, c, io_fpage_make(0x508, 3) | 1u, whole), 8);
	CHECK(!ioport_holds(b, 0x508, 1) && ioport_holds(c, 0x508, 8));
	/* flush from the others: the mapped go, the granted stay, b keeps its own */
	ioport_unmap(k, b, io_fpage_make(0x500, 4), true, false);
	CHECK(!ioport_holds(c, 0x504, 1) && ioport_holds(c, 0x508, 8) && ioport_holds(b, 0x500, 8));
	/* without flush nothing changes: ports have no write right to take */
	ioport_unmap(k, s, io_fpage_make(0, 16), false, false);
	CHECK(ioport_holds(b, 0x500, 8));
	/* recursively, from sigma0 down: b and c lose everything */
	CHECK_EQ(ioport_map(k, b, c, io_fpage_make(0x500, 1), whole), 2);
	ioport_unmap(k, s, io_fpage_make(0x500, 4), true, false);
	CHECK(!ioport_holds(b, 0x500, 1) && !ioport_holds(c, 0x500, 1) &&
	      !ioport_holds(c, 0x508, 1));
	/* fpage_unmap of the whole space includes the ports; deletion frees the records */
	CHECK_EQ(ioport_map(k, s, b, io_fpage_make(0x3f8, 3), whole), 8);
	sys_fpage_unmap(k, b, fpage_make(0, 32, false), 0x80000002u);
	CHECK(!ioport_holds(b, 0x3f8, 1) && b->io && !b->io->held);
	CHECK_EQ(ioport_map(k, s, c, io_fpage_make(0x3f8, 3), whole), 8);
	ioport_flush_task(k, c);
	CHECK(!c->io && !ioport_holds(c, 0x3f8, 1));
}

static struct testdev td;

static void add_testdev(struct kernel *k)
{
	testdev_init(&td, 0x500, DEVICE_PHYS_BASE, 5);
	CHECK(device_add(k, &td.dev));
}

static void test_device_table(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	add_testdev(k);
	static struct testdev other;
	testdev_init(&other, 0x508, DEVICE_PHYS_BASE + PAGE_SIZE, 6);
	CHECK(!device_add(k, &other.dev)); /* its ports overlap */
	testdev_init(&other, 0, 0x1000, 6);
	CHECK(!device_add(k, &other.dev)); /* a window outside the device range */
	kip_init(k);
	device_table_write(k);
	const uint8_t *le = k->phys + PHYS_KIP_LE + KIP_OFF_DEVICES,
		      *be = k->phys + PHYS_KIP_BE + KIP_OFF_DEVICES;
	CHECK_EQ(word_bytes(le, false), DEVTAB_MAGIC);
	CHECK_EQ(word_bytes(be, true), DEVTAB_MAGIC);
	CHECK_EQ(word_bytes(le + 8, false), 2u); /* a port and a memory window */
	CHECK_EQ(word_bytes(le + 16 + 4, false), DEVTAB_FLAG_PORT);
	CHECK_EQ(word_bytes(le + 16 + 8, false), 0x500u);
	CHECK_EQ(word_bytes(be + 48 + 8, true), DEVICE_PHYS_BASE);
	CHECK_EQ(word_bytes(be + 48 + 16, true), 5u);
	CHECK(device_frame(k, DEVICE_PHYS_BASE >> PAGE_SHIFT));
	CHECK(!device_frame(k, (DEVICE_PHYS_BASE >> PAGE_SHIFT) + 1));
	/* accesses reach the model at window offsets; nothing there reads all ones */
	word_t v = 0x11223344;
	CHECK(device_access(k, false, DEVICE_PHYS_BASE + 4, 4, true, &v));
	CHECK(device_access(k, true, 0x506, 1, false, &v) && v == 0x22);
	CHECK(!device_access(k, true, 0x600, 2, false, &v) && v == 0xffff);
	CHECK(!device_access(k, true, 0x50f, 2, false, &v)); /* runs past the window */
}

static void x86_io(const char *code, unsigned n, word_t *r, struct trap *tr)
{
	memcpy(fakemem, code, n);
	r[X86_EIP] = FAKEMEM_VA;
	struct hw_event ev = {HWEV_SEGV, HWCODE_KERNEL, 0, 13, 0};
	*tr = (struct trap){0};
	CHECK(arch_x86.decode(&ev, r, tr, fakemem_read, 0));
}

static void test_x86_decoding(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct trap tr;
	r[X86_EDX] = 0x3f8;
	r[X86_EAX] = 0xaabbccdd;
	x86_io("\xec", 1, r, &tr); /* in (%dx),%al */
	CHECK(tr.kind == TRAP_IO && tr.addr == 0x3f8 && tr.acc.width == 1 && !tr.acc.write &&
	      tr.acc.merge && tr.acc.reg == X86_EAX && tr.acc.next_ip == FAKEMEM_VA + 1);
	x86_io("\x66\xef", 2, r, &tr); /* out %ax,(%dx) */
	CHECK(tr.acc.width == 2 && tr.acc.write && tr.acc.value == 0xaabbccdd &&
	      tr.acc.next_ip == FAKEMEM_VA + 2);
	x86_io("\xe5\x71", 2, r, &tr); /* in $0x71,%eax */
	CHECK(tr.addr == 0x71 && tr.acc.width == 4 && !tr.acc.merge);
	x86_io("\xfa", 1, r, &tr); /* cli */
	CHECK(tr.kind == TRAP_IO && tr.acc.width == 0);
	/* string I/O: the port in dx, memory at esi/edi, ecx with rep, the direction flag */
	x86_io("\xf3\x6e", 2, r, &tr); /* rep outsb */
	CHECK(tr.kind == TRAP_IO && tr.addr == 0x3f8 && tr.acc.string && tr.acc.write &&
	      tr.acc.width == 1 && tr.acc.mem_reg == X86_ESI && tr.acc.count_reg == X86_ECX &&
	      !tr.acc.down && tr.acc.reg == ACC_NO_REG && tr.acc.next_ip == FAKEMEM_VA + 2);
	r[X86_EFLAGS] = 0x400;
	x86_io("\x66\xf3\x6d", 3, r, &tr); /* rep insw, direction flag set */
	CHECK(tr.acc.string && !tr.acc.write && tr.acc.width == 2 && tr.acc.mem_reg == X86_EDI &&
	      tr.acc.down && tr.acc.next_ip == FAKEMEM_VA + 3);
	r[X86_EFLAGS] = 0;
	x86_io("\x3e\x6f", 2, r, &tr); /* ds outsl, no rep: one element */
	CHECK(tr.acc.string && tr.acc.width == 4 && tr.acc.count_reg == ACC_NO_REG &&
	      tr.acc.next_ip == FAKEMEM_VA + 2);
	x86_io("\x0f\x0b", 2, r, &tr); /* anything else stays a #GP */
	CHECK(tr.kind == TRAP_EXCEPTION && tr.vector == 13);

	static const struct {
		const char *code;
		unsigned width, write, sign, reg, shift, len;
		word_t value;
	} cases[] = {
	    {"\x8b\x48\x04", 4, 0, 0, X86_ECX, 0, 3, 0},	     /* mov 4(%eax),%ecx */
	    {"\x8a\x60\x04", 1, 0, 0, X86_EAX, 8, 3, 0},	     /* mov 4(%eax),%ah */
	    {"\x66\x89\x1c\x24", 2, 1, 0, ACC_NO_REG, 0, 4, 0xbbbb}, /* mov %bx,(%esp) */
	    {"\x0f\xbf\x50\x10", 2, 0, 1, X86_EDX, 0, 4, 0},	     /* movswl 16(%eax),%edx */
	    {"\x0f\xb6\x05\0\0\0\xe0", 1, 0, 0, X86_EAX, 0, 7, 0},   /* movzbl abs,%eax */
	    {"\xc7\x40\x08\x78\x56\x34\x12", 4, 1, 0, ACC_NO_REG, 0, 7, 0x12345678},
	    {"\xa1\0\0\0\xe0", 4, 0, 0, X86_EAX, 0, 5, 0},	   /* mov abs,%eax */
	    {"\x88\x7c\x24\x03", 1, 1, 0, ACC_NO_REG, 0, 4, 0xbb}, /* mov %bh,3(%esp) */
	};
	r[X86_EBX] = 0xbbbb;
	for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct dev_access a;
		memcpy(fakemem, cases[i].code, 8);
		r[X86_EIP] = FAKEMEM_VA;
		CHECK(arch_x86.decode_access(r, 0, &a, fakemem_read, 0));
		CHECK(a.width == cases[i].width && a.write == cases[i].write &&
		      a.sign == cases[i].sign && a.reg == cases[i].reg &&
		      a.shift == cases[i].shift && a.next_ip == FAKEMEM_VA + cases[i].len);
		if (a.write)
			CHECK_EQ(a.value & ((1ull << (8 * a.width)) - 1), cases[i].value);
	}
	struct dev_access a;
	memcpy(fakemem, "\x83\x38\x01", 3); /* cmpl $1,(%eax): not performed */
	CHECK(!arch_x86.decode_access(r, 0, &a, fakemem_read, 0));
}

static void test_arm_decoding(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct dev_access a;
	r[ARM_PC] = FAKEMEM_VA;
	r[ARM_R2] = 0x20000000;
	r[ARM_R3] = 0x5678;
	fakemem_put_word(0, 0xe4d21001u, false); /* ldrb r1, [r2], #1 */
	CHECK(arch_arm.decode_access(r, 0, &a, fakemem_read, 0));
	CHECK(a.width == 1 && !a.write && a.reg == ARM_R1 && a.wb_reg == ARM_R2 &&
	      a.wb_value == 0x20000001 && a.next_ip == FAKEMEM_VA + 4);
	fakemem_put_word(0, 0xe1e230b2u, false); /* strh r3, [r2, #2]! */
	CHECK(arch_arm.decode_access(r, 0, &a, fakemem_read, 0));
	CHECK(a.width == 2 && a.write && a.value == 0x5678 && a.wb_reg == ARM_R2 &&
	      a.wb_value == 0x20000002);
	fakemem_put_word(0, 0xe1d200f4u, false); /* ldrsh r0, [r2, #4] */
	CHECK(arch_arm.decode_access(r, 0, &a, fakemem_read, 0));
	CHECK(a.width == 2 && a.sign && a.reg == ARM_R0 && a.wb_reg == ACC_NO_REG);
	fakemem_put_word(0, 0xe7923103u, false); /* ldr r3, [r2, r3, lsl #2] */
	CHECK(arch_arm.decode_access(r, 0, &a, fakemem_read, 0) && a.width == 4 &&
	      a.reg == ARM_R3 && a.wb_reg == ACC_NO_REG);
	fakemem_put_word(0, 0xe8920003u, false); /* ldm r2, {r0, r1}: not performed */
	CHECK(!arch_arm.decode_access(r, 0, &a, fakemem_read, 0));
}

static void test_mips_decoding(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct dev_access a;
	for (int be = 0; be < 2; be++) {
		const struct arch *m = be ? &arch_mips : &arch_mipsel;
		r[MIPS_PC] = FAKEMEM_VA;
		r[MIPS_T0] = 0x1234;
		fakemem_put_word(0, 0x81050003u, be); /* lb a1, 3(t0) */
		CHECK(m->decode_access(r, 0, &a, fakemem_read, 0));
		CHECK(a.width == 1 && a.sign && a.reg == MIPS_A1 && a.next_ip == FAKEMEM_VA + 4);
		/* a store in the delay slot of a taken beq: the branch is carried out too */
		fakemem_put_word(0, 0x11080004u, be); /* beq t0, t0, +4 */
		fakemem_put_word(4, 0xa5080000u, be); /* sh t0, 0(t0) */
		CHECK(m->decode_access(r, 0, &a, fakemem_read, 0));
		CHECK(a.width == 2 && a.write && a.value == 0x1234 &&
		      a.next_ip == FAKEMEM_VA + 4 + 16 && a.wb_reg == ACC_NO_REG);
		/* not taken: on behind the delay slot */
		fakemem_put_word(0, 0x15080004u, be); /* bne t0, t0, +4 */
		CHECK(m->decode_access(r, 0, &a, fakemem_read, 0) && a.next_ip == FAKEMEM_VA + 8);
		/* jal links ra; a load in its slot */
		fakemem_put_word(0, 0x0c000100u, be); /* jal 0x400 */
		fakemem_put_word(4, 0x95020002u, be); /* lhu v0, 2(t0) */
		CHECK(m->decode_access(r, 0, &a, fakemem_read, 0));
		CHECK(a.width == 2 && !a.sign && a.reg == MIPS_V0 && a.wb_reg == MIPS_RA &&
		      a.wb_value == FAKEMEM_VA + 8 && a.next_ip == 0x400);
		fakemem_put_word(0, 0x8d000000u, be); /* lw zero, 0(t0): the value goes nowhere */
		CHECK(m->decode_access(r, 0, &a, fakemem_read, 0) && a.reg == ACC_NO_REG);
		fakemem_put_word(0, 0xc5000000u, be); /* lwc1: not performed */
		CHECK(!m->decode_access(r, 0, &a, fakemem_read, 0));
	}
}

static void test_riscv_decoding(void)
{
	word_t r[ARCH_MAX_REGS] = {0};
	struct dev_access a;
	r[RV_PC] = FAKEMEM_VA;
	r[RV_A1] = 0xabcd;
	fakemem_put_word(0, 0x0045c503u, false); /* lbu a0, 4(a1) */
	CHECK(arch_riscv.decode_access(r, 0, &a, fakemem_read, 0));
	CHECK(a.width == 1 && !a.sign && a.reg == RV_A0 && a.next_ip == FAKEMEM_VA + 4);
	fakemem_put_word(0, 0x00b51123u, false); /* sh a1, 2(a0) */
	CHECK(arch_riscv.decode_access(r, 0, &a, fakemem_read, 0));
	CHECK(a.width == 2 && a.write && a.value == 0xabcd);
	fakemem_put_word(0, 0xc10cu, false); /* c.sw a1, 0(a0) */
	CHECK(arch_riscv.decode_access(r, 0, &a, fakemem_read, 0));
	CHECK(a.width == 4 && a.write && a.value == 0xabcd && a.next_ip == FAKEMEM_VA + 2);
	fakemem_put_word(0, 0x4108u, false); /* c.lw a0, 0(a0) */
	CHECK(arch_riscv.decode_access(r, 0, &a, fakemem_read, 0) && a.reg == RV_A0);
	fakemem_put_word(0, 0x0005a507u, false); /* flw: not performed */
	CHECK(!arch_riscv.decode_access(r, 0, &a, fakemem_read, 0));
}

/* A whole trap: an x86 thread with code in memory and the test device mapped by sigma0. */
static void test_device_trap(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	add_testdev(k);
	struct task *s = sigma0_task();
	struct thread *t = unit_thread(5, 0, &arch_x86);
	const word_t va = 0x20000000, code = 0x8000;
	CHECK_EQ(fpage_map(k, s, t->task, DEVICE_PHYS_BASE, fpage_make(DEVICE_PHYS_BASE, 12, false),
			   fpage_make(va, 12, false)),
		 1);
	CHECK(pt_lookup(&t->task->pt, va >> 12) & PTE_DEVICE);
	word_t pa;
	CHECK(!task_translate(k, t->task, va, false, &pa)); /* never read as memory */
	CHECK(task_holds(k, t->task, va, false) && !task_holds(k, t->task, va, true));
	CHECK(map_kernel_page(t->task, 0x1000, code, false));
	memcpy(k->phys + code, "\x8b\x48\x04", 3); /* mov 4(%eax),%ecx */
	td.scratch[4] = 0x44;
	td.scratch[7] = 0x77;
	t->regs[X86_EIP] = 0x1000;
	t->regs[X86_EAX] = va;
	CHECK_EQ(devtrap_mmio(k, t, va + 4), DEVTRAP_DONE);
	CHECK_EQ(t->regs[X86_ECX], 0x77000044u);
	CHECK_EQ(t->regs[X86_EIP], 0x1003u);
	/* a store to the read-only mapping goes to the pager instead */
	memcpy(k->phys + code + 3, "\x89\x48\x04", 3);
	CHECK_EQ(devtrap_mmio(k, t, va + 4), DEVTRAP_DONE);
	CHECK(t->pf_addr == va + 4 && t->pf_write && t->regs[X86_EIP] == 0x1003u && !td.scratch[5]);
	/* an instruction umol4 does not perform, and an address that is no device */
	memcpy(k->phys + code + 3, "\x83\x38\x01", 3);
	t->ipc.pagefault = false;
	CHECK_EQ(devtrap_mmio(k, t, va), DEVTRAP_BADINSN);
	CHECK_EQ(devtrap_mmio(k, t, 0x1000), DEVTRAP_NONE);
}

/* ins/outs on the test device's ports through the task's page tables: a rep stopped by a page
 * fault on its memory operand says how far it got; an I/O fault comes before any memory; a
 * device window as the memory operand is refused. */
static void test_string_io(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	add_testdev(k);
	struct task *s = sigma0_task();
	struct thread *t = unit_thread(5, 0, &arch_x86);
	word_t *r = t->regs;
	const word_t code = 0x8000, data = 0x9000;
	CHECK_EQ(ioport_map(k, s, t->task, io_fpage_make(0x500, 4), whole), 16);
	CHECK(map_kernel_page(t->task, 0x1000, code, false));
	CHECK(map_kernel_page(t->task, 0x2000, data, true));
	memcpy(k->phys + code, "\xf3\x6e", 2); /* rep outsb */
	memcpy(k->phys + data, "abc", 3);
	struct hw_event ev = {HWEV_SEGV, HWCODE_KERNEL, 0, 13, 0};
	struct trap tr = {0};
	r[X86_EIP] = 0x1000;
	r[X86_EDX] = 0x500;
	r[X86_ESI] = 0x2000;
	r[X86_ECX] = 3;
	struct task_mem cx = {k, t->task};
	CHECK(arch_x86.decode(&ev, r, &tr, task_mem_read, &cx));
	CHECK_EQ(devtrap_io(k, t, &tr), DEVTRAP_DONE);
	CHECK(td.scratch[0] == 'c' && r[X86_ESI] == 0x2003 && r[X86_ECX] == 0 &&
	      r[X86_EIP] == 0x1002);
	/* rep insb of 4 bytes from 0x2ffe: the page at 0x3000 is missing */
	memcpy(k->phys + code + 2, "\xf3\x6c", 2);
	td.scratch[1] = 'x';
	r[X86_EDX] = 0x501;
	r[X86_EDI] = 0x2ffe;
	r[X86_ECX] = 4;
	CHECK(arch_x86.decode(&ev, r, &tr, task_mem_read, &cx));
	CHECK_EQ(devtrap_io(k, t, &tr), DEVTRAP_DONE);
	CHECK(!memcmp(k->phys + data + 0xffe, "xx", 2) && r[X86_EDI] == 0x3000 && r[X86_ECX] == 2 &&
	      r[X86_EIP] == 0x1002);
	CHECK(t->pf_addr == 0x3000 && t->pf_write);
	/* a port the task does not hold: the I/O fault names it, memory is not touched */
	r[X86_EDX] = 0x3f8;
	CHECK(arch_x86.decode(&ev, r, &tr, task_mem_read, &cx));
	CHECK_EQ(devtrap_io(k, t, &tr), DEVTRAP_DONE);
	CHECK(t->pf_addr == io_fpage_make(0x3f8, 0) && t->pf_write == false &&
	      r[X86_EDI] == 0x3000);
	/* the test device's window as the memory operand */
	t->pf_addr = 0;
	CHECK_EQ(fpage_map(k, s, t->task, DEVICE_PHYS_BASE, fpage_make(DEVICE_PHYS_BASE, 12, false),
			   fpage_make(0x20000000, 12, false)),
		 1);
	r[X86_EDX] = 0x501;
	r[X86_EDI] = 0x20000000;
	CHECK(arch_x86.decode(&ev, r, &tr, task_mem_read, &cx));
	CHECK_EQ(devtrap_io(k, t, &tr), DEVTRAP_BADINSN);
	CHECK(!t->pf_addr && r[X86_EDI] == 0x20000000);
	/* a long rep goes on at the next kernel entry: the ip stays on the instruction */
	CHECK(map_kernel_page(t->task, 0x4000, 0xa000, false));
	CHECK(map_kernel_page(t->task, 0x5000, 0xb000, false));
	memcpy(k->phys + code + 4, "\xf3\x6e", 2);
	r[X86_EIP] = 0x1004;
	r[X86_ESI] = 0x4000;
	r[X86_ECX] = 5000;
	CHECK(arch_x86.decode(&ev, r, &tr, task_mem_read, &cx));
	CHECK_EQ(devtrap_io(k, t, &tr), DEVTRAP_DONE);
	CHECK(r[X86_ECX] == 5000 - 4096 && r[X86_ESI] == 0x5000 && r[X86_EIP] == 0x1004);
	CHECK_EQ(devtrap_io(k, t, &tr), DEVTRAP_DONE);
	CHECK(r[X86_ECX] == 0 && r[X86_ESI] == 0x4000 + 5000 && r[X86_EIP] == 0x1006);
}

static char uart_out[64];
static unsigned uart_nout;
static const char *uart_in;
static int uart_watched;

static void put(void *cx, uint8_t c)
{
	(void)cx;
	if (uart_nout < sizeof uart_out)
		uart_out[uart_nout++] = (char)c;
}
static int get(void *cx)
{
	(void)cx;
	return uart_in && *uart_in ? (uint8_t)*uart_in++ : -1;
}
static void watch(void *cx, bool on)
{
	(void)cx;
	uart_watched = on;
}

static void test_uart(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	static struct uart16550 u;
	struct uart_backend be = {put, get, watch, 0};
	uart16550_init(&u, &be, 0x3f8, 0, 4);
	CHECK(device_add(k, &u.dev));
	struct device *d = &u.dev;
	d->ops->write(d, 3, 1, 0x80); /* divisor latch */
	d->ops->write(d, 0, 1, 12);
	CHECK_EQ(d->ops->read(d, 0, 1), 12u);
	d->ops->write(d, 3, 1, 0x03);
	d->ops->write(d, 0, 1, 'A'); /* THR */
	CHECK(uart_nout == 1 && uart_out[0] == 'A');
	CHECK_EQ(d->ops->read(d, 5, 1) & 0x60, 0x60u); /* LSR: THRE, TEMT */
	CHECK_EQ(d->ops->read(d, 2, 1), 1u);	       /* IIR: nothing (IER 0) */
	/* interrupts need OUT2; THRE enabled interrupts at once, IIR acknowledges it */
	d->ops->write(d, 4, 1, 0x08);
	d->ops->write(d, 1, 1, 0x03);
	CHECK(uart_watched && k->irqs[4].pending);
	CHECK_EQ(d->ops->read(d, 2, 1), 0x02u);
	CHECK_EQ(d->ops->read(d, 2, 1), 0x01u);
	/* input: received data has priority over THRE, drained through RBR */
	k->irqs[4].pending = false;
	uart_in = "hi";
	uart16550_input(&u);
	CHECK(k->irqs[4].pending);
	CHECK_EQ(d->ops->read(d, 2, 1), 0x04u);
	CHECK_EQ(d->ops->read(d, 5, 1) & 1, 1u);
	CHECK_EQ(d->ops->read(d, 0, 1), (word_t)'h');
	CHECK_EQ(d->ops->read(d, 0, 1), (word_t)'i');
	CHECK_EQ(d->ops->read(d, 5, 1) & 1, 0u);
	CHECK_EQ(d->ops->read(d, 2, 1), 0x01u);
	/* loopback: the transmitter feeds the receiver, the modem outputs come back */
	d->ops->write(d, 4, 1, 0x1b);
	d->ops->write(d, 0, 1, 'x');
	CHECK(uart_nout == 1 && d->ops->read(d, 0, 1) == 'x');
	CHECK_EQ(d->ops->read(d, 6, 1) & 0xb0, 0xb0u);
	/* FIFOs: IIR says so; more than 16 bytes overrun, reported in LSR */
	d->ops->write(d, 2, 1, 0x07);
	CHECK_EQ(d->ops->read(d, 2, 1) & 0xc0, 0xc0u);
	for (int i = 0; i < 17; i++)
		d->ops->write(d, 0, 1, (word_t)i);
	CHECK_EQ(d->ops->read(d, 5, 1) & 0x03, 0x03u);
	d->ops->write(d, 1, 1, 0);
	CHECK(!uart_watched);
}

const struct unit_test device_tests[] = {
    {"I/O ports: map, windows, grant, flush, whole-space unmap, deletion", test_ioports},
    {"device table in both KIPs, windows, bus accesses", test_device_table},
    {"x86 in/out and mov forms on device windows", test_x86_decoding},
    {"ARM loads and stores with writeback on device windows", test_arm_decoding},
    {"MIPS loads and stores, delay slots, links", test_mips_decoding},
    {"RISC-V loads and stores, compressed forms", test_riscv_decoding},
    {"a trap on a device window: performed, read-only store, bad instruction", test_device_trap},
    {"x86 string I/O: rep outsb, a page fault mid-rep, an I/O fault, a device operand",
     test_string_io},
    {"16550A UART: divisor, THR, IIR priorities, interrupts, input, loopback, FIFO", test_uart},
    {0, 0},
};
