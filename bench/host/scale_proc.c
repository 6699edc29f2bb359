/* umol4-bench --instances: what /proc says about the host's limits and about the instances'
 * processes (CPU time, wake-ups, memory, leftovers). Linux only, as bench/host may be. */
#include "scale_proc.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* Process ids per instance, for the check against pid_max before the start: the kernel's two
 * threads (main and clock) and three task processes (sigma0, loader, idle.elf), one thread each
 * natively, two under qemu-user (its RCU thread). The run reports the real figure. */
#define PIDS_NATIVE 5
#define PIDS_QEMU   8

static ssize_t read_text(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = 0;
	ssize_t got;
	while (len < size - 1 && (got = read(fd, buf + len, size - 1 - len)) > 0)
		len += (size_t)got;
	close(fd);
	buf[len] = 0;
	return (ssize_t)len;
}

static long read_long(const char *path)
{
	char b[64];
	return read_text(path, b, sizeof b) > 0 ? strtol(b, 0, 10) : -1;
}

long meminfo_kb(const char *key)
{
	static char b[8192];
	if (read_text("/proc/meminfo", b, sizeof b) <= 0)
		return -1;
	const char *p = strstr(b, key);
	return p ? strtol(p + strlen(key), 0, 10) : -1;
}

static long rlimit_value(int which, bool hard)
{
	struct rlimit rl;
	if (getrlimit(which, &rl))
		return -1;
	rlim_t v = hard ? rl.rlim_max : rl.rlim_cur;
	return v == RLIM_INFINITY ? -1 : (long)v;
}

static bool over(const char *what, long need, long limit, const char *hint, char *why, size_t n)
{
	if (limit < 0 || need <= limit)
		return false;
	snprintf(why, n, "host limit: the instances need about %ld %s, the limit is %ld%s", need,
		 what, limit, hint);
	return true;
}

bool scale_check_limits(int n, bool qemu, struct host_limits *lim, char *why, size_t wn)
{
	char b[128];
	lim->pid_max = read_long("/proc/sys/kernel/pid_max");
	lim->threads_max = read_long("/proc/sys/kernel/threads-max");
	/* the fourth field of loadavg: scheduling entities (threads) that exist now */
	lim->threads_in_use = -1;
	if (read_text("/proc/loadavg", b, sizeof b) > 0 && strchr(b, '/'))
		lim->threads_in_use = strtol(strchr(b, '/') + 1, 0, 10);
	lim->mem_available_kb = meminfo_kb("MemAvailable:");
	/* RLIMIT_NPROC counts threads, but does not hold for root */
	lim->nproc = geteuid() ? rlimit_value(RLIMIT_NPROC, false) : -1;
	/* one pipe per instance stays open until the stop, to see anything it says while idle */
	long fds = n + 64;
	struct rlimit rl;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < (rlim_t)fds) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > (rlim_t)fds
				  ? (rlim_t)fds
				  : rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	lim->nofile = rlimit_value(RLIMIT_NOFILE, false);
	long pids = (long)n * (qemu ? PIDS_QEMU : PIDS_NATIVE) +
		    (lim->threads_in_use > 0 ? lim->threads_in_use : 0);
	return !over("process ids", pids, lim->pid_max, " (sysctl kernel.pid_max)", why, wn) &&
	       !over("threads", pids, lim->threads_max, " (sysctl kernel.threads-max)", why, wn) &&
	       !over("threads of this user", pids, lim->nproc, " (ulimit -u)", why, wn) &&
	       !over("open files", fds, lim->nofile, " (ulimit -n)", why, wn);
}

/* Process ids -> instance, sorted: /proc holds thousands of processes, to be matched against
 * thousands of instances. */
struct pid_slot {
	pid_t pid;
	int inst;
};

static int cmp_slot(const void *a, const void *b)
{
	pid_t x = ((const struct pid_slot *)a)->pid, y = ((const struct pid_slot *)b)->pid;
	return (x > y) - (x < y);
}

/* The kernels' pids, and with groups also the task processes' group ids. n * 2 slots. */
static int index_pids(const struct instance *ins, int n, bool groups, struct pid_slot *ix)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		ix[k++] = (struct pid_slot){ins[i].pid, i};
		if (groups && ins[i].task_pgid)
			ix[k++] = (struct pid_slot){ins[i].task_pgid, i};
	}
	qsort(ix, (size_t)k, sizeof *ix, cmp_slot);
	return k;
}

