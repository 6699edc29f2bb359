/* Reading umol4 traces: a validating parser for the flat JSON-lines format (trace_read.h says why
 * it is hand-written). Every member value is first validated and copied in canonical form (no
 * whitespace outside strings); the known members are then decoded from that text. */
#include "trace_read.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sbuf {
	char *p;
	size_t len, cap;
};

struct cur {
	const char *s, *p;
	const char *err;
};

static void *grow(void *p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return p;
	size_t cap2 = *cap ? *cap : 256;
	while (cap2 < need)
		cap2 *= 2;
	p = realloc(p, cap2);
	if (!p) {
		fputs("umol4-trace: out of memory\n", stderr);
		exit(2);
	}
	*cap = cap2;
	return p;
}

static void put(struct sbuf *b, const char *s, size_t n)
{
	if (!b)
		return;
	b->p = grow(b->p, &b->cap, b->len + n + 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

static void ws(struct cur *c)
{
	while (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n')
		c->p++;
}

static bool fail(struct cur *c, const char *what)
{
	if (!c->err)
		c->err = what;
	return false;
}

static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static int hexval(char ch)
{
	if (is_digit(ch))
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* A string at c->p ('"'), copied as written. */
static bool canon_string(struct cur *c, struct sbuf *out)
{
	const char *start = c->p++;
	for (;;) {
		unsigned char ch = (unsigned char)*c->p;
		if (ch == '"')
			break;
		if (ch < 0x20)
			return fail(c, ch ? "control character in a string" : "unterminated string");
		if (ch == '\\') {
			char e = *++c->p;
			if (e == 'u') {
				for (int i = 1; i <= 4; i++)
					if (hexval(c->p[i]) < 0)
						return fail(c, "bad \\u escape");
				c->p += 4;
			} else if (!strchr("\"\\/bfnrt", e) || !e) {
				return fail(c, "bad escape in a string");
			}
		}
		c->p++;
	}
	c->p++;
	put(out, start, (size_t)(c->p - start));
	return true;
}

static bool canon_number(struct cur *c, struct sbuf *out)
{
	const char *start = c->p;
	if (*c->p == '-')
		c->p++;
	if (*c->p == '0')
		c->p++;
	else if (is_digit(*c->p))
		while (is_digit(*c->p))
			c->p++;
	else
		return fail(c, "bad number");
	if (*c->p == '.') {
		if (!is_digit(*++c->p))
			return fail(c, "bad number");
		while (is_digit(*c->p))
			c->p++;
	}
	if (*c->p == 'e' || *c->p == 'E') {
		c->p++;
		if (*c->p == '+' || *c->p == '-')
			c->p++;
		if (!is_digit(*c->p))
			return fail(c, "bad number");
		while (is_digit(*c->p))
			c->p++;
	}
	put(out, start, (size_t)(c->p - start));
	return true;
}

static bool canon_value(struct cur *c, struct sbuf *out, int depth);

/* The rest of an array or object after its opening bracket. */
static bool canon_container(struct cur *c, struct sbuf *out, int depth, char close)
{
	ws(c);
	if (*c->p == close) {
		put(out, c->p++, 1);
		return true;
	}
	for (;;) {
		if (close == '}') {
			if (*c->p != '"')
				return fail(c, "expected a member name");
			if (!canon_string(c, out))
				return false;
			ws(c);
			if (*c->p != ':')
				return fail(c, "expected ':'");
			put(out, c->p++, 1);
			ws(c);
		}
		if (!canon_value(c, out, depth + 1))
			return false;
		ws(c);
		if (*c->p == close) {
			put(out, c->p++, 1);
			return true;
		}
		if (*c->p != ',')
			return fail(c, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
		put(out, c->p++, 1);
		ws(c);
	}
}

/* Validates one value at c->p and appends it to out (if not 0) without insignificant space. */
static bool canon_value(struct cur *c, struct sbuf *out, int depth)
{
	static const char *const lit[] = {"true", "false", "null"};
	if (depth > 16)
		return fail(c, "nested too deeply");
	switch (*c->p) {
	case '"':
		return canon_string(c, out);
	case '{':
	case '[': {
		char close = *c->p == '{' ? '}' : ']';
		put(out, c->p++, 1);
		return canon_container(c, out, depth, close);
	}
	default:
		for (unsigned i = 0; i < 3; i++) {
			size_t n = strlen(lit[i]);
			if (!strncmp(c->p, lit[i], n)) {
				put(out, c->p, n);
				c->p += n;
				return true;
			}
		}
		if (*c->p == '-' || is_digit(*c->p))
			return canon_number(c, out);
		return fail(c, *c->p ? "expected a value" : "unexpected end of line");
	}
}

/* The next member of the object being read (its '{' consumed): 1, 0 at its '}', -1 on error.
 * The name is decoded into key; the value goes canonical into val. */
static int member_next(struct cur *c, char *key, size_t keysize, struct sbuf *val, bool *first)
{
	ws(c);
	if (*c->p == '}') {
		c->p++;
		return 0;
	}
	if (!*first) {
		if (*c->p != ',')
			return fail(c, "expected ',' or '}'"), -1;
		c->p++;
		ws(c);
	}
	*first = false;
	if (*c->p != '"')
		return fail(c, "expected a member name"), -1;
	const char *k = c->p + 1;
	if (!canon_string(c, 0))
		return -1;
	size_t klen = (size_t)(c->p - 1 - k);
	if (klen >= keysize || memchr(k, '\\', klen))
		return fail(c, "unexpected member name"), -1;
	memcpy(key, k, klen);
	key[klen] = 0;
	ws(c);
	if (*c->p != ':')
		return fail(c, "expected ':'"), -1;
	c->p++;
	ws(c);
	val->len = 0;
	return canon_value(c, val, 1) ? 1 : -1;
}

/* Decoders of canonical values. */
static bool dec_uint(const char *s, size_t n, unsigned long long *v)
{
	if (!n || n > 20)
		return false;
	unsigned long long x = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]) || x > (UINT64_MAX - 9) / 10)
			return false;
		x = x * 10 + (unsigned)(s[i] - '0');
	}
	*v = x;
	return true;
}

static bool dec_uints(const char *s, size_t n, unsigned long long *v, unsigned *count)
{
	*count = 0;
	if (n < 2 || s[0] != '[' || s[n - 1] != ']')
		return false;
	size_t i = 1;
	while (i < n - 1) {
		size_t j = i;
		while (j < n - 1 && s[j] != ',')
			j++;
		if (*count == TEV_MAXN || !dec_uint(s + i, j - i, &v[(*count)++]))
			return false;
		i = j + 1;
	}
	return true;
}

static void put_utf8(struct sbuf *b, unsigned cp)
{
	char u[3];
	if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		put(b, u, 2);
		return;
	}
	u[0] = (char)(0xe0 | cp >> 12);
	u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	u[2] = (char)(0x80 | (cp & 0x3f));
	put(b, u, 3);
}

