#include "os/linux/mapcheck.h"
#include "core/fmt.h"
#include "core/pagetable.h"

#include <stdio.h>
#include <string.h>

struct vma {
	unsigned long start, end, off;
	bool w;
	char name[64];
};

static bool next_vma(FILE *f, struct vma *v)
{
	char line[512], perms[8];
	while (fgets(line, sizeof line, f)) {
		v->name[0] = 0;
		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %63s", &v->start, &v->end, perms, &v->off,
			   v->name) >= 4) {
			v->w = perms[1] == 'w';
			return true;
		}
	}
	return false;
}

bool mapcheck_guest_base(pid_t pid, word_t mbox_va, uint64_t *base)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	struct vma v;
	bool found = false;
	while (f && !found && next_vma(f, &v))
		if (strstr(v.name, "umol4-mailbox") && v.start >= mbox_va) {
			*base = v.start - mbox_va;
			found = true;
		}
	if (f)
		fclose(f);
	return found;
}

bool mapcheck_task(const struct task *t, pid_t pid, uint64_t base)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return true; /* the process is gone: its death is reported elsewhere */
	struct vma v;
	bool ok = true;
	while (ok && next_vma(f, &v)) {
		if (!strstr(v.name, "umol4-physmem"))
			continue;
		for (unsigned long a = v.start; a < v.end; a += PAGE_SIZE) {
			unsigned long va = a - base;
			word_t frame = (word_t)((v.off + (a - v.start)) >> PAGE_SHIFT);
			pte_t pte = va < t->arch->user_end ? pt_lookup(&t->pt, (word_t)(va >> PAGE_SHIFT))
							    : 0;
			if ((pte & (PTE_PRESENT | PTE_DEVICE)) != PTE_PRESENT || PTE_FRAME(pte) != frame || (v.w && !(pte & PTE_WRITE))) {
				klog("task %x: host maps frame 0x%x at 0x%08x%s, which its L4 page table "
				     "does not grant (pte 0x%08x)",
				     t->nr, frame, (word_t)va, v.w ? " writable" : "", pte);
				ok = false;
				break;
			}
		}
	}
	fclose(f);
	return ok;
}
