/* umol4-bench's output: the table on stdout, the JSON file and the SVG charts. */
#include "umol4_bench.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

double ratio(const struct report *r, const struct result *res, enum baseline b)
{
	if (res->outcome != OUT_OK || !res->st.n || !r->base[b].n)
		return -1;
	return res->st.median / r->base[b].median;
}

/* GB/s of a figure that copies bytes per operation (bytes per ns). */
static double bandwidth(const struct figure *f, const struct stats *s)
{
	return f->bytes && s->n ? f->bytes / s->median : -1;
}

/* GB/s of memcpy baseline b, or -1 if it is not one or was not measured */
static double memcpy_gbps(const struct report *r, enum baseline b)
{
	return baselines[b].bytes && r->base[b].n ? baselines[b].bytes / r->base[b].median : -1;
}

static const char *outcome_name(enum outcome o)
{
	return o == OUT_OK ? "ok" : o == OUT_NA ? "n/a" : "error";
}

/* ---- table ---- */

#define LABEL_COLS 46

/* median and [min..max] in µs; pad: to the width of the column, for what follows */
static void print_spread(const struct stats *s, bool pad)
{
	char b[48];
	snprintf(b, sizeof b, "[%.2f..%.2f]", s->min / 1000, s->max / 1000);
	printf("%9.2f  %-*s", s->median / 1000, pad ? 24 : 0, b);
}

static void print_figure(const struct report *r, const struct figure *f, const struct result *res)
{
	printf("  %-*s", LABEL_COLS - 2, f->label);
	if (res->outcome != OUT_OK || !res->st.n) {
		printf("%9s  %s\n", outcome_name(res->outcome), res->note);
		return;
	}
	print_spread(&res->st, true);
	printf("%8.1f %7.2f", ratio(r, res, B_GETPID), ratio(r, res, B_FUTEX_SAME));
	const char *sep = "  ";
	if (f->bytes) {
		double bw = bandwidth(f, &res->st), m = memcpy_gbps(r, f->memcpy);
		printf("%s%.2f GB/s", sep, bw);
		if (m > 0)
			printf(" = %.1f%% of memcpy", 100 * bw / m);
		sep = ", ";
	}
	if (f->rate_unit) {
		printf("%s%.0f %s", sep, 1e9 / res->st.median, f->rate_unit);
		sep = ", ";
	}
	if (f->target_memcpy_share)
		printf(" (target >= %.0f%%)", 100 * f->target_memcpy_share);
	if (f->target_x_getpid) {
		printf("%starget <= %gx", sep, f->target_x_getpid);
		sep = ", ";
	}
	if (f->fiasco[0])
		printf(f->fiasco[0] == f->fiasco[1] ? "%sFiasco-UX %gx" : "%sFiasco-UX %g-%gx", sep,
		       f->fiasco[0], f->fiasco[1]);
	printf("\n");
}

void report_table(const struct report *r)
{
	if (r->nscale) {
		printf("umol4-bench --%s %s%s\n%s; load average %.2f before, %.2f after\n",
		       r->scale[0].cluster ? "cluster" : "instances", r->date,
		       r->quick ? " (quick)" : "", r->host, r->load[0], r->load[1]);
		scale_table(r->scale, r->nscale, &r->limits);
		return;
	}
	printf("umol4-bench %s%s\n%s; CPU %d; load average %.2f before, %.2f after\n"
	       "%d repetition%s: median [min..max]\n\n",
	       r->date, r->quick ? " (quick: a smoke test, not a measurement)" : "", r->host,
	       r->cpu, r->load[0], r->load[1], r->reps, r->reps == 1 ? "" : "s");
	printf("%-*s%9s  %s\n", LABEL_COLS, "host baselines", "us/op", "[min..max]");
	for (int b = 0; b < B_COUNT; b++) {
		printf("  %-*s", LABEL_COLS - 2, baselines[b].label);
		if (!r->base[b].n) {
			printf("%9s\n", "n/a");
			continue;
		}
		print_spread(&r->base[b], baselines[b].bytes);
		if (baselines[b].bytes)
			printf("%.2f GB/s", memcpy_gbps(r, b));
		printf("\n");
	}
	for (int k = 0; k < r->nisa; k++) {
		const struct isa_run *i = &r->isa[k];
		char head[64];
		snprintf(head, sizeof head, "%s (%s)", i->name, i->mode);
		printf("\n%-*s%9s  %-24s%8s %7s\n", LABEL_COLS, head, "us/op", "[min..max]",
		       "xgetpid", "xfutex");
		for (int f = 0; f < F_COUNT; f++)
			print_figure(r, &figures[f], &i->res[f]);
		pf_split_table(r, i);
	}
}