static int lookup(const struct pid_slot *ix, int k, pid_t pid)
{
	struct pid_slot key = {pid, -1}, *hit = bsearch(&key, ix, (size_t)k, sizeof *ix, cmp_slot);
	return hit ? hit->inst : -1;
}

/* Sums one process's Pss parts (KiB) from smaps_rollup. */
static void add_pss(pid_t pid, double pss[4])
{
	static const char *const keys[4] = {"\nPss:", "\nPss_Anon:", "\nPss_File:", "\nPss_Shmem:"};
	char path[64], b[4096];
	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	if (read_text(path, b, sizeof b) <= 0)
		return;
	for (int k = 0; k < 4; k++) {
		const char *p = strstr(b, keys[k]);
		if (p)
			pss[k] += strtod(p + strlen(keys[k]), 0);
	}
}

/* Adds the CPU time (ns) and the number of times it was scheduled in, over all its threads. */
static void add_cpu(pid_t pid, uint64_t *ns, uint64_t *runs)
{
	char path[64], b[128];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		unsigned long long t, wait, r;
		snprintf(path, sizeof path, "/proc/%d/task/%.16s/schedstat", (int)pid, e->d_name);
		if (read_text(path, b, sizeof b) > 0 &&
		    sscanf(b, "%llu %llu %llu", &t, &wait, &r) == 3) {
			*ns += t;
			*runs += r;
		}
	}
	if (d)
		closedir(d);
}

void census(struct instance *ins, int n, enum census what)
{
	for (int i = 0; i < n; i++) {
		struct instance *in = &ins[i];
		in->nproc = in->nthreads = 0;
		in->cpu_ns = in->runs = 0;
		memset(in->pss, 0, sizeof in->pss);
		in->kernel_pss = 0;
	}
	struct pid_slot *ix = calloc((size_t)n, sizeof *ix);
	int k = ix ? index_pids(ins, n, false, ix) : 0;
	DIR *d = opendir("/proc");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		char path[64], b[1024];
		snprintf(path, sizeof path, "/proc/%.16s/stat", e->d_name);
		if (read_text(path, b, sizeof b) <= 0 || !strrchr(b, ')'))
			continue;
		int ppid, pgrp;
		long threads;
		pid_t pid = (pid_t)atoi(e->d_name);
		if (sscanf(strrchr(b, ')') + 2,
			   "%*c %d %d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %ld",
			   &ppid, &pgrp, &threads) != 3)
			continue;
		bool kernel = true;
		int i = lookup(ix, k, pid);
		if (i < 0) {
			kernel = false;
			i = lookup(ix, k, ppid);
		}
		if (i < 0)
			continue;
		struct instance *in = &ins[i];
		in->nproc++;
		in->nthreads += (int)threads;
		if (!kernel)
			in->task_pgid = pgrp;
		if (what == CENSUS_CPU) {
			add_cpu(pid, &in->cpu_ns, &in->runs);
		} else {
			double before = in->pss[PSS];
			add_pss(pid, in->pss);
			if (kernel)
				in->kernel_pss = in->pss[PSS] - before;
		}
	}
	if (d)
		closedir(d);
	free(ix);
}

/* Processes of ours that outlived the stop: our children (kernels, or task processes handed to
 * us as the subreaper) and members of the instances' task process groups. */
int count_left(struct instance *ins, int n, bool kill_them)
{
	int left = 0;
	pid_t self = getpid();
	struct pid_slot *ix = calloc((size_t)n * 2, sizeof *ix);
	int k = ix ? index_pids(ins, n, true, ix) : 0;
	DIR *d = opendir("/proc");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char path[64], b[1024], state;
		int ppid, pgrp;
		snprintf(path, sizeof path, "/proc/%.16s/stat", e->d_name);
		if (e->d_name[0] < '0' || e->d_name[0] > '9' || read_text(path, b, sizeof b) <= 0 ||
		    !strrchr(b, ')') ||
		    sscanf(strrchr(b, ')') + 2, "%c %d %d", &state, &ppid, &pgrp) != 3)
			continue;
		if ((ppid != self && lookup(ix, k, pgrp) < 0) || state == 'Z')
			continue;
		left++;
		if (kill_them)
			kill((pid_t)atoi(e->d_name), SIGKILL);
	}
	if (d)
		closedir(d);
	free(ix);
	while (waitpid(-1, 0, WNOHANG) > 0) /* zombies handed to us */
		;
	return left;
}
