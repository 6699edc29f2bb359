/* Flexpage placement (Liedtke's hot spot), rights, grant, and the dirty-range log. */
#include "core/map.h"
#include "core/mapdb.h"
#include "core/task.h"
#include "tests/unit/unit.h"

static pte_t pte_at(struct thread *t, word_t va) { return pt_lookup(&t->task->pt, va >> 12); }

static struct thread *sigma0(void)
{
	struct thread *s = unit_thread(2, 0, &arch_x86);
	s->task->idempotent = true;
	return s;
}

static void test_hot_spot(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	struct thread *s = sigma0(), *d = unit_thread(5, 0, &arch_x86);
	/* s < r: the 4K page lands at R + (snd_base mod 2^r), aligned to 2^s */
	CHECK_EQ(fpage_map(k, s->task, d->task, 0x123000, fpage_make(0x10000, 12, true),
			   fpage_make(0x400000, 22, false)),
		 1);
	CHECK_EQ(pte_at(d, 0x523000), 0x10000u | PTE_PRESENT | PTE_WRITE);
	/* s == r: the whole fpage at the window */
	CHECK_EQ(fpage_map(k, s->task, d->task, 0, fpage_make(0x20000, 16, true),
			   fpage_make(0x800000, 16, false)),
		 16);
	CHECK_EQ(pte_at(d, 0x80f000), 0x2f000u | PTE_PRESENT | PTE_WRITE);
	/* s > r: only the window-sized part around snd_base */
	CHECK_EQ(fpage_map(k, s->task, d->task, 0x105000, fpage_make(0x100000, 16, true),
			   fpage_make(0x900000, 12, false)),
		 1);
	CHECK_EQ(pte_at(d, 0x900000), 0x105000u | PTE_PRESENT | PTE_WRITE);
	/* invalid sizes map nothing */
	CHECK_EQ(fpage_map(k, s->task, d->task, 0, fpage_make(0x1000, 0, true),
			   fpage_make(0, 32, false)),
		 0);
}

static void test_rights_and_grant(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	struct thread *s = sigma0(), *b = unit_thread(5, 0, &arch_x86),
		      *c = unit_thread(6, 0, &arch_x86);
	word_t all = fpage_make(0, 32, false);
	CHECK_EQ(fpage_map(k, s->task, b->task, 0x30000, fpage_make(0x30000, 12, false), all), 1);
	CHECK_EQ(pte_at(b, 0x30000), 0x30000u | PTE_PRESENT);
	/* b asks for write but only has read: c gets read-only */
	CHECK_EQ(fpage_map(k, b->task, c->task, 0x30000, fpage_make(0x30000, 12, true), all), 1);
	CHECK_EQ(pte_at(c, 0x30000), 0x30000u | PTE_PRESENT);
	/* intra-task mapping is ignored */
	CHECK_EQ(fpage_map(k, b->task, b->task, 0x40000, fpage_make(0x30000, 12, true), all), 0);
	/* a different existing mapping at the receiver is kept */
	CHECK_EQ(fpage_map(k, s->task, c->task, 0x30000, fpage_make(0x31000, 12, true),
			   fpage_make(0x30000, 12, false)),
		 0);
	CHECK_EQ(pte_at(c, 0x30000), 0x30000u | PTE_PRESENT);
	/* grant moves the page */
	CHECK_EQ(fpage_map(k, s->task, b->task, 0x50000, fpage_make(0x50000, 12, true), all), 1);
	word_t g = fpage_make(0x50000, 12, true) | 1u;
	CHECK_EQ(fpage_map(k, b->task, c->task, 0x70000, g, all), 1);
	CHECK_EQ(pte_at(b, 0x50000), 0);
	CHECK_EQ(pte_at(c, 0x70000), 0x50000u | PTE_PRESENT | PTE_WRITE);
	/* nothing lands beyond the receiver's user range */
	struct thread *m = unit_thread(7, 0, &arch_mips);
	CHECK_EQ(fpage_map(k, s->task, m->task, 0x70000000, fpage_make(0x1000, 12, true), all), 0);
}

