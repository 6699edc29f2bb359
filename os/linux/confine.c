#include "os/linux/confine.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Debian 12's UAPI headers know Landlock up to ABI 2; later kernels add what is below. The
 * attribute grows with the ABI, so the size passed tells the kernel which fields we set. */
struct ll_ruleset_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net; /* ABI 4 */
	uint64_t scoped;	     /* ABI 6 */
};
struct ll_path_beneath {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));
#define LL_ACCESS_FS_V1	   ((1ull << 13) - 1) /* EXECUTE .. MAKE_SYM */
#define LL_ACCESS_FS_REFER (1ull << 13)	      /* ABI 2 */
#define LL_ACCESS_FS_TRUNC (1ull << 14)	      /* ABI 3 */
#define LL_ACCESS_FS_IOCTL (1ull << 15)	      /* ABI 5 */
#define LL_ACCESS_NET_TCP  3ull		      /* bind, connect (ABI 4) */
#define LL_SCOPE_ALL	   3ull		      /* abstract unix sockets, signals (ABI 6) */
#define LL_READ_EXEC                                                                               \
	(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define LL_RULE_PATH_BENEATH 1

static struct sock_filter *filter;
static unsigned short filter_len;
static int landlock_abi;
static char description[256];

/* System calls the stub and qemu make all the time, harmless whatever their arguments: decided
 * in the filter, at no cost beyond it. Everything else goes to the supervisor. */
static const char *const always_allowed[] = {
    "futex",
    "futex_time64",
    "sched_yield",
    "clock_gettime",
    "clock_gettime64",
    "gettimeofday",
    "rt_sigprocmask",
    "sigprocmask",
    "rt_sigreturn",
    "sigreturn",
    "rt_sigaction",
    "sigaltstack",
    "rt_sigsuspend",
    "getpid",
    "gettid",
    "getppid",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getuid32",
    "geteuid32",
    "getgid32",
    "getegid32",
    "exit",
    "exit_group",
    "restart_syscall",
    "munmap",
    "madvise",
    "brk",
    "membarrier",
    "getrandom",
    "nanosleep",
    "clock_nanosleep",
    "clock_nanosleep_time64",
    "close",
    "fstat",
    "fstat64",
    "lseek",
    "_llseek",
    "getdents64",
    "set_robust_list",
    "set_tid_address",
    "arch_prctl",
    "rseq",
    "uname",
    "sysinfo",
    "sched_getaffinity",
    "get_mempolicy",
    "set_mempolicy",
    "ugetrlimit",
    "getrlimit",
};

static bool rule(scmp_filter_ctx c, const char *name, unsigned n, const struct scmp_arg_cmp *a)
{
	int nr = seccomp_syscall_resolve_name(name);
	if (nr == __NR_SCMP_ERROR)
		return true; /* unknown to this libseccomp: nothing to allow */
	return seccomp_rule_add_array(c, SCMP_ACT_ALLOW, nr, n, a) == 0;
}

static bool build_filter(char *err, size_t n)
{
	scmp_filter_ctx c = seccomp_init(SCMP_ACT_NOTIFY);
	/* every host system call of a task process runs this filter: a binary tree of syscall
	 * numbers instead of a chain, and the hand-off's own calls looked at first */
	bool ok = c && seccomp_arch_add(c, SCMP_ARCH_X86) == 0 &&
		  seccomp_attr_set(c, SCMP_FLTATR_CTL_NNP, 0) == 0 &&
		  seccomp_attr_set(c, SCMP_FLTATR_CTL_OPTIMIZE, 2) == 0;
	static const char *const hot[] = {"futex", "sched_yield", "rt_sigreturn", "clock_gettime",
					  "rt_sigprocmask"};
	for (size_t i = 0; ok && i < sizeof hot / sizeof hot[0]; i++)
		seccomp_syscall_priority(c, seccomp_syscall_resolve_name(hot[i]), 255);
	for (size_t i = 0; ok && i < sizeof always_allowed / sizeof always_allowed[0]; i++)
		ok = rule(c, always_allowed[i], 0, 0);
	/* anonymous memory (qemu's own; natively an L4 range the stub empties) */
	struct scmp_arg_cmp anon = SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_ANONYMOUS, MAP_ANONYMOUS);
	struct scmp_arg_cmp no_write = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_WRITE, 0);
	struct scmp_arg_cmp to_stderr = SCMP_A0(SCMP_CMP_EQ, 2);
	struct scmp_arg_cmp own_fd = SCMP_A0(SCMP_CMP_EQ, CONFINE_SOCK_FD);
	struct scmp_arg_cmp self = SCMP_A0(SCMP_CMP_EQ, 0);
	struct scmp_arg_cmp set_name = SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME);
	ok = ok && rule(c, "mmap", 1, &anon) && rule(c, "mmap2", 1, &anon) &&
	     rule(c, "mprotect", 1, &no_write) && rule(c, "write", 1, &to_stderr) &&
	     rule(c, "writev", 1, &to_stderr) && rule(c, "sendmsg", 1, &own_fd) &&
	     rule(c, "prlimit64", 1, &self) && rule(c, "sched_setaffinity", 1, &self) &&
	     rule(c, "prctl", 1, &set_name);
	int fd = ok ? memfd_create("umol4-filter", MFD_CLOEXEC) : -1;
	ok = fd >= 0 && seccomp_export_bpf(c, fd) == 0;
	off_t size = ok ? lseek(fd, 0, SEEK_END) : 0;
	if (ok && size > 0 && size % sizeof *filter == 0 && size / sizeof *filter < 65536) {
		filter = malloc((size_t)size);
		ok = filter && pread(fd, filter, (size_t)size, 0) == size;
		filter_len = (unsigned short)(size / sizeof *filter);
	} else {
		ok = false;
	}
	if (fd >= 0)
		close(fd);
	if (c)
		seccomp_release(c);
	if (!ok)
		snprintf(err, n, "cannot build the task processes' seccomp filter");
	return ok;
}

