/* Flexpage mapping between address spaces (reference §3). */
#ifndef UMOL4_CORE_MAP_H
#define UMOL4_CORE_MAP_H

#include "core/kernel.h"

/* Maps (or grants) the send fpage `fp` with send base `snd_base` from src into dst's receive
 * window, placing it by Liedtke's hot-spot rule. Returns the pages dst received (a mapping it
 * already had from the same source counts: the receiver holds it by this message), -1 when
 * kernel memory ran out. Pages src does not have are skipped; so are pages that would land on a
 * different existing mapping in dst, and mappings within one task. */
int fpage_map(struct kernel *k, struct task *src, struct task *dst, word_t snd_base, word_t fp,
	      word_t window);

/* fpage_unmap (reference §2.4): mask bit 1 flushes (else write-protects), bit 31 includes t's
 * own mappings. */
void sys_fpage_unmap(struct kernel *k, struct task *t, word_t fp, word_t mask);

/* Installs a kernel-made mapping (KIP, boot info) that no pager gave. */
bool map_kernel_page(struct task *t, word_t va, word_t pa, bool writable);

#endif
