/* umol4-bench --instances N (scale.c, scale_report.c): N idle umol4 instances at once, each
 * sigma0 + the loader + bench/idle.elf; their start-up time against N, their memory, the CPU they
 * use while idle, and a clean stop (docs/performance.md, "Scale"). */
#ifndef UMOL4_BENCH_SCALE_H
#define UMOL4_BENCH_SCALE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#define MAX_INSTANCES 5000
#define MAX_CLUSTER   1000 /* netecho pings at most 1024 peers */
#define MAX_BATCH     1000

/* What the host allows, read before the first instance starts. -1: unknown or unlimited. */
struct host_limits {
	long pid_max, threads_max, nproc, nofile, threads_in_use;
	long mem_available_kb;
};

/* One ISA's run. Times in ms, memory in KiB. */
struct scale_net {
	char url[48];	     /* the instances' --net */
	int peers, answered; /* instances pinged, distinct answers the pinger received */
	int ping_status;     /* the pinger's exit status, -1: stopped after its time */
	double reach_all_ms; /* the pinger's KIP clock from its first probe to the last answer */
	double round_cpu_ms; /* CPU of the answering instances during the round, per instance */
};

struct scale_result {
	const char *isa, *mode;
	int requested, started, batch;
	bool no_spin;	/* the instances run with umol4 --no-spin */
	bool failed;	/* not all started, something died, or a process was left behind */
	char note[320]; /* why, if failed */
	double start_wall_s;
	double *startup_ms; /* per instance, in start order; `started` of them */
	double procs_per_inst, threads_per_inst;
	/* sum of Pss over the processes of one instance */
	double pss_median, pss_mean, pss_kernel_mean, pss_tasks_mean;
	double pss_anon_mean, pss_file_mean, pss_shmem_mean;
	double avail_drop_per_inst; /* MemAvailable before the first start minus after, / started */
	/* all idle instances together, over the window */
	double window_s, cpu_percent, wakeups_per_s;
	double start_cpu_ms; /* CPU time of an instance when it is up (mean) */
	bool cluster;	     /* --cluster: the instances answer a ping, net says how */
	struct scale_net net;
	double stop_s;
	int left; /* processes still there after the stop (killed then) */
};

struct instance;
/* What the instances run: --instances bench/idle.elf, --cluster netecho pong. */
struct scale_prog {
	const char *prog;	       /* under lib/umol4/<isa>/ */
	const char *opts[4], *args[4]; /* umol4 options before it, its arguments; 0-terminated */
	const char *ready;	       /* the line an instance prints when it is up */
	/* after the idle measurement, before the stop (the ping); false: failed, why says why */
	bool (*between)(const struct scale_prog *p, struct instance *ins, int n,
			struct scale_result *res, char *why, size_t wn);
	const char *umol4, *isa_opt; /* set by scale_run: umol4's path, --emulate or 0 */
	char elfdir[4096];	     /* set by scale_run: lib/umol4/<isa> */
};
extern const struct scale_prog scale_idle;

/* Runs `n` instances of prog (libisa's) with umol4 from bindir, `batch` at a time, and fills
 * res. quick: a short idle window. false if something failed (res->note says what). */
bool scale_run(const char *bindir, const char *libisa, bool emulate, int n, int batch, bool quick,
	       struct scale_prog *prog, struct scale_result *res);
/* Reads the host limits and raises RLIMIT_NOFILE as far as n instances need. false, with the
 * reason in why, if a limit leaves no room for n instances (qemu: under qemu-user). */
bool scale_check_limits(int n, bool qemu, struct host_limits *lim, char *why, size_t wn);
/* The instances' own stop flag: SIGINT/SIGTERM to umol4-bench stop them cleanly. */
void scale_catch_signals(void);
/* Starts argv in a process group of its own, stdout and stderr to out, stdin /dev/null; it gets
 * SIGTERM if umol4-bench dies. */
pid_t scale_spawn(char *const argv[], int out);
/* The signal that asked umol4-bench to stop, or 0. */
int scale_stop_signal(void);

void scale_table(const struct scale_result *res, int nres, const struct host_limits *lim);
void scale_json(FILE *o, const struct scale_result *res, int nres, const struct host_limits *lim);

/* JSON helpers shared with report.c */
void json_string(FILE *o, const char *s);
void json_number(FILE *o, const char *key, double v);

#endif
