/* Loading L4 program images (ELF32, any supported ISA) into physical memory with libelf. */
#ifndef UMOL4_OS_ELFLOAD_H
#define UMOL4_OS_ELFLOAD_H

#include "core/arch.h"

struct elf_image {
	const struct arch *arch;
	word_t entry;
	word_t low, high; /* physical range the image occupies, page aligned, high exclusive */
};

/* Identifies the ISA of `path` without loading it. On failure returns false and writes one
 * human-readable reason to err. */
bool elf_probe(const char *path, struct elf_image *img, char *err, size_t errsize);
/* Loads `path` at its link addresses into phys[0..phys_size), refusing [0, reserved_end). */
bool elf_load(const char *path, uint8_t *phys, word_t phys_size, word_t reserved_end,
	      struct elf_image *img, char *err, size_t errsize);
/* Checks `path` as elf_load would, without loading it (a program for the loader to load). */
bool elf_check(const char *path, struct elf_image *img, char *err, size_t errsize);

#endif
