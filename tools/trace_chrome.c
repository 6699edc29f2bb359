/* `umol4-trace chrome`: the Chrome trace-event format (JSON object with "traceEvents"), for
 * chrome://tracing and ui.perfetto.dev. Layout (docs/tracing.md):
 *   process = L4 task (pid = task number; pid 0 "kernel" for events of no thread),
 *   thread  = L4 thread (tid = lthread), named "4.00";
 *   "run" intervals and a pager's "serve" intervals are duration slices on the thread;
 *   every other event is a zero-length slice inside them, named after the syscall or the kind;
 *   waits (ipc syscall or pagefault until ipc_done) are async slices "<thread> waits";
 *   each message is a flow arrow (v2 flow: bind_id, flow_out/flow_in) from the sender's syscall
 *   or pagefault slice to the receiver's ipc_done slice. */
#include "trace_tool.h"
#include "trace_timeline.h"

#include <string.h>

struct chrome {
	FILE *out;
	unsigned long n;	/* events written */
	unsigned long wait_id;	/* async slice ids */
	unsigned char *named;	/* tasks whose process_name is written */
	size_t named_size;
};

static void sep(struct chrome *c) { fputs(c->n++ ? ",\n" : "\n", c->out); }

/* s as a JSON string; bytes >= 0x80 as \u00XX (the trace's text is bytes, not UTF-8). */
static void jstr(FILE *out, const char *s, size_t n)
{
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20 || ch >= 0x7f)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static void jcstr(FILE *out, const char *s) { jstr(out, s, strlen(s)); }

static void ts(FILE *out, const char *key, double v) { fprintf(out, ",\"%s\":%.3f", key, v); }

static void meta(struct chrome *c, const char *what, unsigned pid, unsigned tid, const char *key,
		 const char *name, unsigned sort)
{
	sep(c);
	fprintf(c->out, "{\"ph\":\"M\",\"name\":\"%s\",\"pid\":%u,\"tid\":%u,\"args\":{\"%s\":", what,
		pid, tid, key);
	if (name)
		jcstr(c->out, name);
	else
		fprintf(c->out, "%u", sort);
	fputs("}}", c->out);
}

static void process(struct chrome *c, unsigned task, const char *arch)
{
	if (task < c->named_size && c->named[task])
		return;
	if (task >= c->named_size) {
		size_t size = (task + 64) * 2;
		c->named = xrealloc(c->named, size);
		memset(c->named + c->named_size, 0, size - c->named_size);
		c->named_size = size;
	}
	c->named[task] = 1;
	char name[64];
	if (task == 0)
		snprintf(name, sizeof name, "kernel");
	else
		snprintf(name, sizeof name, "task %x%s%s%s%s", task, task == 2 ? " sigma0" : "",
			 arch[0] ? " (" : "", arch, arch[0] ? ")" : "");
	meta(c, "process_name", task, 0, "name", name, 0);
	meta(c, "process_sort_index", task, 0, "sort_index", 0, task);
}

static void on_thread(void *ctx, const struct tl_thread *t)
{
	struct chrome *c = ctx;
	process(c, t->id.task, t->arch);
	meta(c, "thread_name", t->id.task, t->id.lthread, "name", t->name, 0);
	meta(c, "thread_sort_index", t->id.task, t->id.lthread, "sort_index", 0, t->id.lthread);
}

static void put_nums(FILE *out, const char *key, const unsigned long long *v, unsigned n)
{
	fprintf(out, ",\"%s\":[", key);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, "%s%llu", i ? "," : "", v[i]);
	fputc(']', out);
}

/* The event's own fields as slice arguments. */
static void put_args(FILE *out, const struct tev *e)
{
	char id[16];
	fprintf(out, ",\"args\":{\"seq\":%llu", e->seq);
	if (e->nn)
		put_nums(out, "n", e->n, e->nn);
	if (e->has_peer) {
		tid_str(e->peer, id);
		fprintf(out, ",\"peer\":\"%s\"", id);
	}
	if (e->has_text) {
		fputs(",\"text\":", out);
		jstr(out, e->text, e->textlen);
	}
	if (e->mem)
		fputs(",\"mem\":true", out);
	if (e->has_ip)
		fprintf(out, ",\"ip\":\"0x%08llx\"", e->ip);
	if (e->has_sp)
		fprintf(out, ",\"sp\":\"0x%08llx\"", e->sp);
	if (e->has_addr)
		fprintf(out, ",\"addr\":\"0x%08llx\"", e->addr);
	if (e->nargs)
		put_nums(out, "isa_args", e->args, e->nargs);
	fputc('}', out);
}

