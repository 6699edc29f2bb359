/* The debugger's hold on a running instance (core/gdb.h): memory through the L4 page tables,
 * breakpoints in frames, and the run loop's hooks (stops, steps, held threads). */
#include "core/gdb.h"
#include "core/gdb_int.h"
#include "core/sched.h"
#include "core/task.h"

#include <string.h>

struct gdb_breakpoint *gdb_bp_find(struct gdb *g, unsigned task, word_t va)
{
	for (unsigned i = 0; i < g->nbp; i++)
		if (g->bp[i].task == task && g->bp[i].va == va)
			return &g->bp[i];
	return 0;
}

#define MAGIC_ENTRIES 0xffffff00u /* the magic-address entries lie above (arch/magic.h) */

bool gdb_at_entry(const struct arch *a, word_t va)
{
	const uint8_t *e = a->gdb_entry_insn;
	if (va < a->user_end || !(e[0] | e[1] | e[2] | e[3]))
		return false;
	/* nothing else there: a debugger that scans for code (gdb's MIPS prologue analysis) must
	 * hit an end instead of a stub area that reads as returns for 64 MiB */
	return va - a->call_entry < a->call_nsys * CALL_SLOT_SIZE || va >= MAGIC_ENTRIES;
}

/* Reads what the task sees at va: its mapped pages, or for a page it has not touched yet, its
 * program image (what its pager will map there); breakpoints read as the code they cover. */
bool gdb_mem_read(struct gdb *g, const struct task *t, word_t va, uint8_t *buf, word_t len)
{
	const uint8_t *entry = t->arch->gdb_entry_insn;
	for (word_t done = 0; done < len;) {
		word_t a = va + done, pa, n = PAGE_SIZE - (a & (PAGE_SIZE - 1));
		if (n > len - done)
			n = len - done;
		if (a >= t->arch->user_end && n > 4 - (a & 3))
			n = 4 - (a & 3); /* entries are decided word by word */
		if (gdb_at_entry(t->arch, a)) {
			for (word_t i = 0; i < n; i++)
				buf[done + i] = entry[(a + i) % 4];
		} else if (task_translate(g->k, t, a, false, &pa) && pa + n <= g->k->phys_size)
			memcpy(buf + done, g->k->phys + pa, n);
		else if (!g->ops->read_image || !g->ops->read_image(t, a, buf + done, n))
			return false;
		done += n;
	}
	for (unsigned i = 0; i < g->nbp; i++) {
		const struct gdb_breakpoint *b = &g->bp[i];
		for (unsigned j = 0; b->task == t->nr && b->inserted && j < g->arch->gdb_bkpt_len;
		     j++)
			if (b->va + j - va < len)
				buf[b->va + j - va] = b->saved[j];
	}
	return true;
}

/* Writes into the frames behind the task's pages (read-only ones too: a debugger patches code);
 * bytes under an inserted breakpoint go to its saved copy. Pages not mapped cannot be written. */
bool gdb_mem_write(struct gdb *g, struct task *t, word_t va, const uint8_t *buf, word_t len)
{
	word_t marked = 0; /* page number + 1 last marked */
	for (word_t i = 0; i < len; i++) {
		word_t pa, a = va + i;
		bool shadowed = false;
		for (unsigned j = 0; j < g->nbp; j++) {
			struct gdb_breakpoint *b = &g->bp[j];
			if (b->task == t->nr && b->inserted && a - b->va < g->arch->gdb_bkpt_len) {
				b->saved[a - b->va] = buf[i];
				shadowed = true;
			}
		}
		if (shadowed)
			continue;
		if (!task_translate(g->k, t, a, false, &pa) || pa >= g->k->phys_size)
			return false;
		g->k->phys[pa] = buf[i];
		/* a code change reaches a translating emulator only through a new mapping */
		if (marked != (a >> PAGE_SHIFT) + 1) {
			task_mark_dirty(t, a >> PAGE_SHIFT, a >> PAGE_SHIFT);
			marked = (a >> PAGE_SHIFT) + 1;
		}
	}
	return true;
}

static void bp_restore(struct gdb *g, struct gdb_breakpoint *b)
{
	const struct arch *a = g->arch;
	if (b->inserted && b->pa + a->gdb_bkpt_len <= g->k->phys_size &&
	    !memcmp(g->k->phys + b->pa, a->gdb_bkpt, a->gdb_bkpt_len))
		memcpy(g->k->phys + b->pa, b->saved, a->gdb_bkpt_len);
	b->inserted = false;
}

