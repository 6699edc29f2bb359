/*
 * A first-fit allocator over an address-ordered free list. The heap lies between the page-aligned
 * end of the program (_end, l4.ld) and 16 MiB above it; "brk" marks how much of it was ever handed
 * out. Those pages are not requested from anyone: touching them page-faults them in through the
 * task's pager. Not safe against concurrent use by several L4 threads of one task.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

extern char _end[];

static char *heap_brk;
static struct block *free_list;

static char *heap_limit(void)
{
	return _end + HEAP_MAX;
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
	for (struct block **link = &free_list; *link; link = &(*link)->next) {
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

	if (!heap_brk)
		heap_brk = _end; /* page-aligned by l4.ld */
	if ((size_t)(heap_limit() - heap_brk) < size)
		return NULL;
	b = (struct block *)heap_brk;
	heap_brk += size;
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

static char *block_end(struct block *b)
{
	return (char *)b + b->size;
}

/* The last free block ends at brk: it goes back to the untouched part of the heap. */
static void trim_top(struct block *top)
{
	struct block **link = &free_list;

	while (*link != top)
		link = &(*link)->next;
	*link = NULL;
	heap_brk = (char *)top;
}

/* Inserts the block in address order and merges it with free neighbours. */
void free(void *p)
{
	struct block *b, **link, *prev = NULL;

	if (!p)
		return;
	b = (struct block *)((char *)p - HDR);
	for (link = &free_list; *link && *link < b; link = &(*link)->next)
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
	if (!b->next && block_end(b) == heap_brk)
		trim_top(b);
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size); /* reused blocks are dirty; fresh pages would be zero */
	return p;
}

void *realloc(void *p, size_t n)
{
	struct block *b;
	void *q;

	if (!p)
		return malloc(n);
	if (!n) {
		free(p);
		return NULL;
	}
	b = (struct block *)((char *)p - HDR);
	if (b->size - HDR >= n)
		return p;
	q = malloc(n);
	if (q) {
		memcpy(q, p, b->size - HDR);
		free(p);
	}
	return q;
}
