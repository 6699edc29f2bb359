/* The kernel-debugger interface as a console: out* functions print the program's output, and
 * umol4's exit extension ends the program (reference §4.4, docs/abi/<isa>.md). */
#include "core/kdebug.h"
#include "core/fmt.h"
#include "core/ipc.h"
#include "core/irq.h"
#include "core/plat.h"
#include "core/report.h"
#include "core/task.h"
#include "core/trace.h"

#include <string.h>

/* Program output, and the same bytes as a trace event. */
static void out_to(struct kernel *k, const struct thread *t, const char *s, size_t n, bool err)
{
	if (err)
		plat_error_output(s, n);
	else
		plat_output(s, n);
	TRACE(k, .kind = TR_OUTPUT, .thread = t, .text = s, .textlen = n);
}

static void out(struct kernel *k, const struct thread *t, const char *s, size_t n)
{
	out_to(k, t, s, n, false);
}

static void out_hex(struct kernel *k, const struct thread *t, word_t v, int digits)
{
	char buf[8];
	for (int i = digits - 1; i >= 0; i--) {
		buf[i] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	}
	out(k, t, buf, (size_t)digits);
}

/* The first unmapped page of a NUL-terminated user string (at most 64 KiB), or 0. */
static word_t string_hole(struct kernel *k, const struct thread *t, word_t va)
{
	for (word_t n = 0; n < 0x10000; n++) {
		word_t pa;
		if (!task_translate(k, t->task, va + n, false, &pa))
			return (va + n) | 1u; /* | 1: an address 0 hole is still a hole */
		if (!k->phys[pa])
			return 0;
	}
	return 0;
}

/* enter_kdebug's text lies on a page the thread never touched (the ia32 text follows the
 * instruction; ARM and MIPS point at it): page it in through the thread's pager and execute the
 * kdebug trap again. false if the text is mapped. */
static bool kdebug_text_hole(struct kernel *k, struct thread *t, const struct trap *tr)
{
	word_t hole = 0, pa;
	if (!tr->kd_textlen)
		hole = string_hole(k, t, tr->kd_text);
	for (word_t i = 0; i < tr->kd_textlen && !hole; i++)
		if (!task_translate(k, t->task, tr->kd_text + i, false, &pa))
			hole = (tr->kd_text + i) | 1u;
	if (!hole)
		return false;
	t->task->arch->set_ip(t->regs, tr->kd_restart);
	ipc_pagefault(k, t, hole & ~1u, false);
	return true;
}

/* Prints a NUL-terminated user string, at most 64 KiB of it (err: as error output). */
static void out_string(struct kernel *k, struct thread *t, word_t va, bool err)
{
	char buf[256];
	for (word_t total = 0; total < 0x10000;) {
		int n = user_read_str(k, t->task, va, buf, sizeof buf);
		if (n < 0)
			return;
		out_to(k, t, buf, (size_t)n, err);
		if ((size_t)n + 1 < sizeof buf)
			return;
		va += (word_t)n;
		total += (word_t)n;
	}
}

void kdebug(struct kernel *k, struct thread *t, const struct trap *tr)
{
	const struct arch *a = t->task->arch;
	word_t arg = a->get_slot(t->regs, S0);
	char nm[16], line[128];
	switch (tr->kd_op) {
	case KD_OUTCHAR: {
		char c = (char)arg;
		out(k, t, &c, 1);
		break;
	}
	case KD_OUTSTRING:
	case KD_ERRSTRING: {
		/* a string on pages not mapped yet: page them in through the thread's pager, as any
		 * access of the thread would, and execute the kdebug call again */
		word_t hole = string_hole(k, t, arg);
		if (hole) {
			a->set_ip(t->regs, tr->kd_restart);
			ipc_pagefault(k, t, hole & ~1u, false);
			break;
		}
		out_string(k, t, arg, tr->kd_op == KD_ERRSTRING);
		break;
	}
	case KD_OUTHEX32:
		out_hex(k, t, arg, 8);
		break;
	case KD_OUTHEX20:
		out_hex(k, t, arg, 5);
		break;
	case KD_OUTHEX16:
		out_hex(k, t, arg, 4);
		break;
	case KD_OUTHEX12:
		out_hex(k, t, arg, 3);
		break;
	case KD_OUTHEX8:
		out_hex(k, t, arg, 2);
		break;
	case KD_OUTDEC: {
		size_t n = kfmt(line, sizeof line, "%d", (int)arg);
		out(k, t, line, n);
		break;
	}
	case KD_INCHAR:
		/* with an interrupt-driven console the program polls; otherwise inchar waits */
		a->set_slot(t->regs, S0, (word_t)plat_inchar(irq_host_source_attached(k)));
		break;
	case KD_EXIT:
		if (k->run == RUN_ACTIVE) {
			k->run = RUN_EXITED;
			k->exit_status = (int)(arg & 0xff);
			k->exited_by = t;
			TRACE(k, .kind = TR_EXIT, .thread = t, .n = {arg & 0xff}, .nn = 1);
		}
		break;
	case KD_NAME: {
		word_t nr;
		char name[sizeof t->task->name_buf];
		if (!user_read(k, t->task, arg, &nr, 4) ||
		    (nr = task_word(t->task, nr)) >= L4_TASKS ||
		    user_read_str(k, t->task, arg + 4, name, sizeof name) < 0)
			break;
		struct task *named = k->tasks[nr];
		if (named && named->chief == t->task->nr) {
			memcpy(named->name_buf, name, sizeof name);
			named->name = named->name_buf;
		} else if (!named && k->owner[nr] == t->task->nr) {
			task_prename(k, (unsigned)nr, name); /* for the task it is about to create */
		} else {
			break;
		}
		TRACE(k, .kind = TR_KDEBUG, .thread = t, .name = "task_name",
		      .peer = id_make(nr, 0, t->task->nr, named ? named->nest : 0),
		      .has_peer = true, .text = name, .textlen = strlen(name));
		break;
	}
	case KD_ENTER: {
		char text[120], where[160];
		int n = user_read_str(k, t->task, tr->kd_text, text,
				      tr->kd_textlen && tr->kd_textlen < sizeof text
					  ? tr->kd_textlen + 1
					  : sizeof text);
		if (n < 0 && kdebug_text_hole(k, t, tr)) {
			/* the text's page was never touched: page it in through the pager, as an
			 * access by the thread would, and trap again */
			break;
		}
		klog("task %s (%s, %s): enter_kdebug \"%s\" at ip 0x%08x%s", thread_name(t, nm),
		     a->name, t->task->name, n < 0 ? "?" : text, a->get_ip(t->regs),
		     plat_thread_where(t, where, sizeof where));
		char what[140];
		kfmt(what, sizeof what, "enter_kdebug \"%s\"", n < 0 ? "?" : text);
		if (n < 0 || text[0] != '*') /* "*text" only logs, as under Fiasco */
			report_kdebug_stop(k, t, what);
		break;
	}
	case KD_BREAKPOINT: {
		char where[160];
		klog("task %s (%s, %s): breakpoint at ip 0x%08x%s", thread_name(t, nm), a->name,
		     t->task->name, a->get_ip(t->regs), plat_thread_where(t, where, sizeof where));
		report_kdebug_stop(k, t, "breakpoint");
		break;
	}
	default:
		klog("task %s (%s): unknown kdebug function 0x%x at ip 0x%08x", thread_name(t, nm),
		     a->name, tr->kd_op, a->get_ip(t->regs));
		break;
	}
}