/* ---- JSON ---- */

void json_string(FILE *o, const char *s)
{
	fputc('"', o);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(o, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(o, "\\u%04x", *s);
		else
			fputc(*s, o);
	}
	fputc('"', o);
}

void json_number(FILE *o, const char *key, double v)
{
	fprintf(o, ", \"%s\": ", key);
	if (v >= 0 && isfinite(v))
		fprintf(o, "%.6g", v);
	else
		fprintf(o, "null");
}

static void json_stats(FILE *o, const struct stats *s)
{
	json_number(o, "median", s->median);
	json_number(o, "min", s->min);
	json_number(o, "max", s->max);
	fprintf(o, ", \"samples\": [");
	for (int i = 0; i < s->n; i++)
		fprintf(o, "%s%.6g", i ? ", " : "", s->samples[i]);
	fprintf(o, "]");
}

static void json_figure(FILE *o, const struct report *r, const struct figure *f,
			const struct result *res)
{
	fprintf(o, "        ");
	json_string(o, f->key);
	fprintf(o, ": {\"label\": ");
	json_string(o, f->label);
	fprintf(o, ", \"status\": \"%s\"", outcome_name(res->outcome));
	if (res->outcome != OUT_OK || !res->st.n) {
		fprintf(o, ", \"note\": ");
		json_string(o, res->note);
	} else {
		fprintf(o, ", \"ops\": %u", res->ops);
		json_stats(o, &res->st);
		json_number(o, "x_getpid", ratio(r, res, B_GETPID));
		json_number(o, "x_futex", ratio(r, res, B_FUTEX_SAME));
		if (f->bytes) {
			double bw = bandwidth(f, &res->st), m = memcpy_gbps(r, f->memcpy);
			json_number(o, "gb_per_s", bw);
			json_number(o, "memcpy_share", m > 0 ? bw / m : -1);
		}
		if (f->rate_unit) {
			json_number(o, "per_s", 1e9 / res->st.median);
			fprintf(o, ", \"per_s_unit\": \"%s\"", f->rate_unit);
		}
	}
	if (f->target_x_getpid)
		json_number(o, "target_x_getpid", f->target_x_getpid);
	if (f->target_memcpy_share)
		json_number(o, "target_memcpy_share", f->target_memcpy_share);
	fprintf(o, "}");
}

static void json_figures(FILE *o, const struct report *r)
{
	fprintf(o, "  \"unit\": \"ns per operation\",\n  \"baselines\": {\n");
	for (int b = 0; b < B_COUNT; b++) {
		fprintf(o, "    \"%s\": {\"label\": ", baselines[b].key);
		json_string(o, baselines[b].label);
		fprintf(o, ", \"status\": \"%s\"", r->base[b].n ? "ok" : "n/a");
		if (r->base[b].n)
			json_stats(o, &r->base[b]);
		if (baselines[b].bytes)
			json_number(o, "gb_per_s", memcpy_gbps(r, b));
		fprintf(o, "}%s\n", b + 1 < B_COUNT ? "," : "");
	}
	fprintf(o, "  },\n  \"isas\": {\n");
	for (int k = 0; k < r->nisa; k++) {
		const struct isa_run *i = &r->isa[k];
		fprintf(o, "    \"%s\": {\n      \"mode\": \"%s\",\n      \"figures\": {\n",
			i->name, i->mode);
		for (int f = 0; f < F_COUNT; f++) {
			json_figure(o, r, &figures[f], &i->res[f]);
			fprintf(o, "%s\n", f + 1 < F_COUNT ? "," : "");
		}
		fprintf(o, "      }");
		pf_split_json(o, r, i);
		fprintf(o, "\n    }%s\n", k + 1 < r->nisa ? "," : "");
	}
	fprintf(o, "  }\n");
}

