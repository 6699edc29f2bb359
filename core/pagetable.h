/* A task's L4 page table: virtual page -> physical frame + rights, two levels of 1024 entries.
 * This is the authority; the host mappings of the task process only mirror it lazily. */
#ifndef UMOL4_CORE_PAGETABLE_H
#define UMOL4_CORE_PAGETABLE_H

#include "core/types.h"

#define PTE_PRESENT 1u
#define PTE_WRITE 2u
#define PTE_FRAME(pte) ((pte) >> PAGE_SHIFT)

typedef uint32_t pte_t;

struct pagetable {
	pte_t *dir[1024];
	void **nodes[1024]; /* per entry: its mapping-database node (core/mapdb.h), or NULL */
	unsigned npages;    /* present entries */
};

pte_t pt_lookup(const struct pagetable *pt, word_t vpage);
/* false: out of kernel memory */
bool pt_set(struct pagetable *pt, word_t vpage, pte_t pte);
void pt_destroy(struct pagetable *pt);
void *pt_node(const struct pagetable *pt, word_t vpage);
/* false: out of kernel memory */
bool pt_set_node(struct pagetable *pt, word_t vpage, void *node);

#endif
