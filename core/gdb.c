/* GDB's remote serial protocol over the kernel's objects (core/gdb.h): the packets. Memory,
 * breakpoints and the run loop's hooks are core/gdbrun.c. Replies follow the
 * protocol's conventions: "" for what is not supported, "E xx" for a failure, "OK". */
#include "core/gdb.h"
#include "core/fmt.h"
#include "core/gdb_int.h"
#include "core/report.h"
#include "core/task.h"

#include <string.h>

static const char hexdig[] = "0123456789abcdef";

size_t gdb_hex_encode(char *out, const void *in, size_t n)
{
	const uint8_t *b = in;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hexdig[b[i] >> 4];
		out[2 * i + 1] = hexdig[b[i] & 15];
	}
	out[2 * n] = 0;
	return 2 * n;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* A hex number at *p (advancing it); false if there is none or it overflows a word. */
static bool parse_hex(const char **p, word_t *v)
{
	const char *s = *p;
	word_t r = 0;
	while (hexval(*s) >= 0) {
		if (r >> 28)
			return false;
		r = r << 4 | (word_t)hexval(*s++);
	}
	if (s == *p)
		return false;
	*p = s;
	*v = r;
	return true;
}

static size_t hex_decode(uint8_t *out, const char *in, size_t max)
{
	size_t n = 0;
	while (n < max && hexval(in[0]) >= 0 && hexval(in[1]) >= 0) {
		out[n++] = (uint8_t)(hexval(in[0]) << 4 | hexval(in[1]));
		in += 2;
	}
	return n;
}

/* Thread ids: "p<task>.<lthread+1>", or without the process part; -1 all, 0 any. */
static bool parse_thread(const char **p, struct gdb_thread_ref *r)
{
	const char *s = *p;
	word_t v;
	r->task = 0;
	if (*s == 'p') {
		s++;
		if (s[0] == '-' && s[1] == '1') {
			r->task = -1, s += 2;
		} else if (parse_hex(&s, &v) && v < L4_TASKS) {
			r->task = (int)v;
		} else {
			return false;
		}
		if (*s != '.') {
			r->lthread = -1;
			*p = s;
			return true;
		}
		s++;
	}
	if (s[0] == '-' && s[1] == '1') {
		r->lthread = -1, s += 2;
	} else if (parse_hex(&s, &v) && v <= L4_LTHREADS) {
		r->lthread = (int)v - 1; /* tid 0 (any) becomes -1 too */
	} else {
		return false;
	}
	*p = s;
	return true;
}

static bool alive(const struct thread *t)
{
	return t && t->state != TS_DEAD;
}

struct thread *gdb_thread_at(const struct gdb *g, unsigned task, unsigned lthread)
{
	const struct task *tk = task < L4_TASKS ? g->k->tasks[task] : 0;
	struct thread *t = tk && lthread < L4_LTHREADS ? tk->threads[lthread] : 0;
	return alive(t) ? t : 0;
}

/* Any live thread, the stopped one first. */
static struct thread *any_thread(const struct gdb *g)
{
	struct thread *t = gdb_thread_at(g, g->stop_task, g->stop_lthread);
	for (unsigned i = 0; !t && i < L4_TASKS; i++)
		for (unsigned l = 0; g->k->tasks[i] && !t && l < L4_LTHREADS; l++)
			t = gdb_thread_at(g, i, l);
	return t;
}

/* The thread a selection means: a named one, or for "any"/"all" one of the task or instance. */
static struct thread *selected(const struct gdb *g, const struct gdb_thread_ref *r)
{
	if (r->task > 0 && r->lthread >= 0)
		return gdb_thread_at(g, (unsigned)r->task, (unsigned)r->lthread);
	struct thread *stop = any_thread(g);
	if (r->task > 0 && (!stop || stop->task->nr != (unsigned)r->task)) {
		for (unsigned l = 0; l < L4_LTHREADS; l++)
			if (gdb_thread_at(g, (unsigned)r->task, l))
				return gdb_thread_at(g, (unsigned)r->task, l);
		return 0;
	}
	return stop;
}

