/* umol4-bench: runs the L4 benchmark programs (bench/l4) on every ISA, measures the host
 * primitives in the same run, and reports each L4 figure as a ratio to getpid and to the futex
 * round trip: a table on stdout, JSON (--json) and one SVG bar chart per ISA (--svg). */
#include "umol4_bench.h"
#include "net.h"
#include "os/linux/version.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const struct isa_run isa_table[] = {
    {.name = "x86", .libisa = "x86", .mode = "native"},
    {.name = "x86-emu", .libisa = "x86", .mode = "qemu-i386", .emulate = true},
    {.name = "arm", .libisa = "arm", .mode = "qemu-arm"},
    {.name = "mips", .libisa = "mips", .mode = "qemu-mips"},
    {.name = "mipsel", .libisa = "mipsel", .mode = "qemu-mipsel"},
    {.name = "riscv", .libisa = "riscv", .mode = "qemu-riscv32"},
};
#define N_ISA_TABLE (sizeof isa_table / sizeof isa_table[0])

#define STR_(x)	       #x
#define STR(x)	       STR_(x)
#define RUN_TIMEOUT_MS 120000
#define OUT_MAX	       8192

struct options {
	const char *json, *svg;
	int reps;
	bool quick;
	int cpu;
	int instances, batch; /* --instances N: the scale benchmark instead of the figures */
	int cluster;	      /* --cluster N: N instances on one vxvde network, one pings */
	bool no_spin;	      /* umol4 --no-spin for every instance */
	bool reps_given;
};

static char bindir[PATH_MAX];

static void usage(FILE *f)
{
	fprintf(
	    f,
	    "usage: umol4-bench [options]\n"
	    "\n"
	    "Measures host primitives and umol4's L4 figures (null system call, short and long\n"
	    "IPC, page faults, superpage mapping) per ISA, and reports each L4 figure as a ratio\n"
	    "to getpid and to a futex round trip measured in the same run.\n"
	    "\n"
	    "options:\n"
	    "  --isa LIST     comma-separated ISAs (default x86,x86-emu,arm,mips,mipsel,riscv)\n"
	    "  --reps N       repetitions of every figure, 1..%d (default 5): median, min, max\n"
	    "  --quick        few iterations: a smoke test, not a measurement\n"
	    "  --unconfined   run umol4 --unconfined (task processes without seccomp, Landlock\n"
	    "                 and capability confinement), to measure what confinement costs\n"
	    "  --json FILE    write the results as JSON to FILE\n"
	    "  --svg DIR      write one bar chart per ISA, DIR/<isa>.svg\n"
	    "  --cpu N        host CPU for the instances and the same-CPU baselines\n"
	    "                 (default: the last CPU this process may use)\n"
	    "  --instances N  instead of the figures: start N idle instances (sigma0, loader,\n"
	    "                 bench/idle.elf) per ISA of --isa (default x86), 1..%d; report\n"
	    "                 their start-up times, memory and idle CPU use, then stop them\n"
	    "  --cluster N    instead of the figures: N instances (examples/netecho.elf) per ISA\n"
	    "                 of --isa (default x86) on one vxvde network, 2..%d; one pings all\n"
	    "                 the others; report the answers, the time to reach all, memory\n"
	    "                 and CPU per instance, then stop them\n"
	    "  --batch N      with --instances or --cluster: start N at a time, 1..%d (default "
	    "10)\n"
	    "  --no-spin      with --instances or --cluster: run them with umol4 --no-spin\n"
	    "  -h, --help     show this help\n"
	    "  --version      show the version, the runtime and the qemu-user found\n"
	    "\n"
	    "exit status: 0 measured (figures the kernel cannot run yet are n/a), 1 a benchmark\n"
	    "failed (--instances, --cluster: not all started or answered, or a process was\n"
	    "left), 2 bad usage\n",
	    MAX_REPS, MAX_INSTANCES, MAX_CLUSTER, MAX_BATCH);
}

static int bad_usage(const char *what, const char *arg)
{
	fprintf(stderr, "umol4-bench: %s%s%s (try 'umol4-bench --help')\n", what, arg ? ": " : "",
		arg ? arg : "");
	return 2;
}

