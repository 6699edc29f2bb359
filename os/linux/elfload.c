#include "os/linux/elfload.h"
#include "arch/isas.h"
#include "os/linux/inputfile.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Far more than a program has (code, data, perhaps a few more), few enough to compare each
 * with each for overlaps. */
#define MAX_SEGMENTS 32u

static const struct arch *arch_for(const GElf_Ehdr *eh)
{
	return arch_by_elf(eh->e_machine, eh->e_ident[EI_DATA] == ELFDATA2MSB);
}

static const char *machine_name(unsigned m)
{
	switch (m) {
	case EM_X86_64:
		return "x86-64";
	case EM_AARCH64:
		return "AArch64";
	case EM_RISCV:
		return "RISC-V";
	case EM_PPC:
		return "PowerPC";
	case EM_SPARC:
		return "SPARC";
	default:
		return 0;
	}
}

/* Opens and validates the ELF header; the caller ends libelf use and closes fd. */
static Elf *open_elf(const char *path, int *fd, GElf_Ehdr *eh, const struct arch **arch, char *err,
		     size_t errsize)
{
	if (elf_version(EV_CURRENT) == EV_NONE) {
		snprintf(err, errsize, "libelf initialisation failed");
		return 0;
	}
	*fd = input_open(path, err, errsize);
	if (*fd < 0)
		return 0;
	Elf *e = elf_begin(*fd, ELF_C_READ, 0);
	const char *why = 0;
	if (!e || elf_kind(e) != ELF_K_ELF)
		why = "not an ELF file";
	else if (!gelf_getehdr(e, eh))
		why = "truncated or malformed ELF header";
	else if (eh->e_ident[EI_CLASS] != ELFCLASS32) {
		const char *m = machine_name(eh->e_machine);
		char isas[64] = "";
		for (const struct arch *const *a = arch_isas; *a; a++)
			snprintf(isas + strlen(isas), sizeof isas - strlen(isas), "%s%s",
				 a == arch_isas ? "" : ", ", (*a)->name);
		snprintf(err, errsize,
			 "%s: unsupported ELF: %s 64-bit program (umol4 runs 32-bit %s L4 programs)",
			 path, m ? m : "a", isas);
		elf_end(e);
		close(*fd);
		return 0;
	} else if (eh->e_type != ET_EXEC)
		why = "not a statically linked executable (ET_EXEC)";
	else if (!(*arch = arch_for(eh))) {
		const char *m = machine_name(eh->e_machine);
		if (m)
			snprintf(err, errsize, "%s: unsupported machine %s", path, m);
		else
			snprintf(err, errsize, "%s: unsupported machine %u", path, eh->e_machine);
		elf_end(e);
		close(*fd);
		return 0;
	}
	if (why) {
		snprintf(err, errsize, "%s: %s", path, why);
		if (e)
			elf_end(e);
		close(*fd);
		return 0;
	}
	return e;
}

bool elf_probe(const char *path, struct elf_image *img, char *err, size_t errsize)
{
	int fd;
	GElf_Ehdr eh;
	const struct arch *arch = 0;
	Elf *e = open_elf(path, &fd, &eh, &arch, err, errsize);
	if (!e)
		return false;
	img->arch = arch;
	img->entry = (word_t)eh.e_entry;
	elf_end(e);
	close(fd);
	return true;
}

/* Zeroes phys[from, to). Whole host pages are handed back to the physical-memory memfd instead
 * (MADV_REMOVE punches a hole, which reads as zeros): a bss of megabytes, as sigma0's and the
 * loader's tables are, then costs host memory only where it is used, not in every instance from
 * the boot on. Memory that is not a shared mapping keeps the memset. */
static void zero_phys(uint8_t *phys, uint64_t from, uint64_t to)
{
	uint64_t pg = (uint64_t)sysconf(_SC_PAGESIZE), a = (from + pg - 1) & ~(pg - 1),
		 b = to & ~(pg - 1);
	if (a >= b || madvise(phys + a, b - a, MADV_REMOVE) != 0) {
		memset(phys + from, 0, to - from);
		return;
	}
	memset(phys + from, 0, a - from);
	memset(phys + b, 0, to - b);
}

