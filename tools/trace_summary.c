/* `umol4-trace summary`: counts per event kind and per name (syscall, exception, kdebug), the
 * time spent per kind where it means something (running, waiting in IPC, waiting for a page fault
 * to be resolved, serving as a pager), and the same per thread. */
#include "trace_timeline.h"
#include "trace_tool.h"

#include <string.h>

struct counter {
	char ev[32], name[64]; /* name "" is the kind's own row */
	unsigned long count, mem;
	unsigned long long bytes;
};

struct summary {
	struct counter *c;
	unsigned n;
};

static struct counter *counter(struct summary *s, const char *ev, const char *name)
{
	for (unsigned i = 0; i < s->n; i++)
		if (!strcmp(s->c[i].ev, ev) && !strcmp(s->c[i].name, name))
			return &s->c[i];
	s->c = xrealloc(s->c, (s->n + 1) * sizeof *s->c);
	struct counter *c = &s->c[s->n++];
	memset(c, 0, sizeof *c);
	snprintf(c->ev, sizeof c->ev, "%s", ev);
	snprintf(c->name, sizeof c->name, "%s", name);
	return c;
}

static void count(struct counter *c, const struct tev *e)
{
	c->count++;
	c->mem += e->mem;
	c->bytes += e->textlen;
}

static void on_event(void *ctx, const struct tev *e, const struct tl_info *in)
{
	(void)in;
	struct summary *s = ctx;
	count(counter(s, e->ev, ""), e);
	if (e->has_name)
		count(counter(s, e->ev, e->name), e);
}

/* The time column of a row, where the kind has one. */
static void row_time(const struct counter *c, const struct tl_result *r, FILE *out)
{
	double run = 0, ipc = 0, pf = 0;
	for (unsigned i = 0; i < r->nthreads; i++) {
		run += r->threads[i]->run_time;
		ipc += r->threads[i]->wait_time[0];
		pf += r->threads[i]->wait_time[1];
	}
	if (!strcmp(c->ev, "run") && !c->name[0])
		fprintf(out, "  running %.3f us, idle %.3f us", run, r->idle_time);
	else if (!strcmp(c->ev, "syscall") && !strcmp(c->name, "ipc"))
		fprintf(out, "  waiting %.3f us (ipc syscall to ipc_done)", ipc);
	else if (!strcmp(c->ev, "pagefault") && !c->name[0])
		fprintf(out, "  waiting %.3f us (pagefault to ipc_done)", pf);
	else if (!strcmp(c->ev, "output") && !c->name[0])
		fprintf(out, "  %llu bytes", c->bytes);
}

static void kinds(const struct summary *s, const struct tl_result *r, FILE *out)
{
	fprintf(out, "\n%-24s %8s %8s\n", "kind", "count", "mem");
	for (unsigned i = 0; i < s->n; i++) {
		const struct counter *k = &s->c[i];
		if (k->name[0])
			continue;
		fprintf(out, "%-24s %8lu %8lu", k->ev, k->count, k->mem);
		row_time(k, r, out);
		fputc('\n', out);
		for (unsigned j = 0; j < s->n; j++) {
			const struct counter *c = &s->c[j];
			if (!c->name[0] || strcmp(c->ev, k->ev))
				continue;
			fprintf(out, "  %-22s %8lu %8lu", c->name, c->count, c->mem);
			row_time(c, r, out);
			fputc('\n', out);
		}
	}
}

static void threads(const struct tl_result *r, FILE *out)
{
	fprintf(out, "\n%-8s %-16s %-7s %6s %12s %8s %6s %12s %6s %12s %8s %12s\n", "thread",
		"program", "arch", "runs", "run us", "syscalls", "ipc", "ipc wait us", "pf",
		"pf wait us", "received", "serve us");
	for (unsigned i = 0; i < r->nthreads; i++) {
		const struct tl_thread *t = r->threads[i];
		fprintf(out,
			"%-8s %-16s %-7s %6lu %12.3f %8lu %6lu %12.3f %6lu %12.3f %8lu %12.3f\n",
			t->name, t->program[0] ? t->program : "-", t->arch[0] ? t->arch : "-",
			t->runs, t->run_time, t->syscalls, t->waits[0], t->wait_time[0],
			t->waits[1], t->wait_time[1], t->received, t->serve_time);
	}
	/* the time no thread could run, so that it is no thread's */
	fprintf(out, "%-8s %-16s %-7s %6lu %12.3f\n", "idle", "-", "-", r->idle_gaps, r->idle_time);
}

int trace_summary(const char *path, unsigned long limit, FILE *out)
{
	struct summary s = {0};
	struct tl_hooks h = {.ctx = &s, .event = on_event};
	struct tl_result r;
	int rc = tl_walk(path, limit, &h, &r);
	if (rc == 0) {
		fprintf(out, "trace %s: %lu events, %u threads, time %.3f .. %.3f us\n", path,
			r.events, r.nthreads, r.first_ts, r.last_ts);
		fprintf(out,
			"messages: %lu sent (IPC send phases and page faults), %lu matched to "
			"a receiver\n",
			r.flows, r.flows_matched);
		kinds(&s, &r, out);
		threads(&r, out);
	}
	tl_free(&r);
	free(s.c);
	return rc;
}
