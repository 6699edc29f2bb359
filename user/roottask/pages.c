/*
 * The page records: one hash table keyed by (task, virtual page number) with chained entries
 * from a fixed array, so that the fault path costs a hash and a short chain walk and killing a
 * task walks only the chains. Links are entry index + 1, so 0 ends a chain and bss needs no
 * set-up.
 */
#include "pages.h"

#include "frames.h"

#define MAX_ENTRIES (64UL * 1024UL) /* 256 MiB of program memory */
#define NBUCKETS    8192UL

struct entry {
	l4_uint32_t key;   /* task << 20 | page number */
	l4_uint32_t frame; /* frame address | PAGE_WRITABLE */
	l4_uint32_t next;  /* link */
};

static struct entry entries[MAX_ENTRIES];
static l4_uint32_t bucket[NBUCKETS];
static l4_uint32_t free_list;
static l4_uint32_t never_used; /* entries[never_used..] were never handed out */

static l4_uint32_t key_of(unsigned task, l4_addr_t va)
{
	return (l4_uint32_t)task << 20 | (l4_uint32_t)(va / PAGE_SIZE);
}

static l4_uint32_t *chain(l4_uint32_t key)
{
	return &bucket[(key * 2654435761UL >> 7) % NBUCKETS];
}

static struct entry *lookup(l4_uint32_t key)
{
	for (l4_uint32_t i = *chain(key); i; i = entries[i - 1].next)
		if (entries[i - 1].key == key)
			return &entries[i - 1];
	return 0;
}

int pages_add(unsigned task, l4_addr_t va, l4_addr_t frame)
{
	l4_uint32_t i;
	if (free_list) {
		i = free_list;
		free_list = entries[i - 1].next;
	} else if (never_used < MAX_ENTRIES) {
		i = ++never_used;
	} else {
		return 0;
	}
	l4_uint32_t key = key_of(task, va), *head = chain(key);
	entries[i - 1] = (struct entry){key, (l4_uint32_t)frame, *head};
	*head = i;
	return 1;
}

l4_addr_t pages_find(unsigned task, l4_addr_t va)
{
	const struct entry *e = lookup(key_of(task, va));
	return e ? e->frame : 0;
}

void pages_make_writable(unsigned task, l4_addr_t va)
{
	struct entry *e = lookup(key_of(task, va));
	if (e)
		e->frame |= PAGE_WRITABLE;
}

/* Takes the entry *link points at out of its chain; returns its frame. */
static l4_addr_t unlink_entry(l4_uint32_t *link)
{
	l4_uint32_t i = *link;
	struct entry *e = &entries[i - 1];
	*link = e->next;
	e->next = free_list;
	free_list = i;
	return e->frame & ~(PAGE_SIZE - 1);
}

l4_addr_t pages_remove(unsigned task, l4_addr_t va)
{
	l4_uint32_t key = key_of(task, va);
	for (l4_uint32_t *link = chain(key); *link; link = &entries[*link - 1].next)
		if (entries[*link - 1].key == key)
			return unlink_entry(link);
	return 0;
}

unsigned long pages_drop_task(unsigned task, void (*release)(l4_addr_t frame))
{
	unsigned long n = 0;
	for (unsigned long h = 0; h < NBUCKETS; h++) {
		l4_uint32_t *link = &bucket[h];
		while (*link) {
			if (entries[*link - 1].key >> 20 != task) {
				link = &entries[*link - 1].next;
				continue;
			}
			release(unlink_entry(link));
			n++;
		}
	}
	return n;
}
