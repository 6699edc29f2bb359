/* The boot modules the kernel passed in the Multiboot information (umol4 --module). */
#ifndef UMOL4_ROOTTASK_MODULES_H
#define UMOL4_ROOTTASK_MODULES_H

#include <l4/sys/types.h>

#define MODULE_NAME_MAX 64

struct module {
	const unsigned char *data; /* the file, 1:1 in the root task's space */
	l4_size_t size;
	const char *path; /* first word of the module's command line */
	l4_size_t path_len;
	const char *args;	    /* the rest of it, without leading blanks */
	char name[MODULE_NAME_MAX]; /* basename of the path */
};

/* Reads the module table; returns the number of modules. */
unsigned modules_init(void);
unsigned modules_count(void);
const struct module *module_get(unsigned i);
/* The module called name: its basename, or its basename without the extension (".elf"); the
 * first of equals. name ends at its first blank or NUL. */
const struct module *module_find(const char *name);
/* Whether module m's name ends in ext (".cfg"). */
int module_has_ext(const struct module *m, const char *ext);

#endif