/* The record of changed pages: exact runs, each page once, only pages with a page-table leaf,
 * and one leaf's worth of work per leaf however many pages changed elsewhere. */
static void test_dirty_log(void)
{
	unit_kernel_setup();
	struct thread *b = unit_thread(5, 0, &arch_x86);
	struct task *t = b->task;
	word_t first, last;
	task_mark_dirty(t, 10, 10); /* no leaf for pages 0-1023 yet: nothing to mirror */
	CHECK(!pt_take_stale(&t->pt, &first, &last));
	CHECK(pt_set(&t->pt, 10, (10u << PAGE_SHIFT) | PTE_PRESENT));
	task_mark_dirty(t, 10, 10);
	task_mark_dirty(t, 11, 12);
	task_mark_dirty(t, 8, 9);
	task_mark_dirty(t, 10, 11);
	CHECK(pt_take_stale(&t->pt, &first, &last));
	CHECK_EQ(first, 8);
	CHECK_EQ(last, 12);
	CHECK(!pt_take_stale(&t->pt, &first, &last));
	/* scattered pages stay apart: 2000 runs of one page over two leaves, each taken once */
	CHECK(pt_set(&t->pt, 5000, (5000u << PAGE_SHIFT) | PTE_PRESENT));
	CHECK(pt_set(&t->pt, 1024 + 100, (1124u << PAGE_SHIFT) | PTE_PRESENT));
	for (word_t v = 0; v < 1024; v += 2)
		task_mark_dirty(t, v, v);
	task_mark_dirty(t, 1023, 1025); /* a run across two leaves comes as two */
	task_mark_dirty(t, 4096, 5119);
	unsigned runs = 0, pages = 0;
	while (pt_take_stale(&t->pt, &first, &last)) {
		CHECK(first >> 10 == last >> 10);
		runs++;
		pages += last - first + 1;
	}
	CHECK_EQ(runs, 512 + 1 + 1);
	CHECK_EQ(pages, 513 + 2 + 1024);
	task_mark_dirty(t, 0, 5119);
	pt_clear_stale(&t->pt);
	CHECK(!pt_take_stale(&t->pt, &first, &last));
}

/* A -> B -> C; flush at A removes C's (and B's) copy; remap makes them read-only; the own-space
 * flag takes A's too; grant moves the node; deleting a space removes what was derived from it. */
