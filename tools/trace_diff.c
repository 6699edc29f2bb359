/* `umol4-trace diff A B`: the first divergence of two traces' neutral event sequences. Both
 * files are streamed side by side; only the last `context` equal events are kept. */
#include "trace_tool.h"
#include "trace_read.h"

#include <string.h>

#define LINE 512

struct side {
	const char *path;
	struct trace_file tf;
	struct tev e;
	bool done;
};

struct ctx_line {
	unsigned long idx, la, lb;
	char text[LINE];
};

static bool ignored(const struct tev *e, const struct diff_opts *o)
{
	if (e->mem && !o->with_memory)
		return true;
	if (!strcmp(e->ev, "preempt") && !o->with_timing)
		return true;
	for (unsigned i = 0; i < o->nignore; i++) {
		const char *spec = o->ignore[i], *colon = strchr(spec, ':');
		size_t kind_len = colon ? (size_t)(colon - spec) : strlen(spec);
		if (strlen(e->ev) == kind_len && !memcmp(spec, e->ev, kind_len) &&
		    (!colon || (e->has_name && !strcmp(colon + 1, e->name))))
			return true;
	}
	return false;
}

/* The next compared event of s: 1, 0 at the end (s->done), -1 on bad input (reported). */
static int next(struct side *s, const struct diff_opts *o)
{
	int r;
	while ((r = trace_next(&s->tf, &s->e)) == 1 && ignored(&s->e, o))
		;
	s->done = r == 0;
	return r;
}

static bool same(const struct tev *a, const struct tev *b, const struct diff_opts *o)
{
	if (a->canon_len != b->canon_len || memcmp(a->canon, b->canon, a->canon_len))
		return false;
	return !o->with_timing || (a->has_us == b->has_us && a->us == b->us);
}

static void show(const struct side *s, char *buf)
{
	if (s->done)
		snprintf(buf, LINE, "(end of trace)");
	else
		tev_format(&s->e, buf, LINE);
}

static void num(FILE *out, unsigned long long v)
{
	fprintf(out, v >= 0x1000 ? "0x%llx" : "%llu", v);
}

/* Which neutral members differ, and how: "differing: n[2] (A 0x1030, B 0x2030)". */
static void explain(const struct tev *a, const struct tev *b, const struct diff_opts *o,
		    FILE *out)
{
	const char *sep = "  differing: ";
	for (int pass = 0; pass < 2; pass++) {
		const struct tev *x = pass ? b : a, *y = pass ? a : b;
		for (unsigned i = 0; i < x->nmembers; i++) {
			const struct tev_member *m = &x->member[i];
			char key[64];
			size_t ylen;
			snprintf(key, sizeof key, "%.*s", (int)m->key_len, x->canon + m->key);
			const char *yv = tev_member(y, key, &ylen), *xv = x->canon + m->val;
			if (yv && (pass || (ylen == m->val_len && !memcmp(xv, yv, ylen))))
				continue;
			fprintf(out, "%s", sep);
			sep = "; ";
			if (!yv) {
				fprintf(out, "%s only in %c", key, pass ? 'B' : 'A');
			} else if (!strcmp(key, "n") && a->nn == b->nn) {
				unsigned k = 0;
				while (k + 1 < a->nn && a->n[k] == b->n[k])
					k++;
				fprintf(out, "n[%u] (A ", k);
				num(out, a->n[k]);
				fputs(", B ", out);
				num(out, b->n[k]);
				fputc(')', out);
			} else {
				int la = (int)(m->val_len > 80 ? 80 : m->val_len);
				int lb = (int)(ylen > 80 ? 80 : ylen);
				fprintf(out, "%s (A %.*s, B %.*s)", key, la, xv, lb, yv);
			}
		}
	}
	if (o->with_timing && a->us != b->us)
		fprintf(out, "%sus (A %llu, B %llu)", sep, a->us, b->us);
	fputc('\n', out);
}

static void report(struct side *a, struct side *b, unsigned long idx, struct ctx_line *ring,
		   unsigned long nring, const struct diff_opts *o, FILE *out)
{
	char ta[LINE], tb[LINE], ia[LINE] = "", ib[LINE] = "";
	show(a, ta);
	show(b, tb);
	fprintf(out, "events differ at neutral #%lu: A: %s  B: %s\n", idx, ta, tb);
	if (!a->done && !b->done)
		explain(&a->e, &b->e, o, out);
	fprintf(out, "  A = %s, B = %s; compared: every member but seq%s and isa%s%s%s\n",
		a->path, b->path, o->with_timing ? "" : ", us",
		o->with_memory ? "" : ", without mem events",
		o->with_timing ? "" : ", without preempt events",
		o->nignore ? ", without --ignore'd events" : "");
	unsigned long first = idx - 1 > o->context ? idx - o->context : 1;
	if (idx > 1)
		fprintf(out, "  before it, equal on both sides (neutral #, line in A, line in B):\n");
	for (unsigned long i = first; i < idx; i++) {
		struct ctx_line *c = &ring[i % nring];
		fprintf(out, "    #%-6lu A:%-7lu B:%-7lu %s\n", c->idx, c->la, c->lb, c->text);
	}
	if (!a->done)
		tev_format_isa(&a->e, ia, LINE);
	if (!b->done)
		tev_format_isa(&b->e, ib, LINE);
	fprintf(out, "  the first difference:\n");
	fprintf(out, "  > #%-6lu A:%-7lu %-9s %s%s%s%s\n", idx, a->done ? a->tf.line : a->e.line, "", ta,
		ia[0] ? "   [" : "", ia, ia[0] ? "]" : "");
	fprintf(out, "  > #%-6lu %-9s B:%-7lu %s%s%s%s\n", idx, "", b->done ? b->tf.line : b->e.line, tb,
		ib[0] ? "   [" : "", ib, ib[0] ? "]" : "");
	fprintf(out, "  after it:\n");
	for (int k = 0; k < 2; k++) {
		struct side *s = k ? b : a;
		for (int i = 0; i < 2 && !s->done && next(s, o) > 0; i++) {
			show(s, ta);
			if (k)
				fprintf(out, "            %-9s B:%-7lu %s\n", "", s->e.line, ta);
			else
				fprintf(out, "            A:%-7lu %-9s %s\n", s->e.line, "", ta);
		}
	}
}

int trace_diff(const char *pa, const char *pb, const struct diff_opts *o, FILE *out)
{
	struct side a = {.path = pa}, b = {.path = pb};
	unsigned long nring = o->context + 1, idx = 0;
	struct ctx_line *ring = xrealloc(0, nring * sizeof *ring);
	int rc = 2;
	if (!trace_open(&a.tf, pa) || !trace_open(&b.tf, pb))
		goto out;
	for (;;) {
		int ra = next(&a, o), rb = ra < 0 ? -1 : next(&b, o);
		if (ra < 0 || rb < 0)
			goto out;
		idx++;
		if (a.done && b.done) {
			fprintf(out, "traces agree: %lu neutral events (A: %s, %lu lines; B: %s, %lu "
				     "lines)\n",
				idx - 1, pa, a.tf.line, pb, b.tf.line);
			rc = 0;
			goto out;
		}
		if (a.done || b.done || !same(&a.e, &b.e, o)) {
			report(&a, &b, idx, ring, nring, o, out);
			rc = 1;
			goto out;
		}
		struct ctx_line *c = &ring[idx % nring];
		c->idx = idx;
		c->la = a.e.line;
		c->lb = b.e.line;
		tev_format(&a.e, c->text, LINE);
	}
out:
	trace_close(&a.tf);
	trace_close(&b.tf);
	free(ring);
	return rc;
}
