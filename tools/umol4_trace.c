/* umol4-trace: compares, converts and summarises umol4 event traces (umol4 --trace=FILE).
 * docs/tracing.md describes the trace format and every subcommand. Exit status: 0 fine (diff:
 * the traces agree), 1 the traces diverge, 2 bad usage or bad input (one line on stderr). */
#include "os/linux/version.h"
#include "trace_tool.h"

#include <getopt.h>
#include <string.h>

static const char usage[] =
	"usage: umol4-trace diff A B [--with-memory] [--with-timing] [--context N]\n"
	"                            [--ignore KIND[:NAME]]...\n"
	"       umol4-trace chrome A [--events N] > a.json\n"
	"       umol4-trace summary A [--events N]\n"
	"       umol4-trace svg A [--events N] > a.svg\n"
	"\n"
	"A and B are traces written by `umol4 --trace=FILE` (\"-\" reads standard input).\n"
	"\n"
	"  diff      compare the ISA-neutral parts of two traces event by event (every member\n"
	"            but seq, us and isa); report the first divergence with the events before it\n"
	"            --with-memory  compare events marked \"mem\" (paging traffic) too\n"
	"            --with-timing  compare preempt events and the \"us\" clock too\n"
	"            --context N    show N equal events before the divergence (default 5)\n"
	"            --ignore KIND[:NAME]  leave out events of that kind (and name), e.g.\n"
	"                           --ignore syscall:exception_table; repeatable\n"
	"  chrome    write the trace in the Chrome trace-event format to standard output, for\n"
	"            ui.perfetto.dev or chrome://tracing: a track per L4 thread, run slices,\n"
	"            events, waits, and IPC messages as flow arrows\n"
	"  summary   counts per event kind and name, time per kind, and a table per thread\n"
	"  svg       draw the timeline as an SVG picture (for short traces)\n"
	"            --events N     chrome, summary, svg: only the first N events\n"
	"  -h, --help  show this help\n"
	"  --version   show the version\n"
	"\n"
	"exit status: 0 success (diff: the traces agree), 1 the traces differ, 2 bad usage or a\n"
	"bad trace (one line on stderr: file:line:column and what is wrong)\n";

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p) {
		fputs("umol4-trace: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static int bad(const char *what, const char *arg)
{
	fprintf(stderr, "umol4-trace: %s%s (see umol4-trace --help)\n", what, arg ? arg : "");
	return 2;
}

/* Parses the options after the subcommand; the operands stay in argv[optind..]. */
static int options(int argc, char **argv, struct diff_opts *o, unsigned long *limit, bool is_diff)
{
	static const struct option longopts[] = {
		{"with-memory", no_argument, 0, 'm'}, {"with-timing", no_argument, 0, 't'},
		{"context", required_argument, 0, 'c'}, {"ignore", required_argument, 0, 'i'},
		{"events", required_argument, 0, 'e'},	{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	int ch;
	char *end;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":h", longopts, 0)) != -1) {
		if (ch == 'h') {
			fputs(usage, stdout);
			exit(0);
		}
		if (ch == '?')
			return bad("unknown option ", argv[optind - 1]);
		if (ch == ':')
			return bad("missing value of ", argv[optind - 1]);
		if (ch == 'e') {
			if (is_diff)
				return bad("--events is not an option of diff", 0);
			*limit = strtoul(optarg, &end, 10);
			if (end == optarg || *end || optarg[0] == '-' || !*limit)
				return bad("--events wants a positive number, not ", optarg);
			continue;
		}
		if (!is_diff)
			return bad("option only for diff: ", argv[optind - 1]);
		switch (ch) {
		case 'm':
			o->with_memory = true;
			break;
		case 't':
			o->with_timing = true;
			break;
		case 'c':
			o->context = (unsigned)strtoul(optarg, &end, 10);
			if (end == optarg || *end || optarg[0] == '-' || o->context > 1000)
				return bad("--context wants a number 0..1000, not ", optarg);
			break;
		case 'i':
			if (o->nignore == MAX_IGNORE)
				return bad("too many --ignore", 0);
			if (!optarg[0] || optarg[0] == ':')
				return bad("--ignore wants KIND or KIND:NAME, not ", optarg);
			o->ignore[o->nignore++] = optarg;
			break;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct diff_opts o = {.context = 5};
	unsigned long limit = 0;
	if (argc < 2)
		return bad("missing subcommand (diff, chrome, summary or svg)", 0);
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		fputs(usage, stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		umol4_print_version(stdout, "umol4-trace", 0);
		return 0;
	}
	bool is_diff = !strcmp(cmd, "diff");
	if (!is_diff && strcmp(cmd, "chrome") && strcmp(cmd, "summary") && strcmp(cmd, "svg"))
		return bad(cmd[0] == '-' ? "unknown option " : "unknown subcommand ", cmd);
	if (options(argc - 1, argv + 1, &o, &limit, is_diff))
		return 2;
	char **args = argv + 1 + optind;
	int nargs = argc - 1 - optind, want = is_diff ? 2 : 1;
	if (nargs != want)
		return bad(nargs < want ? "missing trace file for " : "too many files for ", cmd);
	if (is_diff && !strcmp(args[0], "-") && !strcmp(args[1], "-"))
		return bad("only one trace can come from standard input", 0);
	int rc = is_diff		   ? trace_diff(args[0], args[1], &o, stdout)
		 : !strcmp(cmd, "chrome")  ? trace_chrome(args[0], limit, stdout)
		 : !strcmp(cmd, "summary") ? trace_summary(args[0], limit, stdout)
					   : trace_svg(args[0], limit, stdout);
	if (fflush(stdout) || ferror(stdout)) {
		fputs("umol4-trace: cannot write the output\n", stderr);
		return 2;
	}
	return rc;
}
