/* The GDB remote protocol over the kernel's objects (core/gdb.c), without a socket or a process:
 * thread ids, registers in each ISA's layout and byte order, memory through the L4 page table
 * (and the program image behind untouched pages), breakpoints written into frames, kept pending
 * until a page is mapped and hidden from reads, the stops the run loop reports, monitor output. */
#include "arch/arm/trapregs.h"
#include "arch/mips/trapregs.h"
#include "core/gdb.h"
#include "core/map.h"
#include "core/task.h"
#include "tests/unit/unit.h"

#include <string.h>

#define TEXT  0x01000000u
#define FRAME 0x5000u

static char console[4096];

static void console_put(void *cx, const char *text)
{
	(void)cx;
	strncat(console, text, sizeof console - strlen(console) - 1);
}

/* The program image: every byte reads 0xab; nothing beyond 0x02000000. */
static bool image(const struct task *t, word_t va, void *buf, word_t len)
{
	(void)t;
	if (va >= 0x02000000u)
		return false;
	memset(buf, 0xab, len);
	return true;
}

static const char *exec_path(const struct task *t)
{
	(void)t;
	return "/path/of/server.elf";
}

static const struct gdb_ops ops = {image, exec_path, console_put, 0};
static struct gdb G;
static char out[GDB_PACKET_MAX + 1];

static enum gdb_action pkt(const char *in)
{
	return gdb_packet(&G, in, strlen(in), out);
}

static struct thread *setup(const struct arch *a)
{
	unit_kernel_setup();
	struct thread *t = unit_thread(5, 0, a);
	unit_thread(5, 1, a);
	t->task->name = "server.elf";
	gdb_init(&G, unit_kernel(), &ops, a, 5);
	return t;
}

static void test_stop_and_threads(void)
{
	struct thread *t = setup(&arch_arm);
	/* the first thread of task 5 to run stops first: gdb connects there */
	CHECK(gdb_before_run(&G, t) == GDB_STOP);
	CHECK(pkt("?") == GDB_REPLY && !strcmp(out, "T05thread:p5.1;"));
	CHECK(gdb_before_run(&G, t) == GDB_RUN);
	CHECK(pkt("qSupported:multiprocess+") == GDB_REPLY && strstr(out, "multiprocess+") &&
	      strstr(out, "qXfer:features:read+"));
	CHECK(pkt("qfThreadInfo") == GDB_REPLY && !strcmp(out, "mp5.1,p5.2"));
	CHECK(pkt("qsThreadInfo") == GDB_REPLY && !strcmp(out, "l"));
	CHECK(pkt("Tp5.2") == GDB_REPLY && !strcmp(out, "OK"));
	CHECK(pkt("Tp5.9") == GDB_REPLY && out[0] == 'E');
	CHECK(pkt("qXfer:threads:read::0,fff") == GDB_REPLY &&
	      strstr(out, "<thread id=\"p5.2\" core=\"0\" name=\"5.01 server.elf\">"));
	CHECK(pkt("qXfer:exec-file:read:5:0,fff") == GDB_REPLY &&
	      !strcmp(out, "l/path/of/server.elf"));
	/* a thread of a task gdb has not heard of stops as a library event, once */
	struct thread *other = unit_thread(6, 0, &arch_arm);
	CHECK(gdb_before_run(&G, other) == GDB_STOP);
	gdb_stop_reply(&G, out);
	CHECK(!strcmp(out, "T05thread:p6.1;library:;"));
	CHECK(gdb_before_run(&G, other) == GDB_RUN);
	CHECK(pkt("vCont?") == GDB_REPLY && !strcmp(out, "vCont;c;C")); /* arm: gdb steps */
	/* gdb resumes task 5 only: task 6's ready thread is held off the ready queue */
	CHECK(pkt("vCont;c:p5.-1") == GDB_RESUME);
	CHECK(gdb_before_run(&G, t) == GDB_RUN);
	CHECK(other->state == TS_READY && other->queued);
	CHECK(gdb_before_run(&G, other) == GDB_HOLD && !other->queued && G.nheld == 1);
	CHECK(pkt("vCont;c") == GDB_RESUME); /* everything: it is ready again */
	CHECK(other->queued && G.nheld == 0);
	CHECK(pkt("vKill;5") == GDB_KILL);
}

