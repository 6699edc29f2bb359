/* Host-side protocol test of the task stub (os/linux/stub/stub.c): plays a minimal kernel.
 *
 *   stub_protocol_test <x86|arm|mips|mipsel|riscv> <path of the stub> [qemu binary]
 *
 * It creates the mailbox and a 1 MiB physical-memory memfd, starts the stub as a task process
 * (fd 3 / fd 4, natively or under qemu) and drives it through the mailbox protocol exactly as the
 * kernel does: futex hand-off on mbox.ctl, words in the task's byte order, queued MAP / UNMAP /
 * PROTECT operations, RESUME / OPS_ONLY / EXIT. A small hand-assembled program per ISA runs in the
 * task and exercises an L4 system-call trap, a page fault with restart, a kdebug breakpoint, an
 * illegal instruction, a protection fault and a loop of null traps (timed, informative only).
 * Every wait has a timeout: a broken stub makes the test fail, never hang.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arch/arm/trapregs.h"
#include "arch/mips/trapregs.h"
#include "arch/riscv/trapregs.h"
#include "arch/x86/trapregs.h"
#include "os/linux/mbox.h"
#include "stub_test_proc.h"

enum arch { A_X86, A_ARM, A_MIPS, A_RISCV };

#define PHYS_SIZE  (1u << 20)
#define PAGE	   4096u
#define CODE_VA	   0x00100000u /* pfn 0, R|X: the program below */
#define DATA_VA	   0x00200000u /* pfn 1, R|W: the program's stores */
#define FAULT_VA   0x00300000u /* unmapped at first; then pfn 2, later read-only, then R|W */
#define OPSONLY_VA 0x00400000u /* pfn 3, R: mapped by an OPS_ONLY round trip */
#define V1	   0x1234abcdu
#define V2	   0x5a5a0001u
#define V3	   0xc0ffee03u
#define V4	   0x0badf00du
#define MAGIC_IPC  0xfffffff4u
#define NULL_TRAPS 2000
#define TIMEOUT_S  10.0

static enum arch arch;
static int big_endian;
static const char *isa;
static struct mbox *mb;
static unsigned char *phys;
static pid_t child = -1;
static int failures;

/* ---- byte order: every mailbox and physical-memory word is in the task's byte order ---- */

static uint32_t tswap(uint32_t v)
{
	return big_endian ? __builtin_bswap32(v) : v;
}
static uint32_t rd(const uint32_t *p)
{
	return tswap(__atomic_load_n(p, __ATOMIC_ACQUIRE));
}
static void wr(uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, tswap(v), __ATOMIC_RELAXED);
}
static uint32_t preg(unsigned i)
{
	return rd(&mb->regs[i]);
}
static void setreg(unsigned i, uint32_t v)
{
	wr(&mb->regs[i], v);
}
static uint32_t phys_rd(uint32_t off)
{
	return rd((const uint32_t *)(phys + off));
}
static void phys_wr(uint32_t off, uint32_t v)
{
	wr((uint32_t *)(phys + off), v);
}

/* ---- reporting ---- */

static void check(int ok, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("%s: [%s] ", ok ? "PASS" : "FAIL", isa);
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
	if (!ok)
		failures++;
}

static void check_eq(const char *what, uint32_t got, uint32_t want)
{
	if (got == want)
		check(1, "%s = %#x", what, got);
	else
		check(0, "%s = %#x, expected %#x", what, got, want);
}

