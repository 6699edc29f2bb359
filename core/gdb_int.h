/* What core/gdb.c (the packets) and core/gdbrun.c (memory, breakpoints, run-loop hooks) share. */
#ifndef UMOL4_CORE_GDB_INT_H
#define UMOL4_CORE_GDB_INT_H

#include "core/gdb.h"

/* A live thread, or NULL. */
struct thread *gdb_thread_at(const struct gdb *g, unsigned task, unsigned lthread);
/* Tasks gdb has been told of (in a thread list or a stop). */
void gdb_mark_known(struct gdb *g, unsigned task);
bool gdb_is_known(const struct gdb *g, unsigned task);

/* Whether va is a kernel entry above the user range: a slot of the call-entry table or the
 * magic addresses at the top (arch/magic.h), which read as the backend's gdb_entry_insn. */
bool gdb_at_entry(const struct arch *a, word_t va);
/* What task t sees at [va, va+len): its mapped pages, the program image behind untouched ones,
 * the kernel-entry instruction at the entries; breakpoints read as what they cover. */
bool gdb_mem_read(struct gdb *g, const struct task *t, word_t va, uint8_t *buf, word_t len);
/* Writes through t's page table (read-only pages too); false at an unmapped page. */
bool gdb_mem_write(struct gdb *g, struct task *t, word_t va, const uint8_t *buf, word_t len);

struct gdb_breakpoint *gdb_bp_find(struct gdb *g, unsigned task, word_t va);
/* Makes the frame behind b's address hold the breakpoint instruction if it is mapped. */
void gdb_bp_sync(struct gdb *g, struct task *t, struct gdb_breakpoint *b);
void gdb_bp_delete(struct gdb *g, struct gdb_breakpoint *b);

#endif
