/* The mapping database (reference §3.4): for every page mapped by IPC, a node recording who
 * gave it. The nodes of one physical frame form a tree whose root is sigma0's (idempotent)
 * mapping; map adds a child, grant moves a node, unmap flushes or write-protects the subtree. */
#ifndef UMOL4_CORE_MAPDB_H
#define UMOL4_CORE_MAPDB_H

#include "core/kernel.h"

struct mnode {
	struct task *space;
	word_t vpage;
	struct mnode *parent, *child, *next; /* first child, next sibling */
};

/* Records dst:dvpage as mapped from src:svpage (creating src's node for sigma0's space). */
bool mapdb_map(struct task *src, word_t svpage, struct task *dst, word_t dvpage);
/* Whether a mapping of src:svpage may change dst:dvpage: there is none yet, or it derives from
 * src's, directly or not (only then may the mapper upgrade its rights, reference §3.2). */
bool mapdb_derives(struct task *src, word_t svpage, struct task *dst, word_t dvpage);
/* Moves src:svpage's node, with its subtree, to dst:dvpage (grant). */
bool mapdb_grant(struct task *src, word_t svpage, struct task *dst, word_t dvpage);
/* fpage_unmap for one page of t: every space that received it from t, directly or not, loses
 * it (flush) or its write right (remap); with `self` t's own mapping too. */
void mapdb_unmap(struct task *t, word_t vpage, bool flush, bool self);
/* Removes all of t's mappings and everything derived from them (task deletion). */
void mapdb_flush_space(struct task *t);

#endif
