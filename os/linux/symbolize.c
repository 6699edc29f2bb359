/* Program files and their debugging information through libdwfl's offline mode: a program is
 * reported as an ET_EXEC file at its link addresses, so an L4 address is a module address as it
 * is (bias 0), whatever the ISA. */
#include "os/linux/symbolize.h"

#include <elfutils/libdwfl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PROGRAMS 64
/* The kernel keeps 27 characters of a name a chief gives its task (struct task.name_buf). */
#define TASK_NAME_MAX 27

struct program {
	char *name, *path;
	Dwfl *dwfl;
	Dwfl_Module *mod;
	bool opened; /* tried to open (mod stays 0 if that failed) */
};

static struct program programs[MAX_PROGRAMS];
static unsigned nprograms;

void sym_add_program(const char *path, const char *name)
{
	if (nprograms == MAX_PROGRAMS)
		return;
	char full[PATH_MAX];
	if (!realpath(path, full))
		return;
	if (!name)
		name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	for (unsigned i = 0; i < nprograms; i++)
		if (!strcmp(programs[i].name, name))
			return; /* two files of one name: the first is what the loader finds first
				 */
	struct program *p = &programs[nprograms];
	p->name = strdup(name);
	p->path = strdup(full);
	if (p->name && p->path)
		nprograms++;
}

static struct program *program_of(const struct task *t)
{
	if (!t->name)
		return 0;
	size_t n = strlen(t->name);
	for (unsigned i = 0; i < nprograms; i++) {
		struct program *p = &programs[i];
		if (!strcmp(p->name, t->name) ||
		    (n == TASK_NAME_MAX && !strncmp(p->name, t->name, TASK_NAME_MAX)))
			return p;
	}
	return 0;
}

const char *sym_program_path(const struct task *t)
{
	const struct program *p = program_of(t);
	return p ? p->path : 0;
}

static char *no_debuginfo_path;
static const Dwfl_Callbacks offline_callbacks = {
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
    .debuginfo_path = &no_debuginfo_path,
};

static Dwfl_Module *module_of(const struct task *t)
{
	struct program *p = program_of(t);
	if (!p)
		return 0;
	if (!p->opened) {
		p->opened = true;
		p->dwfl = dwfl_begin(&offline_callbacks);
		if (p->dwfl) {
			p->mod = dwfl_report_offline(p->dwfl, p->name, p->path, -1);
			dwfl_report_end(p->dwfl, 0, 0);
		}
	}
	return p->mod;
}

bool sym_lookup(const struct task *t, word_t pc, struct sym_loc *loc)
{
	memset(loc, 0, sizeof *loc);
	Dwfl_Module *m = module_of(t);
	if (!m)
		return false;
	GElf_Off off = 0;
	GElf_Sym sym;
	loc->function = dwfl_module_addrinfo(m, pc, &off, &sym, 0, 0, 0);
	loc->offset = (word_t)off;
	loc->code = loc->function && GELF_ST_TYPE(sym.st_info) == STT_FUNC;
	Dwfl_Line *line = dwfl_module_getsrc(m, pc);
	if (line)
		loc->file = dwfl_lineinfo(line, 0, &loc->line, 0, 0, 0);
	return loc->function || loc->file;
}

bool sym_address(const struct task *t, const char *symbol, word_t *addr)
{
	Dwfl_Module *m = module_of(t);
	int n = m ? dwfl_module_getsymtab(m) : -1;
	for (int i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr value;
		const char *name = dwfl_module_getsym_info(m, i, &sym, &value, 0, 0, 0);
		if (name && !strcmp(name, symbol)) {
			*addr = (word_t)value;
			return true;
		}
	}
	return false;
}

bool sym_frame(const struct task *t, word_t pc, Dwarf_Frame **frame)
{
	Dwfl_Module *m = module_of(t);
	if (!m)
		return false;
	Dwarf_Addr bias;
	Dwarf_CFI *cfi = dwfl_module_eh_cfi(m, &bias);
	if (cfi && dwarf_cfi_addrframe(cfi, pc - bias, frame) == 0)
		return true;
	cfi = dwfl_module_dwarf_cfi(m, &bias);
	return cfi && dwarf_cfi_addrframe(cfi, pc - bias, frame) == 0;
}

bool sym_read_image(const struct task *t, word_t va, void *buf, word_t len)
{
	Dwfl_Module *m = module_of(t);
	GElf_Addr bias;
	Elf *e = m ? dwfl_module_getelf(m, &bias) : 0;
	size_t nph;
	if (!e || elf_getphdrnum(e, &nph) != 0)
		return false;
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_LOAD || va < ph.p_vaddr ||
		    (GElf_Addr)va + len > ph.p_vaddr + ph.p_memsz)
			continue;
		/* what the loader maps: the file's bytes, then zeros up to the segment's size */
		GElf_Addr in = va - ph.p_vaddr;
		size_t from_file = in < ph.p_filesz ? ph.p_filesz - in : 0;
		if (from_file > len)
			from_file = len;
		memset(buf, 0, len);
		if (!from_file)
			return true;
		Elf_Data *d = elf_getdata_rawchunk(e, (int64_t)(ph.p_offset + in), from_file,
						   ELF_T_BYTE);
		if (!d || d->d_size != from_file)
			return false;
		memcpy(buf, d->d_buf, from_file);
		return true;
	}
	return false;
}

void sym_release_all(void)
{
	for (unsigned i = 0; i < nprograms; i++) {
		if (programs[i].dwfl)
			dwfl_end(programs[i].dwfl);
		free(programs[i].name);
		free(programs[i].path);
	}
	nprograms = 0;
}
