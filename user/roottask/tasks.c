/*
 * Programs: task numbers, loading an ELF module into loader frames, the boot page with the
 * Multiboot information and initial stack, task_new, page faults, and the end of a task.
 */
#include <l4/loader/loader.h>
#include <l4/sys/syscalls.h>
#include <l4/umol4/crt0.h>
#include <l4/umol4/name.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices.h"
#include "frames.h"
#include "pages.h"
#include "roottask.h"

/* The boot page: Multiboot information, the strings it points to, and the initial stack. */
#define BOOT_NAME    0x100
#define BOOT_CMDLINE 0x200
#define BOOT_SP	     0xff0 /* [sp] = magic, [sp + 4] = the information block */
#define PROGRAM_MCP  255

struct task tasks[NTASKS];
static l4_addr_t boot_va; /* the same in every program */
static unsigned started;  /* programs started so far, services not counted */
static unsigned running;  /* ... and still running */
static int first_status;

l4_threadid_t loader_thread(unsigned lthread)
{
	l4_threadid_t t = l4_myself();
	t.id.lthread = lthread;
	return t;
}

l4_taskid_t task_number_id(unsigned nr)
{
	l4_taskid_t t = L4_NIL_ID;
	t.id.task = nr;
	return t;
}

void tasks_init(l4_addr_t boot)
{
	boot_va = boot;
	for (unsigned nr = 0; nr < FIRST_TASK; nr++)
		tasks[nr].state = TS_RESERVED;
}

/* The frame behind task nr's page va: the recorded one, or a new zeroed one if the quota and
 * memory allow (at physical address va for direct). Returns 0 if none. */
static l4_addr_t page_for(struct task *t, unsigned nr, l4_addr_t va, int writable, int direct)
{
	l4_addr_t e = pages_find(nr, va);
	if (e) {
		if (writable)
			pages_make_writable(nr, va);
		return e & ~(PAGE_SIZE - 1);
	}
	if (t->quota && t->pages >= t->quota)
		return 0;
	l4_addr_t f = direct ? frame_alloc_at(va) : frame_alloc();
	if (!f)
		return 0;
	if (!pages_add(nr, va, f | (writable ? PAGE_WRITABLE : 0))) {
		frame_free(f);
		return 0;
	}
	t->pages++;
	return f;
}

/* Copies the initialized part of every segment; pages beyond it come zeroed on first touch. */
static int load_segments(struct task *t, unsigned nr, const struct module *m)
{
	for (unsigned i = 0; i < t->img.nseg; i++) {
		const struct elf_seg *s = &t->img.seg[i];
		l4_addr_t end = s->vaddr + s->filesz;
		for (l4_addr_t va = s->vaddr & ~(PAGE_SIZE - 1); va < end; va += PAGE_SIZE) {
			l4_addr_t f = page_for(t, nr, va, s->writable, t->direct);
			if (!f)
				return -1;
			l4_addr_t from = va > s->vaddr ? va : s->vaddr;
			l4_addr_t to = va + PAGE_SIZE < end ? va + PAGE_SIZE : end;
			memcpy((char *)f + (from - va), m->data + s->offset + (from - s->vaddr),
			       to - from);
		}
	}
	return 0;
}

static int build_boot_page(struct task *t, unsigned nr, const struct module *m, const char *args)
{
	char *p = (char *)page_for(t, nr, boot_va, 0, 0);
	if (!p)
		return -1;
	l4_uint32_t *mbi = (l4_uint32_t *)p;
	l4_threadid_t service = loader_thread(1);
	mbi[0] = LOADER_MBI_CMDLINE | LOADER_MBI_LOADER_NAME | LOADER_MBI_UMOL4_LOADER;
	mbi[LOADER_MBI_OFF_CMDLINE / 4] = boot_va + BOOT_CMDLINE;
	mbi[LOADER_MBI_OFF_NAME / 4] = boot_va + BOOT_NAME;
	mbi[LOADER_MBI_OFF_ID_LOW / 4] = service.lh.low;
	mbi[LOADER_MBI_OFF_ID_HIGH / 4] = service.lh.high;
	strcpy(p + BOOT_NAME, "umol4 loader");
	snprintf(p + BOOT_CMDLINE, LOADER_CMDLINE_MAX + 1, "%.*s%s%s", (int)m->path_len, m->path,
		 *args ? " " : "", args);
	l4_uint32_t *sp = (l4_uint32_t *)(p + BOOT_SP);
	sp[0] = UMOL4_MULTIBOOT_MAGIC;
	sp[1] = boot_va;
	return 0;
}

void task_set_priority(l4_threadid_t id, unsigned prio)
{
	l4_threadid_t preempter = L4_INVALID_ID, partner;
	l4_sched_param_t p;
	l4_thread_schedule(id, L4_INVALID_SCHED_PARAM, &preempter, &partner, &p);
	if (l4_is_invalid_sched_param(p))
		return;
	p.sp.prio = prio;
	preempter = L4_INVALID_ID;
	l4_thread_schedule(id, p, &preempter, &partner, &p);
}

static void forget(struct task *t, unsigned nr)
{
	pages_drop_task(nr, frame_free);
	t->pages = 0;
	t->mod = 0;
}

static unsigned free_number(void)
{
	for (unsigned nr = FIRST_TASK; nr < NTASKS; nr++)
		if (tasks[nr].state == TS_FREE)
			return nr;
	return 0;
}

