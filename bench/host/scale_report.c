/* umol4-bench --instances: the table on stdout and the "instances" section of the JSON. */
#include "scale.h"

#include <stdlib.h>
#include <string.h>

/* Start-up times of a range of instances (in start order): median and maximum. */
struct span {
	int first, last; /* 1-based, inclusive */
	double median, max;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static struct span span_of(const double *ms, int first, int count)
{
	struct span s = {first + 1, first + count, -1, -1};
	double *v = malloc((size_t)count * sizeof *v);
	if (!v || count <= 0) {
		free(v);
		return s;
	}
	memcpy(v, ms + first, (size_t)count * sizeof *v);
	qsort(v, (size_t)count, sizeof *v, cmp_double);
	s.median = count % 2 ? v[count / 2] : (v[count / 2 - 1] + v[count / 2]) / 2;
	s.max = v[count - 1];
	free(v);
	return s;
}

static double percentile(const double *ms, int n, double p)
{
	double *v = malloc((size_t)n * sizeof *v), r = -1;
	if (v && n > 0) {
		memcpy(v, ms, (size_t)n * sizeof *v);
		qsort(v, (size_t)n, sizeof *v, cmp_double);
		r = v[(int)(p * (n - 1) + 0.5)];
	}
	free(v);
	return r;
}

/* The first and the last tenth of the instances (at least one each): does start-up stay flat
 * as the host fills up? */
static int tenth(int n)
{
	return n >= 10 ? n / 10 : 1;
}

#define TENTHS 10

/* The instances in (up to) ten consecutive groups. Returns the number of groups. */
static int tenths(const struct scale_result *r, struct span out[TENTHS])
{
	int n = r->started, groups = n < TENTHS ? n : TENTHS;
	for (int g = 0; g < groups; g++) {
		int a = (int)((long)n * g / groups), b = (int)((long)n * (g + 1) / groups);
		out[g] = span_of(r->startup_ms, a, b - a);
	}
	return groups;
}

static void print_limit(const char *name, long v)
{
	if (v < 0)
		printf("%s unlimited", name);
	else
		printf("%s %ld", name, v);
}

void scale_table(const struct scale_result *res, int nres, const struct host_limits *lim)
{
	printf("host limits: ");
	print_limit("pid_max", lim->pid_max);
	print_limit(", threads-max", lim->threads_max);
	print_limit(", threads of this user", lim->nproc);
	print_limit(", open files", lim->nofile);
	printf(", threads in use %ld, MemAvailable %.1f GiB\n", lim->threads_in_use,
	       lim->mem_available_kb / 1048576.0);
	for (int k = 0; k < nres; k++) {
		const struct scale_result *r = &res[k];
		int n = r->started;
		if (r->cluster)
			printf("\n%s (%s): %d instances on %s: %d answering (sigma0 + loader + "
			       "examples/netecho.elf pong), one pinging; batches of %d%s\n",
			       r->isa, r->mode, r->requested + 1, r->net.url, r->requested,
			       r->batch, r->no_spin ? ", umol4 --no-spin" : "");
		else
			printf("\n%s (%s): %d idle instances (sigma0 + loader + bench/idle.elf), "
			       "batches of %d%s\n",
			       r->isa, r->mode, r->requested, r->batch,
			       r->no_spin ? ", umol4 --no-spin" : "");
		printf("  %-40s %d of %d in %.1f s\n", "started", n, r->requested, r->start_wall_s);
		if (r->failed)
			printf("  %-40s %s\n", "FAILED", r->note);
		if (!n)
			continue;
		struct span first = span_of(r->startup_ms, 0, tenth(n)),
			    last = span_of(r->startup_ms, n - tenth(n), tenth(n));
		printf("  %-40s median %.1f, p90 %.1f, max %.1f\n", "start-up per instance, ms",
		       percentile(r->startup_ms, n, 0.5), percentile(r->startup_ms, n, 0.9),
		       percentile(r->startup_ms, n, 1));
		printf("  %-40s %.1f vs %.1f ms (x%.2f)\n", "  median: first 10% vs last 10%",
		       first.median, last.median, last.median / first.median);
		struct span t[TENTHS];
		int groups = tenths(r, t);
		for (int g = 0; g < groups; g++) {
			char lbl[48];
			snprintf(lbl, sizeof lbl, "  instances %d-%d", t[g].first, t[g].last);
			printf("  %-40s median %.1f, max %.1f\n", lbl, t[g].median, t[g].max);
		}
		if (r->window_s <= 0)
			continue;
		printf("  %-40s %.1f processes, %.1f threads\n", "per instance", r->procs_per_inst,
		       r->threads_per_inst);
		printf("  %-40s median %.0f KiB, mean %.0f KiB (kernel %.0f, task processes %.0f; "
		       "anon %.0f, file %.0f, shmem %.0f)\n",
		       "memory per instance (sum of Pss)", r->pss_median, r->pss_mean,
		       r->pss_kernel_mean, r->pss_tasks_mean, r->pss_anon_mean, r->pss_file_mean,
		       r->pss_shmem_mean);
		printf("  %-40s %.0f KiB\n", "MemAvailable drop / instances",
		       r->avail_drop_per_inst);
		printf("  %-40s %.2f%% of one CPU over %.1f s (%.4f%% per instance), %.0f "
		       "wake-ups/s\n",
		       "CPU use of all idle instances", r->cpu_percent, r->window_s,
		       r->cpu_percent / n, r->wakeups_per_s);
		printf("  %-40s %.1f ms\n", "CPU per instance until it was up", r->start_cpu_ms);
		if (r->cluster) {
			printf("  %-40s %d of %d", "ping: instances that answered", r->net.answered,
			       r->net.peers);
			if (r->net.reach_all_ms >= 0)
				printf(", all reached in %.1f ms", r->net.reach_all_ms);
			printf(" (pinger's exit status %d)\n", r->net.ping_status);
			printf("  %-40s %.2f ms\n", "CPU per answering instance in the round",
			       r->net.round_cpu_ms);
		}
		printf("  %-40s all in %.2f s, %d process(es) left\n", "stopped (SIGTERM)",
		       r->stop_s, r->left);
	}
}

void scale_json(FILE *o, const struct scale_result *res, int nres, const struct host_limits *lim)
{
	fprintf(o,
		"  \"host_limits\": {\"pid_max\": %ld, \"threads_max\": %ld, \"nproc\": %ld, "
		"\"nofile\": %ld, \"threads_in_use\": %ld, \"mem_available_kb\": %ld},\n",
		lim->pid_max, lim->threads_max, lim->nproc, lim->nofile, lim->threads_in_use,
		lim->mem_available_kb);
	fprintf(o, "  \"%s\": {\n", nres && res[0].cluster ? "cluster" : "instances");
	for (int k = 0; k < nres; k++) {
		const struct scale_result *r = &res[k];
		int n = r->started;
		fprintf(o, "    \"%s\": {\"mode\": \"%s\", \"status\": \"%s\", \"note\": ", r->isa,
			r->mode, r->failed ? "error" : "ok");
		json_string(o, r->note);
		fprintf(o,
			",\n      \"requested\": %d, \"started\": %d, \"batch\": %d, \"spin\": %s",
			r->requested, n, r->batch, r->no_spin ? "false" : "true");
		json_number(o, "start_wall_s", r->start_wall_s);
		json_number(o, "processes_per_instance", r->procs_per_inst);
		json_number(o, "threads_per_instance", r->threads_per_inst);
		fprintf(o, ",\n      \"startup_ms\": {\"unit\": \"ms\"");
		if (n) {
			json_number(o, "median", percentile(r->startup_ms, n, 0.5));
			json_number(o, "p90", percentile(r->startup_ms, n, 0.9));
			json_number(o, "max", percentile(r->startup_ms, n, 1));
			json_number(o, "first10_median",
				    span_of(r->startup_ms, 0, tenth(n)).median);
			json_number(o, "last10_median",
				    span_of(r->startup_ms, n - tenth(n), tenth(n)).median);
			struct span t[TENTHS];
			int groups = tenths(r, t);
			fprintf(o, ", \"tenths\": [");
			for (int g = 0; g < groups; g++)
				fprintf(
				    o,
				    "%s{\"first\": %d, \"last\": %d, \"median\": %.6g, \"max\": "
				    "%.6g}",
				    g ? ", " : "", t[g].first, t[g].last, t[g].median, t[g].max);
			fprintf(o, "], \"samples\": [");
			for (int i = 0; i < n; i++)
				fprintf(o, "%s%.4g", i ? ", " : "", r->startup_ms[i]);
			fprintf(o, "]");
		}
		fprintf(o, "}");
		if (n && r->window_s > 0) {
			fprintf(o, ",\n      \"memory_kb\": {\"unit\": \"KiB\"");
			json_number(o, "pss_median", r->pss_median);
			json_number(o, "pss_mean", r->pss_mean);
			json_number(o, "pss_kernel_mean", r->pss_kernel_mean);
			json_number(o, "pss_tasks_mean", r->pss_tasks_mean);
			json_number(o, "pss_anon_mean", r->pss_anon_mean);
			json_number(o, "pss_file_mean", r->pss_file_mean);
			json_number(o, "pss_shmem_mean", r->pss_shmem_mean);
			json_number(o, "mem_available_drop_per_instance", r->avail_drop_per_inst);
			fprintf(o, "},\n      \"idle_cpu\": {\"window_s\": %.3f", r->window_s);
			json_number(o, "percent_of_one_cpu", r->cpu_percent);
			json_number(o, "percent_per_instance", r->cpu_percent / n);
			json_number(o, "wakeups_per_s", r->wakeups_per_s);
			json_number(o, "start_ms_per_instance", r->start_cpu_ms);
			fprintf(o, "}");
		}
		if (r->cluster) {
			const struct scale_net *c = &r->net;
			fprintf(o, ",\n      \"network\": {\"url\": ");
			json_string(o, c->url);
			fprintf(o,
				", \"instances\": %d, \"peers\": %d, \"answered\": %d, "
				"\"ping_status\": %d",
				c->peers + 1, c->peers, c->answered, c->ping_status);
			json_number(o, "reach_all_ms", c->reach_all_ms);
			json_number(o, "round_cpu_ms_per_instance", c->round_cpu_ms);
			fprintf(o, "}");
		}
		fprintf(o, ",\n      \"stop\": {\"seconds\": %.3f, \"left_processes\": %d}}%s\n",
			r->stop_s, r->left, k + 1 < nres ? "," : "");
	}
	fprintf(o, "  }\n");
}