static int add_isas(struct report *r, char *list)
{
	for (char *save = 0, *tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(0, ",", &save)) {
		size_t i = 0;
		while (i < N_ISA_TABLE && strcmp(isa_table[i].name, tok))
			i++;
		if (i == N_ISA_TABLE)
			return bad_usage("unknown ISA (x86, x86-emu, arm, mips, mipsel, riscv)",
					 tok);
		for (int j = 0; j < r->nisa; j++)
			if (!strcmp(r->isa[j].name, tok))
				return bad_usage("ISA listed twice", tok);
		r->isa[r->nisa++] = isa_table[i];
	}
	return r->nisa ? 0 : bad_usage("--isa wants a list of ISAs", 0);
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* --unconfined: every figure's instance runs without task-process confinement */
static bool bench_unconfined;

static int parse_options(int argc, char **argv, struct options *o, struct report *r)
{
	static const struct option opts[] = {
	    {"isa", required_argument, 0, 'i'},	      {"reps", required_argument, 0, 'r'},
	    {"quick", no_argument, 0, 'q'},	      {"json", required_argument, 0, 'j'},
	    {"svg", required_argument, 0, 's'},	      {"cpu", required_argument, 0, 'c'},
	    {"instances", required_argument, 0, 'n'}, {"cluster", required_argument, 0, 'C'},
	    {"batch", required_argument, 0, 'b'},     {"no-spin", no_argument, 0, 'S'},
	    {"unconfined", no_argument, 0, 'U'},      {"help", no_argument, 0, 'h'},
	    {"version", no_argument, 0, 'V'},	      {0, 0, 0, 0}};
	char *isas = 0;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, 0)) != -1) {
		switch (c) {
		case 'i':
			isas = optarg;
			break;
		case 'r':
			if (parse_int(optarg, 1, MAX_REPS, &o->reps))
				return bad_usage("--reps wants a number from 1 to " STR(MAX_REPS),
						 optarg);
			o->reps_given = true;
			break;
		case 'q':
			o->quick = true;
			break;
		case 'U':
			bench_unconfined = true;
			break;
		case 'j':
			o->json = optarg;
			break;
		case 's':
			o->svg = optarg;
			break;
		case 'c':
			if (parse_int(optarg, 0, CPU_SETSIZE - 1, &o->cpu))
				return bad_usage("--cpu wants a CPU number", optarg);
			break;
		case 'n':
			if (parse_int(optarg, 1, MAX_INSTANCES, &o->instances))
				return bad_usage(
				    "--instances wants a number from 1 to " STR(MAX_INSTANCES),
				    optarg);
			break;
		case 'C':
			if (parse_int(optarg, 2, MAX_CLUSTER, &o->cluster))
				return bad_usage(
				    "--cluster wants a number from 2 to " STR(MAX_CLUSTER), optarg);
			break;
		case 'b':
			if (parse_int(optarg, 1, MAX_BATCH, &o->batch))
				return bad_usage("--batch wants a number from 1 to " STR(MAX_BATCH),
						 optarg);
			break;
		case 'S':
			o->no_spin = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			umol4_print_version(stdout, "umol4-bench", 0);
			exit(0);
		case ':':
			return bad_usage("option needs an argument", argv[optind - 1]);
		default:
			return bad_usage("unknown option", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return bad_usage("unexpected argument", argv[optind]);
	if (o->instances && o->cluster)
		return bad_usage("--instances and --cluster exclude each other", 0);
	bool scale = o->instances || o->cluster;
	if (scale && (o->reps_given || o->svg || o->cpu >= 0))
		return bad_usage("--instances and --cluster take no --reps, --svg or --cpu", 0);
	if (!scale && (o->batch || o->no_spin))
		return bad_usage("--batch and --no-spin go with --instances or --cluster", 0);
	char all[] = "x86,x86-emu,arm,mips,mipsel,riscv", native[] = "x86";
	return add_isas(r, isas ? isas : scale ? native : all);
}

/* The CPU everything runs on, and another one for the cross-CPU baseline. */
static int pick_cpus(struct options *o, struct report *r)
{
	cpu_set_t s;
	if (sched_getaffinity(0, sizeof s, &s))
		CPU_ZERO(&s);
	int last = -1, first = -1;
	for (int i = 0; i < CPU_SETSIZE; i++)
		if (CPU_ISSET(i, &s)) {
			last = i;
			if (first < 0)
				first = i;
		}
	r->cpu = o->cpu >= 0 ? o->cpu : (last >= 0 ? last : 0);
	r->other_cpu = -1;
	for (int i = 0; i < CPU_SETSIZE && r->other_cpu < 0; i++)
		if (CPU_ISSET(i, &s) && i != r->cpu)
			r->other_cpu = i;
	if (o->cpu >= 0 && !CPU_ISSET(o->cpu, &s))
		return bad_usage("--cpu names a CPU this process may not use", 0);
	return 0;
}

/* The 1-minute load average: other work on the machine disturbs every figure. */
static double loadavg(void)
{
	double l = -1;
	FILE *f = fopen("/proc/loadavg", "r");
	if (f && fscanf(f, "%lf", &l) != 1)
		l = -1;
	if (f)
		fclose(f);
	return l;
}

static void describe_host(struct report *r)
{
	struct utsname u;
	char model[128] = "unknown CPU", line[256];
	FILE *f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
			snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
			model[strcspn(model, "\n")] = 0;
			break;
		}
	if (f)
		fclose(f);
	uname(&u);
	snprintf(r->host, sizeof r->host, "%s %s %s, %ld CPUs, %s", u.sysname, u.release, u.machine,
		 sysconf(_SC_NPROCESSORS_ONLN), model);
	time_t now = time(0);
	strftime(r->date, sizeof r->date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
}

/* Runs argv with stdout and stderr captured; returns the exit status, -1 on timeout. */
static int run_captured(char *const argv[], char *out, char *err)
{
	int po[2], pe[2];
	if (pipe(po) || pipe(pe))
		return -2;
	pid_t p = fork();
	if (p < 0)
		return -2;
	if (!p) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(pe[0]);
		close(po[1]);
		close(pe[1]);
		execv(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
	char *buf[2] = {out, err};
	size_t len[2] = {0, 0};
	int open_fds = 2, timed_out = 0;
	while (open_fds && !timed_out) {
		int n = poll(fds, 2, RUN_TIMEOUT_MS);
		if (n == 0)
			timed_out = 1;
		for (int i = 0; n > 0 && i < 2; i++) {
			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			char tmp[1024];
			ssize_t got = read(fds[i].fd, tmp, sizeof tmp);
			if (got <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
				continue;
			}
			size_t take =
			    (size_t)got < OUT_MAX - 1 - len[i] ? (size_t)got : OUT_MAX - 1 - len[i];
			memcpy(buf[i] + len[i], tmp, take);
			len[i] += take;
		}
	}
	out[len[0]] = err[len[1]] = 0;
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	int st;
	pid_t done = 0;
	if (timed_out) {
		/* umol4 reaps its task processes on SIGTERM; SIGKILL takes them along too
		 * (PR_SET_PDEATHSIG), if it does not end within 5 s */
		kill(p, SIGTERM);
		for (int i = 0; i < 50 && !(done = waitpid(p, &st, WNOHANG)); i++)
			nanosleep(&(struct timespec){0, 100000000}, 0);
		if (!done)
			kill(p, SIGKILL);
	}
	while (done != p && (done = waitpid(p, &st, 0)) < 0 && errno == EINTR)
		;
	if (timed_out)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void set_note(struct result *res, enum outcome o, const char *text)
{
	res->outcome = o;
	snprintf(res->note, sizeof res->note, "%.*s", (int)strcspn(text, "\n"), text);
}

/* Files a run's outcome: "BENCH <key> <ops> <us>", n/a or error (bench/l4/bench.h). */
static void file_result(struct result *res, const char *key, int status, const char *out,
			const char *err)
{
	char want[80], word[64], rest[128] = "";
	unsigned ops;
	unsigned long long us;
	snprintf(want, sizeof want, "BENCH %s ", key);
	const char *line = strstr(out, want);
	if (status == -1) {
		set_note(res, OUT_ERROR, "timed out");
	} else if (!line || sscanf(line, "BENCH %*s %63s", word) != 1) {
		char msg[200];
		snprintf(msg, sizeof msg, "exit status %d, no result: %.150s", status,
			 *err ? err : "(no output)");
		set_note(res, OUT_ERROR, msg);
	} else if (!strcmp(word, "n/a") || !strcmp(word, "error")) {
		sscanf(line, "BENCH %*s %*s %127[^\n]", rest);
		set_note(res, word[0] == 'n' ? OUT_NA : OUT_ERROR, rest);
	} else if (status != 0 || sscanf(line, "BENCH %*s %u %llu", &ops, &us) != 2 || !ops) {
		set_note(res, OUT_ERROR, "malformed result");
	} else {
		res->ops = ops;
		stats_add(&res->st, us * 1000.0 / ops);
	}
}

static void run_with_partner(struct result *res, const struct figure *f, char *argv[], char **count,
			     char *out, char *err);

/* One run of figure f on ISA i: umol4 [--emulate] --cpu=N prog.elf iterations [arg]. */
static void run_figure(const struct report *r, struct isa_run *i, const struct figure *f,
		       bool quick)
{
	struct result *res = &i->res[f - figures];
	char elf[PATH_MAX + 64], umol4[PATH_MAX + 8], cpu[32], iters[16];
	snprintf(elf, sizeof elf, "%s/../lib/umol4/%s/bench/%s.elf", bindir, i->libisa, f->prog);
	snprintf(umol4, sizeof umol4, "%s/umol4", bindir);
	snprintf(cpu, sizeof cpu, "--cpu=%d", r->cpu);
	snprintf(iters, sizeof iters, "%u", quick ? f->quick : f->iters);
	if (access(elf, R_OK)) {
		set_note(res, OUT_NA, "benchmark program not built");
		return;
	}
	/* the program is the root task itself: the figures are the kernel's, and task_new needs
	 * the task numbers the root owns; the network card's driver needs the loader's memory */
	char *argv[12] = {umol4, cpu}, **a = argv + 2, **count, net[80];
	if (!f->net)
		*a++ = "--no-loader";
	if (bench_unconfined)
		*a++ = "--unconfined";
	if (i->emulate)
		*a++ = "--emulate";
	if (f->net) {
		char url[48];
		net_url(url, sizeof url);
		snprintf(net, sizeof net, "--net=%s", url);
		*a++ = net;
	}
	*a++ = elf;
	count = a;
	*a++ = iters;
	if (f->arg)
		*a++ = (char *)f->arg;
	*a = 0;
	static char out[OUT_MAX], err[OUT_MAX];
	if (!f->net) {
		file_result(res, f->line ? f->line : f->key, run_captured(argv, out, err), out, err);
		return;
	}
	run_with_partner(res, f, argv, count, out, err);
}

/* A frame figure: the same instance answering (frame_rt 0 pong) beside the measured one. */
static void run_with_partner(struct result *res, const struct figure *f, char *argv[], char **count,
			     char *out, char *err)
{
	char *pong[12];
	memcpy(pong, argv, sizeof pong);
	pong[count - argv] = "0";
	pong[count - argv + 1] = "pong";
	int log = net_logfile();
	pid_t partner = log < 0 ? -1 : scale_spawn(pong, log);
	if (partner < 0) {
		set_note(res, OUT_ERROR, "cannot start the partner instance");
		if (log >= 0)
			close(log);
		return;
	}
	int status = run_captured(argv, out, err);
	net_stop(partner);
	file_result(res, f->key, status, out, err);
	char *said = net_read_log(log, 200);
	close(log);
	if (res->outcome == OUT_ERROR && said && *said) {
		char note[sizeof res->note];
		snprintf(note, sizeof note, "%s; the partner said: %s", res->note, said);
		set_note(res, OUT_ERROR, note);
	}
	free(said);
}

void stats_add(struct stats *s, double v)
{
	if (s->n < MAX_REPS)
		s->samples[s->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void stats_finish(struct stats *s)
{
	if (!s->n)
		return;
	double v[MAX_REPS];
	memcpy(v, s->samples, sizeof v);
	qsort(v, (size_t)s->n, sizeof v[0], cmp_double);
	s->min = v[0];
	s->max = v[s->n - 1];
	s->median = s->n % 2 ? v[s->n / 2] : (v[s->n / 2 - 1] + v[s->n / 2]) / 2;
}

static void measure(struct report *r, bool quick)
{
	for (int rep = 0; rep < r->reps; rep++) {
		fprintf(stderr, "umol4-bench: repetition %d/%d: host", rep + 1, r->reps);
		for (int b = 0; b < B_COUNT; b++) {
			double v = baseline_measure(b, r->cpu, r->other_cpu, quick);
			if (v > 0)
				stats_add(&r->base[b], v);
		}
		for (int k = 0; k < r->nisa; k++) {
			struct isa_run *i = &r->isa[k];
			fprintf(stderr, " %s", i->name);
			for (int f = 0; f < F_COUNT; f++)
				if (i->res[f].outcome == OUT_OK)
					run_figure(r, i, &figures[f], quick);
		}
		fprintf(stderr, "\n");
	}
	for (int b = 0; b < B_COUNT; b++)
		stats_finish(&r->base[b]);
	for (int k = 0; k < r->nisa; k++)
		for (int f = 0; f < F_COUNT; f++)
			stats_finish(&r->isa[k].res[f].st);
}

/* --instances and --cluster: the scale benchmark (scale.c) on each ISA in turn. */
static int run_instances(const struct options *o, struct report *r)
{
	static struct scale_result res[MAX_ISAS];
	int rc = 0, n = o->instances ? o->instances : o->cluster - 1;
	struct scale_prog prog = scale_idle;
	char net[80] = "";
	if (o->cluster) {
		char url[48];
		net_url(url, sizeof url);
		snprintf(net, sizeof net, "--net=%s", url);
		net_cluster_prog(&prog, net);
	}
	r->scale = res;
	scale_catch_signals();
	for (int k = 0; k < r->nisa; k++) {
		const struct isa_run *i = &r->isa[k];
		struct scale_result *s = &res[r->nscale++];
		s->isa = i->name;
		s->mode = i->mode;
		s->requested = n;
		s->batch = o->batch;
		s->no_spin = o->no_spin;
		s->cluster = o->cluster > 0;
		if (s->cluster)
			snprintf(s->net.url, sizeof s->net.url, "%.47s", net + strlen("--net="));
		if (!scale_check_limits(n + s->cluster, strcmp(i->mode, "native") != 0, &r->limits,
					s->note, sizeof s->note)) {
			fprintf(stderr, "umol4-bench: %s: %s\n", i->name, s->note);
			s->failed = true;
			rc = 1;
			continue;
		}
		if (!scale_run(bindir, i->libisa, i->emulate, n, o->batch, o->quick, &prog, s)) {
			fprintf(stderr, "umol4-bench: %s: %s\n", i->name, s->note);
			rc = 1;
		}
	}
	return rc;
}

int main(int argc, char **argv)
{
	static struct report r;
	struct options o = {.reps = 5, .cpu = -1};
	int rc = parse_options(argc, argv, &o, &r);
	if (rc || (rc = pick_cpus(&o, &r)))
		return rc;
	ssize_t n = readlink("/proc/self/exe", bindir, sizeof bindir - 1);
	if (n <= 0) {
		fprintf(stderr, "umol4-bench: cannot find myself: %s\n", strerror(errno));
		return 1;
	}
	bindir[n] = 0;
	*strrchr(bindir, '/') = 0;
	r.reps = o.reps;
	r.quick = o.quick;
	describe_host(&r);
	r.load[0] = loadavg();
	/* task processes whose kernel dies come to us, never to init: reaped, never left behind */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (o.instances || o.cluster) {
		if (!o.batch)
			o.batch = 10;
		rc = run_instances(&o, &r);
		r.load[1] = loadavg();
		report_table(&r);
		if (o.json && report_json(&r, o.json))
			rc = 1;
		return rc;
	}
	measure(&r, o.quick);
	r.load[1] = loadavg();
	report_table(&r);
	if (o.json && report_json(&r, o.json))
		rc = 1;
	if (o.svg && report_svg(&r, o.svg))
		rc = 1;
	for (int k = 0; k < r.nisa; k++)
		for (int f = 0; f < F_COUNT; f++)
			if (r.isa[k].res[f].outcome == OUT_ERROR)
				rc = 1;
	return rc;
}
