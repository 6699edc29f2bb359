#include "core/mapdb.h"
#include "core/plat.h"
#include "core/task.h"

static struct mnode *node_of(struct task *t, word_t vpage, bool create)
{
	struct mnode *n = pt_node(&t->pt, vpage);
	if (n || !create)
		return n;
	n = plat_alloc(sizeof *n);
	if (!n)
		return 0;
	n->space = t;
	n->vpage = vpage;
	if (!pt_set_node(&t->pt, vpage, n)) {
		plat_free(n);
		return 0;
	}
	return n;
}

static void link_child(struct mnode *parent, struct mnode *n)
{
	n->parent = parent;
	n->next = parent ? parent->child : 0;
	if (parent)
		parent->child = n;
}

static void unlink_node(struct mnode *n)
{
	if (!n->parent)
		return;
	for (struct mnode **p = &n->parent->child; *p; p = &(*p)->next) {
		if (*p == n) {
			*p = n->next;
			break;
		}
	}
	n->parent = n->next = 0;
}

bool mapdb_map(struct task *src, word_t svpage, struct task *dst, word_t dvpage)
{
	struct mnode *parent = node_of(src, svpage, true);
	struct mnode *n = node_of(dst, dvpage, false);
	if (n) /* an upgrade of an existing mapping keeps its place in the tree */
		return true;
	n = node_of(dst, dvpage, true);
	if (!parent || !n)
		return false;
	link_child(parent, n);
	return true;
}

bool mapdb_derives(struct task *src, word_t svpage, struct task *dst, word_t dvpage)
{
	struct mnode *d = node_of(dst, dvpage, false), *s = node_of(src, svpage, false);
	if (!d)
		return true; /* a new mapping */
	/* an ancestor may change its subtree: a flush of its own mapping covers the result */
	for (struct mnode *a = d->parent; a; a = a->parent)
		if (a == s)
			return true;
	return !s && src->idempotent && !d->parent;
}

/* Grant onto the receiver's own mapping of the same frame: the receiver's node takes the
 * granter's place (and its other children), the granter's node goes. */
static void grant_merge(struct mnode *n, struct mnode *d)
{
	while (n->child) {
		struct mnode *c = n->child;
		unlink_node(c);
		if (c != d)
			link_child(d, c);
	}
	if (!d->parent) {
		struct mnode *up = n->parent;
		unlink_node(n);
		link_child(up, d);
	} else {
		unlink_node(n);
	}
	plat_free(n);
}

bool mapdb_grant(struct task *src, word_t svpage, struct task *dst, word_t dvpage)
{
	struct mnode *n = node_of(src, svpage, false);
	if (!n)
		return mapdb_map(src, svpage, dst, dvpage); /* nothing to move: a root becomes one */
	struct mnode *d = node_of(dst, dvpage, false);
	if (d) {
		pt_set_node(&src->pt, svpage, 0);
		grant_merge(n, d);
		return true;
	}
	if (!pt_set_node(&dst->pt, dvpage, n))
		return false;
	pt_set_node(&src->pt, svpage, 0);
	n->space = dst;
	n->vpage = dvpage;
	return true;
}

static void drop_page(struct mnode *n)
{
	pt_set(&n->space->pt, n->vpage, 0);
	pt_set_node(&n->space->pt, n->vpage, 0);
	task_mark_dirty(n->space, n->vpage, n->vpage);
}

static void protect_page(struct mnode *n)
{
	pte_t pte = pt_lookup(&n->space->pt, n->vpage);
	if (pte & PTE_WRITE) {
		pt_set(&n->space->pt, n->vpage, pte & ~PTE_WRITE);
		task_mark_dirty(n->space, n->vpage, n->vpage);
	}
}

/* Removes every descendant of n, leaves first. */
static void flush_subtree(struct mnode *n)
{
	while (n->child) {
		struct mnode *c = n->child;
		while (c->child)
			c = c->child;
		unlink_node(c);
		drop_page(c);
		plat_free(c);
	}
}

/* Write-protects every descendant of n (pre-order walk along parent links). */
static void protect_subtree(struct mnode *n)
{
	struct mnode *c = n->child;
	while (c) {
		protect_page(c);
		if (c->child) {
			c = c->child;
			continue;
		}
		while (c != n && !c->next)
			c = c->parent;
		if (c == n)
			break;
		c = c->next;
	}
}

static void subtree(struct mnode *n, bool flush)
{
	if (flush)
		flush_subtree(n);
	else
		protect_subtree(n);
}

void mapdb_unmap(struct task *t, word_t vpage, bool flush, bool self)
{
	struct mnode *n = node_of(t, vpage, false);
	if (n)
		subtree(n, flush);
	if (!self)
		return;
	if (!n) { /* a mapping no IPC made (KIP, boot info, sigma0's own pages) */
		if (flush)
			pt_set(&t->pt, vpage, 0);
		else
			pt_set(&t->pt, vpage, pt_lookup(&t->pt, vpage) & ~PTE_WRITE);
		task_mark_dirty(t, vpage, vpage);
		return;
	}
	if (flush) {
		unlink_node(n);
		drop_page(n);
		plat_free(n);
	} else {
		protect_page(n);
	}
}

void mapdb_flush_space(struct task *t)
{
	for (word_t hi = 0; hi < 1024; hi++) {
		if (!t->pt.nodes[hi])
			continue;
		for (word_t lo = 0; lo < 1024; lo++) {
			struct mnode *n = t->pt.nodes[hi][lo];
			if (!n)
				continue;
			subtree(n, true);
			unlink_node(n);
			pt_set_node(&t->pt, n->vpage, 0);
			plat_free(n);
		}
	}
}