static void test_mapdb(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	struct thread *s = sigma0(), *a = unit_thread(5, 0, &arch_x86),
		      *b = unit_thread(6, 0, &arch_x86), *c = unit_thread(7, 0, &arch_x86);
	word_t all = fpage_make(0, 32, false), p = 0x40000;
	CHECK_EQ(fpage_map(k, s->task, a->task, p, fpage_make(p, 12, true), all), 1);
	CHECK_EQ(fpage_map(k, a->task, b->task, p, fpage_make(p, 12, true), all), 1);
	CHECK_EQ(fpage_map(k, b->task, c->task, p, fpage_make(p, 12, true), all), 1);
	sys_fpage_unmap(k, a->task, fpage_make(p, 12, false), 0); /* remap: others read-only */
	CHECK_EQ(pte_at(a, p), p | PTE_PRESENT | PTE_WRITE);
	CHECK_EQ(pte_at(b, p), p | PTE_PRESENT);
	CHECK_EQ(pte_at(c, p), p | PTE_PRESENT);
	sys_fpage_unmap(k, a->task, fpage_make(p, 12, false), 2); /* flush others */
	CHECK_EQ(pte_at(a, p), p | PTE_PRESENT | PTE_WRITE);
	CHECK_EQ(pte_at(b, p), 0);
	CHECK_EQ(pte_at(c, p), 0);
	word_t first, last;
	CHECK(pt_take_stale(&c->task->pt, &first, &last) && first == p >> 12 && last == first);
	/* own-space flush over a 64K fpage */
	fpage_map(k, a->task, b->task, p, fpage_make(p, 12, true), all);
	sys_fpage_unmap(k, a->task, fpage_make(p, 16, false), 0x80000002u);
	CHECK_EQ(pte_at(a, p), 0);
	CHECK_EQ(pte_at(b, p), 0);
	/* sigma0 flushes a frame everywhere it went */
	fpage_map(k, s->task, a->task, p, fpage_make(p, 12, true), all);
	fpage_map(k, a->task, b->task, p, fpage_make(p, 12, true), all);
	sys_fpage_unmap(k, s->task, fpage_make(p, 12, false), 2);
	CHECK_EQ(pte_at(a, p), 0);
	CHECK_EQ(pte_at(b, p), 0);
	/* grant: B's page moves to C, and A's flush still reaches it there */
	fpage_map(k, s->task, a->task, p, fpage_make(p, 12, true), all);
	fpage_map(k, a->task, b->task, p, fpage_make(p, 12, true), all);
	CHECK_EQ(fpage_map(k, b->task, c->task, p, fpage_make(p, 12, true) | 1u,
			   fpage_make(0x90000, 12, false)),
		 1);
	CHECK_EQ(pte_at(b, p), 0);
	CHECK_EQ(pte_at(c, 0x90000), p | PTE_PRESENT | PTE_WRITE);
	sys_fpage_unmap(k, a->task, fpage_make(p, 12, false), 2);
	CHECK_EQ(pte_at(c, 0x90000), 0);
	/* deleting A's space removes what B got from it */
	fpage_map(k, a->task, b->task, p, fpage_make(p, 12, true), all);
	CHECK_EQ(pte_at(b, p), p | PTE_PRESENT | PTE_WRITE);
	mapdb_flush_space(a->task);
	CHECK_EQ(pte_at(b, p), 0);
}

/* Kernel memory for mappings is charged to the space it serves, refused beyond either limit, and
 * refunded when mappings go. */
static void test_kmem_budget(void)
{
	unit_kernel_setup();
	struct kernel *k = unit_kernel();
	struct thread *s = sigma0(), *a = unit_thread(5, 0, &arch_x86);
	word_t all = fpage_make(0, 32, false), p = 0x40000;
	CHECK_EQ(fpage_map(k, s->task, a->task, p, fpage_make(p, 12, true), all), 1);
	uint64_t one = a->task->pt.kmem;
	CHECK(one >= KMEM_NODE_COST);
	CHECK_EQ(k->kmem.used, a->task->pt.kmem + s->task->pt.kmem);
	/* a space limit that leaves room for no further node: the next page is refused */
	k->kmem.space_limit = one;
	CHECK_EQ(fpage_map(k, s->task, a->task, p + 0x1000, fpage_make(p + 0x1000, 12, true), all),
		 -1);
	CHECK_EQ(pte_at(a, p + 0x1000), 0);
	CHECK(a->task->pt.kmem_reported);
	/* so is one beyond the total */
	k->kmem.space_limit = 0;
	k->kmem.limit = k->kmem.used;
	CHECK_EQ(fpage_map(k, s->task, a->task, p + 0x2000, fpage_make(p + 0x2000, 12, true), all),
		 -1);
	/* flushing gives the node's charge back */
	k->kmem.limit = 0;
	sys_fpage_unmap(k, s->task, fpage_make(p, 12, false), 2);
	CHECK_EQ(a->task->pt.kmem, one - KMEM_NODE_COST);
}

const struct unit_test map_tests[] = {
	{"kernel memory budget for mappings", test_kmem_budget},
	{"mapping database: recursive flush and remap, own space, grant, deletion", test_mapdb},
	{"fpage hot spot placement", test_hot_spot},
	{"fpage rights, intra-task, existing mappings, grant", test_rights_and_grant},
	{"dirty range log", test_dirty_log},
	{0, 0},
};
