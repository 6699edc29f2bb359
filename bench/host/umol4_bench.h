/* umol4-bench: host baselines and L4 figures measured in one run, reported as ratios to the host
 * primitives (docs/performance.md). */
#ifndef UMOL4_BENCH_HOST_H
#define UMOL4_BENCH_HOST_H

#include "scale.h"

#include <stdbool.h>
#include <stdio.h>

#define MAX_REPS 50

/* Median and spread of one figure's repetitions, in ns per operation. */
struct stats {
	int n;
	double samples[MAX_REPS];
	double median, min, max;
};
void stats_add(struct stats *s, double v);
void stats_finish(struct stats *s);

/* Host baselines (baseline.c). Every value is ns per operation; a memcpy's operation is one
 * copy of its baseline_info.bytes. */
enum baseline {
	B_GETPID,
	B_INT80,
	B_FUTEX_SAME,
	B_FUTEX_CROSS,
	B_SPIN,
	B_PIPE,
	B_PTRACE,
	B_SIGNAL,
	B_MEMCPY,
	B_MEMCPY_1M,
	B_MEMCPY_4M,
	B_TOUCH,
	B_MMAP,
	B_MMAP_CHECKED,
	B_COUNT
};
struct baseline_info {
	const char *key, *label;
	double bytes; /* copied per operation (the memcpy baselines), or 0 */
};
extern const struct baseline_info baselines[B_COUNT];
/* One measurement on host CPU cpu (and other, for the cross-CPU figure; -1 if there is none).
 * Returns ns per operation, or a negative value if it cannot be measured here. */
double baseline_measure(enum baseline b, int cpu, int other, bool quick);
/* A page fault's host part (baseline_map.c): a one-page mmap, alone and checked by a seccomp
 * supervisor on the same CPU. ns per mapping of n pages' worth of a run. */
double b_mmap_page(int partner, long n);
double b_mmap_checked(int partner, long n);

/* L4 figures (umol4_bench.c): one L4 program each, run with a count as argv[1]. */
struct figure {
	const char *key, *label;
	const char *prog;      /* bench/<prog>.elf */
	const char *line;      /* the key of its "BENCH <key>" line, if not key */
	const char *arg;       /* argv[2], or 0 */
	unsigned iters, quick; /* argv[1]: operations per run (bulkmap: superpages) */
	double bytes;	       /* copied per operation: also reported as bandwidth */
	enum baseline memcpy;  /* with bytes: the host memcpy of that size it is put against */
	/* umol4's targets and Fiasco-UX's range (docs/performance.md), in x getpid; 0: none */
	double target_x_getpid, target_memcpy_share, fiasco[2];
	/* Ethernet frames between two instances (frame_rt.c): run under the loader with --net on
	 * a network of their own, against a partner instance; also reported as a rate */
	bool net;
	const char *rate_unit; /* "round trips/s", "frames/s" */
};
#define F_COUNT 19
extern const struct figure figures[F_COUNT];

enum outcome { OUT_OK, OUT_NA, OUT_ERROR };
struct result {
	enum outcome outcome;
	char note[160]; /* n/a reason or error */
	unsigned ops;
	struct stats st;
};

struct isa_run {
	const char *name;   /* as in --isa: x86, x86-emu, arm, mips, mipsel, riscv */
	const char *libisa; /* directory under lib/umol4 */
	const char *mode;   /* native, qemu-i386, qemu-arm, ... */
	bool emulate;
	struct result res[F_COUNT];
};

#define MAX_ISAS 6 /* every ISA of --isa */
struct report {
	char date[32];
	char host[256];
	int cpu, other_cpu;
	int reps;
	bool quick;
	double load[2]; /* 1-minute load average before and after */
	struct stats base[B_COUNT];
	int nisa;
	struct isa_run isa[MAX_ISAS];
	/* --instances: one result per ISA instead of the figures */
	int nscale;
	struct scale_result *scale;
	struct host_limits limits;
};

/* Output (report.c). */
void report_table(const struct report *r);
int report_json(const struct report *r, const char *path);
int report_svg(const struct report *r, const char *dir);
/* Where a page fault's time goes (pfsplit.c): a line of the table, a member of the ISA's JSON. */
void pf_split_table(const struct report *r, const struct isa_run *i);
void pf_split_json(FILE *o, const struct report *r, const struct isa_run *i);
/* Ratio of figure f's median to baseline b; negative if either is missing. */
double ratio(const struct report *r, const struct result *res, enum baseline b);

#endif
