#include "core/pagetable.h"
#include "core/plat.h"

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
		*slot = plat_alloc(1024 * sizeof(pte_t));
		if (!*slot)
			return false;
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
		*slot = plat_alloc(1024 * sizeof(void *));
		if (!*slot)
			return false;
	}
	(*slot)[vpage & 0x3ffu] = node;
	return true;
}
