/* Symbols, source lines and call-frame information of the programs an instance runs, read from
 * their ELF files with elfutils' libdw. The kernel knows a task by its name (the program's
 * basename, as the loader names its tasks with kdebug 0x61); the boot plan tells which file has
 * that name. Files are opened the first time a report needs them, never on the normal path. */
#ifndef UMOL4_OS_SYMBOLIZE_H
#define UMOL4_OS_SYMBOLIZE_H

#include "core/kernel.h"

#include <elfutils/libdw.h>
#include <stddef.h>

/* The file of the program the kernel will call `name` (its basename when name is 0). */
void sym_add_program(const char *path, const char *name);
/* The file task t runs, or 0 if no registered program has its name. */
const char *sym_program_path(const struct task *t);

struct sym_loc {
	const char *function; /* 0 if no symbol covers the address */
	word_t offset;	      /* from the function's start */
	bool code;	      /* the symbol is a function (not data: a wild return address) */
	const char *file;     /* source file (full path as compiled), 0 without line info */
	int line;
};

/* What is at address pc of t's program; false if the program or the address is unknown. The
 * strings stay valid until sym_release_all. */
bool sym_lookup(const struct task *t, word_t pc, struct sym_loc *loc);
/* The address of a symbol of t's program (e.g. the stack's guard page). */
bool sym_address(const struct task *t, const char *symbol, word_t *addr);
/* The call-frame information covering pc in t's program: .eh_frame first, then .debug_frame.
 * false if neither has a frame for it. */
bool sym_frame(const struct task *t, word_t pc, Dwarf_Frame **frame);
/* The bytes of t's program image at [va, va+len) (within one segment) as its loader maps them:
 * what a page the task has not touched yet will hold. false outside the image. */
bool sym_read_image(const struct task *t, word_t va, void *buf, word_t len);
/* Closes every file (at the end of the instance). */
void sym_release_all(void);

#endif
