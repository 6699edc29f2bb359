/*
 * Memory a program asks for explicitly, beyond the pages it faults in: the sigma0 protocol spoken
 * to rmgr_pager_id (any page, the KIP, kernel memory, a 4 MB superpage), and RMGR's reserve_mem.
 * Both are recorded in the program's page table like its own pages, keyed by the frame's physical
 * address: RMGR gave its clients physical memory 1:1, so a reserved range appears in the program at
 * its physical address on the first touch, and rmgr_free_page and the end of the task give it back
 * like any other page.
 */
#include <l4/rmgr/librmgr.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>

#include "frames.h"
#include "pages.h"
#include "roottask.h"

#define SIGMA0_ANY     0xfffffffcUL
#define RESERVE_MAX    (64UL << 20) /* one reservation at most */
#define RESERVE_TRIES  4096	    /* candidate ranges looked at */
#define COLLISIONS_MAX 8
#define SUPERPAGE_LOG2 22

static int over_quota(const struct task *t, unsigned long more)
{
	return t->quota && t->pages + more > t->quota;
}

/* A frame no page of task nr is recorded at yet, so that it can be keyed by its address. */
static l4_addr_t fresh_frame(unsigned nr)
{
	l4_addr_t held[COLLISIONS_MAX], f = 0;
	unsigned n = 0;
	while (n < COLLISIONS_MAX && (f = frame_alloc()) && pages_find(nr, f))
		held[n++] = f;
	if (f && pages_find(nr, f))
		f = 0;
	while (n)
		frame_free(held[--n]);
	return f;
}

/* Takes the frames [a, a + size) for task nr, all or none. */
static int take_range(unsigned nr, l4_addr_t a, l4_size_t size)
{
	l4_size_t o = 0;
	while (o < size && !pages_find(nr, a + o) && frame_alloc_at(a + o))
		o += PAGE_SIZE;
	if (o == size) {
		for (o = 0; o < size && pages_add(nr, a + o, (a + o) | PAGE_WRITABLE);
		     o += PAGE_SIZE)
			;
		if (o == size)
			return 1;
		for (l4_size_t x = 0; x < o; x += PAGE_SIZE)
			pages_remove(nr, a + x);
	}
	for (l4_size_t x = 0; x < o; x += PAGE_SIZE)
		frame_free(a + x);
	return 0;
}

/* Whether task nr holds [a, a + size) already, 1:1 and writable. */
static int holds_range(unsigned nr, l4_addr_t a, l4_size_t size)
{
	for (l4_size_t o = 0; o < size; o += PAGE_SIZE)
		if (pages_find(nr, a + o) != ((a + o) | PAGE_WRITABLE))
			return 0;
	return 1;
}

/* RMGR's superpage request (w0 = address | 1, w1 = 22 << 2): the physical 4 MB superpage at the
 * address, 1:1 as RMGR gives physical memory, if the program holds it already or all its frames
 * are free; otherwise RMGR falls back to the single page, and so do we (the caller). */
static int superpage(unsigned nr, l4_addr_t a, l4_umword_t *base, l4_umword_t *fpage)
{
	struct task *t = &tasks[nr];
	l4_size_t size = 1UL << SUPERPAGE_LOG2;
	a &= ~(size - 1);
	if (!holds_range(nr, a, size)) {
		if (over_quota(t, size / PAGE_SIZE) || !take_range(nr, a, size))
			return 0;
		t->pages += size / PAGE_SIZE;
	}
	*base = a;
	*fpage = l4_fpage(a, SUPERPAGE_LOG2, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	return 1;
}

int memory_sigma0_request(unsigned nr, l4_umword_t w0, l4_umword_t w1, l4_umword_t *base,
			  l4_umword_t *fpage)
{
	struct task *t = &tasks[nr];
	if (w0 == 1 && (w1 & 0xff) == 1) { /* the KIP, read-only */
		*base = 0;
		*fpage = l4_fpage((l4_addr_t)l4_kernel_interface(), L4_LOG2_PAGESIZE, L4_FPAGE_RO,
				  L4_FPAGE_MAP)
			     .fpage;
		return 1;
	}
	if (w0 == 1 && (w1 & 0xff) == 0) /* kernel memory: umol4's kernel needs none */
		return 0;
	if ((w0 & 1) && w1 == SUPERPAGE_LOG2 << 2 && t->state == TS_PROGRAM &&
	    superpage(nr, w0 & ~3UL, base, fpage))
		return 1;
	if ((w0 & ~3UL) != SIGMA0_ANY)
		return -1;
	l4_addr_t f = over_quota(t, 1) ? 0 : fresh_frame(nr);
	if (!f)
		return 0; /* sigma0's answer when memory is exhausted */
	if (!pages_add(nr, f, f | PAGE_WRITABLE)) {
		frame_free(f);
		return 0;
	}
	t->pages++;
	*base = f;
	*fpage = l4_fpage(f, L4_LOG2_PAGESIZE, L4_FPAGE_RW, L4_FPAGE_MAP).fpage;
	return 1;
}

l4_addr_t memory_reserve(unsigned nr, l4_size_t size, unsigned log2_align, l4_addr_t low,
			 l4_addr_t high)
{
	struct task *t = &tasks[nr];
	size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (log2_align < L4_LOG2_PAGESIZE)
		log2_align = L4_LOG2_PAGESIZE;
	if (t->state != TS_PROGRAM || !size || size > RESERVE_MAX || log2_align > 26 ||
	    over_quota(t, size / PAGE_SIZE))
		return ~0UL;
	l4_addr_t step = 1UL << log2_align, a = (low + step - 1) & ~(step - 1);
	if (!a)
		a = step; /* page 0 is nobody's */
	if (!high)
		high = ~0UL;
	for (unsigned tries = 0; tries < RESERVE_TRIES && a >= low && a - 1 + size <= high;
	     tries++, a += step)
		if (take_range(nr, a, size)) {
			t->pages += size / PAGE_SIZE;
			return a;
		}
	return ~0UL;
}
