/* Readable one-line forms of trace events, for diff reports. */
#include "trace_read.h"

#include <stdarg.h>
#include <string.h>

struct out {
	char *p;
	size_t size, len;
};

static void add(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct out *o, const char *fmt, ...)
{
	if (o->len + 1 >= o->size)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(o->p + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len = o->len + (size_t)n < o->size ? o->len + (size_t)n : o->size - 1;
}

static void add_num(struct out *o, unsigned long long v)
{
	if (v >= 0x1000)
		add(o, "0x%llx", v);
	else
		add(o, "%llu", v);
}

static void add_text(struct out *o, const char *s, size_t n)
{
	const size_t max = 60;
	add(o, " \"");
	for (size_t i = 0; i < n && i < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			add(o, "\\n");
		else if (c == '"' || c == '\\')
			add(o, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			add(o, "\\x%02x", c);
		else
			add(o, "%c", c);
	}
	add(o, "\"%s", n > max ? "..." : "");
}

static bool known(const char *key, size_t n)
{
	static const char *const k[] = {"ev", "name", "thread", "n", "peer", "text", "mem"};
	for (unsigned i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strlen(k[i]) == n && !memcmp(k[i], key, n))
			return true;
	return false;
}

void tev_format(const struct tev *e, char *buf, size_t size)
{
	struct out o = {buf, size, 0};
	char id[16];
	buf[0] = 0;
	add(&o, "%s", e->ev);
	if (e->has_name)
		add(&o, strchr(e->name, ' ') ? " \"%s\"" : " %s", e->name);
	if (e->has_thread) {
		tid_str(e->thread, id);
		add(&o, " thread %s", id);
	}
	if (e->nn) {
		add(&o, " n=[");
		for (unsigned i = 0; i < e->nn; i++) {
			add(&o, "%s", i ? "," : "");
			add_num(&o, e->n[i]);
		}
		add(&o, "]");
	}
	if (e->has_peer) {
		tid_str(e->peer, id);
		add(&o, " peer %s", id);
	}
	if (e->has_text)
		add_text(&o, e->text, e->textlen);
	for (unsigned i = 0; i < e->nmembers; i++) {
		const struct tev_member *m = &e->member[i];
		if (!known(e->canon + m->key, m->key_len))
			add(&o, " %.*s=%.*s", (int)m->key_len, e->canon + m->key, (int)m->val_len,
			    e->canon + m->val);
	}
	if (e->mem)
		add(&o, " (mem)");
}

void tev_format_isa(const struct tev *e, char *buf, size_t size)
{
	struct out o = {buf, size, 0};
	buf[0] = 0;
	if (e->arch[0])
		add(&o, "%s", e->arch);
	if (e->has_ip)
		add(&o, "%sip 0x%08llx", o.len ? " " : "", e->ip);
	if (e->has_sp)
		add(&o, "%ssp 0x%08llx", o.len ? " " : "", e->sp);
	if (e->has_addr)
		add(&o, "%saddr 0x%08llx", o.len ? " " : "", e->addr);
	if (e->nargs) {
		add(&o, "%sargs=[", o.len ? " " : "");
		for (unsigned i = 0; i < e->nargs; i++)
			add(&o, "%s0x%llx", i ? "," : "", e->args[i]);
		add(&o, "]");
	}
}
