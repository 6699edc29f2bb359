/*
 * ELF32 executables, read in place from boot-module memory. Every field is read byte by byte in
 * the file's own byte order, so a module of another ISA or byte order is still recognized and
 * refused by name instead of being misread.
 */
#include "elf.h"

#include <stdio.h>
#include <string.h>

#define EI_CLASS    4
#define EI_DATA	    5
#define ELFCLASS32  1
#define ELFDATA2LSB 1
#define ELFDATA2MSB 2
#define ET_EXEC	    2
#define EM_386	    3
#define EM_MIPS	    8
#define EM_ARM	    40
#define EM_RISCV    243
#define PT_LOAD	    1
#define PF_W	    2
#define EHDR_SIZE   52
#define PHDR_SIZE   32
#define PAGE	    4096UL

#if defined(__i386__)
#define OWN_MACHINE EM_386
#elif defined(__arm__)
#define OWN_MACHINE EM_ARM
#elif defined(__mips__)
#define OWN_MACHINE EM_MIPS
#elif defined(__riscv)
#define OWN_MACHINE EM_RISCV
#else
#error "unknown ISA"
#endif
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define OWN_DATA ELFDATA2MSB
#else
#define OWN_DATA ELFDATA2LSB
#endif

static const char *isa_name(unsigned machine, unsigned data)
{
	switch (machine) {
	case EM_386:
		return "x86";
	case EM_ARM:
		return data == ELFDATA2MSB ? "big-endian arm" : "arm";
	case EM_MIPS:
		return data == ELFDATA2MSB ? "mips" : "mipsel";
	case EM_RISCV:
		return data == ELFDATA2MSB ? "big-endian riscv" : "riscv";
	default:
		return 0;
	}
}

const char *elf_own_isa(void)
{
	return isa_name(OWN_MACHINE, OWN_DATA);
}

struct reader {
	const unsigned char *p;
	int big;
};

static l4_uint32_t get(const struct reader *r, l4_size_t off, unsigned n)
{
	l4_uint32_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= (l4_uint32_t)r->p[off + i] << (8 * (r->big ? n - 1 - i : i));
	return v;
}

static int fail(char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "%s", why);
	return -1;
}

/* The checks that tell "not ours" from "broken": header, class, byte order, machine, type. */
static int check_header(const unsigned char *file, l4_size_t size, struct reader *r, char *err,
			size_t errlen)
{
	if (size < EHDR_SIZE || memcmp(file, "\177ELF", 4))
		return fail(err, errlen, "is not an ELF file");
	if (file[EI_CLASS] != ELFCLASS32)
		return fail(err, errlen, "is not a 32-bit ELF file");
	if (file[EI_DATA] != ELFDATA2LSB && file[EI_DATA] != ELFDATA2MSB)
		return fail(err, errlen, "has an unknown byte order");
	r->p = file;
	r->big = file[EI_DATA] == ELFDATA2MSB;
	unsigned machine = get(r, 18, 2);
	const char *isa = isa_name(machine, file[EI_DATA]);
	if (machine != OWN_MACHINE || file[EI_DATA] != OWN_DATA) {
		if (isa)
			snprintf(err, errlen, "is a program for %s; this loader runs %s programs",
				 isa, elf_own_isa());
		else
			snprintf(err, errlen,
				 "is a program for machine %u; this loader runs %s programs",
				 machine, elf_own_isa());
		return -1;
	}
	if (get(r, 16, 2) != ET_EXEC)
		return fail(err, errlen, "is not an executable (ET_EXEC)");
	return 0;
}

static int add_segment(const struct reader *r, l4_size_t ph, l4_size_t size, l4_addr_t limit,
		       struct elf_image *img, char *err, size_t errlen)
{
	struct elf_seg s = {.offset = get(r, ph + 4, 4),
			    .vaddr = get(r, ph + 8, 4),
			    .filesz = get(r, ph + 16, 4),
			    .memsz = get(r, ph + 20, 4),
			    .writable = (get(r, ph + 24, 4) & PF_W) != 0};
	if (s.memsz == 0)
		return 0;
	if (s.filesz > s.memsz || s.offset > size || s.filesz > size - s.offset)
		return fail(err, errlen, "has a segment outside the file");
	if (s.vaddr < PAGE || s.vaddr >= limit || s.memsz > limit - s.vaddr)
		return fail(err, errlen, "has a segment outside the usable address range");
	if (img->nseg == ELF_MAX_SEGS)
		return fail(err, errlen, "has too many loadable segments");
	img->seg[img->nseg++] = s;
	l4_addr_t lo = s.vaddr & ~(PAGE - 1), hi = (s.vaddr + s.memsz + PAGE - 1) & ~(PAGE - 1);
	if (img->nseg == 1 || lo < img->low)
		img->low = lo;
	if (hi > img->high)
		img->high = hi;
	return 0;
}

int elf_read(const unsigned char *file, l4_size_t size, l4_addr_t limit, struct elf_image *img,
	     char *err, size_t errlen)
{
	struct reader r;
	if (check_header(file, size, &r, err, errlen))
		return -1;
	memset(img, 0, sizeof *img);
	img->entry = get(&r, 24, 4);
	l4_size_t phoff = get(&r, 28, 4), phentsize = get(&r, 42, 2), phnum = get(&r, 44, 2);
	if (phentsize < PHDR_SIZE || phoff > size || phnum > (size - phoff) / phentsize)
		return fail(err, errlen, "has a truncated program header table");
	for (l4_size_t i = 0; i < phnum; i++) {
		l4_size_t ph = phoff + i * phentsize;
		if (get(&r, ph, 4) == PT_LOAD && add_segment(&r, ph, size, limit, img, err, errlen))
			return -1;
	}
	if (!img->nseg)
		return fail(err, errlen, "has no loadable segment");
	if (img->entry < img->low || img->entry >= img->high)
		return fail(err, errlen, "has its entry point outside its segments");
	return 0;
}
