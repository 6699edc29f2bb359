/* The kernel's own views for a debugger, as JDB gives them (`monitor ...` in gdb), and the
 * target description gdb reads for the instance's ISA. */
#include "core/fmt.h"
#include "core/gdb.h"
#include "core/kip.h"
#include "core/mapdb.h"
#include "core/plat.h"
#include "core/report.h"
#include "core/task.h"

#include <stdarg.h>
#include <string.h>

#define MON_MAX_LINES 512u /* a runaway listing stops here and says so */

static void say(struct gdb *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct gdb *g, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	size_t n = kvfmt(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	line[n] = '\n';
	line[n + 1] = 0;
	g->ops->console(g->ops->cx, line);
}

static const char *skip_space(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* A hex number (with or without 0x); false if there is none. */
static bool arg_hex(const char **s, word_t *v)
{
	const char *p = skip_space(*s);
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	word_t r = 0;
	const char *start = p;
	for (;; p++) {
		int d = *p >= '0' && *p <= '9'	 ? *p - '0'
			: *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
			: *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
						 : -1;
		if (d < 0)
			break;
		r = r << 4 | (word_t)d;
	}
	if (p == start)
		return false;
	*s = p;
	*v = r;
	return true;
}

static void mon_threads(struct gdb *g)
{
	for (unsigned i = 0; i < L4_TASKS; i++)
		for (unsigned l = 0; g->k->tasks[i] && l < L4_LTHREADS; l++) {
			const struct thread *t = g->k->tasks[i]->threads[l];
			char n[16], st[96], where[160];
			if (!t || t->state == TS_DEAD)
				continue;
			say(g, "%s %s (%s) prio %u: %s, ip 0x%08x%s", thread_name(t, n),
			    t->task->name ? t->task->name : "?", t->task->arch->name, t->prio,
			    thread_state_desc(g->k, t, st, sizeof st),
			    t->task->arch->get_ip(t->regs),
			    plat_thread_where(t, where, sizeof where));
		}
}

static void mon_tasks(struct gdb *g)
{
	for (unsigned i = 0; i < L4_TASKS; i++) {
		const struct task *t = g->k->tasks[i];
		if (t)
			say(g,
			    "task %x %s (%s): chief %x, clan depth %u, %u pages mapped, %u KiB "
			    "kernel memory",
			    i, t->name ? t->name : "?", t->arch->name, t->chief, t->depth,
			    t->pt.npages, (unsigned)(t->pt.kmem >> 10));
	}
}

/* mappings TASK [START [END]]: the task's page table as runs of pages backed by consecutive
 * frames with equal rights. */
static void mon_mappings(struct gdb *g, const char *args)
{
	word_t nr, start = 0, end;
	if (!arg_hex(&args, &nr) || nr >= L4_TASKS || !g->k->tasks[nr]) {
		say(g, "usage: monitor mappings TASK [START [END]] (hex; TASK an existing task)");
		return;
	}
	const struct task *t = g->k->tasks[nr];
	end = t->arch->user_end - 1;
	if (arg_hex(&args, &start) && !arg_hex(&args, &end))
		end = start;
	unsigned lines = 0, pages = 0;
	word_t run_va = 0, run_pa = 0, run_n = 0;
	pte_t run_w = 0;
	for (word_t vp = start >> PAGE_SHIFT;; vp++) {
		pte_t e = vp <= end >> PAGE_SHIFT ? pt_lookup(&t->pt, vp) : 0;
		word_t pa = PTE_FRAME(e) << PAGE_SHIFT;
		bool joins = run_n && (e & PTE_PRESENT) && pa == run_pa + run_n * PAGE_SIZE &&
			     (e & PTE_WRITE) == run_w && vp == (run_va >> PAGE_SHIFT) + run_n;
		if (run_n && !joins) {
			if (lines++ == MON_MAX_LINES) {
				say(g, "... (more: give a smaller range)");
				return;
			}
			say(g, "  0x%08x-0x%08x -> frames 0x%08x-0x%08x %s (%u page%s)", run_va,
			    run_va + run_n * PAGE_SIZE - 1, run_pa, run_pa + run_n * PAGE_SIZE - 1,
			    run_w ? "rw" : "ro", run_n, run_n == 1 ? "" : "s");
			pages += run_n;
			run_n = 0;
		}
		if (vp > end >> PAGE_SHIFT || vp == (word_t)-1 >> PAGE_SHIFT)
			break;
		if (!(e & PTE_PRESENT) || joins) {
			run_n += joins;
			continue;
		}
		run_va = vp << PAGE_SHIFT, run_pa = pa, run_w = e & PTE_WRITE, run_n = 1;
	}
	say(g, "task %x: %u page%s mapped in 0x%08x-0x%08x", (unsigned)nr, pages,
	    pages == 1 ? "" : "s", start & ~(PAGE_SIZE - 1), end);
}

static void mapdb_walk(struct gdb *g, const struct mnode *n, unsigned depth, unsigned *lines)
{
	for (; n && *lines < MON_MAX_LINES; n = n->next, ++*lines) {
		word_t pa;
		bool w = task_translate(g->k, n->space, n->vpage << PAGE_SHIFT, true, &pa);
		static const char indent[] = "                                ";
		say(g, "%s task %x (%s) at 0x%08x %s",
		    indent + sizeof indent - 1 - (depth > 16 ? 32 : 2 * depth), n->space->nr,
		    n->space->name ? n->space->name : "?", n->vpage << PAGE_SHIFT, w ? "rw" : "ro");
		mapdb_walk(g, n->child, depth + 1, lines);
	}
}

/* mapdb FRAME: who has the frame, as the mapping database's tree from sigma0 down. */
static void mon_mapdb(struct gdb *g, const char *args)
{
	word_t pa;
	const struct task *s0 = g->k->tasks[SIGMA0_TASK];
	if (!arg_hex(&args, &pa) || pa >= g->k->phys_size) {
		say(g, "usage: monitor mapdb FRAME (a physical address in hex, below 0x%08x)",
		    g->k->phys_size);
		return;
	}
	const struct mnode *root = s0 ? pt_node(&s0->pt, pa >> PAGE_SHIFT) : 0;
	if (!root) {
		say(g, "frame 0x%08x: not mapped by IPC from sigma0", pa & ~(PAGE_SIZE - 1));
		return;
	}
	unsigned lines = 0;
	say(g, "frame 0x%08x:", pa & ~(PAGE_SIZE - 1));
	mapdb_walk(g, root, 1, &lines);
}

static void mon_kip(struct gdb *g)
{
	const uint8_t *kip = g->k->phys + g->k->kip_phys[0];
	word_t w[64];
	memcpy(w, kip, sizeof w);
	say(g, "KIP at frame 0x%08x (little-endian copy; big-endian at 0x%08x)", g->k->kip_phys[0],
	    g->k->kip_phys[1]);
	say(g, "  magic 0x%08x version 0x%08x", w[0], w[1]);
	say(g, "  sigma0: sp 0x%08x ip 0x%08x memory 0x%08x-0x%08x", w[KIP_OFF_SIGMA0 / 4],
	    w[KIP_OFF_SIGMA0 / 4 + 1], w[KIP_OFF_SIGMA0 / 4 + 2], w[KIP_OFF_SIGMA0 / 4 + 3]);
	say(g, "  root:   sp 0x%08x ip 0x%08x memory 0x%08x-0x%08x", w[KIP_OFF_ROOT / 4],
	    w[KIP_OFF_ROOT / 4 + 1], w[KIP_OFF_ROOT / 4 + 2], w[KIP_OFF_ROOT / 4 + 3]);
	say(g, "  main memory 0x%08x-0x%08x, reserved0 0x%08x-0x%08x", w[KIP_OFF_MAIN_MEMORY / 4],
	    w[KIP_OFF_MAIN_MEMORY / 4 + 1], w[KIP_OFF_RESERVED0 / 4], w[KIP_OFF_RESERVED0 / 4 + 1]);
	uint64_t clock = (uint64_t)w[KIP_OFF_CLOCK / 4 + 1] << 32 | w[KIP_OFF_CLOCK / 4];
	say(g, "  clock %u.%06u s, cpu %u MHz, bus %u MHz", (unsigned)(clock / 1000000),
	    (unsigned)(clock % 1000000), w[KIP_OFF_CPU_MHZ / 4], w[KIP_OFF_BUS_MHZ / 4]);
	char version[33];
	memcpy(version, kip + KIP_OFF_VERSION_STRING, 32);
	version[32] = 0;
	say(g, "  version string \"%s\"", version);
}

void gdb_monitor(struct gdb *g, const char *cmd)
{
	cmd = skip_space(cmd);
	if (!strcmp(cmd, "threads") || !strcmp(cmd, "t"))
		mon_threads(g);
	else if (!strcmp(cmd, "tasks"))
		mon_tasks(g);
	else if (!strncmp(cmd, "mappings", 8))
		mon_mappings(g, cmd + 8);
	else if (!strncmp(cmd, "mapdb", 5))
		mon_mapdb(g, cmd + 5);
	else if (!strcmp(cmd, "kip"))
		mon_kip(g);
	else {
		if (*cmd && strcmp(cmd, "help"))
			say(g, "unknown monitor command '%s'", cmd);
		say(g, "umol4 monitor commands (numbers in hex):");
		say(g, "  threads                   every L4 thread: state, priority, ip, source");
		say(g, "  tasks                     every task: program, chief, clan, memory");
		say(g, "  mappings TASK [START [END]]  a task's page table in a range");
		say(g, "  mapdb FRAME               the mapping-database tree of a physical frame");
		say(g, "  kip                       the kernel info page");
	}
}

size_t gdb_target_xml(const struct arch *a, char *buf, size_t size)
{
	size_t n = kfmt(buf, size,
			"<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
			"<target version=\"1.0\">\n<architecture>%s</architecture>\n",
			a->gdb_arch);
	/* one <feature> per feature name, its registers keeping their place in the 'g' packet */
	for (unsigned i = 0; i < a->gdb_nregs; i++) {
		const char *f = a->gdb_regs[i].feature;
		bool first = true;
		for (unsigned j = 0; j < i && first; j++)
			first = strcmp(a->gdb_regs[j].feature, f) != 0;
		if (!first)
			continue;
		n += kfmt(buf + n, size - n, "<feature name=\"%s\">\n", f);
		for (unsigned j = i; j < a->gdb_nregs; j++)
			if (!strcmp(a->gdb_regs[j].feature, f))
				n += kfmt(buf + n, size - n,
					  "  <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" "
					  "regnum=\"%u\"/>\n",
					  a->gdb_regs[j].name, a->gdb_regs[j].bits,
					  a->gdb_regs[j].type, j);
		n += kfmt(buf + n, size - n, "</feature>\n");
	}
	return n + kfmt(buf + n, size - n, "</target>\n");
}
