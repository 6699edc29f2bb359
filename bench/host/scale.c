/* umol4-bench --instances: starts N idle umol4 instances in batches, times each one from its fork
 * to its ready line, measures the CPU all of them use while idle and the memory each one holds,
 * then stops them and makes sure that no process is left behind. Linux only, as bench/host may
 * be. */
#include "scale_proc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const struct scale_prog scale_idle = {.prog = "bench/idle.elf", .ready = "idle: ready\n"};
static const char *ready_line;
/* A batch of qemu instances on a loaded 2-CPU host takes seconds; minutes mean a hang. */
#define BATCH_TIMEOUT_S 120.0
#define STOP_TIMEOUT_S	20.0

static volatile sig_atomic_t stop_sig;

static void on_stop(int sig)
{
	stop_sig = sig;
}

int scale_stop_signal(void)
{
	return stop_sig;
}

void scale_catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop; /* no SA_RESTART: poll and nanosleep must return */
	sigaction(SIGINT, &sa, 0);
	sigaction(SIGTERM, &sa, 0);
	sigaction(SIGHUP, &sa, 0);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
	double end = now_s() + s;
	for (double left = s; left > 0 && !stop_sig; left = end - now_s()) {
		struct timespec ts = {(time_t)left, (long)((left - (time_t)left) * 1e9)};
		nanosleep(&ts, 0);
	}
}

pid_t scale_spawn(char *const argv[], int out)
{
	pid_t bench = getpid(), pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		/* umol4-bench's death, however it dies, stops its instances; umol4 takes its task
		 * processes along on SIGTERM */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != bench)
			_exit(127);
		int null = open("/dev/null", O_RDONLY);
		if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
			_exit(127);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, 0);
		execv(argv[0], argv);
		dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid > 0)
		setpgid(pid, pid); /* here too: it holds before a stop, whoever runs first */
	return pid;
}

/* Forks one instance: umol4 with its stdout and stderr on a pipe, in a process group of its own
 * (a stop signal to the group reaches this instance only; Ctrl-C at the terminal reaches
 * umol4-bench, which stops them all). */
static bool start_one(struct instance *in, char *const argv[], char *why, size_t n)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC)) {
		snprintf(why, n, "pipe: %s", strerror(errno));
		return false;
	}
	in->t0 = now_s();
	pid_t pid = scale_spawn(argv, p[1]);
	int err = errno;
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		snprintf(why, n, "fork: %s (a host limit on processes, threads or memory)",
			 strerror(err));
		return false;
	}
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	in->pid = pid;
	in->fd = p[0];
	return true;
}

/* Takes what the instance wrote; notes its ready line. */
static void drain(struct instance *in)
{
	char buf[512];
	ssize_t got;
	while (in->fd >= 0 && (got = read(in->fd, buf, sizeof buf)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return;
			break;
		}
		size_t take = (size_t)got < sizeof in->out - 1 - in->len
				  ? (size_t)got
				  : sizeof in->out - 1 - in->len;
		memcpy(in->out + in->len, buf, take);
		in->len += take;
		in->out[in->len] = 0;
		if (!in->up && strstr(in->out, ready_line)) {
			in->up = true;
			in->t_ready = now_s();
		}
	}
	close(in->fd);
	in->fd = -1;
}

