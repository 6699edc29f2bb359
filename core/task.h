/* Tasks and threads: creation, lookup by id, user-memory access through the L4 page table. */
#ifndef UMOL4_CORE_TASK_H
#define UMOL4_CORE_TASK_H

#include "core/kernel.h"

void kernel_init(struct kernel *k, uint8_t *phys, word_t phys_size);
void kernel_destroy(struct kernel *k);

struct task *task_create(struct kernel *k, unsigned nr, unsigned chief, unsigned nest,
			 const struct arch *arch, const char *name);
struct thread *thread_create(struct kernel *k, struct task *task, unsigned lthread);
/* Gives a created thread its initial context and makes it ready. */
void thread_start(struct kernel *k, struct thread *t, word_t ip, word_t sp, l4id_t pager);

/* Existing thread for an id (version/chief/nest bits are ignored, like Fiasco). */
struct thread *thread_lookup(const struct kernel *k, l4id_t id);

/* Physical memory behind a task's virtual address; false if not mapped (with write rights if
 * `write`) or a device window, which the kernel never reads as memory. The idempotent sigma0
 * space translates 1:1 whether touched yet or not. */
bool task_translate(const struct kernel *k, const struct task *t, word_t va, bool write,
		    word_t *pa);
/* Whether t may make the access a fault named: memory or a device window at addr, or the ports
 * of an I/O fpage (core/ioport.h). */
bool task_holds(const struct kernel *k, const struct task *t, word_t addr, bool write);
bool user_read(const struct kernel *k, const struct task *t, word_t va, void *buf, word_t len);
/* Writes len bytes into t's memory; false (and *fault = the first unwritable address) if some
 * page is not mapped writable. */
bool user_write(const struct kernel *k, const struct task *t, word_t va, const void *buf,
		word_t len, word_t *fault);
/* Copies len bytes between two tasks' memories page by page, through physical memory (no
 * assumption that adjacent virtual pages are adjacent physically). On failure tells which side
 * faulted and where. */
bool user_copy(const struct kernel *k, const struct task *dst, word_t dva, const struct task *src,
	       word_t sva, word_t len, bool *dst_faulted, word_t *fault);
/* Reads a NUL-terminated string of at most max-1 bytes; returns its length, -1 if unmapped. */
int user_read_str(const struct kernel *k, const struct task *t, word_t va, char *buf, word_t max);

/* A task's memory for the ISA backends' readers (umem_read_fn): cx points at a struct task_mem. */
struct task_mem {
	const struct kernel *k;
	const struct task *task;
};
bool task_mem_read(void *cx, word_t va, void *buf, word_t len);

/* Records that [first, last] pages changed; the os layer re-mirrors them before the task runs
 * (pt_take_stale). The record is exact to the page and costs the same however many pages the
 * task has. */
void task_mark_dirty(struct task *t, word_t first_page, word_t last_page);

/* kdebug 0x61 for a task number the caller may create but has not: the name task_new gives it
 * (task_take_prename). At most 8 such names are kept; the oldest goes first. */
void task_prename(struct kernel *k, unsigned nr, const char *name);
void task_take_prename(struct kernel *k, struct task *t);
/* "4.00" style thread names for messages. */
const char *thread_name(const struct thread *t, char buf[16]);

/* Word access in a task's byte order (physical memory shared with that task). */
static inline word_t task_word(const struct task *t, word_t raw)
{
	return word_bytes(&raw, t->arch->big_endian);
}

#endif
