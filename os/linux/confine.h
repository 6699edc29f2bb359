/* Confinement of task processes (docs/security.md): what a task process may do on the host.
 *
 * Every task process runs under a seccomp filter installed before it execs its stub (or qemu), with
 * no capabilities, no new privileges, Landlock where the host has it, rlimits, and /dev/null as
 * stdin/stdout. System calls that the stub and qemu need all the time pass in the filter itself;
 * every other one goes to umol4's supervisor (os/linux/guard.h), which lets it through while the
 * process starts up (no L4 code exists yet) and refuses it once the stub has reported in, except
 * for mappings of physical memory that the task's L4 page table grants. */
#ifndef UMOL4_OS_CONFINE_H
#define UMOL4_OS_CONFINE_H

#include <stdbool.h>
#include <stddef.h>

/* The descriptor a child sends its seccomp listener through (then closes). */
#define CONFINE_SOCK_FD 5

/* Parent, once: builds the filter program. false (with a reason in err) if the host has no
 * seccomp user notification; umol4 then refuses to run tasks unless --unconfined. */
bool confine_prepare(char *err, size_t n);

/* Child, between fork and exec, async-signal-safe. stderr_fd becomes the process's fd 2;
 * paths are the host directories it may read and execute (NULL-terminated list). Sends the
 * seccomp listener over CONFINE_SOCK_FD. Returns 0, or the step that failed (> 0) for _exit. */
int confine_child(int stderr_fd, const char *const *paths, bool emulated);

/* Parent: the listener the child sent over sock, or -1 if it died first. */
int confine_recv_listener(int sock);

/* One line saying what confinement this host allows (umol4 --version, docs/security.md). */
const char *confine_describe(void);

/* The name of host system call nr of audit architecture arch ("openat"), or NULL. */
const char *confine_syscall_name(unsigned arch, int nr);

#endif
