/*
 * The frame pool. Two bitmaps over physical memory: frames the loader owns (got from sigma0) and,
 * among them, frames in use. New frames come from sigma0's "any page" request with the whole
 * address space as receive window, so each lands at its physical address. Should sigma0 hand out
 * a frame the loader cannot map 1:1 (above the KIP, with a large --mem), the loader asks for
 * specific frames instead, top-down below that limit.
 */
#include "frames.h"

#include <l4/sys/ipc.h>
#include <l4/sys/kernel.h>
#include <l4/sys/syscalls.h>
#include <string.h>

#define MAX_FRAMES (3072UL * 256UL) /* umol4's largest --mem */
#define SIGMA0_ANY 0xfffffffcUL
#define SIGMA0_EXCLUSIVE 0x80UL /* umol4's sigma0: "serve only me" (user/sigma0/sigma0.c) */
#define WORD_BITS  32UL

static l4_uint32_t owned[MAX_FRAMES / WORD_BITS], busy[MAX_FRAMES / WORD_BITS];
static l4_addr_t limit;		   /* first address not mappable 1:1 */
static l4_addr_t root_lo, root_hi; /* the loader's own image and boot modules */
static unsigned long nused, npooled;
static l4_addr_t scan_next;	/* 0 while sigma0's "any page" works */
static unsigned long free_hint; /* where to look for a pooled frame */

static int test(const l4_uint32_t *map, unsigned long f)
{
	return (map[f / WORD_BITS] >> (f % WORD_BITS)) & 1;
}

static void set(l4_uint32_t *map, unsigned long f, int v)
{
	if (v)
		map[f / WORD_BITS] |= 1UL << (f % WORD_BITS);
	else
		map[f / WORD_BITS] &= ~(1UL << (f % WORD_BITS));
}

void frames_init(l4_addr_t lim)
{
	const l4_kernel_info_t *kip = l4_kernel_interface();
	limit = lim;
	if (kip->main_memory.high && kip->main_memory.high < limit)
		limit = kip->main_memory.high;
	if (limit > MAX_FRAMES * PAGE_SIZE)
		limit = MAX_FRAMES * PAGE_SIZE;
	root_lo = kip->root_memory.low;
	root_hi = kip->root_memory.high;
	/* Memory limits of programs mean nothing if they can ask sigma0 themselves: claim sigma0
	 * for the loader before anybody else runs (umol4's sigma0 extension, docs/security.md). */
	l4_threadid_t sigma0 = L4_NIL_ID;
	l4_umword_t w0, w1;
	l4_msgdope_t dope;
	sigma0.id.task = 2;
	l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, 1, SIGMA0_EXCLUSIVE, L4_IPC_SHORT_MSG, &w0, &w1,
		    L4_IPC_NEVER, &dope);
}

/* One sigma0 request (w0 = SIGMA0_ANY or an address); the frame it mapped, or 0. */
static l4_addr_t sigma0_page(l4_umword_t w0)
{
	l4_threadid_t sigma0 = L4_NIL_ID;
	l4_umword_t base = 0, fp = 0;
	l4_msgdope_t dope;
	sigma0.id.task = 2;
	int err =
	    l4_ipc_call(sigma0, L4_IPC_SHORT_MSG, w0, 0, L4_IPC_MAPMSG(0, L4_WHOLE_ADDRESS_SPACE),
			&base, &fp, L4_IPC_NEVER, &dope);
	if (err || !l4_ipc_fpage_received(dope))
		return 0;
	return base & ~(PAGE_SIZE - 1);
}

static l4_addr_t take(l4_addr_t pa)
{
	unsigned long f = pa / PAGE_SIZE;
	set(owned, f, 1);
	set(busy, f, 1);
	nused++;
	memset((void *)pa, 0, PAGE_SIZE);
	return pa;
}

static int mine_already(l4_addr_t pa)
{
	return pa < PAGE_SIZE || pa >= limit || (pa >= root_lo && pa < root_hi) ||
	       test(owned, pa / PAGE_SIZE);
}

static l4_addr_t new_frame(void)
{
	if (!scan_next) {
		l4_addr_t pa = sigma0_page(SIGMA0_ANY);
		if (pa && pa + PAGE_SIZE <= limit)
			return take(pa);
		if (!pa)
			return 0;
		/* sigma0 keeps that frame ours; it is of no use, so stop asking for "any" */
		scan_next = limit - PAGE_SIZE;
	}
	for (; scan_next >= PAGE_SIZE; scan_next -= PAGE_SIZE) {
		if (mine_already(scan_next))
			continue;
		if (sigma0_page(scan_next) == scan_next)
			return take(scan_next);
	}
	return 0;
}

l4_addr_t frame_alloc(void)
{
	if (npooled) {
		unsigned long n = limit / PAGE_SIZE;
		for (unsigned long i = 0; i < n; i++) {
			unsigned long f = (free_hint + i) % n;
			if (test(owned, f) && !test(busy, f)) {
				npooled--;
				free_hint = f;
				return take(f * PAGE_SIZE);
			}
		}
	}
	return new_frame();
}

l4_addr_t frame_alloc_at(l4_addr_t pa)
{
	pa &= ~(PAGE_SIZE - 1);
	if (pa < PAGE_SIZE || pa >= limit || (pa >= root_lo && pa < root_hi))
		return 0;
	unsigned long f = pa / PAGE_SIZE;
	if (test(owned, f)) {
		if (test(busy, f))
			return 0;
		npooled--;
		return take(pa);
	}
	return sigma0_page(pa) == pa ? take(pa) : 0;
}

void frame_free(l4_addr_t pa)
{
	unsigned long f = pa / PAGE_SIZE;
	if (pa >= limit || !test(busy, f))
		return;
	set(busy, f, 0);
	nused--;
	npooled++;
}

unsigned long frames_used(void)
{
	return nused;
}

unsigned long frames_pooled(void)
{
	return npooled;
}
