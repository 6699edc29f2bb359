/* Boot: sigma0 and the root task (reference §1.3, docs/architecture.md "Boot"). */
#ifndef UMOL4_CORE_BOOT_H
#define UMOL4_CORE_BOOT_H

#include "core/kernel.h"
#include "core/kip.h"

/* A program image the os layer has already placed at its physical link address. */
struct boot_image {
	const struct arch *arch;
	const char *name;
	word_t entry;
	word_t low, high; /* physical range occupied by the image, high exclusive */
};

/* Creates sigma0 (task 2) and the root task (task 4, pager sigma0) ready to run; writes the KIP
 * and the root task's boot information (its command line). false: out of kernel memory. */
bool kernel_boot(struct kernel *k, const struct boot_image *sigma0, const struct boot_image *root,
		 const char *cmdline, const struct boot_module *mods, unsigned nmods);

#endif
