/* The allocator's shared state (malloc.c, free.c, realloc.c): a first-fit allocator over an
 * address-ordered free list between __l4_heap_start (l4.ld) and HEAP_MAX above it. */
#ifndef __UMOL4_LIBC_HEAP_H__
#define __UMOL4_LIBC_HEAP_H__

#include <stddef.h>

#define HEAP_MAX (16UL << 20)
#define ALIGN	 16UL /* what any C object needs on the umol4 ISAs */

/* Every block starts with this header; a free block's next links the free list. */
struct block {
	size_t size; /* of the whole block, header included, multiple of ALIGN */
	struct block *next;
	size_t pad[2]; /* keeps the payload ALIGN-aligned */
};

#define HDR sizeof(struct block)
_Static_assert(sizeof(struct block) % ALIGN == 0, "payload alignment");

/* The end of what was ever handed out, and the free blocks in address order. */
extern char *__umol4_heap_brk;
extern struct block *__umol4_free_list;

#endif