/* A canonical string into bytes: \u00XX is one byte (the kernel escapes bytes so), larger code
 * points become UTF-8. */
static bool dec_string(const char *s, size_t n, struct sbuf *out)
{
	if (n < 2 || s[0] != '"')
		return false;
	out->len = 0;
	put(out, "", 0);
	for (size_t i = 1; i < n - 1; i++) {
		char ch = s[i];
		if (ch != '\\') {
			put(out, &ch, 1);
			continue;
		}
		ch = s[++i];
		if (ch == 'u') {
			unsigned cp = 0;
			for (int k = 1; k <= 4; k++)
				cp = cp << 4 | (unsigned)hexval(s[i + (size_t)k]);
			i += 4;
			char byte = (char)cp;
			if (cp < 0x100)
				put(out, &byte, 1);
			else
				put_utf8(out, cp);
			continue;
		}
		static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
		const char *f = strchr(from, ch);
		char d = f ? to[f - from] : ch;
		put(out, &d, 1);
	}
	return true;
}

static bool dec_small(const char *s, size_t n, char *out, size_t size)
{
	struct sbuf b = {0};
	bool ok = dec_string(s, n, &b) && b.len < size;
	if (ok)
		memcpy(out, b.p, b.len + 1);
	free(b.p);
	return ok;
}

