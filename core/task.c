#include "core/task.h"
#include "core/fmt.h"
#include "core/ioport.h"
#include "core/ipc.h"
#include "core/mapdb.h"
#include "core/plat.h"
#include "core/sched.h"

#include <string.h>

/* a long copy tells the host it is still at work every this many bytes (plat_busy) */
#define BUSY_EVERY 0x10000u

void kernel_init(struct kernel *k, uint8_t *phys, word_t phys_size)
{
	memset(k, 0, sizeof *k);
	k->phys = phys;
	k->phys_size = phys_size;
	k->kip_phys[0] = PHYS_KIP_LE;
	k->kip_phys[1] = PHYS_KIP_BE;
	k->bootinfo_phys = PHYS_BOOTINFO;
	k->run = RUN_ACTIVE;
}

void kernel_destroy(struct kernel *k)
{
	for (unsigned i = 0; i < L4_TASKS; i++) {
		struct task *t = k->tasks[i];
		if (!t)
			continue;
		for (unsigned l = 0; l < L4_LTHREADS; l++)
			plat_free(t->threads[l]);
		mapdb_flush_space(t);
		ioport_flush_task(k, t);
		pt_destroy(&t->pt);
		plat_free(t);
		k->tasks[i] = 0;
	}
}

struct task *task_create(struct kernel *k, unsigned nr, unsigned chief, unsigned nest,
			 const struct arch *arch, const char *name)
{
	if (nr >= L4_TASKS || k->tasks[nr])
		return 0;
	struct task *t = plat_alloc(sizeof *t);
	if (!t)
		return 0;
	t->nr = nr;
	t->chief = chief;
	t->nest = nest;
	t->arch = arch;
	t->name = name;
	t->pt.budget = &k->kmem;
	k->tasks[nr] = t;
	return t;
}

struct thread *thread_create(struct kernel *k, struct task *task, unsigned lthread)
{
	(void)k;
	if (lthread >= L4_LTHREADS)
		return 0;
	struct thread *t = task->threads[lthread];
	if (t)
		return t;
	t = plat_alloc(sizeof *t);
	if (!t)
		return 0;
	t->task = task;
	t->lthread = lthread;
	t->id = id_make(task->nr, lthread, task->chief, task->nest);
	t->state = TS_DEAD;
	t->prio = DEFAULT_PRIO;
	t->ts_man = DEFAULT_TS_MAN;
	t->ts_exp = DEFAULT_TS_EXP;
	t->timeslice = t->slice_left = ipc_timeout_us(t->ts_man, t->ts_exp);
	t->pager = L4ID_NIL;
	t->preempter = L4ID_NIL;
	t->ext_preempter = L4ID_INVALID;
	task->threads[lthread] = t;
	return t;
}

void thread_start(struct kernel *k, struct thread *t, word_t ip, word_t sp, l4id_t pager)
{
	t->task->arch->init_regs(t->regs, ip, sp);
	t->pager = pager;
	sched_ready(k, t, false);
}

struct thread *thread_lookup(const struct kernel *k, l4id_t id)
{
	if (id_is_nil(id) || id_is_invalid(id) || id_is_irq(id))
		return 0;
	const struct task *task = k->tasks[id_task(id)];
	if (!task)
		return 0;
	struct thread *t = task->threads[id_lthread(id)];
	return t && t->state != TS_DEAD ? t : 0;
}

bool task_translate(const struct kernel *k, const struct task *t, word_t va, bool write,
		    word_t *pa)
{
	word_t vpage = va >> PAGE_SHIFT;
	pte_t pte = pt_lookup(&t->pt, vpage);
	if ((pte & (PTE_PRESENT | PTE_DEVICE)) == PTE_PRESENT) {
		if (write && !(pte & PTE_WRITE))
			return false;
		*pa = (PTE_FRAME(pte) << PAGE_SHIFT) | (va & (PAGE_SIZE - 1));
		return true;
	}
	if (t->idempotent && va < k->phys_size) {
		*pa = va;
		return true;
	}
	return false;
}

