#include "core/pagetable.h"
#include "core/plat.h"

bool pt_charge(struct pagetable *pt, int64_t n)
{
	struct kmem_budget *b = pt->budget;
	if (b && n > 0 &&
	    ((b->space_limit && pt->kmem + (uint64_t)n > b->space_limit) ||
	     (b->limit && b->used + (uint64_t)n > b->limit))) {
		pt->kmem_refused = true;
		return false;
	}
	pt->kmem += (uint64_t)n;
	if (b)
		b->used += (uint64_t)n;
	return true;
}

pte_t pt_lookup(const struct pagetable *pt, word_t vpage)
{
	const pte_t *leaf = pt->dir[(vpage >> 10) & 0x3ffu];
	return leaf ? leaf[vpage & 0x3ffu] : 0;
}

bool pt_set(struct pagetable *pt, word_t vpage, pte_t pte)
{
	pte_t **slot = &pt->dir[(vpage >> 10) & 0x3ffu];
	if (!*slot) {
		if (!pte)
			return true;
		if (!pt_charge(pt, 1024 * sizeof(pte_t)))
			return false;
		*slot = plat_alloc(1024 * sizeof(pte_t));
		if (!*slot) {
			pt_charge(pt, -(int64_t)(1024 * sizeof(pte_t)));
			return false;
		}
	}
	pte_t *e = &(*slot)[vpage & 0x3ffu];
	pt->npages += (pte != 0) - (*e != 0);
	*e = pte;
	return true;
}

void pt_destroy(struct pagetable *pt)
{
	for (unsigned i = 0; i < 1024; i++) {
		plat_free(pt->dir[i]);
		plat_free(pt->nodes[i]);
		pt->dir[i] = 0;
		pt->nodes[i] = 0;
	}
	pt->npages = 0;
	pt_charge(pt, -(int64_t)pt->kmem);
}

void *pt_node(const struct pagetable *pt, word_t vpage)
{
	void **leaf = pt->nodes[(vpage >> 10) & 0x3ffu];
	return leaf ? leaf[vpage & 0x3ffu] : 0;
}

bool pt_set_node(struct pagetable *pt, word_t vpage, void *node)
{
	void ***slot = &pt->nodes[(vpage >> 10) & 0x3ffu];
	if (!*slot) {
		if (!node)
			return true;
		if (!pt_charge(pt, 1024 * sizeof(void *)))
			return false;
		*slot = plat_alloc(1024 * sizeof(void *));
		if (!*slot) {
			pt_charge(pt, -(int64_t)(1024 * sizeof(void *)));
			return false;
		}
	}
	void **e = &(*slot)[vpage & 0x3ffu];
	/* a node is charged to the space it lies in: attached here, refunded when it leaves */
	if (!*e && node && !pt_charge(pt, KMEM_NODE_COST))
		return false;
	if (*e && !node)
		pt_charge(pt, -(int64_t)KMEM_NODE_COST);
	*e = node;
	return true;
}