static void on_event(void *ctx, const struct tev *e, const struct tl_info *in)
{
	struct chrome *c = ctx;
	if (!strcmp(e->ev, "run"))
		return; /* the run slice shows it */
	unsigned pid = in->thread ? in->thread->id.task : 0;
	unsigned tid = in->thread ? in->thread->id.lthread : 0;
	if (!in->thread)
		process(c, 0, "");
	char name[112];
	if (!strcmp(e->ev, "syscall") || !strcmp(e->ev, "exception"))
		snprintf(name, sizeof name, "%s", e->name);
	else if (e->has_name)
		snprintf(name, sizeof name, "%s %s", e->ev, e->name);
	else
		snprintf(name, sizeof name, "%s", e->ev);
	sep(c);
	fputs("{\"ph\":\"X\",\"name\":", c->out);
	jcstr(c->out, name);
	fputs(",\"cat\":", c->out);
	jcstr(c->out, e->ev);
	ts(c->out, "ts", in->ts);
	fprintf(c->out, ",\"dur\":0,\"pid\":%u,\"tid\":%u", pid, tid);
	if (in->flow_out)
		fprintf(c->out, ",\"bind_id\":\"0x%lx\",\"flow_out\":true", in->flow_out);
	else if (in->flow_in)
		fprintf(c->out, ",\"bind_id\":\"0x%lx\",\"flow_in\":true", in->flow_in);
	put_args(c->out, e);
	fputc('}', c->out);
}

static void on_slice(void *ctx, const struct tl_thread *t, enum tl_slice kind, const char *what,
		     double start, double end, const char *id, bool unfinished)
{
	struct chrome *c = ctx;
	if (kind != TL_WAIT) {
		sep(c);
		fprintf(c->out, "{\"ph\":\"X\",\"name\":\"%s\",\"cat\":\"%s\"", what, what);
		ts(c->out, "ts", start);
		ts(c->out, "dur", end - start);
		fprintf(c->out, ",\"pid\":%u,\"tid\":%u,\"args\":{\"for\":\"%s\"%s}}", t->id.task,
			t->id.lthread, id, unfinished ? ",\"unfinished\":true" : "");
		return;
	}
	unsigned long wid = ++c->wait_id;
	for (int end_ev = 0; end_ev < 2; end_ev++) {
		sep(c);
		fprintf(c->out, "{\"ph\":\"%c\",\"name\":\"%s waits\",\"cat\":\"wait\",\"id\":%lu",
			end_ev ? 'e' : 'b', t->name, wid);
		ts(c->out, "ts", end_ev ? end : start);
		fprintf(c->out, ",\"pid\":%u,\"tid\":%u", t->id.task, t->id.lthread);
		if (!end_ev)
			fprintf(c->out, ",\"args\":{\"in\":\"%s\",\"peer\":\"%s\"%s}", what, id,
				unfinished ? ",\"unfinished\":true" : "");
		fputc('}', c->out);
	}
}

int trace_chrome(const char *path, unsigned long limit, FILE *out)
{
	struct chrome c = {.out = out};
	struct tl_hooks h = {&c, on_thread, on_event, on_slice};
	struct tl_result r;
	fputs("{\"traceEvents\":[", out);
	int rc = tl_walk(path, limit, &h, &r);
	fputs("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"source\":\"umol4-trace chrome\","
	      "\"trace\":",
	      out);
	jcstr(out, path);
	fprintf(out, ",\"events\":%lu,\"messages\":%lu,\"messages_matched\":%lu}}\n", r.events,
		r.flows, r.flows_matched);
	tl_free(&r);
	free(c.named);
	return rc;
}