static __attribute__((noreturn)) void bail(const char *why)
{
	check(0, "%s", why);
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	printf("RESULT: [%s] FAIL (%d failures)\n", isa, failures);
	exit(1);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- the kernel side of the futex hand-off ---- */

static long futex(uint32_t *w, int op, uint32_t val, const struct timespec *ts)
{
	/* Non-private: the word is shared with another process. */
	return syscall(SYS_futex, w, op, val, ts, NULL, 0);
}

/* Wait until the stub sits in its handler (ctl == IN_KERNEL). Fails after TIMEOUT_S or when the
 * task process dies. The compare value is the raw in-memory word, whatever its byte order. */
static void wait_kernel(const char *what)
{
	double deadline = now() + TIMEOUT_S;
	for (;;) {
		uint32_t raw = __atomic_load_n(&mb->ctl, __ATOMIC_ACQUIRE);
		if (tswap(raw) == MBOX_IN_KERNEL)
			return;
		struct timespec ts = {0, 100 * 1000 * 1000};
		/* as the kernel does: the stub wakes only a side that said it sleeps */
		__atomic_store_n(&mb->kernel_sleeps, tswap(1), __ATOMIC_SEQ_CST);
		long r = tswap(__atomic_load_n(&mb->ctl, __ATOMIC_SEQ_CST)) == MBOX_IN_KERNEL
			     ? 0
			     : futex(&mb->ctl, FUTEX_WAIT, raw, &ts);
		__atomic_store_n(&mb->kernel_sleeps, 0, __ATOMIC_SEQ_CST);
		if (r == 0 || errno != ETIMEDOUT)
			continue;
		int st;
		if (waitpid(child, &st, WNOHANG) == child) {
			char buf[160];
			snprintf(buf, sizeof buf, "task process died while waiting for %s (%s %d)",
				 what, WIFEXITED(st) ? "exit status" : "signal",
				 WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
			child = -1;
			bail(buf);
		}
		if (now() > deadline) {
			char buf[160];
			snprintf(buf, sizeof buf, "timeout waiting for %s", what);
			bail(buf);
		}
	}
}

static void hand_to_task(uint32_t cmd)
{
	wr(&mb->cmd, cmd);
	__atomic_store_n(&mb->ctl, tswap(MBOX_IN_TASK), __ATOMIC_SEQ_CST);
	futex(&mb->ctl, FUTEX_WAKE, 1, NULL);
}

static void queue_op(uint32_t kind, uint32_t va, uint32_t npages, uint32_t pfn, uint32_t prot)
{
	uint32_t n = rd(&mb->nops);
	struct mbox_op *op = &mb->ops[n];
	wr(&op->kind, kind);
	wr(&op->vaddr, va);
	wr(&op->npages, npages);
	wr(&op->pfn, pfn);
	wr(&op->prot, prot);
	wr(&mb->nops, n + 1);
}

/* ---- the per-ISA program ---- */

struct isa_desc {
	unsigned nregs, s0, pc, sp, ret; /* ret: lr/ra slot, or none (x86) */
	/* offsets into the program (from CODE_VA) */
	uint32_t trap_a, after_a, fault_b, brk_c, ill_d, ill_len, prot_e, loop_trap, loop_after;
};

/* ia32 (bytes):
 *   0: b8 cd ab 34 12       mov $0x1234abcd,%eax
 *   5: a3 00 00 20 00       mov %eax,0x200000
 *   a: cd 30                int $0x30                (A: #GP, err 0x182)
 *   c: a3 04 00 20 00       mov %eax,0x200004        (EAX = V2 from the "kernel")
 *  11: 8b 1d 00 00 30 00    mov 0x300000,%ebx        (B: page fault, read)
 *  17: 89 1d 08 00 20 00    mov %ebx,0x200008
 *  1d: cc                   int3                     (C: kdebug)
 *  1e: 3c 02                cmp $0x2,%al
 *  20: 0f 0b                ud2                      (D: SIGILL)
 *  22: 8b 0d 00 00 40 00    mov 0x400000,%ecx        (page mapped by OPS_ONLY)
 *  28: 89 0d 0c 00 20 00    mov %ecx,0x20000c
 *  2e: 89 0d 00 00 30 00    mov %ecx,0x300000        (E: protection fault, write)
 *  34: cd 30                int $0x30                (loop of null traps)
 *  36: eb fc                jmp 0x34 */
static const uint8_t x86_code[] = {
    0xb8, 0xcd, 0xab, 0x34, 0x12, 0xa3, 0x00, 0x00, 0x20, 0x00, 0xcd, 0x30, 0xa3, 0x04,
    0x00, 0x20, 0x00, 0x8b, 0x1d, 0x00, 0x00, 0x30, 0x00, 0x89, 0x1d, 0x08, 0x00, 0x20,
    0x00, 0xcc, 0x3c, 0x02, 0x0f, 0x0b, 0x8b, 0x0d, 0x00, 0x00, 0x40, 0x00, 0x89, 0x0d,
    0x0c, 0x00, 0x20, 0x00, 0x89, 0x0d, 0x00, 0x00, 0x30, 0x00, 0xcd, 0x30, 0xeb, 0xfc};
static const struct isa_desc x86_desc = {
    X86_NREGS, X86_EAX, X86_EIP, X86_ESP, ~0u, 0x0a, 0x0c, 0x11, 0x1e /* eip after int3 */,
    0x20,      2,	0x2e,	 0x34,	  0x36};

/* ARM (words, ARM state):
 *   0: e30a0bcd  movw r0, #0xabcd
 *   4: e3410234  movt r0, #0x1234
 *   8: e3a04602  mov r4, #0x200000
 *   c: e5840000  str r0, [r4]
 *  10: e1a0e00f  mov lr, pc
 *  14: e3e0f00b  mvn pc, #11                (A: fetch at 0xfffffff4, lr = 0x18)
 *  18: e5840004  str r0, [r4, #4]
 *  1c: e3a05603  mov r5, #0x300000
 *  20: e5951000  ldr r1, [r5]               (B)
 *  24: e5841008  str r1, [r4, #8]
 *  28: e1201072  bkpt 0x0102                (C)
 *  2c: e7f000f0  udf #0                     (D)
 *  30: e3a06501  mov r6, #0x400000
 *  34: e5962000  ldr r2, [r6]
 *  38: e584200c  str r2, [r4, #12]
 *  3c: e5852000  str r2, [r5]               (E)
 *  40: e1a0e00f  mov lr, pc
 *  44: e3e0f00b  mvn pc, #11                (loop)
 *  48: eafffffc  b 0x40 */
static const uint32_t arm_code[] = {0xe30a0bcd, 0xe3410234, 0xe3a04602, 0xe5840000, 0xe1a0e00f,
				    0xe3e0f00b, 0xe5840004, 0xe3a05603, 0xe5951000, 0xe5841008,
				    0xe1201072, 0xe7f000f0, 0xe3a06501, 0xe5962000, 0xe584200c,
				    0xe5852000, 0xe1a0e00f, 0xe3e0f00b, 0xeafffffc};
static const struct isa_desc arm_desc = {ARM_NREGS, ARM_R0, ARM_PC, ARM_SP, ARM_LR, 0x14, 0x18,
					 0x20,	    0x28,   0x2c,   4,	    0x3c,   0x44, 0x48};

/* MIPS o32 (words, written in the task's byte order):
 *   0: 3c041234  lui a0, 0x1234
 *   4: 3484abcd  ori a0, a0, 0xabcd
 *   8: 3c100020  lui s0, 0x20
 *   c: ae040000  sw a0, 0(s0)
 *  10: 2419fff4  li t9, 0xfffffff4
 *  14: 0320f809  jalr t9                    (A: fetch at 0xfffffff4, ra = 0x1c)
 *  18: 00000000  nop
 *  1c: ae040004  sw a0, 4(s0)
 *  20: 3c110030  lui s1, 0x30
 *  24: 8e250000  lw a1, 0(s1)               (B)
 *  28: ae050008  sw a1, 8(s0)
 *  2c: 0102000d  break 0x102                (C)
 *  30: 0000003f  dsra32 (MIPS64 only)       (D: reserved instruction)
 *  34: 3c120040  lui s2, 0x40
 *  38: 8e460000  lw a2, 0(s2)
 *  3c: ae06000c  sw a2, 12(s0)
 *  40: ae260000  sw a2, 0(s1)               (E)
 *  44: 2419fff4  li t9, 0xfffffff4
 *  48: 0320f809  jalr t9                    (loop)
 *  4c: 00000000  nop
 *  50: 1000fffc  b 0x44
 *  54: 00000000  nop */
static const uint32_t mips_code[] = {
    0x3c041234, 0x3484abcd, 0x3c100020, 0xae040000, 0x2419fff4, 0x0320f809, 0x00000000, 0xae040004,
    0x3c110030, 0x8e250000, 0xae050008, 0x0102000d, 0x0000003f, 0x3c120040, 0x8e460000, 0xae06000c,
    0xae260000, 0x2419fff4, 0x0320f809, 0x00000000, 0x1000fffc, 0x00000000};
static const struct isa_desc mips_desc = {MIPS_NREGS, MIPS_A0, MIPS_PC, MIPS_SP, MIPS_RA,
					  0x14,	      0x1c,    0x24,	0x2c,	 0x30,
					  4,	      0x40,    0x48,	0x50};

/* RISC-V RV32 (words, uncompressed):
 *   0: 1234b537  lui a0, 0x1234b
 *   4: bcd50513  addi a0, a0, -1075          (a0 = 0x1234abcd)
 *   8: 00200437  lui s0, 0x200
 *   c: 00a42023  sw a0, 0(s0)
 *  10: ff4000e7  jalr ra, -12(zero)          (A: fetch at 0xfffffff4, ra = 0x14)
 *  14: 00a42223  sw a0, 4(s0)
 *  18: 003004b7  lui s1, 0x300
 *  1c: 0004a583  lw a1, 0(s1)                (B)
 *  20: 00b42423  sw a1, 8(s0)
 *  24: 00100073  ebreak                      (C)
 *  28: 10200013  addi x0, x0, 0x102          (its kdebug marker)
 *  2c: 00000000  all zeros                   (D: illegal)
 *  30: 00400937  lui s2, 0x400
 *  34: 00092603  lw a2, 0(s2)
 *  38: 00c42623  sw a2, 12(s0)
 *  3c: 00c4a023  sw a2, 0(s1)                (E)
 *  40: ff4000e7  jalr ra, -12(zero)          (loop)
 *  44: ffdff06f  j 0x40 */
static const uint32_t riscv_code[] = {0x1234b537, 0xbcd50513, 0x00200437, 0x00a42023, 0xff4000e7,
				      0x00a42223, 0x003004b7, 0x0004a583, 0x00b42423, 0x00100073,
				      0x10200013, 0x00000000, 0x00400937, 0x00092603, 0x00c42623,
				      0x00c4a023, 0xff4000e7, 0xffdff06f};
static const struct isa_desc riscv_desc = {RV_NREGS, RV_A0, RV_PC, RV_SP, RV_RA, 0x10, 0x14,
					   0x1c,     0x24,  0x2c,  4,	  0x3c,	 0x40, 0x44};

static const struct isa_desc *d;
static uint32_t user_end; /* end of the L4 user range, docs/abi/<arch>.md */

/* A spin loop at CODE_VA + SPIN_OFF for the preemption test: x86 `jmp .` (eb fe), ARM `b .`
 * (eafffffe), MIPS `b .; nop` (1000ffff 00000000). */
#define SPIN_OFF 0x100u

static void load_program(void)
{
	if (arch == A_X86) {
		memcpy(phys, x86_code, sizeof x86_code);
		phys[SPIN_OFF] = 0xeb, phys[SPIN_OFF + 1] = 0xfe;
	} else {
		const uint32_t *w = arch == A_ARM    ? arm_code
				    : arch == A_MIPS ? mips_code
						     : riscv_code;
		size_t n = arch == A_ARM    ? sizeof arm_code / 4
			   : arch == A_MIPS ? sizeof mips_code / 4
					    : sizeof riscv_code / 4;
		for (size_t i = 0; i < n; i++)
			phys_wr(i * 4, w[i]);
		/* RISC-V `j .` is 0000006f */
		uint32_t spin = arch == A_ARM ? 0xeafffffe : arch == A_MIPS ? 0x1000ffff : 0x6f;
		phys_wr(SPIN_OFF, spin);
		phys_wr(SPIN_OFF + 4, arch == A_MIPS ? 0x00000000 : spin);
	}
}

/* The resume address after a system-call trap: x86 after the 2-byte int, else lr/ra. */
static uint32_t syscall_return(void)
{
	return arch == A_X86 ? preg(X86_EIP) + 2 : preg(d->ret);
}

/* An L4 system-call trap at CODE_VA + at, returning to CODE_VA + after. */
static void check_ipc_trap(const char *what, uint32_t at, uint32_t after)
{
	char buf[96];
	snprintf(buf, sizeof buf, "%s: event", what);
	check_eq(buf, rd(&mb->event), MBOX_EV_SEGV);
	snprintf(buf, sizeof buf, "%s: sig_code", what);
	check_eq(buf, rd(&mb->sig_code),
		 arch == A_X86 ? 0x80 /* SI_KERNEL */ : 1 /* SEGV_MAPERR */);
	if (arch == A_X86) {
		snprintf(buf, sizeof buf, "%s: trapno", what);
		check_eq(buf, rd(&mb->trapno), 13);
		snprintf(buf, sizeof buf, "%s: err (int $0x30)", what);
		check_eq(buf, rd(&mb->err), 0x182);
		snprintf(buf, sizeof buf, "%s: eip", what);
		check_eq(buf, preg(X86_EIP), CODE_VA + at);
	} else {
		snprintf(buf, sizeof buf, "%s: fault_addr", what);
		check_eq(buf, rd(&mb->fault_addr), MAGIC_IPC);
		snprintf(buf, sizeof buf, "%s: pc", what);
		check_eq(buf, preg(d->pc), MAGIC_IPC);
		snprintf(buf, sizeof buf, "%s: %s (return address)", what,
			 arch == A_ARM ? "lr" : "ra");
		check_eq(buf, preg(d->ret), CODE_VA + after);
	}
}

static void check_fault(const char *what, uint32_t at, uint32_t addr, int write, uint32_t si_code)
{
	char buf[96];
	snprintf(buf, sizeof buf, "%s: event", what);
	check_eq(buf, rd(&mb->event), MBOX_EV_SEGV);
	snprintf(buf, sizeof buf, "%s: fault_addr", what);
	check_eq(buf, rd(&mb->fault_addr), addr);
	snprintf(buf, sizeof buf, "%s: sig_code", what);
	check_eq(buf, rd(&mb->sig_code), si_code);
	snprintf(buf, sizeof buf, "%s: pc", what);
	check_eq(buf, preg(d->pc), CODE_VA + at);
	if (arch == A_X86) {
		snprintf(buf, sizeof buf, "%s: trapno", what);
		check_eq(buf, rd(&mb->trapno), 14);
		snprintf(buf, sizeof buf, "%s: err write bit", what);
		check_eq(buf, rd(&mb->err) & 2, write ? 2 : 0);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: %s <x86|arm|mips|mipsel|riscv> <stub> [qemu]\n", argv[0]);
		return 2;
	}
	isa = argv[1];
	const char *stub = argv[2], *qemu = argc > 3 ? argv[3] : NULL;
	if (!strcmp(isa, "x86"))
		arch = A_X86, d = &x86_desc;
	else if (!strcmp(isa, "arm"))
		arch = A_ARM, d = &arm_desc;
	else if (!strcmp(isa, "mips"))
		arch = A_MIPS, d = &mips_desc, big_endian = 1;
	else if (!strcmp(isa, "mipsel"))
		arch = A_MIPS, d = &mips_desc;
	else if (!strcmp(isa, "riscv"))
		arch = A_RISCV, d = &riscv_desc;
	else {
		fprintf(stderr, "stub_protocol_test: unknown isa '%s'\n", isa);
		return 2;
	}
	user_end = arch == A_MIPS ? 0x70000000u : 0xC0000000u;
	if (qemu && !strcmp(isa, "x86"))
		isa = "x86-emulated";
	if (access(stub, X_OK)) {
		fprintf(stderr, "stub_protocol_test: %s: %s\n", stub, strerror(errno));
		return 2;
	}

	int mbfd = memfd_create("umol4-mbox", MFD_CLOEXEC);
	int physfd = memfd_create("umol4-phys", MFD_CLOEXEC);
	if (mbfd < 0 || physfd < 0 || ftruncate(mbfd, MBOX_SIZE) || ftruncate(physfd, PHYS_SIZE))
		bail("memfd setup failed");
	mb = mmap(NULL, MBOX_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, mbfd, 0);
	phys = mmap(NULL, PHYS_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, physfd, 0);
	if (mb == MAP_FAILED || phys == MAP_FAILED)
		bail("mmap failed");

	char name[16];
	snprintf(name, sizeof name, "stubt%d", (int)(getpid() % 1000000));
	memcpy(mb->name, name, sizeof name);

	/* 1. Start: the stub reports MBOX_EV_START from inside its handler. */
	child = stub_test_start(stub, qemu, mbfd, physfd);
	if (child < 0)
		bail("fork failed");
	double t0 = now();
	wait_kernel("MBOX_EV_START");
	printf("INFO: [%s] startup to first handler entry: %.1f ms\n", isa, (now() - t0) * 1e3);
	check_eq("start: event", rd(&mb->event), MBOX_EV_START);
	check_eq("start: nregs", rd(&mb->nregs), d->nregs);
	{
		char path[64], comm[32] = "";
		snprintf(path, sizeof path, "/proc/%d/comm", (int)child);
		FILE *f = fopen(path, "r");
		if (f) {
			if (!fgets(comm, sizeof comm, f))
				comm[0] = 0;
			fclose(f);
		}
		comm[strcspn(comm, "\n")] = 0;
		check(!strcmp(comm, name), "process name '%s' (want '%s')", comm, name);
	}
	if (arch == A_X86 && !qemu)
		check(stub_test_lowest_mapping(child) >= 0xC0000000ul,
		      "L4 user range unmapped (lowest mapping %#lx)",
		      stub_test_lowest_mapping(child));

	/* 2. Map the program and a data page, start it: V1 -> S0 -> [data], then ipc trap. */
	load_program();
	queue_op(MBOX_OP_MAP, CODE_VA, 1, 0, MBOX_PROT_R | MBOX_PROT_X);
	queue_op(MBOX_OP_MAP, DATA_VA, 1, 1, MBOX_PROT_R | MBOX_PROT_W);
	wr(&mb->op_errors, 0);
	for (unsigned i = 0; i < MBOX_NREGS; i++)
		setreg(i, 0);
	setreg(d->pc, CODE_VA);
	setreg(d->sp, DATA_VA + PAGE - 64);
	if (arch == A_X86)
		setreg(X86_EFLAGS, 0x202);
	else if (arch == A_ARM)
		setreg(ARM_CPSR, 0x10);
	hand_to_task(MBOX_CMD_RESUME);
	wait_kernel("the ipc trap");
	check_eq("start ops: nops cleared", rd(&mb->nops), 0);
	check_eq("start ops: op_errors", rd(&mb->op_errors), 0);
	check_ipc_trap("ipc trap", d->trap_a, d->after_a);
	check_eq("ipc trap: S0 register", preg(d->s0), V1);
	check_eq("ipc trap: store seen in physical memory", phys_rd(PAGE), V1);

	/* 3. Resume after the trap with a changed result register; the program stores it and reads
	 * an unmapped page: page fault, then map it and restart the instruction. */
	setreg(d->pc, syscall_return());
	setreg(d->s0, V2);
	hand_to_task(MBOX_CMD_RESUME);
	wait_kernel("the page fault");
	check_fault("page fault", d->fault_b, FAULT_VA, 0, 1 /* SEGV_MAPERR */);
	check_eq("page fault: resumed register value stored", phys_rd(PAGE + 4), V2);
	phys_wr(2 * PAGE, V3);
	queue_op(MBOX_OP_MAP, FAULT_VA, 1, 2, MBOX_PROT_R | MBOX_PROT_W);
	hand_to_task(MBOX_CMD_RESUME);

	/* 4. kdebug breakpoint. */
	wait_kernel("the breakpoint");
	check_eq("breakpoint: event", rd(&mb->event), MBOX_EV_TRAP);
	check_eq("breakpoint: pc", preg(d->pc), CODE_VA + d->brk_c);
	check_eq("breakpoint: restarted load stored", phys_rd(PAGE + 8), V3);
	if (arch == A_X86)
		check_eq("breakpoint: trapno", rd(&mb->trapno), 3);
	if (arch != A_X86) /* x86 resumes after int3 at the cmpb; elsewhere pc is the trap */
		setreg(d->pc, preg(d->pc) + 4);
	hand_to_task(MBOX_CMD_RESUME);

	/* 5. Illegal instruction. */
	wait_kernel("the illegal instruction");
	check_eq("illegal instruction: event", rd(&mb->event), MBOX_EV_ILL);
	check_eq("illegal instruction: pc", preg(d->pc), CODE_VA + d->ill_d);
	if (arch == A_X86)
		check_eq("illegal instruction: trapno", rd(&mb->trapno), 6);

	/* 6. OPS_ONLY round trip: map a page, a bad op (unaligned unmap), make FAULT_VA read-only.
	 * The stub must apply them and come straight back without touching event or registers. */
	wr(&mb->op_errors, 0);
	wr(&mb->first_err, 0);
	phys_wr(3 * PAGE, V4);
	queue_op(MBOX_OP_MAP, OPSONLY_VA, 1, 3, MBOX_PROT_R);
	queue_op(MBOX_OP_UNMAP, CODE_VA + 0x123, 1, 0, 0);
	queue_op(MBOX_OP_PROTECT, FAULT_VA, 1, 0, MBOX_PROT_R);
	queue_op(MBOX_OP_MAP, user_end - PAGE, 2, 4, MBOX_PROT_R); /* reaches into the stub area */
	wr(&mb->fault_addr, 0xdeadbeef); /* the stub must not rewrite the trap record */
	hand_to_task(MBOX_CMD_OPS_ONLY);
	wait_kernel("the OPS_ONLY round trip");
	check_eq("ops only: nops cleared", rd(&mb->nops), 0);
	check_eq("ops only: op_errors (unaligned unmap, map into stub area)", rd(&mb->op_errors),
		 2);
	check_eq("ops only: first_err", rd(&mb->first_err), EINVAL);
	check_eq("ops only: event unchanged", rd(&mb->event), MBOX_EV_ILL);
	check_eq("ops only: trap record unchanged", rd(&mb->fault_addr), 0xdeadbeef);
	check_eq("ops only: pc unchanged", preg(d->pc), CODE_VA + d->ill_d);

	/* 7. Resume after the illegal instruction: load from the OPS_ONLY page, store into the now
	 * read-only page: protection fault; make it writable and restart the store. */
	wr(&mb->op_errors, 0);
	setreg(d->pc, preg(d->pc) + d->ill_len);
	hand_to_task(MBOX_CMD_RESUME);
	wait_kernel("the protection fault");
	check_fault("protection fault", d->prot_e, FAULT_VA, 1, 2 /* SEGV_ACCERR */);
	check_eq("protection fault: value from OPS_ONLY mapping", phys_rd(PAGE + 12), V4);
	queue_op(MBOX_OP_PROTECT, FAULT_VA, 1, 0, MBOX_PROT_R | MBOX_PROT_W);
	hand_to_task(MBOX_CMD_RESUME);

	/* 8. The null-trap loop: the first trap shows the restarted store; then time round trips.
	 */
	wait_kernel("the first null trap");
	check_ipc_trap("null trap", d->loop_trap, d->loop_after);
	check_eq("null trap: restarted store reached physical memory", phys_rd(2 * PAGE), V4);
	check_eq("null trap: op_errors", rd(&mb->op_errors), 0);

	if (stub_test_pin(child) < 0)
		printf("INFO: [%s] could not pin to one cpu: %s\n", isa, strerror(errno));
	double g0 = now();
	for (int i = 0; i < 20000; i++)
		syscall(SYS_getpid);
	double getpid_us = (now() - g0) / 20000 * 1e6;
	int ok = 1;
	t0 = now();
	for (int i = 0; i < NULL_TRAPS; i++) {
		setreg(d->pc, syscall_return());
		hand_to_task(MBOX_CMD_RESUME);
		wait_kernel("a null trap");
		ok &= rd(&mb->event) == MBOX_EV_SEGV &&
		      preg(d->pc) == (arch == A_X86 ? CODE_VA + d->loop_trap : MAGIC_IPC);
	}
	double rt_us = (now() - t0) / NULL_TRAPS * 1e6;
	check(ok, "%d null traps all arrived as ipc traps", NULL_TRAPS);
	printf("INFO: [%s] trap->kernel->resume round trip: %.2f us (getpid %.3f us, ratio %.0fx), "
	       "one CPU\n",
	       isa, rt_us, getpid_us, rt_us / getpid_us);

	/* 9. Preemption: run a spin loop (`jmp .` / `b .`) and send the task SIGALRM, as the
	 * kernel's timer does. The stub reports MBOX_EV_PREEMPT with the loop's pc. */
	setreg(d->pc, CODE_VA + SPIN_OFF);
	hand_to_task(MBOX_CMD_RESUME);
	usleep(20000);
	if (kill(child, SIGALRM))
		bail("kill(SIGALRM) failed");
	wait_kernel("the preemption");
	check_eq("preemption: event", rd(&mb->event), MBOX_EV_PREEMPT);
	check_eq("preemption: pc in the spin loop", preg(d->pc), CODE_VA + SPIN_OFF);

	/* 10. EXIT: the process exits with status 0 and leaves nothing behind. */
	hand_to_task(MBOX_CMD_EXIT);
	int st = 0;
	pid_t r = 0;
	double deadline = now() + TIMEOUT_S;
	while ((r = waitpid(child, &st, WNOHANG)) == 0 && now() < deadline)
		usleep(1000);
	if (r != child)
		bail("task process did not exit after MBOX_CMD_EXIT");
	pid_t gone = child;
	child = -1;
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit: status %s %d",
	      WIFEXITED(st) ? "exit" : "signal", WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
	check(kill(gone, 0) < 0 && errno == ESRCH, "exit: process %d is gone", (int)gone);
	check(!stub_test_name_alive(name), "exit: no process named '%s' left", name);

	printf("RESULT: [%s] %s (%d failures)\n", isa, failures ? "FAIL" : "PASS", failures);
	return failures ? 1 : 0;
}
