/*
 * The loader's configuration file (docs/loader.md): `task "name" "args"` lines, each followed by
 * optional attributes `memory <KiB>`, `priority <n>`, `direct_mapped`, `service`; `#` starts a
 * comment.
 */
#ifndef UMOL4_ROOTTASK_CONFIG_H
#define UMOL4_ROOTTASK_CONFIG_H

#include <l4/loader/loader.h>
#include <l4/sys/types.h>

#include "modules.h"

#define CFG_MAX_TASKS 32

struct cfg_task {
	char name[MODULE_NAME_MAX];
	char args[LOADER_CMDLINE_MAX + 1];
	int has_args;		  /* else the module's own command-line arguments */
	unsigned long memory_kib; /* 0: no limit */
	int priority;		  /* -1: the loader's */
	int direct;		  /* direct_mapped */
	int service;		  /* does not keep the instance alive */
	unsigned line;
};

/* Parses text (len bytes, not NUL-terminated). On a mistake prints "loader: FILE:LINE: what"
 * and returns -1; else 0 with the tasks in order. */
int config_parse(const char *text, l4_size_t len, const char *file, struct cfg_task *tasks,
		 unsigned max, unsigned *ntasks);

#endif