/* Makes the frame behind b's address hold the breakpoint, following the task's current mapping
 * (the pager may have mapped the page since, or another frame there). */
void gdb_bp_sync(struct gdb *g, struct task *t, struct gdb_breakpoint *b)
{
	const struct arch *a = g->arch;
	word_t pa;
	bool mapped = task_translate(g->k, t, b->va, false, &pa) &&
		      pa + a->gdb_bkpt_len <= g->k->phys_size &&
		      (pa & (PAGE_SIZE - 1)) + a->gdb_bkpt_len <= PAGE_SIZE;
	if (b->inserted && mapped && pa == b->pa)
		return;
	bp_restore(g, b);
	if (!mapped)
		return;
	memcpy(b->saved, g->k->phys + pa, a->gdb_bkpt_len);
	memcpy(g->k->phys + pa, a->gdb_bkpt, a->gdb_bkpt_len);
	b->pa = pa;
	b->inserted = true;
	task_mark_dirty(t, b->va >> PAGE_SHIFT, b->va >> PAGE_SHIFT);
}

void gdb_bp_delete(struct gdb *g, struct gdb_breakpoint *b)
{
	struct task *t = b->task < L4_TASKS ? g->k->tasks[b->task] : 0;
	bp_restore(g, b);
	if (t && !b->entry)
		task_mark_dirty(t, b->va >> PAGE_SHIFT, b->va >> PAGE_SHIFT);
	*b = g->bp[--g->nbp];
}

void gdb_release(struct gdb *g)
{
	g->nresumed = 0;
	gdb_release_held(g);
	while (g->nbp)
		gdb_bp_delete(g, &g->bp[0]);
	struct thread *t = gdb_thread_at(g, g->step_task, g->step_lthread);
	if (g->stepping && t && t->task->arch->set_single_step)
		t->task->arch->set_single_step(t->regs, false);
	g->stepping = g->step_done = false;
}

void gdb_task_deleted(struct gdb *g, const struct task *t)
{
	for (unsigned i = 0; i < g->nbp;)
		if (g->bp[i].task == t->nr) {
			bp_restore(g, &g->bp[i]);
			g->bp[i] = g->bp[--g->nbp];
		} else {
			i++;
		}
	g->known[t->nr / 32] &= ~(1u << (t->nr % 32));
}

/* ---- run-loop hooks ---- */

static bool ref_matches(const struct gdb_thread_ref *r, const struct thread *t)
{
	return (r->task <= 0 || (unsigned)r->task == t->task->nr) &&
	       (r->lthread < 0 || (unsigned)r->lthread == t->lthread);
}

static bool resumed(const struct gdb *g, const struct thread *t)
{
	if (!g->nresumed)
		return true;
	for (unsigned i = 0; i < g->nresumed; i++)
		if (ref_matches(&g->resumed[i], t))
			return true;
	return false;
}

void gdb_release_held(struct gdb *g)
{
	unsigned keep = 0;
	for (unsigned i = 0; i < g->nheld; i++) {
		struct thread *t =
		    gdb_thread_at(g, (unsigned)g->held[i].task, (unsigned)g->held[i].lthread);
		if (t && t->state == TS_READY && !resumed(g, t))
			g->held[keep++] = g->held[i];
		else if (t && t->state == TS_READY && !t->queued)
			sched_ready(g->k, t, false);
	}
	g->nheld = keep;
}