bool elf_load(const char *path, uint8_t *phys, word_t phys_size, word_t reserved_end,
	      struct elf_image *img, char *err, size_t errsize)
{
	int fd;
	GElf_Ehdr eh;
	const struct arch *arch = 0;
	Elf *e = open_elf(path, &fd, &eh, &arch, err, errsize);
	if (!e)
		return false;
	size_t fsize = 0, nph = 0;
	const uint8_t *raw = (const uint8_t *)elf_rawfile(e, &fsize);
	bool ok = raw && elf_getphdrnum(e, &nph) == 0;
	if (!ok)
		snprintf(err, errsize, "%s: malformed program headers", path);
	/* libelf reads the table with its own entry size, whatever e_phentsize says */
	if (ok && nph && eh.e_phentsize != sizeof(Elf32_Phdr)) {
		snprintf(err, errsize, "%s: malformed program headers (entry size %u, not %zu)",
			 path, eh.e_phentsize, sizeof(Elf32_Phdr));
		ok = false;
	}
	uint64_t low = UINT64_MAX, high = 0, seg_start[MAX_SEGMENTS], seg_end[MAX_SEGMENTS];
	unsigned nseg = 0;
	for (size_t i = 0; ok && i < nph; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(e, (int)i, &ph)) {
			snprintf(err, errsize, "%s: malformed program header %zu", path, i);
			ok = false;
			break;
		}
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (ph.p_filesz > ph.p_memsz || ph.p_offset > fsize ||
		    ph.p_filesz > fsize - ph.p_offset) {
			snprintf(err, errsize,
				 "%s: truncated: segment %zu lies beyond the file's end", path, i);
			ok = false;
			break;
		}
		uint64_t va = ph.p_vaddr, end = va + ph.p_memsz;
		if (nseg == MAX_SEGMENTS) {
			snprintf(err, errsize, "%s: more than %u loadable segments", path,
				 MAX_SEGMENTS);
			ok = false;
			break;
		}
		for (unsigned j = 0; j < nseg && ok; j++)
			if (va < seg_end[j] && seg_start[j] < end) {
				snprintf(err, errsize,
					 "%s: segment %zu at 0x%08llx-0x%08llx overlaps another",
					 path, i, (unsigned long long)va, (unsigned long long)end);
				ok = false;
			}
		if (!ok)
			break;
		seg_start[nseg] = va;
		seg_end[nseg++] = end;
		if (va < reserved_end || end > phys_size) {
			snprintf(err, errsize,
				 "%s: segment at 0x%08llx-0x%08llx does not fit physical memory "
				 "0x%08x-0x%08x (see --mem)",
				 path, (unsigned long long)va, (unsigned long long)end,
				 reserved_end, phys_size);
			ok = false;
			break;
		}
		if (phys) {
			memcpy(phys + va, raw + ph.p_offset, ph.p_filesz);
			zero_phys(phys, va + ph.p_filesz, end);
		}
		if (va < low)
			low = va;
		if (end > high)
			high = end;
	}
	if (ok && high == 0) {
		snprintf(err, errsize, "%s: no loadable segment", path);
		ok = false;
	}
	if (ok) {
		img->arch = arch;
		img->entry = (word_t)eh.e_entry;
		img->low = (word_t)low & ~0xfffu;
		img->high = (word_t)((high + 0xfff) & ~0xfffull);
		if (img->entry < img->low || img->entry >= img->high) {
			snprintf(err, errsize, "%s: entry point 0x%08x lies outside the program",
				 path, img->entry);
			ok = false;
		}
	}
	elf_end(e);
	close(fd);
	return ok;
}

bool elf_check(const char *path, struct elf_image *img, char *err, size_t errsize)
{
	return elf_load(path, 0, 0xffffffffu, 0, img, err, errsize);
}