void gdb_mark_known(struct gdb *g, unsigned task)
{
	g->known[task / 32] |= 1u << (task % 32);
}

bool gdb_is_known(const struct gdb *g, unsigned task)
{
	return g->known[task / 32] >> (task % 32) & 1u;
}

void gdb_init(struct gdb *g, struct kernel *k, const struct gdb_ops *ops, const struct arch *arch,
	      unsigned first_task)
{
	memset(g, 0, sizeof *g);
	g->k = k;
	g->ops = ops;
	g->arch = arch;
	g->first_task = first_task;
}

void gdb_set_stop(struct gdb *g, const struct thread *t, int sig)
{
	g->stop_task = t ? t->task->nr : 0;
	g->stop_lthread = t ? t->lthread : 0;
	g->stop_sig = sig;
	g->stop_swbreak = g->stop_library = false;
	g->gsel = g->csel = (struct gdb_thread_ref){(int)g->stop_task, (int)g->stop_lthread};
	if (t)
		gdb_mark_known(g, t->task->nr);
}

void gdb_stop_reply(struct gdb *g, char *out)
{
	size_t n = kfmt(out, GDB_PACKET_MAX, "T%02xthread:p%x.%x;", (unsigned)g->stop_sig,
			g->stop_task, g->stop_lthread + 1);
	if (g->stop_swbreak)
		n += kfmt(out + n, GDB_PACKET_MAX - n, "swbreak:;");
	if (g->stop_library)
		kfmt(out + n, GDB_PACKET_MAX - n, "library:;");
}

/* ---- packets ---- */

static size_t put_reg(const struct gdb *g, const struct thread *t, const struct gdb_reg *r,
		      char *out)
{
	unsigned bytes = r->bits / 8;
	if (r->slot < 0) {
		memset(out, 'x', 2 * bytes);
		return 2 * bytes;
	}
	word_t v = t->regs[r->slot];
	uint8_t b[4];
	for (unsigned i = 0; i < 4; i++) /* in the task's byte order */
		b[i] = (uint8_t)(v >> (g->arch->big_endian ? 24 - 8 * i : 8 * i));
	return gdb_hex_encode(out, b, 4);
}

/* Sets register r of t from 2*bits/8 hex digits at in; false if they are malformed. */
static bool get_reg(const struct gdb *g, struct thread *t, const struct gdb_reg *r, const char *in)
{
	uint8_t b[16];
	unsigned bytes = r->bits / 8;
	if (hex_decode(b, in, bytes) != bytes)
		return in[0] == 'x'; /* unavailable stays so */
	if (r->slot >= 0)
		t->regs[r->slot] = word_bytes(b, g->arch->big_endian);
	return true;
}

static enum gdb_action reply(char *out, const char *text)
{
	kfmt(out, GDB_PACKET_MAX, "%s", text);
	return GDB_REPLY;
}

/* qXfer reads: the part [off, off+len) of a document. */
static enum gdb_action xfer(const char *doc, size_t size, const char *args, char *out)
{
	word_t off, len;
	if (!parse_hex(&args, &off) || *args++ != ',' || !parse_hex(&args, &len))
		return reply(out, "E01");
	if (len > GDB_PACKET_MAX - 2)
		len = GDB_PACKET_MAX - 2;
	if (off >= size)
		return reply(out, "l");
	size_t n = size - off < len ? size - off : len;
	out[0] = off + n < size ? 'm' : 'l';
	memcpy(out + 1, doc + off, n);
	out[n + 1] = 0;
	return GDB_REPLY;
}

