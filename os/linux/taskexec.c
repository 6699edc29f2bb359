#include "os/linux/taskexec.h"
#include "os/linux/confine.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

void task_exec_child(const struct task_exec *x)
{
	/* what qemu reads to start: its libraries, ld.so's cache, /proc/self/maps (the stub's
	 * unmapping), the stub */
	const char *const paths[] = {"/usr",
				     "/lib",
				     "/lib64",
				     "/etc/ld.so.cache",
				     "/proc/self",
				     "/proc/sys/vm/mmap_min_addr",
				     "/sys/devices/system",
				     x->libdir,
				     0};
	/* the kernel's death, however it dies, takes every task process with it */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != x->cfg->kernel_pid)
		_exit(127);
	setpgid(0, x->pgid);
	if (x->cfg->spin && x->cfg->kernel_cpu >= 0) {
		cpu_set_t others;
		sched_getaffinity(0, sizeof others, &others);
		CPU_ZERO(&others);
		for (long c = 0; c < sysconf(_SC_NPROCESSORS_ONLN) && c < CPU_SETSIZE; c++)
			if (c != x->cfg->kernel_cpu)
				CPU_SET(c, &others);
		if (CPU_COUNT(&others))
			sched_setaffinity(0, sizeof others, &others);
	}
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, 0);
	signal(SIGINT, SIG_IGN);
	signal(SIGPIPE, SIG_DFL);
	/* via fds above the targets: a source may already sit on 2..5 */
	int m = fcntl(x->mailbox_fd, F_DUPFD, 100), ph = fcntl(x->cfg->phys_fd, F_DUPFD, 100);
	int so = fcntl(x->sock_fd, F_DUPFD, 100), er = fcntl(x->stderr_fd, F_DUPFD, 100);
	if (m < 0 || ph < 0 || so < 0 || er < 0 || dup2(m, MBOX_FD) < 0 || dup2(ph, PHYS_FD) < 0 ||
	    dup2(so, CONFINE_SOCK_FD) < 0)
		_exit(127);
	for (int fd = CONFINE_SOCK_FD + 1; fd < 1024; fd++)
		if (fd != er)
			close(fd);
	if (x->cfg->unconfined) {
		close(CONFINE_SOCK_FD);
		close(er);
	} else {
		int step = confine_child(er, paths, *x->qemu != 0);
		if (step)
			_exit(100 + step);
	}
	char *envp[] = {0};
	if (*x->qemu) {
		char *argv[] = {x->title, (char *)x->stub, 0};
		execve(x->qemu, argv, envp);
	} else {
		char *argv[] = {x->title, 0};
		execve(x->stub, argv, envp);
	}
	_exit(127);
}
