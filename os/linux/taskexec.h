/* The child side of starting a task process (os/linux/taskproc.c, tp_spawn): between fork and
 * exec it detaches from the kernel's signal set-up, puts the mailbox and physical memory on their
 * descriptors, confines itself (os/linux/confine.h) and executes the stub, natively or under
 * qemu-user. Async-signal-safe only: the kernel process has other threads. */
#ifndef UMOL4_OS_TASKEXEC_H
#define UMOL4_OS_TASKEXEC_H

#include "os/linux/taskproc.h"

struct task_exec {
	const struct instance_cfg *cfg;
	pid_t pgid;	  /* the process group of every task process */
	int mailbox_fd;	  /* becomes MBOX_FD */
	int stderr_fd;	  /* the write end of the pipe the kernel reads */
	int sock_fd;	  /* the socket the seccomp listener goes back through */
	const char *qemu; /* "" natively, else the qemu-user binary's path */
	const char *stub;
	char *title;	    /* the process's argv[0] */
	const char *libdir; /* the ISA's runtime directory (readable under Landlock) */
};

void task_exec_child(const struct task_exec *x) __attribute__((noreturn));

#endif
