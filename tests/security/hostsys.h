/* Raw Linux system calls from L4 code, per ISA: what a hostile or broken L4 program can execute
 * (tests/security). Numbers are each ISA's own Linux ABI (i386, ARM EABI, MIPS o32, RISC-V ilp32).
 */
#ifndef UMOL4_TESTS_HOSTSYS_H
#define UMOL4_TESTS_HOSTSYS_H

#if defined(__i386__)
enum {
	NR_fork = 2,
	NR_read = 3,
	NR_write = 4,
	NR_open = 5,
	NR_lseek = 19,
	NR_ptrace = 26,
	NR_kill = 37,
	NR_getppid = 64,
	NR_mprotect = 125,
	NR_mremap = 163,
	NR_mmap2 = 192,
	NR_socket = 359,
	NR_prctl = 172
};
static inline long host_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	long r;
	/* ebp cannot be an asm operand: arguments 5 and 6 come from memory through edi */
	long args[2] = {e, f}, *ap = args;
	__asm__ __volatile__("pushl %%ebp\n\tmovl 4(%%edi), %%ebp\n\tmovl (%%edi), %%edi\n\t"
			     "int $0x80\n\tpopl %%ebp"
			     : "=a"(r), "+D"(ap)
			     : "0"(nr), "b"(a), "c"(b), "d"(c), "S"(d)
			     : "memory");
	return r;
}
#elif defined(__arm__)
enum {
	NR_fork = 2,
	NR_read = 3,
	NR_write = 4,
	NR_open = 5,
	NR_lseek = 19,
	NR_ptrace = 26,
	NR_kill = 37,
	NR_getppid = 64,
	NR_mprotect = 125,
	NR_mremap = 163,
	NR_mmap2 = 192,
	NR_socket = 281,
	NR_prctl = 172
};
static inline long host_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r3 __asm__("r3") = d;
	register long r4 __asm__("r4") = e;
	register long r5 __asm__("r5") = f;
	register long r7 __asm__("r7") = nr;
	__asm__ __volatile__("svc 0"
			     : "+r"(r0)
			     : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
			     : "memory");
	return r0;
}
#elif defined(__mips__)
enum {
	NR_fork = 4002,
	NR_read = 4003,
	NR_write = 4004,
	NR_open = 4005,
	NR_lseek = 4019,
	NR_ptrace = 4026,
	NR_kill = 4037,
	NR_getppid = 4064,
	NR_mprotect = 4125,
	NR_mremap = 4167,
	NR_socket = 4183,
	NR_mmap2 = 4210,
	NR_prctl = 4192
};
static inline long host_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	register long v0 __asm__("$2") = nr;
	register long a0 __asm__("$4") = a;
	register long a1 __asm__("$5") = b;
	register long a2 __asm__("$6") = c;
	register long a3 __asm__("$7") = d;
	/* o32: arguments 5 and 6 on the stack above the 16-byte argument save area */
	__asm__ __volatile__("addiu $sp, $sp, -32\n\tsw %5, 16($sp)\n\tsw %6, 20($sp)\n\t"
			     "syscall\n\taddiu $sp, $sp, 32"
			     : "+r"(v0), "+r"(a3)
			     : "r"(a0), "r"(a1), "r"(a2), "r"(e), "r"(f)
			     : "memory", "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13", "$14",
			       "$15", "$24", "$25", "hi", "lo");
	return a3 ? -v0 : v0;
}
#elif defined(__riscv)
/* rv32 has the asm-generic table: no open and no fork; they are made as openat and clone */
enum {
	NR_read = 63,
	NR_write = 64,
	NR_lseek = 62, /* llseek */
	NR_ptrace = 117,
	NR_kill = 129,
	NR_getppid = 173,
	NR_socket = 198,
	NR_mremap = 216,
	NR_clone = 220,
	NR_mmap2 = 222,
	NR_mprotect = 226,
	NR_openat = 56,
	NR_prctl = 167,
	NR_open = 0x10000, /* openat(AT_FDCWD, ...) */
	NR_fork = 0x10001  /* clone(SIGCHLD) */
};
static inline long host_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	if (nr == NR_open) {
		f = e, e = d, d = c, c = b, b = a, a = -100;
		nr = NR_openat;
	} else if (nr == NR_fork) {
		a = 17, b = c = d = e = f = 0;
		nr = NR_clone;
	}
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a3 __asm__("a3") = d;
	register long a4 __asm__("a4") = e;
	register long a5 __asm__("a5") = f;
	register long a7 __asm__("a7") = nr;
	__asm__ __volatile__("ecall"
			     : "+r"(a0)
			     : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7)
			     : "memory");
	return a0;
}
#else
#error "unknown ISA"
#endif

#endif