static void reap(struct instance *in, bool block)
{
	int st;
	if (!in->reaped && waitpid(in->pid, &st, block ? 0 : WNOHANG) == in->pid) {
		in->reaped = true;
		in->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
}

/* "instance 7: exit status 123: umol4: cannot ..." (the first line it wrote) */
static void describe(struct instance *ins, int i, const char *what, char *why, size_t n)
{
	struct instance *in = &ins[i];
	drain(in);
	reap(in, false);
	char status[32] = "still running";
	if (in->reaped)
		snprintf(status, sizeof status, "exit status %d", in->status);
	snprintf(why, n, "instance %d %s (%s): %.*s", i + 1, what, status,
		 (int)strcspn(in->out, "\n"), in->len ? in->out : "(no output)");
}

/* Waits until instances [from, to) have all said they are ready. */
static bool wait_ready(struct instance *ins, int from, int to, char *why, size_t n)
{
	double deadline = now_s() + BATCH_TIMEOUT_S;
	struct pollfd pfd[MAX_BATCH];
	int idx[MAX_BATCH];
	for (;;) {
		int k = 0;
		for (int i = from; i < to; i++) {
			if (ins[i].up)
				continue;
			if (ins[i].fd < 0) {
				describe(ins, i, "ended before its ready line", why, n);
				return false;
			}
			pfd[k] = (struct pollfd){ins[i].fd, POLLIN, 0};
			idx[k++] = i;
		}
		if (!k)
			return true;
		if (stop_sig) {
			snprintf(why, n, "interrupted by signal %d", (int)stop_sig);
			return false;
		}
		if (now_s() > deadline) {
			describe(ins, idx[0], "not ready after 120 s", why, n);
			return false;
		}
		if (poll(pfd, (nfds_t)k, 1000) > 0)
			for (int j = 0; j < k; j++)
				if (pfd[j].revents)
					drain(&ins[idx[j]]);
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The idle phase: CPU over the window, then memory. */
static bool measure_idle(struct instance *ins, int n, bool quick, struct scale_result *res,
			 char *why, size_t wn)
{
	sleep_s(quick ? 0.2 : 1.0); /* the last idle programs reach their receive */
	census(ins, n, CENSUS_CPU);
	uint64_t ns0 = 0, runs0 = 0, ns1 = 0, runs1 = 0;
	for (int i = 0; i < n; i++) {
		ns0 += ins[i].cpu_ns;
		runs0 += ins[i].runs;
	}
	res->start_cpu_ms = (double)ns0 / 1e6 / n;
	double t0 = now_s();
	sleep_s(quick ? 1.0 : 5.0);
	census(ins, n, CENSUS_CPU);
	res->window_s = now_s() - t0;
	for (int i = 0; i < n; i++) {
		ns1 += ins[i].cpu_ns;
		runs1 += ins[i].runs;
	}
	res->cpu_percent = (double)(ns1 - ns0) / 1e9 / res->window_s * 100;
	res->wakeups_per_s = (double)(runs1 - runs0) / res->window_s;

	census(ins, n, CENSUS_MEM);
	double *pss = calloc((size_t)n, sizeof *pss), sum[4] = {0}, kern = 0;
	long procs = 0, threads = 0;
	for (int i = 0; pss && i < n; i++) {
		pss[i] = ins[i].pss[PSS];
		for (int k = 0; k < 4; k++)
			sum[k] += ins[i].pss[k];
		kern += ins[i].kernel_pss;
		procs += ins[i].nproc;
		threads += ins[i].nthreads;
	}
	if (pss) {
		qsort(pss, (size_t)n, sizeof *pss, cmp_double);
		res->pss_median = n % 2 ? pss[n / 2] : (pss[n / 2 - 1] + pss[n / 2]) / 2;
		free(pss);
	}
	res->pss_mean = sum[PSS] / n;
	res->pss_anon_mean = sum[PSS_ANON] / n;
	res->pss_file_mean = sum[PSS_FILE] / n;
	res->pss_shmem_mean = sum[PSS_SHMEM] / n;
	res->pss_kernel_mean = kern / n;
	res->pss_tasks_mean = (sum[PSS] - kern) / n;
	res->procs_per_inst = (double)procs / n;
	res->threads_per_inst = (double)threads / n;
	/* an instance that ended while idle ends the measurement too */
	for (int i = 0; i < n; i++) {
		reap(&ins[i], false);
		if (ins[i].reaped || ins[i].nproc < 2) {
			describe(ins, i, "died while idle", why, wn);
			return false;
		}
	}
	if (stop_sig) {
		snprintf(why, wn, "interrupted by signal %d", (int)stop_sig);
		return false;
	}
	return true;
}

/* SIGTERM to every instance's process group; umol4 kills and reaps its task processes. */
static void stop_all(struct instance *ins, int n, struct scale_result *res)
{
	double t0 = now_s(), deadline = t0 + STOP_TIMEOUT_S;
	for (int i = 0; i < n; i++)
		if (ins[i].pid > 0 && !ins[i].reaped)
			kill(-ins[i].pid, SIGTERM);
	int running;
	do {
		running = 0;
		for (int i = 0; i < n; i++) {
			if (ins[i].pid <= 0 || ins[i].reaped)
				continue;
			reap(&ins[i], false);
			running += !ins[i].reaped;
		}
		if (running && now_s() > deadline) {
			for (int i = 0; i < n; i++)
				if (ins[i].pid > 0 && !ins[i].reaped)
					kill(-ins[i].pid, SIGKILL);
			for (int i = 0; i < n; i++)
				if (ins[i].pid > 0)
					reap(&ins[i], true);
			break;
		}
		if (running)
			sleep_s(0.01);
	} while (running);
	res->stop_s = now_s() - t0;
	/* a task process may take a moment to die after its kernel (PR_SET_PDEATHSIG) */
	int left = count_left(ins, n, false);
	for (int tries = 0; left && tries < 40; tries++) {
		struct timespec ts = {0, 50000000};
		nanosleep(&ts, 0);
		left = count_left(ins, n, false);
	}
	res->left = left;
	if (left)
		count_left(ins, n, true);
	for (int i = 0; i < n; i++)
		if (ins[i].fd >= 0)
			close(ins[i].fd);
}

/* Whether there is memory for another batch. Rather than let the kernel's OOM killer choose a
 * victim, maybe outside the benchmark, stop while a reserve is free: 1/16 of the memory, at least
 * 512 MiB. */
static bool memory_left(char *why, size_t n)
{
	long avail = meminfo_kb("MemAvailable:"), total = meminfo_kb("MemTotal:");
	long reserve = total / 16 > 524288 ? total / 16 : 524288;
	if (avail < 0 || avail >= reserve)
		return true;
	snprintf(why, n,
		 "host limit: MemAvailable is down to %ld MiB, the reserve kept free is %ld MiB",
		 avail / 1024, reserve / 1024);
	return false;
}

bool scale_run(const char *bindir, const char *libisa, bool emulate, int n, int batch, bool quick,
	       struct scale_prog *prog, struct scale_result *res)
{
	char umol4[PATH_MAX + 16], elf[2 * PATH_MAX], why[sizeof res->note] = "";
	snprintf(umol4, sizeof umol4, "%s/umol4", bindir);
	snprintf(prog->elfdir, sizeof prog->elfdir, "%s/../lib/umol4/%s", bindir, libisa);
	snprintf(elf, sizeof elf, "%s/%s", prog->elfdir, prog->prog);
	prog->umol4 = umol4;
	prog->isa_opt = emulate ? "--emulate" : 0;
	ready_line = prog->ready;
	res->requested = n;
	res->batch = batch;
	struct instance *ins = calloc((size_t)n, sizeof *ins);
	res->startup_ms = calloc((size_t)n, sizeof *res->startup_ms);
	if (!ins || !res->startup_ms) {
		snprintf(res->note, sizeof res->note, "out of memory");
		res->failed = true;
		free(ins);
		return false;
	}
	char *argv[20] = {umol4}, **a = argv + 1;
	if (emulate)
		*a++ = "--emulate";
	if (res->no_spin)
		*a++ = "--no-spin";
	*a++ = "--root=loader";
	for (int i = 0; prog->opts[i]; i++)
		*a++ = (char *)prog->opts[i];
	*a++ = elf;
	for (int i = 0; prog->args[i]; i++)
		*a++ = (char *)prog->args[i];
	*a = 0;
	bool ok = access(elf, R_OK) == 0;
	if (!ok)
		snprintf(why, sizeof why, "%.250s: not built", elf);
	/* task processes whose kernel dies unexpectedly become our children: counted, reaped */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	long avail0 = meminfo_kb("MemAvailable:");
	double t0 = now_s();
	int launched = 0;
	for (int from = 0; ok && from < n; from += batch) {
		int to = from + batch < n ? from + batch : n;
		ok = memory_left(why, sizeof why);
		for (int i = from; ok && i < to; i++)
			if ((ok = start_one(&ins[i], argv, why, sizeof why)))
				launched = i + 1;
		ok = wait_ready(ins, from, launched, why, sizeof why) && ok;
		if (isatty(2)) /* progress, on a terminal only: logs get the one line below */
			fprintf(stderr, "\rumol4-bench: %s: %d/%d instances up", libisa, launched,
				n);
	}
	fprintf(stderr, "%sumol4-bench: %s: %d/%d instances up\n", isatty(2) ? "\r" : "", libisa,
		launched, n);
	res->start_wall_s = now_s() - t0;
	for (int i = 0; i < launched; i++)
		if (ins[i].up)
			res->startup_ms[res->started++] = (ins[i].t_ready - ins[i].t0) * 1000;
	/* Stopped early by a host limit, the instances that are up are still measured: that is
	 * the point of finding the limit. Not if one of them failed or we were interrupted. */
	if (launched && res->started == launched && !stop_sig) {
		char idle_why[sizeof why] = "";
		bool idle_ok = measure_idle(ins, launched, quick, res, idle_why, sizeof idle_why);
		long avail1 = meminfo_kb("MemAvailable:");
		if (avail0 > 0 && avail1 > 0)
			res->avail_drop_per_inst = (double)(avail0 - avail1) / launched;
		if (!idle_ok || (prog->between && !prog->between(prog, ins, launched, res, idle_why,
								 sizeof idle_why))) {
			snprintf(why, sizeof why, "%s", idle_why);
			ok = false;
		}
	}
	stop_all(ins, launched, res);
	if (res->left) {
		char more[96];
		snprintf(more, sizeof more, "%s%d process(es) left after the stop (killed)",
			 *why ? "; " : "", res->left);
		strncat(why, more, sizeof why - strlen(why) - 1);
		ok = false;
	}
	res->failed = !ok;
	snprintf(res->note, sizeof res->note, "%s", why);
	free(ins);
	return ok;
}
