#include "core/map.h"
#include "core/fmt.h"
#include "core/ioport.h"
#include "core/mapdb.h"
#include "core/task.h"
#include "core/trace.h"

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
	if (src->idempotent &&
	    (vpage < (k->phys_size >> PAGE_SHIFT) || device_frame(k, vpage))) {
		*frame = vpage;
		*writable = true;
		return true;
	}
	return false;
}

/* Once per task: which task's mappings hit which limit of kernel memory. */
static void report_kmem(struct kernel *k, struct task *t)
{
	if (!t->pt.kmem_refused || t->pt.kmem_reported)
		return;
	t->pt.kmem_refused = false;
	t->pt.kmem_reported = true;
	klog("task %x (%s): mapping refused: kernel memory for mappings exhausted (this task %u KiB, "
	     "limit %u KiB; all tasks %u KiB, limit %u KiB)",
	     t->nr, t->name, (unsigned)(t->pt.kmem >> 10), (unsigned)(k->kmem.space_limit >> 10),
	     (unsigned)(k->kmem.used >> 10), (unsigned)(k->kmem.limit >> 10));
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
	int received = 0, changed = 0;
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
		/* an existing mapping stays: of another frame always, of this frame unless it
		 * derives from the mapper's (which may then upgrade it) or is being granted over */
		if ((old & PTE_PRESENT) &&
		    (PTE_FRAME(old) != frame ||
		     (!grant && !mapdb_derives(src, svp, dst, dva >> PAGE_SHIFT))))
			continue;
		pte_t pte = (frame << PAGE_SHIFT) | PTE_PRESENT | ((want_w && sw) ? PTE_WRITE : 0) |
			    (old & PTE_WRITE) |
			    (frame >= (k->phys_size >> PAGE_SHIFT) ? PTE_DEVICE : 0);
		word_t dvp = dva >> PAGE_SHIFT;
		if (!(grant ? mapdb_grant(src, svp, dst, dvp) : mapdb_map(src, svp, dst, dvp)) ||
		    (pte != old && !pt_set(&dst->pt, dvp, pte))) {
			report_kmem(k, dst);
			report_kmem(k, src);
			return -1;
		}
		received++;
		if (pte != old) {
			if (!changed || (dva >> PAGE_SHIFT) != last + 1) {
				if (changed)
					task_mark_dirty(dst, first, last);
				first = dva >> PAGE_SHIFT;
			}
			last = dva >> PAGE_SHIFT;
			changed++;
		}
		if (grant) {
			pt_set(&src->pt, svp, 0);
			task_mark_dirty(src, svp, svp);
		}
	}
	if (changed)
		task_mark_dirty(dst, first, last);
	return received;
}

bool map_kernel_page(struct task *t, word_t va, word_t pa, bool writable)
{
	word_t vp = va >> PAGE_SHIFT;
	if (!pt_set(&t->pt, vp, (pa & ~(PAGE_SIZE - 1)) | PTE_PRESENT | (writable ? PTE_WRITE : 0)))
		return false;
	task_mark_dirty(t, vp, vp);
	return true;
}

void sys_fpage_unmap(struct kernel *k, struct task *t, word_t fp, word_t mask)
{
	unsigned s = fpage_log2(fp);
	if (fpage_is_io(fp) || (s >= 32 && (t->io || t->idempotent))) {
		/* the whole space includes the I/O ports (reference §2.4) */
		TRACE(k, .kind = TR_UNMAP, .n = {(mask & 2u) != 0, (mask & 0x80000000u) != 0, s},
		      .nn = 3, .addr = fp & ~3u, .has_addr = true);
		ioport_unmap(k, t, fpage_is_io(fp) ? fp : io_fpage_make(0, IO_PORTS_LOG2),
			     mask & 2u, mask & 0x80000000u);
		if (fpage_is_io(fp))
			return;
	}
	if (s < PAGE_SHIFT)
		return;
	if (s > 32)
		s = 32;
	uint64_t size = 1ull << s, base = fpage_base(fp) & ~(size - 1);
	uint64_t end = base + size < t->arch->user_end ? base + size : t->arch->user_end;
	bool flush = mask & 2u, self = mask & 0x80000000u;
	TRACE(k, .kind = TR_UNMAP, .n = {flush, self, s}, .nn = 3, .addr = fpage_base(fp),
	      .has_addr = true, .mem = t->idempotent);
	for (uint64_t va = base; va < end; va += PAGE_SIZE) {
		word_t vp = (word_t)(va >> PAGE_SHIFT);
		if (!t->pt.dir[vp >> 10] && !t->pt.nodes[vp >> 10]) {
			va += (uint64_t)(1023 - (vp & 1023)) * PAGE_SIZE; /* nothing in this table */
			continue;
		}
		if ((pt_lookup(&t->pt, vp) & PTE_PRESENT) || pt_node(&t->pt, vp))
			mapdb_unmap(t, vp, flush, self);
	}
}
