/* A small ELF32 reader for executables in memory (boot modules), either byte order. */
#ifndef UMOL4_ROOTTASK_ELF_H
#define UMOL4_ROOTTASK_ELF_H

#include <l4/sys/types.h>
#include <stddef.h>

#define ELF_MAX_SEGS 8

struct elf_seg {
	l4_addr_t vaddr, memsz;	  /* where the segment lies in the program's space */
	l4_addr_t offset, filesz; /* its initialized part in the file */
	int writable;
};

struct elf_image {
	l4_addr_t entry;
	l4_addr_t low, high; /* page-aligned hull of all segments */
	unsigned nseg;
	struct elf_seg seg[ELF_MAX_SEGS];
};

/* Reads the program headers of an executable of this loader's own ISA whose loadable segments
 * lie in [0x1000, limit). Returns 0, or -1 with a one-line reason in err ("is a mips program",
 * "is not an ELF file", ...). */
int elf_read(const unsigned char *file, l4_size_t size, l4_addr_t limit, struct elf_image *img,
	     char *err, size_t errlen);

/* The ISA this loader runs programs of ("x86", "arm", "mips", "mipsel", "riscv"). */
const char *elf_own_isa(void);

#endif