bool task_holds(const struct kernel *k, const struct task *t, word_t addr, bool write)
{
	if (fpage_is_io(addr))
		return ioport_holds(t, io_fpage_port(addr), 1u << fpage_log2(addr));
	pte_t pte = pt_lookup(&t->pt, addr >> PAGE_SHIFT);
	if (pte & PTE_DEVICE)
		return !write || (pte & PTE_WRITE);
	word_t pa;
	return task_translate(k, t, addr, write, &pa);
}

bool user_read(const struct kernel *k, const struct task *t, word_t va, void *buf, word_t len)
{
	uint8_t *out = buf;
	while (len) {
		word_t pa;
		if (!task_translate(k, t, va, false, &pa))
			return false;
		word_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (chunk > len)
			chunk = len;
		memcpy(out, k->phys + pa, chunk);
		out += chunk;
		va += chunk;
		len -= chunk;
	}
	return true;
}

bool user_write(const struct kernel *k, const struct task *t, word_t va, const void *buf,
		word_t len, word_t *fault)
{
	const uint8_t *in = buf;
	while (len) {
		word_t pa;
		if (!task_translate(k, t, va, true, &pa)) {
			*fault = va;
			return false;
		}
		word_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (chunk > len)
			chunk = len;
		memcpy(k->phys + pa, in, chunk);
		in += chunk;
		va += chunk;
		len -= chunk;
	}
	return true;
}

bool user_copy(const struct kernel *k, const struct task *dst, word_t dva, const struct task *src,
	       word_t sva, word_t len, bool *dst_faulted, word_t *fault)
{
	word_t since_busy = 0;
	while (len) {
		word_t spa, dpa;
		if (!task_translate(k, src, sva, false, &spa)) {
			*dst_faulted = false;
			*fault = sva;
			return false;
		}
		if (!task_translate(k, dst, dva, true, &dpa)) {
			*dst_faulted = true;
			*fault = dva;
			return false;
		}
		word_t chunk = PAGE_SIZE - (sva & (PAGE_SIZE - 1));
		word_t dchunk = PAGE_SIZE - (dva & (PAGE_SIZE - 1));
		if (dchunk < chunk)
			chunk = dchunk;
		if (chunk > len)
			chunk = len;
		memmove(k->phys + dpa, k->phys + spa, chunk);
		sva += chunk;
		dva += chunk;
		len -= chunk;
		if ((since_busy += chunk) >= BUSY_EVERY && len) {
			since_busy = 0;
			plat_busy();
		}
	}
	return true;
}

bool task_mem_read(void *cx, word_t va, void *buf, word_t len)
{
	const struct task_mem *m = cx;
	return user_read(m->k, m->task, va, buf, len);
}

int user_read_str(const struct kernel *k, const struct task *t, word_t va, char *buf, word_t max)
{
	word_t n = 0;
	while (n + 1 < max) {
		word_t pa;
		if (!task_translate(k, t, va + n, false, &pa))
			return -1;
		char c = (char)k->phys[pa];
		if (!c)
			break;
		buf[n++] = c;
	}
	buf[n] = 0;
	return (int)n;
}

void task_mark_dirty(struct task *t, word_t first, word_t last)
{
	pt_mark_stale(&t->pt, first, last);
}

void task_prename(struct kernel *k, unsigned nr, const char *name)
{
	unsigned i = 0;
	while (i < 8 && k->prenamed[i].nr != nr)
		i++;
	if (i == 8) /* a new number: the oldest name goes */
		i = k->prenamed_next++ % 8;
	k->prenamed[i].nr = (uint16_t)nr;
	kfmt(k->prenamed[i].name, sizeof k->prenamed[i].name, "%s", name);
}

void task_take_prename(struct kernel *k, struct task *t)
{
	for (unsigned i = 0; i < 8; i++)
		if (k->prenamed[i].nr == t->nr) {
			memcpy(t->name_buf, k->prenamed[i].name, sizeof t->name_buf);
			t->name = t->name_buf;
			k->prenamed[i].nr = 0;
		}
}

const char *thread_name(const struct thread *t, char buf[16])
{
	kfmt(buf, 16, "%x.%02x", t->task->nr, t->lthread);
	return buf;
}
