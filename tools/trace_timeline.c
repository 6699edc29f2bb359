/* The timeline walker (trace_timeline.h). */
#include "trace_timeline.h"

#include <stdlib.h>
#include <string.h>

struct walk {
	const struct tl_hooks *h;
	struct tl_result *r;
	struct tl_thread *running;  /* since run_start */
	double run_start, run_idle; /* idle time within the current run */
	double prev_ts;
	struct {
		unsigned task;
		char name[48];
	} names[256]; /* the latest name of each named task */
	unsigned nnames;
	unsigned long long last_us;
	unsigned same_us; /* events so far with last_us */
	unsigned long next_flow;
};

static struct tl_thread *find(struct tl_result *r, struct tid id)
{
	for (unsigned i = r->nthreads; i-- > 0;)
		if (tid_eq(r->threads[i]->id, id))
			return r->threads[i];
	return 0;
}

static struct tl_thread *get(struct walk *w, struct tid id, const char *arch)
{
	struct tl_result *r = w->r;
	struct tl_thread *t = find(r, id);
	if (!t) {
		struct tl_thread **a = realloc(r->threads, (r->nthreads + 1) * sizeof *a);
		t = calloc(1, sizeof *t);
		if (!a || !t) {
			fputs("umol4-trace: out of memory\n", stderr);
			exit(2);
		}
		r->threads = a;
		r->threads[r->nthreads++] = t;
		t->id = id;
		tid_str(id, t->name);
		memcpy(t->arch, arch, sizeof t->arch);
		for (unsigned n = 0; n < w->nnames; n++)
			if (w->names[n].task == id.task)
				snprintf(t->program, sizeof t->program, "%s", w->names[n].name);
		if (w->h->thread)
			w->h->thread(w->h->ctx, t);
	}
	return t;
}

static void slice(struct walk *w, struct tl_thread *t, enum tl_slice kind, const char *what,
		  double start, double end, const struct tid *peer, bool unfinished)
{
	char id[16] = "";
	if (peer)
		tid_str(*peer, id);
	if (w->h->slice)
		w->h->slice(w->h->ctx, t, kind, what, start, end, id, unfinished);
}

static void end_run(struct walk *w, double ts)
{
	struct tl_thread *t = w->running;
	if (!t)
		return;
	t->run_time += ts - w->run_start - w->run_idle;
	w->run_idle = 0;
	slice(w, t, TL_RUN, "run", w->run_start, ts, 0, false);
	w->running = 0;
}

static void end_wait(struct walk *w, struct tl_thread *t, double ts, bool unfinished)
{
	if (!t->waiting)
		return;
	t->waiting = false;
	t->wait_time[strcmp(t->wait_what, "ipc") != 0] += ts - t->wait_start;
	slice(w, t, TL_WAIT, t->wait_what, t->wait_start, ts, t->wait_has_peer ? &t->wait_peer : 0,
	      unfinished);
}

static void end_serve(struct walk *w, struct tl_thread *t, double ts, bool unfinished)
{
	if (!t->serving)
		return;
	t->serving = false;
	t->serve_time += ts - t->serve_start;
	t->serves++;
	slice(w, t, TL_SERVE, "serve", t->serve_start, ts, &t->serve_peer, unfinished);
}

static void begin_wait(struct tl_thread *t, const char *what, const struct tev *e, double ts)
{
	t->waiting = true;
	t->wait_start = ts;
	snprintf(t->wait_what, sizeof t->wait_what, "%s", what);
	t->wait_has_peer = e->has_peer;
	t->wait_peer = e->peer;
	t->waits[strcmp(what, "ipc") != 0]++;
}

/* A message leaves t (an IPC send phase or a page fault) towards e->peer. */
static unsigned long send(struct walk *w, struct tl_thread *t, const struct tev *e)
{
	t->pend_flow = ++w->next_flow;
	t->pend_dest = e->peer;
	t->pend_seq = e->seq;
	w->r->flows++;
	return t->pend_flow;
}

