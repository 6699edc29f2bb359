#define _GNU_SOURCE
#include "stub_test_proc.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "os/linux/mbox.h"

pid_t stub_test_start(const char *stub, const char *qemu, int mbfd, int physfd)
{
	pid_t child = fork();
	if (child != 0)
		return child;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* Move both fds out of the way first: memfd_create may have returned 3 or 4. */
	int m = fcntl(mbfd, F_DUPFD, 10), p = fcntl(physfd, F_DUPFD, 10);
	if (m < 0 || p < 0 || dup2(m, MBOX_FD) < 0 || dup2(p, PHYS_FD) < 0)
		_exit(126);
	close(m);
	close(p);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (qemu)
		execl(qemu, qemu, stub, (char *)NULL);
	else
		execl(stub, stub, (char *)NULL);
	_exit(127);
}

int stub_test_name_alive(const char *name)
{
	DIR *dir = opendir("/proc");
	struct dirent *e;
	int found = 0;
	if (!dir)
		return 0;
	while ((e = readdir(dir))) {
		char path[300], comm[32] = "";
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/comm", e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(comm, sizeof comm, f)) {
			comm[strcspn(comm, "\n")] = 0;
			found |= strcmp(comm, name) == 0;
		}
		fclose(f);
	}
	closedir(dir);
	return found;
}

unsigned long stub_test_lowest_mapping(pid_t pid)
{
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	unsigned long lo_min = ~0ul;
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo = strtoul(line, NULL, 16);
		if (lo < lo_min)
			lo_min = lo;
	}
	if (f)
		fclose(f);
	return lo_min;
}

int stub_test_pin(pid_t child)
{
	cpu_set_t set;
	int cpu = sched_getcpu();
	if (cpu < 0)
		cpu = 0;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof set, &set) || sched_setaffinity(child, sizeof set, &set))
		return -1;
	return cpu;
}
