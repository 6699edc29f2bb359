/* Clans and chiefs (reference §5, Liedtke's semantics): where a message physically goes, what
 * id_nearest answers, and whether a chief's deceit is direction-preserving. */
#ifndef UMOL4_CORE_CLAN_H
#define UMOL4_CORE_CLAN_H

#include "core/kernel.h"

#define NC_SAME_CLAN 0x00u
#define NC_OUTER_CLAN 0x04u
#define NC_INNER_CLAN 0x0cu

/* The nearest partner for a message from task `from` to `dest`: dest itself (type 0), the chief
 * of an inner clan containing dest (0x0c), or `from`'s own chief (0x04). Writes its id. */
unsigned clan_nearest(const struct kernel *k, const struct task *from, l4id_t dest, l4id_t *near);
/* Deceit by `chief` sending to `dest` on behalf of `vsender`: true if it may stand. */
bool clan_deceit_ok(const struct kernel *k, const struct task *chief, l4id_t dest, l4id_t vsender);
/* The full id of lthread 0 of task nr (with its chief, nest, version). */
l4id_t task_id(const struct kernel *k, unsigned nr);

#endif