static size_t threads_xml(struct gdb *g, char *buf, size_t size)
{
	size_t n = kfmt(buf, size, "<?xml version=\"1.0\"?>\n<threads>\n");
	for (unsigned i = 0; i < L4_TASKS; i++)
		for (unsigned l = 0; g->k->tasks[i] && l < L4_LTHREADS; l++) {
			struct thread *t = gdb_thread_at(g, i, l);
			char nm[16], st[96];
			if (!t || n + 200 > size)
				continue;
			gdb_mark_known(g, i);
			n += kfmt(buf + n, size - n,
				  "<thread id=\"p%x.%x\" core=\"0\" name=\"%s %s\">%s</thread>\n",
				  i, l + 1, thread_name(t, nm), t->task->name ? t->task->name : "?",
				  thread_state_desc(g->k, t, st, sizeof st));
		}
	return n + kfmt(buf + n, size - n, "</threads>\n");
}

static enum gdb_action query_xfer(struct gdb *g, const char *in, char *out)
{
	static char doc[64 * 1024];
	const char *p;
	size_t size;
	if (!strncmp(in, "features:read:target.xml:", 25)) {
		size = gdb_target_xml(g->arch, doc, sizeof doc);
		return xfer(doc, size, in + 25, out);
	}
	if (!strncmp(in, "threads:read::", 14)) {
		size = threads_xml(g, doc, sizeof doc);
		return xfer(doc, size, in + 14, out);
	}
	if (!strncmp(in, "exec-file:read:", 15)) {
		word_t pid = 0;
		p = in + 15;
		if (*p != ':' && !parse_hex(&p, &pid))
			return reply(out, "E01");
		struct gdb_thread_ref r = {pid ? (int)pid : 0, -1};
		struct thread *t = selected(g, &r);
		const char *path = t && g->ops->exec_path ? g->ops->exec_path(t->task) : 0;
		if (!path || *p++ != ':')
			return reply(out, "E01");
		return xfer(path, strlen(path), p, out);
	}
	return reply(out, "");
}

static enum gdb_action thread_list(struct gdb *g, char *out, bool first)
{
	unsigned next_task = first ? 0 : g->list_next;
	size_t n = 0;
	for (; next_task < L4_TASKS && n + 64 < GDB_PACKET_MAX; next_task++)
		for (unsigned l = 0; g->k->tasks[next_task] && l < L4_LTHREADS; l++)
			if (gdb_thread_at(g, next_task, l)) {
				gdb_mark_known(g, next_task);
				n += kfmt(out + n, GDB_PACKET_MAX - n, "%cp%x.%x", n ? ',' : 'm',
					  next_task, l + 1);
			}
	g->list_next = next_task;
	if (!n)
		return reply(out, "l");
	return GDB_REPLY;
}

static enum gdb_action query(struct gdb *g, const char *in, char *out)
{
	if (!strncmp(in, "qSupported", 10))
		return kfmt(out, GDB_PACKET_MAX,
			    "PacketSize=%x;qXfer:features:read+;qXfer:threads:read+;"
			    "qXfer:exec-file:read+;multiprocess+;swbreak+;QStartNoAckMode+;"
			    "vContSupported+",
			    GDB_PACKET_MAX),
		       GDB_REPLY;
	if (!strcmp(in, "qAttached") || !strncmp(in, "qAttached:", 10))
		return reply(out, "0"); /* umol4 started it: quitting gdb ends the instance */
	if (!strcmp(in, "qC")) {
		struct thread *t = any_thread(g);
		if (!t)
			return reply(out, "");
		kfmt(out, GDB_PACKET_MAX, "QCp%x.%x", t->task->nr, t->lthread + 1);
		return GDB_REPLY;
	}
	if (!strcmp(in, "qfThreadInfo"))
		return thread_list(g, out, true);
	if (!strcmp(in, "qsThreadInfo"))
		return thread_list(g, out, false);
	if (!strncmp(in, "qXfer:", 6))
		return query_xfer(g, in + 6, out);
	if (!strncmp(in, "qSymbol:", 8))
		return reply(out, "OK");
	if (!strncmp(in, "qRcmd,", 6)) {
		char cmd[256];
		size_t n = hex_decode((uint8_t *)cmd, in + 6, sizeof cmd - 1);
		cmd[n] = 0;
		gdb_monitor(g, cmd);
		return reply(out, "OK");
	}
	return reply(out, "");
}

