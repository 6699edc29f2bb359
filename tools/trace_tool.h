/* The subcommands of umol4-trace (umol4_trace.c is the driver). Each returns the exit status:
 * 0, 1 (diff: the traces diverge) or 2 (bad input, reported in one line). */
#ifndef UMOL4_TOOLS_TRACE_TOOL_H
#define UMOL4_TOOLS_TRACE_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_IGNORE 16

struct diff_opts {
	bool with_memory; /* compare "mem" events too */
	bool with_timing; /* compare "preempt" events and the "us" clock too */
	unsigned context; /* equal events shown before the divergence */
	const char *ignore[MAX_IGNORE]; /* "KIND" or "KIND:NAME": events left out */
	unsigned nignore;
};

int trace_diff(const char *a, const char *b, const struct diff_opts *o, FILE *out);
/* limit: only the first `limit` events (0: all) */
int trace_chrome(const char *path, unsigned long limit, FILE *out);
int trace_summary(const char *path, unsigned long limit, FILE *out);
int trace_svg(const char *path, unsigned long limit, FILE *out);

/* realloc, or exit 2 with one line */
void *xrealloc(void *p, size_t size);

#endif
