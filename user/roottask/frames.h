/*
 * Physical page frames the loader obtained from sigma0. The loader's space is 1:1 (it is the root
 * task), so a frame is used at its physical address; every frame comes zeroed.
 */
#ifndef UMOL4_ROOTTASK_FRAMES_H
#define UMOL4_ROOTTASK_FRAMES_H

#include <l4/sys/types.h>

#define PAGE_SIZE 4096UL

/* limit: the first address the loader cannot map 1:1 (its KIP mapping). */
void frames_init(l4_addr_t limit);
/* Any frame; 0 when memory is exhausted. */
l4_addr_t frame_alloc(void);
/* Frame at physical address pa (direct_mapped programs); 0 if someone else has it. */
l4_addr_t frame_alloc_at(l4_addr_t pa);
/* Gives a frame back to the loader's pool (not to sigma0, which never takes pages back). */
void frame_free(l4_addr_t pa);
/* Frames in use by programs, and frames held in the pool. */
unsigned long frames_used(void);
unsigned long frames_pooled(void);

#endif