static enum gdb_action regs_all(struct gdb *g, const char *in, char *out, bool write)
{
	struct thread *t = selected(g, &g->gsel);
	const struct arch *a = g->arch;
	if (!t || t->task->arch != a)
		return reply(out, "E01");
	size_t n = 0;
	for (unsigned i = 0; i < a->gdb_nregs; i++) {
		if (write) {
			if (strlen(in + n) < a->gdb_regs[i].bits / 4)
				break;
			if (!get_reg(g, t, &a->gdb_regs[i], in + n))
				return reply(out, "E01");
			n += a->gdb_regs[i].bits / 4;
		} else {
			n += put_reg(g, t, &a->gdb_regs[i], out + n);
		}
	}
	if (write)
		return reply(out, "OK");
	out[n] = 0;
	return GDB_REPLY;
}

static enum gdb_action reg_one(struct gdb *g, const char *in, char *out, bool write)
{
	struct thread *t = selected(g, &g->gsel);
	const struct arch *a = g->arch;
	word_t nr;
	if (!t || t->task->arch != a || !parse_hex(&in, &nr) || nr >= a->gdb_nregs)
		return reply(out, "E01");
	if (!write) {
		out[put_reg(g, t, &a->gdb_regs[nr], out)] = 0;
		return GDB_REPLY;
	}
	return reply(out, *in == '=' && get_reg(g, t, &a->gdb_regs[nr], in + 1) ? "OK" : "E01");
}

static enum gdb_action memory(struct gdb *g, const char *in, char *out, bool write)
{
	static uint8_t buf[GDB_PACKET_MAX / 2];
	struct thread *t = selected(g, &g->gsel);
	word_t va, len;
	if (!t || !parse_hex(&in, &va) || *in++ != ',' || !parse_hex(&in, &len))
		return reply(out, "E01");
	if (len > sizeof buf)
		len = sizeof buf;
	if (!write) {
		if (!gdb_mem_read(g, t->task, va, buf, len))
			return reply(out, "E14"); /* EFAULT */
		gdb_hex_encode(out, buf, len);
		return GDB_REPLY;
	}
	if (*in++ != ':' || hex_decode(buf, in, len) != len)
		return reply(out, "E01");
	return reply(out, gdb_mem_write(g, t->task, va, buf, len) ? "OK" : "E14");
}

static enum gdb_action breakpoint(struct gdb *g, const char *in, char *out, bool insert)
{
	struct thread *t = selected(g, &g->gsel);
	word_t va, kind;
	if (in[0] != '0') /* hardware breakpoints and watchpoints: not offered */
		return reply(out, "");
	in += 1;
	if (!t || *in++ != ',' || !parse_hex(&in, &va) || *in++ != ',' || !parse_hex(&in, &kind))
		return reply(out, "E01");
	/* gdb asks for the length of the instruction there; a shorter breakpoint instruction fits
	 * in its place too (RISC-V's 2-byte c.ebreak where gdb asks for 4 bytes) */
	word_t len = g->arch->gdb_bkpt_len;
	if (kind < len || kind % len || va % len)
		return reply(out, "E01");
	struct gdb_breakpoint *b = gdb_bp_find(g, t->task->nr, va);
	if (!insert) {
		if (b)
			gdb_bp_delete(g, b);
		return reply(out, "OK");
	}
	bool at_entry = va >= t->task->arch->user_end;
	if (!b) {
		if (g->nbp == GDB_MAX_BREAKPOINTS || (at_entry && !gdb_at_entry(t->task->arch, va)))
			return reply(out, "E01");
		b = &g->bp[g->nbp++];
		*b = (struct gdb_breakpoint){.task = t->task->nr, .va = va, .entry = at_entry};
	}
	if (!b->entry)
		gdb_bp_sync(g, t->task,
			    b); /* or later, when the task's pager has mapped the page */
	return reply(out, "OK");
}

