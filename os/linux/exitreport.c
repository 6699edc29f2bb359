/* How an instance ended, as one set of facts for --exit-report=FILE (a JSON object) and the
 * trace's exit event (docs/usage.md, "The exit report"). */
#include "os/linux/exitreport.h"
#include "core/task.h"
#include "core/trace.h"
#include "os/linux/symbolize.h"
#include "os/linux/trace_json.h"

#include <stdio.h>
#include <string.h>

void exit_facts_gather(const struct kernel *k, const char *reason, int status, struct exit_facts *f)
{
	memset(f, 0, sizeof *f);
	f->reason = reason;
	f->status = status;
	if (!strcmp(reason, "exit"))
		f->thread = k->exited_by;
	else if (k->stop.reason != STOP_NONE &&
		 (!strcmp(reason, "fault") || !strcmp(reason, "exception") ||
		  !strcmp(reason, "kdebug"))) {
		f->thread = k->stop.thread;
		f->what = k->stop.what;
		f->addr = k->stop.addr;
		f->has_addr = k->stop.has_addr;
	} else {
		f->thread = k->current; /* the thread that ran when a signal or a death came */
	}
	if (f->thread)
		sym_lookup(f->thread->task, f->thread->task->arch->get_ip(f->thread->regs),
			   &f->loc);
}

/* A JSON string, or null. */
static void put_str(FILE *out, const char *key, const char *s)
{
	fprintf(out, ",\"%s\":", key);
	if (s)
		json_string(out, s, strlen(s));
	else
		fputs("null", out);
}

static void put_hex(FILE *out, const char *key, bool has, word_t v)
{
	if (has)
		fprintf(out, ",\"%s\":\"0x%08x\"", key, v);
	else
		fprintf(out, ",\"%s\":null", key);
}

bool exit_report_write(const char *path, const struct exit_facts *f)
{
	FILE *out = fopen(path, "w");
	if (!out)
		return false;
	const struct thread *t = f->thread;
	char id[16] = "", task[8] = "";
	if (t) {
		snprintf(task, sizeof task, "%x", t->task->nr);
		thread_name(t, id);
	}
	fprintf(out, "{\"reason\":\"%s\",\"status\":%d", f->reason, f->status);
	put_str(out, "task", t ? task : 0);
	put_str(out, "thread", t ? id : 0);
	put_str(out, "program", t ? t->task->name : 0);
	put_str(out, "file", t ? sym_program_path(t->task) : 0);
	put_hex(out, "ip", t != 0, t ? t->task->arch->get_ip(t->regs) : 0);
	put_hex(out, "address", f->has_addr, f->addr);
	put_str(out, "what", f->what);
	put_str(out, "function", f->loc.function);
	put_str(out, "source", f->loc.file);
	if (f->loc.file)
		fprintf(out, ",\"line\":%d", f->loc.line);
	else
		fputs(",\"line\":null", out);
	fputs("}\n", out);
	return fclose(out) == 0;
}

void exit_trace(struct kernel *k, const struct exit_facts *f)
{
	char where[200] = "";
	if (f->loc.function && f->loc.file)
		snprintf(where, sizeof where, "%s:%d", f->loc.function, f->loc.line);
	else if (f->loc.function)
		snprintf(where, sizeof where, "%s", f->loc.function);
	trace_end(k, f->reason, f->status, f->thread, f->addr, f->has_addr, where);
}
