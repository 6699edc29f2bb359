/* umol4-bench --instances, between scale.c (running the instances) and scale_proc.c (what /proc
 * says about them and about the host). */
#ifndef UMOL4_BENCH_SCALE_PROC_H
#define UMOL4_BENCH_SCALE_PROC_H

#include "scale.h"

#include <stdint.h>

struct instance {
	pid_t pid; /* the umol4 kernel, leader of a process group of its own */
	int fd;	   /* read end of its stdout and stderr; -1 at end of file */
	double t0, t_ready;
	bool up, reaped;
	int status;
	char out[400]; /* the start of its output: umol4's complaint if it fails */
	size_t len;
	/* from the last census of its processes */
	int nproc, nthreads;
	pid_t task_pgid;
	double pss[4], kernel_pss; /* KiB: total, anon, file, shmem */
	uint64_t cpu_ns, runs;
};

enum { PSS, PSS_ANON, PSS_FILE, PSS_SHMEM };

/* Finds every process of the instances (the kernel, and its children: the task processes) and
 * takes CPU or memory figures of each, and their process and thread counts. */
enum census { CENSUS_CPU, CENSUS_MEM };
void census(struct instance *ins, int n, enum census what);
/* Processes of the instances still there (zombies reaped); kill_them: SIGKILL them. */
int count_left(struct instance *ins, int n, bool kill_them);
/* A field of /proc/meminfo in KiB ("MemAvailable:"), -1 if unknown. */
long meminfo_kb(const char *key);

#endif
