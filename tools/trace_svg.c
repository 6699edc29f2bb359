/* `umol4-trace svg`: a static timeline picture of a trace (docs/tracing.md has one): a row per
 * L4 thread, "run" and "serve" intervals as bars, waits as thin bars below them, events as marks
 * (hover for the event), messages as arrows from sender to receiver. Meant for short traces or
 * the first N events (--events N) of long ones. */
#include "trace_tool.h"
#include "trace_timeline.h"

#include <string.h>

#define LEFT 110.0   /* label column */
#define WIDTH 1000.0 /* time axis */
#define TOP 40.0
#define ROW 34.0

struct mark {
	unsigned row;
	double t0, t1; /* t1: end of an interval, or the receiver's time of a flow */
	unsigned row2; /* the receiver's row of a flow */
	char kind;     /* 'r' run, 's' serve, 'w' wait, 'f' flow, 'e' event */
	char what[32];
	char title[480];
};

struct svg {
	const struct tl_thread **rows;
	unsigned nrows;
	struct mark *m;
	size_t n;
	struct { double ts; unsigned row; } *out; /* flow id -> its sending event */
	size_t nout;
};

static unsigned row_of(struct svg *s, const struct tl_thread *t)
{
	for (unsigned i = 0; i < s->nrows; i++)
		if (s->rows[i] == t)
			return i;
	s->rows = xrealloc(s->rows, (s->nrows + 1) * sizeof *s->rows);
	s->rows[s->nrows] = t;
	return s->nrows++;
}

static struct mark *add(struct svg *s, char kind, unsigned row, double t0, double t1)
{
	s->m = xrealloc(s->m, (s->n + 1) * sizeof *s->m);
	struct mark *m = &s->m[s->n++];
	memset(m, 0, sizeof *m);
	m->kind = kind;
	m->row = row;
	m->t0 = t0;
	m->t1 = t1;
	return m;
}

static void on_thread(void *ctx, const struct tl_thread *t) { row_of(ctx, t); }

static void on_event(void *ctx, const struct tev *e, const struct tl_info *in)
{
	struct svg *s = ctx;
	if (!in->thread || !strcmp(e->ev, "run"))
		return;
	unsigned row = row_of(s, in->thread);
	if (in->flow_out) {
		if (in->flow_out >= s->nout) {
			size_t n = in->flow_out * 2 + 16;
			s->out = xrealloc(s->out, n * sizeof *s->out);
			s->nout = n;
		}
		s->out[in->flow_out].ts = in->ts;
		s->out[in->flow_out].row = row;
	}
	if (in->flow_in && in->flow_in < s->nout) {
		struct mark *f = add(s, 'f', s->out[in->flow_in].row, s->out[in->flow_in].ts, in->ts);
		f->row2 = row;
	}
	struct mark *m = add(s, 'e', row, in->ts, in->ts);
	snprintf(m->what, sizeof m->what, "%s", e->ev);
	char text[160];
	tev_format(e, text, sizeof text);
	snprintf(m->title, sizeof m->title, "%.3f us: %s", in->ts, text);
}

static void on_slice(void *ctx, const struct tl_thread *t, enum tl_slice kind, const char *what,
		     double start, double end, const char *id, bool unfinished)
{
	struct svg *s = ctx;
	struct mark *m = add(s, kind == TL_RUN ? 'r' : kind == TL_SERVE ? 's' : 'w', row_of(s, t),
			     start, end);
	snprintf(m->what, sizeof m->what, "%s", what);
	snprintf(m->title, sizeof m->title, "%s %s%s%s %.3f..%.3f us%s", t->name, what,
		 id[0] ? " " : "", id, start, end, unfinished ? " (unfinished)" : "");
}

/* Text for SVG: the few characters XML reserves, escaped. */
static void xml(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '"')
			fputs("&quot;", out);
		else
			fputc(*s, out);
	}
}