int task_start(const struct module *m, const struct start_opts *o, l4_taskid_t *id, char *err,
	       size_t errlen)
{
	struct elf_image img;
	char why[120];
	if (elf_read(m->data, m->size, boot_va, &img, why, sizeof why)) {
		snprintf(err, errlen, "%s %s", m->name, why);
		return -1;
	}
	const char *args = o->args ? o->args : m->args;
	if (m->path_len + 1 + strlen(args) > LOADER_CMDLINE_MAX) { /* never cut it */
		snprintf(err, errlen, "%s: command line longer than %u bytes", m->name,
			 LOADER_CMDLINE_MAX);
		return -1;
	}
	for (;;) {
		unsigned nr = free_number();
		if (!nr) {
			snprintf(err, errlen, "%s: no free task number", m->name);
			return -1;
		}
		struct task *t = &tasks[nr];
		memset(t, 0, sizeof *t);
		t->img = img;
		t->mod = m;
		t->direct = o->direct;
		t->quota = (o->memory_kib + 3) / 4;
		if (load_segments(t, nr, m) || build_boot_page(t, nr, m, args)) {
			forget(t, nr);
			snprintf(err, errlen, "%s: %s", m->name,
				 t->direct  ? "its physical pages are not available"
				 : t->quota ? "it does not fit its memory limit"
					    : "out of memory");
			return -1;
		}
		/* named before it exists, so it has its program's name from its first instruction
		 * on (a debugger attached then loads the right file) */
		umol4_name_task(task_number_id(nr), m->name);
		l4_taskid_t nid = l4_task_new(task_number_id(nr), PROGRAM_MCP, boot_va + BOOT_SP,
					      img.entry, loader_thread(0));
		if (l4_is_nil_id(nid)) { /* not ours after all: someone kept it */
			forget(t, nr);
			t->state = TS_RESERVED;
			continue;
		}
		t->state = TS_PROGRAM;
		t->id = nid;
		t->service = o->service;
		if (!t->service) {
			t->order = ++started;
			running++;
		}
		task_set_priority(nid, o->priority >= 0 ? (unsigned)o->priority : PROGRAM_PRIORITY);
		*id = nid;
		return 0;
	}
}

void task_end(unsigned nr, int status)
{
	struct task *t = &tasks[nr];
	int program = t->state == TS_PROGRAM && !t->service;
	/* task_new with a nil pager deletes the task; the number stays the loader's, inactive */
	l4_task_new(task_number_id(nr), loader_thread(0).lh.low, 0, 0, L4_NIL_ID);
	forget(t, nr);
	t->state = TS_FREE;
	requests_client_gone(nr);
	if (!program)
		return;
	if (t->order == 1)
		first_status = status;
	/* the loader's own exit ends the instance: the kernel ends the services with it */
	if (--running == 0)
		exit(first_status);
}

unsigned tasks_running(void)
{
	return running;
}

/* Which pages a program may touch: its segments, the heap above them, and the boot page. */
static int page_rights(const struct task *t, l4_addr_t va, int *writable)
{
	for (unsigned i = 0; i < t->img.nseg; i++) {
		const struct elf_seg *s = &t->img.seg[i];
		if (va + PAGE_SIZE > s->vaddr && va < s->vaddr + s->memsz) {
			*writable = s->writable;
			return 1;
		}
	}
	*writable = 1;
	return va >= t->img.high && va - t->img.high < HEAP_SPAN;
}

/* Reports a refused fault once, not for each of the kernel's retries. Without the ip: the
 * kernel's report names it, and the line stays the same on every ISA. */
static int refuse(unsigned nr, l4_umword_t w0, const char *why)
{
	static l4_umword_t last_task, last_w0;
	if (last_task == nr && last_w0 == w0)
		return 0;
	last_task = nr;
	last_w0 = w0;
	const struct task *t = &tasks[nr];
	loader_error("task %x (%s): page fault at 0x%08lx (%s): %s", nr,
		     t->mod ? t->mod->name : "not started by the loader",
		     (unsigned long)(w0 & ~3UL), w0 & 2 ? "write" : "read", why);
	return 0;
}

int task_fault(l4_threadid_t src, l4_umword_t w0, l4_umword_t w1, l4_umword_t *snd_base,
	       l4_umword_t *fpage)
{
	unsigned nr = src.id.task;
	struct task *t = &tasks[nr];
	l4_addr_t va = w0 & ~(PAGE_SIZE - 1);
	int write = (w0 & 2) != 0, writable;
	if (t->state != TS_PROGRAM)
		return refuse(nr, w0, "the loader is not its pager");
	int asked = devices_request(nr, w0, snd_base, fpage);
	if (!asked)
		return refuse(nr, w0, "the device resource belongs to another program");
	if (asked < 0)
		asked = memory_sigma0_request(nr, w0, w1, snd_base, fpage);
	if (asked >= 0)
		return asked;
	l4_addr_t e = pages_find(nr, va);
	if (!e) {
		if (!page_rights(t, va, &writable))
			return refuse(nr, w0, "outside the program's memory");
		if (!page_for(t, nr, va, writable, t->direct))
			return refuse(nr, w0,
				      t->quota && t->pages >= t->quota ? "memory limit reached"
								       : "out of memory");
		e = pages_find(nr, va);
	}
	if (write && !(e & PAGE_WRITABLE))
		return refuse(nr, w0, "write to a read-only page");
	*snd_base = va;
	*fpage = l4_fpage(e & ~(PAGE_SIZE - 1), L4_LOG2_PAGESIZE,
			  e & PAGE_WRITABLE ? L4_FPAGE_RW : L4_FPAGE_RO, L4_FPAGE_MAP)
		     .fpage;
	return 1;
}
