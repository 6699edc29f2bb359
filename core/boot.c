#include "core/boot.h"
#include "core/device.h"
#include "core/kip.h"
#include "core/map.h"
#include "core/sched.h"
#include "core/task.h"

bool kernel_boot(struct kernel *k, const struct boot_image *s0, const struct boot_image *root,
		 const char *cmdline, const struct boot_module *mods, unsigned nmods)
{
	kip_init(k);
	device_table_write(k);
	kip_set_boot(k, KIP_OFF_SIGMA0, 0, s0->entry, s0->low, s0->high);
	/* the root task's memory includes its boot modules: sigma0 gives those pages to it */
	word_t root_high = root->high;
	for (unsigned i = 0; i < nmods; i++)
		if (mods[i].end > root_high)
			root_high = (mods[i].end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	kip_set_boot(k, KIP_OFF_ROOT, 0, root->entry, root->low, root_high);

	/* Fiasco's initial ids: sigma0 is 2.0 with chief 4, the root task 4.0 with chief 0. */
	struct task *ts = task_create(k, SIGMA0_TASK, ROOT_TASK, 0, s0->arch, s0->name);
	struct task *tr = task_create(k, ROOT_TASK, 0, 0, root->arch, root->name);
	if (!ts || !tr)
		return false;
	ts->idempotent = true;
	ts->depth = 1;
	/* the root task owns every other task number, active or not (Fiasco's init_workload) */
	k->owner[SIGMA0_TASK] = ROOT_TASK;
	for (unsigned nr = ROOT_TASK + 1; nr < L4_TASKS; nr++)
		k->owner[nr] = ROOT_TASK;
	struct thread *s = thread_create(k, ts, 0), *r = thread_create(k, tr, 0);
	if (!s || !r)
		return false;
	s->mcp = 0;
	r->mcp = 255;

	/* The root task finds the KIP and its command line without asking a pager, as if the
	 * boot loader had put them there; sigma0 sees all memory 1:1 anyway. */
	word_t kip_pa = kip_phys_for(k, tr);
	if (!map_kernel_page(tr, tr->arch->kip_addr, kip_pa, false) ||
	    !map_kernel_page(tr, k->bootinfo_phys, k->bootinfo_phys, false))
		return false;
	bootinfo_write(k, tr, cmdline, mods, nmods);

	thread_start(k, s, s0->entry, 0, L4ID_NIL);
	s0->arch->set_entry_args(s->regs, MULTIBOOT_MAGIC, 0, kip_phys_for(k, ts));
	thread_start(k, r, root->entry, 0, s->id);
	root->arch->set_entry_args(r->regs, MULTIBOOT_MAGIC, k->bootinfo_phys, tr->arch->kip_addr);
	return true;
}
