#include "core/pagetable.h"
#include "core/plat.h"

/* A leaf: its entries, then their stale bits. */
#define LEAF_SIZE (1024 * sizeof(pte_t) + PT_STALE_WORDS * sizeof(uint32_t))

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
		if (!pt_charge(pt, LEAF_SIZE))
			return false;
		*slot = plat_alloc(LEAF_SIZE);
		if (!*slot) {
			pt_charge(pt, -(int64_t)LEAF_SIZE);
			return false;
		}
	}
	pte_t *e = &(*slot)[vpage & 0x3ffu];
	pt->npages += (pte != 0) - (*e != 0);
	*e = pte;
	return true;
}

static uint32_t *stale_bits(const struct pagetable *pt, unsigned leaf)
{
	return pt->dir[leaf] ? (uint32_t *)(pt->dir[leaf] + 1024) : 0;
}

void pt_mark_stale(struct pagetable *pt, word_t first, word_t last)
{
	for (word_t v = first; v <= last && v >= first; v++) {
		unsigned leaf = (v >> 10) & 0x3ffu, i = v & 0x3ffu;
		uint32_t *bits = stale_bits(pt, leaf);
		if (!bits) {
			v |= 0x3ffu; /* the whole leaf is absent */
			continue;
		}
		bits[i / 32] |= 1u << (i % 32);
		if (!(pt->leaf_listed[leaf / 32] & (1u << (leaf % 32)))) {
			pt->leaf_listed[leaf / 32] |= 1u << (leaf % 32);
			pt->stale_leaf[pt->nstale_leaves++] = (uint16_t)leaf;
		}
	}
}

bool pt_take_stale(struct pagetable *pt, word_t *first, word_t *last)
{
	while (pt->nstale_leaves) {
		unsigned leaf = pt->stale_leaf[pt->nstale_leaves - 1];
		uint32_t *bits = stale_bits(pt, leaf);
		unsigned i = 0;
		while (i < 1024 && !(bits[i / 32] >> (i % 32))) /* to the first set bit */
			i = (i | 31u) + 1;
		if (i == 1024) {
			pt->nstale_leaves--;
			pt->leaf_listed[leaf / 32] &= ~(1u << (leaf % 32));
			continue;
		}
		while (!(bits[i / 32] & (1u << (i % 32))))
			i++;
		unsigned j = i;
		while (j < 1024 && (bits[j / 32] & (1u << (j % 32)))) {
			bits[j / 32] &= ~(1u << (j % 32));
			j++;
		}
		*first = (word_t)leaf << 10 | i;
		*last = (word_t)leaf << 10 | (j - 1);
		return true;
	}
	return false;
}

void pt_clear_stale(struct pagetable *pt)
{
	while (pt->nstale_leaves) {
		unsigned leaf = pt->stale_leaf[--pt->nstale_leaves];
		uint32_t *bits = stale_bits(pt, leaf);
		for (unsigned w = 0; w < PT_STALE_WORDS; w++)
			bits[w] = 0;
		pt->leaf_listed[leaf / 32] &= ~(1u << (leaf % 32));
	}
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
	pt->nstale_leaves = 0;
	for (unsigned w = 0; w < 1024 / 32; w++)
		pt->leaf_listed[w] = 0;
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
