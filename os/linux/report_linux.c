/* The host's part of the kernel's reports (core/plat.h): where a thread is in its program's
 * source, its registers and backtrace, and what a fault address means (the stack's guard page).
 * Only reports call these; they open the program files on first use. */
#include "core/fmt.h"
#include "core/plat.h"
#include "core/task.h"
#include "os/linux/symbolize.h"
#include "os/linux/unwind.h"

#include <string.h>

#define MAX_FRAMES 32
#define PAGE	   0x1000u

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* "divide (div.c:5)", "divide+0x8" or "" for an address of t's program. */
static const char *describe_pc(const struct thread *t, word_t pc, char *buf, size_t size)
{
	struct sym_loc loc;
	buf[0] = 0;
	if (!sym_lookup(t->task, pc, &loc))
		return buf;
	if (loc.function && loc.file)
		kfmt(buf, size, "%s (%s:%d)", loc.function, base_name(loc.file), loc.line);
	else if (loc.function)
		kfmt(buf, size, "%s+0x%x", loc.function, loc.offset);
	else
		kfmt(buf, size, "%s:%d", base_name(loc.file), loc.line);
	return buf;
}

const char *plat_thread_where(const struct thread *t, char *buf, size_t size)
{
	char what[144];
	buf[0] = 0;
	if (*describe_pc(t, t->task->arch->get_ip(t->regs), what, sizeof what))
		kfmt(buf, size, " in %s", what);
	return buf;
}

static void print_registers(const struct thread *t)
{
	const struct arch *a = t->task->arch;
	char line[160];
	size_t n = 0;
	for (unsigned r = 0; r < a->nregs; r++) {
		n += kfmt(line + n, sizeof line - n, "%s%6s %08x", n ? "  " : "  ", a->reg_names[r],
			  t->regs[r]);
		if (r % 6 == 5 || r + 1 == a->nregs) {
			klog("%s", line);
			n = 0;
		}
	}
}

void plat_thread_details(const struct kernel *k, const struct thread *t, bool registers)
{
	const char *path = sym_program_path(t->task);
	char n[16];
	klog("  thread %s runs %s", thread_name(t, n),
	     path ? path : "a program whose file umol4 does not know (no symbols)");
	if (registers)
		print_registers(t);
	word_t pcs[MAX_FRAMES];
	unsigned nf = unwind_thread(k, t, pcs, MAX_FRAMES);
	klog("  backtrace:");
	for (unsigned i = 0; i < nf; i++) {
		char what[144];
		unsigned same = 0; /* a recursion: one line for the run of equal frames */
		while (i >= 2 && i + same < nf && pcs[i + same] == pcs[i - 1] &&
		       pcs[i - 1] == pcs[i - 2])
			same++;
		if (same) {
			klog("    ... %u more frame%s at 0x%08x", same, same == 1 ? "" : "s",
			     pcs[i]);
			i += same - 1;
			continue;
		}
		describe_pc(t, i ? pcs[i] - 1 : pcs[i], what, sizeof what);
		klog("    #%u 0x%08x %s", i, pcs[i], *what ? what : "?");
	}
}

const char *plat_fault_cause(const struct kernel *k, const struct thread *t, word_t addr)
{
	(void)k;
	word_t guard;
	if (sym_address(t->task, "__l4_stack_guard", &guard) && addr - guard < PAGE)
		return "stack overflow";
	return 0;
}
