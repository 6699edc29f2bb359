/* What an instance boots, from the command line: the root task's ELF file and command line, and
 * the boot modules behind it (docs/usage.md, "What umol4 boots"). */
#ifndef UMOL4_OS_BOOTPLAN_H
#define UMOL4_OS_BOOTPLAN_H

#include "core/kip.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

enum root_mode {
	ROOT_LOADER,  /* default: the loader, starting the programs (or a --config) */
	ROOT_FILE,    /* --root=FILE: the programs become FILE's boot modules */
	ROOT_PROGRAM, /* --no-loader: the (one) program itself is the root task */
};

struct boot_request {
	enum root_mode mode;
	const char *root_file; /* ROOT_FILE */
	const char *config;    /* --config, or 0 */
	const char **modules;  /* --module specs */
	unsigned nmodules;
	const char **services; /* --service specs: programs that do not keep the instance alive */
	unsigned nservices;
	char **words; /* positional: programs and their arguments */
	int nwords;
	const char *libdir; /* build/lib/umol4 */
};

struct boot_plan {
	char root[PATH_MAX + 64];
	char *root_cmdline;
	unsigned nmods;
	char *mod_cmdline[MAX_BOOT_MODULES];
	char *mod_text[MAX_BOOT_MODULES]; /* generated contents (a configuration), or 0: the file */
};

/* Fills *p from *r. On a mistake writes one line (without "umol4: ") to err and returns
 * false; *p is then freed already. */
bool boot_plan_make(const struct boot_request *r, struct boot_plan *p, char *err, size_t errsize);
/* Puts module i at *next (page aligned) in physical memory; *next moves behind it. */
bool boot_plan_load_module(const struct boot_plan *p, unsigned i, uint8_t *phys, word_t phys_size,
			   word_t *next, struct boot_module *m, char *err, size_t errsize);
void boot_plan_free(struct boot_plan *p);

#endif