/* Whichever program's thread runs first, gdb is shown the first program's (its first stop). */
static void test_first_stop(void)
{
	struct thread *t = setup(&arch_arm);
	struct thread *later = unit_thread(6, 0, &arch_arm);
	CHECK(gdb_before_run(&G, later) == GDB_STOP);
	gdb_stop_reply(&G, out);
	CHECK(!strcmp(out, "T05thread:p5.1;"));
	CHECK(pkt("qfThreadInfo") == GDB_REPLY && !strcmp(out, "mp5.1,p5.2,p6.1")); /* gdb asks */
	CHECK(gdb_before_run(&G, later) == GDB_RUN && gdb_before_run(&G, t) == GDB_RUN);
}

static void test_registers(void)
{
	struct thread *t = setup(&arch_arm);
	gdb_before_run(&G, t);
	t->regs[ARM_R0] = 0x11223344u;
	t->regs[ARM_PC] = TEXT;
	t->regs[ARM_CPSR] = 0x10u;
	CHECK(pkt("g") == GDB_REPLY);
	/* r0..pc, f0..f7 (unavailable, 12 bytes each), fps, cpsr: gdb's classic ARM layout */
	CHECK(strlen(out) == (16 * 4 + 8 * 12 + 4 + 4) * 2);
	CHECK(!strncmp(out, "44332211", 8) && !strncmp(out + 15 * 8, "00000001", 8));
	CHECK(out[16 * 8] == 'x' && !strcmp(out + strlen(out) - 8, "10000000"));
	CHECK(pkt("P0=78563412") == GDB_REPLY && t->regs[ARM_R0] == 0x12345678u);
	CHECK(pkt("p19") == GDB_REPLY && !strcmp(out, "10000000")); /* cpsr is gdb's 25 */
	/* big-endian MIPS: registers in the task's byte order, pc at gdb's 37 */
	t = setup(&arch_mips);
	gdb_before_run(&G, t);
	t->regs[MIPS_PC] = 0x01000040u;
	CHECK(pkt("p25") == GDB_REPLY && !strcmp(out, "01000040"));
	CHECK(pkt("g") == GDB_REPLY && strlen(out) == 72 * 8);
	size_t n = gdb_target_xml(&arch_mips, out, sizeof out);
	CHECK(n < sizeof out && strstr(out, "<architecture>mips</architecture>") &&
	      strstr(out, "<feature name=\"org.gnu.gdb.mips.fpu\">") &&
	      strstr(out, "name=\"pc\" bitsize=\"32\" type=\"code_ptr\" regnum=\"37\""));
}

static void test_memory_and_breakpoints(void)
{
	struct thread *t = setup(&arch_arm);
	struct kernel *k = unit_kernel();
	gdb_before_run(&G, t);
	CHECK(map_kernel_page(t->task, TEXT, FRAME, false));
	memcpy(k->phys + FRAME, "\x01\x02\x03\x04", 4);
	CHECK(pkt("m1000000,4") == GDB_REPLY && !strcmp(out, "01020304"));
	/* untouched: what the image holds; outside it: EFAULT */
	CHECK(pkt("m1001000,2") == GDB_REPLY && !strcmp(out, "abab"));
	CHECK(pkt("m3000000,2") == GDB_REPLY && !strcmp(out, "E14"));
	/* a breakpoint goes into the frame but reads as the code it covers */
	CHECK(pkt("Z0,1000000,4") == GDB_REPLY && !strcmp(out, "OK"));
	CHECK(!memcmp(k->phys + FRAME, arch_arm.gdb_bkpt, 4));
	CHECK(pkt("m1000000,4") == GDB_REPLY && !strcmp(out, "01020304"));
	CHECK(pkt("Z0,1000002,4") == GDB_REPLY && out[0] == 'E'); /* misaligned */
	/* the task hits it: the stop is gdb's and the event is consumed */
	t->regs[ARM_PC] = TEXT;
	struct hw_event ev = {HWEV_TRAP, 0, 0, 0, 0};
	CHECK(gdb_after_event(&G, t, &ev));
	gdb_stop_reply(&G, out);
	CHECK(!strcmp(out, "T05thread:p5.1;swbreak:;"));
	CHECK(pkt("z0,1000000,4") == GDB_REPLY && !memcmp(k->phys + FRAME, "\x01\x02\x03\x04", 4));
	CHECK(!gdb_after_event(&G, t, &ev)); /* no breakpoint there any more */
	/* on a page the task has not touched: pending until its pager maps it */
	CHECK(pkt("Z0,1001000,4") == GDB_REPLY && !strcmp(out, "OK"));
	CHECK(map_kernel_page(t->task, TEXT + PAGE_SIZE, FRAME + PAGE_SIZE, false));
	CHECK(k->phys[FRAME + PAGE_SIZE] == 0);
	CHECK(gdb_before_run(&G, t) == GDB_RUN);
	CHECK(!memcmp(k->phys + FRAME + PAGE_SIZE, arch_arm.gdb_bkpt, 4));
	/* a debugger writes read-only code; writes under a breakpoint go to its saved copy */
	CHECK(pkt("M1001000,4:aabbccdd") == GDB_REPLY && !strcmp(out, "OK"));
	CHECK(!memcmp(k->phys + FRAME + PAGE_SIZE, arch_arm.gdb_bkpt, 4));
	gdb_release(&G);
	CHECK(!memcmp(k->phys + FRAME + PAGE_SIZE, "\xaa\xbb\xcc\xdd", 4));
	CHECK(pkt("M3000000,1:00") == GDB_REPLY && !strcmp(out, "E14"));
}