static bool dec_tid(const char *s, size_t n, struct tid *id)
{
	char str[24], *end;
	if (!dec_small(s, n, str, sizeof str))
		return false;
	errno = 0;
	unsigned long task = strtoul(str, &end, 16);
	if (end == str || *end != '.' || !end[1])
		return false;
	char *l = end + 1;
	unsigned long lthread = strtoul(l, &end, 16);
	if (*end || errno || task > 0xffffffu || lthread > 0xffffu)
		return false;
	id->task = (unsigned)task;
	id->lthread = (unsigned)lthread;
	return true;
}

static bool dec_isa(struct cur *outer, const char *s, struct tev *e)
{
	struct cur c = {.s = s, .p = s + 1};
	struct sbuf val = {0};
	char key[32];
	bool first = true, ok = true;
	int r = -1;
	while (ok && (r = member_next(&c, key, sizeof key, &val, &first)) == 1) {
		if (!strcmp(key, "arch"))
			ok = dec_small(val.p, val.len, e->arch, sizeof e->arch);
		else if (!strcmp(key, "ip"))
			ok = e->has_ip = dec_uint(val.p, val.len, &e->ip);
		else if (!strcmp(key, "sp"))
			ok = e->has_sp = dec_uint(val.p, val.len, &e->sp);
		else if (!strcmp(key, "addr"))
			ok = e->has_addr = dec_uint(val.p, val.len, &e->addr);
		else if (!strcmp(key, "args"))
			ok = dec_uints(val.p, val.len, e->args, &e->nargs);
	}
	free(val.p);
	if (ok && r == 0)
		return true;
	return fail(outer, "bad \"isa\" member");
}

/* Decodes a known neutral member; false (with c->err) if its value has the wrong type. */
static bool dec_neutral(struct cur *c, const char *key, const struct sbuf *v, struct tev *e,
			struct trace_file *tf)
{
	if (!strcmp(key, "ev"))
		return dec_small(v->p, v->len, e->ev, sizeof e->ev) || fail(c, "bad \"ev\"");
	if (!strcmp(key, "name"))
		return (e->has_name = dec_small(v->p, v->len, e->name, sizeof e->name)) ||
		       fail(c, "bad \"name\"");
	if (!strcmp(key, "thread"))
		return (e->has_thread = dec_tid(v->p, v->len, &e->thread)) ||
		       fail(c, "bad \"thread\" (expected \"task.lthread\" in hex)");
	if (!strcmp(key, "peer"))
		return (e->has_peer = dec_tid(v->p, v->len, &e->peer)) ||
		       fail(c, "bad \"peer\" (expected \"task.lthread\" in hex)");
	if (!strcmp(key, "n"))
		return dec_uints(v->p, v->len, e->n, &e->nn) ||
		       fail(c, "bad \"n\" (expected up to 16 unsigned integers)");
	if (!strcmp(key, "mem"))
		return (e->mem = !strcmp(v->p, "true")) || !strcmp(v->p, "false") ||
		       fail(c, "bad \"mem\"");
	if (!strcmp(key, "text")) {
		struct sbuf t = {tf->text, 0, tf->text_cap};
		bool ok = dec_string(v->p, v->len, &t);
		tf->text = t.p;
		tf->text_cap = t.cap;
		e->text = tf->text;
		e->textlen = t.len;
		return (e->has_text = ok) || fail(c, "bad \"text\"");
	}
	return true; /* an unknown member: compared as written */
}