bool confine_prepare(char *err, size_t n)
{
	unsigned action = SECCOMP_RET_USER_NOTIF;
	if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) != 0) {
		snprintf(err, n,
			 "this host has no seccomp user notification (Linux >= 5.0 is needed to "
			 "confine task processes)");
		return false;
	}
	if (!build_filter(err, n))
		return false;
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	landlock_abi = abi > 0 ? (int)abi : 0;
	char ll[96] = "Landlock: not available on this host";
	if (landlock_abi)
		snprintf(ll, sizeof ll, "Landlock ABI %d (files%s%s)", landlock_abi,
			 landlock_abi >= 4 ? ", TCP" : "", landlock_abi >= 6 ? ", signals" : "");
	snprintf(description, sizeof description,
		 "seccomp filter with user notification, %s, no capabilities, no_new_privs, "
		 "rlimits",
		 ll);
	return true;
}

const char *confine_describe(void)
{
	return description[0] ? description : "task processes not confined";
}

static int landlock_child(const char *const *paths)
{
	if (!landlock_abi)
		return 0;
	struct ll_ruleset_attr attr = {LL_ACCESS_FS_V1, 0, 0};
	size_t size = sizeof attr.handled_access_fs;
	if (landlock_abi >= 2)
		attr.handled_access_fs |= LL_ACCESS_FS_REFER;
	if (landlock_abi >= 3)
		attr.handled_access_fs |= LL_ACCESS_FS_TRUNC;
	if (landlock_abi >= 5)
		attr.handled_access_fs |= LL_ACCESS_FS_IOCTL;
	if (landlock_abi >= 4) {
		attr.handled_access_net = LL_ACCESS_NET_TCP; /* no rule: neither bind nor connect */
		size = offsetof(struct ll_ruleset_attr, scoped);
	}
	if (landlock_abi >= 6) {
		attr.scoped = LL_SCOPE_ALL;
		size = sizeof attr;
	}
	int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
	if (rs < 0)
		return -1;
	for (; *paths; paths++) {
		int fd = open(*paths, O_PATH | O_CLOEXEC);
		if (fd < 0)
			continue; /* e.g. no /lib64 on this host */
		struct ll_path_beneath pb = {LL_READ_EXEC, fd};
		/* a file (not a directory) takes only file rights */
		if (syscall(SYS_landlock_add_rule, rs, LL_RULE_PATH_BENEATH, &pb, 0) != 0) {
			pb.allowed_access =
			    LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
			syscall(SYS_landlock_add_rule, rs, LL_RULE_PATH_BENEATH, &pb, 0);
		}
		close(fd);
	}
	long r = syscall(SYS_landlock_restrict_self, rs, 0);
	close(rs);
	return r == 0 ? 0 : -1;
}

