#include <stdlib.h>

#include "heap.h"

static char *block_end(struct block *b)
{
	return (char *)b + b->size;
}

/* The last free block ends at brk: it goes back to the untouched part of the heap. */
static void trim_top(struct block *top)
{
	struct block **link = &__umol4_free_list;

	while (*link != top)
		link = &(*link)->next;
	*link = NULL;
	__umol4_heap_brk = (char *)top;
}

/* Inserts the block in address order and merges it with free neighbours. */
void free(void *p)
{
	struct block *b, **link, *prev = NULL;

	if (!p)
		return;
	b = (struct block *)((char *)p - HDR);
	for (link = &__umol4_free_list; *link && *link < b; link = &(*link)->next)
		prev = *link;
	b->next = *link;
	*link = b;
	if (b->next && block_end(b) == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && block_end(prev) == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
		b = prev;
	}
	if (!b->next && block_end(b) == __umol4_heap_brk)
		trim_top(b);
}