static const char *event_color(const char *ev)
{
	static const char *const map[][2] = {
		{"syscall", "#222"},	 {"ipc_done", "#76b7b2"}, {"pagefault", "#e15759"},
		{"output", "#59a14f"},	 {"exception", "#e15759"}, {"exit", "#000"},
		{"irq", "#f28e2b"},	 {"preempt", "#999"},	  {"map", "#b07aa1"},
		{"task_new", "#b07aa1"}, {"task_delete", "#b07aa1"},
	};
	for (unsigned i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i][0], ev))
			return map[i][1];
	return "#555";
}

static void draw(const struct svg *s, const struct tl_result *r, const char *path, FILE *out)
{
	double t0 = r->first_ts, span = r->last_ts > t0 ? r->last_ts - t0 : 1;
	double height = TOP + s->nrows * ROW + 60;
#define X(t) (LEFT + ((t) - t0) / span * WIDTH)
#define Y(row) (TOP + (row) * ROW)
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
		     "font-family=\"sans-serif\" font-size=\"12\">\n",
		LEFT + WIDTH + 20, height);
	fputs("<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" "
	      "orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#7b4fa0\"/></marker></defs>\n"
	      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
	      out);
	fputs("<text x=\"10\" y=\"20\" font-size=\"14\">umol4 trace ", out);
	xml(out, path);
	fprintf(out, ": %lu events, %.3f .. %.3f us</text>\n", r->events, r->first_ts, r->last_ts);
	for (unsigned i = 0; i < s->nrows; i++) {
		const struct tl_thread *t = s->rows[i];
		fprintf(out, "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"%s\"/>\n",
			Y(i), LEFT + WIDTH + 20, ROW, i % 2 ? "#f4f4f4" : "#fafafa");
		fprintf(out, "<text x=\"10\" y=\"%.1f\">thread %s%s</text>\n", Y(i) + 21, t->name,
			t->id.task == 2 ? " (sigma0)" : "");
	}
	static const char order[] = "wrsfe"; /* waits below, marks on top */
	for (const char *k = order; *k; k++) {
		for (size_t i = 0; i < s->n; i++) {
			const struct mark *m = &s->m[i];
			if (m->kind != *k)
				continue;
			double x = X(m->t0), w = X(m->t1) - x, y = Y(m->row);
			if (*k == 'f') {
				fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
					     "stroke=\"#7b4fa0\" stroke-opacity=\"0.6\" "
					     "marker-end=\"url(#a)\"/>\n",
					x, y + ROW / 2, X(m->t1), Y(m->row2) + ROW / 2);
				continue;
			}
			if (*k == 'e')
				fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"2\" height=\"16\" "
					     "fill=\"%s\">",
					x - 1, y + 9, event_color(m->what));
			else
				fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" "
					     "fill=\"%s\">",
					x, y + (*k == 'w' ? 27 : 8), w < 1 ? 1 : w, *k == 'w' ? 4.0 : 18.0,
					*k == 'r' ? "#a0cbe8" : *k == 's' ? "#ffbe7d" : "#bab0ac");
			fputs("<title>", out);
			xml(out, m->title);
			fputs("</title></rect>\n", out);
		}
	}
	double ya = Y(s->nrows) + 14;
	for (int i = 0; i <= 10; i++) {
		double t = t0 + span * i / 10;
		fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>",
			X(t), ya - 6, X(t), ya);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", X(t),
			ya + 12, t);
	}
	fprintf(out, "<text x=\"10\" y=\"%.1f\">us</text>\n", ya + 12);
	fprintf(out, "<text x=\"10\" y=\"%.1f\" fill=\"#444\">light blue: running, orange: serving "
		     "as pager, grey below: waiting in IPC or for a page, marks: events (black "
		     "syscall, red page fault, green output, teal ipc_done), purple: "
		     "messages</text>\n",
		height - 12);
	fputs("</svg>\n", out);
#undef X
#undef Y
}

int trace_svg(const char *path, unsigned long limit, FILE *out)
{
	struct svg s = {0};
	struct tl_hooks h = {&s, on_thread, on_event, on_slice};
	struct tl_result r;
	int rc = tl_walk(path, limit, &h, &r);
	if (rc == 0)
		draw(&s, &r, path, out);
	tl_free(&r);
	free(s.rows);
	free(s.m);
	free(s.out);
	return rc;
}