static int drop_capabilities(void)
{
	/* as root: never regain capabilities on exec, and none to regain */
	if (geteuid() == 0) {
		prctl(PR_SET_SECUREBITS, 0x2f); /* NOROOT, NO_SETUID_FIXUP, KEEP_CAPS_LOCKED... */
		for (int cap = 0; cap < 64; cap++)
			prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
	}
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];
	memset(d, 0, sizeof d);
	return (int)syscall(SYS_capset, &h, d);
}

static int send_fd(int sock, int fd)
{
	char c = 'L';
	struct iovec iov = {&c, 1};
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	memset(&u, 0, sizeof u);
	struct msghdr msg = {0};
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = u.buf;
	msg.msg_controllen = sizeof u.buf;
	struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof fd);
	return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

int confine_child(int stderr_fd, const char *const *paths, bool emulated)
{
	int in = open("/dev/null", O_RDONLY), out = open("/dev/null", O_WRONLY);
	if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(stderr_fd, 2) < 0)
		return 1;
	if (in > 2)
		close(in);
	if (out > 2)
		close(out);
	if (stderr_fd > 2)
		close(stderr_fd);
	/* qemu reserves the whole 4 GiB guest space plus its code buffer; natively the i386
	 * process cannot exceed 4 GiB anyway */
	struct rlimit core = {0, 0}, files = {64, 64};
	struct rlimit as = {emulated ? 8ull << 30 : 4ull << 30, emulated ? 8ull << 30 : 4ull << 30};
	if (setrlimit(RLIMIT_CORE, &core) || setrlimit(RLIMIT_NOFILE, &files) ||
	    setrlimit(RLIMIT_AS, &as))
		return 2;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return 3;
	if (drop_capabilities())
		return 4;
	if (landlock_child(paths))
		return 5;
	struct sock_fprog prog = {filter_len, filter};
	int listener = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
				    SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	if (listener < 0)
		return 6;
	/* the listener answers for this process: it must never stay in it */
	int r = send_fd(CONFINE_SOCK_FD, listener);
	close(listener);
	close(CONFINE_SOCK_FD);
	return r ? 7 : 0;
}

int confine_recv_listener(int sock)
{
	char c;
	struct iovec iov = {&c, 1};
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	struct msghdr msg = {0};
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = u.buf;
	msg.msg_controllen = sizeof u.buf;
	ssize_t r;
	do
		r = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	while (r < 0 && errno == EINTR);
	struct cmsghdr *cm = r == 1 ? CMSG_FIRSTHDR(&msg) : 0;
	if (!cm || cm->cmsg_type != SCM_RIGHTS || cm->cmsg_len != CMSG_LEN(sizeof(int)))
		return -1;
	int fd;
	memcpy(&fd, CMSG_DATA(cm), sizeof fd);
	return fd;
}

const char *confine_syscall_name(unsigned arch, int nr)
{
	static char name[32];
	char *s = seccomp_syscall_resolve_num_arch(arch, nr);
	if (!s)
		return 0;
	snprintf(name, sizeof name, "%s", s);
	free(s);
	return name;
}
