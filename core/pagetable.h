/* A task's L4 page table: virtual page -> physical frame + rights, two levels of 1024 entries.
 * This is the authority; the host mappings of the task process only mirror it lazily. */
#ifndef UMOL4_CORE_PAGETABLE_H
#define UMOL4_CORE_PAGETABLE_H

#include "core/types.h"

#define PTE_PRESENT 1u
#define PTE_WRITE 2u
#define PTE_DEVICE 4u /* the frame is a device window: accesses trap (core/device.h) */
#define PTE_FRAME(pte) ((pte) >> PAGE_SHIFT)

typedef uint32_t pte_t;

/* Kernel memory spent on mappings (second-level tables, mapping-database nodes), bounded per
 * address space and in total (docs/security.md, "Quotas"): a task cannot make the kernel take
 * more of the host's memory than these limits, whatever it maps. */
struct kmem_budget {
	uint64_t used, limit, space_limit; /* bytes; limits of 0: none */
};
/* What one mapping-database node costs, with the allocator's overhead. */
#define KMEM_NODE_COST 64u
/* Each leaf of 1024 entries is followed by PT_STALE_WORDS words with a bit per entry: the host
 * mapping of that page may differ from the entry (core/task.h, task_mark_dirty). */
#define PT_STALE_WORDS 32u

struct pagetable {
	pte_t *dir[1024];
	void **nodes[1024]; /* per entry: its mapping-database node (core/mapdb.h), or NULL */
	unsigned npages;    /* present entries */
	struct kmem_budget *budget; /* NULL: not accounted */
	uint64_t kmem;		    /* bytes charged to this space */
	bool kmem_refused;	    /* a charge failed since the last report */
	bool kmem_reported;	    /* the refusal was reported (once per space) */
	/* the leaves with stale bits, each once: the host mirror's work, bounded by the leaf
	 * count and exact to the page, however many pages the space has */
	uint16_t stale_leaf[1024];
	unsigned nstale_leaves;
	uint32_t leaf_listed[1024 / 32];
};

pte_t pt_lookup(const struct pagetable *pt, word_t vpage);
/* false: out of kernel memory */
bool pt_set(struct pagetable *pt, word_t vpage, pte_t pte);
void pt_destroy(struct pagetable *pt);
/* Charges (or with a negative n refunds) n bytes to pt's budget; false if a limit forbids. */
bool pt_charge(struct pagetable *pt, int64_t n);
/* Marks pages [first, last] stale. A page whose leaf does not exist has never had an entry,
 * so the host cannot have it mapped: there is nothing to mark. */
void pt_mark_stale(struct pagetable *pt, word_t first, word_t last);
/* Takes the next run of stale pages (within one leaf) and clears it; false when none is left. */
bool pt_take_stale(struct pagetable *pt, word_t *first, word_t *last);
/* Forgets every stale mark (the host mappings are dropped altogether). */
void pt_clear_stale(struct pagetable *pt);
void *pt_node(const struct pagetable *pt, word_t vpage);
/* false: out of kernel memory */
bool pt_set_node(struct pagetable *pt, word_t vpage, void *node);

#endif