enum gdb_verdict gdb_before_run(struct gdb *g, struct thread *t)
{
	const struct arch *a = t->task->arch;
	for (unsigned i = 0; i < g->nbp; i++)
		if (g->bp[i].task == t->task->nr && !g->bp[i].entry)
			gdb_bp_sync(g, t->task, &g->bp[i]);
	if (!g->started) {
		if (t->task->nr < g->first_task)
			return GDB_RUN;
		/* the first program's thread is the one gdb selects (gdb 13 ignores a later stop
		 * in the task of the first stop until it was current at a resume), even if another
		 * program's comes first: both stand at their first instruction */
		const struct thread *first = t;
		for (unsigned nr = g->first_task; nr < t->task->nr && first == t; nr++)
			if (gdb_thread_at(g, nr, 0))
				first = gdb_thread_at(g, nr, 0);
		g->started = true;
		gdb_set_stop(g, first, GDB_SIGTRAP);
		return GDB_STOP;
	}
	if (!gdb_is_known(g, t->task->nr)) {
		/* gdb learns of a new process at a stop; a library event makes it load the
		 * program's symbols, insert its pending breakpoints, and go on by itself */
		gdb_set_stop(g, t, GDB_SIGTRAP);
		g->stop_library = true;
		return GDB_STOP;
	}
	if (!resumed(g, t) && g->nheld < GDB_MAX_HELD) {
		sched_unready(g->k, t);
		g->held[g->nheld++] = (struct gdb_thread_ref){(int)t->task->nr, (int)t->lthread};
		return GDB_HOLD;
	}
	if (g->stepping && t->task->nr == g->step_task && t->lthread == g->step_lthread) {
		if (g->step_done) {
			g->stepping = g->step_done = false;
			gdb_set_stop(g, t, GDB_SIGTRAP);
			return GDB_STOP;
		}
		if (a->set_single_step)
			a->set_single_step(t->regs, true);
	}
	return GDB_RUN;
}

bool gdb_after_event(struct gdb *g, struct thread *t, const struct hw_event *ev)
{
	const struct arch *a = t->task->arch;
	bool step = g->stepping && t->task->nr == g->step_task && t->lthread == g->step_lthread;
	if (step && a->set_single_step)
		a->set_single_step(t->regs, false);
	/* a breakpoint where the kernel is entered: the thread stops before the kernel acts, and
	 * enters it again when it goes on; a call entry is taken back to before the call */
	word_t at = a->get_ip(t->regs);
	if (ev->kind == HWEV_CALL && ev->trapno < a->call_nsys)
		at = a->call_entry + ev->trapno * CALL_SLOT_SIZE;
	struct gdb_breakpoint *b = gdb_bp_find(g, t->task->nr, at);
	if (b && b->entry) {
		if (ev->kind == HWEV_CALL) {
			a->set_ip(t->regs, at);
			if (a->link_reg == ARCH_RA_ON_STACK) /* the return address is still there */
				a->set_sp(t->regs, a->get_sp(t->regs) - 4);
		}
		gdb_set_stop(g, t, GDB_SIGTRAP);
		g->stop_swbreak = true;
		if (step)
			g->stepping = false;
		return true;
	}
	if (ev->kind == HWEV_TRAP) {
		word_t ip = a->get_ip(t->regs) - a->gdb_bkpt_ip_after;
		b = gdb_bp_find(g, t->task->nr, ip);
		if (b && b->inserted) {
			a->set_ip(t->regs, ip);
			gdb_set_stop(g, t, GDB_SIGTRAP);
			g->stop_swbreak = true;
			if (step)
				g->stepping = false;
			return true;
		}
	}
	if (step && a->step_trap && a->step_trap(ev)) {
		g->stepping = false;
		gdb_set_stop(g, t, GDB_SIGTRAP);
		return true;
	}
	return false;
}

void gdb_after_trap(struct gdb *g, struct thread *t, word_t ip_before)
{
	if (g->stepping && t->task->nr == g->step_task && t->lthread == g->step_lthread &&
	    t->task->arch->get_ip(t->regs) != ip_before)
		g->step_done = true;
}

/* The signal a debugger expects for an exception vector (ia32 numbering on every ISA). */
static int vector_signal(unsigned vector)
{
	switch (vector) {
	case 0:
	case 16:
	case 19:
		return GDB_SIGFPE;
	case 1:
	case 3:
		return GDB_SIGTRAP;
	case 6:
		return GDB_SIGILL;
	case 17:
		return GDB_SIGBUS;
	default:
		return GDB_SIGSEGV;
	}
}

bool gdb_end_stop(struct gdb *g)
{
	const struct stop_info *s = &g->k->stop;
	if (!s->thread || (g->k->run != RUN_FATAL && g->k->run != RUN_KDEBUG))
		return false;
	gdb_set_stop(g, s->thread,
		     s->reason == STOP_KDEBUG	   ? GDB_SIGTRAP
		     : s->reason == STOP_EXCEPTION ? vector_signal(s->vector)
						   : GDB_SIGSEGV);
	return true;
}