int report_json(const struct report *r, const char *path)
{
	FILE *o = fopen(path, "w");
	if (!o) {
		fprintf(stderr, "umol4-bench: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(o, "{\n  \"tool\": \"umol4-bench\",\n  \"date\": \"%s\",\n  \"host\": ", r->date);
	json_string(o, r->host);
	fprintf(o,
		",\n  \"cpu\": %d,\n  \"other_cpu\": %d,\n  \"loadavg\": [%.2f, %.2f],\n"
		"  \"reps\": %d,\n  \"quick\": %s,\n",
		r->cpu, r->other_cpu, r->load[0], r->load[1], r->reps, r->quick ? "true" : "false");
	if (r->nscale) /* --instances measures only the instances */
		scale_json(o, r->scale, r->nscale, &r->limits);
	else
		json_figures(o, r);
	fprintf(o, "}\n");
	if (fclose(o)) {
		fprintf(stderr, "umol4-bench: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- SVG: one horizontal bar chart per ISA, multiples of getpid on a log scale ---- */

/* a white outline keeps a label legible where it crosses a grid or target line */
#define HALO "stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\""

enum { W = 940, LABEL_W = 290, X0 = 300, X1 = 800, TOP = 78, ROW = 30, BOTTOM = 58 };

struct scale {
	double lo, hi; /* decades */
};

static double sx(const struct scale *s, double v)
{
	if (v < s->lo)
		v = s->lo;
	if (v > s->hi)
		v = s->hi;
	return X0 + (log10(v) - log10(s->lo)) / (log10(s->hi) - log10(s->lo)) * (X1 - X0);
}

static void svg_text(FILE *o, double x, double y, const char *attrs, const char *text)
{
	fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
	for (; *text; text++) {
		if (*text == '<')
			fputs("&lt;", o);
		else if (*text == '>')
			fputs("&gt;", o);
		else if (*text == '&')
			fputs("&amp;", o);
		else
			fputc(*text, o);
	}
	fputs("</text>\n", o);
}

/* From 1x to the decade above every figure but the off-scale ones (task creation: thousands;
 * frames between instances, which cross the host's network stack), which run into the right
 * edge. */
#define OFF_SCALE 3000.0

static struct scale isa_scale(const struct report *r, const struct isa_run *i)
{
	double g = r->base[B_GETPID].n ? r->base[B_GETPID].median : 1, top = 100;
	for (int f = 0; f < F_COUNT; f++) {
		const struct result *res = &i->res[f];
		if (res->outcome == OUT_OK && res->st.n && res->st.median / g < OFF_SCALE &&
		    !figures[f].net && res->st.max / g > top)
			top = fmin(res->st.max / g, OFF_SCALE);
		if (figures[f].fiasco[1] > top)
			top = figures[f].fiasco[1];
	}
	return (struct scale){1, pow(10, ceil(log10(top * 1.05)))};
}

static void svg_axis(FILE *o, const struct scale *s, int bottom)
{
	static const double steps[] = {1, 2, 5};
	for (double d = s->lo; d <= s->hi; d *= 10)
		for (int k = 0; k < 3 && d * steps[k] <= s->hi; k++) {
			double x = sx(s, d * steps[k]);
			char lbl[32];
			snprintf(lbl, sizeof lbl, "%g\u00d7", d * steps[k]);
			fprintf(
			    o,
			    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n",
			    x, TOP - 6, x, bottom, k ? "#eee" : "#ccc");
			svg_text(o, x, TOP - 10,
				 "font-size=\"11\" text-anchor=\"middle\" fill=\"#555\"", lbl);
		}
}

static void svg_row(FILE *o, const struct report *r, const struct scale *s, int row,
		    const struct figure *f, const struct result *res)
{
	double y = TOP + row * ROW, cy = y + ROW / 2.0, g = r->base[B_GETPID].median;
	svg_text(o, LABEL_W, cy + 4, "font-size=\"12\" text-anchor=\"end\"", f->label);
	if (f->fiasco[0]) {
		double a = sx(s, f->fiasco[0]), b = sx(s, f->fiasco[1]);
		fprintf(o,
			"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#f90\" "
			"fill-opacity=\"0.3\"/>\n",
			a - (b - a < 3 ? 1.5 : 0), y + 2, b - a < 3 ? 3 : b - a, ROW - 4);
	}
	if (f->target_x_getpid)
		fprintf(o,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d00\" "
			"stroke-width=\"2\" stroke-dasharray=\"4,2\"/>\n",
			sx(s, f->target_x_getpid), y + 1, sx(s, f->target_x_getpid), y + ROW - 1);
	if (res->outcome != OUT_OK || !res->st.n || !r->base[B_GETPID].n) {
		char msg[200];
		snprintf(msg, sizeof msg, "%s: %s", outcome_name(res->outcome), res->note);
		svg_text(o, X0 + 6, cy + 4, "font-size=\"11\" fill=\"#888\"", msg);
		return;
	}
	double m = sx(s, res->st.median / g), lo = sx(s, res->st.min / g),
	       hi = sx(s, res->st.max / g);
	fprintf(o, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"#4a7ab5\"/>\n",
		X0, cy - 7, m - X0);
	fprintf(o,
		"<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"#222\" "
		"fill=\"none\"/>\n",
		lo, cy, hi, lo, cy - 4, cy + 4, hi, cy - 4, cy + 4);
	char val[64];
	double x = res->st.median / g, us = res->st.median / 1000;
	snprintf(val, sizeof val, us < 1000 ? "%.*f\u00d7 (%.3g \u00b5s)" : "%.*f\u00d7 (%.3g ms)",
		 x < 10 ? 1 : 0, x, us < 1000 ? us : us / 1000);
	if (x >= s->hi) /* off scale: the label goes inside the bar */
		svg_text(o, m - 6, cy + 4, "font-size=\"11\" text-anchor=\"end\" fill=\"white\"",
			 val);
	else
		svg_text(o, hi + 5, cy + 4, "font-size=\"11\" " HALO, val);
}

static int write_svg(const struct report *r, const struct isa_run *i, const char *path)
{
	FILE *o = fopen(path, "w");
	if (!o)
		return -1;
	struct scale s = isa_scale(r, i);
	int bottom = TOP + F_COUNT * ROW, h = bottom + BOTTOM;
	fprintf(o,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"font-family=\"sans-serif\">\n<rect width=\"100%%\" height=\"100%%\" "
		"fill=\"white\"/>\n",
		W, h);
	char t[640];
	snprintf(t, sizeof t, "umol4 on %s (%s): L4 figures in multiples of getpid", i->name,
		 i->mode);
	svg_text(o, 10, 22, "font-size=\"15\" font-weight=\"bold\"", t);
	snprintf(t, sizeof t, "%s%s, %s; getpid %.0f ns, futex round trip %.1f \u00b5s", r->date,
		 r->quick ? " (quick)" : "", r->host, r->base[B_GETPID].median,
		 r->base[B_FUTEX_SAME].median / 1000);
	svg_text(o, 10, 40, "font-size=\"11\" fill=\"#555\"", t);
	svg_axis(o, &s, bottom);
	if (r->base[B_FUTEX_SAME].n && r->base[B_GETPID].n) {
		double x = sx(&s, r->base[B_FUTEX_SAME].median / r->base[B_GETPID].median);
		fprintf(o,
			"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#393\" "
			"stroke-dasharray=\"2,3\"/>\n",
			x, TOP, x, bottom);
		svg_text(o, x, bottom + 12, "font-size=\"10\" text-anchor=\"middle\" fill=\"#393\"",
			 "futex round trip");
	}
	for (int f = 0; f < F_COUNT; f++)
		svg_row(o, r, &s, f, &figures[f], &i->res[f]);
	snprintf(t, sizeof t,
		 "bar: median, whisker: min..max of %d repetition%s (log scale); red dashes: "
		 "umol4 target; orange: Fiasco-UX; green dots: futex round trip",
		 r->reps, r->reps == 1 ? "" : "s");
	svg_text(o, 10, bottom + 36, "font-size=\"11\" fill=\"#555\"", t);
	fprintf(o, "</svg>\n");
	return fclose(o);
}

int report_svg(const struct report *r, const char *dir)
{
	if (mkdir(dir, 0777) && errno != EEXIST) {
		fprintf(stderr, "umol4-bench: cannot create %s: %s\n", dir, strerror(errno));
		return -1;
	}
	for (int k = 0; k < r->nisa; k++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.svg", dir, r->isa[k].name);
		if (write_svg(r, &r->isa[k], path)) {
			fprintf(stderr, "umol4-bench: cannot write %s: %s\n", path,
				strerror(errno));
			return -1;
		}
	}
	return 0;
}
