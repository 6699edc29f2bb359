/* The task stub's instruction-pointer filter (docs/security.md): a seccomp filter that lets only
 * the stub's own code make host system calls, where the ISA's stub can tell its code apart
 * (stub_arch_syscall_ips: native ia32). Part of the stub image (os/linux/stub/stub.cmake). */
#include "stub_arch.h"

/* Classic BPF, as seccomp reads it (<linux/filter.h>). */
struct stub_bpf {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};
struct stub_bpf_prog {
	uint16_t len;
	struct stub_bpf *insns;
};
#define BPF_LD_ABS  0x20u /* A = data[k] (32 bits) */
#define BPF_JEQ_K   0x15u
#define BPF_JGE_K   0x35u
#define BPF_RET_K   0x06u
#define SECCOMP_DATA_ARCH 4u
#define SECCOMP_DATA_IP	  8u /* 64 bits, low word first */
#define STUB_RET_TRAP	  0x00030000u
#define STUB_RET_ALLOW	  0x7fff0000u

/* Where it can tell (stub_arch_syscall_ips), only the stub's own code may make host system calls:
 * one made by L4 code raises SIGSYS, which the handler turns into an exception of the thread. A
 * jump into the stub's code to reach a system call gains nothing: the kernel's own filter and
 * supervisor still decide what it may do (docs/security.md). */
long stub_install_ip_filter(void)
{
	uint32_t r[2][2];
	unsigned n = stub_arch_syscall_ips(r), i = 0;
	if (!n)
		return 0;
	struct stub_bpf f[8 + 2 * 2];
	unsigned trap = 5 + 2 * n, allow = trap + 1;
	f[i++] = (struct stub_bpf){BPF_LD_ABS, 0, 0, SECCOMP_DATA_ARCH};
	f[i] = (struct stub_bpf){BPF_JEQ_K, 0, (uint8_t)(trap - i - 1), STUB_AUDIT_ARCH};
	i++;
	f[i++] = (struct stub_bpf){BPF_LD_ABS, 0, 0, SECCOMP_DATA_IP + 4};
	f[i] = (struct stub_bpf){BPF_JEQ_K, 0, (uint8_t)(trap - i - 1), 0};
	i++;
	/* one load of the low word is enough for every range */
	f[i++] = (struct stub_bpf){BPF_LD_ABS, 0, 0, SECCOMP_DATA_IP};
	for (unsigned k = 0; k < n; k++) {
		/* ip >= lo ? (ip >= hi ? next range : allow) : next range */
		unsigned next = i + 2;
		f[i] = (struct stub_bpf){BPF_JGE_K, 0, (uint8_t)(next - i - 1), r[k][0]};
		i++;
		f[i] = (struct stub_bpf){BPF_JGE_K, (uint8_t)(next - i - 1), (uint8_t)(allow - i - 1),
					 r[k][1]};
		i++;
	}
	f[i++] = (struct stub_bpf){BPF_RET_K, 0, 0, STUB_RET_TRAP};
	f[i++] = (struct stub_bpf){BPF_RET_K, 0, 0, STUB_RET_ALLOW};
	struct stub_bpf_prog prog = {(uint16_t)i, f};
	return stub_syscall(STUB_NR_seccomp, 1 /* SECCOMP_SET_MODE_FILTER */, 0, (long)&prog, 0, 0,
			    0);
}