/* The sender whose message receiver r's ipc_done e received. Exact with the kernel's "src_seq";
 * otherwise: the named source if it sent to r; else the latest message to r (a chief forwarding
 * with deceit names the original sender); else the named source's message to anyone (a message
 * redirected to a chief). Without a source, only a page-fault reply is a message: from whoever
 * sent to r last (the pager). */
static struct tl_thread *match(struct walk *w, struct tl_thread *r, const struct tev *e)
{
	struct tl_result *res = w->r;
	struct tl_thread *latest = 0;
	if (e->has_src_seq) {
		for (unsigned i = 0; i < res->nthreads; i++)
			if (res->threads[i]->pend_flow && res->threads[i]->pend_seq == e->src_seq)
				return res->threads[i];
		return 0;
	}
	struct tl_thread *src = e->has_peer ? find(res, e->peer) : 0;
	if (src && src->pend_flow && tid_eq(src->pend_dest, r->id))
		return src;
	if (!e->has_peer && !r->pf_open)
		return 0;
	for (unsigned i = 0; i < res->nthreads; i++) {
		struct tl_thread *t = res->threads[i];
		if (t->pend_flow && tid_eq(t->pend_dest, r->id) &&
		    (!latest || t->pend_flow > latest->pend_flow))
			latest = t;
	}
	if (latest)
		return latest;
	return src && src->pend_flow ? src : 0;
}

/* The name a kdebug task_name event gives a task: for its threads seen so far, and for those
 * that appear later (get). A task number reused by another program gets both names. */
static void name_task(struct walk *w, unsigned task, const char *name)
{
	unsigned n = 0;
	while (n < w->nnames && w->names[n].task != task)
		n++;
	if (n < sizeof w->names / sizeof w->names[0]) {
		w->nnames += n == w->nnames;
		w->names[n].task = task;
		snprintf(w->names[n].name, sizeof w->names[n].name, "%s", name);
	}
	for (unsigned i = 0; i < w->r->nthreads; i++) {
		struct tl_thread *t = w->r->threads[i];
		if (t->id.task != task || !strcmp(t->program, name))
			continue;
		if (!t->program[0])
			snprintf(t->program, sizeof t->program, "%s", name);
		else if (strlen(t->program) + strlen(name) + 1 < sizeof t->program)
			strcat(strcat(t->program, ","), name);
	}
}

/* Was any thread able to run between the previous event and this one? */
static bool all_waiting(const struct walk *w)
{
	for (unsigned i = 0; i < w->r->nthreads; i++) {
		const struct tl_thread *t = w->r->threads[i];
		if (!t->gone && !t->waiting)
			return false;
	}
	return w->r->nthreads > 0;
}

/* With every thread waiting, what ends the wait: a timeout (an ipc_done that received no
 * message) or an interrupt. Any other event there is the kernel still at work on the last
 * kernel entry (delivering a message, a mapping), which is no idle time. */
static bool idle_ends(const struct tev *e, const struct tl_info *in)
{
	return !strcmp(e->ev, "irq") || (!strcmp(e->ev, "ipc_done") && !in->flow_in);
}

