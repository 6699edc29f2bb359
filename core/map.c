#include "core/map.h"
#include "core/task.h"

/* Frame and rights src has at vpage; false if none. */
static bool src_page(const struct kernel *k, const struct task *src, word_t vpage, word_t *frame,
		     bool *writable)
{
	pte_t pte = pt_lookup(&src->pt, vpage);
	if (pte & PTE_PRESENT) {
		*frame = PTE_FRAME(pte);
		*writable = pte & PTE_WRITE;
		return true;
	}
	if (src->idempotent && vpage < (k->phys_size >> PAGE_SHIFT)) {
		*frame = vpage;
		*writable = true;
		return true;
	}
	return false;
}

int fpage_map(struct kernel *k, struct task *src, struct task *dst, word_t snd_base, word_t fp,
	      word_t window)
{
	unsigned s = fpage_log2(fp), r = fpage_log2(window);
	if (s < PAGE_SHIFT || r < PAGE_SHIFT || src == dst)
		return 0;
	if (s > 32)
		s = 32;
	if (r > 32)
		r = 32;
	uint64_t ssize = 1ull << s, rsize = 1ull << r;
	uint64_t sbase = fpage_base(fp) & ~(ssize - 1), rbase = fpage_base(window) & ~(rsize - 1);
	uint64_t src_start, dst_start, len;
	if (s <= r) {
		len = ssize;
		src_start = sbase;
		dst_start = rbase + ((snd_base & (rsize - 1)) & ~(ssize - 1));
	} else {
		len = rsize;
		src_start = sbase + ((snd_base & (ssize - 1)) & ~(rsize - 1));
		dst_start = rbase;
	}
	bool want_w = fpage_writable(fp), grant = fpage_grant(fp) && !src->idempotent;
	int mapped = 0;
	word_t first = 0, last = 0;
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		word_t svp = (word_t)((src_start + off) >> PAGE_SHIFT);
		word_t dva = (word_t)(dst_start + off);
		if (dst_start + off >= dst->arch->user_end)
			break;
		/* skip absent second-level tables of ordinary spaces in one step */
		if (!src->idempotent && !src->pt.dir[svp >> 10]) {
			off += (uint64_t)(1023 - (svp & 1023)) * PAGE_SIZE;
			continue;
		}
		word_t frame;
		bool sw;
		if (!src_page(k, src, svp, &frame, &sw))
			continue;
		pte_t old = pt_lookup(&dst->pt, dva >> PAGE_SHIFT);
		if ((old & PTE_PRESENT) && PTE_FRAME(old) != frame)
			continue;
		pte_t pte = (frame << PAGE_SHIFT) | PTE_PRESENT | ((want_w && sw) ? PTE_WRITE : 0) |
			    (old & PTE_WRITE);
		if (pte != old) {
			if (!pt_set(&dst->pt, dva >> PAGE_SHIFT, pte))
				return -1;
			if (!mapped || (dva >> PAGE_SHIFT) != last + 1) {
				if (mapped)
					task_mark_dirty(dst, first, last);
				first = dva >> PAGE_SHIFT;
			}
			last = dva >> PAGE_SHIFT;
			mapped++;
		}
		if (grant) {
			pt_set(&src->pt, svp, 0);
			task_mark_dirty(src, svp, svp);
		}
	}
	if (mapped)
		task_mark_dirty(dst, first, last);
	return mapped;
}

bool map_kernel_page(struct task *t, word_t va, word_t pa, bool writable)
{
	word_t vp = va >> PAGE_SHIFT;
	if (!pt_set(&t->pt, vp, (pa & ~(PAGE_SIZE - 1)) | PTE_PRESENT | (writable ? PTE_WRITE : 0)))
		return false;
	task_mark_dirty(t, vp, vp);
	return true;
}