static bool parse_event(struct trace_file *tf, struct cur *c, struct tev *e)
{
	struct sbuf canon = {tf->canon, 0, tf->canon_cap}, val = {0};
	char key[64];
	bool first = true, ok = true;
	int r = -1;
	put(&canon, "", 0);
	ws(c);
	if (*c->p != '{')
		ok = fail(c, "not a JSON object");
	else
		c->p++;
	while (ok && (r = member_next(c, key, sizeof key, &val, &first)) == 1) {
		if (!strcmp(key, "seq"))
			ok = (e->has_seq = dec_uint(val.p, val.len, &e->seq)) || fail(c, "bad \"seq\"");
		else if (!strcmp(key, "us"))
			ok = (e->has_us = dec_uint(val.p, val.len, &e->us)) || fail(c, "bad \"us\"");
		else if (!strcmp(key, "src_seq"))
			ok = (e->has_src_seq = dec_uint(val.p, val.len, &e->src_seq)) ||
			     fail(c, "bad \"src_seq\"");
		else if (!strcmp(key, "isa"))
			ok = (val.p[0] == '{' || fail(c, "\"isa\" is not an object")) &&
			     dec_isa(c, val.p, e);
		else if (e->nmembers == TEV_MAXMEMBERS)
			ok = fail(c, "too many members");
		else {
			struct tev_member *m = &e->member[e->nmembers++];
			if (canon.len)
				put(&canon, ",", 1);
			m->key = canon.len + 1;
			m->key_len = strlen(key);
			put(&canon, "\"", 1);
			put(&canon, key, m->key_len);
			put(&canon, "\":", 2);
			m->val = canon.len;
			m->val_len = val.len;
			put(&canon, val.p, val.len);
			ok = dec_neutral(c, key, &val, e, tf);
		}
	}
	free(val.p);
	tf->canon = canon.p;
	tf->canon_cap = canon.cap;
	e->canon = canon.p;
	e->canon_len = canon.len;
	if (!ok || r < 0)
		return false;
	ws(c);
	if (*c->p)
		return fail(c, "text after the object");
	if (!e->ev[0])
		return fail(c, "no \"ev\" member");
	return true;
}

bool trace_open(struct trace_file *tf, const char *path)
{
	memset(tf, 0, sizeof *tf);
	tf->path = path;
	tf->f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!tf->f)
		fprintf(stderr, "umol4-trace: cannot read %s: %s\n", path, strerror(errno));
	return tf->f != 0;
}

void trace_close(struct trace_file *tf)
{
	if (tf->f && tf->f != stdin)
		fclose(tf->f);
	free(tf->buf);
	free(tf->canon);
	free(tf->text);
	memset(tf, 0, sizeof *tf);
}

int trace_next(struct trace_file *tf, struct tev *e)
{
	for (;;) {
		errno = 0;
		ssize_t n = getline(&tf->buf, &tf->bufcap, tf->f);
		if (n < 0) {
			if (!errno)
				return 0;
			fprintf(stderr, "umol4-trace: %s: %s\n", tf->path, strerror(errno));
			return -1;
		}
		tf->line++;
		if ((size_t)n != strlen(tf->buf)) {
			fprintf(stderr, "umol4-trace: %s:%lu: NUL byte in the line\n", tf->path,
				tf->line);
			return -1;
		}
		struct cur c = {.s = tf->buf, .p = tf->buf};
		ws(&c);
		if (!*c.p)
			continue; /* blank line */
		memset(e, 0, sizeof *e);
		e->line = tf->line;
		if (parse_event(tf, &c, e))
			return 1;
		fprintf(stderr, "umol4-trace: %s:%lu:%ld: %s\n", tf->path, tf->line,
			(long)(c.p - c.s) + 1, c.err ? c.err : "bad event");
		return -1;
	}
}

void tid_str(struct tid id, char out[16])
{
	snprintf(out, 16, "%x.%02x", id.task & 0xffffffu, id.lthread & 0xffffu);
}

bool tid_eq(struct tid a, struct tid b) { return a.task == b.task && a.lthread == b.lthread; }

const char *tev_member(const struct tev *e, const char *key, size_t *len)
{
	for (unsigned i = 0; i < e->nmembers; i++) {
		const struct tev_member *m = &e->member[i];
		if (m->key_len == strlen(key) && !memcmp(e->canon + m->key, key, m->key_len)) {
			*len = m->val_len;
			return e->canon + m->val;
		}
	}
	return 0;
}