static void step(struct walk *w, const struct tev *e, struct tl_info *in)
{
	struct tl_thread *t = in->thread;
	const char *ev = e->ev;
	if (!strcmp(ev, "run") && t) {
		end_run(w, in->ts);
		w->running = t;
		w->run_start = in->ts;
		t->ran = true;
		t->runs++;
	} else if (!strcmp(ev, "syscall") && t) {
		t->syscalls++;
		end_serve(w, t, in->ts, false);
		end_wait(w, t, in->ts, true); /* should not happen: a new call while waiting */
		t->pend_flow = 0;
		if (!strcmp(e->name, "ipc")) {
			begin_wait(t, "ipc", e, in->ts);
			if (e->nn && e->n[0] != TEV_NIL && e->has_peer)
				in->flow_out = send(w, t, e);
		}
	} else if (!strcmp(ev, "pagefault") && t) {
		end_wait(w, t, in->ts, true);
		begin_wait(t, "pagefault", e, in->ts);
		if (e->has_peer)
			in->flow_out = send(w, t, e);
		t->pf_open = true;
	} else if (!strcmp(ev, "ipc_done") && t) {
		end_wait(w, t, in->ts, false);
		struct tl_thread *from = match(w, t, e);
		if (from) {
			in->flow_in = from->pend_flow;
			in->flow_from = from;
			from->pend_flow = 0;
			w->r->flows_matched++;
		}
		t->pf_open = false;
		if (e->has_peer)
			t->received++;
		if (e->has_peer && e->mem && !t->ran) {
			t->serving = true;
			t->serve_start = in->ts;
			t->serve_peer = e->peer;
		}
	} else if (!strcmp(ev, "task_delete") && e->has_peer) {
		for (unsigned i = 0; i < w->r->nthreads; i++) {
			struct tl_thread *d = w->r->threads[i];
			if (d->id.task != e->peer.task)
				continue;
			if (d == w->running)
				end_run(w, in->ts);
			end_wait(w, d, in->ts, true);
			end_serve(w, d, in->ts, true);
			d->pend_flow = 0;
			d->gone = true;
		}
	} else if (!strcmp(ev, "kdebug") && !strcmp(e->name, "task_name") && e->has_peer &&
		   e->has_text) {
		name_task(w, e->peer.task, e->text);
	}
}

/* "us" as a strictly increasing time: several events share one µs, more so on the virtual clock
 * of --deterministic (one µs per kernel entry); the viewers need an order among them. */
static double timestamp(struct walk *w, const struct tev *e)
{
	unsigned long long us = e->has_us ? e->us : w->last_us;
	if (us == w->last_us && w->r->events > 1)
		w->same_us += w->same_us < 999;
	else
		w->same_us = 0;
	w->last_us = us;
	return (double)us + w->same_us / 1000.0;
}

int tl_walk(const char *path, unsigned long limit, const struct tl_hooks *h, struct tl_result *r)
{
	struct walk w = {.h = h, .r = r};
	struct trace_file tf;
	struct tev e;
	int got = 0;
	memset(r, 0, sizeof *r);
	if (!trace_open(&tf, path))
		return 2;
	while ((!limit || r->events < limit) && (got = trace_next(&tf, &e)) == 1) {
		struct tl_info in = {0};
		r->events++;
		in.ts = timestamp(&w, &e);
		if (r->events == 1)
			r->first_ts = in.ts;
		r->last_ts = in.ts;
		bool blocked = r->events > 1 && all_waiting(&w);
		if (e.has_thread) {
			in.thread = get(&w, e.thread, e.arch);
			in.thread->gone = false;
		}
		step(&w, &e, &in);
		if (blocked && idle_ends(&e, &in)) {
			r->idle_time += in.ts - w.prev_ts;
			r->idle_gaps++;
			if (w.running)
				w.run_idle += in.ts - w.prev_ts;
		}
		w.prev_ts = in.ts;
		if (h->event)
			h->event(h->ctx, &e, &in);
		if (!strcmp(e.ev, "exit"))
			end_run(&w, in.ts);
	}
	trace_close(&tf);
	if (got < 0)
		return 2;
	end_run(&w, r->last_ts);
	for (unsigned i = 0; i < r->nthreads; i++) {
		end_wait(&w, r->threads[i], r->last_ts, true);
		end_serve(&w, r->threads[i], r->last_ts, true);
	}
	return 0;
}

void tl_free(struct tl_result *r)
{
	for (unsigned i = 0; i < r->nthreads; i++)
		free(r->threads[i]);
	free(r->threads);
	memset(r, 0, sizeof *r);
}
