/*
 * A first-fit allocator over an address-ordered free list. The heap lies between the page-aligned
 * end of the program's memory (__l4_heap_start, l4.ld: behind crt0's stack) and 16 MiB above
 * it; "brk" marks how much of it was ever handed out. Those pages are not requested from anyone:
 * touching them page-faults them in through the task's pager. Not safe against concurrent use by
 * several L4 threads of one task.
 */
#include <stdint.h>
#include <stdlib.h>

#include "heap.h"

extern char __l4_heap_start[];

char *__umol4_heap_brk;
struct block *__umol4_free_list;

static char *heap_limit(void)
{
	return __l4_heap_start + HEAP_MAX;
}

static size_t block_size(size_t payload)
{
	if (payload > HEAP_MAX)
		return 0;
	return (payload + HDR + ALIGN - 1) & ~(ALIGN - 1);
}

/* Takes the first free block of at least size bytes, splitting off what is left over. */
static struct block *take_free(size_t size)
{
	for (struct block **link = &__umol4_free_list; *link; link = &(*link)->next) {
		struct block *b = *link;

		if (b->size < size)
			continue;
		if (b->size - size >= HDR + ALIGN) {
			struct block *rest = (struct block *)((char *)b + size);

			rest->size = b->size - size;
			rest->next = b->next;
			b->size = size;
			*link = rest;
		} else {
			*link = b->next;
		}
		return b;
	}
	return NULL;
}

static struct block *take_brk(size_t size)
{
	struct block *b;

	if (!__umol4_heap_brk)
		__umol4_heap_brk = __l4_heap_start; /* page-aligned by l4.ld */
	if ((size_t)(heap_limit() - __umol4_heap_brk) < size)
		return NULL;
	b = (struct block *)__umol4_heap_brk;
	__umol4_heap_brk += size;
	b->size = size;
	return b;
}

void *malloc(size_t n)
{
	size_t size = block_size(n ? n : 1);
	struct block *b;

	if (!size)
		return NULL;
	b = take_free(size);
	if (!b)
		b = take_brk(size);
	return b ? (char *)b + HDR : NULL;
}
