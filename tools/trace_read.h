/* Reading umol4 traces (umol4 --trace=FILE, docs/tracing.md): one flat JSON object per line.
 *
 * Why a hand-written parser and not a JSON library: the kernel writes exactly one small, flat
 * format (os/linux/trace_json.c): strings, unsigned integers, `true`, arrays of integers and one
 * nested object ("isa"). Parsing that takes ~200 lines, streams a 100 MB trace line by line in
 * constant memory, needs no package beyond the compiler on any machine, and lets every error say
 * file:line:column in one line. What umol4-trace must also do that a DOM library would not give
 * for free is the comparison key: the *neutral* members (all but "seq", "us", "isa" and
 * "src_seq") kept in a canonical text form, which the parser produces while it validates. */
#ifndef UMOL4_TOOLS_TRACE_READ_H
#define UMOL4_TOOLS_TRACE_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define TEV_MAXN 16	  /* numbers in "n" or "isa.args" */
#define TEV_MAXMEMBERS 32 /* neutral members of one event */
#define TEV_NIL 0xffffffffull

/* An L4 thread id as the trace writes it: "task.lthread", both hexadecimal. */
struct tid {
	unsigned task, lthread;
};

/* One neutral member in canonical form: canon[key..key+key_len) and canon[val..val+val_len). */
struct tev_member {
	size_t key, key_len, val, val_len;
};

struct tev {
	unsigned long line; /* 1-based line in its file */
	unsigned long long seq, us, src_seq;
	bool has_seq, has_us, has_src_seq;
	char ev[32];
	char name[64];
	bool has_thread, has_peer, has_name, has_text, mem;
	struct tid thread, peer;
	unsigned long long n[TEV_MAXN];
	unsigned nn;
	char *text; /* decoded bytes of "text" (NUL-terminated; textlen excludes the NUL) */
	size_t textlen;
	/* "isa": the ISA-specific part */
	char arch[16];
	bool has_ip, has_sp, has_addr;
	unsigned long long ip, sp, addr;
	unsigned long long args[TEV_MAXN];
	unsigned nargs;
	/* the neutral members, canonical: no whitespace outside strings, in the order written */
	char *canon;
	size_t canon_len;
	struct tev_member member[TEV_MAXMEMBERS];
	unsigned nmembers;
};

struct trace_file {
	FILE *f;
	const char *path;
	unsigned long line;
	char *buf;     /* the current line */
	size_t bufcap; /* for getline */
	char *canon, *text;
	size_t canon_cap, text_cap;
};

/* Opens path ("-" is standard input); on failure prints one line and returns false. */
bool trace_open(struct trace_file *tf, const char *path);
void trace_close(struct trace_file *tf);
/* The next event: 1, 0 at the end, -1 after printing one line "umol4-trace: FILE:LINE:COL: what".
 * e->canon and e->text stay valid until the next call. */
int trace_next(struct trace_file *tf, struct tev *e);

/* "4.00" */
void tid_str(struct tid id, char out[16]);
bool tid_eq(struct tid a, struct tid b);
/* One event's neutral part, readably: "syscall ipc thread 4.00 n=[0xffffffff,1,0,0,0] peer 2.00";
 * numbers >= 0x1000 in hex, text quoted with C escapes and shortened. */
void tev_format(const struct tev *e, char *out, size_t size);
/* The ISA-specific part: "x86 ip 0x010000ba sp 0x0101ffe0 addr 0x00000010", or "". */
void tev_format_isa(const struct tev *e, char *out, size_t size);
/* The value of neutral member `key`, or 0 (length in *len). */
const char *tev_member(const struct tev *e, const char *key, size_t *len);

#endif