/* c, s, vCont: which threads run, and which one (if any) steps. */
static enum gdb_action resume(struct gdb *g, const char *in, char *out)
{
	struct gdb_thread_ref step = {0, 0};
	bool stepping = false;
	g->nresumed = 0; /* c, s: everything runs */
	if (in[0] == 's' || in[0] == 'S') {
		step = g->csel, stepping = true;
	} else if (!strncmp(in, "vCont;", 6)) {
		bool all = false;
		for (const char *p = in + 5; p && *p == ';'; p = strchr(p + 1, ';')) {
			char act = p[1];
			const char *q = p + 2;
			if (act == 'S' || act == 'C')
				while (hexval(*q) >= 0)
					q++;
			struct gdb_thread_ref r = {-1, -1};
			if (*q == ':' && (q++, !parse_thread(&q, &r)))
				return reply(out, "E01");
			if (act != 'c' && act != 'C' && act != 's' && act != 'S')
				continue;
			if (r.task <= 0 && r.lthread < 0)
				all = true;
			else if (g->nresumed < GDB_MAX_ACTIONS)
				g->resumed[g->nresumed++] = r;
			if (act == 's' || act == 'S')
				step = r, stepping = true;
		}
		if (all)
			g->nresumed = 0;
	}
	if (stepping) {
		struct thread *t = selected(g, &step);
		if (!t)
			return reply(out, "E01");
		if (!t->task->arch->set_single_step)
			return reply(out, "E01"); /* gdb steps these ISAs by breakpoints */
		g->stepping = true;
		g->step_done = false;
		g->step_task = t->task->nr;
		g->step_lthread = t->lthread;
	}
	gdb_release_held(g);
	return GDB_RESUME;
}

enum gdb_action gdb_packet(struct gdb *g, const char *in, size_t len, char *out)
{
	(void)len;
	struct gdb_thread_ref r;
	const char *p;
	switch (in[0]) {
	case '?':
		gdb_stop_reply(g, out);
		return GDB_REPLY;
	case 'q':
		return query(g, in, out);
	case 'Q':
		if (!strcmp(in, "QStartNoAckMode")) {
			g->noack = true;
			return reply(out, "OK");
		}
		return reply(out, "");
	case 'H':
		p = in + 2;
		if ((in[1] != 'g' && in[1] != 'c') || !parse_thread(&p, &r))
			return reply(out, "E01");
		if (r.task > 0 && r.lthread >= 0 &&
		    !gdb_thread_at(g, (unsigned)r.task, (unsigned)r.lthread))
			return reply(out, "E01");
		*(in[1] == 'g' ? &g->gsel : &g->csel) = r;
		return reply(out, "OK");
	case 'T':
		p = in + 1;
		return reply(out, parse_thread(&p, &r) && r.task > 0 && r.lthread >= 0 &&
					  gdb_thread_at(g, (unsigned)r.task, (unsigned)r.lthread)
				      ? "OK"
				      : "E01");
	case 'g':
		return regs_all(g, in + 1, out, false);
	case 'G':
		return regs_all(g, in + 1, out, true);
	case 'p':
		return reg_one(g, in + 1, out, false);
	case 'P':
		return reg_one(g, in + 1, out, true);
	case 'm':
		return memory(g, in + 1, out, false);
	case 'M':
		return memory(g, in + 1, out, true);
	case 'Z':
		return breakpoint(g, in + 1, out, true);
	case 'z':
		return breakpoint(g, in + 1, out, false);
	case 'c':
	case 'C':
	case 's':
	case 'S':
		return resume(g, in, out);
	case 'D':
		reply(out, "OK");
		return GDB_DETACH;
	case 'k':
		return GDB_KILL;
	case 'v':
		if (!strcmp(in, "vCont?"))
			return reply(out, g->arch->set_single_step ? "vCont;c;C;s;S" : "vCont;c;C");
		if (!strncmp(in, "vCont;", 6))
			return resume(g, in, out);
		if (!strncmp(in, "vKill", 5))
			return reply(out, "OK"), GDB_KILL;
		return reply(out, "");
	default:
		return reply(out, "");
	}
}
