/* SEC0001: a hostile L4 program tries to reach the host around L4 (docs/security.md). Each run
 * makes one attempt, named by its argument, with a handler for vector 13 installed: a refused host
 * system call is an L4 exception (#GP, as for an int $0x80 on Fiasco), so the handler reports
 * "blocked" and the program ends normally. An attempt that returns prints NOT blocked. */
#include "hostsys.h"
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/exception.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static umol4_exc_table_t table;
static const char *attempt = "?";

static void on_refused(void)
{
	printf("%s: blocked\n", attempt);
	exit(0);
}

#define O_WRONLY_CREAT	 0x41 /* i386/ARM; MIPS below */
#define PROT_RW		 3
#define MAP_SHARED_FIXED 0x11
#define PHYS_FD		 4
#if defined(__mips__)
#define ENOSYS_OF_ISA 89
#else
#define ENOSYS_OF_ISA 38
#endif

/* The stub's own system-call function, found by its first instructions in the stub's code
 * (ia32: push ebp, edi, esi, ebx; mov 0x14(%esp),%eax): natively a call from there passes the
 * stub's instruction-pointer filter, so only the kernel's filter and supervisor stand between
 * it and the host. Elsewhere the plain system call (qemu makes every host call anyway). */
typedef long (*syscall_fn)(long, long, long, long, long, long, long);
static syscall_fn stub_gadget(void)
{
#if defined(__i386__)
	static const unsigned char head[] = {0x55, 0x57, 0x56, 0x53, 0x8b, 0x44, 0x24, 0x14};
	const unsigned char *p = (const unsigned char *)0xC0000000u;
	for (unsigned i = 0; i < 0x10000; i++)
		if (!memcmp(p + i, head, sizeof head))
			return (syscall_fn)(p + i);
#endif
	return host_syscall;
}

static long try_it(const char *what)
{
	static char buf[4096];
	/* paths on the stack, which is paged in: under qemu a string on a page the task has not
	 * touched yet fails in qemu (EFAULT) before any host call is made */
	char file[32], fd4[32];
	strcpy(file, "/tmp/umol4-escape-file");
	strcpy(fd4, "/proc/self/fd/4");
	memset(buf, 0, sizeof buf); /* paged in too, for the same reason */
	/* the kernel's process id (harmless to ask under qemu; natively every host system call of
	 * L4 code is refused, this one too) */
	long ppid = strcmp(what, "kill") && strcmp(what, "ptrace") && strcmp(what, "procmem")
			? 0
			: host_syscall(NR_getppid, 0, 0, 0, 0, 0, 0);
#if defined(__mips__)
	const long creat_flags = 0x101; /* O_WRONLY | O_CREAT (0x100) */
#else
	const long creat_flags = O_WRONLY_CREAT;
#endif
	if (!strcmp(what, "file"))
		return host_syscall(NR_open, (long)file, creat_flags, 0644, 0,
				    0, 0);
	if (!strcmp(what, "fork"))
		return host_syscall(NR_fork, 0, 0, 0, 0, 0, 0);
	if (!strcmp(what, "kill"))
		return host_syscall(NR_kill, ppid, 0, 0, 0, 0, 0); /* signal 0: just "may I?" */
	if (!strcmp(what, "socket"))
		return host_syscall(NR_socket, 2 /* AF_INET */, 1, 0, 0, 0, 0);
	if (!strcmp(what, "ptrace"))
		return host_syscall(NR_ptrace, 0x4206 /* PTRACE_SEIZE */, ppid, 0, 0, 0, 0);
	if (!strcmp(what, "procmem")) {
		char path[40];
		snprintf(path, sizeof path, "/proc/%ld/mem", ppid);
		return host_syscall(NR_open, (long)path, 2 /* O_RDWR */, 0, 0, 0, 0);
	}
	if (!strcmp(what, "procfd"))
		return host_syscall(NR_open, (long)fd4, 2, 0, 0, 0, 0);
	if (!strcmp(what, "physread")) {
		host_syscall(NR_lseek, PHYS_FD, 0, 0 /* SEEK_SET */, 0, 0, 0);
		return host_syscall(NR_read, PHYS_FD, (long)buf, sizeof buf, 0, 0, 0);
	}
	if (!strcmp(what, "physwrite"))
		return host_syscall(NR_write, PHYS_FD, (long)buf, 4, 0, 0, 0);
	if (!strcmp(what, "physmap")) /* frame 0 at an address the task has nothing at */
		return host_syscall(NR_mmap2, 0x30000000, 4096, PROT_RW, MAP_SHARED_FIXED, PHYS_FD,
				    0);
	if (!strcmp(what, "kipwrite")) /* the KIP is mapped read-only */
		return host_syscall(NR_mprotect, (long)l4_kernel_interface(), 4096, PROT_RW, 0, 0,
				    0);
	if (!strcmp(what, "gadget")) /* open a file through the stub's own code */
		return stub_gadget()(NR_open, (long)file, creat_flags, 0644, 0,
				     0, 0);
	if (!strcmp(what, "seccomp")) /* a filter of its own: qemu must not let a guest have one */
		return host_syscall(NR_prctl, 22 /* PR_SET_SECCOMP */, 2, (long)buf, 0, 0, 0);
	if (!strcmp(what, "mremap")) /* grow a mapping over frames never given */
		return host_syscall(NR_mremap, (long)buf & ~4095L, 4096, 1 << 20, 1 /* MAYMOVE */,
				    0, 0);
	printf("unknown attempt %s\n", what);
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		printf("usage: escape ATTEMPT\n");
		return 2;
	}
	attempt = argv[1];
	/* "unhandled": no handler, so the kernel reports the exception and ends the run */
	if (argc < 3 || strcmp(argv[2], "unhandled")) {
		umol4_exc_set(&table, 13, on_refused);
		umol4_exc_install(&table);
	}
	/* a preemption while the supervisor decides interrupts the call before anything is done
	 * (EINTR, 4 on every ISA here): a program tries again, as it would after any EINTR */
	long r;
	do
		r = try_it(attempt);
	while (r == -4);
	/* qemu-user implements some calls not at all (ptrace: ENOSYS) or refuses them itself
	 * (PR_SET_SECCOMP: EINVAL): they never reach the host */
	if (r == -ENOSYS_OF_ISA || (!strcmp(attempt, "seccomp") && r == -22)) {
		printf("%s: unavailable\n", attempt);
		return 0;
	}
	printf("%s: NOT blocked (result %ld)\n", attempt, r);
	return 1;
}
