/* Writes the core's trace events as JSON lines (docs/tracing.md): one object per event, the
 * ISA-neutral fields at the top level, the ISA-specific ones under "isa". */
#include "os/linux/trace_json.h"
#include "core/plat.h"
#include "core/trace.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static FILE *out;
static unsigned long long seq;

static const char *const kind_name[] = {
	[TR_SYSCALL] = "syscall", [TR_IPC_DONE] = "ipc_done", [TR_PAGEFAULT] = "pagefault",
	[TR_MAP] = "map",	  [TR_UNMAP] = "unmap",	      [TR_RUN] = "run",
	[TR_PREEMPT] = "preempt", [TR_IRQ] = "irq",	      [TR_TASK_NEW] = "task_new",
	[TR_TASK_DEL] = "task_delete", [TR_EXCEPTION] = "exception", [TR_KDEBUG] = "kdebug",
	[TR_OUTPUT] = "output",	  [TR_EXIT] = "exit",	      [TR_DEVICE] = "device",
};

/* "-" is standard output; the programs' output, which the trace carries as output events too,
 * then goes to standard error, so that the trace can be piped into umol4-trace unmixed. */
bool trace_open(const char *path)
{
	if (strcmp(path, "-")) {
		out = fopen(path, "w");
		return out != 0;
	}
	int fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
	if (fd < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0 || !(out = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	return true;
}

void trace_close(void)
{
	if (out)
		fclose(out);
	out = 0;
}

static void put_id(const char *key, l4id_t id)
{
	fprintf(out, ",\"%s\":\"%x.%02x\"", key, id_task(id), id_lthread(id));
}

void json_string(FILE *f, const char *s, size_t n)
{
	fputc('"', f);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void put_text(const char *key, const char *s, size_t n)
{
	fprintf(out, ",\"%s\":", key);
	json_string(out, s, n);
}

unsigned long long plat_trace(const struct trace_ev *e)
{
	if (!out)
		return 0;
	fprintf(out, "{\"seq\":%llu,\"us\":%llu,\"ev\":\"%s\"", ++seq,
		(unsigned long long)plat_now_us(), kind_name[e->kind]);
	if (e->thread)
		put_id("thread", e->thread->id);
	if (e->kind == TR_EXIT && e->thread && e->thread->task->name)
		put_text("program", e->thread->task->name, strlen(e->thread->task->name));
	if (e->name)
		fprintf(out, ",\"name\":\"%s\"", e->name);
	if (e->nn) {
		fputs(",\"n\":[", out);
		for (unsigned i = 0; i < e->nn; i++)
			fprintf(out, "%s%u", i ? "," : "", e->n[i]);
		fputc(']', out);
	}
	if (e->has_peer)
		put_id("peer", e->peer);
	if (e->text)
		put_text("text", e->text, e->textlen);
	if (e->mem)
		fputs(",\"mem\":true", out);
	if (e->src_seq)
		fprintf(out, ",\"src_seq\":%llu", e->src_seq);
	fputs(",\"isa\":{", out);
	if (e->thread) {
		const struct arch *a = e->thread->task->arch;
		fprintf(out, "\"arch\":\"%s\",\"ip\":%u,\"sp\":%u", a->name, a->get_ip(e->thread->regs),
			a->get_sp(e->thread->regs));
	}
	if (e->has_addr)
		fprintf(out, "%s\"addr\":%u", e->thread ? "," : "", e->addr);
	if (e->isa_nn) {
		fprintf(out, "%s\"args\":[", e->thread || e->has_addr ? "," : "");
		for (unsigned i = 0; i < e->isa_nn; i++)
			fprintf(out, "%s%u", i ? "," : "", e->isa_n[i]);
		fputc(']', out);
	}
	if (e->where) {
		fputs(e->thread || e->has_addr || e->isa_nn ? "," : "", out);
		fputs("\"where\":", out);
		json_string(out, e->where, strlen(e->where));
	}
	fputs("}}\n", out);
	return seq;
}
