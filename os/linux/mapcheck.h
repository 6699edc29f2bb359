/* --check-mappings: verifies, whenever a task process hands control to the kernel, that every
 * host mapping of physical memory it has is granted by its L4 page table (frame and write
 * right). Costly (reads /proc/PID/maps); for tests. */
#ifndef UMOL4_OS_MAPCHECK_H
#define UMOL4_OS_MAPCHECK_H

#include "core/kernel.h"

#include <sys/types.h>

/* false (and one report line) on the first mapping the page table does not grant. mbox_va is
 * where the stub maps its mailbox: it locates qemu's guest base in the host's map. */
bool mapcheck_task(const struct task *t, pid_t pid, uint64_t base);
/* Where the task's address 0 lies in process pid (qemu-user's guest base), found from where its
 * mailbox (at task address mbox_va) is mapped. false if the mailbox is not mapped. */
bool mapcheck_guest_base(pid_t pid, word_t mbox_va, uint64_t *base);

#endif