/* RISC-V: gdb asks for 2 or 4 bytes by the instruction's length; the 2-byte c.ebreak serves both */
static void test_riscv_breakpoints(void)
{
	struct thread *t = setup(&arch_riscv);
	struct kernel *k = unit_kernel();
	gdb_before_run(&G, t);
	CHECK(map_kernel_page(t->task, TEXT, FRAME, false));
	memcpy(k->phys + FRAME, "\x01\x02\x03\x04\x05\x06", 6);
	CHECK(pkt("Z0,1000000,4") == GDB_REPLY && !strcmp(out, "OK"));
	CHECK(!memcmp(k->phys + FRAME, "\x02\x90\x03\x04", 4));
	CHECK(pkt("Z0,1000004,2") == GDB_REPLY && !strcmp(out, "OK"));
	CHECK(!memcmp(k->phys + FRAME + 4, "\x02\x90", 2));
	CHECK(pkt("m1000000,6") == GDB_REPLY && !strcmp(out, "010203040506"));
	CHECK(pkt("Z0,1000001,2") == GDB_REPLY && out[0] == 'E');
	CHECK(pkt("z0,1000000,4") == GDB_REPLY && pkt("z0,1000004,2") == GDB_REPLY);
	CHECK(!memcmp(k->phys + FRAME, "\x01\x02\x03\x04\x05\x06", 6));
	size_t n = gdb_target_xml(&arch_riscv, out, sizeof out);
	CHECK(n < sizeof out && strstr(out, "<architecture>riscv:rv32</architecture>") &&
	      strstr(out, "name=\"pc\" bitsize=\"32\" type=\"code_ptr\" regnum=\"32\""));
	/* ARM's breakpoint is 4 bytes: a 2-byte request does not fit */
	gdb_before_run(&G, setup(&arch_arm));
	CHECK(pkt("Z0,1000000,2") == GDB_REPLY && out[0] == 'E');
}

static void test_monitor(void)
{
	struct thread *t = setup(&arch_arm);
	gdb_before_run(&G, t);
	console[0] = 0;
	CHECK(pkt("qRcmd,74687265616473") == GDB_REPLY && !strcmp(out, "OK")); /* threads */
	CHECK(strstr(console, "5.01 server.elf (arm) prio "));
	console[0] = 0;
	CHECK(map_kernel_page(t->task, TEXT, FRAME, true));
	gdb_monitor(&G, "mappings 5 1000000 1003000");
	CHECK(
	    strstr(console, "0x01000000-0x01000fff -> frames 0x00005000-0x00005fff rw (1 page)") &&
	    strstr(console, "task 5: 1 page mapped"));
	console[0] = 0;
	gdb_monitor(&G, "mappings 77");
	CHECK(strstr(console, "usage: monitor mappings"));
}

const struct unit_test gdb_tests[] = {
    {"gdb: stops, threads, processes", test_stop_and_threads},
    {"gdb: the first stop shows the first program", test_first_stop},
    {"gdb: registers in each ISA's layout and byte order", test_registers},
    {"gdb: memory through page tables, breakpoints in frames", test_memory_and_breakpoints},
    {"gdb: riscv breakpoints where gdb asks for 2 or 4 bytes", test_riscv_breakpoints},
    {"gdb: monitor views", test_monitor},
    {0, 0},
};
